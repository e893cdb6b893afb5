"""Keyboard and screen readers: values spoken, reading order, Alt letters, every key listed.

These run offscreen with Qt's own accessibility interfaces, in seconds; ``tests/atspi`` checks
the same window as a screen reader receives it over AT-SPI.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTableWidget,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector.config.connection import resolve_connection
from inspector.core.watch_state import WatchPhase, WatchState
from inspector.demo.data import DEMO_IMAGES, FOLDER_ID
from inspector.demo.server import DemoServer
from inspector.ui import translations
from inspector.ui.dialogs.shortcuts_dialog import ShortcutsDialog, shortcut_entries
from inspector.ui.widgets.value_label import ValueLabel
from inspector.ui.window.main_window import MainWindow
from tests.gui.driver import Running, start_window

pytestmark = pytest.mark.gui
ACTIVE = "e3vdemoactive0000001"
NOT_FOUND = "e3vdemoerror40400001"


def load(qtbot: QtBot, running: Running, image_id: str = ACTIVE) -> None:
    page = running.window.page
    page.id_edit.setText(image_id)
    page.request_fetch()
    qtbot.waitUntil(lambda: page.shown_id == image_id, timeout=10_000)


def fail(qtbot: QtBot, running: Running, image_id: str = NOT_FOUND) -> None:
    page = running.window.page
    page.id_edit.setText(image_id)
    page.request_fetch()
    qtbot.waitUntil(lambda: page.banner.isVisible() and not page.busy, timeout=10_000)


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says: the accessible name, else the label that is its buddy."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def heard(widget: QWidget) -> str:
    """What a screen reader says on focus: the labels it is labelled by, then its name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    labels = [
        label.text(QAccessible.Text.Name)
        for label, _relation in interface.relations(QAccessible.RelationFlag.Label)
    ]
    return " ".join([*labels, spoken_name(widget)])


def focusable(root: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.isVisibleTo(root)
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isEnabled()
    ]


def tab_cycle(qtbot: QtBot, window: MainWindow, key: Qt.Key = Qt.Key.Key_Tab) -> list[str]:
    """The object names Tab visits from the ID field until it comes back to it."""
    window.activateWindow()
    window.page.focus_id()
    qtbot.waitUntil(lambda: window.page.id_edit.hasFocus())
    seen: list[str] = []
    for _ in range(80):
        widget = QApplication.focusWidget()
        assert widget is not None
        qtbot.keyClick(widget, key)
        focus = QApplication.focusWidget()
        assert focus is not None
        if focus is window.page.id_edit:
            return seen
        assert focus.isVisible(), focus.objectName()
        seen.append(focus.objectName() or type(focus).__name__)
    raise AssertionError(f"Tab never came back to the ID field: {seen}")


def test_every_control_a_keyboard_reaches_has_a_name(qtbot: QtBot, running: Running) -> None:
    load(qtbot, running)
    running.window.page.id_edit.setText(ACTIVE)  # the clear button shows
    unnamed = [
        f"{type(widget).__name__}#{widget.objectName()}"
        for widget in focusable(running.window)
        if not spoken_name(widget).strip()
    ]
    clear = running.window.page.id_edit.findChild(QToolButton)
    assert clear is not None and clear.isVisibleTo(running.window)
    assert spoken_name(clear) == "Clear the image ID"
    assert unnamed == []


def test_every_value_is_named_by_its_field_and_what_it_shows(
    qtbot: QtBot, running: Running
) -> None:
    load(qtbot, running)
    page = running.window.page
    values = [v for v in page.findChildren(ValueLabel) if v.isVisibleTo(running.window)]
    assert len(values) >= 10
    for value in values:
        expected = value.text() if value.row_label else f"{value.field_name}: {value.text()}"
        assert spoken_name(value) == expected, value.objectName()  # the field said once
    form = page.form
    assert heard(form.values["name"]) == "Name: ubuntu-22-04-office"
    assert form.row_labels["name"].buddy() is form.values["name"]
    created = form.values["createdAt"]
    assert heard(created) == f"Created: {created.text()}"
    assert ".123456789" in heard(created)
    assert "UTC" in heard(form.details["createdAt"])
    assert heard(form.details["storageSize"]) == "Storage size in bytes: 21,474,836,480 bytes"
    assert heard(form.badge) == "Status: ACTIVE, image is ready to use"
    assert form.badge.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert spoken_name(form.caption) == form.caption.text()


def test_the_error_banner_is_an_alert_and_says_every_value(qtbot: QtBot, running: Running) -> None:
    fail(qtbot, running)
    banner = running.window.page.banner
    interface = QAccessible.queryAccessibleInterface(banner)
    assert interface is not None
    assert interface.role() == QAccessible.Role.AlertMessage
    assert heard(banner.values["httpStatusValue"]) == "HTTP status: 404 Not Found"
    assert heard(banner.values["grpcCodeValue"]) == "gRPC code: 5 NOT_FOUND"
    request_id = banner.values["clientRequestIdValue"]
    assert heard(request_id) == f"x-client-request-id: {request_id.text()}"
    assert spoken_name(banner.title) == banner.title.text() != ""
    assert banner.spoken_summary().startswith(banner.title.text())
    assert banner.hint.text() in banner.spoken_summary()


def test_labels_that_change_are_named_by_what_they_say(qtbot: QtBot, running: Running) -> None:
    window = running.window
    window.set_demo("http://127.0.0.1:1", [(ACTIVE, "ACTIVE")])
    window.show_status("Still CREATING after 20 min, longer than usual")
    page = window.page
    page.id_edit.setText(ACTIVE)
    page.request_fetch()
    assert spoken_name(page.progress_label) == page.progress_label.text() != ""
    qtbot.waitUntil(lambda: page.shown_id == ACTIVE, timeout=10_000)
    page.show_raw_response()
    raw = page.raw_view
    for label in (window.demo_banner, window.endpoint_label, raw.summary, raw.url, raw.ids):
        assert label.text()
        assert spoken_name(label) == label.text(), label.objectName()
    first_header = raw.headers.verticalHeaderItem(0)
    assert first_header is not None and first_header.text() == raw.headers.item(0, 0).text()  # type: ignore[union-attr]
    status_bar = QAccessible.queryAccessibleInterface(window.statusBar())
    assert status_bar is not None
    assert status_bar.text(QAccessible.Text.Name).startswith("Still CREATING")
    assert window.windowTitle() == "DEMO"


def test_tab_walks_the_loaded_image_in_reading_order_and_comes_back(
    qtbot: QtBot, running: Running
) -> None:
    load(qtbot, running)
    seen = tab_cycle(qtbot, running.window)
    order = [
        "fetchButton",
        "qt_tabwidget_tabbar",
        "resultCaption",
        "idValue",
        "folderIdValue",
        "nameValue",
        "descriptionValue",
        "statusBadge",
        "createdAtValue",
        "createdAtDetail",
        "storageSizeValue",
        "storageSizeDetail",
        "minDiskSizeValue",
        "minDiskSizeDetail",
        "labelsFilter",
        "copyLabelRowsButton",
        "copyAllLabelsButton",
        "labelsTable",
    ]
    assert seen == order
    assert tab_cycle(qtbot, running.window, Qt.Key.Key_Backtab) == order[::-1]


def test_tab_walks_the_error_and_skips_the_empty_form(qtbot: QtBot, running: Running) -> None:
    fail(qtbot, running)
    seen = tab_cycle(qtbot, running.window)
    assert seen[:4] == ["fetchButton", "errorTitle", "copyRequestIdsButton", "copyErrorButton"]
    assert seen.index("httpStatusValue") < seen.index("clientRequestIdValue")
    assert seen.index("clientRequestIdValue") < seen.index("errorHint")
    assert seen[-2:] == ["qt_tabwidget_tabbar", "resultCaption"]  # the form says why it is empty
    assert not any(
        name.endswith(("Value", "Detail")) for name in seen[seen.index("qt_tabwidget_tabbar") :]
    )
    assert "labelsTable" not in seen  # no labels: disabled, not a stop
    form = running.window.page.form
    # blank: nothing shown, so neither named nor labelled
    assert [heard(value) for value in (form.values["id"], form.badge)] == ["", ""]


def test_tab_walks_the_raw_response_and_leaves_its_text_boxes(
    qtbot: QtBot, running: Running
) -> None:
    load(qtbot, running)
    running.window.page.show_raw_response()
    seen = tab_cycle(qtbot, running.window)
    assert seen == [
        "fetchButton",
        "qt_tabwidget_tabbar",
        "rawSummary",
        "rawUrl",
        "rawClock",
        "rawRequestIds",
        "rawHeaders",
        "copyRawBodyButton",
        "rawBody",
        "prettyBody",
    ]


def test_tab_walks_the_folder_browser_then_the_page(qtbot: QtBot, running: Running) -> None:
    window = running.window
    window.activateWindow()
    window.toggle_browser()
    qtbot.waitUntil(lambda: window.browser.folder_edit.hasFocus())
    seen = []
    for _ in range(12):
        focus = QApplication.focusWidget()
        assert focus is not None
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None
        seen.append(focus.objectName())
        if focus is window.page.id_edit:
            break
    assert seen == [
        "serverNameFilter",
        "orderByCombo",
        "listButton",
        "loadedRowsFilter",
        "imagesTable",
        "imageIdEdit",
    ]


def test_a_table_is_one_tab_stop(qtbot: QtBot, running: Running) -> None:
    load(qtbot, running)
    table = running.window.page.labels.table
    assert not table.tabKeyNavigation()
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert running.window.page.id_edit.hasFocus()


def test_hidden_row_headers_name_the_rows(qtbot: QtBot, running: Running) -> None:
    """Screen readers name a table row by its header, hidden on screen: the key, the ID."""
    load(qtbot, running)
    labels = running.window.page.labels.model
    assert labels.headerData(0, Qt.Orientation.Vertical) == labels.row(0)[0] == "backup"
    browser = running.window.browser
    browser.set_folder_id(FOLDER_ID)
    browser.request_list()
    qtbot.waitUntil(lambda: browser.proxy.rowCount() > 0, timeout=10_000)
    first_id = browser.proxy.index(0, 0).data()
    assert browser.proxy.headerData(0, Qt.Orientation.Vertical) == first_id
    assert not browser.table.tabKeyNavigation()


def mnemonic(text: str) -> str:
    return QKeySequence.mnemonic(text).toString()


def menu_clashes(menu: QMenu) -> Iterator[str]:
    """Letters used twice among one menu's items (a submenu is a menu of its own)."""
    letters = Counter(mnemonic(a.text()) for a in menu.actions() if mnemonic(a.text()))
    yield from (f"{menu.title()}: {key} x{count}" for key, count in letters.items() if count > 1)


def window_mnemonics(window: MainWindow) -> list[tuple[str, str]]:
    """(Alt key, owner) for the menu bar and every widget shown with an underlined letter."""
    found = [(mnemonic(a.text()), f"menu {a.text()}") for a in window.menuBar().actions()]
    for widget in window.findChildren(QWidget):
        if not widget.isVisibleTo(window):
            continue
        if isinstance(widget, QAbstractButton) or (
            isinstance(widget, QLabel) and widget.buddy() is not None
        ):
            found.append((mnemonic(widget.text()), f"{widget.objectName()} {widget.text()!r}"))
    return [(key, owner) for key, owner in found if key]


def missing_mnemonics(root: QWidget) -> list[str]:
    """Buttons with text, and fields, shown under ``root`` without an Alt letter (the ✕
    buttons and the fields' clear buttons are tool buttons: Tab reaches them)."""
    buddied = {label.buddy() for label in root.findChildren(QLabel) if mnemonic(label.text())}
    missing = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton) and not isinstance(widget, QToolButton):
            if not mnemonic(widget.text()):
                missing.append(widget.objectName() or widget.text())
        elif isinstance(widget, QLineEdit) and widget not in buddied:
            missing.append(widget.objectName())
    return missing


def clashes_in(window: MainWindow) -> list[str]:
    found = window_mnemonics(window)
    keys = Counter(key for key, _owner in found)
    return [f"{owner}: {key}" for key, owner in found if keys[key] > 1]


@pytest.mark.parametrize("language", ["en", "ru"])
def test_every_alt_letter_is_unique_and_every_button_and_field_has_one(
    qt_loop: qasync.QEventLoop,
    qtbot: QtBot,
    demo_server: DemoServer,
    qapp: QApplication,
    language: str,
) -> None:
    """In the window with everything shown that can be shown at once, and in each menu; a
    dock's letters are unique within the dock and against the menu bar."""
    assert translations.install(qapp, language) == language
    running = start_window(qtbot, resolve_connection(demo_url=demo_server.base_url))
    window = running.window
    page = window.page
    try:
        window.set_demo(demo_server.base_url, [(i, d.summary) for i, d in DEMO_IMAGES.items()])
        menus = [menu for menu in window.findChildren(QMenu) if isinstance(menu, QMenu)]
        clashes = [clash for menu in menus for clash in menu_clashes(menu)]
        load(qtbot, running)
        page.show_watch(WatchState(WatchPhase.WATCHING, progress="CREATING"))
        clashes += clashes_in(window)
        assert missing_mnemonics(page) == []
        page.show_watch(WatchState(WatchPhase.FINISHED, "The watch ended."))
        fail(qtbot, running)
        for view in (page.splitter, page.raw_view):
            page.views.setCurrentWidget(view)
            clashes += clashes_in(window)
            assert missing_mnemonics(page) == []
        menu_keys = {mnemonic(a.text()) for a in window.menuBar().actions()}
        for dock in (window.browser_dock, window.history_dock):
            inside = [
                (mnemonic(w.text()), w.objectName() or w.text())
                for w in dock.findChildren(QWidget)
                if isinstance(w, QAbstractButton | QLabel) and mnemonic(w.text())
            ]
            keys = Counter(key for key, _name in inside)
            clashes += [
                f"{name}: {key}" for key, name in inside if key in menu_keys or keys[key] > 1
            ]
            dock.show()
            assert missing_mnemonics(dock.widget()) == [], dock.objectName()
            dock.hide()
        assert clashes == []
    finally:
        window.close()
        qtbot.waitUntil(running.task.done, timeout=5000)
        translations.install(qapp, "en")


def test_every_shortcut_says_what_it_does(qtbot: QtBot, running: Running) -> None:
    window = running.window
    silent = [
        shortcut.key().toString()
        for shortcut in window.findChildren(QShortcut)
        if not shortcut.whatsThis()
    ]
    assert silent == []
    listed = dict((keys, text) for keys, text in shortcut_entries(window))
    for action in window.findChildren(QAction):
        if action.shortcut().isEmpty():
            continue
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        assert keys in listed, action.text()


def test_help_lists_the_shortcuts_and_f1_opens_it(qtbot: QtBot, running: Running) -> None:
    window = running.window
    window.activateWindow()
    window.page.focus_id()
    qtbot.keyClick(window.page.id_edit, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.findChild(ShortcutsDialog) is not None)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None
    table = dialog.findChild(QTableWidget, "shortcutsTable")
    assert table is not None
    actions = {table.item(row, 1).text() for row in range(table.rowCount())}  # type: ignore[union-attr]
    assert {
        "Quit",
        "New Tab",
        "Fetch Again",
        "Keyboard Shortcuts",
        "Cancel the running fetch",
    } <= actions
    dialog.close()


def test_about_opens_without_blocking(qtbot: QtBot, running: Running) -> None:
    running.window.show_about()
    about = running.window.findChild(QDialog, "aboutDialog")
    assert about is not None
    qtbot.waitExposed(about)  # open(), not exec(): this line runs while it is shown
    about.close()
