"""The one transport: each line of the body cap holds on its own, and the status-error factory
picks the class by the HTTP status first and the gRPC code within it."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from inspector.api.errors import APIStatusError, RequestIds, ResponseTooLarge
from inspector.api.status_errors import (
    AlreadyExists,
    BadGateway,
    BadRequest,
    ClientError,
    DataLoss,
    FailedPrecondition,
    InternalServerError,
    NotFound,
    ServerError,
    Unauthenticated,
    Unavailable,
    status_class,
    status_error,
)
from inspector.api.transport import Exchange, send

URL = "https://cloud-desktop.api.cloud.yandex.net/cloud-desktop/v1/images/e3vc67qdve8q12345678"


class NeverRead(httpx.AsyncByteStream):
    """A body that fails the test if anything reads it."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        raise AssertionError("the body was read although its declared length is over the cap")
        yield b""  # pragma: no cover - makes this an async generator


def _send(handler: Callable[[httpx.Request], httpx.Response], cap: int) -> Exchange:
    async def run() -> Exchange:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            return await send(http, "GET", URL, deadline=5.0, max_body_bytes=cap)

    return asyncio.run(run())


def test_a_declared_length_past_the_cap_is_refused_before_the_body_is_read() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"Content-Length": "2048"}, stream=NeverRead())

    with pytest.raises(ResponseTooLarge, match="larger than 1 KiB"):
        _send(handler, 1024)


def test_a_body_built_in_memory_past_the_cap_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        response = httpx.Response(200, content=b" " * 2048)
        del response.headers["Content-Length"]  # only the body's own size can tell
        return response

    with pytest.raises(ResponseTooLarge):
        _send(handler, 1024)


def test_any_answer_comes_back_with_a_fresh_request_id() -> None:
    sent: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request.headers["x-client-request-id"])
        return httpx.Response(503, content=b"{}", headers={"x-request-id": "srv-1"})

    first, second = _send(handler, 1024), _send(handler, 1024)
    assert first.status_code == 503 and first.request_ids.request_id == "srv-1"
    assert [first.request_ids.client_request_id, second.request_ids.client_request_id] == sent
    assert sent[0] != sent[1]


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (400, None, BadRequest),
        (400, 9, FailedPrecondition),
        (400, 5, BadRequest),  # a code of another status does not move the class
        (401, None, Unauthenticated),
        (404, 3, NotFound),
        (409, 6, AlreadyExists),
        (418, None, ClientError),
        (500, 15, DataLoss),
        (500, 99, InternalServerError),
        (502, 14, BadGateway),
        (503, 14, Unavailable),
        (507, None, ServerError),
        (600, None, APIStatusError),
    ],
)
def test_the_status_class_is_keyed_by_http_status_then_grpc_code(
    status: int, code: int | None, expected: type[APIStatusError]
) -> None:
    assert status_class(status, code) is expected


def test_a_status_error_reads_the_body_and_its_request_id() -> None:
    body = b'{"code": 5, "message": "gone", "details": [{"requestId": "from-details"}]}'
    error = status_error(404, "Not Found", body, RequestIds("mine"))
    assert isinstance(error, NotFound)
    assert error.body is not None and error.body.message == "gone"
    assert error.request_ids is not None and error.request_ids.request_id == "from-details"
