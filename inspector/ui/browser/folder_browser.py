"""The folder browser: list a folder's images, page as the operator scrolls, open one.

It never does HTTP: it emits ``listRequested`` / ``moreRequested`` / ``loadAllRequested`` /
``stopRequested`` and is told what to show through the methods of the browse controller's
``BrowseView`` protocol. The table's model asks for the next page through Qt's own
``canFetchMore`` / ``fetchMore``, which the view calls when the last row scrolls into sight
(or while the rows do not yet fill it).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
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
from inspector.ui import theme
from inspector.ui.widgets import icons
from inspector.ui.widgets.accessibility import announce, name_clear_button
from inspector.ui.widgets.inert import plain, tooltip_text

if TYPE_CHECKING:
    from inspector.core.policy import Policy, Violation
    from inspector.present.listing import ImageRow

AnyIndex = QModelIndex | QPersistentModelIndex
# The same English as the ``list`` command's columns; translated where shown.
HEADERS: Final = tuple(
    str(header)
    for header in (
        N_("ID"),
        N_("Name"),
        N_("Status"),
        N_("Created (local)"),
        N_("Age"),
        N_("Storage"),
        N_("Min disk"),
    )
)
STATUS_COLUMN: Final = 2
POLICY_HEADER: Final = N_("Policy")
POLICY_COLUMN: Final = len(HEADERS)  # after the list command's columns
# (label, orderBy); the first keeps the server's own order. Labels translated where shown.
ORDERS: Final = (
    (N_("Server default"), ""),
    (N_("Name, A\u2013Z"), "name asc"),  # untranslated
    (N_("Name, Z\u2013A"), "name desc"),  # untranslated
    (
        N_("Created, oldest first"),
        "createdAt asc",  # untranslated
    ),
    (
        N_("Created, newest first"),
        "createdAt desc",  # untranslated
    ),
    (N_("Status, A\u2013Z"), "status asc"),  # untranslated
    (N_("Status, Z\u2013A"), "status desc"),  # untranslated
)


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[ImageRow] = []
        self.more = False
        self.loading = False
        self.paused = False  # after an error: no automatic retry until the operator asks
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
        self.more = False
        self.paused = False
        self.endResetModel()

    def append(self, rows: list[ImageRow], *, more: bool) -> None:
        self.more = more
        self.paused = False
        if rows:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS) + 1

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
            header = POLICY_HEADER if section == POLICY_COLUMN else HEADERS[section]
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
        return not parent.isValid() and self.more and not self.loading and not self.paused

    def fetchMore(self, parent: AnyIndex) -> None:
        if self.canFetchMore(parent):
            self.moreRequested.emit()


class _RowsProxy(QSortFilterProxyModel):
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


class FolderBrowser(QWidget):
    """Folder ID, name filter (server), order (server), substring filter (loaded rows), table."""

    listRequested = Signal(str, str, str)
    moreRequested = Signal()
    loadAllRequested = Signal()
    stopRequested = Signal()
    imageChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("folderBrowser")
        self.folder_edit = QLineEdit(self)
        self.folder_edit.setObjectName("folderIdEdit")
        self.folder_edit.setAccessibleName(_("Folder ID"))
        self.folder_edit.setAccessibleDescription(
            _("The folder whose images to list; Enter lists them")
        )
        self.folder_edit.setPlaceholderText(_("e.g. b1g0123456789abcdefg"))
        name_clear_button(self.folder_edit, _("Clear the folder ID"))
        self.folder_edit.returnPressed.connect(self.request_list)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("serverNameFilter")
        self.name_edit.setAccessibleName(_("Exact image name (asked of the server)"))
        self.name_edit.setPlaceholderText(_("exact name, asked of the server (optional)"))
        name_clear_button(self.name_edit, _("Clear the image name"))
        self.name_edit.returnPressed.connect(self.request_list)
        self.order_combo = QComboBox(self)
        self.order_combo.setObjectName("orderByCombo")
        self.order_combo.setAccessibleName(_("Order (asked of the server)"))
        for label, order in ORDERS:
            self.order_combo.addItem(_(label), order)
        self.order_combo.activated.connect(self._order_chosen)
        self.list_button = QPushButton(_("&List"), self)
        self.list_button.setObjectName("listButton")
        self.list_button.setToolTip(_("List the folder's images (Enter)"))
        self.list_button.clicked.connect(self.request_list)

        self.model = ImageRowsModel(self)
        self.model.moreRequested.connect(self.moreRequested)
        self.proxy = _RowsProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.substring_edit = QLineEdit(self)
        self.substring_edit.setObjectName("loadedRowsFilter")
        self.substring_edit.setAccessibleName(_("Filter the loaded rows"))
        self.substring_edit.setPlaceholderText(_("Filter loaded rows (any part of any column)"))
        name_clear_button(self.substring_edit, _("Clear the filter"))
        self.substring_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.substring_edit.textChanged.connect(self._update_count)

        self.table = QTableView(self)
        self.table.setObjectName("imagesTable")
        self.table.setAccessibleName(_("Images in the folder"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        header = self.table.horizontalHeader()
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # one Tab stop; the arrows move inside
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        self.table.setToolTip(_("Double-click or press Enter to open the image"))
        self.table.setAccessibleDescription(self.table.toolTip())
        # Enter and double-click (or a single click where the platform activates on one).
        self.table.activated.connect(self._choose)

        self.count = plain(QLabel(self))
        self.count.setObjectName("browseCount")
        self.count.setAccessibleDescription(_("Images loaded"))
        self.load_more_button = QPushButton(_("Load mo&re"), self)
        self.load_more_button.setObjectName("loadMoreButton")
        self.load_more_button.setToolTip(_("Fetch the next page (scrolling to the end does too)"))
        self.load_more_button.clicked.connect(self.moreRequested)
        self.load_all_button = QPushButton(_("Load &all"), self)
        self.load_all_button.setObjectName("loadAllButton")
        self.load_all_button.setToolTip(_("Fetch every remaining page"))
        self.load_all_button.clicked.connect(self.loadAllRequested)
        self.stop_button = QPushButton(_("&Stop"), self)
        self.stop_button.setObjectName("stopListingButton")
        self.stop_button.setToolTip(_("Stop fetching pages; the rows loaded stay"))
        self.stop_button.clicked.connect(self.stopRequested)
        self.export_button = QPushButton(_("E&xport CSV\u2026"), self)
        self.export_button.setObjectName("exportCsvButton")
        self.export_button.setToolTip(
            _(
                "Save the loaded rows as CSV: a header row, sizes in bytes, labels as one "
                "JSON column"
            )
        )
        self.export_button.clicked.connect(self.export_csv)
        self.message = QLabel(self)
        self.message.setObjectName("browseMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.message.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.message.hide()

        form = QFormLayout()
        form.addRow(self._buddy(_("Folder &ID:"), self.folder_edit), self.folder_edit)
        form.addRow(self._buddy(_("&Name:"), self.name_edit), self.name_edit)
        order_row = QHBoxLayout()
        order_row.addWidget(self.order_combo, 1)
        order_row.addWidget(self.list_button)
        form.addRow(self._buddy(_("&Order:"), self.order_combo), order_row)
        buttons = QHBoxLayout()
        buttons.addWidget(self.load_more_button)
        buttons.addWidget(self.load_all_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        filter_row = QHBoxLayout()
        filter_row.addWidget(self._buddy(_("Fil&ter:"), self.substring_edit))
        filter_row.addWidget(self.substring_edit, 1)
        layout.addLayout(filter_row)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addLayout(buttons)
        self._listed = False
        self._update_count()
        theme.watch(self._restyle)

    def _buddy(self, text: str, widget: QWidget) -> QLabel:
        label = plain(QLabel(text, self))
        label.setBuddy(widget)
        return label

    def focus_order(self) -> list[QWidget]:
        """The Tab stops top to bottom: the query, its message, the filter, the rows, paging."""
        return [
            self.folder_edit,
            self.name_edit,
            self.order_combo,
            self.list_button,
            self.message,
            self.substring_edit,
            self.table,
            self.load_more_button,
            self.load_all_button,
            self.stop_button,
        ]

    # -- user actions ---------------------------------------------------------------------
    def set_folder_id(self, folder_id: str) -> None:
        self.folder_edit.setText(folder_id)

    def focus_folder(self) -> None:
        self.folder_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.folder_edit.selectAll()

    def request_list(self) -> None:
        self.listRequested.emit(
            self.folder_edit.text(),
            self.name_edit.text(),
            str(self.order_combo.currentData()),
        )

    def _order_chosen(self) -> None:
        if self._listed:
            self.request_list()

    def _choose(self, index: QModelIndex) -> None:
        image_id = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        if isinstance(image_id, str) and image_id:
            self.imageChosen.emit(image_id)

    # -- BrowseView -------------------------------------------------------------------------
    def show_listing(self, description: str) -> None:
        self._listed = True
        self.model.clear()
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.message.hide()
        self.count.setToolTip(tooltip_text(description))
        self._update_count()

    def show_page(self, rows: list[ImageRow], *, more: bool, replace: bool) -> None:
        if self.message.property("kind") == "error":
            self.message.hide()  # the page that failed has come after all
        if replace:
            self.model.clear()
        self.model.append(rows, more=more)
        self._update_count()

    def set_loading(self, loading: bool) -> None:
        finished = self.model.loading and not loading
        self.model.loading = loading
        self._update_count()
        if finished:
            announce(self, self.count.text())

    def show_note(self, text: str) -> None:
        self._show_message(text, "info")
        self.message.setAccessibleDescription("")
        announce(self, text, fallback=self.message)

    def show_error(self, title: str, text: str) -> None:
        self.model.paused = True
        self._show_message(text, "error")
        self.message.setAccessibleDescription(title)
        self._update_count()
        announce(self, f"{title}: {text}", assertive=True, fallback=self.message)

    def set_policy(self, policy: Policy | None) -> None:
        self.model.set_policy(policy)

    def export_csv(self) -> None:
        """Ask where to save the loaded rows (all of them, whatever the filter) as CSV."""
        if not self.model.rows:
            self.show_note(_("Nothing to export: list a folder first"))
            return
        dialog = QFileDialog(self, _("Export CSV"))
        dialog.setObjectName("exportCsvDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([_("CSV files (*.csv)"), _("All files (*)")])
        dialog.setDefaultSuffix("csv")
        dialog.selectFile(f"{self.folder_edit.text().strip() or 'images'}.csv")
        dialog.fileSelected.connect(self._write_csv)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _write_csv(self, path_text: str) -> None:
        from inspector.core.csv_export import save_csv

        images = [row.image for row in self.model.rows if row.image is not None]
        try:
            save_csv(Path(path_text), images)
        except OSError as error:
            message = _("Cannot save {file}: {reason}")
            self._show_message(
                message.format(file=path_text, reason=error.strerror or error), "error"
            )
            return
        text = ngettext(
            "Exported {count} image to {path}", "Exported {count} images to {path}", len(images)
        )
        self.show_note(text.format(count=len(images), path=path_text))

    # -- internals --------------------------------------------------------------------------
    def _show_message(self, text: str, kind: str) -> None:
        self.message.setText(text)
        self.message.setProperty("kind", kind)
        self._restyle()
        self.message.show()

    def _restyle(self) -> None:
        scheme = theme.colours()
        pair = scheme.error if self.message.property("kind") == "error" else scheme.info
        self.message.setStyleSheet(
            theme.banner_style("QLabel#browseMessage", pair)
            + " QLabel#browseMessage { padding: 6px; }"
        )
        rows = self.model.rowCount()
        if rows:  # the status column's colours and icons follow the palette too
            self.model.dataChanged.emit(
                self.model.index(0, STATUS_COLUMN), self.model.index(rows - 1, STATUS_COLUMN)
            )

    def _update_count(self) -> None:
        model = self.model
        can_page = model.more and not model.loading
        self.load_more_button.setEnabled(can_page)
        self.load_all_button.setEnabled(can_page)
        self.stop_button.setEnabled(model.loading)
        if not self._listed:
            self.count.setText(_("Enter a folder ID and press Enter"))
            return
        self.count.setText(
            count_text(
                model.rowCount(), self.proxy.rowCount(), more=model.more, loading=model.loading
            )
        )
