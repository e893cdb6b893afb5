"""The labels table filters and sorts in the model: same results a person expects, at any size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from inspector.demo.data import numbered_labels
from inspector.ui.page.labels_table import LabelsPanel

pytestmark = pytest.mark.gui


def make_panel(qtbot: QtBot, rows: list[tuple[str, str]]) -> LabelsPanel:
    panel = LabelsPanel()
    qtbot.addWidget(panel)
    panel.set_labels(rows, default=False)
    panel.show()
    return panel


def test_filter_matches_key_or_value_ignoring_case(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, [("Env", "prod"), ("team", "ENVIRONMENT-ops"), ("os", "linux")])
    qtbot.keyClicks(panel.filter, "eNv")
    assert panel.visible_rows() == [("Env", "prod"), ("team", "ENVIRONMENT-ops")]
    assert panel.count.text() == "2 of 3 labels"
    panel.filter.clear()
    assert panel.count.text() == "3 labels"


def test_sorting_keeps_the_selected_label_selected(qtbot: QtBot) -> None:
    panel = make_panel(qtbot, list(numbered_labels(20).items()))
    panel.table.selectRow(5)
    assert panel.selected_rows() == [("label-0005", "value-0005")]
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert panel.visible_rows()[0] == ("label-0019", "value-0019")
    assert panel.selected_rows() == [("label-0005", "value-0005")]


def test_ten_thousand_labels_filter_and_sort_by_value(qtbot: QtBot) -> None:
    rows = [(f"k{index}", f"v{9999 - index:04d}") for index in range(10_000)]
    panel = make_panel(qtbot, rows)
    qtbot.keyClicks(panel.filter, "V00")
    assert panel.count.text() == "100 of 10000 labels"
    panel.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    shown = panel.visible_rows()
    assert [value for _, value in shown] == sorted(value for _, value in shown)
    assert shown[0] == ("k9999", "v0000")


def test_the_first_frame_table_is_empty_sorted_by_key_then_holds_the_labels(
    qtbot: QtBot,
) -> None:
    """A panel made for the first frame shows Qt's empty model with the same columns and the
    same sort arrow; the labels model takes over without the header changing."""
    panel = LabelsPanel(model_later=True)
    qtbot.addWidget(panel)
    panel.show()
    header = panel.table.horizontalHeader()
    first = panel.table.model()
    assert first is not panel.model
    assert [first.headerData(column, Qt.Orientation.Horizontal) for column in (0, 1)] == [
        "Key",
        "Value",
    ]
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    assert header.isSortIndicatorShown()
    assert header.sectionSize(0) == 220
    panel.set_labels([("b", "2"), ("a", "1")], default=False)
    assert panel.table.model() is panel.model
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    assert header.sectionSize(0) == 220
    assert panel.visible_rows() == [("a", "1"), ("b", "2")]


def test_a_header_state_of_another_format_gets_the_labels_model_at_once(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Should Qt save a header's state differently, the first frame's table is not guessed
    at: the labels model goes in at once, sorted by key."""
    from inspector.ui.page import labels_placeholder

    monkeypatch.setattr(labels_placeholder, "_STATE_HEAD", b"\x00\x00\x00\xfe")
    panel = LabelsPanel(model_later=True)
    qtbot.addWidget(panel)
    header = panel.table.horizontalHeader()
    assert panel.table.model() is panel.model
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (
        0,
        Qt.SortOrder.AscendingOrder,
    )
    assert header.sectionSize(0) == 220
