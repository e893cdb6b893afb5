"""A DesktopImage as rows to show: the window's view model and the CLI's table text.

Every field is shown whether or not it came: ``value=None`` is "not sent", which is different
from an empty string that was sent. Text meant for a terminal goes through :func:`printable`,
because names, labels and server messages are untrusted and an escape sequence in one of them
could rewrite the operator's screen.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Final

from inspector.api.models import DesktopImage
from inspector.i18n import N_, _
from inspector.present.sizes import exact_bytes, human_size
from inspector.present.status import BadgeKind, StatusView, present_status
from inspector.present.text import display_width, pad, printable
from inspector.present.times import OffsetFor, TimeView, present_time, system_offset

# Marked here, translated where shown: ``_(NOT_SENT)``.
NOT_SENT: Final = N_("not sent")

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_GAP: Final = 2
_MAX_KEY_COLUMN: Final = 40


@dataclass(frozen=True)
class FieldView:
    """One row: ``key`` is the wire name; ``value=None`` means the field was not sent."""

    key: str
    label: str
    value: str | None
    detail: str | None = None
    tooltip: str | None = None


@dataclass(frozen=True)
class ImageView:
    fields: list[FieldView]
    status: StatusView
    created: TimeView | None
    labels: list[tuple[str, str]]
    labels_sent: bool
    unknown_fields: list[tuple[str, str]]


def _size_field(key: str, label: str, size: int | None) -> FieldView:
    if size is None:
        return FieldView(key, label, None)
    return FieldView(key, label, human_size(size), detail=exact_bytes(size))


def present_image(
    image: DesktopImage, now_ns: int, offset_for: OffsetFor = system_offset
) -> ImageView:
    """Everything the window and the table show, computed once from the wire model."""
    status = present_status(image.status)
    created = (
        None if image.created_at is None else present_time(image.created_at, now_ns, offset_for)
    )
    created_field = (
        FieldView("createdAt", _("Created"), None)
        if created is None
        else FieldView(
            "createdAt",
            _("Created"),
            created.local,
            detail=f"{created.utc} · {created.age}",
            tooltip=created.exact,
        )
    )
    fields = [
        FieldView("id", _("ID"), image.id),
        FieldView("folderId", _("Folder ID"), image.folder_id),
        FieldView("name", _("Name"), image.name),
        FieldView("description", _("Description"), image.description),
        FieldView(
            "status",
            _("Status"),
            image.status,
            detail=None if image.status is None else status.description,
        ),
        created_field,
        _size_field("storageSize", _("Storage size"), image.storage_size),
        _size_field("minDiskSize", _("Min disk size"), image.min_disk_size),
    ]
    return ImageView(
        fields=fields,
        status=status,
        created=created,
        labels=sorted((image.labels or {}).items()),
        labels_sent=image.labels is not None,
        unknown_fields=[
            (name, json.dumps(value, ensure_ascii=False))
            for name, value in image.unknown_fields.items()
        ],
    )


def _value_lines(view: ImageView, field: FieldView) -> list[str]:
    """The text of one field, one entry per output line (only these may span lines)."""
    if field.value is None:
        return [_(NOT_SENT)]
    if field.key == "status":
        text = printable(view.status.text)
        if view.status.kind is BadgeKind.UNKNOWN:
            return [_("{status} (unknown status)").format(status=text)]
        return [text]
    if field.key == "createdAt":
        exact = _("exact: {timestamp}").format(timestamp=printable(field.tooltip or ""))
        return [printable(field.value), f"{field.detail} · {exact}"]
    if field.value == "":
        return ['""']
    if field.key == "description":
        return [printable(line) for line in _LINE_BREAK.split(field.value)]
    text = printable(field.value)
    return [f"{text} ({field.detail})" if field.detail else text]


def _table(rows: list[tuple[str, str]]) -> list[str]:
    """Two aligned columns, indented; a very long key pushes its own value, not the column."""
    cells = [(printable(key) or '""', printable(value) or '""') for key, value in rows]
    width = min(max(display_width(key) for key, _ in cells), _MAX_KEY_COLUMN)
    return [f"  {pad(key, max(width, display_width(key)) + _GAP)}{value}" for key, value in cells]


def format_image_text(view: ImageView) -> str:
    """The CLI's ``--output table``: aligned fields, then labels, then fields this build lacks."""
    column = max(display_width(field.label) for field in view.fields) + _GAP
    lines: list[str] = []
    for field in view.fields:
        first, *rest = _value_lines(view, field)
        lines.append(f"{pad(field.label, column)}{first}")
        lines.extend(f"{'':{column}}{line}" for line in rest)
    lines.append("")
    if not view.labels_sent:
        lines.append(_("Labels: not sent"))
    elif not view.labels:
        lines.append(_("Labels: none"))
    else:
        lines.append(_("Labels ({count})").format(count=len(view.labels)))
        lines.extend(_table(view.labels))
    if view.unknown_fields:
        lines.extend(
            ["", _("Other fields (not in this build's schema)"), *_table(view.unknown_fields)]
        )
    return "\n".join(lines) + "\n"
