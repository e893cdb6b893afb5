"""Labels as a model/view table that sorts, filters and copies, instant at thousands of rows."""

from __future__ import annotations

from operator import itemgetter

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
)
from PySide6.QtGui import QColor, QGuiApplication, QKeySequence, QShortcut
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

from inspector.i18n import N_, _, ngettext
from inspector.present.defaults import DEFAULT_EXPLANATION, with_mark
from inspector.ui import theme
from inspector.ui.page.labels_placeholder import show_placeholder
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.accessibility import name_clear_button
from inspector.ui.widgets.inert import plain, tooltip_text

_HEADERS = (
    N_("Key"),
    N_("Value"),
)
AnyIndex = QModelIndex | QPersistentModelIndex
# Qt.ItemDataRole.DisplayRole's value: a default read from Qt's namespace at import would build
# it (see inspector.ui.qt_namespace).
_DISPLAY_ROLE = 0


# (key, value, casefolded key, casefolded value): folded once, so that filtering and sorting
# compare without folding again; a plain tuple, because a NamedTuple costs three times as much
# to build at 10,000 rows.
_Label = tuple[str, str, str, str]


class LabelsModel(QAbstractTableModel):
    """(key, value) rows, filtered and sorted here rather than by a ``QSortFilterProxyModel``.

    A proxy calls ``data()`` back through the binding for every comparison: at 1,000 labels
    that held the window for a fifth of a second, at 10,000 for over a second per keystroke.
    ``list.sort`` and a substring test over text casefolded once take milliseconds. A new image
    or filter is one reset; a sort keeps the selection (persistent indexes are moved along).
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._all: list[_Label] = []
        self._shown: list[_Label] = []
        self._needle = ""
        self._sort_column = 0
        self._descending = False
        self._changed: dict[str, str | None] = {}
        self._violations: dict[str, str] = {}

    @property
    def total(self) -> int:
        """All labels of the image, whatever the filter."""
        return len(self._all)

    def set_changes(self, changed: dict[str, str | None]) -> None:
        """Mark the labels that changed since the previous fetch: key -> old value, or None
        for a new label. Only colours and tooltips change, so no reset is needed."""
        if not changed and not self._changed:
            return
        self._changed = dict(changed)
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._shown) - 1, 1))

    def set_violations(self, violations: dict[str, str]) -> None:
        """Mark the labels that break the label policy: key -> what is wrong (several lines
        when several rules). Colours and tooltips only, like :meth:`set_changes`."""
        if not violations and not self._violations:
            return
        self._violations = dict(violations)
        if self._shown:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._shown) - 1, 1))

    def set_labels(self, rows: list[tuple[str, str]]) -> None:
        self._changed = {}
        self._violations = {}
        self.beginResetModel()
        self._all = [(key, value, key.casefold(), value.casefold()) for key, value in rows]
        self._arrange()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show the labels whose key or value contains ``text``, ignoring case."""
        needle = text.casefold()
        if needle == self._needle:
            return
        self.beginResetModel()
        self._needle = needle
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder | None = None) -> None:
        """Qt calls it with both arguments; ``None`` is ascending (no default read from Qt's
        namespace when the module loads)."""
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        labels = [self._shown[index.row()] for index in before]
        self._sort_column = column
        self._descending = order == Qt.SortOrder.DescendingOrder
        self._arrange()
        row_of = {id(label): row for row, label in enumerate(self._shown)}
        after = [
            self.index(row_of[id(label)], index.column())
            for label, index in zip(labels, before, strict=True)
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _arrange(self) -> None:
        needle = self._needle
        rows = (
            [row for row in self._all if needle in row[2] or needle in row[3]]
            if needle
            else self._all
        )
        folded = itemgetter(2 + self._sort_column)
        self._shown = sorted(rows, key=folded, reverse=self._descending)

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._shown)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def data(self, index: AnyIndex, role: int = _DISPLAY_ROLE) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._shown[index.row()][index.column()]
        changed = self._changed
        violation = self._violations.get(self._shown[index.row()][0])
        if role == Qt.ItemDataRole.ToolTipRole:
            label = self._shown[index.row()]
            text = label[index.column()]
            if violation is not None:
                policy = _("Label policy: {problems}").format(problems=violation)
                text = f"{text}\n\n{policy}"
            if changed and label[0] in changed:
                old = changed[label[0]]
                before = (
                    _("New since the previous fetch")
                    if old is None
                    else _("Before: {value}").format(value=old)
                )
                return tooltip_text(f"{text}\n\n{before}")
            return tooltip_text(text)
        colour_roles = (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole)
        if violation is not None and role in colour_roles:
            pair = theme.colours().error
            background = role == Qt.ItemDataRole.BackgroundRole
            return QColor(pair.background if background else pair.text)
        if changed and role in colour_roles and self._shown[index.row()][0] in changed:
            pair = theme.colours().changed
            background = role == Qt.ItemDataRole.BackgroundRole
            return QColor(pair.background if background else pair.text)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY_ROLE
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return _(_HEADERS[section])
        # The row header is hidden on screen; a screen reader names each row by its key.
        return self._shown[section][0] if 0 <= section < len(self._shown) else None

    def row(self, row: int) -> tuple[str, str]:
        """The shown row ``row`` (sorted and filtered) as (key, value)."""
        key, value, _, _ = self._shown[row]
        return key, value

    def shown_rows(self) -> list[tuple[str, str]]:
        return [(key, value) for key, value, _, _ in self._shown]


def rows_as_text(rows: list[tuple[str, str]]) -> str:
    """Tab-separated ``key<TAB>value`` lines: pastes into a spreadsheet or a terminal alike."""
    return "".join(f"{key}\t{value}\n" for key, value in rows)


class LabelsPanel(QWidget):
    """Filter box, count, copy buttons and the sortable table."""

    def __init__(self, parent: QWidget | None = None, *, model_later: bool = False) -> None:
        """``model_later``: the table shows an empty model of Qt's own until
        :meth:`attach_model` or :meth:`set_labels` puts the labels model in (see
        :mod:`~inspector.ui.page.labels_placeholder`)."""
        super().__init__(parent)
        self.model = LabelsModel(self)
        self._attached = False

        self.filter = QLineEdit(self)
        self.filter.setObjectName("labelsFilter")
        self.filter.setAccessibleName(_("Filter labels"))
        self.filter.setAccessibleDescription(
            _("Shows only the labels whose key or value contains this text")
        )
        self.filter.setPlaceholderText(_("Filter labels (Ctrl+F)"))
        name_clear_button(self.filter, _("Clear the labels filter"))
        self.filter_label = plain(QLabel(_("&Labels:"), self))
        self.filter_label.setBuddy(self.filter)
        self.filter.textChanged.connect(self.model.set_filter)
        self.filter.textChanged.connect(self._update_count)
        self.count = plain(QLabel(self))
        self.count.setObjectName("labelsCount")
        self.copy_rows_button = QPushButton(_("Copy &rows"), parent=self)
        self.copy_rows_button.setObjectName("copyLabelRowsButton")
        self.copy_rows_button.setToolTip(_("Copy the selected labels as key<TAB>value lines"))
        self.copy_rows_button.clicked.connect(self.copy_selected)
        self.copy_all_button = QPushButton(_("Copy &all"), parent=self)
        self.copy_all_button.setObjectName("copyAllLabelsButton")
        self.copy_all_button.setToolTip(_("Copy every label shown (after the filter)"))
        self.copy_all_button.clicked.connect(self.copy_all)

        self.table = self._labels_view()
        columns = [_(header) for header in _HEADERS]
        if model_later and show_placeholder(self.table, columns):
            self._size_columns(self.table)
        else:
            self.attach_model()
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.table, self.copy_selected)
        copy.setWhatsThis(_("Copy the selected labels (in the labels table)"))

        bar = QHBoxLayout()
        bar.addWidget(self.filter_label)
        bar.addWidget(self.filter, 1)
        bar.addWidget(self.count)
        bar.addWidget(self.copy_rows_button)
        bar.addWidget(self.copy_all_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        self._default: bool | None = None
        self._update_count()

    def _labels_view(self) -> QTableView:
        """The sortable table of the model: one Tab stop, rows selected whole, read-only."""
        table = QTableView(self)
        table.setObjectName("labelsTable")
        table.setAccessibleName(_("Labels"))
        table.setAccessibleDescription(
            _("The image's labels, key and value; sort by a column, Ctrl+C copies rows")
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setTabKeyNavigation(False)  # one Tab stop; the arrows move inside
        table.setWordWrap(False)
        table.verticalHeader().setVisible(False)
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    @staticmethod
    def _size_columns(table: QTableView) -> None:
        """The key column's width (a new model resets each section's size)."""
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 220)

    def attach_model(self) -> None:
        """Show the labels model, sorted by key, ascending, or as the first frame's table was
        left (the window state restores its columns' widths and sort order); the header's
        clicks sort (once)."""
        if self._attached:
            return
        self._attached = True
        header = self.table.horizontalHeader()
        placeholder = self.table.model()
        kept = header.saveState() if placeholder is not None else None
        self.table.setModel(self.model)  # resets the header's sections
        if placeholder is not None:
            placeholder.deleteLater()
        self.table.setSortingEnabled(True)
        if kept is not None and header.restoreState(kept):
            self.table.sortByColumn(header.sortIndicatorSection(), header.sortIndicatorOrder())
        else:
            self._size_columns(self.table)
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)

    def focus_order(self) -> list[QWidget]:
        """The Tab stops in reading order: the filter, the copy buttons, the table."""
        return [self.filter, self.copy_rows_button, self.copy_all_button, self.table]

    def set_labels(self, rows: list[tuple[str, str]], *, default: bool | None) -> None:
        """Show ``rows``; ``default`` is True when the body left the labels out (the map is
        empty, its default), None when no image is shown at all."""
        self.attach_model()
        self._default = default
        self.model.set_labels(rows)
        self._update_count()

    def mark_violations(self, violations: dict[str, str]) -> None:
        self.model.set_violations(violations)

    def mark_changed(self, changed: dict[str, str | None]) -> None:
        """Highlight the labels that changed (key -> old value; None: the label is new)."""
        self.model.set_changes(changed)

    def _update_count(self) -> None:
        total = self.model.total
        shown = self.model.rowCount()
        tooltip = ""
        if self._default is None:
            text = ""
        elif total == 0:
            text = _("no labels")
            if self._default:
                text = with_mark(text)
                tooltip = _(DEFAULT_EXPLANATION)
        elif shown == total:
            text = ngettext("{count} label", "{count} labels", total).format(count=total)
        else:
            # Translators: the count is the total; the noun agrees with it.
            text = ngettext("{shown} of {count} labels", "{shown} of {count} labels", total).format(
                shown=shown, count=total
            )
        self.count.setText(text)
        self.count.setToolTip(tooltip)
        self.count.setAccessibleDescription(tooltip)
        self.copy_all_button.setEnabled(shown > 0)
        self.copy_rows_button.setEnabled(shown > 0)

    def visible_rows(self) -> list[tuple[str, str]]:
        """Rows in the order shown (sorted and filtered)."""
        return self.model.shown_rows()

    def selected_rows(self) -> list[tuple[str, str]]:
        indexes = sorted(self.table.selectionModel().selectedRows(), key=lambda i: i.row())
        return [self.model.row(index.row()) for index in indexes]

    def copy_selected(self) -> None:
        rows = self.selected_rows()
        if not rows and self.table.currentIndex().isValid():
            rows = [self.model.row(self.table.currentIndex().row())]
        if rows:
            QGuiApplication.clipboard().setText(rows_as_text(rows))

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(rows_as_text(self.visible_rows()))
