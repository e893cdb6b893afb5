"""The operator's language: a gettext catalogue shared by ``present/``, the CLI and the window.

Qt-free and below every layer, so the window, the CLI and ``present/`` all speak from the one
catalogue (``resources/i18n/inspector_<language>.po``). English is the source: with no catalogue
every message is its own translation, so English needs no file and a missing or broken
catalogue can always fall back to it. Numbers and dates follow the chosen language's conventions
(``20 ГиБ``, ``21 474 836 480 байт``, ``02.01.2025``).

The language is chosen once per process: ``--lang`` beats the saved menu setting
(:mod:`inspector.config.language`), which beats the system's locale; anything unknown is English.
"""

from __future__ import annotations

import gettext
import logging
import os
import struct
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Final, NamedTuple

log = logging.getLogger(__name__)

SOURCE_LANGUAGE: Final = "en"
# Each language by its own name, as a language menu shows it.
LANGUAGES: Final = {"en": "English", "ru": "Русский"}  # untranslated: each in its own words
SYSTEM: Final = "system"
DOMAIN: Final = "inspector"
LOCALE_DIR: Final = Path(__file__).with_name("locale")
_LOCALE_VARIABLES: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


class Conventions(NamedTuple):
    """How a language writes numbers and dates (the CLDR symbols of each)."""

    decimal: str
    group: str
    date: str  # a str.format pattern over the zero-padded ``year``, ``month`` and ``day``


_CONVENTIONS: Final = {
    "en": Conventions(decimal=".", group=",", date="{year}-{month}-{day}"),  # untranslated
    # CLDR groups Russian digits with a no-break space, so a number never wraps mid-way.
    "ru": Conventions(decimal=",", group="\u00a0", date="{day}.{month}.{year}"),  # untranslated
}

_catalogue: gettext.NullTranslations = gettext.NullTranslations()
_language: str = SOURCE_LANGUAGE


def _(message: str) -> str:
    """``message`` in the current language."""
    return _catalogue.gettext(message)


def N_(message: str) -> str:
    """Marks ``message`` for the catalogue where it is defined; translate it where it is shown."""
    return message


def ngettext(singular: str, plural: str, count: int) -> str:
    """The form of a phrase for ``count`` (Russian has three)."""
    return _catalogue.ngettext(singular, plural, count)


def pgettext(context: str, message: str) -> str:
    """``message`` in the current language, told apart from the same English in another use."""
    return _catalogue.pgettext(context, message)


def current_language() -> str:
    return _language


def conventions() -> Conventions:
    return _CONVENTIONS[_language]


def format_integer(number: int) -> str:
    """``21474836480 -> "21,474,836,480"`` (English) or ``"21 474 836 480"`` (Russian)."""
    return f"{number:,}".replace(",", conventions().group)


def normalize(tag: str) -> str | None:
    """The supported language a locale or language tag means (``ru_RU.UTF-8 -> ru``), or None.

    ``C`` and ``POSIX`` are the untranslated locale, so they mean English.
    """
    base = tag.strip().split(".", 1)[0].split("@", 1)[0]
    if base in ("C", "POSIX"):
        return SOURCE_LANGUAGE
    primary = base.replace("-", "_").split("_", 1)[0].lower()
    return primary if primary in LANGUAGES else None


def system_languages(environ: Mapping[str, str] | None = None) -> list[str]:
    """The user's languages, most wanted first, read the way gettext reads them.

    The first of ``LANGUAGE`` (a colon-separated list), ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``
    that is set; on Windows, where none usually is, the locale Python started with.
    """
    env = os.environ if environ is None else environ
    for name in _LOCALE_VARIABLES:
        if value := env.get(name, "").strip():
            return [part for part in value.split(":") if part]
    if os.name == "nt":  # pragma: no cover (Windows only)
        import locale

        tag = locale.getlocale()[0]
        return [locale.normalize(tag)] if tag else []
    return []


def choose_language(override: str | None, preferred: Iterable[str]) -> str:
    """``override`` (a language, ``system`` or None) wins; then the first supported preference.

    An override nobody supports falls back to English with a log line, as does a system whose
    languages are all unsupported.
    """
    if override and override != SYSTEM:
        language = normalize(override)
        if language is None:
            log.warning("unknown language %r; using English", override)
            return SOURCE_LANGUAGE
        return language
    wanted = list(preferred)
    for tag in wanted:
        if (language := normalize(tag)) is not None:
            return language
    if wanted:
        log.info("no translation for the system's languages %s; using English", wanted)
    return SOURCE_LANGUAGE


def catalogue_path(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    return locale_dir / language / "LC_MESSAGES" / f"{DOMAIN}.mo"


def use_language(language: str, locale_dir: Path = LOCALE_DIR) -> str:
    """Speak ``language`` from now on; returns the language in effect.

    A catalogue that is missing or cannot be read leaves English, with a log line that names
    the file: a half-translated or garbled interface would be worse than the source language.
    """
    global _catalogue, _language
    catalogue: gettext.NullTranslations = gettext.NullTranslations()
    effective = SOURCE_LANGUAGE
    if language in LANGUAGES and language != SOURCE_LANGUAGE:
        path = catalogue_path(language, locale_dir)
        try:
            with path.open("rb") as handle:
                catalogue = gettext.GNUTranslations(handle)
            effective = language
        except FileNotFoundError:
            log.warning("no %s translation at %s; using English", LANGUAGES[language], path)
        except (OSError, ValueError, LookupError, UnicodeError, struct.error) as error:
            log.warning("the translation %s cannot be read (%s); using English", path, error)
    elif language not in LANGUAGES:
        log.warning("unknown language %r; using English", language)
    _catalogue, _language = catalogue, effective
    return effective


def localize_argparse() -> None:
    """Route argparse's own words (``usage:``, ``invalid choice: ...``) through the catalogue.

    argparse looks them up in gettext's global domain, which only environment variables can
    point at a language; replacing its two lookup functions makes ``--lang`` hold for them too.
    """
    import argparse

    argparse._ = _  # type: ignore[attr-defined]
    argparse.ngettext = ngettext  # type: ignore[attr-defined]


def language_from_argv(argv: Sequence[str]) -> str | None:
    """The value of ``--lang`` in ``argv``, read before argparse so its help is translated too."""
    value: str | None = None
    arguments = iter(argv)
    for argument in arguments:
        if argument == "--":
            break
        if argument == "--lang":
            value = next(arguments, None)
        elif argument.startswith("--lang="):
            value = argument.partition("=")[2]
    return value
