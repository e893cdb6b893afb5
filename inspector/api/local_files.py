"""Reading the app's own local files: regular files only, with a size cap.

Token files, key files, profiles, settings, the language choice, the history and bundles are
all small. Opening a named pipe (FIFO) the ordinary way blocks until someone writes to it, a
device can be read forever, and a 200 MB file named ``profiles.json`` would be read whole: so
every file is opened without blocking, checked to be a regular file, and read up to its cap.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any, Final

from inspector.api.errors import UsageError
from inspector.api.wire_json import BODY_REASONS, BodyError, BodyReason, loads_object
from inspector.i18n import N_, _


class LocalFileError(OSError):
    """A file that exists but cannot be read as one of ours; ``strerror`` says why in words.

    An :class:`OSError`, so every caller that already reports ``error.strerror`` for an
    unreadable file reports these the same way.
    """

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(errno.EINVAL, reason, str(path))
        self.path = path
        self.reason = reason


class FileTooLarge(LocalFileError):
    """A regular file over the cap of its kind."""

    def __init__(self, path: Path, size: int, cap: int) -> None:
        reason = _("it is {size}; at most {cap} is read from a file of this kind")
        super().__init__(path, reason.format(size=_size(size), cap=_size(cap)))
        self.size = size


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("it is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return _("it is a named pipe (FIFO), not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a regular file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a regular file")
    return _("it is not a regular file")


def _size(count: int) -> str:
    if count >= 1024 * 1024:
        return _("{count} MiB").format(count=f"{count / 1024 / 1024:.1f}")
    if count >= 1024:
        return _("{count} KiB").format(count=f"{count / 1024:.0f}")
    return _("{count} bytes").format(count=count)


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of ``path``, if it is a regular file of at most ``max_bytes``.

    ``FileNotFoundError`` and other ``OSError``s pass through; a FIFO, device, folder or socket,
    or a file over the cap, is a :class:`LocalFileError`. Never blocks on a FIFO: it is opened
    with ``O_NONBLOCK`` and refused before anything is read.
    """
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(path, flags)
    try:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):
            raise LocalFileError(path, _kind(info.st_mode))
        if info.st_size > max_bytes:
            raise FileTooLarge(path, info.st_size, max_bytes)
        chunks: list[bytes] = []
        remaining = max_bytes + 1
        while remaining > 0 and (chunk := os.read(descriptor, min(remaining, 1 << 16))):
            chunks.append(chunk)
            remaining -= len(chunk)
    finally:
        os.close(descriptor)
    data = b"".join(chunks)
    if len(data) > max_bytes:  # it grew while being read
        raise FileTooLarge(path, len(data), max_bytes)
    return data


def read_named_file(path: Path, max_bytes: int, source: str, *, too_large: str) -> bytes:
    """``path``'s bytes for an option that names a file (``source``, as the user wrote it):
    ``too_large`` or "cannot read" with the system's reason as a usage error, never content."""
    try:
        return read_regular(path, max_bytes)
    except FileTooLarge:
        raise UsageError(too_large) from None
    except OSError as error:
        raise UsageError(
            _("cannot read {source}: {reason}").format(
                source=source, reason=error.strerror or error
            )
        ) from None


def read_json_object(path: Path, max_bytes: int) -> dict[str, Any]:
    """The JSON object in ``path``, through the same strict, depth-limited decoder as the API.

    Raises ``OSError`` (:class:`LocalFileError` included) when the file cannot be read and
    :class:`BodyError` when it is not one JSON object.
    """
    document, _ = loads_object(read_regular(path, max_bytes))
    return document


# The decoder's reasons said about one of our files rather than an API answer.
FILE_REASONS: Final = {
    **BODY_REASONS,
    BodyReason.NOT_UTF8: N_("the file is not valid UTF-8 (bad byte at offset {offset})"),
    BodyReason.EMPTY: N_("the file is empty"),
    BodyReason.HTML: N_(
        "the file is HTML, not JSON (a proxy, captive portal or load balancer answered?)"
    ),
    BodyReason.NOT_JSON: N_("the file is not JSON"),
    BodyReason.TOO_DEEP: N_("the JSON is nested too deeply to be a file of this kind"),
}


def file_reason(error: BodyError) -> str:
    """The decoder's reason, about a file rather than an answer, in the current language."""
    return error.worded(FILE_REASONS)
