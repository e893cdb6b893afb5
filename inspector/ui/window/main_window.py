"""The main window: tabs of image pages, the folder browser, the history, the demo's list, menus.

It imports only Qt and the light ui modules, so it can paint before the HTTP and model
libraries load; ``firstPainted`` tells the app when that has happened. Each tab is an
:class:`ImagePage`; :attr:`MainWindow.page` is always the current one. The copy and save
actions ask the current page's tab for their text (``page.tab_actions``); opening a file, the
history and the tabs themselves are the app's to wire (``openFileChosen``, ``tabAdded``...).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPaintEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMenu,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import LANGUAGES, SYSTEM, _, ngettext
from inspector.ui import theme
from inspector.ui.on_first_use import OnFirstUse
from inspector.ui.page.image_page import ImagePage
from inspector.ui.page.page_actions import PageActions
from inspector.ui.widgets.accessibility import announce
from inspector.ui.widgets.focus_order import in_creation_order, move_focus
from inspector.ui.widgets.inert import plain, plain_labels, tooltip_text

if TYPE_CHECKING:
    # Each Qt class gets its Python type (and its enums) built when first imported: the ones
    # the first frame does not show are imported where they are used.
    from PySide6.QtWidgets import QDockWidget, QListWidget, QListWidgetItem, QMessageBox

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

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("imageTabs")
        self.tabs.setAccessibleName(_("Images"))
        self.tabs.setAccessibleDescription(
            _("One tab per image: Ctrl+T opens one, Ctrl+W closes it, Ctrl+Tab goes to the next")
        )
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setMovable(True)
        self.tabs.setTabBarAutoHide(True)
        self.tabs.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.tabs.currentChanged.connect(lambda _index: self._name_pages_stack())
        self._masker: Masker | None = None
        self.policy: Policy | None = None
        self.compare_dialog: CompareDialog | None = None  # built on first use
        self._add_page()
        self.demo_banner = plain(QLabel(self))
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Labels whose text changes are named by that text (Qt's default for a label), and
        # described by what they are: a fixed name would hide what they say.
        self.demo_banner.setAccessibleDescription(_("Demo"))
        self.demo_banner.hide()
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        # The demo list's place, held by an empty widget until the demo shows it: the splitter
        # keeps two parts either way, so its saved sizes fit a start with or without the demo.
        demo_place = QWidget(self)
        demo_place.hide()
        self.splitter.addWidget(demo_place)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(1, 1)
        # Built on first use: most starts show no demo and open neither dock.
        self._demo_list = OnFirstUse(self._build_demo_list)
        self.browser_part = OnFirstUse(self._build_browser)
        self.history_part = OnFirstUse(self._build_history)
        self._notifier: Notifier | None = None
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._demo_images: list[tuple[str, str]] = []
        self._file_folder = ""
        self._file_error_box: QMessageBox | None = None

        self.endpoint_label = plain(QLabel(self))  # from a profile the user may not have written
        self.endpoint_label.setObjectName("endpointLabel")
        self.endpoint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.endpoint_label.setAccessibleDescription(_("Connection"))
        self.presenting_label = plain(QLabel(_("PRESENTING: IDs masked"), self))
        self.presenting_label.setObjectName("presentingIndicator")
        self.presenting_label.hide()
        self.statusBar().addPermanentWidget(self.presenting_label)
        self.statusBar().addPermanentWidget(self.endpoint_label)
        self.statusBar().setAccessibleDescription(_("Status bar"))
        self.statusBar().messageChanged.connect(self._status_message_changed)
        self.statusBar().showMessage(_("Loading\u2026"))
        self._log_folder: Path | None = None
        self._unexpected_box: QMessageBox | None = None
        self._unexpected_count = 0
        self._build_menus()
        self.tabs.currentChanged.connect(lambda _index: self.sync_copy_actions())
        self.page.id_edit.setFocus()
        theme.watch(self._restyle)

    # -- parts built on first use -------------------------------------------------------------
    def _build_demo_list(self) -> QListWidget:
        from PySide6.QtWidgets import QListWidget

        demo_list = QListWidget(self)
        demo_list.setObjectName("demoImageList")
        demo_list.setAccessibleName(_("Demo images"))
        demo_list.setToolTip(_("Sample images of the demo API: click or press Enter to fetch"))
        demo_list.setAccessibleDescription(demo_list.toolTip())
        demo_list.setAlternatingRowColors(True)
        demo_list.itemActivated.connect(self._demo_item_chosen)
        demo_list.itemClicked.connect(self._demo_item_chosen)
        demo_list.hide()
        place = self.splitter.replaceWidget(0, demo_list)
        if place is not None:
            place.deleteLater()
        return demo_list

    @property
    def demo_list(self) -> QListWidget:
        """The demo's sample images, on the left (built when the demo is first shown)."""
        return self._demo_list.get()

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        """Dock ``widget`` hidden, then put it where the saved window state had it, if it did."""
        from PySide6.QtWidgets import QDockWidget

        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.hide()
        if not self.restoreDockWidget(dock):  # its place in the saved state, if it has one
            self.addDockWidget(area, dock)

    def _build_browser(self) -> FolderBrowser:
        from inspector.ui.browser.folder_browser import FolderBrowser

        browser = FolderBrowser(self)
        self._dock(
            _("Browse a folder"),
            "folderBrowserDock",
            browser,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        return browser

    def _build_history(self) -> HistoryPanel:
        from inspector.ui.browser.history_panel import HistoryPanel

        panel = HistoryPanel(self)
        self._dock(_("History"), "historyDock", panel, Qt.DockWidgetArea.RightDockWidgetArea)
        panel.openRequested.connect(lambda _id: self.page.setFocus())
        return panel

    @property
    def browser(self) -> FolderBrowser:
        """The folder browser (built, hidden, on first use)."""
        return self.browser_part.get()

    @property
    def browser_dock(self) -> QDockWidget:
        from PySide6.QtWidgets import QDockWidget

        dock = self.browser.parentWidget()
        assert isinstance(dock, QDockWidget)
        return dock

    @property
    def history_panel(self) -> HistoryPanel:
        """The history panel (built, hidden, on first use)."""
        return self.history_part.get()

    @property
    def history_dock(self) -> QDockWidget:
        from PySide6.QtWidgets import QDockWidget

        dock = self.history_panel.parentWidget()
        assert isinstance(dock, QDockWidget)
        return dock

    def open_docks(self, names: list[str]) -> None:
        """Build and show the docks left open last time (their ``objectName``s)."""
        docks = {
            "folderBrowserDock": lambda: self.browser_dock,
            "historyDock": lambda: self.history_dock,
        }
        for name in names:
            if name in docks:
                docks[name]().show()

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

    def _restyle(self) -> None:
        self.demo_banner.setStyleSheet(
            theme.banner_style("QLabel#demoBanner", theme.colours().demo)
            + " QLabel#demoBanner { padding: 6px; }"
        )

    def _status_message_changed(self, message: str) -> None:
        """The status bar's message is its name, and is said as it appears."""
        self.statusBar().setAccessibleName(message)
        announce(self, message)

    def focus_order(self) -> list[QWidget]:
        """Every possible Tab stop of the window in reading order: the folder browser docked
        on the left, the demo list, the tabs and the current page, then the history on the
        right. Parts not built yet (docks never opened, no demo) have no stops."""
        browser = self.browser_part.if_built()
        demo_list = self._demo_list.if_built()
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

    def _name_pages_stack(self) -> None:
        """Name the tabs' page stack after the current tab, so it is not an unnamed pane."""
        stack = self.tabs.findChild(
            QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if stack is not None and self.tabs.count():
            stack.setAccessibleName(self.tabs.tabText(self.tabs.currentIndex()))

    def _action(
        self, text: str, name: str, slot: Callable[[], object], keys: str | None = None
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if keys:
            action.setShortcut(QKeySequence(keys))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(_("&File"))
        self.new_tab_action = self._action(_("&New Tab"), "newTabAction", self.new_tab, "Ctrl+T")
        self.close_tab_action = self._action(
            _("&Close Tab"), "closeTabAction", self.close_current_tab, "Ctrl+W"
        )
        self.open_file_action = self._action(
            _("&Open Bundle or JSON\u2026"), "openFileAction", self.open_file_dialog, "Ctrl+O"
        )
        self.open_file_action.setToolTip(
            _("Open a support bundle, a REST JSON body or `yc ... --format json` output (Ctrl+O)")
        )
        self.save_bundle_action = self._action(
            _("&Save for Support\u2026"), "saveBundleAction", self.save_for_support, "Ctrl+S"
        )
        self.save_bundle_action.setToolTip(
            _(
                "One JSON file with the answer, its headers (no secrets), request IDs, timing, "
                "versions and clock skew (Ctrl+S)"
            )
        )
        file_menu.addActions([self.new_tab_action, self.close_tab_action])
        file_menu.addSeparator()
        file_menu.addActions([self.open_file_action, self.save_bundle_action])
        file_menu.addSeparator()
        self.connection_action = QAction(_("Conn&ection\u2026"), self)
        self.connection_action.setObjectName("connectionAction")
        self.connection_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
        self.connection_action.setToolTip(
            _("Choose the profile, endpoints, credentials, CA file and proxy (Ctrl+Shift+O)")
        )
        self.connection_action.triggered.connect(self.connectionDialogRequested)
        file_menu.addAction(self.connection_action)
        file_menu.addSeparator()
        quit_action = QAction(_("&Quit"), self)
        quit_action.setObjectName("quitAction")
        # The platform's own Quit keys; Windows has none, so Ctrl+Q as most apps there do.
        quit_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)
        quit_action.setShortcuts(quit_keys or [QKeySequence("Ctrl+Q")])
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.copy_actions = {
            "curl": self._action(
                _("Copy as &curl"),
                "copyCurlAction",
                lambda: self.copy("curl"),
                "Ctrl+Shift+C",
            ),
            "yc": self._action(
                _("Copy as &yc Command"),
                "copyYcAction",
                lambda: self.copy("yc"),
                "Ctrl+Shift+Y",
            ),
            "json": self._action(
                _("Copy Image as &JSON"),
                "copyJsonAction",
                lambda: self.copy("json"),
                "Ctrl+Shift+J",
            ),
            "ids": self._action(
                _("Copy Request &IDs"),
                "copyIdsAction",
                lambda: self.copy("ids"),
                "Ctrl+Shift+I",
            ),
        }
        self.copy_actions["curl"].setToolTip(
            _("The same request as a curl command; the token comes from `yc iam create-token`")
        )
        edit_menu.addActions(list(self.copy_actions.values()))
        edit_menu.aboutToShow.connect(self.sync_copy_actions)
        image_menu = self.menuBar().addMenu(_("I&mage"))
        self.focus_id_action = self._action(
            _("Go to the Image &ID"), "focusIdAction", lambda: self.page.focus_id(), "Ctrl+L"
        )
        self.refetch_action = self._action(
            _("&Fetch Again"), "refetchAction", lambda: self.page.refetch()
        )
        self.refetch_action.setShortcuts(QKeySequence.StandardKey.Refresh)
        self.compare_action = self._action(
            _("&Compare with\u2026"), "compareAction", self.open_compare, "Ctrl+Shift+D"
        )
        self.compare_action.setToolTip(
            _(
                "Put this image beside another (an ID or a file): every field and label aligned, "
                "differences highlighted (Ctrl+Shift+D)"
            )
        )
        self.stop_watch_action = self._action(
            _("&Stop Watching"),
            "stopWatchAction",
            lambda: self.page.stopWatchRequested.emit(),
        )
        image_menu.addActions([self.focus_id_action, self.refetch_action, self.stop_watch_action])
        image_menu.addSeparator()
        image_menu.addAction(self.compare_action)
        view_menu = self.menuBar().addMenu(_("&View"))
        self.browse_action = QAction(_("&Browse a Folder"), self)
        self.browse_action.setObjectName("browseFolderAction")
        self.browse_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_B))
        self.browse_action.setToolTip(_("Go to the folder browser, or back to the image (Ctrl+B)"))
        self.browse_action.triggered.connect(self.toggle_browser)
        view_menu.addAction(self.browse_action)
        self.history_action = self._action(
            _("&History"), "historyAction", self.toggle_history, "Ctrl+H"
        )
        self.raw_action = self._action(
            _("&Raw Response"),
            "rawResponseAction",
            lambda: self.page.show_raw_response(),
            "Ctrl+U",
        )
        self.presenting_action = self._action(
            _("&Presenting Mode"), "presentingAction", lambda: None, "Ctrl+Shift+P"
        )
        self.presenting_action.setCheckable(True)
        self.presenting_action.setToolTip(
            _("Mask IDs and hide folder IDs for screen sharing and screenshots (Ctrl+Shift+P)")
        )
        self.presenting_action.toggled.connect(self.set_presenting)
        view_menu.addActions([self.history_action, self.raw_action, self.presenting_action])
        view_menu.addSeparator()
        self._build_theme_menu(view_menu.addMenu(_("&Theme")))
        self._build_language_menu(view_menu.addMenu(_("&Language")))
        help_menu = self.menuBar().addMenu(_("&Help"))
        self.shortcuts_action = QAction(_("&Keyboard Shortcuts"), self)
        self.shortcuts_action.setObjectName("keyboardShortcutsAction")
        self.shortcuts_action.setShortcuts(QKeySequence.StandardKey.HelpContents)
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)
        self.open_log_action = QAction(_("Open &Log Folder"), self)
        self.open_log_action.setObjectName("openLogFolderAction")
        self.open_log_action.setEnabled(False)
        self.open_log_action.triggered.connect(self.open_log_folder)
        help_menu.addAction(self.open_log_action)
        about = QAction(_("&About"), self)
        about.setObjectName("aboutAction")
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _build_theme_menu(self, menu: QMenu) -> None:
        """System, Light, Dark: one checked; the choice applies at once."""
        group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for scheme, text in (
            (theme.Scheme.SYSTEM, _("&System")),
            (theme.Scheme.LIGHT, _("&Light")),
            (theme.Scheme.DARK, _("&Dark")),
        ):
            action = QAction(text, group)
            action.setObjectName(f"theme{scheme.value.title()}Action")
            action.setCheckable(True)
            action.setChecked(scheme is theme.Scheme.SYSTEM)
            action.triggered.connect(lambda _checked=False, s=scheme: self.choose_scheme(s))
            self.theme_actions[scheme.value] = action
            menu.addAction(action)

    def _build_language_menu(self, menu: QMenu) -> None:
        """The system's language, or one by its own name; it applies at the next start."""
        group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        choices = [(SYSTEM, _("&System Language")), *LANGUAGES.items()]
        for choice, text in choices:
            action = QAction(text, group)
            action.setObjectName(f"language{choice.title()}Action")
            action.setCheckable(True)
            action.setChecked(choice == SYSTEM)
            action.triggered.connect(lambda _checked=False, c=choice: self.choose_language(c))
            self.language_actions[choice] = action
            menu.addAction(action)

    def set_scheme_choice(self, scheme: theme.Scheme) -> None:
        """Apply the saved scheme at start and check it in the menu."""
        self.theme_actions[scheme.value].setChecked(True)
        theme.manager().set_choice(scheme)

    def choose_scheme(self, scheme: theme.Scheme) -> None:
        self.set_scheme_choice(scheme)
        self.schemeChosen.emit(scheme.value)

    def set_language_choice(self, choice: str) -> None:
        """Check the saved language choice in the menu (``system`` or a language)."""
        self.language_actions.get(choice, self.language_actions[SYSTEM]).setChecked(True)

    def choose_language(self, choice: str) -> None:
        self.set_language_choice(choice)
        self.languageChosen.emit(choice)
        self.show_status(_("The language changes when the inspector starts again."))

    def show_shortcuts(self) -> None:
        """Help > Keyboard Shortcuts: every key the window knows, read from the window."""
        from inspector.ui.dialogs.shortcuts_dialog import ShortcutsDialog

        extra = [
            (_("Enter"), _("Fetch the ID typed; list the folder typed; open a row")),
            (_("Tab, Shift+Tab"), _("Move between fields, buttons and tables")),
            (_("Alt+underlined letter"), _("Press that button or go to that field")),
            (_("Ctrl+Tab, Ctrl+Shift+Tab"), _("Next or previous tab")),
            (_("Menu key, Shift+F10"), _("A value's menu: copy it whole")),
        ]
        ShortcutsDialog(self, extra).open()

    def show_about(self) -> None:
        from inspector.ui.dialogs.about_dialog import AboutDialog

        AboutDialog(self).open()

    def toggle_browser(self) -> None:
        """Into the folder browser (opening it), or, from inside it, close it and go back."""
        focus = QApplication.focusWidget()
        if self.browser_dock.isVisible() and focus is not None and self.browser.isAncestorOf(focus):
            self.browser_dock.hide()
            self.page.focus_id()
            return
        if not self.browser_dock.isVisible():
            self.browser_dock.show()
            width = min(self.browser.sizeHint().width(), self.width() * 2 // 5)
            self.resizeDocks([self.browser_dock], [width], Qt.Orientation.Horizontal)
        self.browser_dock.raise_()
        self.browser.focus_folder()

    def browse_folder(self, folder_id: str) -> None:
        """List ``folder_id`` in the folder browser (a folder ID found in pasted text)."""
        if not self.browser_dock.isVisible():
            self.toggle_browser()
        self.browser.set_folder_id(folder_id)
        self.browser.request_list()

    # -- tabs ---------------------------------------------------------------------------------
    @property
    def page(self) -> ImagePage:
        """The current tab's page."""
        page = self.tabs.currentWidget()
        assert isinstance(page, ImagePage)
        return page

    def pages(self) -> list[ImagePage]:
        """Every tab's page, in tab order."""
        return [
            page
            for i in range(self.tabs.count())
            if isinstance(page := self.tabs.widget(i), ImagePage)
        ]

    def _add_page(self) -> ImagePage:
        page = ImagePage(self.tabs)
        page.set_masker(self._masker)
        page.set_policy(self.policy)
        index = self.tabs.addTab(page, page.title())
        page.titleChanged.connect(lambda title: self._retitle(page, title))
        # After the tab's controller has taken the new answer in: whether commands can name it.
        page.titleChanged.connect(lambda _title: QTimer.singleShot(0, self, self.sync_copy_actions))
        page.browseFolderRequested.connect(self.browse_folder)
        self.tabs.setCurrentIndex(index)
        return page

    def _retitle(self, page: ImagePage, title: str) -> None:
        index = self.tabs.indexOf(page)
        if index >= 0:
            self.tabs.setTabText(index, title)  # a tab bar draws plain text
            self.tabs.setTabToolTip(index, tooltip_text(title))
            self._name_pages_stack()

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

    # -- copy, save, open ------------------------------------------------------------------------
    def sync_copy_actions(self) -> None:
        """Copy as curl / yc are off while the tab shows a file whose image ID is not valid;
        the reason is their tooltip (and the status bar says it when the file opens)."""
        actions = self.page.tab_actions if self.tabs.count() else None
        problem = None if actions is None else actions.export_problem()
        for kind in ("curl", "yc"):
            action = self.copy_actions[kind]
            action.setEnabled(problem is None)
            action.setStatusTip(problem or "")

    def copy(self, kind: str) -> None:
        """Put the current tab's curl command, yc command, image JSON or request IDs on the
        clipboard: exact, even while presenting (what is pasted must still work)."""
        actions = self.page.tab_actions
        texts: dict[str, Callable[[PageActions], str | None]] = {
            "curl": lambda a: a.curl_text(),
            "yc": lambda a: a.yc_text(),
            "json": lambda a: a.image_json_text(),
            "ids": lambda a: a.request_ids_text(),
        }
        problem = None if actions is None else actions.export_problem()
        if problem is not None and kind in ("curl", "yc"):
            self.show_status(problem)
            return
        text = None if actions is None else texts[kind](actions)
        copied = {
            "curl": _("Copied the curl command"),
            "yc": _("Copied the yc command"),
            "json": _("Copied the image as JSON"),
            "ids": _("Copied the request IDs"),
        }
        if text is None:
            self.show_status(_("Nothing to copy yet: fetch an image first"))
            return
        QGuiApplication.clipboard().setText(text)
        self.show_status(copied[kind])

    def save_for_support(self) -> None:
        """Ask where to save the current tab's answer as a support bundle (Ctrl+S)."""
        actions = self.page.tab_actions
        name = None if actions is None else actions.bundle_file_name()
        if actions is None or name is None:
            self.show_status(_("Nothing to save: fetch an image first (an opened file is saved)"))
            return
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, _("Save for Support"))
        dialog.setObjectName("saveBundleDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([_("Support bundles (*.inspector.json)"), _("JSON files (*.json)")])
        if self._file_folder:
            dialog.setDirectory(self._file_folder)
        dialog.selectFile(name)
        dialog.fileSelected.connect(lambda path: self._save_bundle(actions, path))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _save_bundle(self, actions: PageActions, path_text: str) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        path = Path(path_text)
        self._file_folder = str(path.parent)
        try:
            saved = actions.save_support_bundle(path, qVersion(), pyside_version)
        except OSError as error:
            message = _("Cannot save {file}: {reason}")
            self.show_file_error(
                message.format(file=path.name, reason=error.strerror or error), path_text
            )
            return
        saved_text = _("Saved for support: {path}").format(path=path)
        self.show_status(saved_text if saved else _("Nothing to save"))

    def open_file_dialog(self) -> None:
        """Ask for a bundle or a JSON body to show offline (Ctrl+O)."""
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self, _("Open a Bundle or JSON File"))
        dialog.setObjectName("openFileDialog")
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters([_("Bundles and JSON (*.json)"), _("All files (*)")])
        if self._file_folder:
            dialog.setDirectory(self._file_folder)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    def _file_chosen(self, path_text: str) -> None:
        self._file_folder = str(Path(path_text).parent)
        self.openFileChosen.emit(path_text)

    def _warning_box(self, object_name: str, title: str) -> QMessageBox:
        """A non-modal warning with plain text and a Close button: the window stays usable."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setObjectName(object_name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        return box

    def show_file_error(self, message: str, path: str) -> None:
        """Say why a file could not be opened or saved, without blocking; the tabs stay as
        they were."""
        box = self._file_error_box
        if box is None:
            box = self._warning_box("fileErrorBox", _("File not opened"))
            self._file_error_box = box
        box.setText(message)
        box.setInformativeText(path)
        plain_labels(box)  # the informative text's label is made on demand, rich-text capable
        box.show()
        self.show_status(message)

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
        actions = self.page.tab_actions
        dialog.start((actions.compare_source() if actions is not None else None) or "")

    def set_policy(self, policy: Policy | None) -> None:
        """Check every tab's labels against ``policy`` (None: no label policy in use)."""
        self.policy = policy
        for page in self.pages():
            page.set_policy(policy)
        self.browser_part.when_built(lambda browser: browser.set_policy(self.policy))
        if self.compare_dialog is not None:
            self.compare_dialog.set_policy(policy)

    def show_policy_error(self, message: str) -> None:
        """A policy file that cannot be used is said, not skipped: no label is checked."""
        box = self._warning_box("policyErrorBox", _("Label policy not used"))
        box.setText(message)
        box.setInformativeText(
            _("Labels are not checked until the policy file is fixed and the app restarted.")
        )
        plain_labels(box)
        box.finished.connect(box.deleteLater)
        box.show()
        self.show_status(message)

    def show_settings_notice(self, text: str) -> None:
        """Say, without blocking, that a damaged settings file was kept aside at start."""
        box = self._warning_box("settingsNoticeBox", _("Settings file kept aside"))
        box.setText(text)
        plain_labels(box)
        box.finished.connect(box.deleteLater)
        box.show()

    def show_status(self, text: str) -> None:
        self.statusBar().showMessage(self.mask_text(text), 10_000)

    # -- history, presenting, notifications -------------------------------------------------------
    def toggle_history(self) -> None:
        """Show the history and go to its search (Ctrl+H); from inside it, hide it."""
        focus = QApplication.focusWidget()
        inside = focus is not None and self.history_panel.isAncestorOf(focus)
        if self.history_dock.isVisible() and inside:
            self.history_dock.hide()
            self.page.focus_id()
            return
        self.history_dock.show()
        self.history_dock.raise_()
        self.history_panel.focus_search()

    @property
    def presenting(self) -> bool:
        return self._masker is not None

    def set_presenting(self, on: bool) -> None:
        """Mask IDs and hide folder IDs everywhere the window shows them, or stop."""
        from inspector.present.presenting import Masker

        self._masker = Masker(active=True) if on else None
        if self.presenting_action.isChecked() != on:
            self.presenting_action.setChecked(on)
        for page in self.pages():
            page.set_masker(self._masker)
        if self.compare_dialog is not None:
            self.compare_dialog.set_masker(self._masker)
        self.presenting_label.setVisible(on)
        browser = self.browser_part.if_built()
        if on and browser is not None and self.browser_dock.isVisible():
            self.browser_dock.hide()  # it lists the folder's ID and its images'
        self.browse_action.setEnabled(not on)
        self._fill_demo_list()
        self.presentingChanged.emit(on)

    def mask_text(self, text: str) -> str:
        """``text`` as the window may show it now (masked while presenting)."""
        return text if self._masker is None else self._masker.text(text)

    def notify(self, title: str, message: str) -> None:
        """A desktop notification, masked while presenting (a shared screen shows it too)."""
        self.notifier.notify(self.mask_text(title), self.mask_text(message))

    def set_log_folder(self, folder: Path) -> None:
        """Where the log file is, for Help > Open Log Folder and the unexpected-error note."""
        self._log_folder = folder
        self.open_log_action.setEnabled(True)
        self.open_log_action.setToolTip(tooltip_text(str(folder)))

    def open_log_folder(self) -> None:
        folder = self._log_folder
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self.statusBar().showMessage(
                _("Could not open a file manager; the logs are in {folder}").format(folder=folder)
            )

    def show_unexpected_error(self, summary: str) -> None:
        """Say that something failed unexpectedly, without blocking: the window keeps working."""
        self._unexpected_count += 1
        box = self._unexpected_box
        if box is None:
            from PySide6.QtWidgets import QMessageBox

            box = self._warning_box("unexpectedErrorBox", _("Unexpected error"))
            if self._log_folder is not None:
                button = box.addButton(_("Open Log Folder"), QMessageBox.ButtonRole.ActionRole)
                button.clicked.connect(self.open_log_folder)
            box.finished.connect(self._forget_unexpected_box)
            self._unexpected_box = box
        count = self._unexpected_count
        text = (
            _("Something went wrong that the inspector did not expect.")
            if count == 1
            else ngettext(
                "Something went wrong that the inspector did not expect ({count} so far).",
                "Something went wrong that the inspector did not expect ({count} so far).",
                count,
            ).format(count=count)
        )
        box.setText(text + " " + _("It keeps working; you can go on."))
        where = (
            _("The details are in the log file in {folder}.").format(folder=self._log_folder)
            if self._log_folder
            else _("The details are in the log file.")
        )
        box.setInformativeText(f"{summary}\n\n{where}")
        plain_labels(box)
        box.show()
        self.statusBar().showMessage(
            _("Unexpected error: {summary}").format(summary=summary), 10_000
        )

    def _forget_unexpected_box(self) -> None:
        if self._unexpected_box is not None:
            self._unexpected_box.deleteLater()
        self._unexpected_box = None
        self._unexpected_count = 0

    def set_connection(
        self, endpoint: str, token_source: str | None, expiry: str | None = None
    ) -> None:
        """Say in the status bar where requests go, where the token comes from and until when
        it is valid (never the token itself)."""
        token = token_source or _("no token")
        self.endpoint_label.setText(
            " \u00b7 ".join(part for part in (endpoint, token, expiry) if part)
        )

    def leave_demo(self) -> None:
        """Back to a normal window after the user connected somewhere else."""
        self.setWindowTitle("")
        self.demo_banner.hide()
        if (demo_list := self._demo_list.if_built()) is not None:
            demo_list.hide()

    def set_demo(self, base_url: str, images: list[tuple[str, str]]) -> None:
        """Mark the window as DEMO and list the demo's image IDs for a newcomer to click."""
        self.setWindowTitle(_("DEMO"))
        self.demo_banner.setText(
            _(
                "DEMO \u2014 connected to the built-in demo API at {url}. The images are "
                "samples, not your cloud. Pick one on the left, or paste an ID."
            ).format(url=base_url)
        )
        self.demo_banner.show()
        self._demo_images = list(images)
        self._fill_demo_list()
        self.demo_list.show()
        self.splitter.setSizes([300, 700])

    def _fill_demo_list(self) -> None:
        if self._demo_list.if_built() is None and not self._demo_images:
            return
        from PySide6.QtWidgets import QListWidgetItem

        self.demo_list.clear()
        for image_id, summary in self._demo_images:
            item = QListWidgetItem(f"{self.mask_text(image_id)}\n{summary}", self.demo_list)
            item.setData(Qt.ItemDataRole.UserRole, image_id)
            item.setToolTip(tooltip_text(summary))

    def _demo_item_chosen(self, item: QListWidgetItem) -> None:
        image_id = str(item.data(Qt.ItemDataRole.UserRole))
        if image_id == self.page.id_edit.text().strip() and self.page.cancel_button.isEnabled():
            return  # a click right after the keyboard activation: already fetching it
        self.page.open(image_id)

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
