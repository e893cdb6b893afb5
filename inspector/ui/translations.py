"""The window in the operator's language: the one catalogue, and Qt's own words beside it.

Every sentence of ours, in the window as on the command line, comes from the gettext catalogue
(:mod:`inspector.i18n`); if it is missing or unreadable the whole window stays in English, with
a log line naming the file. Qt's own words (the buttons of standard dialogs, the text fields'
context menus) come from Qt's translations where they are installed.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from inspector.config.language import saved_language
from inspector.i18n import (
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    choose_language,
    system_languages,
    use_language,
)

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def window_language(option: str | None) -> str:
    """``--lang``, else the language menu's saved choice, else the system's, else English.

    The environment is asked first, as gettext and the CLI do; where it says nothing (Windows,
    macOS) the languages the desktop is set to.
    """
    preferred = system_languages() or list(QLocale.system().uiLanguages())
    return choose_language(option or saved_language(), preferred)


def _qt_own_translator(app: QCoreApplication, language: str, locale_dir: Path) -> QTranslator:
    """Qt's translation of its own words, beside ours (frozen build) or in Qt's folder."""
    translator = QTranslator(app)
    for folder in (locale_dir, Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        if translator.load(f"qtbase_{language}", str(folder)):
            return translator
    log.info("Qt's own %s translation is not installed; its dialogs stay in English", language)
    return translator


def install(app: QCoreApplication, language: str, locale_dir: Path = LOCALE_DIR) -> str:
    """Speak ``language`` in the window and in the presented text; returns the one in effect."""
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    effective = use_language(language, locale_dir)
    if effective != SOURCE_LANGUAGE:
        qt_own = _qt_own_translator(app, effective, locale_dir)
        app.installTranslator(qt_own)
        _installed.append(qt_own)
    QLocale.setDefault(QLocale(effective))
    return effective
