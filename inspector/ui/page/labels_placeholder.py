"""The labels table as the first frame shows it: empty, its two columns named, sorted by key.

The labels model is Python, and Qt hands a Python model's ``headerData`` an orientation and its
``sort`` an order: handing either over builds Qt's whole namespace (26 ms, see
:mod:`inspector.ui.qt_namespace`), and a table calls both as soon as it has the model. So the
first frame's table holds a model of Qt's own with no rows and the same column names, and the
labels model takes its place right after the paint (:meth:`LabelsPanel.attach_model`).

The sort arrow must point as it will then: key, ascending. Setting that order takes a value of
Qt's namespace; a header's saved state holds it as a plain number, so it is set there instead.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHeaderView, QTableView

# QHeaderView::saveState(): a marker, the format's version, the orientation, then the sort
# order as a big-endian int (Qt::AscendingOrder is 0). Another layout is left alone.
_STATE_HEAD = (0xFF).to_bytes(4, "big") + (0).to_bytes(4, "big")
_ORDER = slice(12, 16)
_ASCENDING = (0).to_bytes(4, "big")


def show_placeholder(table: QTableView, column_names: list[str]) -> bool:
    """Give ``table`` an empty model of Qt's own with ``column_names``, sorted by the first
    column, ascending. False (and the table as it was) when Qt saves headers differently from
    what this knows: the caller then puts the real model in at once."""
    names = QStandardItemModel(0, len(column_names), table)
    names.setHorizontalHeaderLabels(column_names)
    previous = table.model()
    table.setModel(names)
    table.setSortingEnabled(True)  # sorts Qt's model by column 0, descending: Qt's default
    if _sort_ascending(table.horizontalHeader()):
        return True
    table.setSortingEnabled(False)
    table.setModel(previous)
    names.deleteLater()
    return False


def _sort_ascending(header: QHeaderView) -> bool:
    state = bytearray(header.saveState().data())
    if state[: len(_STATE_HEAD)] != _STATE_HEAD or len(state) < _ORDER.stop:
        return False
    state[_ORDER] = _ASCENDING
    return header.restoreState(QByteArray(bytes(state)))
