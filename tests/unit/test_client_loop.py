"""The window's client stack without a window: nothing is built before the first paint, each
connection gets a client of its own, and each client is taken back from its users before its
HTTP client closes, the last one when the window closes."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest

from inspector.api.client import ImageClient
from inspector.api.credentials.cache import TokenStatus
from inspector.api.credentials.plan import CredentialPlan, SourceKind
from inspector.api.errors import InspectorError
from inspector.api.inputs import parse_endpoint
from inspector.api.retry import RetryPolicy
from inspector.api.transport import Timeouts
from inspector.config.connection import Connection
from inspector.core.client_loop import ClientLoop
from inspector.demo.server import DemoServer
from tests.unit.test_tab_controller import TOKEN, until

OPENED: list[httpx.AsyncClient] = []
NO_RETRY = RetryPolicy(attempts=1)


class RecordingConnection(Connection):
    """A connection that keeps each HTTP client it builds, to see when it is closed."""

    def http_client(self, timeouts: Timeouts | None = None) -> httpx.AsyncClient:
        http = Connection.http_client(self, timeouts)
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


# -- what the user set reaches every request of the window ---------------------------------


@contextmanager
def silent_server() -> Iterator[socket.socket]:
    """A loopback port that takes connections and never answers (the kernel accepts them)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        yield server


def url_of(server: socket.socket) -> str:
    host, port = server.getsockname()
    return f"http://{host}:{port}"


async def first_client(
    connection: Connection,
    *,
    deadline: float = 5.0,
    retry: RetryPolicy | None = None,
    on_token: Callable[[TokenStatus], None] = lambda _status: None,
) -> tuple[ClientLoop, ImageClient, asyncio.Task[None]]:
    """A loop serving ``connection`` after the first paint, and the client it handed out."""
    started: list[ImageClient] = []

    async def stop() -> None:
        pass

    loop = ClientLoop(
        connection,
        timeout=deadline,
        retry=retry,
        start=started.append,
        stop=stop,
        on_token=on_token,
    )
    running = asyncio.create_task(loop.run())
    loop.painted()
    await until(lambda: len(started) == 1)
    return loop, started[0], running


def fetch_error(connection: Connection, image_id: str, **settings: Any) -> tuple[str, float]:
    """The message of the error a fetch through the loop's client ends with, and how long the
    fetch took."""

    async def scenario() -> tuple[str, float]:
        loop, client, running = await first_client(connection, **settings)
        began = time.monotonic()
        try:
            with pytest.raises(InspectorError) as raised:
                await asyncio.wait_for(client.get_image(image_id), 10)
            return str(raised.value), time.monotonic() - began
        finally:
            loop.close()
            await asyncio.wait_for(running, 5)

    return asyncio.run(scenario())


def test_a_fetch_gives_up_after_the_timeout_the_user_set() -> None:
    """The whole request, not only each read: "within 0.3 s", and no later."""
    with silent_server() as server:
        message, took = fetch_error(
            connection(url_of(server)), "e3vdemoactive0000001", deadline=0.3, retry=NO_RETRY
        )
    assert message == "no complete answer from 127.0.0.1 within 0.3 s"
    assert took < 2.0


def test_a_token_request_gives_up_after_the_timeout_the_user_set_too() -> None:
    """The metadata service is asked through the same HTTP client: it waits no longer for its
    answer than the user allows, though its own limit is longer."""
    with silent_server() as metadata, DemoServer() as demo:
        plan = CredentialPlan(SourceKind.METADATA, metadata_url=f"{url_of(metadata)}/token")
        target = RecordingConnection(parse_endpoint(demo.base_url), plan)
        message, took = fetch_error(target, "e3vdemoactive0000001", deadline=0.3, retry=NO_RETRY)
    assert message == "the metadata service at 127.0.0.1 timed out (ReadTimeout)"
    assert took < 2.0


def test_fetches_retry_as_often_as_the_user_set() -> None:
    with DemoServer() as demo:
        message, _took = fetch_error(
            connection(demo.base_url),
            "e3vdemoerror50300001",
            retry=RetryPolicy(attempts=2, base_delay=0.01, max_delay=0.01, max_retry_after=0.01),
        )
        asked = [request.path for request in demo.requests]
    assert message == "HTTP 503: Service unavailable"
    assert asked == ["/cloud-desktop/v1/images/e3vdemoerror50300001"] * 2


def test_the_status_bar_hears_where_the_token_came_from() -> None:
    heard: list[TokenStatus] = []
    with DemoServer() as demo:
        plan = CredentialPlan(SourceKind.IAM_TOKEN, "--token", secret=TOKEN)
        target = RecordingConnection(parse_endpoint(demo.base_url), plan)

        async def scenario() -> None:
            loop, client, running = await first_client(target, on_token=heard.append)
            try:
                fetched = await asyncio.wait_for(client.get_image("e3vdemoactive0000001"), 10)
                assert fetched.image.id == "e3vdemoactive0000001"
            finally:
                loop.close()
                await asyncio.wait_for(running, 5)

        asyncio.run(scenario())
        (request,) = demo.requests
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert [status.source for status in heard] == ["IAM token from --token"]
