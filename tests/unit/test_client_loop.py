"""The window's client stack without a window: nothing is built before the first paint, each
connection gets a client of its own, and each client is taken back from its users before its
HTTP client closes, the last one when the window closes."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import httpx

from inspector.api.client import ImageClient
from inspector.api.inputs import parse_endpoint
from inspector.api.transport import Timeouts
from inspector.config.connection import Connection
from inspector.core.client_loop import ClientLoop
from tests.unit.test_tab_controller import until

OPENED: list[httpx.AsyncClient] = []


@dataclass(frozen=True, slots=True)
class RecordingConnection(Connection):
    """A connection that keeps each HTTP client it builds, to see when it is closed."""

    def http_client(self, timeouts: Timeouts | None = None) -> httpx.AsyncClient:
        http = Connection.http_client(self, timeouts)  # slots: no zero-argument super()
        OPENED.append(http)
        return http


def connection(base_url: str) -> Connection:
    return RecordingConnection(parse_endpoint(base_url))


def test_each_connection_gets_a_client_taken_back_before_it_closes() -> None:
    started: list[ImageClient] = []
    open_when_stopped: list[bool] = []

    async def stop() -> None:
        open_when_stopped.append(not OPENED[-1].is_closed)

    async def scenario() -> None:
        OPENED.clear()
        loop = ClientLoop(
            connection("http://127.0.0.1:1"),
            timeout=5.0,
            retry=None,
            start=started.append,
            stop=stop,
            on_token=lambda _status: None,
        )
        running = asyncio.create_task(loop.run())
        for _ in range(20):
            await asyncio.sleep(0)
        assert (started, OPENED) == ([], [])  # nothing loads before the window has painted
        loop.painted()
        await until(lambda: len(started) == 1)
        assert started[0].endpoint.base_url == "http://127.0.0.1:1"
        loop.switch(connection("http://127.0.0.1:2"))
        await until(lambda: len(started) == 2)
        assert started[1].endpoint.base_url == "http://127.0.0.1:2"
        assert OPENED[0].is_closed and not OPENED[1].is_closed
        loop.close()
        await asyncio.wait_for(running, 5)
        assert [http.is_closed for http in OPENED] == [True, True]
        assert open_when_stopped == [True, True]

    asyncio.run(scenario())
