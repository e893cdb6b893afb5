"""The folder browser: list a folder's images, page as the operator scrolls, open one.

It never does HTTP: it emits ``listRequested`` / ``moreRequested`` / ``loadAllRequested`` /
``stopRequested`` and is told what to show through the methods of the browse controller's
``BrowseView`` protocol, each of which moves its :class:`BrowserState` on and draws it. The
table's model (:mod:`inspector.ui.browser.rows_model`) asks for the next page when the last row
scrolls into sight, if that state allows.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QModelIndex, Signal
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

from inspector.core.browse_state import BrowserState
from inspector.i18n import N_, _, ngettext
from inspector.ui import theme
from inspector.ui.browser.rows_model import STATUS_COLUMN, ImageRowsModel, RowsProxy, count_text
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.accessibility import announce, name_clear_button
from inspector.ui.widgets.inert import plain, tooltip_text

if TYPE_CHECKING:
    from inspector.core.policy import Policy
    from inspector.present.listing import ImageRow

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


class MessageKind(StrEnum):
    """What the message line under the query says: a note, or an error (coloured so)."""

    NOTE = "note"
    ERROR = "error"


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
        self.state = BrowserState()
        self.message_kind = MessageKind.NOTE  # of the last message shown
        self._build_query()
        self._build_rows()
        self._build_paging()
        self._lay_out()
        self._update_count()
        theme.watch(self._restyle)

    def _build_query(self) -> None:
        """Folder ID, exact name and order: what is asked of the server."""
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

    def _build_rows(self) -> None:
        """The loaded rows: the model, its sorting and filtering proxy, the filter, the table."""
        self.model = ImageRowsModel(lambda: self.state, self)
        self.model.moreRequested.connect(self.moreRequested)
        self.proxy = RowsProxy(self)
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

    def _build_paging(self) -> None:
        """The count, the paging and export buttons, and the message line."""
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

    def _lay_out(self) -> None:
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
        if self.state.listed:
            self.request_list()

    def _choose(self, index: QModelIndex) -> None:
        image_id = index.siblingAtColumn(0).data(Qt.ItemDataRole.UserRole)
        if isinstance(image_id, str) and image_id:
            self.imageChosen.emit(image_id)

    # -- BrowseView -------------------------------------------------------------------------
    def show_listing(self, description: str) -> None:
        self.state = self.state.listing(description)
        self.model.clear()
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.message.hide()
        self.count.setToolTip(tooltip_text(description))
        self._update_count()

    def show_page(self, rows: list[ImageRow], *, more: bool, replace: bool) -> None:
        if self.message_kind is MessageKind.ERROR:
            self.message.hide()  # the page that failed has come after all
        self.state = self.state.page(more=more)
        if replace:
            self.model.clear()
        self.model.append(rows)
        self._update_count()

    def set_loading(self, loading: bool) -> None:
        finished = self.state.loading and not loading
        self.state = self.state.with_loading(loading)
        self._update_count()
        if finished:
            announce(self, self.count.text())

    def show_note(self, text: str) -> None:
        self._show_message(text, MessageKind.NOTE)
        self.message.setAccessibleDescription("")
        announce(self, text, fallback=self.message)

    def show_error(self, title: str, text: str) -> None:
        self.state = self.state.failed()
        self._show_message(text, MessageKind.ERROR)
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
                message.format(file=path_text, reason=error.strerror or error), MessageKind.ERROR
            )
            return
        text = ngettext(
            "Exported {count} image to {path}", "Exported {count} images to {path}", len(images)
        )
        self.show_note(text.format(count=len(images), path=path_text))

    # -- internals --------------------------------------------------------------------------
    def _show_message(self, text: str, kind: MessageKind) -> None:
        self.message.setText(text)
        self.message_kind = kind
        self._restyle()
        self.message.show()

    def _restyle(self) -> None:
        scheme = theme.colours()
        pair = scheme.error if self.message_kind is MessageKind.ERROR else scheme.info
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
        state = self.state
        self.load_more_button.setEnabled(state.can_page)
        self.load_all_button.setEnabled(state.can_page)
        self.stop_button.setEnabled(state.loading)
        if not state.listed:
            self.count.setText(_("Enter a folder ID and press Enter"))
            return
        self.count.setText(
            count_text(
                self.model.rowCount(),
                self.proxy.rowCount(),
                more=state.more,
                loading=state.loading,
            )
        )
