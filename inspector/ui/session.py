"""The window's session: what lives as long as the window, put together in one place.

The composition root of the window's backend, built after the first paint: the tabs'
controllers, the comparison, the folder browser's listings, the token line and the client
loop that serves them one connection at a time. It also takes what later launches hand over
and the user's choice of another connection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.config.options import DEFAULT_TIMEOUT
from inspector.core.client_loop import ClientLoop
from inspector.i18n import _
from inspector.ui import start_collector
from inspector.ui.folder_session import FolderSession
from inspector.ui.token_status import TokenLine

if TYPE_CHECKING:
    from inspector.api.retry import RetryPolicy
    from inspector.config.connection import Connection
    from inspector.core.client_loop import Client
    from inspector.core.compare_session import CompareView
    from inspector.core.fetch import FetchController
    from inspector.core.instance import Request
    from inspector.core.watch import WatchPolicy
    from inspector.present.comparison import Comparison
    from inspector.ui.dialogs.connection_switch import ConnectionSwitcher
    from inspector.ui.window.main_window import MainWindow


class _CompareDialogView:
    """The window's compare dialog, as the comparison's view (it exists once it is opened)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def _dialog(self) -> CompareView | None:
        return self._window.compare_dialog

    def show_busy(self) -> None:
        if dialog := self._dialog():
            dialog.show_busy()

    def show_comparison(self, comparison: Comparison, left: str, right: str) -> None:
        if dialog := self._dialog():
            dialog.show_comparison(comparison, left, right)

    def show_problem(self, text: str) -> None:
        if dialog := self._dialog():
            dialog.show_problem(text)


class WindowSession:
    """Owns what lives as long as the window: the client loop and the tabs' controllers.

    ``controller`` is the fetch controller of the tab that was current when the backend loaded
    (None until then): a sign for tests and the self-test that the window is ready.
    """

    def __init__(
        self,
        window: MainWindow,
        connection: Connection,
        image_id: str | None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        watch_policy: WatchPolicy | None = None,
        files: tuple[str, ...] = (),
    ) -> None:
        from inspector.core.compare_session import CompareSession
        from inspector.ui.window.tabs import TabSet

        self.window = window
        self.controller: FetchController | None = None
        self.tabs = TabSet(window, watch_policy=watch_policy)
        self.comparer = CompareSession(_CompareDialogView(window))
        window.compareRequested.connect(self.comparer.compare)
        if image_id is not None:
            window.page.open(image_id)  # fetched once the backend has loaded
        for path_text in files:
            self.tabs.open_file(path_text)
        self.token = TokenLine(window, lambda: self.connection)
        self.loop = ClientLoop(
            connection,
            timeout=timeout,
            retry=retry,
            start=self._start,
            stop=self._stop,
            on_token=self.token.show,
        )
        window.firstPainted.connect(self.loop.painted)
        window.closed.connect(self.loop.close)
        if window.painted:
            self.loop.painted()
        window.connectionDialogRequested.connect(self.open_connection_dialog)
        self.switcher: ConnectionSwitcher | None = None
        self.folders = FolderSession(window, connection)

    @property
    def connection(self) -> Connection:
        return self.loop.connection

    async def run(self) -> None:
        """Serve the window until it closes, then keep the history."""
        await self.loop.run()
        await self.tabs.history.aclose()

    def _start(self, client: Client) -> None:
        self.window.statusBar().showMessage(_("Ready"), 3000)
        self.tabs.start(client)  # files waiting to open say so after "Ready"
        self.comparer.start(client)
        self.controller = self.tabs.controller(self.window.page).fetcher
        self.folders.start(client)
        start_collector.resume()  # the start's objects are made: see start_collector

    async def _stop(self) -> None:
        await self.tabs.stop()
        await self.comparer.stop()
        await self.folders.stop()
        self.controller = None

    def take_request(self, request: Request) -> None:
        """A later launch's ID or files: each in a tab of its own, the window to the front."""
        self.window.bring_to_front()
        if request.image_id:
            self.tabs.open_image(request.image_id)
        for path_text in request.files:
            self.tabs.open_file(path_text)

    def open_connection_dialog(self) -> None:
        """File, Connection...: the dialog opens with ``open()``, never a nested loop."""
        if self.switcher is None:
            from inspector.ui.dialogs.connection_switch import ConnectionSwitcher

            self.switcher = ConnectionSwitcher(
                self.window, self.token.describe, self.apply_connection
            )
        self.switcher.open()

    def apply_connection(self, connection: Connection) -> None:
        """Use ``connection`` from now on: the running requests stop and the client is rebuilt."""
        if self.connection.demo and not connection.demo:
            self.window.leave_demo()
        self.loop.switch(connection)  # taken up once this returns
        self.token.reset()
        self.folders.switch(connection)
