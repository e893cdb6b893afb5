"""A DesktopImage as rows to show: the window's view model and the CLI's table text.

Every field is shown with its value; a field the body left out holds its default (proto3 JSON
omits defaults) and carries the quiet "default" mark. Only ``createdAt`` can be *not set*, and
an answer without an ``id`` is abnormal and says so. Text meant for a terminal goes through
:func:`printable`, because names, labels and server messages are untrusted and an escape
sequence in one of them could rewrite the operator's screen.
"""

from __future__ import annotations

import json
import re
from typing import Final, NamedTuple

from inspector.api.models import DesktopImage
from inspector.i18n import _
from inspector.present.defaults import (
    DEFAULT_MARK,
    NO_ID_PROBLEM,
    NOT_SET,
    mark_legend,
    with_mark,
)
from inspector.present.sizes import exact_bytes, human_size
from inspector.present.status import BadgeKind, StatusView, present_status
from inspector.present.text import display_width, pad, printable
from inspector.present.times import OffsetFor, TimeView, present_time, system_offset

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_GAP: Final = 2
_MAX_KEY_COLUMN: Final = 40


class FieldView(NamedTuple):
    """One row: ``key`` is the wire name; ``value=None`` only for an unset ``createdAt``.

    ``default`` is True when the body left the field out, so ``value`` is its default;
    ``problem`` says what is abnormal about the value (an answer without an ID).
    """

    key: str
    label: str
    value: str | None
    detail: str | None = None
    tooltip: str | None = None
    default: bool = False
    problem: str | None = None


class ImageView(NamedTuple):
    fields: list[FieldView]
    status: StatusView
    created: TimeView | None
    labels: list[tuple[str, str]]
    labels_default: bool
    unknown_fields: list[tuple[str, str]]

    @property
    def has_defaults(self) -> bool:
        """Whether any value shown is a default the body left out (the legend is then due)."""
        return self.labels_default or any(field.default for field in self.fields)


def _created_field(created: TimeView | None) -> FieldView:
    if created is None:
        return FieldView("createdAt", _("Created"), None)
    return FieldView(
        "createdAt",
        _("Created"),
        created.local,
        detail=f"{created.utc} · {created.age}",
        tooltip=created.exact,
    )


def present_image(
    image: DesktopImage, now_ns: int, offset_for: OffsetFor = system_offset
) -> ImageView:
    """Everything the window and the table show, computed once from the wire model."""
    omitted = image.omitted
    status = present_status(image.status)
    created = (
        None if image.created_at is None else present_time(image.created_at, now_ns, offset_for)
    )

    def text(
        key: str, label: str, value: str, detail: str | None = None, problem: str | None = None
    ) -> FieldView:
        return FieldView(key, label, value, detail, default=key in omitted, problem=problem)

    fields = [
        text("id", _("ID"), image.id, problem=None if image.id else _(NO_ID_PROBLEM)),
        text("folderId", _("Folder ID"), image.folder_id),
        text("name", _("Name"), image.name),
        text("description", _("Description"), image.description),
        text("status", _("Status"), image.status, detail=status.description),
        _created_field(created),
        text(
            "storageSize",
            _("Storage size"),
            human_size(image.storage_size),
            detail=exact_bytes(image.storage_size),
        ),
        text(
            "minDiskSize",
            _("Min disk size"),
            human_size(image.min_disk_size),
            detail=exact_bytes(image.min_disk_size),
        ),
    ]
    return ImageView(
        fields=fields,
        status=status,
        created=created,
        labels=sorted(image.labels.items()),
        labels_default="labels" in omitted,
        unknown_fields=[
            (name, json.dumps(value, ensure_ascii=False))
            for name, value in image.unknown_fields.items()
        ],
    )


def field_text(view: ImageView, field: FieldView) -> list[str]:
    """The value of one field as plain lines, without the mark (only these may span lines)."""
    if field.value is None:
        return [_(NOT_SET)]
    if field.key == "status":
        shown = view.status.text
        if view.status.kind is BadgeKind.UNKNOWN and view.status.named:
            return [_("{status} (unknown status)").format(status=shown)]
        return [shown]
    if field.key == "createdAt":
        exact = _("exact: {timestamp}").format(timestamp=field.tooltip or "")
        return [field.value, f"{field.detail} · {exact}"]
    if field.value == "":
        return ['""']
    if field.key == "description":
        return _LINE_BREAK.split(field.value)
    return [f"{field.value} ({field.detail})" if field.detail else field.value]


def _value_lines(view: ImageView, field: FieldView) -> list[str]:
    """The text of one field for a terminal: escaped, marked when it is a default or abnormal."""
    lines = [printable(line) for line in field_text(view, field)]
    if field.problem:
        lines[-1] = f"{lines[-1]} ({field.problem})"
    elif field.default:
        lines[-1] = with_mark(lines[-1])
    return lines


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
    if view.labels_default:
        lines.append(_("Labels: none ({mark})").format(mark=_(DEFAULT_MARK)))
    elif not view.labels:
        lines.append(_("Labels: none"))
    else:
        lines.append(_("Labels ({count})").format(count=len(view.labels)))
        lines.extend(_table(view.labels))
    if view.unknown_fields:
        lines.extend(
            ["", _("Other fields (not in this build's schema)"), *_table(view.unknown_fields)]
        )
    if view.has_defaults:
        lines.extend(["", mark_legend()])
    return "\n".join(lines) + "\n"
