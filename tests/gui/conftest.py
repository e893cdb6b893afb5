"""GUI test wiring: a qasync loop on the Qt event loop, driven by ``qtbot.waitUntil``.

One ``qasync.QEventLoop`` for the whole session, marked running only during each GUI test
(``asyncio.run`` elsewhere must not see a running loop). Every task error the loop reports, and
every task still alive after a test, fails that test: errors in a bare task are otherwise silent.
"""

from __future__ import annotations

import asyncio
import gc
import os
from collections.abc import Iterator
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtWidgets import QApplication

from inspector.config.connection import resolve_connection
from inspector.demo.server import DemoServer
from tests.gui.driver import Running, start_window

pytestmark = pytest.mark.gui


@pytest.fixture(scope="session")
def shared_qasync_loop(qapp: QApplication) -> qasync.QEventLoop:
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    return loop


@pytest.fixture
def qt_loop(shared_qasync_loop: qasync.QEventLoop, qtbot: QtBot) -> Iterator[qasync.QEventLoop]:
    loop = shared_qasync_loop
    errors: list[dict[str, Any]] = []
    loop.set_exception_handler(lambda _loop, context: errors.append(context))
    asyncio.events._set_running_loop(loop)
    asyncio.set_event_loop(loop)
    try:
        yield loop
        qtbot.waitUntil(lambda: not asyncio.all_tasks(loop), timeout=5000)
        assert not errors, errors
    finally:
        asyncio.events._set_running_loop(None)
        asyncio.set_event_loop(None)
        gc.collect()


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


@pytest.fixture
def running(qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer) -> Iterator[Running]:
    connection = resolve_connection(demo_url=demo_server.base_url)
    app = start_window(qtbot, connection)
    yield app
    app.window.close()
    qtbot.waitUntil(app.task.done, timeout=5000)
    assert app.task.exception() is None
