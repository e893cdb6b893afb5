"""What the window remembers between runs: the last folder browsed, per connection profile.

A small JSON file in the user's config folder (platformdirs), not QSettings: a plain file can
be read by the CLI and by a person, and backed up or deleted by hand. A file that is missing,
unreadable or not what this build wrote is treated as empty (a damaged one is kept aside
for a person to look at, see :mod:`inspector.config.store`); the window must open anyway.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from inspector.config.store import (
    BROWSE,
    DamagedFile,
    parse_object,
    read_bounded,
    set_aside,
    write_json,
)

DEMO_KEY: Final = "demo"

log = logging.getLogger(__name__)


def settings_path() -> Path:
    return BROWSE.path


def connection_key(profile: str, *, demo: bool) -> str:
    """The profile's name; the demo (which ignores profiles) is remembered apart."""
    return DEMO_KEY if demo else f"profile:{profile}"


def _read() -> dict[str, object]:
    """The settings; a damaged file (not JSON, too big, too deep, a FIFO...) is set aside."""
    path = settings_path()
    try:
        data = read_bounded(path, BROWSE.max_bytes)
        return {} if data is None else parse_object(path, data)
    except DamagedFile as damage:
        set_aside(damage)
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
    try:
        write_json(path, data)
    except OSError as error:
        log.warning("could not save the folder ID to %s: %s", path, error)
