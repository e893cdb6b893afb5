"""Image, Compare with...: two images side by side, every field and label on one aligned row,
added, removed and changed rows marked with a sign and a colour, equal rows folded away.

Built on first use. Every value is foreign text: cells are plain table items and tooltips are
escaped. In presenting mode the values go through the window's masker, as everywhere else.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import _
from inspector.ui import theme
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.inert import plain, tooltip_text

if TYPE_CHECKING:
    from inspector.core.policy import Policy
    from inspector.present.comparison import CompareRow, Comparison
    from inspector.present.policy import Violation
    from inspector.present.presenting import Masker


class CompareDialog(QDialog):
    """Non-modal: the window stays usable while a comparison is open or running."""

    compareRequested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("compareDialog")
        self.setWindowTitle(_("Compare Two Images"))
        self.setModal(False)
        self.resize(900, 600)
        self._masker: Masker | None = None
        self._policy: Policy | None = None
        self._shown: tuple[Comparison, str, str] | None = None
        self.left_edit = self._source_edit("compareLeftEdit", _("First image"))
        self.right_edit = self._source_edit("compareRightEdit", _("Second image"))
        grid = self._sources_grid()
        self.compare_button = QPushButton(_("&Compare"), self)
        self.compare_button.setObjectName("compareButton")
        self.compare_button.setDefault(True)
        self.compare_button.clicked.connect(self.request)
        self.hide_equal = QCheckBox(_("&Hide equal rows"), self)
        self.hide_equal.setObjectName("hideEqualCheck")
        self.hide_equal.setChecked(True)
        self.hide_equal.toggled.connect(lambda _on: self._fold())
        self.summary = QLabel(self)
        self.summary.setObjectName("compareSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = self._differences_table()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        actions = QHBoxLayout()
        actions.addWidget(self.compare_button)
        actions.addWidget(self.hide_equal)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addLayout(actions)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        theme.watch(self._recolour)

    def _sources_grid(self) -> QGridLayout:
        """A and B: each an ID or a file typed, or a file chosen with its File... button."""
        grid = QGridLayout()
        for row, (caption, edit, button_name) in enumerate(
            (
                (_("&First (A):"), self.left_edit, "compareLeftFileButton"),
                (_("S&econd (B):"), self.right_edit, "compareRightFileButton"),
            )
        ):
            label = plain(QLabel(caption, self))
            label.setBuddy(edit)
            button = QPushButton(_("File\u2026"), self)
            button.setObjectName(button_name)
            button.setToolTip(_("Choose a support bundle or a saved JSON body"))
            button.clicked.connect(lambda _checked=False, target=edit: self._choose_file(target))
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            grid.addWidget(button, row, 2)
        return grid

    def _differences_table(self) -> QTableWidget:
        """One row per field or label: a mark, its name, A's value and B's."""
        table = QTableWidget(0, 4, self)
        table.setObjectName("compareTable")
        table.setAccessibleName(_("Differences"))
        table.setHorizontalHeaderLabels(["", _("Row"), "A", "B"])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.verticalHeader().hide()
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def _source_edit(self, name: str, accessible: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(_("an image ID, or a bundle or JSON file"))
        edit.setClearButtonEnabled(True)
        edit.returnPressed.connect(self.request)
        return edit

    def _choose_file(self, target: QLineEdit) -> None:
        dialog = QFileDialog(self, _("Choose a Bundle or JSON File"))
        dialog.setObjectName("compareFileDialog")
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_("Bundles and JSON (*.json)"), _("All files (*)")])
        dialog.fileSelected.connect(target.setText)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def start(self, left: str, right: str = "") -> None:
        """Show the dialog with ``left`` filled in (the current tab's image) and focus B."""
        if left and not self.left_edit.text():
            self.left_edit.setText(left)
        if right:
            self.right_edit.setText(right)
        self.show()
        self.raise_()
        self.activateWindow()
        (self.right_edit if self.left_edit.text() else self.left_edit).setFocus()

    def request(self) -> None:
        self.compareRequested.emit(self.left_edit.text(), self.right_edit.text())

    # -- CompareView -------------------------------------------------------------------------
    def show_busy(self) -> None:
        self._shown = None
        self.table.setRowCount(0)
        self.summary.setText(_("Comparing\u2026"))

    def show_problem(self, text: str) -> None:
        self._shown = None
        self.table.setRowCount(0)
        self.summary.setText(self._mask(text))

    def show_comparison(self, comparison: Comparison, left: str, right: str) -> None:
        self._shown = (comparison, left, right)
        self._render()

    def set_masker(self, masker: Masker | None) -> None:
        self._masker = masker
        if self._shown is not None:
            self._render()

    def set_policy(self, policy: Policy | None) -> None:
        """Mark the label values that break ``policy`` on either side (None: no policy)."""
        self._policy = policy
        if self._shown is not None:
            self._render()

    # -- internals ---------------------------------------------------------------------------
    def _mask(self, text: str) -> str:
        return text if self._masker is None else self._masker.text(text)

    def _render(self) -> None:
        from inspector.present.compare import MARKS, cell_text, row_caption, summary

        assert self._shown is not None
        comparison, left, right = self._shown
        broken = self._violations(comparison)
        text = summary(comparison)
        if broken is not None:
            text += "\n" + _("Label policy: A {left}, B {right}").format(
                left=_count(broken[0]), right=_count(broken[1])
            )
        self.summary.setText(self._mask(text))
        self.summary.setToolTip(tooltip_text(f"A: {self._mask(left)}\nB: {self._mask(right)}"))
        self.table.setHorizontalHeaderLabels(["", _("Row"), "A", "B"])
        self.table.setRowCount(len(comparison.rows))
        for index, row in enumerate(comparison.rows):
            texts = [
                MARKS[row.change],
                row_caption(row),
                self._cell(row, cell_text(row, row.left, default=row.defaults[0])),
                self._cell(row, cell_text(row, row.right, default=row.defaults[1])),
            ]
            notes = ["", "", "", ""]
            for side, found in enumerate(broken or ([], [])):
                messages = [item.message for item in found if _on_row(item, row)]
                if messages:
                    texts[2 + side] = f"\u26a0 {texts[2 + side]}"
                    notes[2 + side] = "\n\n" + self._mask("\n".join(messages))
            for column, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip_text(text + notes[column]))
                item.setData(Qt.ItemDataRole.UserRole, str(row.change))
                self.table.setItem(index, column, item)
        self._recolour()
        self._fold()

    def _violations(self, comparison: Comparison) -> tuple[list[Violation], list[Violation]] | None:
        """Each side's policy violations, from its labels as the comparison aligned them."""
        from inspector.present.comparison import RowKind

        if self._policy is None:
            return None
        labels = [r for r in comparison.rows if r.kind is RowKind.LABEL]
        left = {r.key: r.left for r in labels if r.left is not None}
        right = {r.key: r.right for r in labels if r.right is not None}
        return self._policy.check(left), self._policy.check(right)

    def _cell(self, row: CompareRow, text: str) -> str:
        """A value as shown: folder IDs hidden and IDs masked while presenting."""
        from inspector.present.comparison import RowKind
        from inspector.present.presenting import HIDDEN_FOLDER

        if self._masker is not None and row.kind is RowKind.FIELD and row.key == "folderId":
            return _(HIDDEN_FOLDER)
        return self._mask(text)

    def _fold(self) -> None:
        """Equal rows are hidden while *Hide equal rows* is ticked."""
        hide = self.hide_equal.isChecked()
        for index in range(self.table.rowCount()):
            item = self.table.item(index, 0)
            equal = item is not None and item.data(Qt.ItemDataRole.UserRole) == "equal"
            self.table.setRowHidden(index, hide and equal)

    def _recolour(self) -> None:
        scheme = theme.colours()
        pairs = {"added": scheme.info, "removed": scheme.error, "changed": scheme.changed}
        for index in range(self.table.rowCount()):
            for column in range(self.table.columnCount()):
                item = self.table.item(index, column)
                if item is None:
                    continue
                pair = pairs.get(str(item.data(Qt.ItemDataRole.UserRole)))
                if pair is None:
                    continue
                item.setBackground(QColor(pair.background))
                item.setForeground(QColor(pair.text))


def _on_row(violation: Violation, row: CompareRow) -> bool:
    from inspector.present.comparison import RowKind

    return row.kind is RowKind.LABEL and row.key == violation.key


def _count(violations: list[Violation]) -> str:
    from inspector.i18n import ngettext

    count = len(violations)
    return ngettext("{count} policy violation", "{count} policy violations", count).format(
        count=count
    )
