"""DesktopImage.Get through the real window: every widget shows the message's value."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given
from PySide6.QtWidgets import QLabel, QTableView, QWidget
from pytestqt.qtbot import QtBot

from inspector.demo.server import DemoServer
from inspector.present.sizes import exact_bytes, human_size
from inspector.ui.widgets.value_label import ValueLabel
from tests.conformance.helpers import fresh_id
from tests.conformance.oracle import TALLY, budget, created, pb_images, serialisers
from tests.conformance.test_image import shown_status
from tests.gui.driver import Running
from tests.gui.test_window import find, type_and_enter, wait_idle

pytestmark = pytest.mark.gui


# A value is shown as Qt's plain text: CR, CR LF, LF and the Unicode line and paragraph
# separators all break its line (the CLI's table breaks on CR, CR LF and LF too) and a no-break
# space reads as a space; the value itself, which "Copy whole value" copies, stays exact.
_LINE_BREAK = re.compile("\r\n|\r|\u2028|\u2029")


def _shown(value: str) -> str:
    return _LINE_BREAK.sub("\n", value).replace("\xa0", " ") if value else '""'


@given(message=pb_images(), write=serialisers())
@budget(40)
def test_the_window_shows_what_the_message_holds(
    qtbot: QtBot,
    running: Running,
    demo_server: DemoServer,
    message: Any,
    write: Callable[[Any], bytes],
) -> None:
    TALLY.messages += 1
    body = write(message)
    wire = json.loads(body)
    image_id = fresh_id("e3vwindow")
    demo_server.put_raw(image_id, 200, body)
    type_and_enter(qtbot, running, image_id)
    wait_idle(qtbot, running)

    def label(name: str) -> QLabel | ValueLabel:
        widget = find(running, QWidget, name)
        assert isinstance(widget, QLabel | ValueLabel), name
        return widget

    for key, value in (
        ("id", message.id),
        ("folderId", message.folder_id),
        ("name", message.name),
        ("description", message.description),
    ):
        value_label = label(f"{key}Value")
        TALLY.compare(f"window {key}", value_label.text(), _shown(value))
        assert isinstance(value_label, ValueLabel)
        TALLY.compare(f"window {key} exact", value_label.value, value)
    TALLY.compare("window status", label("statusBadge").text(), shown_status(message))
    for key, size in (
        ("storageSize", message.storage_size),
        ("minDiskSize", message.min_disk_size),
    ):
        shown = (label(f"{key}Value").text(), label(f"{key}Detail").text())
        TALLY.compare(f"window {key}", shown, (human_size(size), exact_bytes(size)))
    if created(message) is None:
        shown = (label("createdAtValue").text(), label("createdAtDetail").text())
        TALLY.compare("window createdAt", shown, ("not set", ""))
    else:
        TALLY.compare(
            "window createdAt exact", label("createdAtValue").toolTip(), wire["createdAt"]
        )
    for key in ("folderId", "name", "description", "status", "storageSize", "minDiskSize"):
        note = label(f"{key}Note")
        mark = (note.isVisible(), note.text() if note.isVisible() else "")
        TALLY.compare(
            f"window {key} mark", mark, (True, "default") if key not in wire else (False, "")
        )
    id_note = label("idNote")
    TALLY.compare("window id abnormal", id_note.isVisible(), not message.id)
    table = find(running, QTableView, "labelsTable")
    TALLY.compare("window labels", table.model().rowCount(), len(message.labels))
    if not message.labels:
        TALLY.compare("window labels count", label("labelsCount").text(), "no labels (default)")
