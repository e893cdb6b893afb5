"""The window's client stack, rebuilt whenever the user connects elsewhere.

One httpx client, token cache and image client per connection: built once the window has
painted, handed to the parts that fetch, taken back from them when File, Connection... picks
another connection (or the window closes), and closed before the next is built. The loop ends
when the window closes; the http client is always closed before it does, because no ``await``
runs after ``aboutToQuit``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from inspector.i18n import _

if TYPE_CHECKING:
    from inspector.api.client import ImageClient
    from inspector.api.credentials.cache import TokenStatus
    from inspector.api.retry import RetryPolicy
    from inspector.config.connection import Connection
    from inspector.ui.window.main_window import MainWindow


class ClientLoop:
    """Serves ``connection`` (then each one :meth:`switch` gives) until ``window`` closes.

    ``start`` hands each new client to its users, ``stop`` takes it back (awaited before the
    client closes); ``on_token`` hears of each new token's source and expiry.
    """

    def __init__(
        self,
        window: MainWindow,
        connection: Connection,
        *,
        timeout: float,
        retry: RetryPolicy | None,
        start: Callable[[ImageClient], None],
        stop: Callable[[], Awaitable[None]],
        on_token: Callable[[TokenStatus], None],
    ) -> None:
        self.connection = connection
        self._window = window
        self._timeout = timeout
        self._retry = retry
        self._start = start
        self._stop = stop
        self._on_token = on_token
        self._painted = asyncio.Event()
        self.closed = asyncio.Event()
        self._changed = asyncio.Event()  # the window closed, or the connection changed
        window.firstPainted.connect(self._painted.set)
        window.closed.connect(self.closed.set)
        window.closed.connect(self._changed.set)

    async def run(self) -> None:
        """Serve each connection in turn; returns once the window has closed."""
        if not self._window.painted:
            await self._painted.wait()
        while not self.closed.is_set():
            self._changed.clear()
            await self._serve()

    def switch(self, connection: Connection) -> None:
        """Use ``connection`` from now on: the running client is taken back and closed."""
        self.connection = connection
        self._changed.set()

    async def _serve(self) -> None:
        """The client stack for the connection, kept until the window closes or the user
        connects elsewhere."""
        from inspector.api.client import ImageClient
        from inspector.api.transport import Timeouts

        endpoint = self.connection.endpoint
        timeouts = Timeouts.within(self._timeout)
        http = self.connection.http_client(timeouts)
        try:
            token = self.connection.token_cache(http, on_change=self._on_token)
            client = ImageClient(http, endpoint, token, timeouts=timeouts, retry=self._retry)
            self._window.statusBar().showMessage(_("Ready"), 3000)
            self._start(client)
            await self._changed.wait()
            await self._stop()
        finally:
            await http.aclose()
