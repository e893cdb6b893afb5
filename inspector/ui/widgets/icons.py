"""SVG icons drawn at the screen's real resolution, in any colour, sharp at every scale.

Drawn with Qt SVG's renderer directly, not through Qt's SVG icon plugin, so the frozen build
needs no image plugin; a pixmap is rendered for the device pixel ratio it is asked for, never
scaled up from a smaller one. The files are black shapes; the colour comes from the theme.
The application's own icon is the one bitmap set, in every size the package ships.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRect, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPixmap

from inspector.resources import ICONS, icon_files
from inspector.ui.qt_namespace import Qt


def icon_path(name: str) -> str:
    """``status-ready`` -> the path of ``status-ready.svg`` in the package's icons."""
    return str(ICONS / f"{name}.svg")


def status_icon_name(kind: str) -> str:
    """The icon of a status badge kind (``ready``, ``progress``, ...)."""
    return f"status-{kind}"


def render(name: str, size: QSize, device_pixel_ratio: float, colour: QColor | str) -> QPixmap:
    """``name`` at ``size`` logical pixels for a screen of ``device_pixel_ratio``."""
    from PySide6.QtSvg import QSvgRenderer  # loaded with the first icon, not before the paint

    width = math.ceil(size.width() * device_pixel_ratio)
    height = math.ceil(size.height() * device_pixel_ratio)
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        QSvgRenderer(icon_path(name)).render(painter, QRectF(0, 0, width, height))
        # Keep the shape's coverage, take the colour: a tinted icon with the same edges.
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(image.rect(), QColor(colour))
    finally:
        painter.end()
    pixmap = QPixmap.fromImage(image)
    pixmap.setDevicePixelRatio(device_pixel_ratio)
    return pixmap


class _SvgEngine(QIconEngine):
    """Renders for the exact size and scale each view asks, instead of scaling one bitmap."""

    def __init__(self, name: str, colour: QColor) -> None:
        super().__init__()
        self._name = name
        self._colour = QColor(colour)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        scale = painter.device().devicePixelRatioF() if painter.device() else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, scale))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        colour = QColor(self._colour)
        if mode == QIcon.Mode.Disabled:
            colour.setAlphaF(colour.alphaF() * 0.45)
        return render(self._name, size, scale, colour)

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._name, self._colour)


def svg_icon(name: str, colour: QColor | str) -> QIcon:
    """An icon that views draw crisply at 100 %, 150 %, 200 % and anything between."""
    return QIcon(_SvgEngine(name, QColor(colour)))


def window_icon() -> QIcon:
    """The application icon with every size, for the window, the taskbar and the dock."""
    icon = QIcon()
    for item in icon_files():
        icon.addFile(str(item))
    return icon
