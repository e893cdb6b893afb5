"""Everything the app remembers between runs, and the three rules every such file follows.

Where: each file is a :class:`StoredFile` below, in the user's config or state folder
(platformdirs), so a person, the CLI and the window find the same ones. How it is read: only
when regular, up to its cap, JSON through the API's strict depth-limited decoder
(:func:`read_bounded`, :func:`parse_object`). How it is written: :func:`write_atomically`, all
or nothing, private. What a damaged one does: it is :func:`set_aside` (renamed, never deleted:
a person may want it for a bug report), a note says so, and the app goes on from defaults.

A file that exists but cannot be opened right now (no permission) is not damaged: it is left
where it is, and the store that read it says why. The label policy is the one file here the app
never writes: a person wrote it, so a broken one is refused with its line, not set aside.
"""

from __future__ import annotations

import json
import logging
import os
import time
from enum import Enum
from pathlib import Path
from typing import Any, Final, NamedTuple

import platformdirs

from inspector import APP_NAME
from inspector.api.local_files import LocalFileError, file_reason, read_regular
from inspector.api.wire_json import BodyError, loads_object
from inspector.config.files import write_atomically

log = logging.getLogger(__name__)


class Folder(Enum):
    """The user's folders this app keeps files in."""

    CONFIG = "config"  # what a person chose: profiles, preferences, the window's layout
    STATE = "state"  # what the app noticed: the history
    LOG = "log"  # what went wrong, for support


def folder_path(folder: Folder) -> Path:
    """``~/.config/cloud-desktop-inspector``, ``~/.local/state/...`` and its ``log`` on Linux."""
    if folder is Folder.STATE:
        return platformdirs.user_state_path(APP_NAME, appauthor=False)
    if folder is Folder.LOG:
        return platformdirs.user_log_path(APP_NAME, appauthor=False)
    return platformdirs.user_config_path(APP_NAME, appauthor=False)


class StoredFile(NamedTuple):
    """One file the app remembers: its name, its folder, and the most of it that is read."""

    name: str
    folder: Folder
    max_bytes: int

    @property
    def path(self) -> Path:
        """Looked up on each use: tests (and a changed ``XDG_*``) point the folders elsewhere."""
        return folder_path(self.folder) / self.name


PROFILES: Final = StoredFile("profiles.json", Folder.CONFIG, 1024 * 1024)
BROWSE: Final = StoredFile("browse.json", Folder.CONFIG, 256 * 1024)
LANGUAGE: Final = StoredFile("language", Folder.CONFIG, 1024)
WINDOW: Final = StoredFile("window.ini", Folder.CONFIG, 256 * 1024)
POLICY: Final = StoredFile("policy.toml", Folder.CONFIG, 1024 * 1024)
HISTORY: Final = StoredFile("history.json", Folder.STATE, 1024 * 1024)


def policy_file(explicit: Path | None) -> Path | None:
    """The label policy to read: the one given with ``--policy``, else ``policy.toml`` in the
    config folder if there is one; None when there is no policy."""
    if explicit is not None:
        return explicit
    path = POLICY.path
    return path if path.exists() else None


class DamagedFile(ValueError):
    """A file of ours that is there but is not what this build writes; ``reason`` says how."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(reason)
        self.path = path
        self.reason = reason


def read_bounded(path: Path, max_bytes: int) -> bytes | None:
    """The bytes of ``path``; None when there is no such file yet.

    A FIFO, a device, a folder or a file over ``max_bytes`` is a :class:`DamagedFile`; any
    other ``OSError`` (a permission, say) passes through: the file is not ours to move.
    """
    try:
        return read_regular(path, max_bytes)
    except FileNotFoundError:
        return None
    except LocalFileError as error:
        raise DamagedFile(path, error.reason) from None


def parse_object(path: Path, data: bytes) -> dict[str, Any]:
    """The JSON object in ``data`` (read from ``path``), or :class:`DamagedFile` saying why not."""
    try:
        document, _ = loads_object(data)
    except BodyError as error:
        raise DamagedFile(path, file_reason(error)) from None
    return document


def write_json(path: Path, document: object, *, indent: int = 2) -> None:
    """``document`` as UTF-8 JSON text ending in a newline, written atomically."""
    text = json.dumps(document, indent=indent, ensure_ascii=False) + "\n"
    write_atomically(path, text.encode("utf-8"))


def set_aside(damage: DamagedFile, *, backup: Path | None = None) -> Path | None:
    """The one thing done with a damaged file: move it aside and log where it went.

    It becomes ``NAME.broken-YYYYmmdd-HHMMSS`` (or ``backup``, where a store has always used one
    name), is no longer read, and the next start is clean. Returns where it went, or None when
    it could not be moved (it is left as it is; the caller goes on from defaults all the same).
    """
    path = damage.path
    kept = backup or path.with_name(f"{path.name}.broken-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        os.replace(path, kept)
    except OSError as error:
        log.warning("the file %s could not be read (%s) nor moved aside: %s", path, damage, error)
        return None
    log.warning("the file %s could not be read (%s); kept it as %s", path, damage, kept)
    return kept
