"""The troubleshooting aids through the real window, against the demo API on 127.0.0.1.

Raw view, copy actions, history, watch, what changed, support bundles, presenting mode and
tabs, each driven the way an operator would: keys, menus, the file dialogs. A last test runs
every export with a real token in play and greps them all for it.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import TypeVar

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTableWidget,
    QTreeWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector.config.connection import Connection, resolve_connection
from inspector.config.history import History, history_path
from inspector.config.options import ConnectionOptions
from inspector.core.watch import WatchPolicy
from inspector.demo.data import DEMO_IMAGES, FOLDER_ID
from inspector.demo.server import DemoServer
from inspector.present.presenting import HIDDEN_FOLDER
from inspector.ui.session import WindowSession
from inspector.ui.widgets.value_label import ValueLabel
from inspector.ui.window.action_table import ActionId
from inspector.ui.window.main_window import MainWindow
from tests.gui.driver import Running

W = TypeVar("W", bound=QWidget)
ACTIVE = "e3vdemoactive0000001"
SPARSE = "e3vdemosparse0000001"
ACTIVE_BODY = DEMO_IMAGES[ACTIVE].body
TOKEN = "t1.9euelZqAIDS-TEST-TOKEN-must-never-leak.Zm9vYmFyYmF6cXV4"
# Images this file puts on the shared demo server live in a folder of their own, so the folder
# browser's tests still list the demo folder as it is.
AIDS_FOLDER = "b1gaidsfolder0000001"
FAST_WATCH = WatchPolicy(first_delay=0.05, growth=1.0, max_delay=0.05)


@dataclass
class RecordingNotifier:
    """Stands in for the system tray: what the window announced, in order."""

    said: list[tuple[str, str]] = field(default_factory=list)

    def notify(self, title: str, message: str) -> None:
        self.said.append((title, message))


@dataclass
class Aids:
    app: Running
    notifier: RecordingNotifier

    @property
    def window(self) -> MainWindow:
        return self.app.window


def open_window(
    qtbot: QtBot, connection: Connection, watch_policy: WatchPolicy = FAST_WATCH
) -> Iterator[Aids]:
    window = MainWindow()
    qtbot.addWidget(window)
    notifier = RecordingNotifier()
    window.notifier = notifier
    session = WindowSession(window, connection, None, watch_policy=watch_policy)
    window.show()
    task = asyncio.get_running_loop().create_task(session.run())
    qtbot.waitUntil(lambda: session.controller is not None, timeout=10_000)
    yield Aids(Running(window, session, task), notifier)
    window.close()
    qtbot.waitUntil(task.done, timeout=5000)
    assert task.exception() is None


@pytest.fixture
def aids(qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer) -> Iterator[Aids]:
    yield from open_window(qtbot, resolve_connection(demo_url=demo_server.base_url))


@pytest.fixture
def with_token(qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer) -> Iterator[Aids]:
    """A window that sends a real-looking IAM token to the demo API (it accepts any)."""
    connection = resolve_connection(
        ConnectionOptions(endpoint=demo_server.base_url), environ={"YC_IAM_TOKEN": TOKEN}
    )
    assert connection.token_source == "IAM token from YC_IAM_TOKEN"
    yield from open_window(qtbot, connection)


def in_page(aids: Aids, kind: type[W], name: str) -> W:
    """A widget of the current tab (every tab has its own of each)."""
    widget = aids.window.page.findChild(kind, name)
    assert isinstance(widget, kind), name
    return widget


def label(aids: Aids, name: str) -> QLabel | ValueLabel:
    widget = in_page(aids, QWidget, name)
    assert isinstance(widget, QLabel | ValueLabel), name
    return widget


def fetch(qtbot: QtBot, aids: Aids, image_id: str) -> None:
    edit = aids.window.page.id_edit
    edit.clear()
    qtbot.keyClicks(edit, image_id)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_idle(qtbot, aids)


def wait_idle(qtbot: QtBot, aids: Aids) -> None:
    page = aids.window.page
    qtbot.waitUntil(lambda: not page.busy, timeout=10_000)


def keys(qtbot: QtBot, aids: Aids, sequence: str) -> None:
    """Press a key combination where the operator's focus is: the current tab's ID field."""
    modifiers = Qt.KeyboardModifier.NoModifier
    *mods, key = sequence.split("+")
    for mod in mods:
        modifiers |= {
            "Ctrl": Qt.KeyboardModifier.ControlModifier,
            "Shift": Qt.KeyboardModifier.ShiftModifier,
        }[mod]
    qt_key = getattr(Qt.Key, f"Key_{key}")
    qtbot.keyClick(aids.window.page.id_edit, qt_key, modifiers)


def history_rows(window: MainWindow) -> list[tuple[str, str, str]]:
    """(ID as shown, name, status) of each history entry, top first."""
    tree = window.findChild(QTreeWidget, "historyList")
    assert tree is not None
    rows = []
    for index in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(index)
        assert item is not None
        rows.append((item.text(0), item.text(1), item.text(2)))
    return rows


def header_names(aids: Aids) -> set[str]:
    table = in_page(aids, QTableWidget, "rawHeaders")
    names = set()
    for row in range(table.rowCount()):
        item = table.item(row, 0)
        assert item is not None
        names.add(item.text().lower())
    return names


def clipboard() -> str:
    return QGuiApplication.clipboard().text()


def image_body(image_id: str, **changes: object) -> dict[str, object]:
    body: dict[str, object] = {
        "id": image_id,
        "folderId": AIDS_FOLDER,
        "createdAt": "2026-11-27T08:00:00Z",
        "status": "ACTIVE",
        "name": "aids-image",
        "labels": {"os": "ubuntu", "env": "staging", "old": "x"},
        "storageSize": "21474836480",
        "minDiskSize": "64424509440",
    }
    return {**body, **changes}


def accept_file_dialog(qtbot: QtBot, window: MainWindow, name: str, path: Path) -> None:
    qtbot.waitUntil(lambda: window.findChild(QFileDialog, name) is not None)
    dialog = window.findChild(QFileDialog, name)
    assert dialog is not None
    assert dialog.isModal()  # opened with open(), window-modal, never exec()
    dialog.selectFile(str(path))
    dialog.accept()


# -- raw view ------------------------------------------------------------------------------------
def test_raw_view_shows_the_body_byte_for_byte(
    qtbot: QtBot, aids: Aids, demo_server: DemoServer
) -> None:
    image_id = "e3vaidsraw0000000001"
    body = (
        '{ "id" :"e3vaidsraw0000000001","name":"r\\u00e4w \\"quoted\\" ö",  "status":"ACTIVE",'
        '"storageSize":"9223372036854775807","labels":{"a":"1.10"}}'
    ).encode()
    demo_server.put_raw(image_id, 200, body, {"Content-Type": "application/json"})
    fetch(qtbot, aids, image_id)
    keys(qtbot, aids, "Ctrl+U")
    page = aids.window.page
    assert page.views.currentWidget().isAncestorOf(page.raw_view)
    raw = in_page(aids, QPlainTextEdit, "rawBody").toPlainText()
    assert raw == body.decode()
    pretty = in_page(aids, QPlainTextEdit, "prettyBody").toPlainText()
    assert '  "name": "r\\u00e4w \\"quoted\\" ö",' in pretty
    assert '  "storageSize": "9223372036854775807",' in pretty
    name_line = in_page(aids, QPlainTextEdit, "prettyBody").document().findBlockByNumber(2)
    colours = {span.format.foreground().color().name() for span in name_line.layout().formats()}
    assert len(colours) >= 2  # the key and the string in colours of their own
    assert label(aids, "rawSummary").text().startswith("HTTP/1.1 200 OK \u00b7 ")
    assert label(aids, "rawSummary").text().endswith(f"{len(body)} bytes")
    assert "/cloud-desktop/v1/images/e3vaidsraw0000000001" in label(aids, "rawUrl").text()
    assert "x-client-request-id: " in label(aids, "rawRequestIds").text()
    assert "agrees" in label(aids, "rawClock").text() or "s ahead" in label(aids, "rawClock").text()
    assert {"content-type", "x-request-id", "x-server-trace-id", "date"} <= header_names(aids)
    qtbot.mouseClick(in_page(aids, QPushButton, "copyRawBodyButton"), Qt.MouseButton.LeftButton)
    assert clipboard() == body.decode()
    keys(qtbot, aids, "Ctrl+U")
    assert page.views.currentWidget() is page.splitter


# -- copy actions --------------------------------------------------------------------------------
def test_copy_actions(qtbot: QtBot, aids: Aids, demo_server: DemoServer) -> None:
    keys(qtbot, aids, "Ctrl+Shift+C")
    assert "Nothing to copy" in aids.window.statusBar().currentMessage()
    fetch(qtbot, aids, ACTIVE)
    keys(qtbot, aids, "Ctrl+Shift+C")
    assert clipboard() == (
        'curl -sS -i -H "Authorization: Bearer $(yc iam create-token)" '
        f"{demo_server.base_url}/cloud-desktop/v1/images/{ACTIVE}"
    )
    keys(qtbot, aids, "Ctrl+Shift+Y")
    assert clipboard() == f"yc desktops image get --id={ACTIVE} --format json"
    keys(qtbot, aids, "Ctrl+Shift+J")
    assert json.loads(clipboard()) == ACTIVE_BODY
    keys(qtbot, aids, "Ctrl+Shift+I")
    request = demo_server.requests[-1]
    assert clipboard().startswith(
        f"x-client-request-id: {request.headers['x-client-request-id']}\nx-request-id: "
    )
    in_page(aids, ValueLabel, "nameValue").copy_value()
    assert clipboard() == "ubuntu-22-04-office"


# -- history -------------------------------------------------------------------------------------
def test_history_remembers_searches_reopens_and_clears(
    qtbot: QtBot, aids: Aids, demo_server: DemoServer
) -> None:
    fetch(qtbot, aids, ACTIVE)
    fetch(qtbot, aids, SPARSE)
    window = aids.window
    keys(qtbot, aids, "Ctrl+H")
    assert window.history_dock.isVisible()
    search = window.history_panel.search
    assert search.hasFocus()
    assert history_rows(window) == [
        (SPARSE, "", "ACTIVE"),
        (ACTIVE, "ubuntu-22-04-office", "ACTIVE"),
    ]
    qtbot.keyClicks(search, "ubuntu office")
    assert [row[0] for row in history_rows(window)] == [ACTIVE]
    before = len(demo_server.requests)
    qtbot.keyClick(search, Qt.Key.Key_Return)  # one key re-opens the entry
    wait_idle(qtbot, aids)
    assert len(demo_server.requests) == before + 1
    assert label(aids, "idValue").text() == ACTIVE
    qtbot.waitUntil(lambda: len(History(history_path()).entries) == 2)  # saved soon after
    saved = History(history_path())
    assert [entry.image_id for entry in saved.entries] == [ACTIVE, SPARSE]
    text = history_path().read_text(encoding="utf-8")
    assert "labels" not in text and "x-request-id" not in text  # no body, no headers
    qtbot.mouseClick(window.history_panel.clear_button, Qt.MouseButton.LeftButton)
    assert history_rows(window) == []
    assert History(history_path()).entries == []


def test_history_marks_a_status_the_body_left_out(qtbot: QtBot, aids: Aids) -> None:
    fetch(qtbot, aids, "e3vdemodefaults00001")
    fetch(qtbot, aids, "e3vrobustdefaults001")
    keys(qtbot, aids, "Ctrl+H")
    assert history_rows(aids.window) == [
        ("e3vrobustdefaults001", "", "STATUS_UNSPECIFIED"),  # sent explicitly: no mark
        ("e3vdemodefaults00001", "", "STATUS_UNSPECIFIED (default)"),
    ]


def test_a_broken_history_file_is_said_and_kept(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer
) -> None:
    history_path().parent.mkdir(parents=True)
    history_path().write_bytes(b"{broken")
    for aids in open_window(qtbot, resolve_connection(demo_url=demo_server.base_url)):
        aids.window.toggle_history()  # Ctrl+H: the panel is built when first opened
        problem = aids.window.findChild(QLabel, "historyProblem")
        assert problem is not None
        assert "could not be read" in problem.text()
        assert list(history_path().parent.glob("history.json.broken-*"))
        fetch(qtbot, aids, ACTIVE)
        qtbot.waitUntil(lambda: [e.image_id for e in History(history_path()).entries] == [ACTIVE])


# -- watch ---------------------------------------------------------------------------------------
def test_watch_until_the_image_is_active(qtbot: QtBot, aids: Aids, demo_server: DemoServer) -> None:
    image_id = "e3vaidswatch00000001"
    demo_server.put_image(image_id, image_body(image_id, status="CREATING"))
    fetch(qtbot, aids, image_id)
    bar = aids.window.page.watch_bar
    qtbot.waitUntil(bar.isVisible)
    progress = label(aids, "watchProgress").text()
    assert progress.startswith("Watching: CREATING \u00b7 ")
    assert "since createdAt" in progress
    assert "watching for" in progress
    assert in_page(aids, QPushButton, "stopWatchButton").isVisible()
    demo_server.put_image(image_id, image_body(image_id, status="ACTIVE"))
    qtbot.waitUntil(lambda: aids.notifier.said != [], timeout=10_000)
    title, message = aids.notifier.said[0]
    assert title == "Image ACTIVE"
    assert f"{image_id} (aids-image) is now ACTIVE (was CREATING" in message
    assert "is now ACTIVE" in label(aids, "watchMessage").text()
    assert not in_page(aids, QPushButton, "stopWatchButton").isVisible()
    assert "ACTIVE" in label(aids, "statusBadge").text()


def says(line: QLabel | ValueLabel, text: str) -> bool:
    return text in line.text()


def test_the_watch_line_ticks_between_checks(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer
) -> None:
    """A minute between checks: only the line's own ticks can move its countdown."""
    image_id = "e3vaidstick000000001"
    demo_server.put_image(image_id, image_body(image_id, status="CREATING"))
    connection = resolve_connection(demo_url=demo_server.base_url)
    for aids in open_window(qtbot, connection, WatchPolicy(first_delay=60.0)):
        fetch(qtbot, aids, image_id)
        qtbot.waitUntil(aids.window.page.watch_bar.isVisible)
        line = label(aids, "watchProgress")
        assert "next check in 1 min" in line.text()
        qtbot.waitUntil(partial(says, line, "next check in 59 s"), timeout=3000)
        aids.window.page.stopWatchRequested.emit()
        assert not aids.window.page.watch_bar.stop_button.isVisible()


def test_watch_says_gone_after_deleting(qtbot: QtBot, aids: Aids, demo_server: DemoServer) -> None:
    image_id = "e3vaidsdeleting00001"
    demo_server.put_image(image_id, image_body(image_id, status="DELETING"))
    fetch(qtbot, aids, image_id)
    qtbot.waitUntil(aids.window.page.watch_bar.isVisible)
    not_found = json.dumps({"code": 5, "message": f"Desktop image {image_id} not found"})
    demo_server.put_raw(image_id, 404, not_found.encode())
    qtbot.waitUntil(lambda: aids.notifier.said != [], timeout=10_000)
    assert aids.notifier.said[0][0] == "Image deleted"
    assert "is gone" in label(aids, "watchMessage").text()
    assert aids.window.page.banner.isVisible()  # the 404 itself, as for any fetch


def test_watch_stops_when_asked(qtbot: QtBot, aids: Aids, demo_server: DemoServer) -> None:
    image_id = "e3vaidsstop000000001"
    demo_server.put_image(image_id, image_body(image_id, status="CREATING"))
    fetch(qtbot, aids, image_id)
    qtbot.waitUntil(aids.window.page.watch_bar.isVisible)
    qtbot.mouseClick(in_page(aids, QPushButton, "stopWatchButton"), Qt.MouseButton.LeftButton)
    assert label(aids, "watchMessage").text() == f"Stopped watching {image_id}"
    asked = len(demo_server.requests)
    qtbot.wait(300)  # several watch delays
    assert len(demo_server.requests) == asked
    assert aids.notifier.said == []


def test_watch_says_when_it_takes_longer_than_usual(
    qtbot: QtBot, aids: Aids, demo_server: DemoServer
) -> None:
    image_id = "e3vaidsslow000000001"
    body = image_body(image_id, status="CREATING", createdAt="2020-01-01T00:00:00Z")
    demo_server.put_image(image_id, body)
    fetch(qtbot, aids, image_id)
    qtbot.waitUntil(lambda: aids.notifier.said != [], timeout=10_000)
    assert aids.notifier.said[0][0] == "Still CREATING"
    assert "longer than usual" in label(aids, "watchProgress").text()
    aids.window.page.stopWatchRequested.emit()


# -- what changed --------------------------------------------------------------------------------
def test_a_refetch_highlights_what_changed(
    qtbot: QtBot, aids: Aids, demo_server: DemoServer
) -> None:
    image_id = "e3vaidschanged000001"
    demo_server.put_image(image_id, image_body(image_id))
    fetch(qtbot, aids, image_id)
    assert not label(aids, "changesSummary").isVisible()
    labels = {"os": "ubuntu", "env": "production", "new": "y"}
    demo_server.put_image(image_id, image_body(image_id, name="renamed", labels=labels))
    keys(qtbot, aids, "F5")
    qtbot.waitUntil(lambda: label(aids, "nameValue").text() == "renamed")
    summary = label(aids, "changesSummary")
    assert summary.isVisible()
    assert summary.text() == (
        "Changed since the previous fetch (just now): Name; labels: 1 added, 1 changed, 1 removed"
    )
    assert "old = x" in summary.toolTip()
    assert label(aids, "nameValue").toolTip() == "Before: aids-image"
    assert label(aids, "nameRow").styleSheet()  # highlighted
    assert not label(aids, "statusRow").styleSheet()
    table = in_page(aids, QTableView, "labelsTable")
    model = table.model()
    tips = {
        model.index(row, 0).data(): model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(model.rowCount())
    }
    assert tips["env"] == "production\n\nBefore: staging"
    assert tips["new"] == "y\n\nNew since the previous fetch"
    assert tips["os"] == "ubuntu"
    keys(qtbot, aids, "F5")
    qtbot.waitUntil(lambda: summary.text().startswith("Nothing changed since"))
    assert not label(aids, "nameRow").styleSheet()
    assert label(aids, "nameValue").toolTip() == ""


# -- support bundle ------------------------------------------------------------------------------
def test_save_for_support_then_open_it_offline(qtbot: QtBot, aids: Aids, tmp_path: Path) -> None:
    window = aids.window
    keys(qtbot, aids, "Ctrl+S")
    assert "Nothing to save" in window.statusBar().currentMessage()
    fetch(qtbot, aids, ACTIVE)
    bundle = tmp_path / "for-support.inspector.json"
    keys(qtbot, aids, "Ctrl+S")
    accept_file_dialog(qtbot, window, "saveBundleDialog", bundle)
    qtbot.waitUntil(bundle.exists)
    saved = json.loads(bundle.read_text(encoding="utf-8"))
    assert json.loads(saved["response"]["body"]) == ACTIVE_BODY
    assert saved["request"]["imageId"] == ACTIVE
    assert saved["clock"]["serverDate"]
    assert "qt" in saved["environment"]
    keys(qtbot, aids, "Ctrl+O")
    accept_file_dialog(qtbot, window, "openFileDialog", bundle)
    qtbot.waitUntil(lambda: window.tabs.count() == 2)
    assert window.tabs.currentIndex() == 1  # the live tab was kept; the file got its own
    banner = label(aids, "offlineBanner")
    assert banner.isVisible()
    assert banner.text().startswith(f"OFFLINE \u00b7 support bundle {bundle.name} \u00b7 captured")
    assert window.tabs.tabText(1) == "OFFLINE \u00b7 ubuntu-22-04-office"
    assert label(aids, "idValue").text() == ACTIVE
    assert (
        label(aids, "resultCaption").text() == f"OFFLINE \u00b7 {ACTIVE} \u00b7 from {bundle.name}"
    )
    in_page(aids, QWidget, "pageViews")
    window.page.show_raw_response()
    assert label(aids, "rawNote").text() == banner.text()
    assert in_page(aids, QPlainTextEdit, "rawBody").toPlainText() == saved["response"]["body"]
    keys(qtbot, aids, "F5")  # the live image again, compared with the file
    wait_idle(qtbot, aids)
    assert not label(aids, "offlineBanner").isVisible()
    assert (
        label(aids, "changesSummary")
        .text()
        .startswith(f"Nothing changed since the file {bundle.name}")
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("rest.json", json.dumps(ACTIVE_BODY)),
        (
            "yc.json",
            json.dumps(
                {
                    "id": ACTIVE,
                    "folder_id": FOLDER_ID,
                    "created_at": "2026-11-20T09:15:42.123456789Z",
                    "status": "ACTIVE",
                    "name": "ubuntu-22-04-office",
                    "storage_size": "21474836480",
                    "min_disk_size": "64424509440",
                },
                indent=2,
            ),
        ),
    ],
)
def test_open_a_body_saved_from_a_terminal(
    qtbot: QtBot, aids: Aids, tmp_path: Path, name: str, content: str
) -> None:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    aids.window.openFileChosen.emit(str(path))
    assert aids.window.tabs.count() == 1  # the empty tab shows it
    assert label(aids, "idValue").text() == ACTIVE
    assert label(aids, "folderIdValue").text() == FOLDER_ID
    assert label(aids, "storageSizeValue").text() == "20 GiB"
    assert "a plain body carries no capture time" in label(aids, "offlineBanner").text()
    aids.window.page.show_raw_response()
    assert in_page(aids, QPlainTextEdit, "rawBody").toPlainText() == content
    assert label(aids, "rawSummary").text().startswith("no HTTP exchange")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b'{"id": "e3v1", "status": "ACT', "broken or truncated"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (b'{"hello": "world"}', "neither a support bundle nor a DesktopImage"),
        (b"[]", "expected a JSON object, got an array"),
    ],
)
def test_a_file_that_is_not_one_is_named_and_nothing_is_lost(
    qtbot: QtBot, aids: Aids, tmp_path: Path, content: bytes, reason: str
) -> None:
    fetch(qtbot, aids, ACTIVE)
    path = tmp_path / "not-an-image.json"
    path.write_bytes(content)
    aids.window.openFileChosen.emit(str(path))
    box = aids.window.findChild(QMessageBox, "fileErrorBox")
    assert box is not None
    assert box.isVisible()
    assert not box.isModal()
    assert box.text().startswith("Cannot open not-an-image.json: ")
    assert reason in box.text()
    assert box.informativeText() == str(path)
    assert aids.window.tabs.count() == 1
    assert label(aids, "idValue").text() == ACTIVE
    assert not label(aids, "offlineBanner").isVisible()
    box.close()


def test_a_huge_file_is_refused(qtbot: QtBot, aids: Aids, tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:
        handle.truncate(17 * 1024 * 1024)
    aids.window.openFileChosen.emit(str(path))
    box = aids.window.findChild(QMessageBox, "fileErrorBox")
    assert box is not None
    assert "Cannot open huge.json: it is 17.0 MiB" in box.text()
    box.close()


# -- presenting mode -----------------------------------------------------------------------------
def test_presenting_mode_masks_ids_and_hides_folders(
    qtbot: QtBot, aids: Aids, demo_server: DemoServer
) -> None:
    window = aids.window
    fetch(qtbot, aids, ACTIVE)
    keys(qtbot, aids, "Ctrl+H")
    keys(qtbot, aids, "Ctrl+Shift+P")
    assert window.presenting
    assert label(aids, "idValue").text() == "e3vdemoa********"
    assert label(aids, "folderIdValue").text() == HIDDEN_FOLDER
    assert ACTIVE not in label(aids, "resultCaption").text()
    assert window.page.id_edit.echoMode() == QLineEdit.EchoMode.Password
    assert not window.action(ActionId.BROWSE).isEnabled()  # the folder browser shows folder IDs
    indicator = window.findChild(QLabel, "presentingIndicator")
    assert indicator is not None
    assert indicator.isVisible()
    window.page.show_raw_response()
    for name in ("rawBody", "prettyBody"):
        text = in_page(aids, QPlainTextEdit, name).toPlainText()
        assert ACTIVE not in text and FOLDER_ID not in text
        assert "e3vdemoa********" in text
    assert history_rows(window)[0][0] == "e3vdemoa********"
    keys(qtbot, aids, "Ctrl+Shift+Y")
    assert clipboard() == f"yc desktops image get --id={ACTIVE} --format json"  # copies stay exact
    keys(qtbot, aids, "Ctrl+Shift+P")
    assert not window.presenting
    assert window.action(ActionId.BROWSE).isEnabled()
    assert label(aids, "idValue").text() == ACTIVE
    assert label(aids, "folderIdValue").text() == FOLDER_ID
    assert history_rows(window)[0][0] == ACTIVE


def test_presenting_masks_what_a_watch_announces(
    qtbot: QtBot, aids: Aids, demo_server: DemoServer
) -> None:
    image_id = "e3vaidspresent000001"
    demo_server.put_image(image_id, image_body(image_id, status="CREATING"))
    keys(qtbot, aids, "Ctrl+Shift+P")
    fetch(qtbot, aids, image_id)
    demo_server.put_image(image_id, image_body(image_id, status="ACTIVE"))
    qtbot.waitUntil(lambda: aids.notifier.said != [], timeout=10_000)
    assert image_id not in aids.notifier.said[0][1]
    assert "e3vaidsp********" in aids.notifier.said[0][1]
    assert image_id not in label(aids, "watchMessage").text()


# -- tabs ----------------------------------------------------------------------------------------
def test_tabs_each_with_their_own_image(qtbot: QtBot, aids: Aids, demo_server: DemoServer) -> None:
    window = aids.window
    fetch(qtbot, aids, ACTIVE)
    first = window.page
    keys(qtbot, aids, "Ctrl+T")
    assert window.tabs.count() == 2
    second = window.page
    assert second is not first
    assert second.id_edit.hasFocus()
    assert label(aids, "idValue").text() == ""
    fetch(qtbot, aids, SPARSE)
    assert window.tabs.tabText(1) == SPARSE
    assert window.tabs.tabText(0) == "ubuntu-22-04-office"
    window.tabs.setCurrentIndex(0)
    assert window.page is first
    assert label(aids, "idValue").text() == ACTIVE
    keys(qtbot, aids, "Ctrl+L")
    assert first.id_edit.hasFocus()
    before = len(demo_server.requests)
    keys(qtbot, aids, "F5")
    wait_idle(qtbot, aids)
    assert demo_server.requests[before].path.endswith(ACTIVE)
    keys(qtbot, aids, "Ctrl+W")
    assert window.tabs.count() == 1
    assert window.page is second
    assert label(aids, "idValue").text() == SPARSE
    keys(qtbot, aids, "Ctrl+W")  # the last tab: a new empty one takes its place
    assert window.tabs.count() == 1
    assert window.page is not second
    assert window.tabs.tabText(0) == "New tab"
    fetch(qtbot, aids, ACTIVE)  # the new tab has a controller of its own
    assert label(aids, "idValue").text() == ACTIVE


# -- no export holds the token ---------------------------------------------------------------------
def test_no_export_holds_the_token(
    qtbot: QtBot, with_token: Aids, demo_server: DemoServer, tmp_path: Path
) -> None:
    aids = with_token
    fetch(qtbot, aids, ACTIVE)
    assert demo_server.requests[-1].headers["authorization"] == f"Bearer {TOKEN}"
    exports: dict[str, str] = {}
    for combination in ("Ctrl+Shift+C", "Ctrl+Shift+Y", "Ctrl+Shift+J", "Ctrl+Shift+I"):
        QGuiApplication.clipboard().clear()
        keys(qtbot, aids, combination)
        exports[combination] = clipboard()
    keys(qtbot, aids, "Ctrl+U")  # the raw view, built when first looked at
    qtbot.mouseClick(in_page(aids, QPushButton, "copyRawBodyButton"), Qt.MouseButton.LeftButton)
    exports["raw body"] = clipboard()
    bundle = tmp_path / "bundle.inspector.json"
    keys(qtbot, aids, "Ctrl+S")
    accept_file_dialog(qtbot, aids.window, "saveBundleDialog", bundle)
    qtbot.waitUntil(bundle.exists)
    qtbot.waitUntil(history_path().exists)
    exports["bundle"] = bundle.read_text(encoding="utf-8")
    exports["history"] = history_path().read_text(encoding="utf-8")
    for what, text in exports.items():
        assert text, what
        assert TOKEN not in text, what
        assert TOKEN.split(".")[1] not in text, what
    assert "$(yc iam create-token)" in exports["Ctrl+Shift+C"]
