"""A folder listing as CSV (RFC 4180) for spreadsheets and scripts: ``list -o csv`` and the
folder browser's *Export CSV...*.

One header row, one row per image; values exactly as the API sent them (sizes in bytes, the
creation time as its original RFC 3339 text, labels as one JSON object), written by the
:mod:`csv` module so that quotes, commas and line breaks inside a value stay inside its cell.
A field the server left out holds its proto3 default (``0``, ``STATUS_UNSPECIFIED``, an empty
text or ``{}``), as the API means it. An image of the listing that could not be read keeps its
row: its ID (when it had one) and, in the last column, why it could not be read.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Final, TextIO

from inspector.api.models import DesktopImage
from inspector.config.files import write_atomically

if TYPE_CHECKING:
    from inspector.api.listing import ListedImage

CSV_COLUMNS: Final = (
    "id",
    "folderId",
    "name",
    "description",
    "status",
    "createdAt",
    "storageSize",
    "minDiskSize",
    "labels",
    "error",
)


def csv_row(image: DesktopImage) -> list[str]:
    """The cells of one image, in :data:`CSV_COLUMNS` order."""

    def text(value: object | None) -> str:
        return "" if value is None else str(value)

    return [
        text(image.id),
        text(image.folder_id),
        text(image.name),
        text(image.description),
        text(image.status),
        "" if image.created_at is None else image.created_at.raw,
        text(image.storage_size),
        text(image.min_disk_size),
        json.dumps(image.labels or {}, ensure_ascii=False, sort_keys=True),
        "",
    ]


def unreadable_row(item: ListedImage) -> list[str]:
    """The cells of an image that did not parse: its ID, and why, in the ``error`` column."""
    cells = [""] * len(CSV_COLUMNS)
    cells[0] = item.image_id or ""
    cells[-1] = "; ".join(item.problems)
    return cells


class CsvWriter:
    """Writes the header once, then rows as they come (``list`` prints page after page)."""

    def __init__(self, out: TextIO) -> None:
        self._writer = csv.writer(out, lineterminator="\r\n")
        self._writer.writerow(CSV_COLUMNS)

    def write(self, images: Iterable[DesktopImage]) -> None:
        self._writer.writerows(csv_row(image) for image in images)

    def write_listed(self, item: ListedImage) -> None:
        """One image of a listing: its cells, or its ID and why it could not be read."""
        self._writer.writerow(unreadable_row(item) if item.image is None else csv_row(item.image))


def images_csv(images: Iterable[DesktopImage]) -> str:
    """The whole file at once (the folder browser's export)."""
    out = io.StringIO()
    CsvWriter(out).write(images)
    return out.getvalue()


def save_csv(path: Path, images: Iterable[DesktopImage]) -> None:
    """Write the listing to ``path`` atomically (an ``OSError`` says why it could not be)."""
    write_atomically(path, images_csv(images).encode("utf-8"))
