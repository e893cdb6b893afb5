"""Build the translations: the one gettext catalogue, ``.po`` to ``.mo``.

``python -m tools.i18n_build`` compiles ``resources/i18n`` into ``inspector/locale``, where
the app and the frozen build find them; every package build (a wheel, an editable install: see
``setup.py``) runs :func:`build` by itself, so an install always has them. The compiled
files are not kept in the repository: they are derived, binary, and would drift from their
sources; a test rebuilds them and fails if the installed ones are stale.

``python -m tools.i18n_build --update`` first refreshes the sources from the code: new
messages come in untranslated, fuzzy-matched ones are marked for review, vanished ones leave.
A test fails until every message has its translation.

A development tool (it needs Babel); the app never imports it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Final

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

import inspector
from inspector.i18n import (
    DOMAIN,
    LANGUAGES,
    LOCALE_DIR,
    SOURCE_LANGUAGE,
    catalogue_path,
)

PACKAGE: Final = Path(inspector.__file__).resolve().parent
SOURCES: Final = PACKAGE.parent / "resources" / "i18n"
TRANSLATED: Final = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)
# The calls that mark a message for the catalogue (Babel's keyword specs).
KEYWORDS: Final = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
COMMENT_TAGS: Final = ("Translators:",)
PROJECT: Final = "Cloud Desktop Image Inspector"


def po_path(language: str) -> Path:
    return SOURCES / f"{DOMAIN}_{language}.po"


def python_sources() -> list[Path]:
    """Every module of the app, in a stable order (the build tool itself marks nothing)."""
    return sorted(path for path in PACKAGE.rglob("*.py") if path.name != "i18n_build.py")


def extract_messages() -> Catalog:
    """The template: every message the code marks, and argparse's own words (``usage:``).

    argparse's are taken from the running Python's copy of it, so a new Python with reworded
    messages shows up as untranslated messages, not as silent English.
    """
    template = Catalog(domain=DOMAIN, project=PROJECT, charset="utf-8")
    sources = [(path, path.relative_to(PACKAGE.parent).as_posix()) for path in python_sources()]
    sources.append((Path(argparse.__file__), "argparse.py"))
    for path, location in sources:
        for line, message, comments, context in extract_from_file(
            "python", str(path), keywords=KEYWORDS, comment_tags=COMMENT_TAGS
        ):
            template.add(
                message,
                None,
                [(location, line)],
                auto_comments=comments,
                context=context,
                flags=("python-brace-format",) if "{" in str(message) else (),
            )
    return template


def read_catalogue(path: Path) -> Catalog:
    with path.open("rb") as handle:
        return read_po(handle, abort_invalid=True)


def update_po(language: str) -> None:
    """Merge the code's messages into the language's ``.po`` (new ones untranslated)."""
    path = po_path(language)
    if path.exists():
        catalogue = read_catalogue(path)
    else:
        catalogue = Catalog(
            locale=language,
            domain=DOMAIN,
            header_comment=f"# {LANGUAGES[language]} messages of Cloud Desktop Image Inspector.",
            project=PROJECT,
            charset="utf-8",
            fuzzy=False,
        )
    catalogue.update(extract_messages(), update_header_comment=False, update_creation_date=False)
    catalogue.obsolete.clear()
    with path.open("wb") as handle:
        write_po(handle, catalogue, width=100, include_lineno=False, sort_output=False)


def compile_po(language: str, locale_dir: Path = LOCALE_DIR) -> Path:
    """The ``.mo`` the app loads; fuzzy (unreviewed) translations are left out."""
    target = catalogue_path(language, locale_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")  # a running app never reads half
    with partial.open("wb") as handle:
        write_mo(handle, read_catalogue(po_path(language)), use_fuzzy=False)
    partial.replace(target)
    return target


def build(locale_dir: Path = LOCALE_DIR) -> list[Path]:
    """Compile every translation into ``locale_dir``; returns the files written."""
    built: list[Path] = []
    for language in TRANSLATED:
        built.append(compile_po(language, locale_dir))
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.i18n_build", description=__doc__.splitlines()[0]
    )
    parser.add_argument(
        "--update", action="store_true", help="refresh the .po sources from the code first"
    )
    arguments = parser.parse_args(argv)
    if arguments.update:
        for language in TRANSLATED:
            update_po(language)
    for path in build():
        print(path.relative_to(PACKAGE.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
