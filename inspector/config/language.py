"""The language menu's choice, kept for the next start in a plain file the CLI reads too."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from platformdirs import user_config_path

from inspector import APP_NAME
from inspector.api.local_files import read_regular
from inspector.config.files import write_atomically
from inspector.i18n import LANGUAGES, SYSTEM

log = logging.getLogger(__name__)

_MAX_PREFERENCE_BYTES: Final = 1024


def preference_file() -> Path:
    """Where the language menu's choice is kept: a plain file, because the CLI reads it too."""
    return user_config_path(APP_NAME, appauthor=False) / "language"


def saved_language(path: Path | None = None) -> str | None:
    """The saved choice (a language or ``system``), or None if there is none or it is unusable."""
    path = preference_file() if path is None else path
    try:
        text = read_regular(path, _MAX_PREFERENCE_BYTES).decode("utf-8").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeError) as error:
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
