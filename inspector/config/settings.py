"""What the window remembers between runs: the last folder browsed, per connection profile.

A small JSON file in the user's config folder (platformdirs), not QSettings: a plain file can
be read by the CLI and by a person, and backed up or deleted by hand. A file that is missing,
unreadable or not what this build wrote is treated as empty (a damaged one is kept aside
for a person to look at); the window must open anyway.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Final

import platformdirs

from inspector import APP_NAME
from inspector.api.local_files import LocalFileError, file_reason, read_json_object
from inspector.api.wire_json import BodyError
from inspector.config.files import keep_aside, write_atomically

SETTINGS_FILE: Final = "browse.json"
DEMO_KEY: Final = "demo"
MAX_FILE_BYTES: Final = 256 * 1024

log = logging.getLogger(__name__)


def settings_path() -> Path:
    return platformdirs.user_config_path(APP_NAME, appauthor=False) / SETTINGS_FILE


def connection_key(profile: str, *, demo: bool) -> str:
    """The profile's name; the demo (which ignores profiles) is remembered apart."""
    return DEMO_KEY if demo else f"profile:{profile}"


def _read() -> dict[str, object]:
    """The settings; a damaged file (not JSON, too big, too deep, a FIFO...) is kept aside."""
    path = settings_path()
    try:
        return read_json_object(path, MAX_FILE_BYTES)
    except FileNotFoundError:
        return {}
    except (LocalFileError, BodyError) as error:
        reason = error.reason if isinstance(error, LocalFileError) else file_reason(error)
        backup = keep_aside(path)
        log.warning("ignoring the settings in %s (%s); kept as %s", path, reason, backup)
        return {}
    except OSError as error:
        log.warning("ignoring the settings in %s: %s", path, error.strerror or error)
        return {}


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
    text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    try:
        write_atomically(path, text.encode("utf-8"))
    except OSError as error:
        log.warning("could not save the folder ID to %s: %s", path, error)
