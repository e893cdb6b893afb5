"""A folder's images as rows: the browser's table, the ``list`` command's table and JSON Lines.

A row carries both the text shown and a key to sort by, because "20 GiB" does not sort as a size
and "3 days ago" does not sort as a time. Text meant for a terminal is escaped (names are
untrusted), and JSON Lines escape the characters that could rewrite a terminal line too.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from typing import Any, Final

from inspector.api.errors import InspectorError
from inspector.api.listing import (
    ListResponseError,
    ListStatusError,
    NameLookupError,
    PagingStoppedError,
)
from inspector.api.models import DesktopImage
from inspector.i18n import N_, _, ngettext
from inspector.present.errors import Explanation, explain
from inspector.present.image import NOT_SENT
from inspector.present.sizes import exact_bytes, human_size
from inspector.present.status import BadgeKind, StatusView, present_status
from inspector.present.text import display_width, pad, printable
from inspector.present.times import OffsetFor, now_ns, present_time, system_offset

# English, as the window's table has them too; translated where shown.
COLUMNS: Final = (
    N_("ID"),
    N_("Name"),
    N_("Status"),
    N_("Created (local)"),
    N_("Age"),
    N_("Storage"),
    N_("Min disk"),
)
# The fraction of the seconds (after hh:mm:ss), not a dot of a date such as 02.01.2025.
_FRACTION = re.compile(r"(?<=:\d\d)\.\d{1,9}(?= )")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_GAP: Final = "  "
_LISTING_HINTS: Final = {
    400: N_("The request was refused as invalid: check the folder ID and the name filter."),
    404: N_(
        "No such folder here: check the folder ID and the region/endpoint "
        "(a folder lives in one installation)."
    ),
}


@dataclass(frozen=True)
class ImageRow:
    """One image as a table row: ``cells`` follow :data:`COLUMNS`; keys sort them properly."""

    image_id: str | None
    cells: tuple[str, ...]
    tooltips: tuple[str, ...]
    sort_keys: tuple[tuple[int, Any], ...]
    status: StatusView
    # The image itself, for what the browser derives from it (the policy column, CSV export).
    image: DesktopImage | None = field(default=None, compare=False, repr=False)


def _key(value: object | None) -> tuple[int, Any]:
    """Rows with the field not sent sort before every row that has it."""
    return (0, 0) if value is None else (1, value)


def badge_text(status: StatusView) -> str:
    """The status as the table shows it, marked when this build does not know it."""
    if status.kind is BadgeKind.UNKNOWN:
        return _("{status} (unknown)").format(status=status.text)
    return status.text


def present_row(
    image: DesktopImage, now_ns: int, offset_for: OffsetFor = system_offset
) -> ImageRow:
    status = present_status(image.status)
    if image.created_at is None:
        created, age, created_tip = _(NOT_SENT), _(NOT_SENT), ""
    else:
        view = present_time(image.created_at, now_ns, offset_for)
        created = _FRACTION.sub("", view.local, count=1)
        age = view.age
        exact = _("exact: {timestamp}").format(timestamp=view.exact)
        created_tip = f"{view.local}\n{view.utc}\n{exact}"
    sizes = [image.storage_size, image.min_disk_size]
    size_cells = [_(NOT_SENT) if size is None else human_size(size) for size in sizes]
    size_tips = ["" if size is None else exact_bytes(size) for size in sizes]
    created_key = _key(None if image.created_at is None else image.created_at.epoch_nanos)
    return ImageRow(
        image_id=image.id,
        cells=(
            _(NOT_SENT) if image.id is None else image.id,
            _(NOT_SENT) if image.name is None else image.name,
            badge_text(status),
            created,
            age,
            *size_cells,
        ),
        tooltips=(
            "",
            image.description or "",
            status.description,
            created_tip,
            created_tip,
            *size_tips,
        ),
        sort_keys=(
            _key(image.id),
            _key(None if image.name is None else image.name.casefold()),
            _key(status.text),
            created_key,
            created_key,
            *(_key(size) for size in sizes),
        ),
        status=status,
        image=image,
    )


def format_rows_table(rows: list[ImageRow]) -> str:
    """The ``list`` command's table: aligned columns, untrusted text escaped."""
    header = tuple(_(column) for column in COLUMNS)
    table = [header, *(tuple(printable(cell) for cell in row.cells) for row in rows)]
    widths = [max(display_width(line[index]) for line in table) for index in range(len(COLUMNS))]
    lines = [
        _GAP.join(pad(cell, width) for cell, width in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    return "\n".join(lines) + "\n"


def json_line(wire: dict[str, Any]) -> str:
    """One image as it came, on one line; C1 controls, separators and bidi marks escaped."""
    text = json.dumps(wire, ensure_ascii=False, separators=(",", ":"))
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match[0]):04x}", text)


def _explain_lookup(error: NameLookupError, now: int) -> Explanation:
    rows = [present_row(image, now) for image in error.candidates]
    if error.matches:
        count = len(error.matches)
        title = ngettext(
            "{count} image is named {name}", "{count} images are named {name}", count
        ).format(count=count, name=repr(error.name))
        hint = _("Names are not unique: pass the ID of the one you mean (get IMAGE_ID).")
    else:
        title = _("No image is named {name}").format(name=repr(error.name))
        every = _("See every image with: list {folder}").format(folder=error.folder_id)
        if rows:
            hint = _(
                "The name must match exactly (case too): the closest names are listed above. "
                "{see_every}"
            ).format(see_every=every)
        else:
            hint = _("The name must match exactly (case too): {see_every}").format(see_every=every)
    return Explanation(
        title=title,
        http_status=None,
        grpc_code=None,
        message=_("in folder {folder}").format(folder=error.folder_id),
        details=format_rows_table(rows).splitlines() if rows else [],
        hint=hint,
    )


def explain_listing(
    error: InspectorError, *, endpoint: str | None = None, now: int | None = None
) -> Explanation:
    """:func:`explain`, worded for a listing or a lookup by name rather than for one image."""
    if isinstance(error, NameLookupError):
        return _explain_lookup(error, now_ns() if now is None else now)
    explanation = explain(error, endpoint=endpoint)
    if isinstance(error, ListResponseError):
        return replace(explanation, title=_("The answer is not a page of desktop images"))
    if isinstance(error, PagingStoppedError):
        return replace(
            explanation,
            title=_("The listing could not be followed to its end"),
            hint=_("The server's paging misbehaved: retry later, or give support the request ids."),
        )
    if (
        isinstance(error, ListStatusError)
        and error.body is not None
        and error.status_code in _LISTING_HINTS
    ):
        return replace(explanation, hint=_(_LISTING_HINTS[error.status_code]))
    return explanation


def explanation_text(explanation: Explanation) -> str:
    """The explanation as plain lines for a panel: what, the ids support needs, what to do."""
    lines = [explanation.title]
    if explanation.http_status:
        lines.append(_("HTTP status: {status}").format(status=explanation.http_status))
    if explanation.grpc_code:
        lines.append(_("gRPC code: {code}").format(code=explanation.grpc_code))
    if explanation.message:
        lines.append(explanation.message)
    lines.extend(explanation.details)
    lines.extend(f"{name}: {value}" for name, value in explanation.request_ids)
    if explanation.hint:
        lines.append(explanation.hint)
    return "\n".join(lines)
