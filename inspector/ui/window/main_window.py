"""The main window: tabs of image pages, the docks, the demo's marks, menus, status bar.

It imports only Qt and the light ui modules, so it paints before the HTTP and model libraries
load; ``firstPainted`` says when (the first page's values are made right after). Each tab is an
:class:`ImagePage`; :attr:`page` is the current one. The window holds what its parts share (the
tabs, presenting, the policy); the parts have modules of their own (menus from its action table,
docks, the demo's marks, file choosers, warnings). The app wires the rest (``tabAdded``...).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent
from PySide6.QtWidgets import QMainWindow, QSplitter, QVBoxLayout, QWidget

from inspector.i18n import LANGUAGES, SYSTEM, _
from inspector.ui import theme
from inspector.ui.page.image_page import ImagePage
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.focus_order import in_creation_order, move_focus
from inspector.ui.widgets.inert import tooltip_text
from inspector.ui.window.action_table import ActionId, Choices, When
from inspector.ui.window.copying import CopyKind, copy_to_clipboard
from inspector.ui.window.demo_part import DemoPart
from inspector.ui.window.docks import Docks
from inspector.ui.window.file_dialogs import FileDialogs
from inspector.ui.window.image_tabs import ImageTabs
from inspector.ui.window.menus import Menus
from inspector.ui.window.notices import Notices
from inspector.ui.window.status_line import StatusLine

if TYPE_CHECKING:
    # Each Qt class gets its Python type (and its enums) built when first imported: the ones
    # the first frame does not show are imported where they are used.
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QDockWidget, QListWidget

    from inspector.core.notify import Notifier
    from inspector.core.policy import Policy
    from inspector.present.presenting import Masker
    from inspector.ui.browser.folder_browser import FolderBrowser
    from inspector.ui.browser.history_panel import HistoryPanel
    from inspector.ui.dialogs.compare_view import CompareDialog


class MainWindow(QMainWindow):
    """Top-level window; the app wires its signals to the controller."""

    firstPainted = Signal()
    closed = Signal()
    connectionDialogRequested = Signal()
    tabAdded = Signal(object)  # the new ImagePage
    tabClosed = Signal(object)  # the ImagePage taken out; it is deleted right after
    openFileChosen = Signal(str)
    compareRequested = Signal(str, str)  # two sources: image IDs or files
    presentingChanged = Signal(bool)
    schemeChosen = Signal(str)  # a theme.Scheme value, to keep for the next start
    languageChosen = Signal(str)  # a language or "system", taking effect at the next start

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        # Empty: the platform shows the application's display name, once.
        self.setWindowTitle("")
        self.resize(1000, 720)
        self.painted = False
        self._masker: Masker | None = None
        self.policy: Policy | None = None
        self.compare_dialog: CompareDialog | None = None  # built on first use
        self._notifier: Notifier | None = None
        self.tabs = ImageTabs(self)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        first = self._add_page(values_later=True)  # its values: right after the first paint
        self.firstPainted.connect(lambda: QTimer.singleShot(0, first, first.build_later_parts))
        self.splitter = QSplitter(parent=self)  # by keyword: see qt_namespace
        self.splitter.setObjectName("mainSplitter")
        self.demo_part = DemoPart(self, self.splitter, lambda: self.page, self.mask_text)
        self.demo_banner = self.demo_part.banner
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        self._docks = Docks(self, lambda: self.page)
        self.browser_part = self._docks.browser_part
        self.history_part = self._docks.history_part
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._status = StatusLine(self)
        self.endpoint_label = self._status.endpoint
        self.notices = Notices(self, self.show_status)  # the warnings it gives
        self._files = FileDialogs(
            self, self.show_status, self.show_file_error, self.openFileChosen.emit
        )
        self.menus = Menus(self, self, self.sync_actions)
        self.sync_actions()
        self.tabs.currentChanged.connect(lambda _index: self.sync_actions())
        self.page.id_edit.setFocus()

    # -- the parts --
    def action(self, action_id: ActionId) -> QAction:
        """The menu action ``action_id``."""
        return self.menus[action_id]

    @property
    def theme_actions(self) -> dict[theme.Scheme, QAction]:
        return self.menus.choices[Choices.THEME]

    @property
    def demo_list(self) -> QListWidget:
        """The demo's sample images, on the left (built when the demo is first shown)."""
        return self.demo_part.list_part.get()

    @property
    def browser(self) -> FolderBrowser:
        """The folder browser (built, hidden, on first use)."""
        return self.browser_part.get()

    @property
    def browser_dock(self) -> QDockWidget:
        return self._docks.browser_dock

    @property
    def history_panel(self) -> HistoryPanel:
        """The history panel (built, hidden, on first use)."""
        return self.history_part.get()

    @property
    def history_dock(self) -> QDockWidget:
        return self._docks.history_dock

    def open_docks(self, names: list[str]) -> None:
        """Build and show the docks left open last time (their ``objectName``s)."""
        self._docks.open(names)

    def toggle_browser(self) -> None:
        """Into the folder browser (Ctrl+B), or, from inside it, close it and go back."""
        self._docks.toggle_browser()

    def toggle_history(self) -> None:
        """Show the history and go to its search (Ctrl+H); from inside it, hide it."""
        self._docks.toggle_history()

    def browse_folder(self, folder_id: str) -> None:
        """List ``folder_id`` in the folder browser (a folder ID found in pasted text)."""
        self._docks.browse_folder(folder_id)

    @property
    def notifier(self) -> Notifier:
        """Desktop notifications (the tray's, made when the first one is due)."""
        if self._notifier is None:
            from inspector.ui.window.tray_notifier import TrayNotifier

            self._notifier = TrayNotifier(self)
        return self._notifier

    @notifier.setter
    def notifier(self, notifier: Notifier) -> None:
        self._notifier = notifier

    def focus_order(self) -> list[QWidget]:
        """Every possible Tab stop of the window in reading order: the folder browser docked
        on the left, the demo list, the tabs and the current page, then the history on the
        right. Parts not built yet (docks never opened, no demo) have no stops."""
        browser = self.browser_part.if_built()
        demo_list = self.demo_part.list_part.if_built()
        history = self.history_part.if_built()
        return [
            *(browser.focus_order() if browser is not None else []),
            *([demo_list] if demo_list is not None else []),
            self.tabs.tabBar(),
            *self.page.focus_order(),
            *(in_creation_order(history) if history is not None else []),
        ]

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab follow :meth:`focus_order`, wrapping around; a stop that is
        hidden or disabled is skipped."""
        return move_focus(self.focus_order(), next) or super().focusNextPrevChild(next)

    # -- menus: choices and dialogs --
    def set_scheme_choice(self, scheme: theme.Scheme) -> None:
        """Apply the saved scheme at start and check it in the menu."""
        self.menus.check(Choices.THEME, scheme)
        theme.manager().set_choice(scheme)

    def choose_scheme(self, scheme: theme.Scheme) -> None:
        self.set_scheme_choice(scheme)
        self.schemeChosen.emit(scheme.value)

    def set_language_choice(self, choice: str) -> None:
        """Check the saved language choice in the menu (``system`` or a language)."""
        self.menus.check(Choices.LANGUAGE, choice if choice in LANGUAGES else SYSTEM)

    def choose_language(self, choice: str) -> None:
        self.set_language_choice(choice)
        self.languageChosen.emit(choice)
        self.show_status(_("The language changes when the inspector starts again."))

    def request_connection(self) -> None:
        """File, Connection...: the app opens the dialog."""
        self.connectionDialogRequested.emit()

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: every key the window knows, read from the window."""
        from inspector.ui.dialogs.shortcuts_dialog import ShortcutsDialog, keys_without_actions

        ShortcutsDialog(self, keys_without_actions()).open()

    def show_about(self) -> None:
        from inspector.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).open()

    # -- tabs --
    @property
    def page(self) -> ImagePage:
        """The current tab's page."""
        return self.tabs.page

    def pages(self) -> list[ImagePage]:
        """Every tab's page, in tab order."""
        return self.tabs.pages()

    def _add_page(self, *, values_later: bool = False) -> ImagePage:
        page = ImagePage(self.tabs, values_later=values_later)
        page.set_masker(self._masker)
        page.set_policy(self.policy)
        index = self.tabs.add(page)
        # After the tab's controller has taken the new answer in: whether commands can name it.
        page.titleChanged.connect(lambda _title: QTimer.singleShot(0, self, self.sync_actions))
        page.browseFolderRequested.connect(self.browse_folder)
        self.tabs.setCurrentIndex(index)
        return page

    def bring_to_front(self) -> None:
        """Un-minimise, raise and activate the window (a later launch handed something over)."""
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.show()
        self.raise_()
        self.activateWindow()

    def new_tab(self) -> ImagePage:
        """A new empty tab, made current, its ID field focused (Ctrl+T)."""
        page = self._add_page()
        self.tabAdded.emit(page)
        page.focus_id()
        return page

    def close_tab(self, index: int) -> None:
        """Close tab ``index`` (Ctrl+W); closing the last one leaves a new empty tab."""
        page = self.tabs.widget(index)
        if not isinstance(page, ImagePage):
            return
        if self.tabs.count() == 1:
            self.new_tab()
        self.tabs.removeTab(self.tabs.indexOf(page))
        self.tabClosed.emit(page)
        page.deleteLater()
        self.page.focus_id()

    def close_current_tab(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    # -- copy, save, open --
    def _blocker(self, when: When) -> str | None:
        """Why an action with condition ``when`` cannot be used now (None: it can; "": no
        reason to give)."""
        if when is When.COMMAND_POSSIBLE:
            actions = self.tabs.page_actions
            return None if actions is None else actions.export_problem()
        if when is When.LOG_FOLDER_KNOWN:
            return None if self.notices.log_folder is not None else ""
        if when is When.NOT_PRESENTING:
            return None if self._masker is None else ""
        return None

    def sync_actions(self) -> None:
        """Enable the actions whose condition holds. Copy as curl / yc are off while the tab
        shows a file whose image ID is not valid; the reason is their status tip (and the
        status bar says it when the file opens)."""
        self.menus.sync(self._blocker)

    def copy(self, kind: CopyKind) -> None:
        """Put the current tab's curl command, yc command, image JSON or request IDs on the
        clipboard: exact, even while presenting (what is pasted must still work)."""
        self.show_status(copy_to_clipboard(self.tabs.page_actions, kind))

    def save_for_support(self) -> None:
        """Ask where to save the current tab's answer as a support bundle (Ctrl+S)."""
        self._files.save_for_support(self.tabs.page_actions)

    def open_file_dialog(self) -> None:
        """Ask for a bundle or a JSON body to show offline (Ctrl+O)."""
        self._files.open_file()

    def open_compare(self) -> None:
        """Image, Compare with...: the current tab's image is A; the dialog asks for B."""
        dialog = self.compare_dialog
        if dialog is None:
            from inspector.ui.dialogs.compare_view import CompareDialog

            dialog = CompareDialog(self)
            dialog.set_masker(self._masker)
            dialog.set_policy(self.policy)
            dialog.compareRequested.connect(self.compareRequested)
            self.compare_dialog = dialog
        actions = self.tabs.page_actions
        dialog.start((actions.compare_source() if actions is not None else None) or "")

    def set_policy(self, policy: Policy | None) -> None:
        """Check every tab's labels against ``policy`` (None: no label policy in use)."""
        self.policy = policy
        for page in self.pages():
            page.set_policy(policy)
        self.browser_part.when_built(lambda browser: browser.set_policy(self.policy))
        if self.compare_dialog is not None:
            self.compare_dialog.set_policy(policy)

    # -- what the window says --
    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(self.mask_text(text), 10_000)

    def show_file_error(self, message: str, path: str) -> None:
        """Say why a file could not be opened or saved, without blocking."""
        self.notices.file_error(message, path)

    def set_log_folder(self, folder: Path) -> None:
        """Where the log file is, for Help > Open Log Folder and the unexpected-error note."""
        self.notices.log_folder = folder
        self.sync_actions()
        self.action(ActionId.OPEN_LOG).setToolTip(tooltip_text(str(folder)))

    def open_log_folder(self) -> None:
        self.notices.open_log_folder()

    def set_connection(
        self, endpoint: str, token_source: str | None, expiry: str | None = None
    ) -> None:
        """Say in the status bar where requests go, where the token comes from and until when
        it is valid (never the token itself)."""
        self._status.set_connection(endpoint, token_source, expiry)

    def set_demo(self, base_url: str, images: list[tuple[str, str]]) -> None:
        """Mark the window as DEMO and list the demo's image IDs for a newcomer to click."""
        self.demo_part.show(base_url, images)

    def leave_demo(self) -> None:
        """Back to a normal window after the user connected somewhere else."""
        self.demo_part.leave()

    # -- presenting, notifications --
    @property
    def presenting(self) -> bool:
        return self._masker is not None

    def set_presenting(self, on: bool) -> None:
        """Mask IDs and hide folder IDs everywhere the window shows them, or stop."""
        from inspector.present.presenting import Masker

        self._masker = Masker(active=True) if on else None
        presenting_action = self.action(ActionId.PRESENTING)
        if presenting_action.isChecked() != on:
            presenting_action.setChecked(on)
        for page in self.pages():
            page.set_masker(self._masker)
        if self.compare_dialog is not None:
            self.compare_dialog.set_masker(self._masker)
        self._status.presenting.setVisible(on)
        if on:
            self._docks.hide_browser()  # it lists the folder's ID and its images'
        self.sync_actions()
        self.demo_part.fill()
        self.presentingChanged.emit(on)

    def mask_text(self, text: str) -> str:
        """``text`` as the window may show it now (masked while presenting)."""
        return text if self._masker is None else self._masker.text(text)

    def notify(self, title: str, message: str) -> None:
        """A desktop notification, masked while presenting (a shared screen shows it too)."""
        self.notifier.notify(self.mask_text(title), self.mask_text(message))

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            self.firstPainted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        if self._notifier is not None:
            from inspector.ui.window.tray_notifier import TrayNotifier

            if isinstance(self._notifier, TrayNotifier):
                self._notifier.hide()
        self.closed.emit()
