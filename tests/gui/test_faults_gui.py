"""Hostile servers through the real window: what the operator sees for each injected fault.

Every server runs on 127.0.0.1 in the test. Retry waits use a short policy, except where a
test is about the wait itself (Retry-After, Cancel during the wait).
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QLineEdit, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from inspector.api.inputs import parse_endpoint
from inspector.api.retry import RetryPolicy
from inspector.config.connection import Connection
from inspector.config.logs import log_folder, setup_logging, shutdown_logging
from inspector.ui.app import report_unexpected_errors
from inspector.ui.session import WindowSession
from inspector.ui.widgets.value_label import ValueLabel
from inspector.ui.window.action_table import ActionId
from inspector.ui.window.main_window import MainWindow
from tests.gui.driver import Running
from tests.integration.fault_server import (
    IMAGES_PATH,
    Fault,
    FaultServer,
    MiB,
    answer,
    drip,
    gzip_bomb,
    huge_body,
    image,
    redirect,
    refused_url,
    reset_before_headers,
    reset_mid_body,
    sequence,
    short_body,
    status_body,
)

ID = "e3vfaultgui000000001"
FAST_RETRY = RetryPolicy(base_delay=0.01, max_delay=0.05)
HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


@contextmanager
def window_on(
    qtbot: QtBot, base_url: str, *, timeout: float = 20.0, retry: RetryPolicy = FAST_RETRY
) -> Iterator[Running]:
    """The real main window and the app's own session wiring, against ``base_url``."""
    window = MainWindow()
    qtbot.addWidget(window)
    connection = Connection(parse_endpoint(base_url))
    window.set_connection(connection.endpoint.base_url, connection.token_source)
    session = WindowSession(window, connection, None, timeout=timeout, retry=retry)
    window.show()
    task = asyncio.get_running_loop().create_task(session.run())
    qtbot.waitUntil(lambda: session.controller is not None, timeout=10_000)
    try:
        yield Running(window, session, task)
    finally:
        window.close()
        qtbot.waitUntil(task.done, timeout=5000)
        assert task.exception() is None


@pytest.fixture
def server(qt_loop: qasync.QEventLoop, qtbot: QtBot) -> Iterator[FaultServer]:
    with FaultServer() as fault_server:
        yield fault_server
        qtbot.waitUntil(lambda: fault_server.open_connections == 0, timeout=5000)


def label(app: Running, name: str) -> QLabel | ValueLabel:
    widget = app.window.findChild(QWidget, name)
    assert isinstance(widget, QLabel | ValueLabel), name
    return widget


def fetch(qtbot: QtBot, app: Running, image_id: str = ID) -> None:
    edit = app.window.findChild(QLineEdit, "imageIdEdit")
    assert isinstance(edit, QLineEdit)
    edit.setText(image_id)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def wait_idle(qtbot: QtBot, app: Running) -> None:
    qtbot.waitUntil(lambda: not app.window.page.busy, timeout=10_000)


def record_progress(app: Running, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The progress line right after each retry notice reached the page."""
    page = app.window.page
    shown: list[str] = []
    original = page.show_retrying

    def show_retrying(
        image_id: str, attempt: int, attempts: int, delay_s: float, *, reason: str
    ) -> None:
        original(image_id, attempt, attempts, delay_s, reason=reason)
        shown.append(page.progress_label.text())

    monkeypatch.setattr(page, "show_retrying", show_retrying)
    return shown


def assert_error_shown(app: Running, title: str, message: str) -> None:
    """The banner names the fault; no image (old or partial) is on the page."""
    assert app.window.page.banner.isVisible()
    assert label(app, "errorTitle").text() == title
    assert message in label(app, "errorMessageValue").text()
    assert label(app, "idValue").text() == ""
    assert f"fetching {ID} failed" in label(app, "resultCaption").text()


FAULTS: list[tuple[str, Callable[[], Fault], str, str]] = [
    (
        "reset-before-headers",
        reset_before_headers,
        "The connection to 127.0.0.1 broke",
        "broke before a complete answer came",
    ),
    (
        "reset-mid-body",
        reset_mid_body,
        "The connection to 127.0.0.1 broke",
        "broke before a complete answer came",
    ),
    (
        "short-body",
        short_body,
        "The connection to 127.0.0.1 broke",
        "broke before a complete answer came",
    ),
    ("200-empty", lambda: answer(200, b""), "The answer is not a DesktopImage", "body is empty"),
    (
        "200-html",
        lambda: answer(200, b"<html>Sign in</html>", content_type="text/html"),
        "The answer is not a DesktopImage",
        "the body is HTML, not JSON",
    ),
    (
        "502-html-proxy",
        lambda: answer(502, HTML_502, content_type="text/html"),
        "The API failed to answer (HTTP 502)",
        "the body is an HTML page: <html><head><title>502 Bad Gateway",
    ),
    (
        "20-mib-body",
        lambda: huge_body(20 * MiB, declared=False),
        "The answer is not a DesktopImage",
        "larger than 4096 KiB",
    ),
    (
        "gzip-past-the-cap",
        lambda: gzip_bomb(64 * MiB),
        "The answer is not a DesktopImage",
        "larger than 4096 KiB",
    ),
    (
        "invalid-utf8",
        lambda: answer(200, b'{"id": "\xff"}'),
        "The answer is not a DesktopImage",
        "not valid UTF-8",
    ),
    (
        "nested-100000",
        lambda: answer(200, b"[" * 100_000 + b"]" * 100_000),
        "The answer is not a DesktopImage",
        "nested too deeply",
    ),
]


@pytest.mark.parametrize(
    ("make_fault", "title", "message"),
    [case[1:] for case in FAULTS],
    ids=[case[0] for case in FAULTS],
)
def test_fault_is_explained_in_the_banner(
    qtbot: QtBot, server: FaultServer, make_fault: Callable[[], Fault], title: str, message: str
) -> None:
    server.faults[ID] = make_fault()
    with window_on(qtbot, server.base_url) as app:
        fetch(qtbot, app)
        wait_idle(qtbot, app)
        assert_error_shown(app, title, message)
        assert not app.window.page.progress_label.isVisible()


def test_connection_refused_retries_then_says_so(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    with refused_url() as url, window_on(qtbot, url) as app:
        progress = record_progress(app, monkeypatch)
        fetch(qtbot, app)
        wait_idle(qtbot, app)
        assert_error_shown(app, "127.0.0.1 refused the connection", "refused the connection")
        assert [text.split(":")[0] for text in progress] == [
            "Retrying in 1 s (attempt 2 of 3)",
            "Retrying in 1 s (attempt 3 of 3)",
        ]
        assert "check the host and port" in label(app, "errorHint").text()


def test_one_byte_per_second_is_cut_by_the_deadline(qtbot: QtBot, server: FaultServer) -> None:
    server.faults[ID] = drip(1.0)
    with window_on(qtbot, server.base_url, timeout=1.0) as app:
        fetch(qtbot, app)
        assert app.window.page.progress_label.text().startswith(f"Fetching {ID}")
        wait_idle(qtbot, app)
        assert_error_shown(app, "The request to 127.0.0.1 timed out", "within 1 s")


def test_503_twice_then_200_shows_the_retries_then_the_image(
    qtbot: QtBot, server: FaultServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    unavailable = answer(503, status_body(14, "unavailable"))
    server.faults[ID] = sequence(unavailable, unavailable, image())
    with window_on(qtbot, server.base_url) as app:
        progress = record_progress(app, monkeypatch)
        fetch(qtbot, app)
        wait_idle(qtbot, app)
        assert progress == [
            "Retrying in 1 s (attempt 2 of 3): HTTP 503 Service Unavailable",
            "Retrying in 1 s (attempt 3 of 3): HTTP 503 Service Unavailable",
        ]
        assert label(app, "idValue").text() == ID
        assert label(app, "nameValue").text() == f"image-{ID}"
        assert not app.window.page.banner.isVisible()


def test_429_waits_as_told_then_shows_the_image(qtbot: QtBot, server: FaultServer) -> None:
    busy = answer(429, status_body(8, "slow down"), headers=[("Retry-After", "1")])
    server.faults[ID] = sequence(busy, image())
    with window_on(qtbot, server.base_url, retry=RetryPolicy()) as app:
        fetch(qtbot, app)
        progress = app.window.page.progress_label
        qtbot.waitUntil(lambda: progress.text().startswith("Retrying"))
        assert progress.text() == "Retrying in 1 s (attempt 2 of 3): HTTP 429 Too Many Requests"
        assert app.window.page.cancel_button.isEnabled()
        wait_idle(qtbot, app)
        assert label(app, "idValue").text() == ID
        assert server.hits(ID) == 2


def test_cancel_works_during_the_wait(qtbot: QtBot, server: FaultServer) -> None:
    server.faults[ID] = answer(503, status_body(14, "unavailable"), headers=[("Retry-After", "30")])
    with window_on(qtbot, server.base_url, retry=RetryPolicy()) as app:
        fetch(qtbot, app)
        progress = app.window.page.progress_label
        qtbot.waitUntil(lambda: progress.text().startswith("Retrying in"))
        assert progress.text().startswith("Retrying in 30 s (attempt 2 of 3)")
        qtbot.waitUntil(lambda: progress.text().startswith("Retrying in 29 s"), timeout=3000)
        qtbot.mouseClick(app.window.page.cancel_button, Qt.MouseButton.LeftButton)
        assert not app.window.page.cancel_button.isEnabled()
        assert not progress.isVisible()
        assert label(app, "resultCaption").text() == f"Fetching {ID} was cancelled."
        assert not app.window.page.banner.isVisible()
        qtbot.wait(100)
        assert server.hits(ID) == 1
        server.faults[ID] = image()
        fetch(qtbot, app)
        wait_idle(qtbot, app)
        assert label(app, "idValue").text() == ID


def test_redirect_loop_is_not_followed(qtbot: QtBot, server: FaultServer) -> None:
    server.faults[ID] = redirect(f"{server.base_url}{IMAGES_PATH}{ID}")
    with window_on(qtbot, server.base_url) as app:
        fetch(qtbot, app)
        wait_idle(qtbot, app)
        assert_error_shown(app, "The server redirected the request to 127.0.0.1", "302")
        assert "token was not sent anywhere else" in label(app, "errorHint").text()
        assert server.hits(ID) == 1


def test_redirect_to_another_host_reaches_nothing_there(qtbot: QtBot, server: FaultServer) -> None:
    with FaultServer() as other:
        server.faults[ID] = redirect(f"http://localhost:{other.port}{IMAGES_PATH}{ID}")
        with window_on(qtbot, server.base_url) as app:
            fetch(qtbot, app)
            wait_idle(qtbot, app)
            assert_error_shown(app, "The server redirected the request to localhost", "302")
        assert other.requests == []


class UrlCatcher(QObject):
    """Stands in for the desktop's file manager."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url)


def test_help_menu_opens_the_log_folder(qtbot: QtBot, tmp_path: Path) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    action = window.action(ActionId.OPEN_LOG)
    assert not action.isEnabled()
    window.set_log_folder(tmp_path / "logs")
    catcher = UrlCatcher()
    # PySide6 takes the slot name as str at run time, though its stub says bytes.
    QDesktopServices.setUrlHandler("file", catcher, "open")  # type: ignore[arg-type]
    try:
        action.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
    assert [url.toLocalFile() for url in catcher.opened] == [str(tmp_path / "logs")]
    menus = window.menuBar().findChildren(QMenu)
    help_menu = next(menu for menu in menus if menu.title() == "&Help")
    assert action in help_menu.actions()


@pytest.fixture
def logging_to_file() -> Iterator[Path]:
    path = setup_logging("warning")
    assert path is not None
    yield path
    shutdown_logging()


def test_unexpected_errors_are_logged_and_shown_without_blocking(
    qtbot: QtBot, server: FaultServer, logging_to_file: Path
) -> None:
    server.faults[ID] = image()
    with window_on(qtbot, server.base_url) as app:
        loop = asyncio.get_running_loop()
        app.window.set_log_folder(log_folder())
        restore = report_unexpected_errors(app.window, loop)
        try:

            def broken_slot() -> None:
                raise RuntimeError("a bug in a slot")

            QTimer.singleShot(0, broken_slot)
            qtbot.waitUntil(lambda: app.window.findChild(QMessageBox) is not None)
            loop.call_soon(lambda: [][1])
            qtbot.waitUntil(lambda: "2 so far" in unexpected_box(app).text())
        finally:
            restore()
        box = unexpected_box(app)
        assert box.isVisible()
        assert not box.isModal()
        assert box.windowModality() == Qt.WindowModality.NonModal
        assert "IndexError: list index out of range" in box.informativeText()
        assert str(log_folder()) in box.informativeText()
        fetch(qtbot, app)  # the window still works with the note open
        wait_idle(qtbot, app)
        assert label(app, "idValue").text() == ID
        box.close()
    text = logging_to_file.read_text(encoding="utf-8")
    assert "RuntimeError: a bug in a slot" in text
    assert "IndexError: list index out of range" in text
    assert text.count("Traceback (most recent call last)") >= 2
    assert sys.excepthook is not None


def unexpected_box(app: Running) -> QMessageBox:
    box = app.window.findChild(QMessageBox, "unexpectedErrorBox")
    assert isinstance(box, QMessageBox)
    return box
