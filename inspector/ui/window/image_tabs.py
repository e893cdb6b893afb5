"""The window's tabs, one :class:`ImagePage` each, titled after what the page shows.

A tab widget that knows its pages are image pages: the current one, all of them in order,
a title that follows each page, and where the current page's copy and save actions are answered
(the tab set that owns the controllers says so; a page never holds its controller). The page
stack is named after the current tab, so an assistive tool does not meet an unnamed pane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QWidget

from inspector.i18n import _
from inspector.ui.page.image_page import ImagePage
from inspector.ui.qt_namespace import set_enum_property
from inspector.ui.widgets.accessibility import name_tab_stack
from inspector.ui.widgets.inert import tooltip_text

if TYPE_CHECKING:
    from inspector.ui.page.page_actions import PageActions

ActionsOf = Callable[[ImagePage], "PageActions | None"]


class ImageTabs(QTabWidget):
    """Closable, movable tabs of image pages; the tab bar hides while there is one."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("imageTabs")
        self.setAccessibleName(_("Images"))
        self.setAccessibleDescription(
            _("One tab per image: Ctrl+T opens one, Ctrl+W closes it, Ctrl+Tab goes to the next")
        )
        self.setDocumentMode(True)
        self.setTabsClosable(True)
        self.setMovable(True)
        self.setTabBarAutoHide(True)
        set_enum_property(self, "elideMode", "ElideRight")
        self.currentChanged.connect(lambda _index: name_tab_stack(self))
        self._actions_of: ActionsOf = lambda _page: None

    def set_page_actions(self, actions_of: ActionsOf) -> None:
        """Who answers a page's copy and save actions: the tabs' controllers, once they exist."""
        self._actions_of = actions_of

    @property
    def page_actions(self) -> PageActions | None:
        """What the current tab's copy and save actions ask (None before its controller)."""
        return self._actions_of(self.page) if self.count() else None

    @property
    def page(self) -> ImagePage:
        """The current tab's page."""
        page = self.currentWidget()
        assert isinstance(page, ImagePage)
        return page

    def pages(self) -> list[ImagePage]:
        """Every tab's page, in tab order."""
        return [page for i in range(self.count()) if isinstance(page := self.widget(i), ImagePage)]

    def add(self, page: ImagePage) -> int:
        """Add ``page`` as the last tab, titled as it is and as it will be; returns its index."""
        index = self.addTab(page, page.title())
        page.titleChanged.connect(lambda title: self._retitle(page, title))
        return index

    def _retitle(self, page: ImagePage, title: str) -> None:
        index = self.indexOf(page)
        if index >= 0:
            self.setTabText(index, title)  # a tab bar draws plain text
            self.setTabToolTip(index, tooltip_text(title))
            name_tab_stack(self)
