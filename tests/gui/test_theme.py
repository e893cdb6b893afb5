"""Light, dark and the system's scheme, switched by the override as an operator would.

The offscreen platform reports no system scheme and cannot switch one, which is exactly the
case the override's own palettes are for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QWidget
from pytestqt.qtbot import QtBot

from inspector.ui import theme
from inspector.ui.app import remember_window
from inspector.ui.theme import Scheme
from inspector.ui.window.main_window import MainWindow
from inspector.ui.window.window_state import WindowState
from tests.gui.driver import Running

pytestmark = pytest.mark.gui


@pytest.fixture
def manager(qapp: QApplication) -> Iterator[theme.ThemeManager]:
    del qapp
    manager = theme.manager()
    yield manager
    manager.set_choice(Scheme.SYSTEM)


def window_colour() -> str:
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).name()


class Swatch(QLabel):
    """A widget that paints in a theme colour, as the badge and the banners do."""

    def __init__(self) -> None:
        super().__init__("ACTIVE")
        self.restyled = 0
        theme.watch(self.restyle)

    def restyle(self) -> None:
        self.restyled += 1
        self.setStyleSheet(theme.badge_style("swatch", theme.colours().badge("ready")))


def test_offscreen_has_no_system_scheme_so_system_is_light(
    manager: theme.ThemeManager,
) -> None:
    assert QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Unknown
    manager.set_choice(Scheme.SYSTEM)
    assert not theme.colours().dark


def test_the_override_switches_the_palette_both_ways(manager: theme.ThemeManager) -> None:
    light = window_colour()
    manager.set_choice(Scheme.DARK)
    assert theme.colours().dark
    assert theme.is_dark(QGuiApplication.palette())
    manager.set_choice(Scheme.LIGHT)
    assert not theme.colours().dark
    assert window_colour() == light
    manager.set_choice(Scheme.DARK)
    manager.set_choice(Scheme.SYSTEM)
    assert window_colour() == light


def test_watchers_restyle_on_every_switch_and_stop_when_gone(
    manager: theme.ThemeManager, qtbot: QtBot
) -> None:
    swatch = Swatch()
    qtbot.addWidget(swatch)
    assert swatch.restyled == 1
    light_badge = theme.colours().badge("ready")
    manager.set_choice(Scheme.DARK)
    qtbot.waitUntil(lambda: swatch.restyled == 2)
    dark_badge = theme.colours().badge("ready")
    assert dark_badge != light_badge
    assert dark_badge.background in swatch.styleSheet()
    swatch.deleteLater()
    qtbot.waitUntil(lambda: not swatch_alive(swatch))
    manager.set_choice(Scheme.LIGHT)  # no call into the deleted widget


def swatch_alive(swatch: Swatch) -> bool:
    from shiboken6 import isValid

    return bool(isValid(swatch))


def test_the_dark_palette_reaches_widgets(manager: theme.ThemeManager, qtbot: QtBot) -> None:
    label = QLabel("text")
    qtbot.addWidget(label)
    manager.set_choice(Scheme.DARK)
    qtbot.waitUntil(lambda: theme.is_dark(label.palette()))
    manager.set_choice(Scheme.LIGHT)
    qtbot.waitUntil(lambda: not theme.is_dark(label.palette()))


def show_active_image(running: Running, qtbot: QtBot) -> MainWindow:
    """The window, once it shows the demo's ACTIVE image."""
    window = running.window
    window.page.id_edit.setText("e3vdemoactive0000001")
    window.page.request_fetch()
    qtbot.waitUntil(lambda: window.page.form.badge.kind == "ready", timeout=10_000)
    return window


def right_end_colour(widget: QWidget, inset: int) -> str:
    """The colour ``inset`` pixels in from ``widget``'s right end, half way down."""
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - inset, image.height() // 2).name()


def badge_background(window: MainWindow) -> str:
    # The right end of the pill, clear of the icon at its left and of the text.
    return right_end_colour(window.page.form.badge, 4)


def test_the_window_follows_the_override(
    manager: theme.ThemeManager, qtbot: QtBot, running: Running
) -> None:
    window = show_active_image(running, qtbot)
    light = theme.colours().badge("ready").background
    qtbot.waitUntil(lambda: badge_background(window) == light)
    window.theme_actions[Scheme.DARK].trigger()
    dark = theme.colours().badge("ready").background
    assert dark != light
    qtbot.waitUntil(lambda: badge_background(window) == dark)
    assert theme.colours().demo.background in window.demo_banner.styleSheet()
    window.theme_actions[Scheme.SYSTEM].trigger()
    qtbot.waitUntil(lambda: badge_background(window) == light)


def value_background(window: MainWindow) -> str:
    # The right end of the value, clear of its text.
    return right_end_colour(window.page.form.values["name"], 2)


def test_values_show_the_window_behind_them_in_either_scheme(
    manager: theme.ThemeManager, qtbot: QtBot, running: Running
) -> None:
    window = show_active_image(running, qtbot)
    qtbot.waitUntil(lambda: value_background(window) == window_colour())
    window.theme_actions[Scheme.DARK].trigger()
    qtbot.waitUntil(lambda: theme.is_dark(QGuiApplication.palette()))
    qtbot.waitUntil(lambda: value_background(window) == window_colour())


def test_the_choice_is_kept_for_the_next_start(manager: theme.ThemeManager, qtbot: QtBot) -> None:
    first = MainWindow()
    qtbot.addWidget(first)
    remember_window(first, WindowState())
    first.theme_actions[Scheme.DARK].trigger()
    first.close()
    manager.set_choice(Scheme.SYSTEM)  # as a new process starts

    second = MainWindow()
    qtbot.addWidget(second)
    remember_window(second, WindowState())
    assert manager.choice is Scheme.DARK
    assert second.theme_actions[Scheme.DARK].isChecked()
    assert theme.colours().dark


def test_a_nonsense_saved_scheme_is_the_system_one(
    manager: theme.ThemeManager, qtbot: QtBot
) -> None:
    state = WindowState()
    state.set_value("appearance/scheme", "purple")
    window = MainWindow()
    qtbot.addWidget(window)
    remember_window(window, state)
    assert manager.choice is Scheme.SYSTEM
