"""The history panel: IDs inspected before, searchable, Enter to open one again, Clear to forget.

It only shows rows and says what the user asked for (``openRequested``, ``queryChanged``,
``clearRequested``); the history itself lives outside the UI.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import N_, _, ngettext
from inspector.ui import theme
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.accessibility import name_clear_button
from inspector.ui.widgets.inert import plain, tooltip_text

# Translated where shown (``HistoryPanel`` context).
_COLUMNS = tuple(
    str(column)
    for column in (
        N_("ID"),
        N_("Name"),
        N_("Status"),
        N_("Last fetch"),
    )
)


@dataclass(frozen=True, slots=True)
class HistoryRow:
    """One entry as shown; ``image_id`` is the real ID, ``shown_id`` may be masked."""

    image_id: str
    shown_id: str
    name: str
    status: str
    fetched: str
    tooltip: str


class HistoryPanel(QWidget):
    """Search box, the entries most recent first, and a Clear button."""

    openRequested = Signal(str)
    queryChanged = Signal(str)
    clearRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyPanel")
        self.search = QLineEdit(self)
        self.search.setObjectName("historySearch")
        self.search.setAccessibleName(_("Search history"))
        self.search.setPlaceholderText(_("Search ID, name, status"))
        name_clear_button(self.search, _("Clear the search"))
        self.search.textChanged.connect(self.queryChanged)
        self.search.returnPressed.connect(self._open_first)
        self.search.installEventFilter(self)
        self.list = QTreeWidget(self)
        self.list.setObjectName("historyList")
        self.list.setAccessibleName(_("Images inspected before"))
        self.list.setToolTip(_("Enter or double-click opens the image again"))
        self.list.setAccessibleDescription(self.list.toolTip())
        self.list.setColumnCount(len(_COLUMNS))
        self.list.setHeaderLabels([_(column) for column in _COLUMNS])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.list.header().setStretchLastSection(True)
        self.list.itemActivated.connect(self._activated)
        self.list.installEventFilter(self)
        self.clear_button = QPushButton(_("&Clear history"), self)
        self.clear_button.setObjectName("clearHistoryButton")
        self.clear_button.setToolTip(_("Forget every entry (nothing else is stored)"))
        self.clear_button.clicked.connect(self.clearRequested)
        self.count = plain(QLabel(self))
        self.count.setObjectName("historyCount")
        self.count.setAccessibleDescription(_("Entries"))
        self.problem = plain(QLabel(self))
        self.problem.setObjectName("historyProblem")
        self.problem.setWordWrap(True)
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.setAccessibleDescription(_("History problem"))
        self.problem.hide()

        bottom = QHBoxLayout()
        bottom.addWidget(self.count, 1)
        bottom.addWidget(self.clear_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        search_row = QHBoxLayout()
        search_label = plain(QLabel(_("&Search:"), self))
        search_label.setBuddy(self.search)
        search_row.addWidget(search_label)
        search_row.addWidget(self.search, 1)
        layout.addLayout(search_row)
        layout.addWidget(self.problem)
        layout.addWidget(self.list, 1)
        layout.addLayout(bottom)
        self.set_rows([], total=0)
        theme.watch(self._restyle)

    def _restyle(self) -> None:
        self.problem.setStyleSheet(
            theme.banner_style("QLabel#historyProblem", theme.colours().error)
            + " QLabel#historyProblem { padding: 4px; }"
        )

    def set_rows(self, rows: list[HistoryRow], *, total: int) -> None:
        """Show ``rows`` (already filtered by the search) out of ``total`` entries."""
        self.list.clear()
        for row in rows:
            item = QTreeWidgetItem([row.shown_id, row.name, row.status, row.fetched])
            item.setData(0, Qt.ItemDataRole.UserRole, row.image_id)
            for column in range(len(_COLUMNS)):
                item.setToolTip(column, tooltip_text(row.tooltip))
            self.list.addTopLevelItem(item)
        first = self.list.topLevelItem(0)
        if first is not None:
            self.list.setCurrentItem(first)
        shown = len(rows)
        if total == 0:
            text = _("no images yet")
        elif shown == total:
            text = ngettext("{count} image", "{count} images", total).format(count=total)
        else:
            # Translators: the count is the total; the noun agrees with it.
            text = ngettext("{shown} of {count} images", "{shown} of {count} images", total).format(
                shown=shown, count=total
            )
        self.count.setText(text)
        self.clear_button.setEnabled(total > 0)

    def set_problem(self, text: str | None) -> None:
        self.problem.setText(text or "")
        self.problem.setVisible(bool(text))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _activated(self, item: QTreeWidgetItem) -> None:
        self.openRequested.emit(str(item.data(0, Qt.ItemDataRole.UserRole)))

    def _open_first(self) -> None:
        item = self.list.currentItem() or self.list.topLevelItem(0)
        if item is not None:
            self._activated(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Down from the search box goes to the list; Enter in the list opens the entry."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search and event.key() == Qt.Key.Key_Down:
                self.list.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
            if watched is self.list and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_first()
                return True
        return super().eventFilter(watched, event)
