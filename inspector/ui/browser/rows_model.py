"""The folder browser's table: the loaded rows in server order, sorted and filtered on screen.

The model asks for the next page through Qt's own ``canFetchMore`` / ``fetchMore``, which the
view calls when the last row scrolls into sight (or while the rows do not yet fill it); whether
it may is read from the browser's :class:`~inspector.core.browse_state.BrowserState`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Signal,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import QWidget

from inspector.core.browse_state import BrowserState
from inspector.i18n import N_, _, ngettext
from inspector.present.listing import COLUMNS
from inspector.ui import theme
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets import icons
from inspector.ui.widgets.inert import tooltip_text

if TYPE_CHECKING:
    from inspector.core.policy import Policy
    from inspector.present.listing import ImageRow
    from inspector.present.policy import Violation

AnyIndex = QModelIndex | QPersistentModelIndex
STATUS_COLUMN: Final = 2
POLICY_HEADER: Final = N_("Policy")
POLICY_COLUMN: Final = len(COLUMNS)  # after the list command's columns, the same headers


def count_text(loaded: int, shown: int, *, more: bool, loading: bool) -> str:
    """``12 of 50 images shown · more on the server``: how much of the folder is on screen."""
    if shown == loaded:
        text = ngettext("{count} image loaded", "{count} images loaded", loaded)
    else:
        text = ngettext("{shown} of {count} image shown", "{shown} of {count} images shown", loaded)
    text = text.format(shown=shown, count=loaded)
    if loading:
        state = _("loading\u2026")
    elif more:
        state = _("more on the server")
    else:
        state = _("all loaded")
    return f"{text} \u00b7 {state}"


class ImageRowsModel(QAbstractTableModel):
    """Loaded rows in server order; says whether more can be fetched and asks for them."""

    moreRequested = Signal()

    def __init__(self, state: Callable[[], BrowserState], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ImageRow] = []
        self._state = state
        self._icons: dict[tuple[str, str], QIcon] = {}
        self.policy: Policy | None = None
        self._checked: dict[int, list[Violation]] = {}  # by row, computed when first shown

    def set_policy(self, policy: Policy | None) -> None:
        """Check each row's labels against ``policy`` in the policy column (None: blank)."""
        self.policy = policy
        self._checked = {}
        if self.rows:
            last = self.index(len(self.rows) - 1, POLICY_COLUMN)
            self.dataChanged.emit(self.index(0, POLICY_COLUMN), last)

    def violations(self, row: int) -> list[Violation] | None:
        """The policy's violations for ``row``; None when no policy is in use."""
        if self.policy is None:
            return None
        if row not in self._checked:
            image = self.rows[row].image
            self._checked[row] = self.policy.check(None if image is None else image.labels)
        return self._checked[row]

    def clear(self) -> None:
        self.beginResetModel()
        self.rows = []
        self._checked = {}
        self.endResetModel()

    def append(self, rows: list[ImageRow]) -> None:
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS) + 1

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if column == POLICY_COLUMN:
            return self._policy_data(index.row(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(row.tooltips[column]) or None
        if column == STATUS_COLUMN and role == Qt.ItemDataRole.DecorationRole:
            return self._status_icon(str(row.status.kind))  # the shape: not colour alone
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS_COLUMN:
            colour = theme.colours().status_text.get(str(row.status.kind))
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.UserRole:
            return row.image_id
        return None

    def _policy_data(self, row: int, role: int) -> object:
        """``✓`` or ``⚠ 2`` (blank without a policy); the violations in the tooltip."""
        found = self.violations(row)
        if found is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"\u26a0 {len(found)}" if found else "\u2713"
        if role == Qt.ItemDataRole.ToolTipRole:
            from inspector.present.policy import violations_tooltip

            if not found:
                return _("No policy violations")
            return tooltip_text(violations_tooltip(found))
        if role == Qt.ItemDataRole.ForegroundRole and found:
            return QColor(theme.colours().error.border)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(found)
            return ngettext("{count} policy violation", "{count} policy violations", count).format(
                count=count
            )
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            header = POLICY_HEADER if section == POLICY_COLUMN else COLUMNS[section]
            return _(header)
        # The row header is hidden on screen; a screen reader names each row by its image ID.
        return self.rows[section].cells[0] if 0 <= section < len(self.rows) else None

    def _status_icon(self, kind: str) -> QIcon:
        """The badge's shape, in the status colour of the palette in use (the text's if none)."""
        scheme = theme.colours()
        colour = scheme.status_text.get(kind, scheme.status_text["unknown"])
        key = (kind, colour)
        if key not in self._icons:
            self._icons[key] = icons.svg_icon(icons.status_icon_name(kind), colour)
        return self._icons[key]

    def canFetchMore(self, parent: AnyIndex) -> bool:
        return not parent.isValid() and self._state().fetches_on_scroll

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self.moreRequested.emit()


class RowsProxy(QSortFilterProxyModel):
    """Sorts by each row's key (sizes as numbers, times as instants), filters on the text."""

    def lessThan(self, left: AnyIndex, right: AnyIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, ImageRowsModel)
        column = left.column()
        if column == POLICY_COLUMN:
            counts = [len(model.violations(index.row()) or []) for index in (left, right)]
            return counts[0] < counts[1]
        return bool(
            model.rows[left.row()].sort_keys[column] < model.rows[right.row()].sort_keys[column]
        )
