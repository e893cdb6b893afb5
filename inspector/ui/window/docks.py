"""The window's two docks, the folder browser (left) and the history (right).

Both are built on first use: most starts open neither, and each costs its imports and
widgets. A dock left open at the last close is built before the first paint, so the first
frame is laid out as the window will stay. Ctrl+B and Ctrl+H go into a dock, and from inside
it, close it and go back to the image.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from inspector.i18n import _
from inspector.ui.on_first_use import OnFirstUse
from inspector.ui.qt_namespace import Qt

if TYPE_CHECKING:
    # Each Qt class gets its Python type built when first imported: docks are not in the
    # first frame of most starts.
    from PySide6.QtWidgets import QDockWidget

    from inspector.ui.browser.folder_browser import FolderBrowser
    from inspector.ui.browser.history_panel import HistoryPanel
    from inspector.ui.page.image_page import ImagePage

BROWSER_DOCK = "folderBrowserDock"
HISTORY_DOCK = "historyDock"


def _dock_of(widget: QWidget) -> QDockWidget:
    from PySide6.QtWidgets import QDockWidget

    dock = widget.parentWidget()
    assert isinstance(dock, QDockWidget)
    return dock


class Docks:
    """Builds, shows and hides the docks of ``window``; ``page`` is its current image page,
    where the focus goes back to when a dock is left."""

    def __init__(self, window: QMainWindow, page: Callable[[], ImagePage]) -> None:
        self._window = window
        self._page = page
        self.browser_part = OnFirstUse(self._build_browser)
        self.history_part = OnFirstUse(self._build_history)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        """Dock ``widget`` hidden, then put it where the saved window state had it, if it did."""
        from PySide6.QtWidgets import QDockWidget

        dock = QDockWidget(title, self._window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        dock.hide()
        if not self._window.restoreDockWidget(dock):  # its place in the saved state, if any
            self._window.addDockWidget(area, dock)

    def _build_browser(self) -> FolderBrowser:
        from inspector.ui.browser.folder_browser import FolderBrowser

        browser = FolderBrowser(self._window)
        area = Qt.DockWidgetArea.LeftDockWidgetArea
        self._dock(_("Browse a folder"), BROWSER_DOCK, browser, area)
        return browser

    def _build_history(self) -> HistoryPanel:
        from inspector.ui.browser.history_panel import HistoryPanel

        panel = HistoryPanel(self._window)
        area = Qt.DockWidgetArea.RightDockWidgetArea
        self._dock(_("History"), HISTORY_DOCK, panel, area)
        panel.openRequested.connect(lambda _id: self._page().setFocus())
        return panel

    @property
    def browser_dock(self) -> QDockWidget:
        return _dock_of(self.browser_part.get())

    @property
    def history_dock(self) -> QDockWidget:
        return _dock_of(self.history_part.get())

    def open(self, names: list[str]) -> None:
        """Build and show the docks left open last time (their object names)."""
        docks = {BROWSER_DOCK: lambda: self.browser_dock, HISTORY_DOCK: lambda: self.history_dock}
        for name in names:
            if name in docks:
                docks[name]().show()

    def _leave(self, dock: QDockWidget, part: QWidget) -> bool:
        """Hide ``dock`` and go back to the image, if the focus is inside ``part``."""
        focus = QApplication.focusWidget()
        if dock.isVisible() and focus is not None and part.isAncestorOf(focus):
            dock.hide()
            self._page().focus_id()
            return True
        return False

    def toggle_browser(self) -> None:
        """Into the folder browser (opening it), or, from inside it, close it and go back."""
        browser, dock = self.browser_part.get(), self.browser_dock
        if self._leave(dock, browser):
            return
        if not dock.isVisible():
            dock.show()
            width = min(browser.sizeHint().width(), self._window.width() * 2 // 5)
            self._window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
        dock.raise_()
        browser.focus_folder()

    def toggle_history(self) -> None:
        """Show the history and go to its search; from inside it, hide it."""
        panel, dock = self.history_part.get(), self.history_dock
        if self._leave(dock, panel):
            return
        dock.show()
        dock.raise_()
        panel.focus_search()

    def browse_folder(self, folder_id: str) -> None:
        """List ``folder_id`` in the folder browser (a folder ID found in pasted text)."""
        if not self.browser_dock.isVisible():
            self.toggle_browser()
        browser = self.browser_part.get()
        browser.set_folder_id(folder_id)
        browser.request_list()

    def hide_browser(self) -> None:
        """Hide the folder browser if it is open (it lists IDs a shared screen must not show)."""
        if self.browser_part.if_built() is not None and self.browser_dock.isVisible():
            self.browser_dock.hide()
