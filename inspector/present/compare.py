"""A comparison of two images as text for people: the captions, the cells, and the CLI's table.

Sizes are shown in exact bytes with the human unit beside them, because the comparison is made
in bytes. Every value is untrusted and goes through :func:`printable` before a terminal sees it.
"""

from __future__ import annotations

from typing import Final

from inspector.i18n import N_, _, ngettext
from inspector.present.comparison import Change, CompareRow, Comparison, RowKind
from inspector.present.defaults import with_mark
from inspector.present.sizes import exact_bytes, human_size
from inspector.present.text import display_width, pad, printable

FIELD_CAPTIONS: Final = {
    "id": N_("ID"),
    "folderId": N_("Folder ID"),
    "name": N_("Name"),
    "description": N_("Description"),
    "status": N_("Status"),
    "createdAt": N_("Created"),
    "storageSize": N_("Storage size"),
    "minDiskSize": N_("Min disk size"),
}
SIZE_KEYS: Final = frozenset({"storageSize", "minDiskSize"})
MARKS: Final = {Change.EQUAL: " ", Change.ADDED: "+", Change.REMOVED: "-", Change.CHANGED: "~"}
CHANGE_TITLES: Final = {
    Change.EQUAL: N_("equal"),
    Change.ADDED: N_("added"),
    Change.REMOVED: N_("removed"),
    Change.CHANGED: N_("changed"),
}
_GAP: Final = 2
_MAX_COLUMN: Final = 48


def row_caption(row: CompareRow) -> str:
    """``Name``, ``label owner``, ``other field extra``, in the chosen language."""
    if row.kind is RowKind.FIELD:
        return _(FIELD_CAPTIONS[row.key])
    if row.kind is RowKind.LABEL:
        return _("label {key}").format(key=row.key)
    return _("other field {key}").format(key=row.key)


def cell_text(row: CompareRow, value: str | None, *, default: bool = False) -> str:
    """One side's value: *absent*, ``""``, or the value (a size as bytes and human units),
    marked *default* when the body left the field out."""
    if value is None:
        return _("(absent)")
    if row.kind is RowKind.FIELD and row.key in SIZE_KEYS:
        size = int(value)
        text = f"{exact_bytes(size)} ({human_size(size)})"
    else:
        text = value if value else '""'
    return with_mark(text) if default else text


def summary(comparison: Comparison) -> str:
    """``3 differences (1 added, 2 changed); 14 rows equal`` or ``The images are equal``."""
    counts = comparison.counts()
    equal = counts[Change.EQUAL]
    if not comparison.differs:
        return ngettext(
            "No differences ({count} row equal).", "No differences ({count} rows equal).", equal
        ).format(count=equal)
    different = len(comparison.rows) - equal
    parts = ", ".join(
        f"{counts[change]} {_(CHANGE_TITLES[change])}"
        for change in (Change.ADDED, Change.REMOVED, Change.CHANGED)
        if counts[change]
    )
    head = ngettext("{count} difference", "{count} differences", different).format(count=different)
    tail = ngettext("{count} row equal", "{count} rows equal", equal).format(count=equal)
    return f"{head} ({parts}); {tail}."


def format_comparison(
    comparison: Comparison, left_name: str, right_name: str, *, show_equal: bool = False
) -> str:
    """The CLI's table: a mark (``+ - ~``), the row, the first image's value, the second's."""
    header = ("", _("row"), printable(left_name), printable(right_name))
    rows = [
        (
            MARKS[row.change],
            printable(row_caption(row)),
            printable(cell_text(row, row.left, default=row.defaults[0])),
            printable(cell_text(row, row.right, default=row.defaults[1])),
        )
        for row in comparison.rows
        if show_equal or row.change is not Change.EQUAL
    ]
    lines = [summary(comparison)]
    if rows:
        widths = [
            min(max(display_width(cells[column]) for cells in [header, *rows]), _MAX_COLUMN)
            for column in range(3)
        ]
        for cells in [header, *rows]:
            padded = [
                pad(cells[column], max(widths[column], display_width(cells[column])) + _GAP)
                for column in range(3)
            ]
            lines.append(("".join(padded) + cells[3]).rstrip())
    return "\n".join(lines) + "\n"
