"""What to list: a folder, a name filter, an order and a page size, checked before sending.

Every part is checked here, so a query that reaches the server is one the API accepts: a name
becomes one escaped ``name="..."`` string literal, an order one of the fields the API sorts by.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from inspector.api.errors import UsageError
from inspector.api.inputs import FOLDER_ID, validate_resource_id
from inspector.i18n import _

MAX_PAGE_SIZE: Final = 1000
DEFAULT_PAGE_SIZE: Final = 100
MAX_FILTER_LENGTH: Final = 1000


class OrderField(StrEnum):
    """The fields the API can order by, spelled as ``orderBy`` wants them."""

    NAME = "name"
    CREATED_AT = "createdAt"
    STATUS = "status"


@dataclass(frozen=True, slots=True)
class OrderBy:
    field: OrderField
    descending: bool = False

    def __str__(self) -> str:
        return f"{self.field} {'desc' if self.descending else 'asc'}"


def parse_order_by(raw: str) -> OrderBy:
    """``name``, ``createdAt desc``, ``status:asc``: a field and an optional direction."""
    parts = raw.replace(":", " ").split()
    fields = {item.value.lower(): item for item in OrderField}
    if not 1 <= len(parts) <= 2 or parts[0].lower() not in fields:
        choices = ", ".join(item.value for item in OrderField)
        raise UsageError(
            _("order by {raw}: expected one of {choices}, then asc or desc").format(
                raw=repr(raw), choices=choices
            )
        )
    direction = parts[1].lower() if len(parts) == 2 else "asc"
    if direction not in ("asc", "desc"):
        raise UsageError(
            _("order by {raw}: the direction is asc or desc, not {direction}").format(
                raw=repr(raw), direction=repr(parts[1])
            )
        )
    return OrderBy(fields[parts[0].lower()], descending=direction == "desc")


def name_filter(name: str) -> str:
    """``name="..."`` with backslashes and quotes escaped, so any name stays one string literal."""
    if not encodable(name):
        raise UsageError(
            _(
                "the name is not valid text (bytes that are not UTF-8, or a lone surrogate); "
                "type it again"
            )
        )
    bad = next((char for char in name if ord(char) < 0x20 or 0x7F <= ord(char) <= 0x9F), None)
    if bad is not None:
        raise UsageError(
            _("the name contains a control character (U+{code}); names cannot have one").format(
                code=f"{ord(bad):04X}"
            )
        )
    escaped = name.replace("\\", "\\\\").replace('"', '\\"')
    text = f'name="{escaped}"'
    if len(text) > MAX_FILTER_LENGTH:
        raise UsageError(
            _("the name is too long for a filter (at most {count} chars)").format(
                count=MAX_FILTER_LENGTH
            )
        )
    return text


@dataclass(frozen=True, slots=True)
class ListQuery:
    """What to list; build it with :func:`make_query`, which checks every part."""

    folder_id: str
    name: str | None = None
    order_by: OrderBy | None = None
    page_size: int = DEFAULT_PAGE_SIZE

    def params(self, page_token: str | None) -> list[tuple[str, str]]:
        params = [("folderId", self.folder_id), ("pageSize", str(self.page_size))]
        if page_token:
            params.append(("pageToken", page_token))
        if self.name is not None:
            params.append(("filter", name_filter(self.name)))
        if self.order_by is not None:
            params.append(("orderBy", str(self.order_by)))
        return params


def make_query(
    folder_id: str,
    *,
    name: str | None = None,
    order_by: str | OrderBy | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
) -> ListQuery:
    """A checked query, or :class:`UsageError` before anything is sent; a blank name is none."""
    folder = validate_resource_id(folder_id, what=FOLDER_ID)
    name = name.strip() if name is not None else None
    if name is not None:
        name_filter(name)
    if isinstance(order_by, str):
        order_by = parse_order_by(order_by) if order_by.strip() else None
    if not 1 <= page_size <= MAX_PAGE_SIZE:
        raise UsageError(
            _("the page size is {size}; it must be 1 to {most}").format(
                size=page_size, most=MAX_PAGE_SIZE
            )
        )
    return ListQuery(folder, name or None, order_by, page_size)


def encodable(text: str) -> bool:
    """Whether ``text`` can go into a URL: UTF-8 cannot encode a lone surrogate."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
