"""The window in Russian, or whole in English when a translation is missing or broken."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from inspector import i18n
from inspector.i18n import catalogue_path, qt_catalogue_path, save_language
from inspector.present.sizes import exact_bytes, human_size
from inspector.ui import translations
from inspector.ui.about_dialog import AboutDialog

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    translations.install(qapp, "en")


def about_title(qtbot: QtBot) -> str:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    return dialog.windowTitle()


def test_russian_reaches_the_widgets_and_the_presented_text(
    app: QApplication, qtbot: QtBot
) -> None:
    assert translations.install(app, "ru") == "ru"
    assert about_title(qtbot) == "О программе Cloud Desktop Image Inspector"  # noqa: RUF001
    assert human_size(21_474_836_480) == "20 ГиБ"
    assert exact_bytes(21_474_836_480) == "21\u00a0474\u00a0836\u00a0480 байт"
    assert QLocale().language() == QLocale.Language.Russian


def test_back_to_english(app: QApplication, qtbot: QtBot) -> None:
    translations.install(app, "ru")
    assert translations.install(app, "en") == "en"
    assert about_title(qtbot) == "About Cloud Desktop Image Inspector"
    assert human_size(21_474_836_480) == "20 GiB"


def _locale_with(tmp_path: Path, *, mo: bytes | None, qm: bytes | None) -> Path:
    folder = tmp_path / "locale"
    if mo is not None:
        catalogue_path("ru", folder).parent.mkdir(parents=True)
        catalogue_path("ru", folder).write_bytes(mo)
    if qm is not None:
        folder.mkdir(exist_ok=True)
        qt_catalogue_path("ru", folder).write_bytes(qm)
    return folder


@pytest.mark.parametrize(
    ("mo", "qm", "complaint"),
    [
        ("good", None, "is missing"),
        ("good", "garbage", "cannot be read"),
        (None, "good", "no Русский translation"),
        ("garbage", "good", "cannot be read"),
    ],
)
def test_a_missing_or_broken_half_leaves_all_of_it_english(
    app: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    mo: str | None,
    qm: str | None,
    complaint: str,
) -> None:
    files = {
        "good_mo": catalogue_path("ru").read_bytes(),
        "good_qm": qt_catalogue_path("ru").read_bytes(),
        "garbage": b"\x00 not a translation at all \xff" * 3,
    }
    folder = _locale_with(
        tmp_path,
        mo=None if mo is None else files.get(f"{mo}_mo", files["garbage"]),
        qm=None if qm is None else files.get(f"{qm}_qm", files["garbage"]),
    )
    with caplog.at_level(logging.WARNING):
        assert translations.install(app, "ru", folder) == "en"
    assert complaint in caplog.text
    assert about_title(qtbot) == "About Cloud Desktop Image Inspector"
    assert human_size(1024) == "1 KiB"


def test_the_translations_load_from_any_folder(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """The frozen build puts them beside the executable, not in the source tree."""
    shutil.copytree(i18n.LOCALE_DIR, tmp_path / "locale")
    assert translations.install(app, "ru", tmp_path / "locale") == "ru"
    assert about_title(qtbot).startswith("О программе")  # noqa: RUF001


@pytest.mark.parametrize(
    ("option", "saved", "system", "language"),
    [
        ("ru", "en", "en_US.UTF-8", "ru"),  # --lang wins
        (None, "ru", "en_US.UTF-8", "ru"),  # then the menu's saved choice
        (None, "system", "ru_RU.UTF-8", "ru"),  # "system" follows the system
        (None, None, "ru_RU.UTF-8", "ru"),
        (None, None, "de_DE.UTF-8", "en"),  # a language with no translation
        ("klingon", None, "ru_RU.UTF-8", "en"),  # an unknown override is English
    ],
)
def test_which_language_the_window_speaks(
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    saved: str | None,
    system: str,
    language: str,
) -> None:
    monkeypatch.setenv("LANGUAGE", system)
    if saved is not None:
        save_language(saved)
    assert translations.window_language(option) == language
