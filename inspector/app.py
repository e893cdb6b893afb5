"""Window bootstrap: QApplication + qasync loop, lazy backend, clean shutdown.

Order matters for how fast the window appears: options are checked and the demo API started
(stdlib only), the window is shown, and only after its first paint are httpx and pydantic
imported and the controller built. Shutdown closes the httpx client before the loop ends,
because no ``await`` runs after ``aboutToQuit``.
"""

from __future__ import annotations

import asyncio
import os
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING

from inspector import APP_NAME, __version__
from inspector.api.errors import UsageError
from inspector.connection import Connection, resolve_connection
from inspector.options import Options

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from inspector.controller import FetchController
    from inspector.ui.main_window import MainWindow


def run_window(options: Options) -> int:
    """Open the window and run until it is closed; returns the exit code."""
    os.environ["QT_API"] = "pyside6"  # qasync would otherwise try PyQt5 first
    with ExitStack() as stack:
        demo_url: str | None = None
        demo_images: list[tuple[str, str]] = []
        if options.demo:
            from inspector.demo.data import DEMO_IMAGES
            from inspector.demo.server import DemoServer

            try:
                server = stack.enter_context(DemoServer(port=options.demo_port))
            except OSError as error:
                print(
                    f"error: the demo API could not listen on 127.0.0.1:{options.demo_port}: "
                    f"{error.strerror or error}",
                    file=sys.stderr,
                )
                return 1
            demo_url = server.base_url
            demo_images = [(image.image_id, image.summary) for image in DEMO_IMAGES.values()]
        try:
            connection = resolve_connection(
                endpoint=options.endpoint, token_file=options.token_file, demo_url=demo_url
            )
        except UsageError as error:
            print(f"error: {error}", file=sys.stderr)
            return 2

        from PySide6.QtWidgets import QApplication

        from inspector.ui.main_window import MainWindow

        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName("Cloud Desktop Image Inspector")
        app.setApplicationVersion(__version__)
        app.setOrganizationName("cloud-desktop-inspector")
        app.setQuitOnLastWindowClosed(False)
        window = MainWindow()
        window.set_connection(connection.endpoint.base_url, connection.token_source)
        if demo_url:
            window.set_demo(demo_url, demo_images)
        window.show()
        return _run_loop(app, window, connection, options.image_id)


def _run_loop(
    app: QApplication, window: MainWindow, connection: Connection, image_id: str | None
) -> int:
    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    session = WindowSession(window, connection, image_id)
    try:
        with loop:
            loop.run_until_complete(session.run())
    finally:
        asyncio.set_event_loop(None)
        window.deleteLater()
    return 0


class WindowSession:
    """Owns what lives as long as the window: the httpx client and the fetch controller."""

    def __init__(self, window: MainWindow, connection: Connection, image_id: str | None) -> None:
        self.window = window
        self.connection = connection
        self.controller: FetchController | None = None
        self._pending_id = image_id
        self._painted = asyncio.Event()
        self._closed = asyncio.Event()
        window.firstPainted.connect(self._painted.set)
        window.closed.connect(self._closed.set)
        window.page.fetchRequested.connect(self._fetch)
        window.page.cancelRequested.connect(self._cancel)

    async def run(self) -> None:
        if not self.window.painted:
            await self._painted.wait()
        from inspector.api.client import ImageClient, static_token
        from inspector.api.transport import make_http_client
        from inspector.controller import FetchController

        endpoint = self.connection.endpoint
        http = make_http_client(endpoint)
        try:
            client = ImageClient(http, endpoint, static_token(self.connection.token))
            self.controller = FetchController(client, self.window.page)
            self.window.statusBar().showMessage("Ready", 3000)
            if self._pending_id is not None:
                self.window.page.id_edit.setText(self._pending_id)
                self.controller.fetch(self._pending_id)
            await self._closed.wait()
            await self.controller.aclose()
        finally:
            await http.aclose()

    def _fetch(self, raw_id: str) -> None:
        if self.controller is None:
            self._pending_id = raw_id  # fetched as soon as the backend has loaded
            return
        self.controller.fetch(raw_id)

    def _cancel(self) -> None:
        if self.controller is not None:
            self.controller.cancel()
        else:
            self._pending_id = None
