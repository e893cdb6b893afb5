"""The language menu's choice, kept for the next start in a plain file the CLI reads too."""

from __future__ import annotations

import logging
from pathlib import Path

from inspector.config.files import write_atomically
from inspector.config.store import LANGUAGE, DamagedFile, read_bounded
from inspector.i18n import LANGUAGES, SYSTEM

log = logging.getLogger(__name__)


def preference_file() -> Path:
    """Where the language menu's choice is kept: a plain file, because the CLI reads it too."""
    return LANGUAGE.path


def saved_language(path: Path | None = None) -> str | None:
    """The saved choice (a language or ``system``), or None if there is none or it is unusable."""
    path = preference_file() if path is None else path
    try:
        data = read_bounded(path, LANGUAGE.max_bytes)
        if data is None:
            return None
        text = data.decode("utf-8").strip()
    except (OSError, DamagedFile, UnicodeError) as error:
        log.warning("cannot read the language setting %s (%s); ignoring it", path, error)
        return None
    if text in LANGUAGES or text == SYSTEM:
        return text
    log.warning("the language setting %s holds %r, not a language; ignoring it", path, text[:40])
    return None


def save_language(choice: str, path: Path | None = None) -> None:
    """Keep ``choice`` (a language or ``system``) for the next start; all or nothing is written."""
    if choice not in LANGUAGES and choice != SYSTEM:
        raise ValueError(f"not a language choice: {choice!r}")  # untranslated: a caller's bug
    write_atomically(preference_file() if path is None else path, f"{choice}\n".encode())
