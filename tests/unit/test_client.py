"""The client against ``httpx.MockTransport``: headers sent, errors typed, nothing leaked."""

from __future__ import annotations

import asyncio
import json
import uuid
from collections.abc import Callable, Coroutine

import httpx
import pytest

from inspector.api.client import MAX_BODY_BYTES, FetchResult, ImageClient, static_token
from inspector.api.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    RedirectError,
    ResponseError,
    UsageError,
)
from inspector.api.inputs import parse_endpoint
from inspector.api.transport import Timeouts, user_agent

TOKEN = "t1.secretpart.secretsignature"
IMAGE = {"id": "e3vc67qdve8q12345678", "status": "ACTIVE", "storageSize": "1024"}
Handler = (
    Callable[[httpx.Request], httpx.Response]
    | Callable[[httpx.Request], Coroutine[None, None, httpx.Response]]
)


def fetch(
    handler: Handler,
    image_id: str = "e3vc67qdve8q12345678",
    *,
    timeouts: Timeouts | None = None,
    max_body_bytes: int = MAX_BODY_BYTES,
) -> FetchResult:
    async def run() -> FetchResult:
        endpoint = parse_endpoint("https://cloud-desktop.api.cloud.yandex.net")
        transport = httpx.MockTransport(handler)
        async with httpx.AsyncClient(
            transport=transport, headers={"User-Agent": user_agent()}
        ) as http:
            client = ImageClient(
                http,
                endpoint,
                static_token(TOKEN),
                timeouts=timeouts,
                max_body_bytes=max_body_bytes,
            )
            return await client.get_image(image_id)

    return asyncio.run(run())


def json_response(status: int, data: object, **headers: str) -> httpx.Response:
    return httpx.Response(status, content=json.dumps(data).encode(), headers=headers)


def test_request_shape() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return json_response(200, IMAGE)

    fetch(handler, "  e3vc67qdve8q12345678 ")
    request = seen[0]
    assert str(request.url) == (
        "https://cloud-desktop.api.cloud.yandex.net/cloud-desktop/v1/images/e3vc67qdve8q12345678"
    )
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert uuid.UUID(request.headers["x-client-request-id"])
    assert request.headers["user-agent"].startswith("cloud-desktop-inspector/")


def test_every_call_has_a_fresh_request_id() -> None:
    ids: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        ids.append(request.headers["x-client-request-id"])
        return json_response(200, IMAGE)

    fetch(handler)
    fetch(handler)
    assert len(set(ids)) == 2


def test_success_keeps_exact_text_and_ids() -> None:
    raw = '{"id":"e3vc67qdve8q12345678",  "name":"образ"}'

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=raw.encode(), headers={"x-request-id": "r-1", "x-server-trace-id": "t-1"}
        )

    result = fetch(handler)
    assert result.text == raw
    ids = result.exchange.request_ids
    assert (ids.request_id, ids.server_trace_id) == ("r-1", "t-1")


def test_status_error_carries_everything_support_needs() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(
            401,
            {
                "code": 16,
                "message": "Token is invalid or has expired.",
                "details": [
                    {"@type": "type.googleapis.com/google.rpc.RequestInfo", "requestId": "rq"}
                ],
            },
            **{"x-server-trace-id": "trace"},
        )

    with pytest.raises(APIStatusError) as caught:
        fetch(handler)
    error = caught.value
    assert error.status_code == 401
    assert error.body is not None and error.body.code == 16
    assert error.request_ids is not None
    assert error.request_ids.request_id == "rq"
    assert error.request_ids.server_trace_id == "trace"
    assert TOKEN not in str(error)


def test_html_error_from_a_proxy() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(502, content=b"<html>Bad Gateway</html>")

    with pytest.raises(APIStatusError) as caught:
        fetch(handler)
    assert caught.value.body is None
    assert "Bad Gateway" in caught.value.body_text


def test_redirect_is_not_followed_and_names_the_host() -> None:
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(str(request.url))
        return httpx.Response(302, headers={"Location": "https://evil.example/steal"})

    with pytest.raises(RedirectError) as caught:
        fetch(handler)
    assert caught.value.target == "evil.example"
    assert len(calls) == 1


def test_ok_with_html_names_content_type() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=b"<html>login</html>", headers={"content-type": "text/html"}
        )

    with pytest.raises(ResponseError, match=r"HTML.*Content-Type: text/html"):
        fetch(handler)


def test_wrong_field_types_are_listed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return json_response(200, {"storageSize": "big", "labels": {"a": 1}})

    with pytest.raises(ResponseError) as caught:
        fetch(handler)
    assert len(caught.value.problems) == 2


def test_body_over_the_cap_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b" " * 2048)

    with pytest.raises(ResponseError, match="larger than 1 KiB"):
        fetch(handler, max_body_bytes=1024)


def test_connection_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno 111] Connection refused")

    with pytest.raises(APIConnectionError) as caught:
        fetch(handler)
    assert caught.value.kind == "refused"


def test_dns_failure() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known")

    with pytest.raises(APIConnectionError) as caught:
        fetch(handler)
    assert caught.value.kind == "dns"


def test_whole_request_deadline() -> None:
    async def handler(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(5)
        return json_response(200, IMAGE)

    with pytest.raises(APITimeoutError, match=r"within 0\.1 s"):
        fetch(handler, timeouts=Timeouts(total=0.1))


def test_malformed_id_sends_nothing() -> None:
    calls: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request)
        return json_response(200, IMAGE)

    with pytest.raises(UsageError):
        fetch(handler, "../etc/passwd")
    assert calls == []
