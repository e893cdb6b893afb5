"""``--self-test``: fetch a demo image through the real window and check what it shows.

It proves that a build (above all the frozen one) really works end to end: Qt's platform
plugin loads, the window paints, httpx, pydantic and the TLS machinery are there, Qt's text
services (ICU, whose data the build trims) work, and the values a person reads come out
right. It drives the window the way automation does, by object name: it types the ID into
``imageIdEdit`` and clicks ``fetchButton``. Each check is printed as it is made; the exit code
is 0 when all pass and 1 otherwise.

With no display the self-test runs on Qt's offscreen platform (see :mod:`inspector.ui.display`).
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cmp_to_key
from types import TracebackType
from typing import TYPE_CHECKING, Any, Final, TextIO, TypeVar

from PySide6.QtCore import QCollator, QLocale, QTimeZone
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QTableView, QWidget

from inspector.demo import DEFAULT_IMAGE_ID
from inspector.ui.widgets.value_label import ValueLabel

if TYPE_CHECKING:
    from inspector.config.connection import Connection
    from inspector.config.options import Options
    from inspector.ui.session import WindowSession
    from inspector.ui.window.main_window import MainWindow

W = TypeVar("W", bound=QWidget)

EXIT_PASSED: Final = 0
EXIT_FAILED: Final = 1
# Long enough for a cold start of the backend on a slow machine plus the client's own limits.
STEP_TIMEOUT_SECONDS: Final = 30.0
POLL_SECONDS: Final = 0.02
# The line the start-time benchmark waits for.
RENDERED_MARK: Final = "rendered"

# What the window shows for the demo's e3vdemoactive0000001 (inspector/demo/data.py).
EXPECTED_NAME: Final = "ubuntu-22-04-office"
EXPECTED_STATUS: Final = "ACTIVE"
EXPECTED_STORAGE_SIZE: Final = "20 GiB"
EXPECTED_STORAGE_BYTES: Final = "21,474,836,480 bytes"
EXPECTED_CREATED_FRACTION: Final = ".123456789"
EXPECTED_LABELS: Final = 10
# Swedish sorts ö after z (a locale tailoring); the English name of Moscow's standard time.
SWEDISH_ORDER: Final = ["o", "z", "ö"]
MOSCOW_NAME: Final = "Moscow Standard Time"


class SelfTestFailure(Exception):
    """A step that could not be done at all (no window, no answer in time)."""


@dataclass(frozen=True, slots=True)
class Check:
    """One value as the window shows it, and whether it is the expected one."""

    name: str
    shown: str
    passed: bool
    expected: str


def run_self_test(
    app: QApplication,
    window: MainWindow,
    connection: Connection,
    options: Options,
    out: TextIO | None = None,
) -> int:
    """Run the window's own session, drive it, print the checks; returns the exit code."""
    import qasync

    from inspector.ui.app import NOT_PAINTED
    from inspector.ui.session import WindowSession

    stream = sys.stdout if out is None else out
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    session = WindowSession(window, connection, None, timeout=options.timeout)
    errors = _ErrorRecorder(loop)
    image_id = options.image_id or DEFAULT_IMAGE_ID
    painted = window.painted  # no event has been handled since the first lines were printed
    try:
        with loop:
            failures = loop.run_until_complete(_drive(app, session, image_id, stream))
    finally:
        errors.restore()
        asyncio.set_event_loop(None)
        window.deleteLater()
    if not painted:  # said at the start, by announce_self_test
        failures.insert(0, NOT_PAINTED)
    for error in errors.seen:
        failures.append(f"unexpected error: {error}")
        say(stream, f"FAIL  {failures[-1]}")
    if failures:
        say(stream, f"self-test FAILED: {len(failures)} problem(s)")
        print(f"error: self-test failed: {'; '.join(failures)}", file=sys.stderr)
        return EXIT_FAILED
    say(stream, "self-test passed")
    return EXIT_PASSED


async def _drive(
    app: QApplication, session: WindowSession, image_id: str, out: TextIO
) -> list[str]:
    """Fetch ``image_id`` through the window; returns what failed (nothing: all passed)."""
    runner = asyncio.ensure_future(session.run())
    try:
        failures = await _fetch_and_check(app, session, image_id, out, runner)
    except SelfTestFailure as failure:
        failures = [str(failure)]
        say(out, f"FAIL  {failure}")
    session.window.close()
    done, _ = await asyncio.wait({runner}, timeout=STEP_TIMEOUT_SECONDS)
    if not done:
        runner.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await runner
        failures.append(f"the window did not close within {STEP_TIMEOUT_SECONDS:g} s")
    elif runner.exception() is not None:
        error = runner.exception()
        failures.append(f"the window's session failed: {type(error).__name__}: {error}")
    return failures


async def _fetch_and_check(
    app: QApplication,
    session: WindowSession,
    image_id: str,
    out: TextIO,
    runner: asyncio.Future[None],
) -> list[str]:
    started = time.monotonic()
    await _wait_for(lambda: session.controller is not None, "the window's backend", runner)
    say(out, f"ok    backend loaded in {time.monotonic() - started:.2f} s")
    window = session.window
    _find(window, QLineEdit, "imageIdEdit").setText(image_id)
    clicked = time.monotonic()
    _find(window, QPushButton, "fetchButton").click()
    await _wait_for(lambda: _answered(window, image_id), f"an answer for {image_id}", runner)
    if _error_shown(window):
        raise SelfTestFailure(f"the fetch failed: {_error_text(window)}")
    say(out, f"ok    {RENDERED_MARK} {image_id} {time.monotonic() - clicked:.2f} s after Fetch")
    failures = []
    for check in (_icon_check(app), _text_services_check(), *_value_checks(window, image_id)):
        if check.passed:
            say(out, f"ok    {check.name}: {check.shown}")
        else:
            failures.append(f"{check.name} shows {check.shown!r}, expected {check.expected}")
            say(out, f"FAIL  {failures[-1]}")
    return failures


async def _wait_for(condition: Callable[[], bool], what: str, runner: asyncio.Future[None]) -> None:
    """Poll ``condition``; the session ending first fails the step (its cause is added later)."""
    deadline = time.monotonic() + STEP_TIMEOUT_SECONDS
    while not condition():
        if runner.done():
            raise SelfTestFailure(f"the window's session ended while waiting for {what}")
        if time.monotonic() > deadline:
            raise SelfTestFailure(f"no {what} within {STEP_TIMEOUT_SECONDS:g} s")
        await asyncio.sleep(POLL_SECONDS)


def _answered(window: MainWindow, image_id: str) -> bool:
    shown = _shown(window, "idValue") == image_id
    return shown or _error_shown(window)


def _error_shown(window: MainWindow) -> bool:
    """Whether the page shows an error (its banner is made at the first one)."""
    banner = window.findChild(QWidget, "errorBanner")
    return isinstance(banner, QWidget) and banner.isVisible()


def _error_text(window: MainWindow) -> str:
    parts = [_shown(window, name) for name in ("errorTitle", "errorMessageValue", "errorHint")]
    return " / ".join(part for part in parts if part)


def _icon_check(app: QApplication) -> Check:
    sizes = app.windowIcon().availableSizes()
    shown = f"{len(sizes)} sizes" if sizes else "none"
    return Check("window icon", shown, bool(sizes), "the bundled icon")


def _text_services_check() -> Check:
    """What Qt asks ICU's data for: locale collation, time zone names, locale case mapping.

    The frozen build ships a trimmed ICU data library; this proves each use still works.
    """
    swedish = sorted(["ö", "z", "o"], key=cmp_to_key(QCollator(QLocale("sv_SE")).compare))
    zone = QTimeZone(b"Europe/Moscow").displayName(
        QTimeZone.TimeType.StandardTime, QTimeZone.NameType.LongName, QLocale("en_US")
    )
    upper = QLocale("tr_TR").toUpper("i")
    shown = f"sv order {' '.join(swedish)}; {zone}; tr upper i {upper}"
    passed = swedish == SWEDISH_ORDER and zone == MOSCOW_NAME and upper == "İ"
    expected = f"sv order {' '.join(SWEDISH_ORDER)}; {MOSCOW_NAME}; tr upper i İ"
    return Check("Qt text services (ICU)", shown, passed, expected)


def _value_checks(window: MainWindow, image_id: str) -> list[Check]:
    def text(name: str) -> str:
        return _shown(window, name)

    badge = text("statusBadge")
    created = text("createdAtValue")
    rows = _find(window, QTableView, "labelsTable").model().rowCount()
    count = text("labelsCount")
    return [
        Check("ID", text("idValue"), text("idValue") == image_id, image_id),
        Check("name", text("nameValue"), text("nameValue") == EXPECTED_NAME, EXPECTED_NAME),
        Check(
            "status badge",
            badge,
            badge.endswith(EXPECTED_STATUS) and "unknown" not in badge,
            f"a known {EXPECTED_STATUS}",
        ),
        Check(
            "storage size",
            text("storageSizeValue"),
            text("storageSizeValue") == EXPECTED_STORAGE_SIZE,
            EXPECTED_STORAGE_SIZE,
        ),
        Check(
            "storage size in bytes",
            text("storageSizeDetail"),
            text("storageSizeDetail") == EXPECTED_STORAGE_BYTES,
            EXPECTED_STORAGE_BYTES,
        ),
        Check(
            "created, with nanoseconds",
            created,
            EXPECTED_CREATED_FRACTION in created,
            f"a time with {EXPECTED_CREATED_FRACTION}",
        ),
        Check(
            "labels",
            f"{count} ({rows} rows)",
            rows == EXPECTED_LABELS and count == f"{EXPECTED_LABELS} labels",
            f"{EXPECTED_LABELS} labels",
        ),
    ]


def _shown(window: MainWindow, name: str) -> str:
    """The text of the label or value ``name``."""
    widget = _find(window, QWidget, name)
    if not isinstance(widget, QLabel | ValueLabel):
        raise SelfTestFailure(f"{name} is a {type(widget).__name__}, not a label or a value")
    return widget.text()


def _find(window: MainWindow, kind: type[W], name: str) -> W:
    widget = window.findChild(kind, name)
    if not isinstance(widget, kind):
        raise SelfTestFailure(f"the window has no {kind.__name__} named {name}")
    return widget


def say(out: TextIO, line: str) -> None:
    """One line, flushed at once: the benchmark times the RENDERED_MARK line as it comes."""
    print(line, file=out, flush=True)


class _ErrorRecorder:
    """Records what nothing else caught (tasks, Qt slots): any of it fails the self-test."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.seen: list[str] = []
        self._loop = loop
        self._previous_hook = sys.excepthook
        loop.set_exception_handler(self._from_loop)
        sys.excepthook = self._from_hook

    def _from_loop(self, _loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        error = context.get("exception")
        self.seen.append(repr(error) if error is not None else str(context.get("message")))

    def _from_hook(
        self, kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        self.seen.append(repr(error))

    def restore(self) -> None:
        sys.excepthook = self._previous_hook
        self._loop.set_exception_handler(None)
