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

from inspector.api.errors import APIStatusError, Call, InspectorError
from inspector.api.list_query import ListQuery
from inspector.api.listing import (
    ListedImage,
    ListResponseError,
    NameLookupError,
    PagingStop,
    PagingStoppedError,
    StopReason,
    TokenRefused,
)
from inspector.api.models import DesktopImage
from inspector.api.status_errors import BadRequest, NotFound
from inspector.i18n import N_, _, ngettext
from inspector.present.defaults import DEFAULT_EXPLANATION, NO_ID_PROBLEM, NOT_SET, with_mark
from inspector.present.errors import Explanation, code_hint, explain
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
_SHOWN_TOKEN_CHARS: Final = 40
# Advice worded for a folder, by gRPC code; an error body without a code is matched by the HTTP
# status the gateway gives that code.
_LISTING_ADVICE: Final = {
    3: N_("Check the folder ID and the name filter."),
    5: N_("Check the folder ID and the region/endpoint (a folder lives in one installation)."),
}
_LISTING_CODE_BY_CLASS: Final[dict[type[APIStatusError], int]] = {BadRequest: 3, NotFound: 5}
_LISTING_MEANING_BY_CODE: Final = {
    3: N_("The request was refused as invalid."),
    5: N_("No such folder here."),
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
    """Rows without a creation time sort before every row that has one."""
    return (0, 0) if value is None else (1, value)


def badge_text(status: StatusView) -> str:
    """The status as the table shows it, marked when this build does not know it."""
    if status.kind is BadgeKind.UNKNOWN and status.named:
        return _("{status} (unknown)").format(status=status.text)
    return status.text


def present_row(
    image: DesktopImage, now_ns: int, offset_for: OffsetFor = system_offset
) -> ImageRow:
    """One image as a row; a value the body left out is shown as its default, marked."""
    omitted = image.omitted
    status = present_status(image.status)
    if image.created_at is None:
        created, age, created_tip = _(NOT_SET), _(NOT_SET), ""
    else:
        view = present_time(image.created_at, now_ns, offset_for)
        created = _FRACTION.sub("", view.local, count=1)
        age = view.age
        exact = _("exact: {timestamp}").format(timestamp=view.exact)
        created_tip = f"{view.local}\n{view.utc}\n{exact}"

    def cell(key: str, text: str) -> str:
        return with_mark(text) if key in omitted else text

    def tip(key: str, text: str) -> str:
        if key not in omitted:
            return text
        return f"{text}\n{_(DEFAULT_EXPLANATION)}" if text else _(DEFAULT_EXPLANATION)

    sizes = {"storageSize": image.storage_size, "minDiskSize": image.min_disk_size}
    return ImageRow(
        image_id=image.id or None,
        cells=(
            image.id
            if image.id
            else _("{value} ({problem})").format(value='""', problem=_(NO_ID_PROBLEM)),
            cell("name", image.name or '""'),
            cell("status", badge_text(status)),
            created,
            age,
            *(cell(key, human_size(size)) for key, size in sizes.items()),
        ),
        tooltips=(
            "",
            tip("name", image.description),
            tip("status", status.description),
            created_tip,
            created_tip,
            *(tip(key, exact_bytes(size)) for key, size in sizes.items()),
        ),
        sort_keys=(
            (1, image.id),
            (1, image.name.casefold()),
            (1, status.text),
            _key(None if image.created_at is None else image.created_at.epoch_nanos),
            _key(None if image.created_at is None else image.created_at.epoch_nanos),
            *((1, size) for size in sizes.values()),
        ),
        status=status,
        image=image,
    )


def present_listed(
    item: ListedImage, now_ns: int, offset_for: OffsetFor = system_offset
) -> ImageRow:
    """A row of a page: the image, or, when it did not parse, its ID and what is wrong."""
    if item.image is not None:
        return present_row(item.image, now_ns, offset_for)
    reason = "; ".join(item.problems)
    status = StatusView(
        _("unreadable"),
        BadgeKind.UNKNOWN,
        _("This image in the page is not a DesktopImage: {reason}").format(reason=reason),
        named=False,
    )
    problem = _("cannot read this image: {reason}").format(reason=reason)
    return ImageRow(
        image_id=item.image_id,
        cells=(item.image_id or '""', problem, status.text, "", "", "", ""),
        tooltips=("", problem, status.description, "", "", "", ""),
        sort_keys=((1, item.image_id or ""), (1, ""), (1, status.text), *((0, 0),) * 4),
        status=status,
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
            message=stop_note(error.stop),
            hint=_("The server's paging misbehaved: retry later, or give support the request ids."),
        )
    if isinstance(error, APIStatusError) and error.call is Call.LIST_IMAGES and error.body:
        code = error.body.code
        if code in _LISTING_ADVICE:
            return replace(explanation, hint=code_hint(code, _(_LISTING_ADVICE[code])))
        by_class = next(
            (c for k, c in _LISTING_CODE_BY_CLASS.items() if isinstance(error, k)), None
        )
        if code is None and by_class is not None:
            hint = f"{_(_LISTING_MEANING_BY_CODE[by_class])} {_(_LISTING_ADVICE[by_class])}"
            return replace(explanation, hint=hint)
    return explanation


def describe_query(query: ListQuery) -> str:
    """``folder b1g... named "x", by name desc``: what a note or an error refers to."""
    text = _("folder {folder}").format(folder=query.folder_id)
    if query.name is not None:
        text = _("{folder} named \u201c{name}\u201d").format(folder=text, name=query.name)
    if query.order_by is not None:
        direction = _("desc") if query.order_by.descending else _("asc")
        text = _("{query}, by {field} {direction}").format(
            query=text, field=query.order_by.field, direction=direction
        )
    return text


def _short(token: str) -> str:
    return token if len(token) <= _SHOWN_TOKEN_CHARS else token[:_SHOWN_TOKEN_CHARS] + "\u2026"


def restart_note(restart: TokenRefused) -> str:
    """Why the rows shown so far were dropped and the listing started again."""
    return _(
        "The server refused the page token ({status}: {message}); page tokens expire, so the "
        "listing started again from the first page."
    ).format(status=restart.status_code, message=restart.message)


def stop_note(stop: PagingStop) -> str:
    """Why paging stopped before the server said it was done."""
    if stop.reason is StopReason.REPEATED_TOKEN:
        return _(
            "The server sent the page token {token} again after page {page}; paging stopped "
            "here so the listing does not go round in circles."
        ).format(token=repr(_short(stop.token)), page=stop.pages)
    return ngettext(
        "The server sent {count} page in a row with no new images; paging stopped here so the "
        "listing does not go round in circles.",
        "The server sent {count} pages in a row with no new images; paging stopped here so the "
        "listing does not go round in circles.",
        stop.pages_without_new,
    ).format(count=stop.pages_without_new)


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
