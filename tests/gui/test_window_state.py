"""The window comes back as it was left; a damaged settings file costs the layout, never a start."""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QSplitter, QTableView
from pytestqt.qtbot import QtBot

from inspector.ui.window.main_window import MainWindow
from inspector.ui.window.window_state import WindowState, settings_path

pytestmark = pytest.mark.gui


def new_window(qtbot: QtBot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def splitter(window: MainWindow, name: str) -> QSplitter:
    found = window.findChild(QSplitter, name)
    assert found is not None, name
    return found


def header(window: MainWindow, table: str) -> QHeaderView:
    view = window.findChild(QTableView, table)
    assert view is not None, table
    return view.horizontalHeader()


def arrange(window: MainWindow, qtbot: QtBot) -> None:
    """What an operator does: resize the window, drag a splitter, widen a column."""
    window.resize(640, 470)
    qtbot.waitUntil(lambda: window.width() == 640)
    splitter(window, "imageSplitter").setSizes([150, 300])
    header(window, "labelsTable").resizeSection(0, 311)


def test_size_splitters_and_columns_come_back(qtbot: QtBot) -> None:
    window = new_window(qtbot)
    arrange(window, qtbot)
    sizes = splitter(window, "imageSplitter").sizes()
    WindowState().save(window)
    window.close()

    again = new_window(qtbot)
    assert again.width() != 640
    assert WindowState().restore(again)
    qtbot.waitUntil(lambda: (again.width(), again.height()) == (640, 470))
    assert splitter(again, "imageSplitter").sizes() == sizes
    assert header(again, "labelsTable").sectionSize(0) == 311


def test_the_labels_columns_come_back_through_the_first_frame(qtbot: QtBot) -> None:
    """As at a start: the state is restored before the first paint, into the first frame's
    table, and stays when the labels model takes its place after the paint."""
    window = new_window(qtbot)
    header(window, "labelsTable").resizeSection(0, 311)
    window.page.labels.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    WindowState().save(window)
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    labels = again.page.labels
    assert labels.table.model() is not labels.model  # the first frame's table
    assert WindowState().restore(again)
    again.show()
    qtbot.waitUntil(lambda: labels.table.model() is labels.model)
    restored = header(again, "labelsTable")
    assert restored.sectionSize(0) == 311
    assert (restored.sortIndicatorSection(), restored.sortIndicatorOrder()) == (
        1,
        Qt.SortOrder.DescendingOrder,
    )
    labels.set_labels([("a", "1"), ("b", "2")], default=False)
    assert labels.visible_rows() == [("b", "2"), ("a", "1")]


def test_a_first_start_has_nothing_to_restore(qtbot: QtBot) -> None:
    window = new_window(qtbot)
    assert not WindowState().restore(window)
    assert not settings_path().exists()


def _valid_file(qtbot: QtBot) -> bytes:
    window = new_window(qtbot)
    arrange(window, qtbot)
    WindowState().save(window)
    window.close()
    return settings_path().read_bytes()


def _replace_geometry(data: bytes, value: bytes) -> bytes:
    lines = [
        b"geometry=" + value if line.startswith(b"geometry=") else line
        for line in data.splitlines()
    ]
    return b"\n".join(lines) + b"\n"


DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "binary garbage": lambda data: b"\x00\xff\xfe\x01 not a settings file \x02\x03",
    "a typed value Qt would warn about": lambda data: _replace_geometry(
        data, b"@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x18QVariant::Garbage)"
    ),
    "not base64": lambda data: _replace_geometry(data, b"%%%not-base64%%%"),
    "base64 of nonsense": lambda data: _replace_geometry(
        data, base64.b64encode(b"nonsense geometry").decode().encode()
    ),
    "another version": lambda data: data.replace(b"version=1", b"version=99"),
    "a broken section": lambda data: data.replace(b"[window]", b"[window"),
    "not UTF-8": lambda data: data + b"\nname=\xff\xfe\n",
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_a_damaged_file_is_kept_aside_and_defaults_are_used(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    damaged = DAMAGE[damage](_valid_file(qtbot))
    path = settings_path()
    path.write_bytes(damaged)

    window = new_window(qtbot)
    default_size = window.size()
    with caplog.at_level(logging.WARNING):
        state = WindowState()
        assert not state.restore(window)
    assert window.size() == default_size
    backup = path.with_name(path.name + ".bak")
    assert backup.read_bytes() == damaged
    assert str(path) in caplog.text
    assert str(backup) in caplog.text

    arrange(window, qtbot)  # the next close writes a good file again
    state.save(window)
    fresh = new_window(qtbot)
    assert WindowState().restore(fresh)
    qtbot.waitUntil(lambda: fresh.width() == 640)


def test_a_layout_from_another_version_keeps_the_rest(qtbot: QtBot) -> None:
    data = _valid_file(qtbot)
    nonsense = base64.b64encode(b"a splitter of an older layout").decode().encode()
    lines = [
        line.split(b"=", 1)[0] + b"=" + nonsense if line.startswith(b"imageSplitter=") else line
        for line in data.splitlines()
    ]
    settings_path().write_bytes(b"\n".join(lines) + b"\n")
    window = new_window(qtbot)
    assert WindowState().restore(window)
    qtbot.waitUntil(lambda: window.width() == 640)
    assert header(window, "labelsTable").sectionSize(0) == 311
    assert not Path(str(settings_path()) + ".bak").exists()


def test_a_dock_built_later_takes_the_place_it_was_left_in(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    window = new_window(qtbot)
    window.toggle_browser()
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, window.browser_dock)
    window.browser_dock.hide()  # closed again: it is not rebuilt at the next start
    WindowState().save(window)
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    state = WindowState()
    assert state.restore(again)
    again.open_docks(state.open_docks())
    again.show()
    qtbot.waitExposed(again)
    assert again.browser_part.if_built() is None  # not built at start
    again.toggle_browser()  # View, Browse a Folder: built now, where the operator put it
    assert again.browser_dock.isVisible()
    assert again.dockWidgetArea(again.browser_dock) == Qt.DockWidgetArea.RightDockWidgetArea


def test_a_dock_left_open_is_open_in_the_first_frame(qtbot: QtBot) -> None:
    window = new_window(qtbot)
    window.toggle_history()
    assert window.history_dock.isVisible()
    WindowState().save(window)
    window.close()

    again = MainWindow()
    qtbot.addWidget(again)
    state = WindowState()
    assert state.restore(again)
    again.open_docks(state.open_docks())  # what run_window does before the first paint
    again.show()
    qtbot.waitExposed(again)
    assert again.history_part.if_built() is not None
    assert again.history_dock.isVisible()
    assert again.browser_part.if_built() is None
