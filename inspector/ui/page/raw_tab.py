"""The Raw response tab of a page: built when first looked at, filled when visible.

A big body takes time to lay out, so the page hands over a builder of the raw view with each
answer; the view is made (and the builder run) only once the tab is on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from inspector.i18n import _
from inspector.ui.on_first_use import OnFirstUse
from inspector.ui.page.page_parts import build_raw_tab

if TYPE_CHECKING:
    from inspector.present.raw import RawView
    from inspector.ui.page.raw_view import RawResponseView


class RawTab:
    """The tab, its view (on first use), and the raw answer to show in it."""

    def __init__(self, parent: QWidget) -> None:
        self.tab = build_raw_tab(parent)
        self.part = OnFirstUse(self._build_view)
        self._source: Callable[[], RawView] | None = None
        self._built: RawView | None = None

    def _build_view(self) -> RawResponseView:
        from inspector.ui.page.raw_view import RawResponseView

        view = RawResponseView(self.tab)
        view.clear(_("No answer yet."))
        layout = self.tab.layout()
        assert layout is not None
        layout.addWidget(view)
        view.show()  # at once, not on the next turn of the loop: Tab may reach it right away
        return view

    def set_source(self, source: Callable[[], RawView] | None) -> None:
        """The raw answer now shown (None: there is none)."""
        self._source = source
        self._built = None
        view = self.part.if_built()
        if source is None and view is not None:
            view.clear(_("No answer yet."))

    def forget_built(self) -> None:
        """Build the raw view again when next shown (presenting mode changed what it masks)."""
        self._built = None

    def show_if_visible(self, current: QWidget | None, mask: Callable[[str], str]) -> None:
        if current is not self.tab:
            return
        view = self.part.get()  # built now, when it is first looked at
        if self._source is None:
            return
        if self._built is None:
            self._built = self._source()
        view.show_view(self._built, mask)
