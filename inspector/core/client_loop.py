"""The window's client stack, rebuilt whenever the user connects elsewhere.

One httpx client, token cache and image client per connection: built once the window has
painted, handed to the parts that fetch, taken back from them when File, Connection... picks
another connection (or the window closes), and closed before the next is built. The loop ends
when the window closes; the http client is always closed before it does, because no ``await``
runs after ``aboutToQuit``. No Qt: the window tells the loop when it has painted and when it
closes, so the window builds no client and sends no request itself.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeAlias

if TYPE_CHECKING:
    from inspector.api.client import ImageClient
    from inspector.api.credentials.cache import TokenStatus
    from inspector.api.retry import RetryPolicy
    from inspector.config.connection import Connection

    # What the window's parts are handed for one connection and pass on to their controllers;
    # they never call it, so they name it here rather than in the HTTP layer.
    Client: TypeAlias = ImageClient


class ClientLoop:
    """Serves ``connection`` (then each one :meth:`switch` gives) until :meth:`close`.

    ``start`` hands each new client to its users, ``stop`` takes it back (awaited before the
    client closes); ``on_token`` hears of each new token's source and expiry.
    """

    def __init__(
        self,
        connection: Connection,
        *,
        timeout: float,
        retry: RetryPolicy | None,
        start: Callable[[Client], None],
        stop: Callable[[], Awaitable[None]],
        on_token: Callable[[TokenStatus], None],
    ) -> None:
        self.connection = connection
        self._timeout = timeout
        self._retry = retry
        self._start = start
        self._stop = stop
        self._on_token = on_token
        self._painted = asyncio.Event()
        self.closed = asyncio.Event()
        self._changed = asyncio.Event()  # the window closed, or the connection changed

    def painted(self) -> None:
        """The window has shown its first frame: the client stack may load now."""
        self._painted.set()

    def close(self) -> None:
        """The window has closed: the running client is taken back and closed, and
        :meth:`run` returns."""
        self.closed.set()
        self._changed.set()

    async def run(self) -> None:
        """Serve each connection in turn, once painted; returns once the window has closed."""
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
            self._start(client)
            await self._changed.wait()
            await self._stop()
        finally:
            await http.aclose()
