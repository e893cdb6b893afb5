"""The status badge: colour, a shape and the text, so it never relies on colour alone.

The shape is an SVG icon drawn for the screen's real resolution; the colours come from the
theme (light or dark, each checked for WCAG AA contrast).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from PySide6.QtWidgets import QLabel, QWidget

from inspector.i18n import _
from inspector.ui import theme
from inspector.ui.qt_namespace import set_enum_property
from inspector.ui.widgets.inert import plain, selectable, set_tooltip

if TYPE_CHECKING:
    from PySide6.QtGui import QPaintEvent, QPixmap

    from inspector.present.status import StatusView

ICON_SIZE: Final = 14
_ICON_LEFT: Final = 8


class StatusBadge(QLabel):
    """A rounded label showing one :class:`StatusView`, its shape drawn at its left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBadge")
        selectable(plain(self))  # plain: an unknown status is the server's text
        self.kind = ""
        self._icon: tuple[tuple[str, str, float], QPixmap] | None = None
        self.clear_status()
        theme.watch(self._restyle)

    def clear_status(self) -> None:
        self.kind = ""
        self.setText("")
        self.setToolTip("")
        self.setAccessibleName("")  # nothing shown, nothing to say
        self.setAccessibleDescription("")
        set_enum_property(self, "focusPolicy", "NoFocus")  # at start too: see qt_namespace
        self._restyle()

    def show_status(self, status: StatusView) -> None:
        self.kind = str(status.kind)
        text = status.text
        if self.kind == "unknown" and status.named:
            text = _("{status} (unknown status)").format(status=status.text)
        self.setText(text)
        set_tooltip(self, status.description)
        self.setAccessibleName(self.spoken(text, status.description))
        self.setAccessibleDescription("")
        set_enum_property(self, "focusPolicy", "StrongFocus")
        self._restyle()

    def spoken(self, text: str, description: str) -> str:
        """ "Status: ACTIVE, image is ready to use": the word shown, then what it means."""
        meaning = description.rstrip(".")
        meaning = meaning[:1].lower() + meaning[1:]
        return _("Status: {status}, {meaning}").format(status=text, meaning=meaning)

    def _restyle(self) -> None:
        if not self.kind:
            theme.set_style(self, "")
            return
        style = theme.badge_style("statusBadge", theme.colours().badge(self.kind))
        theme.set_style(
            self, style + f" #statusBadge {{ padding-left: {_ICON_LEFT + ICON_SIZE + 6}px; }}"
        )
        self.update()

    def icon_pixmap(self) -> QPixmap:
        """The shape of the status, in the badge's text colour, for this screen's scale."""
        colour = theme.colours().badge(self.kind).text
        ratio = self.devicePixelRatioF()
        key = (self.kind, colour, ratio)
        if self._icon is None or self._icon[0] != key:
            from PySide6.QtCore import QSize

            from inspector.ui.widgets import icons  # with the first status shown, not at start

            name = icons.status_icon_name(self.kind)
            self._icon = (key, icons.render(name, QSize(ICON_SIZE, ICON_SIZE), ratio, colour))
        return self._icon[1]

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.kind:
            return
        from PySide6.QtGui import QPainter

        painter = QPainter(self)
        try:
            top = (self.height() - ICON_SIZE) // 2
            painter.drawPixmap(_ICON_LEFT, top, self.icon_pixmap())
        finally:
            painter.end()
