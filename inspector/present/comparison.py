"""Two images side by side: every field and label aligned, each row marked equal, added,
removed or changed. Used by ``diff A B`` and the window's comparison.

Values are compared as the wire means them, not as they are shown: sizes in bytes (two sizes
that both read "20 GiB" can differ by a byte), times by their exact original text. proto3 JSON
leaves out fields that hold their default, so an absent size is 0, an absent status
``STATUS_UNSPECIFIED``, absent text empty and absent labels none: an image that omits its
``description`` does not differ from one that sends ``""``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from inspector.api.models import DesktopImage


class Change(StrEnum):
    """How a row differs; ``added`` is only in the second image, ``removed`` only in the first."""

    EQUAL = "equal"
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


class RowKind(StrEnum):
    FIELD = "field"
    LABEL = "label"
    OTHER = "other"  # a field this build does not know


@dataclass(frozen=True, slots=True)
class CompareRow:
    """One aligned row; ``None`` on a side means that image has no such label or field.

    ``defaults`` says, for each side, whether the body left the field out (its value is then
    proto3's default, shown with the same quiet mark as everywhere else).
    """

    kind: RowKind
    key: str
    left: str | None
    right: str | None
    change: Change
    defaults: tuple[bool, bool] = (False, False)


@dataclass(frozen=True, slots=True)
class Comparison:
    rows: tuple[CompareRow, ...]

    @property
    def differs(self) -> bool:
        return any(row.change is not Change.EQUAL for row in self.rows)

    def counts(self) -> dict[Change, int]:
        """How many rows of each kind, every kind present (zero when none)."""
        found = dict.fromkeys(Change, 0)
        for row in self.rows:
            found[row.change] += 1
        return found

    def as_data(self, left_name: str, right_name: str) -> dict[str, Any]:
        """The comparison as JSON-ready data (``diff -o json``)."""
        return {
            "left": left_name,
            "right": right_name,
            "equal": not self.differs,
            "differences": [
                {
                    "kind": str(row.kind),
                    "key": row.key,
                    "change": str(row.change),
                    "left": row.left,
                    "right": row.right,
                    "leftDefault": row.defaults[0],
                    "rightDefault": row.defaults[1],
                }
                for row in self.rows
                if row.change is not Change.EQUAL
            ],
        }


# Wire name -> the field's value with proto3's default filled in.
_FIELDS: Final = (
    ("id", lambda image: image.id or ""),
    ("folderId", lambda image: image.folder_id or ""),
    ("name", lambda image: image.name or ""),
    ("description", lambda image: image.description or ""),
    ("status", lambda image: image.status or "STATUS_UNSPECIFIED"),
    ("createdAt", lambda image: None if image.created_at is None else image.created_at.raw),
    ("storageSize", lambda image: str(image.storage_size or 0)),
    ("minDiskSize", lambda image: str(image.min_disk_size or 0)),
)
FIELD_KEYS: Final = tuple(key for key, _ in _FIELDS)


def _change(left: str | None, right: str | None) -> Change:
    if left == right:
        return Change.EQUAL
    if left is None:
        return Change.ADDED
    if right is None:
        return Change.REMOVED
    return Change.CHANGED


def _row(kind: RowKind, key: str, left: str | None, right: str | None) -> CompareRow:
    return CompareRow(kind, key, left, right, _change(left, right))


def compare_images(left: DesktopImage, right: DesktopImage) -> Comparison:
    """The aligned rows: the fields in the API's order, then labels and unknown fields by key."""
    rows = [
        CompareRow(
            RowKind.FIELD,
            key,
            value(left),
            value(right),
            _change(value(left), value(right)),
            (
                key in left.omitted and key != "createdAt",
                key in right.omitted and key != "createdAt",
            ),
        )
        for key, value in _FIELDS
    ]
    left_labels = left.labels or {}
    right_labels = right.labels or {}
    rows += [
        _row(RowKind.LABEL, key, left_labels.get(key), right_labels.get(key))
        for key in sorted(left_labels.keys() | right_labels.keys())
    ]
    left_other = _other(left)
    right_other = _other(right)
    rows += [
        _row(RowKind.OTHER, key, left_other.get(key), right_other.get(key))
        for key in sorted(left_other.keys() | right_other.keys())
    ]
    return Comparison(tuple(rows))


def _other(image: DesktopImage) -> dict[str, str]:
    return {
        name: json.dumps(value, ensure_ascii=False, sort_keys=True)
        for name, value in image.unknown_fields.items()
    }
