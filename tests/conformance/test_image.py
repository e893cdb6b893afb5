"""DesktopImage.Get: the SDK's messages through the client, ``get -o json`` and ``get -o table``."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import example, given

from inspector.demo.server import DemoServer
from inspector.present.image import ImageView, present_image
from inspector.present.sizes import exact_bytes, human_size
from inspector.present.text import printable
from tests.conformance.helpers import fresh_id, run_cli, with_client
from tests.conformance.oracle import (
    TALLY,
    PbImage,
    budget,
    compare_image,
    created,
    pb_images,
    serialisers,
    status_name,
)

NOW = 1_764_806_400 * 10**9  # 2025-12-04
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_COLUMN = len("Min disk size  ")
_TEXT_FIELDS = (("id", "id"), ("folderId", "folder_id"), ("name", "name"))


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        yield demo


def shown_status(message: Any) -> str:
    name = status_name(message.status)
    return f"unknown status {name}" if name.lstrip("-").isdigit() else name


def compare_view(message: Any, wire: dict[str, Any], view: ImageView) -> None:
    """What the window and the table are built from: every value the message's, none missing."""
    for field in view.fields:
        if field.key == "createdAt":
            TALLY.compare("createdAt shown", field.value is None, created(message) is None)
            if field.value is not None:
                TALLY.compare("createdAt exact", field.tooltip, wire["createdAt"])
            continue
        TALLY.compare(f"{field.key} is a value", field.value is not None, True)
        TALLY.compare(f"{field.key} marked default", field.default, field.key not in wire)
    shown = {field.key: field for field in view.fields}
    for key, attribute in (*_TEXT_FIELDS, ("description", "description")):
        TALLY.compare(f"{key} shown", shown[key].value, getattr(message, attribute))
    TALLY.compare("status shown", view.status.text, shown_status(message))
    for key, size in (
        ("storageSize", message.storage_size),
        ("minDiskSize", message.min_disk_size),
    ):
        TALLY.compare(
            f"{key} shown",
            (shown[key].value, shown[key].detail),
            (human_size(size), exact_bytes(size)),
        )
    TALLY.compare("labels shown", view.labels, sorted(dict(message.labels).items()))
    TALLY.compare("labels marked default", view.labels_default, "labels" not in wire)


def _text(value: str) -> str:
    return printable(value) or '""'


def expected_rows(message: Any, wire: dict[str, Any]) -> dict[str, list[str]]:
    """The table's rows as the message says they must read (label -> lines after the column)."""

    def marked(key: str, text: str) -> str:
        return f"{text} (default)" if key not in wire else text

    rows = {
        "ID": [_text(message.id) if message.id else '"" (abnormal: the answer has no image ID)'],
        "Folder ID": [marked("folderId", _text(message.folder_id))],
        "Name": [marked("name", _text(message.name))],
        "Status": [marked("status", printable(shown_status(message)))],
    }
    lines = [printable(line) for line in _LINE_BREAK.split(message.description)]
    lines = lines if message.description else ['""']
    rows["Description"] = [*lines[:-1], marked("description", lines[-1])]
    for label, key, size in (
        ("Storage size", "storageSize", message.storage_size),
        ("Min disk size", "minDiskSize", message.min_disk_size),
    ):
        rows[label] = [marked(key, f"{human_size(size)} ({exact_bytes(size)})")]
    return rows


def check_table(message: Any, wire: dict[str, Any], text: str) -> None:
    lines = text.split("\n")
    for label, expected in expected_rows(message, wire).items():
        start = next(i for i, line in enumerate(lines) if line.startswith(f"{label}  "))
        TALLY.compare(
            f"table {label}",
            [line[_COLUMN:] for line in lines[start : start + len(expected)]],
            expected,
        )
    created_row = next(line for line in lines if line.startswith("Created  "))
    if created(message) is None:
        TALLY.compare("table Created", created_row[_COLUMN:], "not set")
    else:
        TALLY.compare("table Created exact", f"exact: {wire['createdAt']}" in text, True)
    labels = sorted(dict(message.labels).items())
    if not labels:
        none = "Labels: none (default)" if "labels" not in wire else "Labels: none"
        TALLY.compare("table labels", none in lines, True)
    else:
        start = lines.index(f"Labels ({len(labels)})") + 1
        for line, (key, value) in zip(lines[start : start + len(labels)], labels, strict=True):
            TALLY.compare(
                "table label",
                (line.startswith(f"  {_text(key)}"), line.endswith(_text(value))),
                (True, True),
            )
    TALLY.compare("table reads nothing as missing", "not sent" in text, False)


def _all_defaults() -> PbImage:
    return PbImage()


@given(message=pb_images(), write=serialisers())
@example(message=_all_defaults(), write=lambda message: b"{}")
@budget(200)
def test_get_through_the_client_and_the_cli(
    server: DemoServer, message: Any, write: Callable[[Any], bytes]
) -> None:
    TALLY.messages += 1
    body = write(message)
    wire = json.loads(body)
    image_id = fresh_id("e3vconform")
    server.put_raw(image_id, 200, body)

    result = with_client(server, lambda client: client.get_image(image_id))
    compare_image(message, wire, result.image)
    compare_view(message, wire, present_image(result.image, NOW))

    code, out, err = run_cli("get", image_id, "--endpoint", server.base_url, "-o", "json")
    assert code == 0, err
    TALLY.compare("get -o json is byte-exact", out, body)

    code, out, err = run_cli("get", image_id, "--endpoint", server.base_url, "-o", "table")
    assert code == 0, err
    check_table(message, wire, out.decode("utf-8"))
