"""Start the real main window with the app's own session wiring, for GUI tests."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

from pytestqt.qtbot import QtBot

from inspector.config.connection import Connection
from inspector.ui.app import WindowSession
from inspector.ui.window.main_window import MainWindow


@dataclass
class Running:
    """A real main window wired by the app's own session, against a loopback server."""

    window: MainWindow
    session: WindowSession
    task: asyncio.Task[None]


def start_window(
    qtbot: QtBot,
    connection: Connection,
    image_id: str | None = None,
    files: tuple[str, ...] = (),
) -> Running:
    window = MainWindow()
    qtbot.addWidget(window)
    window.set_connection(connection.endpoint.base_url, connection.token_source)
    session = WindowSession(window, connection, image_id, files=files)
    window.show()
    task = asyncio.get_running_loop().create_task(session.run())
    qtbot.waitUntil(lambda: session.controller is not None, timeout=10_000)
    return Running(window, session, task)
