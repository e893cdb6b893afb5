"""Every colour the window adds is readable: WCAG AA contrast in the light and the dark palette."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from inspector.present.status import BadgeKind
from inspector.ui.theme import AA_TEXT, Colours, colours_for, contrast_ratio, dark_palette

# WCAG 2.1 1.4.11: the outline of a component against what is around it.
AA_NON_TEXT = 3.0
ROLES = QPalette.ColorRole


def light_palette() -> QPalette:
    style = QStyleFactory.create("Fusion")
    try:
        return style.standardPalette()
    finally:
        style.deleteLater()


@pytest.fixture(params=["light", "dark"])
def palette(request: pytest.FixtureRequest, qapp: QApplication) -> QPalette:
    del qapp  # QStyleFactory needs the application
    return light_palette() if request.param == "light" else dark_palette()


def colour(palette: QPalette, role: QPalette.ColorRole) -> str:
    return palette.color(role).name()


@pytest.mark.parametrize(
    ("first", "second", "ratio"),
    [
        ("#000000", "#ffffff", 21.0),
        ("#ffffff", "#000000", 21.0),
        ("#767676", "#ffffff", 4.54),  # the lightest grey that passes AA on white
        ("#777777", "#ffffff", 4.48),
        ("#123456", "#123456", 1.0),
    ],
)
def test_contrast_ratio_is_wcag(first: str, second: str, ratio: float) -> None:
    assert contrast_ratio(first, second) == pytest.approx(ratio, abs=0.01)


def test_the_palettes_are_what_they_claim(palette: QPalette) -> None:
    scheme = colours_for(palette)
    window = palette.color(ROLES.Window).lightness()
    assert scheme.dark == (window < 128)


@pytest.mark.parametrize("kind", list(BadgeKind))
def test_badge_text_meets_aa(palette: QPalette, kind: BadgeKind) -> None:
    pair = colours_for(palette).badge(str(kind))
    assert contrast_ratio(pair.text, pair.background) >= AA_TEXT, (kind, pair)


@pytest.mark.parametrize("kind", list(BadgeKind))
def test_badge_outline_stands_out_from_the_window(palette: QPalette, kind: BadgeKind) -> None:
    pair = colours_for(palette).badge(str(kind))
    assert contrast_ratio(pair.border, colour(palette, ROLES.Window)) >= AA_NON_TEXT, (kind, pair)


def test_every_kind_has_its_own_badge(palette: QPalette) -> None:
    badges = colours_for(palette).badges
    assert set(badges) == {str(kind) for kind in BadgeKind}


@pytest.mark.parametrize("role", [ROLES.Base, ROLES.AlternateBase])
def test_status_text_in_tables_meets_aa(palette: QPalette, role: QPalette.ColorRole) -> None:
    for kind, text in colours_for(palette).status_text.items():
        assert contrast_ratio(text, colour(palette, role)) >= AA_TEXT, (kind, text)


@pytest.mark.parametrize("banner", ["error", "demo", "info", "changed"])
def test_banners_meet_aa(palette: QPalette, banner: str) -> None:
    scheme: Colours = colours_for(palette)
    pair = getattr(scheme, banner)
    assert contrast_ratio(pair.text, pair.background) >= AA_TEXT
    assert contrast_ratio(pair.border, pair.background) >= AA_NON_TEXT


@pytest.mark.parametrize("role", [ROLES.Window, ROLES.Base])
def test_secondary_text_meets_aa(palette: QPalette, role: QPalette.ColorRole) -> None:
    text = colours_for(palette).secondary_text
    assert contrast_ratio(text, colour(palette, role)) >= AA_TEXT


@pytest.mark.parametrize(
    ("text", "background"),
    [
        (ROLES.WindowText, ROLES.Window),
        (ROLES.Text, ROLES.Base),
        (ROLES.Text, ROLES.AlternateBase),
        (ROLES.ButtonText, ROLES.Button),
        (ROLES.HighlightedText, ROLES.Highlight),
        (ROLES.ToolTipText, ROLES.ToolTipBase),
        (ROLES.Link, ROLES.Base),
    ],
)
def test_the_dark_palette_itself_meets_aa(
    qapp: QApplication, text: QPalette.ColorRole, background: QPalette.ColorRole
) -> None:
    del qapp
    palette = dark_palette()
    assert contrast_ratio(colour(palette, text), colour(palette, background)) >= AA_TEXT
