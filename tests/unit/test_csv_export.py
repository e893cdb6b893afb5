"""A folder listing as CSV, as a spreadsheet or a script reads it: one header row, one row per
image with the values exactly as the API sent them, an unreadable image's ID and why, and the
file the folder browser's *Export CSV...* writes."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from inspector.api.listing import ListedImage, listed_image
from inspector.api.models import DesktopImage
from inspector.core.csv_export import CSV_COLUMNS, CsvWriter, images_csv, save_csv

HEADER = "id,folderId,name,description,status,createdAt,storageSize,minDiskSize,labels,error\r\n"
FULL: dict[str, Any] = {
    "id": "e3vcsv00000000000001",
    "folderId": "b1gfolder0000000000a",
    "name": 'office "main", 2026',
    "description": "first line\nsecond line",
    "status": "ACTIVE",
    "createdAt": "2026-11-20T09:15:42.123456789Z",
    "storageSize": "21474836480",
    "minDiskSize": "32212254720",
    "labels": {"team": "café", "env": "production"},
}


def image(wire: dict[str, Any]) -> DesktopImage:
    listed = listed_image(wire)
    assert listed.image is not None, listed.problems
    return listed.image


def rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_a_full_image_is_one_row_with_the_api_s_own_values() -> None:
    """Sizes in bytes, the creation time as sent (nanoseconds kept), labels as sorted JSON with
    their accents as they are; quotes, commas and line breaks stay inside their cell."""
    text = images_csv([image(FULL)])
    assert text == (
        HEADER + 'e3vcsv00000000000001,b1gfolder0000000000a,"office ""main"", 2026",'
        '"first line\nsecond line",ACTIVE,2026-11-20T09:15:42.123456789Z,21474836480,'
        '32212254720,"{""env"": ""production"", ""team"": ""café""}",\r\n'
    )
    (row,) = rows(text)
    assert row["name"] == 'office "main", 2026'
    assert row["description"] == "first line\nsecond line"
    assert row["error"] == ""


def test_fields_the_server_left_out_hold_the_api_s_defaults() -> None:
    """Not empty cells for numbers and the status: what proto3 means by a missing field."""
    (row,) = rows(images_csv([image({})]))
    assert row == {
        "id": "",
        "folderId": "",
        "name": "",
        "description": "",
        "status": "STATUS_UNSPECIFIED",
        "createdAt": "",
        "storageSize": "0",
        "minDiskSize": "0",
        "labels": "{}",
        "error": "",
    }


def test_an_empty_listing_is_the_header_alone() -> None:
    assert images_csv([]) == HEADER
    assert tuple(HEADER.strip().split(",")) == CSV_COLUMNS


def test_pages_written_one_after_another_share_one_header() -> None:
    """``list -o csv`` prints page after page: the header comes once, before the first."""
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.write([image({**FULL, "id": "e3vcsv00000000000001"})])
    writer.write([image({**FULL, "id": "e3vcsv00000000000002"})])
    text = out.getvalue()
    assert text.count(HEADER) == 1
    assert text.startswith(HEADER)
    assert [row["id"] for row in rows(text)] == ["e3vcsv00000000000001", "e3vcsv00000000000002"]


def test_an_unreadable_image_keeps_its_row_with_its_id_and_why() -> None:
    out = io.StringIO()
    writer = CsvWriter(out)
    writer.write_listed(listed_image(FULL))
    writer.write_listed(
        ListedImage(None, {"id": "e3vbroken00000000001"}, ("name: too long", "status: unknown"))
    )
    writer.write_listed(listed_image(["not", "an", "object"]))
    readable, broken, shapeless = rows(out.getvalue())
    assert readable == rows(images_csv([image(FULL)]))[0]
    assert broken == dict.fromkeys(CSV_COLUMNS, "") | {
        "id": "e3vbroken00000000001",
        "error": "name: too long; status: unknown",
    }
    assert shapeless == dict.fromkeys(CSV_COLUMNS, "") | {
        "error": "expected a JSON object, got list"
    }


def test_export_csv_writes_the_listing_to_the_file_in_utf_8(tmp_path: Path) -> None:
    path = tmp_path / "folder.csv"
    save_csv(path, [image(FULL), image({"id": "e3vcsv00000000000002"})])
    data = path.read_bytes()
    assert data == images_csv([image(FULL), image({"id": "e3vcsv00000000000002"})]).encode()
    assert "café".encode() in data
    assert [row["id"] for row in rows(data.decode("utf-8"))] == [
        "e3vcsv00000000000001",
        "e3vcsv00000000000002",
    ]
