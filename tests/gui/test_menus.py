"""The menus built from the action table: every action once, where it always was, with its keys,
and enabled exactly while its condition holds."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from inspector.ui.window.action_table import ActionId
from inspector.ui.window.main_window import MainWindow

pytestmark = pytest.mark.gui

# The menu bar as it has been since the first release: object names, "-" for a separator,
# "menu:" for a submenu.
MENU_BAR = [
    [
        "newTabAction",
        "closeTabAction",
        "-",
        "openFileAction",
        "saveBundleAction",
        "-",
        "connectionAction",
        "-",
        "quitAction",
    ],
    ["copyCurlAction", "copyYcAction", "copyJsonAction", "copyIdsAction"],
    ["focusIdAction", "refetchAction", "stopWatchAction", "-", "compareAction"],
    [
        "browseFolderAction",
        "historyAction",
        "rawResponseAction",
        "presentingAction",
        "-",
        "menu:&Theme",
        "menu:&Language",
    ],
    ["keyboardShortcutsAction", "openLogFolderAction", "aboutAction"],
]


def _item(action: QAction) -> str:
    if action.isSeparator():
        return "-"
    menu = action.menu()
    return f"menu:{menu.title()}" if isinstance(menu, QMenu) else action.objectName()


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    return window


def test_the_menu_bar_holds_every_action_once_in_its_place(window: MainWindow) -> None:
    menus = [action.menu() for action in window.menuBar().actions()]
    assert [[_item(a) for a in menu.actions()] for menu in menus if isinstance(menu, QMenu)] == (
        MENU_BAR
    )
    for action_id in ActionId:
        assert window.findChildren(QAction, action_id.value) == [window.action(action_id)]


def test_keys_come_from_the_table(window: MainWindow) -> None:
    def keys(action_id: ActionId) -> list[str]:
        return [sequence.toString() for sequence in window.action(action_id).shortcuts()]

    assert keys(ActionId.NEW_TAB) == ["Ctrl+T"]
    assert keys(ActionId.BROWSE) == ["Ctrl+B"]
    assert keys(ActionId.STOP_WATCH) == []
    refresh = QKeySequence.keyBindings(QKeySequence.StandardKey.Refresh)
    assert keys(ActionId.REFETCH) == [sequence.toString() for sequence in refresh]
    quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
    assert keys(ActionId.QUIT) == [s.toString() for s in quit_keys] or ["Ctrl+Q"]


def test_actions_are_enabled_while_their_condition_holds(
    window: MainWindow, tmp_path: Path
) -> None:
    browse, log = window.action(ActionId.BROWSE), window.action(ActionId.OPEN_LOG)
    assert browse.isEnabled() and not log.isEnabled()
    window.set_presenting(True)
    assert not browse.isEnabled()
    window.set_log_folder(tmp_path)
    assert log.isEnabled()
    assert not browse.isEnabled()  # syncing one condition leaves the others as they hold
    window.set_presenting(False)
    assert browse.isEnabled() and log.isEnabled()
    assert window.action(ActionId.COPY_CURL).isEnabled()  # an empty tab: nothing in the way
