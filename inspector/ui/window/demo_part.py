"""The demo's marks on the window: the DEMO banner and the list of its sample images.

The list is built the first time the demo is shown (most starts show no demo); until then an
empty widget holds its place in the splitter, so the splitter keeps two parts either way and
its saved sizes fit a start with or without the demo.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from inspector.i18n import _
from inspector.ui import theme
from inspector.ui.on_first_use import OnFirstUse
from inspector.ui.widgets.inert import plain, selectable, tooltip_text

if TYPE_CHECKING:
    from PySide6.QtWidgets import QListWidget, QListWidgetItem

    from inspector.ui.page.image_page import ImagePage


class DemoPart(QObject):
    """The banner above the tabs and the list in the splitter's first place; ``page`` is the
    current image page, ``mask`` what the window may show of a text now. A child of the
    window, so the theme stops restyling it when the window goes."""

    def __init__(
        self,
        window: QMainWindow,
        splitter: QSplitter,
        page: Callable[[], ImagePage],
        mask: Callable[[str], str],
    ) -> None:
        super().__init__(window)
        self._window = window
        self._splitter = splitter
        self._page = page
        self._mask = mask
        self._images: list[tuple[str, str]] = []
        self.banner = plain(QLabel(window))
        self.banner.setObjectName("demoBanner")
        self.banner.setWordWrap(True)
        selectable(self.banner, by_keyboard=False)
        # Labels whose text changes are named by that text (Qt's default for a label), and
        # described by what they are: a fixed name would hide what they say.
        self.banner.setAccessibleDescription(_("Demo"))
        self.banner.hide()
        place = QWidget(window)
        place.hide()
        splitter.addWidget(place)
        self.list_part = OnFirstUse(self._build_list)
        theme.watch(self._restyle)

    def _restyle(self) -> None:
        self.banner.setStyleSheet(
            theme.banner_style("QLabel#demoBanner", theme.colours().demo)
            + " QLabel#demoBanner { padding: 6px; }"
        )

    def _build_list(self) -> QListWidget:
        from PySide6.QtWidgets import QListWidget

        demo_list = QListWidget(self._window)
        demo_list.setObjectName("demoImageList")
        demo_list.setAccessibleName(_("Demo images"))
        demo_list.setToolTip(_("Sample images of the demo API: click or press Enter to fetch"))
        demo_list.setAccessibleDescription(demo_list.toolTip())
        demo_list.setAlternatingRowColors(True)
        demo_list.itemActivated.connect(self._item_chosen)
        demo_list.itemClicked.connect(self._item_chosen)
        demo_list.hide()
        place = self._splitter.replaceWidget(0, demo_list)
        if place is not None:
            place.deleteLater()
        return demo_list

    def show(self, base_url: str, images: list[tuple[str, str]]) -> None:
        """Mark the window as DEMO and list the demo's image IDs for a newcomer to click."""
        self._window.setWindowTitle(_("DEMO"))
        self.banner.setText(
            _(
                "DEMO \u2014 connected to the built-in demo API at {url}. The images are "
                "samples, not your cloud. Pick one on the left, or paste an ID."
            ).format(url=base_url)
        )
        self.banner.show()
        self.list_images(images)
        self.list_part.get().show()
        self._splitter.setSizes([300, 700])

    def list_images(self, images: list[tuple[str, str]]) -> None:
        """List the sample images (IDs and summaries) in the list :meth:`show` put on screen:
        the start shows the list empty and fills it right after the first paint."""
        self._images = list(images)
        self.fill()

    def leave(self) -> None:
        """Back to a normal window after the user connected somewhere else."""
        self._window.setWindowTitle("")
        self.banner.hide()
        if (demo_list := self.list_part.if_built()) is not None:
            demo_list.hide()

    def fill(self) -> None:
        """List the demo's images, their IDs masked while presenting."""
        if self.list_part.if_built() is None and not self._images:
            return
        from PySide6.QtWidgets import QListWidgetItem

        demo_list = self.list_part.get()
        demo_list.clear()
        for image_id, summary in self._images:
            item = QListWidgetItem(f"{self._mask(image_id)}\n{summary}", demo_list)
            item.setToolTip(tooltip_text(summary))

    def _item_chosen(self, item: QListWidgetItem) -> None:
        # Row i is image i (the item's own data would need a role from Qt's namespace, which
        # the first frame does without: see qt_namespace).
        image_id = self._images[self.list_part.get().row(item)][0]
        page = self._page()
        if page.busy and page.state.fetching_id == image_id:
            return  # a click right after the keyboard activation: already fetching it
        page.open(image_id)
