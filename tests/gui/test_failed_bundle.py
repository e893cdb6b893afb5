"""A failed fetch saved for support (Ctrl+S) and opened again (Ctrl+O), through the real
window against the demo API: the error banner as it was, marked OFFLINE, each attempt listed,
and no token anywhere in the file."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from inspector.config.connection import resolve_connection
from inspector.config.options import ConnectionOptions
from inspector.demo.server import DemoServer
from tests.gui.test_aids import TOKEN, Aids, accept_file_dialog, fetch, keys, label, open_window

UNAVAILABLE = "e3vdemoerror50300001"


@pytest.fixture
def with_token(qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer) -> Iterator[Aids]:
    connection = resolve_connection(
        ConnectionOptions(endpoint=demo_server.base_url), environ={"YC_IAM_TOKEN": TOKEN}
    )
    yield from open_window(qtbot, connection)


def test_a_failed_fetch_is_saved_and_opened_offline(
    qtbot: QtBot, with_token: Aids, tmp_path: Path
) -> None:
    aids = with_token
    window = aids.window
    fetch(qtbot, aids, UNAVAILABLE)
    banner_title = label(aids, "errorTitle").text()
    assert "503" in banner_title
    bundle = tmp_path / "failed.inspector.json"
    keys(qtbot, aids, "Ctrl+S")
    accept_file_dialog(qtbot, window, "saveBundleDialog", bundle)
    qtbot.waitUntil(bundle.exists)
    text = bundle.read_text(encoding="utf-8")
    assert TOKEN not in text
    assert TOKEN.split(".")[1] not in text
    saved = json.loads(text)
    assert saved["outcome"] == "failure"
    assert saved["error"]["title"] == banner_title
    assert "qt" in saved["environment"]
    attempts = saved["attempts"]
    assert [attempt["status"] for attempt in attempts] == [503, 503, 503]
    ids = [attempt["requestIds"]["x-client-request-id"] for attempt in attempts]

    keys(qtbot, aids, "Ctrl+O")
    accept_file_dialog(qtbot, window, "openFileDialog", bundle)
    offline = label(aids, "offlineBanner")
    qtbot.waitUntil(offline.isVisible)
    lines = offline.text().splitlines()
    assert lines[0].startswith(f"OFFLINE \u00b7 failed call {UNAVAILABLE} \u00b7 {bundle.name}")
    for number, client_id in enumerate(ids, start=1):
        assert any(f"attempt {number}: HTTP 503" in x and client_id in x for x in lines), lines
    assert label(aids, "errorTitle").text() == banner_title
    error_banner = window.page.findChild(QLabel, "errorTitle")
    assert error_banner is not None and error_banner.isVisible()
    assert window.tabs.tabText(window.tabs.currentIndex()).startswith("OFFLINE")
