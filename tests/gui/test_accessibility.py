"""Keyboard and screen readers: every control can be reached and is named, every key is listed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QDialog, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

from inspector.ui.shortcuts_dialog import ShortcutsDialog, shortcut_entries
from inspector.ui.value_label import ValueLabel
from tests.gui.driver import Running

pytestmark = pytest.mark.gui
ACTIVE = "e3vdemoactive0000001"


def load(qtbot: QtBot, running: Running, image_id: str = ACTIVE) -> None:
    page = running.window.page
    page.id_edit.setText(image_id)
    page.request_fetch()
    qtbot.waitUntil(lambda: page.shown_id == image_id, timeout=10_000)


def spoken_name(widget: QWidget) -> str:
    """The name a screen reader says: the accessible name, else the label that is its buddy."""
    interface = QAccessible.queryAccessibleInterface(widget)
    assert interface is not None
    return interface.text(QAccessible.Text.Name)


def focusable(root: QWidget) -> list[QWidget]:
    return [
        widget
        for widget in root.findChildren(QWidget)
        if widget.isVisibleTo(root)
        and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
        and widget.isEnabled()
    ]


def test_every_control_a_keyboard_reaches_has_a_name(qtbot: QtBot, running: Running) -> None:
    load(qtbot, running)
    unnamed = [
        f"{type(widget).__name__}#{widget.objectName()}"
        for widget in focusable(running.window)
        if not spoken_name(widget).strip()
    ]
    assert unnamed == []


def test_every_value_says_what_it_is_and_what_it_holds(qtbot: QtBot, running: Running) -> None:
    load(qtbot, running)
    values = [
        v for v in running.window.page.findChildren(ValueLabel) if v.isVisibleTo(running.window)
    ]
    assert len(values) >= 8
    for value in values:
        assert value.accessibleName(), value.objectName()
        assert value.accessibleDescription(), value.objectName()
    badge = running.window.page.form.badge
    assert badge.accessibleName() == "Status"
    assert badge.accessibleDescription().startswith("ACTIVE: ")


def test_tab_walks_from_the_id_to_the_labels(qtbot: QtBot, running: Running) -> None:
    """Fetch, the values and the labels table in reading order, all without a mouse."""
    load(qtbot, running)
    window = running.window
    window.activateWindow()
    window.page.focus_id()
    qtbot.waitUntil(lambda: window.page.id_edit.hasFocus())
    seen: list[str] = []
    for _ in range(60):
        widget = QApplication.focusWidget()
        if widget is None or widget.objectName() in seen:
            break
        seen.append(widget.objectName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    order = ["imageIdEdit", "fetchButton", "idValue", "nameValue", "labelsFilter", "labelsTable"]
    positions = [seen.index(name) for name in order]
    assert positions == sorted(positions), seen


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
