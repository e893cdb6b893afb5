"""What the window looks like between runs: size, position, splitters, column widths, scheme.

Kept with QSettings in an INI file in the user's config folder. Every value is written as plain
text (binary state as base64), so the file is checked line by line before Qt reads it: Qt's own
reader would accept garbage silently or warn about typed values it cannot load. A file that is
damaged, or whose values the window refuses, is set aside as ``.bak`` (for a bug report; the one
damaged-file rule of :mod:`inspector.config.store`, under the name this file has always used) and
the window starts from its defaults, with a log line that names both files.
"""

from __future__ import annotations

import binascii
import contextlib
import logging
import re
from pathlib import Path
from typing import Final

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QTableView,
)

from inspector.config.files import PRIVATE_FILE
from inspector.config.store import WINDOW, DamagedFile, read_bounded, set_aside

log = logging.getLogger(__name__)

FORMAT_VERSION: Final = "1"
_LINE = re.compile(r"\[[^\]\r\n]*\]|[^=\s][^=]*=(?!@[^@]).*")


def settings_path() -> Path:
    return WINDOW.path


def _well_formed(path: Path) -> bool:
    """UTF-8 text of sections and ``key=value`` lines, with none of Qt's typed values."""
    try:
        data = read_bounded(path, WINDOW.max_bytes)
        text = "" if data is None else data.decode("utf-8")
    except (DamagedFile, OSError, UnicodeError):  # a FIFO, a huge file: Qt would read it whole
        return False
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return all(_LINE.fullmatch(line) for line in lines)


def _encode(state: QByteArray) -> str:
    return bytes(state.toBase64().data()).decode("ascii")


def _decode(value: object) -> QByteArray | None:
    """The state saved as base64 text, or None if it is not that."""
    if not isinstance(value, str):
        return None
    try:
        return QByteArray(binascii.a2b_base64(value.encode("ascii"), strict_mode=True))
    except (binascii.Error, UnicodeError):
        return None


class WindowState:
    """The settings file of the window; one per run, read at start and written at close."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = settings_path() if path is None else path
        self.settings = self._open()

    def _open(self) -> QSettings:
        if not _well_formed(self.path):
            return self._start_over("it is not a settings file")  # untranslated: for the log
        settings = QSettings(str(self.path), QSettings.Format.IniFormat)
        version = settings.value("version")
        if settings.status() != QSettings.Status.NoError:
            return self._start_over("Qt cannot read it")  # untranslated: for the log
        if version is not None and version != FORMAT_VERSION:
            return self._start_over(f"it is of another version ({version!r})")  # untranslated
        return settings

    def _start_over(self, why: str) -> QSettings:
        set_aside(DamagedFile(self.path, why), backup=self.path.with_name(self.path.name + ".bak"))
        self.settings = QSettings(str(self.path), QSettings.Format.IniFormat)
        self.settings.clear()
        return self.settings

    def value(self, key: str) -> str | None:
        value = self.settings.value(key)
        return value if isinstance(value, str) else None

    def set_value(self, key: str, value: str) -> None:
        self.settings.setValue(key, value)
        self._write()

    def _write(self) -> None:
        """Qt writes the file itself (atomically, but with the umask's permissions): the
        window's layout is nobody else's business, so it is made 0600 like every other file."""
        self.settings.sync()
        with contextlib.suppress(OSError):
            self.path.chmod(PRIVATE_FILE)

    def open_docks(self) -> list[str]:
        """The object names of the docks open when the window last closed.

        The window builds its docks on first use, so ``restoreState`` cannot show one that
        does not exist yet: the window builds these itself, and each dock takes its saved
        place as it is built (``restoreDockWidget``).
        """
        return [name for name in (self.value("window/openDocks") or "").split(",") if name]

    def restore(self, window: QMainWindow) -> bool:
        """Put back size, position, splitters and columns; False (defaults kept) if unusable."""
        states: list[tuple[str, QByteArray]] = []
        for key in ("window/geometry", "window/state", *self._child_keys()):
            raw = self.settings.value(key)
            if raw is None:
                continue
            state = _decode(raw)
            if state is None:
                self._start_over(f"{key} is not base64")  # untranslated: for the log
                return False
            states.append((key, state))
        for key, state in states:
            if self._apply(window, key, state):
                continue
            if key.startswith("window/"):
                self._start_over(f"the window refused {key}")  # untranslated: for the log
                return False
            # A splitter or a table laid out by another version: only that part is left as is.
            log.info("the saved %s does not fit this window; left as it is", key)
        return bool(states)

    def _child_keys(self) -> list[str]:
        keys = []
        for group in ("splitters", "headers"):
            self.settings.beginGroup(group)
            keys += [f"{group}/{name}" for name in self.settings.childKeys()]
            self.settings.endGroup()
        return keys

    @staticmethod
    def _apply(window: QMainWindow, key: str, state: QByteArray) -> bool:
        group, _, name = key.partition("/")
        if key == "window/geometry":
            return window.restoreGeometry(state)
        if key == "window/state":
            return window.restoreState(state)
        if group == "splitters":
            splitters = window.findChildren(QSplitter, name)
            return all(splitter.restoreState(state) for splitter in splitters)
        tables = window.findChildren(QTableView, name)
        return all(_header(table).restoreState(state) for table in tables)

    def save(self, window: QMainWindow) -> None:
        """Write what the operator arranged; a file that cannot be written is logged."""
        settings = self.settings
        settings.setValue("version", FORMAT_VERSION)
        settings.setValue("window/geometry", _encode(window.saveGeometry()))
        settings.setValue("window/state", _encode(window.saveState()))
        from PySide6.QtWidgets import QDockWidget  # its Python type: not for the first frame

        docks = window.findChildren(QDockWidget)
        open_docks = [dock.objectName() for dock in docks if dock.isVisible()]
        settings.setValue("window/openDocks", ",".join(name for name in open_docks if name))
        for splitter in window.findChildren(QSplitter):
            if splitter.objectName():
                settings.setValue(
                    f"splitters/{splitter.objectName()}", _encode(splitter.saveState())
                )
        for table in window.findChildren(QAbstractItemView):
            if isinstance(table, QTableView) and table.objectName():
                state = _header(table).saveState()
                settings.setValue(f"headers/{table.objectName()}", _encode(state))
        self._write()
        if settings.status() != QSettings.Status.NoError:
            log.warning("cannot write the window settings %s (%s)", self.path, settings.status())


def _header(table: QTableView) -> QHeaderView:
    return table.horizontalHeader()
