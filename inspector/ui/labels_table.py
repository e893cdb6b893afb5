"""Labels as a model/view table that sorts, filters and copies, instant at thousands of rows."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

_HEADERS = ("Key", "Value")
AnyIndex = QModelIndex | QPersistentModelIndex


class LabelsModel(QAbstractTableModel):
    """(key, value) rows; replaced whole on each image, which is one reset, not N inserts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str]] = []

    def set_labels(self, rows: list[tuple[str, str]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _HEADERS[section]
        return None

    def row(self, row: int) -> tuple[str, str]:
        return self._rows[row]


def rows_as_text(rows: list[tuple[str, str]]) -> str:
    """Tab-separated ``key<TAB>value`` lines: pastes into a spreadsheet or a terminal alike."""
    return "".join(f"{key}\t{value}\n" for key, value in rows)


class LabelsPanel(QWidget):
    """Filter box, count, copy buttons and the sortable table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = LabelsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.filter = QLineEdit(self)
        self.filter.setObjectName("labelsFilter")
        self.filter.setAccessibleName("Filter labels")
        self.filter.setPlaceholderText("Filter labels (Ctrl+F)")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.filter.textChanged.connect(self._update_count)
        self.count = QLabel(self)
        self.count.setObjectName("labelsCount")
        self.copy_rows_button = QPushButton("Copy &rows", self)
        self.copy_rows_button.setObjectName("copyLabelRowsButton")
        self.copy_rows_button.setToolTip("Copy the selected labels as key<TAB>value lines")
        self.copy_rows_button.clicked.connect(self.copy_selected)
        self.copy_all_button = QPushButton("Copy &all", self)
        self.copy_all_button.setObjectName("copyAllLabelsButton")
        self.copy_all_button.setToolTip("Copy every label shown (after the filter)")
        self.copy_all_button.clicked.connect(self.copy_all)

        self.table = QTableView(self)
        self.table.setObjectName("labelsTable")
        self.table.setAccessibleName("Labels")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.resizeSection(0, 220)
        QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selected)

        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.copy_rows_button)
        bar.addWidget(self.copy_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._sent: bool | None = None
        self.set_labels([], sent=None)

    def set_labels(self, rows: list[tuple[str, str]], *, sent: bool | None) -> None:
        """Show ``rows``; ``sent`` is False when the image had no labels field, None when no
        image is shown at all."""
        self._sent = sent
        self.model.set_labels(rows)
        self._update_count()

    def _update_count(self) -> None:
        total = self.model.rowCount()
        shown = self.proxy.rowCount()
        if self._sent is None:
            text = ""
        elif not self._sent:
            text = "labels not sent"
        elif total == 0:
            text = "no labels"
        elif shown == total:
            text = f"{total} label{'s' if total != 1 else ''}"
        else:
            text = f"{shown} of {total} labels"
        self.count.setText(text)
        self.copy_all_button.setEnabled(shown > 0)
        self.copy_rows_button.setEnabled(shown > 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        """Rows in the order shown (sorted and filtered)."""
        return [
            self.model.row(self.proxy.mapToSource(self.proxy.index(row, 0)).row())
            for row in range(self.proxy.rowCount())
        ]

    def selected_rows(self) -> list[tuple[str, str]]:
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.model.row(self.proxy.mapToSource(index).row()) for index in indexes]

    def copy_selected(self) -> None:
        rows = self.selected_rows()
        if not rows and self.table.currentIndex().isValid():
            current = self.proxy.mapToSource(self.table.currentIndex())
            rows = [self.model.row(current.row())]
        if rows:
            QGuiApplication.clipboard().setText(rows_as_text(rows))

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(rows_as_text(self.visible_rows()))
