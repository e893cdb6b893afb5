"""Hostile networks and servers, injected for real on 127.0.0.1, through the real client.

Each test says what the user sees. The lines checked are the explanation that ``get`` prints
on stderr and the window shows in its error banner (both come from ``explain``); retry notices
are what the window's progress line and ``get`` announce before each wait.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import os
import subprocess
import sys
import time
import tracemalloc
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from email.utils import formatdate

import pytest

from inspector.api.client import MAX_BODY_BYTES, FetchResult, ImageClient, static_token
from inspector.api.errors import APIError
from inspector.api.inputs import parse_endpoint
from inspector.api.retry import RetryNotice, RetryPolicy
from inspector.api.transport import Timeouts, make_http_client
from inspector.present.errors import explain, explanation_lines
from tests.integration.fault_server import (
    IMAGES_PATH,
    FaultServer,
    MiB,
    answer,
    drip,
    gzip_bomb,
    huge_body,
    image,
    image_body,
    redirect,
    refused_url,
    reset_before_headers,
    reset_mid_body,
    sequence,
    short_body,
    status_body,
)

TOKEN = "t1.9euelZqQfaultTOKEN0123456789.signatureFAULT-_xyz"
ID = "e3vfault000000000001"
FAST_RETRY = RetryPolicy(base_delay=0.01, max_delay=0.05)
HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


@dataclass
class Seen:
    """What a user gets from one fetch: the image, or the explanation, and the retry notices."""

    result: FetchResult | None = None
    error: APIError | None = None
    lines: list[str] = field(default_factory=list)
    notices: list[RetryNotice] = field(default_factory=list)
    waits: list[float] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def fetch(
    base_url: str,
    image_id: str = ID,
    *,
    timeouts: Timeouts | None = None,
    retry: RetryPolicy = FAST_RETRY,
) -> Seen:
    """Fetch through the real client; waits between attempts are recorded, not slept."""
    seen = Seen()

    async def record_wait(seconds: float) -> None:
        seen.waits.append(seconds)
        await asyncio.sleep(0)

    async def run() -> None:
        endpoint = parse_endpoint(base_url)
        async with make_http_client(endpoint, timeouts) as http:
            client = ImageClient(
                http,
                endpoint,
                static_token(TOKEN),
                timeouts=timeouts,
                retry=retry,
                sleep=record_wait,
            )
            try:
                seen.result = await client.get_image(image_id, on_retry=seen.notices.append)
            except APIError as error:
                seen.error = error
                seen.lines = explanation_lines(explain(error, endpoint=base_url))

    asyncio.run(run())
    assert TOKEN not in seen.text
    return seen


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as fault_server:
        yield fault_server
        deadline = time.monotonic() + 5
        while fault_server.open_connections and time.monotonic() < deadline:
            time.sleep(0.02)
        assert fault_server.open_connections == 0, "a connection was left open"


def retried_twice(seen: Seen, reason: str) -> None:
    assert [(n.attempt, n.attempts) for n in seen.notices] == [(2, 3), (3, 3)]
    assert all(n.reason == reason for n in seen.notices)


def test_connection_refused() -> None:
    """The user sees two "retrying" notices, then "127.0.0.1 refused the connection"."""
    with refused_url() as url:
        seen = fetch(url)
    retried_twice(seen, "127.0.0.1 refused the connection")
    assert seen.lines[0] == "error: 127.0.0.1 refused the connection"
    assert "check the host and port (--endpoint)" in seen.text


def test_reset_before_headers(server: FaultServer) -> None:
    """Retried twice, then "The connection to 127.0.0.1 broke" with the request id."""
    server.faults[ID] = reset_before_headers()
    seen = fetch(server.base_url)
    retried_twice(seen, "the connection to 127.0.0.1 broke before a complete answer came")
    assert seen.lines[0] == "error: The connection to 127.0.0.1 broke"
    assert "x-client-request-id:" in seen.text
    assert server.hits(ID) == 3


def test_reset_mid_body(server: FaultServer) -> None:
    """Retried twice, then "The connection to 127.0.0.1 broke"; no half image is shown."""
    server.faults[ID] = reset_mid_body()
    seen = fetch(server.base_url)
    assert seen.result is None
    retried_twice(seen, "the connection to 127.0.0.1 broke before a complete answer came")
    assert seen.lines[0] == "error: The connection to 127.0.0.1 broke"


def test_body_shorter_than_content_length(server: FaultServer) -> None:
    """Retried twice, then "The connection to 127.0.0.1 broke": a short body is not an image."""
    server.faults[ID] = short_body()
    seen = fetch(server.base_url)
    assert seen.result is None
    assert len(seen.notices) == 2
    assert seen.lines[0] == "error: The connection to 127.0.0.1 broke"


def test_one_byte_per_second_is_cut_by_the_whole_request_deadline(server: FaultServer) -> None:
    """Each byte comes well within the read limit, yet after the deadline the user sees
    "The request to 127.0.0.1 timed out" ("no complete answer ... within 1.5 s"), not retried."""
    server.faults[ID] = drip(1.0)
    started = time.monotonic()
    seen = fetch(server.base_url, timeouts=Timeouts(connect=5, read=5, total=1.5))
    assert time.monotonic() - started < 5  # the read limit alone would never fire
    assert seen.lines[0] == "error: The request to 127.0.0.1 timed out"
    assert "no complete answer from 127.0.0.1 within 1.5 s" in seen.text
    assert seen.notices == []


def test_200_with_an_empty_body(server: FaultServer) -> None:
    """ "The answer is not a DesktopImage": "HTTP 200, but the body is empty"."""
    server.faults[ID] = answer(200, b"")
    seen = fetch(server.base_url)
    assert seen.lines[0] == "error: The answer is not a DesktopImage"
    assert "HTTP 200, but the body is empty" in seen.text


def test_200_with_html(server: FaultServer) -> None:
    """ "The answer is not a DesktopImage": the body is HTML, naming the Content-Type."""
    server.faults[ID] = answer(200, b"<html><body>Sign in</body></html>", content_type="text/html")
    seen = fetch(server.base_url)
    assert seen.lines[0] == "error: The answer is not a DesktopImage"
    assert "the body is HTML, not JSON" in seen.text
    assert "(Content-Type: text/html)" in seen.text
    assert seen.notices == []


def test_502_with_html_from_a_proxy(server: FaultServer) -> None:
    """Retried twice ("HTTP 502 Bad Gateway"), then "The API failed to answer (HTTP 502)"
    with an excerpt of the HTML page and the hint that a proxy may have answered."""
    server.faults[ID] = answer(502, HTML_502, content_type="text/html")
    seen = fetch(server.base_url)
    retried_twice(seen, "HTTP 502 Bad Gateway")
    assert seen.lines[0] == "error: The API failed to answer (HTTP 502)"
    assert "the body is an HTML page: <html><head><title>502 Bad Gateway" in seen.text
    assert "a proxy, a gateway or a wrong endpoint may have answered" in seen.text


def test_429_with_retry_after_seconds(server: FaultServer) -> None:
    """ "Retrying in 1 s (attempt 2 of 3)" exactly as the server asked, then the image."""
    busy = answer(429, status_body(8, "too many requests"), headers=[("Retry-After", "1")])
    server.faults[ID] = sequence(busy, image())
    seen = fetch(server.base_url)
    assert seen.result is not None
    assert seen.result.image.id == ID
    assert seen.waits == [1.0]
    assert seen.notices == [RetryNotice(2, 3, 1.0, "HTTP 429 Too Many Requests")]


def test_429_with_retry_after_http_date(server: FaultServer) -> None:
    """An HTTP-date is honoured too: the wait is the time until that date."""
    when = formatdate(time.time() + 3, usegmt=True)
    busy = answer(429, status_body(8, "too many requests"), headers=[("Retry-After", when)])
    server.faults[ID] = sequence(busy, image())
    seen = fetch(server.base_url)
    assert seen.result is not None
    assert len(seen.waits) == 1
    assert 0 < seen.waits[0] <= 3


def test_429_asking_for_an_hour_is_not_waited_for(server: FaultServer) -> None:
    """Past the 30 s cap the window does not hang: at once, "The API refused the request
    (HTTP 429)", RESOURCE_EXHAUSTED and "retry later"."""
    server.faults[ID] = answer(
        429, status_body(8, "quota exhausted"), headers=[("Retry-After", "3600")]
    )
    seen = fetch(server.base_url, retry=RetryPolicy())
    assert seen.notices == []
    assert seen.lines[0] == "error: The API refused the request (HTTP 429)"
    assert "8 RESOURCE_EXHAUSTED" in seen.text
    assert "retry later" in seen.text.lower()
    assert server.hits(ID) == 1


def test_503_twice_then_200(server: FaultServer) -> None:
    """Two notices ("HTTP 503 Service Unavailable", attempts 2 and 3), then the image."""
    unavailable = answer(503, status_body(14, "unavailable"))
    server.faults[ID] = sequence(unavailable, unavailable, image())
    seen = fetch(server.base_url)
    retried_twice(seen, "HTTP 503 Service Unavailable")
    assert seen.result is not None
    assert seen.result.image.name == f"image-{ID}"
    assert len(seen.waits) == 2
    assert all(0 <= wait <= FAST_RETRY.max_delay for wait in seen.waits)


def test_501_and_other_4xx_are_never_retried(server: FaultServer) -> None:
    """One request each, and the error at once."""
    for status, code in ((501, 12), (400, 3), (401, 16), (403, 7), (404, 5), (409, 10)):
        image_id = f"e3vstatus{status}"
        server.faults[image_id] = answer(status, status_body(code, "no"))
        seen = fetch(server.base_url, image_id)
        assert seen.notices == [], status
        assert server.hits(image_id) == 1, status
        assert f"HTTP status:   {status}" in seen.text


def test_redirect_loop(server: FaultServer) -> None:
    """ "The server redirected the request to 127.0.0.1"; it is not followed, so one request."""
    server.faults[ID] = redirect(f"{server.base_url}{IMAGES_PATH}{ID}")
    seen = fetch(server.base_url)
    assert seen.lines[0] == "error: The server redirected the request to 127.0.0.1"
    assert "the token was not sent anywhere else" in seen.text
    assert server.hits(ID) == 1


def test_redirect_to_another_host_sends_it_nothing(server: FaultServer) -> None:
    """ "The server redirected the request to localhost"; the Authorization header went only
    to the endpoint the user named, and nothing at all reached the other host."""
    with FaultServer() as other:
        other.faults[ID] = image()
        server.faults[ID] = redirect(f"http://localhost:{other.port}{IMAGES_PATH}{ID}", 307)
        seen = fetch(server.base_url)
        assert seen.lines[0] == "error: The server redirected the request to localhost"
        assert server.requests[0].headers["authorization"] == f"Bearer {TOKEN}"
        assert other.requests == []


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "until-close"])
def test_20_mib_body_is_cut_at_the_cap(server: FaultServer, declared: bool) -> None:
    """ "The answer is not a DesktopImage": "the answer is larger than 4096 KiB"."""
    server.faults[ID] = huge_body(20 * MiB, declared=declared)
    seen = fetch(server.base_url)
    assert seen.lines[0] == "error: The answer is not a DesktopImage"
    assert "the answer is larger than 4096 KiB" in seen.text


@pytest.mark.parametrize("layers", [1, 2])
def test_gzip_that_inflates_past_the_cap(server: FaultServer, layers: int) -> None:
    """64 MiB of gzip (or gzip inside gzip) is refused with a typed error while memory stays
    near the cap: "larger than 4096 KiB", or that the encoding is not one it decodes."""
    server.faults[ID] = gzip_bomb(64 * MiB, layers=layers)
    tracemalloc.start()
    try:
        seen = fetch(server.base_url)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 4 * MAX_BODY_BYTES
    assert seen.lines[0] == "error: The answer is not a DesktopImage"
    expected = "larger than 4096 KiB" if layers == 1 else "the body is encoded as gzip, gzip"
    assert expected in seen.text


def test_invalid_utf8(server: FaultServer) -> None:
    """ "HTTP 200, but the body is not valid UTF-8 (bad byte at offset 8)"."""
    server.faults[ID] = answer(200, b'{"id": "\xff\xfe"}')
    seen = fetch(server.base_url)
    assert "HTTP 200, but the body is not valid UTF-8 (bad byte at offset 8)" in seen.text


@pytest.mark.parametrize(
    "body",
    [b"[" * 100_000 + b"]" * 100_000, b'{"a":' * 100_000 + b"1" + b"}" * 100_000],
    ids=["arrays", "objects"],
)
def test_json_nested_100000_deep(server: FaultServer, body: bytes) -> None:
    """ "HTTP 200, but the JSON is nested too deeply to be an API answer"."""
    server.faults[ID] = answer(200, body)
    seen = fetch(server.base_url)
    assert "the JSON is nested too deeply to be an API answer" in seen.text


def _raw_deflate(data: bytes) -> bytes:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


@pytest.mark.parametrize(
    ("encoding", "pack"),
    [
        ("gzip", gzip.compress),
        ("x-gzip", gzip.compress),
        ("deflate", zlib.compress),
        ("deflate", _raw_deflate),
        ("identity", bytes),
    ],
    ids=["gzip", "x-gzip", "deflate", "raw-deflate", "identity"],
)
def test_compressed_bodies_parse(server: FaultServer, encoding: str, pack: object) -> None:
    """A compressed answer shows the image like any other."""
    assert callable(pack)
    body = pack(image_body(ID, labels={"env": "прод"}))
    server.faults[ID] = answer(200, body, headers=[("Content-Encoding", encoding)])
    seen = fetch(server.base_url)
    assert seen.result is not None
    assert seen.result.image.labels == {"env": "прод"}


@pytest.mark.parametrize(
    ("encoding", "body", "says"),
    [
        ("br", b"\x1b\x00", "the body is encoded as br"),
        ("gzip", gzip.compress(image_body(ID))[:-12], "the gzip body is truncated"),
        ("gzip", b"\x1f\x8b\x08\x00garbage-garbage", "the gzip body is corrupt"),
        ("deflate", b"\x78\x9c\xff\xff\xff", "the deflate body is corrupt"),
    ],
    ids=["br", "truncated-gzip", "corrupt-gzip", "corrupt-deflate"],
)
def test_bad_compression_is_a_typed_error(
    server: FaultServer, encoding: str, body: bytes, says: str
) -> None:
    """ "The answer is not a DesktopImage", saying what is wrong with the encoding."""
    server.faults[ID] = answer(200, body, headers=[("Content-Encoding", encoding)])
    seen = fetch(server.base_url)
    assert seen.lines[0] == "error: The answer is not a DesktopImage"
    assert says in seen.text


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        (None, image_body(ID)),
        ("text/plain", image_body(ID)),
        ("application/json", b"\xef\xbb\xbf" + image_body(ID)),
    ],
    ids=["no-content-type", "wrong-content-type", "bom"],
)
def test_odd_but_valid_answers_parse(
    server: FaultServer, content_type: str | None, body: bytes
) -> None:
    """A missing or wrong Content-Type, or a UTF-8 BOM, still shows the image."""
    server.faults[ID] = answer(200, body, content_type=content_type)
    seen = fetch(server.base_url)
    assert seen.result is not None
    assert seen.result.image.id == ID


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b'{"id": "a", "id": "b"}', "the JSON has the key 'id' twice in one object"),
        (b'{"storageSize": ' + b"9" * 5000 + b"}", "the JSON has a number too long to read"),
        (b'{"storageSize": 1e999}', "storageSize: expected an int64"),
        (b'{"storageSize": "99999999999999999999"}', "storageSize: the number does not fit"),
        (b'{"minDiskSize": NaN}', "the JSON has NaN"),
        ('{"id": "e3v"}'.encode("utf-16"), "not valid UTF-8"),
        (b"[1, 2]", "expected a JSON object, got an array"),
    ],
    ids=["duplicate-key", "long-number", "huge-float", "past-int64", "nan", "utf16", "array"],
)
def test_absurd_json_is_a_typed_error(server: FaultServer, body: bytes, says: str) -> None:
    """ "The answer is not a DesktopImage" with the reason, never a crash."""
    server.faults[ID] = answer(200, body)
    seen = fetch(server.base_url)
    assert seen.lines[0] == "error: The answer is not a DesktopImage"
    assert says in seen.text


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspector", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", "YC_IAM_TOKEN": TOKEN},
        timeout=60,
        check=False,
    )


def test_cli_says_it_is_retrying_then_prints_the_image(server: FaultServer) -> None:
    """`get` prints "retrying in N s (attempt 2 of 3): HTTP 503 Service Unavailable" on stderr,
    then the image on stdout, and exits 0."""
    unavailable = answer(503, status_body(14, "unavailable"))
    server.faults[ID] = sequence(unavailable, unavailable, image())
    result = run_cli("get", ID, "--endpoint", server.base_url, "-o", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["id"] == ID
    notes = [line for line in result.stderr.splitlines() if line.startswith("retrying in ")]
    assert [note.split(" (")[1] for note in notes] == [
        "attempt 2 of 3): HTTP 503 Service Unavailable",
        "attempt 3 of 3): HTTP 503 Service Unavailable",
    ]
    assert TOKEN not in result.stderr


def test_cli_timeout_option_sets_the_deadline(server: FaultServer) -> None:
    """`get --timeout 1` against a dripping server exits 1 with "timed out" within 1 s."""
    server.faults[ID] = drip(0.5)
    result = run_cli("get", ID, "--endpoint", server.base_url, "--timeout", "1")
    assert result.returncode == 1
    assert "error: The request to 127.0.0.1 timed out" in result.stderr
    assert "within 1 s" in result.stderr
