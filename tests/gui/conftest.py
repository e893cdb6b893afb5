"""GUI test wiring: a fresh qasync loop per test, on the Qt event loop, driven by qtbot.

Each test that uses ``qt_loop`` runs inside its own ``qasync.QEventLoop``, really running
(:func:`pytest_runtest_protocol`), and closed after it, so ``asyncio.run`` elsewhere never sees
a running loop. Every task error the loop reports, and every task still alive after a test,
fails that test: errors in a bare task are otherwise silent.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Iterator
from typing import Any

import pytest
from _pytest.runner import runtestprotocol
from pytestqt.qtbot import QtBot

os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtWidgets import QApplication

from inspector.config.connection import resolve_connection
from inspector.demo.server import DemoServer
from tests.gui.driver import Running, start_window

pytestmark = pytest.mark.gui


# The loop callback that runs the current test: the one timer a test may find still due.
TEST_RUNS: list[asyncio.Handle] = []
_app: QApplication | None = None  # made here when no test has made it yet; kept alive


def _application(config: pytest.Config) -> QApplication:
    """The one QApplication, made as pytest-qt's ``qapp`` fixture makes it when none exists."""
    global _app
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    _app = QApplication([])
    _app.setApplicationName(config.getini("qt_qapp_name"))
    return _app


def _loop_for(app: QApplication) -> qasync.QEventLoop:
    """A new loop on ``app``. Closing a test's last window must not end the loop's ``exec``
    under the test (the app itself turns this off too, and quits when its session ends)."""
    app.setQuitOnLastWindowClosed(False)
    return qasync.QEventLoop(app)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> bool | None:
    """A test that asks for ``qt_loop`` runs, set-up and teardown included, inside a fresh
    qasync loop that really runs (``run_until_complete`` on Qt's own ``exec``), so the code under
    test finds it with ``asyncio.get_running_loop()``; the loop is closed afterwards.

    The test is a plain callback of the loop, not a task: ``qtbot.waitUntil`` spins Qt's events
    inside it, and the loop's tasks step in between as they would in the app.
    """
    if "qt_loop" not in getattr(item, "fixturenames", ()):
        return None
    loop = _loop_for(_application(item.config))
    finished = loop.create_future()

    def run() -> None:
        try:
            item.ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
            runtestprotocol(item, nextitem=nextitem)
            item.ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
        finally:
            finished.set_result(None)

    TEST_RUNS.append(loop.call_soon(run))
    try:
        loop.run_until_complete(finished)
    finally:
        TEST_RUNS.clear()
        loop.close()
    return True


@pytest.fixture
def qt_loop(qtbot: QtBot) -> Iterator[asyncio.AbstractEventLoop]:
    """The test's own running loop; any error it reports, or a task left behind, fails it."""
    loop = asyncio.get_running_loop()
    errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    try:
        yield loop
        qtbot.waitUntil(lambda: not asyncio.all_tasks(loop), timeout=5000)
        assert not errors, errors
    finally:
        gc.collect()


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


@pytest.fixture
def running(
    qt_loop: asyncio.AbstractEventLoop, qtbot: QtBot, demo_server: DemoServer
) -> Iterator[Running]:
    connection = resolve_connection(demo_url=demo_server.base_url)
    app = start_window(qtbot, connection)
    yield app
    app.window.close()
    qtbot.waitUntil(app.task.done, timeout=5000)
    assert app.task.exception() is None
