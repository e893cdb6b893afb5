"""The IDs inspected before: a small JSON file in the user's state folder, remembered between runs.

Each entry holds the image ID, its name and status, when it was last fetched and from which
endpoint, and nothing else: never a token, never a body. :meth:`History.record` only changes
the entries in memory, so a fetch never waits for the disk; :meth:`History.flush` (which the
window runs on a worker thread, soon after a fetch and when it closes) merges them by time with
what another window may have saved meanwhile and rewrites the file atomically (a temporary file
renamed over it), keeping a bounded number of entries. A file that cannot be read as history is
set aside (:mod:`inspector.config.store`) and the history starts empty, saying so.
"""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Final, NamedTuple

from inspector.api.errors import UsageError
from inspector.api.inputs import validate_resource_id
from inspector.config.store import (
    HISTORY,
    DamagedFile,
    parse_object,
    read_bounded,
    set_aside,
    write_json,
)
from inspector.i18n import N_, _

MAX_ENTRIES: Final = 200
MAX_TEXT: Final = 200
_VERSION: Final = 1


def history_path() -> Path:
    """``~/.local/state/cloud-desktop-inspector/config/history.json`` on Linux."""
    return HISTORY.path


class HistoryEntry(NamedTuple):
    image_id: str
    name: str | None
    status: str | None
    fetched_at: float
    endpoint: str

    def matches(self, query: str) -> bool:
        """Case-insensitive: every word of ``query`` is in the ID, name, status or endpoint."""
        haystack = " ".join(
            part for part in (self.image_id, self.name, self.status, self.endpoint) if part
        ).casefold()
        return all(word in haystack for word in query.casefold().split())


class HistoryFileError(ValueError):
    """The history file is not one this version can read."""


def _short(value: object, problem: str) -> str | None:
    """``value`` cut to :data:`MAX_TEXT`; ``problem`` (marked ``N_``) says so when it is no text."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise HistoryFileError(_(problem))
    return value[:MAX_TEXT]


def _iso(seconds: float) -> str:
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _entry_from_json(item: Any) -> HistoryEntry:
    if not isinstance(item, dict):
        raise HistoryFileError(_("an entry is not an object"))
    try:
        image_id = validate_resource_id(str(item.get("imageId", "")))
        fetched = datetime.fromisoformat(str(item["fetchedAt"])).timestamp()
    except (UsageError, KeyError, ValueError) as error:
        raise HistoryFileError(_("an entry is malformed ({reason})").format(reason=error)) from None
    endpoint = item.get("endpoint")
    if not isinstance(endpoint, str):
        raise HistoryFileError(_("an entry has no endpoint"))
    return HistoryEntry(
        image_id=image_id,
        name=_short(item.get("name"), N_("a name is not a string")),
        status=_short(item.get("status"), N_("a status is not a string")),
        fetched_at=fetched,
        endpoint=endpoint[:MAX_TEXT],
    )


def _entry_to_json(entry: HistoryEntry) -> dict[str, Any]:
    return {
        "imageId": entry.image_id,
        "name": entry.name,
        "status": entry.status,
        "fetchedAt": _iso(entry.fetched_at),
        "endpoint": entry.endpoint,
    }


class History:
    """Most recent first; one entry per image ID."""

    def __init__(self, path: Path | None = None, *, max_entries: int = MAX_ENTRIES) -> None:
        self.path = path or history_path()
        self.max_entries = max_entries
        self.problem: str | None = None
        self.entries: list[HistoryEntry] = self._read()
        self._unsaved = False
        self._lock = threading.Lock()  # flush() runs on a worker thread

    def _read(self) -> list[HistoryEntry]:
        """The entries on disk; a damaged file is set aside and reads as empty."""
        try:
            data = read_bounded(self.path, HISTORY.max_bytes)
            if data is None:
                return []
            return self._entries(parse_object(self.path, data))
        except DamagedFile as damage:
            backup = set_aside(damage)
            self.problem = _damaged(self.path, damage, backup)
            return []
        except OSError as error:
            message = _("cannot read the history file {file}: {reason}")
            self.problem = message.format(file=self.path, reason=error.strerror or error)
            return []

    def _entries(self, document: dict[str, Any]) -> list[HistoryEntry]:
        """The entries of a history document; :class:`DamagedFile` if it is not one."""
        try:
            if not isinstance(document.get("entries"), list):
                raise HistoryFileError(_("it has no list of entries"))
            if document.get("version") != _VERSION:
                version = repr(document.get("version"))
                raise HistoryFileError(_("its version is {version}").format(version=version))
            return [_entry_from_json(item) for item in document["entries"]][: self.max_entries]
        except HistoryFileError as error:
            raise DamagedFile(self.path, str(error)) from None

    def _write(self, entries: list[HistoryEntry]) -> None:
        document = {"version": _VERSION, "entries": [_entry_to_json(e) for e in entries]}
        try:
            write_json(self.path, document, indent=1)
        except OSError as error:
            message = _("cannot save the history in {file}: {reason}")
            self.problem = message.format(file=self.path, reason=error.strerror or error)

    def record(
        self,
        image_id: str,
        *,
        name: str | None,
        status: str | None,
        endpoint: str,
        fetched_at: float | None = None,
    ) -> HistoryEntry:
        """Remember a fetch: the ID moves to the top with its latest name and status."""
        entry = HistoryEntry(
            image_id=image_id,
            name=None if name is None else name[:MAX_TEXT],
            status=None if status is None else status[:MAX_TEXT],
            fetched_at=time.time() if fetched_at is None else fetched_at,
            endpoint=endpoint,
        )
        with self._lock:
            others = [e for e in self.entries if e.image_id != image_id]
            self.entries = [entry, *others][: self.max_entries]
            self._unsaved = True
        return entry

    def flush(self) -> None:
        """Save what :meth:`record` changed, merged with what is on disk now."""
        with self._lock:
            if not self._unsaved:
                return
            self._unsaved = False
        saved = self._read() if self.problem is None else []
        with self._lock:
            self.entries = _newest_first([*self.entries, *saved], self.max_entries)
            entries = list(self.entries)
        self._write(entries)

    def search(self, query: str) -> list[HistoryEntry]:
        return [entry for entry in self.entries if entry.matches(query)]

    def clear(self) -> None:
        with self._lock:
            self.entries = []
            self._unsaved = False
        self._write([])


def _damaged(path: Path, damage: DamagedFile, backup: Path | None) -> str:
    """The note shown above the history panel when its file was set aside."""
    if backup is None:
        return _("The history file {file} could not be read ({reason}).").format(
            file=path, reason=damage
        )
    return _(
        "The history file {file} could not be read ({reason}); a copy was kept as {copy}."
    ).format(file=path, reason=damage, copy=backup)


def _newest_first(entries: list[HistoryEntry], limit: int) -> list[HistoryEntry]:
    """One entry per image ID, the most recently fetched, newest first."""
    newest: dict[str, HistoryEntry] = {}
    for entry in entries:
        kept = newest.get(entry.image_id)
        if kept is None or entry.fetched_at > kept.fetched_at:
            newest[entry.image_id] = entry
    return sorted(newest.values(), key=lambda entry: entry.fetched_at, reverse=True)[:limit]
