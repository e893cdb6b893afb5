"""Light, dark or the system's scheme, and the few colours the window adds to the palette.

Qt 6 follows the desktop's colour scheme (``QStyleHints.colorScheme``) and can be asked for one
(``setColorScheme``); platforms that cannot switch (plain X11, offscreen) get a matching palette
from here instead, so the manual override works everywhere. Widgets never hard-code a colour:
they ask :func:`colours` for one that fits the palette in use, and :func:`watch` calls them
again whenever the palette changes. Every text colour here is checked against WCAG AA
(:func:`contrast_ratio`) in both schemes by the tests.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Final, NamedTuple

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from inspector.ui.qt_namespace import Qt

# WCAG 2.x level AA: normal text against its background.
AA_TEXT: Final = 4.5


class Scheme(StrEnum):
    """The operator's choice: follow the system, or always light or dark."""

    SYSTEM = "system"
    LIGHT = "light"
    DARK = "dark"


class Pair(NamedTuple):
    """Text on a background (``#rrggbb``); ``border`` outlines it."""

    background: str
    text: str
    border: str


class Colours(NamedTuple):
    """The window's own colours for one palette."""

    dark: bool
    badges: dict[str, Pair]  # by ``BadgeKind`` value
    status_text: dict[str, str]  # a status as coloured text on the base (the browser's table)
    error: Pair
    demo: Pair
    info: Pair  # a notice that is not a warning (the watch line)
    changed: Pair  # a value that changed since the previous fetch
    secondary_text: str  # details beside a value, on the window background

    def badge(self, kind: str) -> Pair:
        return self.badges.get(kind, self.badges["unknown"])


def _light(window: QColor, window_text: QColor) -> Colours:
    grey = Pair("#5f6368", "#ffffff", "#5f6368")
    return Colours(
        dark=False,
        badges={
            "ready": Pair("#1e7b34", "#ffffff", "#1e7b34"),
            "progress": Pair("#8a5100", "#ffffff", "#8a5100"),
            "neutral": grey,
            "unknown": grey,
        },
        status_text={
            "ready": "#1e7b34",
            "progress": "#8a5100",
            "neutral": "#5f6368",
            "unknown": "#5f6368",
        },
        error=Pair("#fdecea", "#3c0d0a", "#d93025"),
        demo=Pair("#fff4ce", "#3d2e00", "#9c7c00"),
        info=Pair("#e8f0fe", "#0b2a5b", "#1a73e8"),
        changed=Pair("#fff0b3", "#3d2e00", "#8a6d00"),
        secondary_text="#595959",
    )


def _dark(window: QColor, window_text: QColor) -> Colours:
    grey = Pair("#bdc1c6", "#202124", "#bdc1c6")
    return Colours(
        dark=True,
        badges={
            "ready": Pair("#6dd58c", "#00210b", "#6dd58c"),
            "progress": Pair("#ffb95c", "#2b1700", "#ffb95c"),
            "neutral": grey,
            "unknown": grey,
        },
        status_text={
            "ready": "#6dd58c",
            "progress": "#ffb95c",
            "neutral": "#bdc1c6",
            "unknown": "#bdc1c6",
        },
        error=Pair("#410e0b", "#f9dedc", "#f2b8b5"),
        demo=Pair("#3a2f00", "#fff0c2", "#b59a2b"),
        info=Pair("#0e2a4d", "#d2e3fc", "#8ab4f8"),
        changed=Pair("#4a3c00", "#fff0c2", "#d4b237"),
        secondary_text="#b0b0b0",
    )


def is_dark(palette: QPalette) -> bool:
    """Dark when the window background is darker than its text."""
    window = palette.color(QPalette.ColorRole.Window)
    text = palette.color(QPalette.ColorRole.WindowText)
    return relative_luminance(window) < relative_luminance(text)


def colours_for(palette: QPalette) -> Colours:
    window = palette.color(QPalette.ColorRole.Window)
    window_text = palette.color(QPalette.ColorRole.WindowText)
    return _dark(window, window_text) if is_dark(palette) else _light(window, window_text)


def colours() -> Colours:
    """The colours for the application's palette now."""
    return colours_for(QGuiApplication.palette())


def dark_palette() -> QPalette:
    """A dark palette for platforms that cannot switch the scheme themselves."""
    roles = QPalette.ColorRole
    palette = QPalette()
    for role, colour in (
        (roles.Window, "#2b2b2b"),
        (roles.WindowText, "#ececec"),
        (roles.Base, "#1f1f1f"),
        (roles.AlternateBase, "#272727"),
        (roles.Text, "#ececec"),
        (roles.Button, "#353535"),
        (roles.ButtonText, "#ececec"),
        (roles.BrightText, "#ffffff"),
        (roles.Highlight, "#2f65ca"),
        (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#8ab4f8"),
        (roles.LinkVisited, "#c58af9"),
        (roles.ToolTipBase, "#3a3a3a"),
        (roles.ToolTipText, "#ececec"),
        (roles.PlaceholderText, "#9a9a9a"),
        (roles.Light, "#4a4a4a"),
        (roles.Midlight, "#3e3e3e"),
        (roles.Mid, "#5a5a5a"),
        (roles.Dark, "#1a1a1a"),
        (roles.Shadow, "#000000"),
        (roles.Accent, "#2f65ca"),
    ):
        palette.setColor(roles(role), QColor(colour))
    disabled = QPalette.ColorGroup.Disabled
    for role in (roles.WindowText, roles.Text, roles.ButtonText):
        palette.setColor(disabled, role, QColor("#7a7a7a"))
    palette.setColor(disabled, roles.Highlight, QColor("#4a4a4a"))
    return palette


class ThemeManager(QObject):
    """Applies the operator's scheme and says when the palette changed, whoever changed it."""

    changed = Signal()

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self.choice = Scheme.SYSTEM
        # Not an event filter on the application: that one would see every event of every
        # object, and wrapping each of them for Python costs the first paint (each Qt type an
        # event comes from gets its Python class and enums built) and every later event.
        # Qt 6 marks this signal as deprecated in favour of such a filter, but still emits it
        # for every change of the application palette, whoever makes it.
        app.paletteChanged.connect(self.changed)

    def set_choice(self, choice: Scheme) -> None:
        """Follow the system, or force light or dark; takes effect at once."""
        self.choice = choice
        hints = self._app.styleHints()
        if choice is Scheme.SYSTEM:
            hints.unsetColorScheme()
            palette = QPalette()  # sets no role: every role comes from the platform again
        else:
            wanted = Qt.ColorScheme.Dark if choice is Scheme.DARK else Qt.ColorScheme.Light
            hints.setColorScheme(wanted)
            if hints.colorScheme() == wanted:
                palette = QPalette()  # the platform switched: its own palette fits
            else:
                palette = dark_palette() if choice is Scheme.DARK else _light_palette()
        # On QApplication, not QGuiApplication, so widgets take it at once, not after an event.
        QApplication.setPalette(palette)


def _light_palette() -> QPalette:
    """The light palette of the Fusion style, the one a desktop without a theme shows."""
    style = QStyleFactory.create("Fusion")  # untranslated: a Qt style's name
    try:
        return style.standardPalette()
    finally:
        style.deleteLater()


_manager: ThemeManager | None = None


def manager() -> ThemeManager:
    """The application's one theme manager, made on first use."""
    global _manager
    app = QApplication.instance()
    assert isinstance(app, QApplication), "a QApplication must exist first"
    if _manager is None or _manager.parent() is not app:
        _manager = ThemeManager(app)
    return _manager


def set_style(widget: QWidget, style: str) -> None:
    """Give ``widget`` the style sheet ``style``, unless it has it already: each new sheet makes
    Qt compute the widget's style again, and a fetch restyles every row of the form."""
    if widget.styleSheet() != style:
        widget.setStyleSheet(style)


def watch(restyle: Callable[[], None]) -> None:
    """Call ``restyle`` now and after every palette change.

    ``restyle`` is a method of a widget, so Qt ends the connection when the widget goes.
    """
    restyle()
    manager().changed.connect(restyle)


def relative_luminance(colour: QColor | str) -> float:
    """WCAG 2.x relative luminance of an sRGB colour (0 black .. 1 white)."""
    # Not QColor(colour): copying a QColor goes through an overload check that builds Qt's
    # namespace (see qt_namespace), and the start reads the palette's colours.
    qcolour = colour if isinstance(colour, QColor) else QColor(colour)

    def linear(channel: float) -> float:
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(c) for c in (qcolour.redF(), qcolour.greenF(), qcolour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: QColor | str, second: QColor | str) -> float:
    """WCAG 2.x contrast ratio, 1 (none) to 21 (black on white); AA text needs 4.5."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def badge_style(object_name: str, pair: Pair) -> str:
    """A rounded pill in ``pair``'s colours; the border keeps a same-colour badge visible."""
    return (
        f"#{object_name} {{ background: {pair.background}; color: {pair.text};"
        f" border: 1px solid {pair.border}; border-radius: 9px; padding: 2px 10px;"
        " font-weight: 600; }"
    )


def banner_style(selector: str, pair: Pair) -> str:
    """A framed notice in ``pair``'s colours; labels inside take its text colour."""
    return (
        f"{selector} {{ background: {pair.background}; color: {pair.text};"
        f" border: 1px solid {pair.border}; border-radius: 6px; }}"
        f" {selector} QLabel {{ color: {pair.text}; background: transparent; border: none; }}"
    )
