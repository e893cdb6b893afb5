"""Help's dialogs: the keyboard shortcuts as the window really has them, and About."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QTableWidget, QWidget
from pytestqt.qtbot import QtBot

import inspector
from inspector.ui.dialogs.about_dialog import SHIPPED, AboutDialog, versions_text
from inspector.ui.dialogs.shortcuts_dialog import ShortcutsDialog, action_text, shortcut_entries

pytestmark = pytest.mark.gui

PYPROJECT = Path(inspector.__file__).resolve().parent.parent / "pyproject.toml"


def native(keys: QKeySequence.StandardKey | str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def small_window() -> QMainWindow:
    window = QMainWindow()
    refresh = QAction("&Fetch Again", window)
    refresh.setShortcuts(QKeySequence.StandardKey.Refresh)
    window.addAction(refresh)
    window.addAction(QAction("&About", window))  # no keys: not listed
    focus = QShortcut(QKeySequence("Ctrl+L"), window)
    focus.setWhatsThis("Go to the image ID")
    return window


def test_mnemonics_are_not_shown(qapp: QApplication) -> None:
    del qapp  # actions need the application
    assert action_text(QAction("Copy request &IDs")) == "Copy request IDs"
    assert action_text(QAction("Save && &quit")) == "Save & quit"


def test_shortcuts_are_read_from_the_window(qtbot: QtBot) -> None:
    window = small_window()
    qtbot.addWidget(window)
    assert shortcut_entries(window) == [
        (native(QKeySequence.StandardKey.Refresh), "Fetch Again"),
        (native("Ctrl+L"), "Go to the image ID"),
    ]


def test_the_dialog_lists_them_with_the_extra_keys(qtbot: QtBot) -> None:
    window = small_window()
    qtbot.addWidget(window)
    dialog = ShortcutsDialog(window, extra=[("Enter", "Fetch")])
    dialog.open()
    qtbot.waitExposed(dialog)
    table = dialog.table
    rows = [(cell(table, row, 0), cell(table, row, 1)) for row in range(table.rowCount())]
    assert rows == [*shortcut_entries(window), ("Enter", "Fetch")]
    assert table.accessibleName()
    dialog.reject()


def test_about_says_what_support_asks_for(qtbot: QtBot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    dialog.open()
    qtbot.waitExposed(dialog)
    text = dialog.versions.text()
    assert inspector.__version__ in text
    assert f"Qt {qVersion()}" in text
    assert "PySide6 " in text
    assert "Python " in text
    table = dialog.licences
    names = [cell(table, row, 0) for row in range(table.rowCount())]
    assert names == [component.name for component in SHIPPED]
    licences = {cell(table, row, 0): cell(table, row, 2) for row in range(len(names))}
    assert licences["Qt"] == "LGPL-3.0-only"
    assert licences["Cloud Desktop Image Inspector"] == "MIT"
    versions = {cell(table, row, 0): cell(table, row, 1) for row in range(len(names))}
    for component in SHIPPED:  # known for all but what is built into another component
        assert versions[component.name] or " (in " in component.name, component
    dialog.reject()


def test_copy_versions_puts_them_on_the_clipboard(qtbot: QtBot, qapp: QApplication) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    button = dialog.findChild(QWidget, "copyVersionsButton")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert qapp.clipboard().text() == versions_text()


def _name(distribution: str) -> str:
    return re.sub(r"[-_.]+", "-", distribution).lower()


def _runtime_closure() -> set[str]:
    """Every distribution the app's declared dependencies pull in when installed."""
    declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["dependencies"]
    seen: set[str] = set()
    todo = [Requirement(text) for text in declared]
    while todo:
        requirement = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": ""}):
            continue
        name = _name(requirement.name)
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(requirement.name) or []
        except metadata.PackageNotFoundError:
            continue
        todo.extend(Requirement(text) for text in requires)
    return seen


def test_every_shipped_dependency_has_its_licence_listed() -> None:
    listed = {_name(component.distribution) for component in SHIPPED if component.distribution}
    assert _runtime_closure() - listed == set()


@pytest.mark.parametrize("component", [c for c in SHIPPED if c.distribution], ids=str)
def test_listed_licences_match_the_packages_own(component: object) -> None:
    from inspector.ui.dialogs.about_dialog import Component

    assert isinstance(component, Component) and component.distribution
    if _name(component.distribution) == "cloud-desktop-inspector":
        declared = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["license"]
        assert component.licence == declared
        return
    meta = metadata.metadata(component.distribution)
    stated = " ".join(
        meta.get_all("License-Expression")
        or meta.get_all("License")
        or [c for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
    )
    # Qt's wheels offer LGPL-3.0-only among others; the app takes that one.
    assert component.licence in stated, (component, stated)
