"""The folder browser in the real window, driven as an operator would, against the demo API."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest
import qasync
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from inspector.api.models import DesktopImage
from inspector.config.connection import resolve_connection
from inspector.config.settings import load_folder_id
from inspector.demo.data import EMPTY_FOLDER_ID, FOLDER_ID
from inspector.demo.server import DemoServer
from inspector.present.listing import COLUMNS, present_row
from inspector.ui.browser.folder_browser import FolderBrowser, MessageKind
from inspector.ui.browser.rows_model import count_text
from tests.gui.driver import Running, start_window

FOLDER_SIZE = 120
STORAGE_COLUMN = COLUMNS.index("Storage")


def open_browser(qtbot: QtBot, app: Running) -> FolderBrowser:
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow)
    qtbot.keyClick(app.window.page.id_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    browser = app.window.browser
    qtbot.waitUntil(browser.folder_edit.hasFocus)
    return browser


def wait_idle(qtbot: QtBot, browser: FolderBrowser) -> None:
    qtbot.waitUntil(lambda: not browser.stop_button.isEnabled(), timeout=10_000)


def list_folder(qtbot: QtBot, browser: FolderBrowser, folder_id: str, name: str = "") -> None:
    browser.folder_edit.setText(folder_id)
    browser.name_edit.setText(name)
    qtbot.keyClick(browser.folder_edit, Qt.Key.Key_Return)
    wait_idle(qtbot, browser)


def shown_column(browser: FolderBrowser, column: int) -> list[str]:
    proxy = browser.proxy
    return [str(proxy.index(row, column).data()) for row in range(proxy.rowCount())]


def list_requests(server: DemoServer, folder_id: str) -> list[dict[str, list[str]]]:
    found = []
    for request in server.requests:
        parts = urlsplit(request.path)
        params = parse_qs(parts.query)
        if parts.path == "/cloud-desktop/v1/images" and params.get("folderId") == [folder_id]:
            found.append(params)
    return found


def raw_page(images: list[tuple[str, str]], folder_id: str, token: str | None = None) -> bytes:
    body: dict[str, object] = {
        "desktopImages": [
            {"id": image_id, "folderId": folder_id, "name": name, "status": "ACTIVE"}
            for image_id, name in images
        ]
    }
    if token:
        body["nextPageToken"] = token
    return json.dumps(body).encode()


def test_ctrl_b_goes_to_the_browser_and_back(qtbot: QtBot, running: Running) -> None:
    assert not running.window.browser_dock.isVisible()
    browser = open_browser(qtbot, running)
    assert running.window.browser_dock.isVisible()
    assert browser.folder_edit.text() == FOLDER_ID  # the demo's folder, for a newcomer
    qtbot.keyClick(browser.folder_edit, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not running.window.browser_dock.isVisible())
    assert running.window.page.id_edit.hasFocus()


def test_pages_come_as_the_user_scrolls_and_load_all_gets_the_rest(
    qtbot: QtBot, running: Running
) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, FOLDER_ID)
    assert browser.proxy.rowCount() == 50
    assert browser.count.text() == "50 images loaded \u00b7 more on the server"
    browser.table.setFocus()
    qtbot.keyClick(browser.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: browser.proxy.rowCount() == 100, timeout=10_000)
    wait_idle(qtbot, browser)
    qtbot.mouseClick(browser.load_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.proxy.rowCount() == FOLDER_SIZE, timeout=10_000)
    wait_idle(qtbot, browser)
    assert browser.count.text() == f"{FOLDER_SIZE} images loaded \u00b7 all loaded"
    assert not browser.load_all_button.isEnabled()
    ids = shown_column(browser, 0)
    assert len(set(ids)) == FOLDER_SIZE


def test_columns_sort_by_value_and_the_loaded_rows_filter(qtbot: QtBot, running: Running) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, FOLDER_ID)
    qtbot.mouseClick(browser.load_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.proxy.rowCount() == FOLDER_SIZE, timeout=10_000)
    header = browser.table.horizontalHeader()
    where = QPoint(header.sectionViewportPosition(STORAGE_COLUMN) + 5, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=where)
    tips = [
        browser.proxy.index(row, STORAGE_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
        for row in range(browser.proxy.rowCount())
    ]
    sent = [int(str(tip).split()[0].replace(",", "")) for tip in tips if tip]
    assert sent == sorted(sent)
    assert shown_column(browser, STORAGE_COLUMN)[0] == "0 B (default)"  # left out: 0, first
    assert sent[-1] == 9007199254740993
    qtbot.keyClicks(browser.substring_edit, "DEBIAN")
    shown = browser.proxy.rowCount()
    assert 0 < shown < FOLDER_SIZE
    assert all("debian" in name for name in shown_column(browser, 1))
    assert browser.count.text() == f"{shown} of {FOLDER_SIZE} images shown \u00b7 all loaded"


def test_the_server_filters_by_name_and_orders(
    qtbot: QtBot, running: Running, demo_server: DemoServer
) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, FOLDER_ID, name="huge-sizes")
    assert shown_column(browser, 0) == ["e3vdemohugesizes0001"]
    assert browser.count.text() == "1 image loaded \u00b7 all loaded"
    list_folder(qtbot, browser, FOLDER_ID, name='no "such" \\ name')
    assert browser.proxy.rowCount() == 0
    assert browser.message.text() == (
        f'No images in folder {FOLDER_ID} named \u201cno "such" \\ name\u201d.'
    )
    assert ['name="no \\"such\\" \\\\ name"'] in [
        params.get("filter") for params in list_requests(demo_server, FOLDER_ID)
    ]
    browser.name_edit.clear()
    browser.order_combo.setFocus()
    while browser.order_combo.currentData() != "name desc":
        qtbot.keyClick(browser.order_combo, Qt.Key.Key_Down)
    wait_idle(qtbot, browser)
    names = shown_column(browser, 1)
    assert len(names) == 50
    assert names == sorted(names, reverse=True)
    assert list_requests(demo_server, FOLDER_ID)[-1]["orderBy"] == ["name desc"]


@pytest.mark.parametrize("how", ["double-click", "enter"])
def test_choosing_a_row_opens_the_image_with_a_fresh_get(
    qtbot: QtBot, running: Running, demo_server: DemoServer, how: str
) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, FOLDER_ID, name="ubuntu-22-04-office")
    index = browser.proxy.index(0, 1)
    before = len(demo_server.requests)
    if how == "double-click":
        rect = browser.table.visualRect(index)
        viewport = browser.table.viewport()
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    else:
        browser.table.setFocus()
        browser.table.setCurrentIndex(index)
        qtbot.keyClick(browser.table, Qt.Key.Key_Return)
    page = running.window.page
    qtbot.waitUntil(lambda: page.shown_id == "e3vdemoactive0000001", timeout=10_000)
    assert page.id_edit.text() == "e3vdemoactive0000001"
    assert page.labels.model.rowCount() == 10
    gets = [r.path for r in demo_server.requests[before:]]
    assert gets == ["/cloud-desktop/v1/images/e3vdemoactive0000001"]


def test_a_malformed_folder_id_is_refused_without_a_request(
    qtbot: QtBot, running: Running, demo_server: DemoServer
) -> None:
    browser = open_browser(qtbot, running)
    before = len(demo_server.requests)
    browser.folder_edit.setText("b1g/../secret")
    qtbot.keyClick(browser.folder_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(browser.message.isVisible)
    assert "folder ID contains '/'" in browser.message.text()
    assert browser.message_kind is MessageKind.ERROR
    assert len(demo_server.requests) == before


def test_an_empty_folder_says_so(qtbot: QtBot, running: Running) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, EMPTY_FOLDER_ID)
    assert browser.proxy.rowCount() == 0
    assert browser.message.text() == f"No images in folder {EMPTY_FOLDER_ID}."
    assert browser.count.text() == "0 images loaded \u00b7 all loaded"


def test_a_refused_page_token_restarts_with_a_note(
    qtbot: QtBot, running: Running, demo_server: DemoServer
) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, FOLDER_ID)
    first_rows = shown_column(browser, 0)
    demo_server.expire_page_tokens()
    qtbot.mouseClick(browser.load_more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(browser.message.isVisible, timeout=10_000)
    wait_idle(qtbot, browser)
    assert "refused the page token" in browser.message.text()
    assert "started again from the first page" in browser.message.text()
    assert shown_column(browser, 0) == first_rows
    assert browser.count.text() == "50 images loaded \u00b7 more on the server"


def test_a_repeated_token_or_a_garbage_page_keeps_the_rows(
    qtbot: QtBot, running: Running, demo_server: DemoServer
) -> None:
    browser = open_browser(qtbot, running)
    repeats = "b1gguirepeats"
    demo_server.put_raw_page(repeats, "", 200, raw_page([("e3va", "a")], repeats, "same"))
    demo_server.put_raw_page(repeats, "same", 200, raw_page([("e3vb", "b")], repeats, "same"))
    list_folder(qtbot, browser, repeats)
    qtbot.mouseClick(browser.load_all_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, browser)
    assert shown_column(browser, 0) == ["e3va", "e3vb"]
    assert "'same' again" in browser.message.text()
    assert not browser.load_more_button.isEnabled()
    assert len(list_requests(demo_server, repeats)) == 2

    garbage = "b1gguigarbage"
    demo_server.put_raw_page(garbage, "", 200, raw_page([("e3vc", "c")], garbage, "p2"))
    demo_server.put_raw_page(garbage, "p2", 200, b"<html>Access denied by proxy</html>")
    list_folder(qtbot, browser, garbage)
    qtbot.mouseClick(browser.load_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.message_kind is MessageKind.ERROR, timeout=10_000)
    wait_idle(qtbot, browser)
    assert shown_column(browser, 0) == ["e3vc"]
    assert "not a page of desktop images" in browser.message.text()
    assert "x-client-request-id" in browser.message.text()
    assert browser.load_more_button.isEnabled()  # the operator can ask for the page again
    demo_server.put_raw_page(garbage, "p2", 200, raw_page([("e3vd", "d")], garbage))
    qtbot.mouseClick(browser.load_more_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.proxy.rowCount() == 2, timeout=10_000)
    assert shown_column(browser, 0) == ["e3vc", "e3vd"]
    assert not browser.message.isVisible()


def test_the_folder_is_remembered_for_the_next_window(
    qtbot: QtBot, qt_loop: qasync.QEventLoop, running: Running, demo_server: DemoServer
) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, EMPTY_FOLDER_ID)
    assert load_folder_id("demo") == EMPTY_FOLDER_ID
    connection = resolve_connection(demo_url=demo_server.base_url)
    second = start_window(qtbot, connection)
    try:
        assert second.window.browser.folder_edit.text() == EMPTY_FOLDER_ID
    finally:
        second.window.close()
        qtbot.waitUntil(second.task.done, timeout=5000)


def test_a_row_without_an_id_cannot_be_opened(qtbot: QtBot) -> None:
    browser = FolderBrowser()
    qtbot.addWidget(browser)
    chosen: list[str] = []
    browser.imageChosen.connect(chosen.append)
    rows = [present_row(DesktopImage.model_validate({"name": "no-id"}), 0)]
    browser.show_listing("folder b1gx")
    browser.show_page(rows, more=False, replace=False)
    assert shown_column(browser, 0) == ['"" (abnormal: the answer has no image ID)']
    browser.table.activated.emit(browser.proxy.index(0, 1))
    assert chosen == []


@pytest.mark.parametrize(
    ("loaded", "shown", "more", "loading", "text"),
    [
        (50, 50, True, False, "50 images loaded \u00b7 more on the server"),
        (120, 120, False, False, "120 images loaded \u00b7 all loaded"),
        (120, 7, False, False, "7 of 120 images shown \u00b7 all loaded"),
        (1, 1, False, False, "1 image loaded \u00b7 all loaded"),
        (50, 50, True, True, "50 images loaded \u00b7 loading\u2026"),
    ],
)
def test_count_text(loaded: int, shown: int, more: bool, loading: bool, text: str) -> None:
    assert count_text(loaded, shown, more=more, loading=loading) == text


def test_an_unreadable_image_is_a_row_with_its_error_and_the_others_stay(
    qtbot: QtBot, running: Running, demo_server: DemoServer
) -> None:
    folder = "b1gbrowserbadimage"
    images = [
        {"id": "e3vfine1", "name": "fine", "status": 2},
        {"id": "e3vbroken", "status": True},
        {"id": "e3vfine2", "storageSize": "1e3"},
    ]
    demo_server.put_raw_page(folder, "", 200, json.dumps({"desktopImages": images}).encode())
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, folder)
    assert shown_column(browser, 0) == ["e3vfine1", "e3vbroken", "e3vfine2"]
    assert shown_column(browser, 2) == ["ACTIVE", "unreadable", "STATUS_UNSPECIFIED (default)"]
    assert shown_column(browser, 1)[1].startswith(
        "cannot read this image: status: expected an enum"
    )
    assert shown_column(browser, 5)[2] == "1000 B"
