"""What the window remembers between runs: the last folder browsed, per connection profile.

A small JSON file in the user's config folder (platformdirs), not QSettings: a plain file can
be read by the CLI and by a person, and backed up or deleted by hand. A file that is missing,
unreadable or not what this build wrote is treated as empty; the window must open anyway.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path
from typing import Final

import platformdirs

from inspector import APP_NAME

SETTINGS_FILE: Final = "browse.json"
DEMO_KEY: Final = "demo"

log = logging.getLogger(__name__)


def settings_path() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / SETTINGS_FILE


def connection_key(profile: str, *, demo: bool) -> str:
    """The profile's name; the demo (which ignores profiles) is remembered apart."""
    return DEMO_KEY if demo else f"profile:{profile}"


def _read() -> dict[str, object]:
    path = settings_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        log.warning("ignoring the settings in %s: %s", path, error)
        return {}
    return data if isinstance(data, dict) else {}


def load_folder_id(key: str) -> str:
    """The folder last listed with this connection, or ``""``."""
    folders = _read().get("folders")
    value = folders.get(key) if isinstance(folders, dict) else None
    return value if isinstance(value, str) else ""


def save_folder_id(key: str, folder_id: str) -> None:
    """Remember the folder; a file that cannot be written is logged, never fatal."""
    data = _read()
    folders = data.get("folders")
    folders = dict(folders) if isinstance(folders, dict) else {}
    if folders.get(key) == folder_id:
        return
    folders[key] = folder_id
    data["folders"] = folders
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".browse-")
        try:
            with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
                json.dump(data, handle, indent=2, ensure_ascii=False)
                handle.write("\n")
            os.replace(temporary, path)  # atomic: a crash never leaves half a file
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        log.warning("could not save the folder ID to %s: %s", path, error)
