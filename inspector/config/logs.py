"""Logging: a rotating file in the user's log folder, stderr for the CLI, tokens redacted.

The window has no terminal a user can see, so what goes wrong must land in a file that support
can ask for; the file must never hold a credential, so every handler carries a filter that
redacts ``Authorization`` values and anything shaped like a token, in the message and in the
traceback alike (:mod:`inspector.api.redaction`, which bundles and error details use too).
"""

from __future__ import annotations

import io
import logging
import os
from pathlib import Path
from types import TracebackType
from typing import Final, TextIO

from inspector import APP_NAME
from inspector.api.redaction import redact
from inspector.config.files import PRIVATE_FILE, PRIVATE_FOLDER
from inspector.config.store import Folder, folder_path

LOG_FILE_NAME: Final = "inspector.log"
MAX_LOG_BYTES: Final = 1024 * 1024
LOG_BACKUPS: Final = 3
_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_CONSOLE_FORMAT: Final = "%(levelname)s %(name)s: %(message)s"

# Loggers of the HTTP stack below httpx that log headers (httpx itself logs the request line).
_WIRE_LOGGERS: Final = frozenset({"httpcore", "h11", "h2", "hpack"})
_installed: list[logging.Handler] = []


class _HeldRecords(logging.Handler):
    """Keeps what is logged before the log file is open, to write it there once it is."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


_held: _HeldRecords | None = None


def hold_early_records(level: str) -> None:
    """Keep the records of ``level`` and above until :func:`setup_logging` writes them.

    The window paints before it opens the log file (the file handler's module costs start-up
    time); a warning from that moment (a damaged settings file) still reaches the file.
    """
    global _held
    if _held is None:
        _held = _HeldRecords()
        logging.getLogger().addHandler(_held)
    logging.getLogger().setLevel(level.upper())


def _private_rotating_file(path: Path) -> logging.Handler:
    """A rotating log whose files are created 0600, and made so if an older build left 0644.

    ``logging.handlers`` is imported here: the window imports this module before its first
    paint, and the file handler is not needed until after it.
    """
    import logging.handlers

    class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
        def _open(self) -> io.TextIOWrapper:
            def private(name: str, flags: int) -> int:
                descriptor = os.open(name, flags, PRIVATE_FILE)
                os.fchmod(descriptor, PRIVATE_FILE)
                return descriptor

            stream = open(  # noqa: SIM115 - the handler owns and closes the stream
                self.baseFilename,
                self.mode,
                encoding=self.encoding,
                errors=self.errors,
                opener=private,
            )
            assert isinstance(stream, io.TextIOWrapper)
            return stream

    return PrivateRotatingFileHandler(
        path, maxBytes=MAX_LOG_BYTES, backupCount=LOG_BACKUPS, encoding="utf-8", delay=True
    )


def _wire_event(message: str) -> str:
    """Only the event's name (``receive_response_headers.complete``), none of its values."""
    return f"{message.split(' ', 1)[0]} [values not logged]"


class RedactingFilter(logging.Filter):
    """Rewrites each record so no handler can write a token: message, arguments, traceback.

    The HTTP libraries' own debug lines carry raw headers (``Set-Cookie``, ``Authorization``)
    that no pattern can be trusted to catch: only their event names are kept, at any level.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if record.name.split(".", 1)[0] in _WIRE_LOGGERS:
            message = _wire_event(message)
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True


def log_folder() -> Path:
    """The user's log folder for this app (``~/.local/state/.../log`` on Linux)."""
    return folder_path(Folder.LOG)


def setup_logging(level: str, *, console: TextIO | None = None) -> Path | None:
    """Log at ``level`` to the rotating file and, if given, to ``console``.

    Returns the log file, or None when the folder cannot be written (then a warning says so on
    the console, and logging goes on there). Calling it again replaces what it set up before.
    """
    global _held
    held, _held = _held, None
    shutdown_logging()
    root = logging.getLogger()
    root.setLevel(level.upper())
    handlers: list[logging.Handler] = []
    if console is not None:
        stream = logging.StreamHandler(console)
        stream.setFormatter(logging.Formatter(_CONSOLE_FORMAT))
        handlers.append(stream)
    path: Path | None = None
    problem = None
    try:
        log_folder().mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
        log_folder().chmod(PRIVATE_FOLDER)  # an older build made it 0755
        rotating = _private_rotating_file(log_folder() / LOG_FILE_NAME)
        rotating.setFormatter(logging.Formatter(_FORMAT))
        handlers.append(rotating)
        path = log_folder() / LOG_FILE_NAME
    except OSError as error:
        problem = error
    for handler in handlers:
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
        _installed.append(handler)
    logging.captureWarnings(True)
    if held is not None:
        root.removeHandler(held)
        for record in held.records:
            if record.levelno >= root.level:
                logging.getLogger(record.name).handle(record)
    if problem is not None:
        logging.getLogger(__name__).warning(
            "cannot write the log file in %s: %s", log_folder(), problem
        )
    return path


def shutdown_logging() -> None:
    """Remove and close the handlers :func:`setup_logging` added (files get closed), and stop
    holding early records."""
    global _held
    root = logging.getLogger()
    if _held is not None:
        root.removeHandler(_held)
        _held = None
    while _installed:
        handler = _installed.pop()
        root.removeHandler(handler)
        handler.close()
    logging.captureWarnings(False)


def log_unexpected(
    kind: type[BaseException], error: BaseException, trace: TracebackType | None, where: str
) -> str:
    """Log an exception nothing else caught, with its traceback; returns a one-line summary."""
    logging.getLogger(APP_NAME).error("unexpected error %s", where, exc_info=(kind, error, trace))
    text = str(error)
    return redact(f"{kind.__name__}: {text}" if text else kind.__name__)
