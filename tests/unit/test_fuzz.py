"""Property tests: whatever a server sends, the result is an image or a typed error, and
formatting it for the window or the terminal never raises.

The number of examples is bounded so CI stays fast; the example database is off so a run
leaves nothing behind.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import zlib
from collections.abc import Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector.api.client import FetchResult, ImageClient, static_token
from inspector.api.errors import APIError
from inspector.api.inputs import parse_endpoint
from inspector.api.models import DesktopImage, ImageParseError, parse_image
from inspector.api.retry import RetryPolicy
from inspector.api.transport import make_http_client
from inspector.present.errors import explain, explanation_lines
from inspector.present.image import format_image_text, present_image
from inspector.present.text import display_width, pad, printable
from tests.integration.fault_server import Fault, FaultServer, Request, Wire

FUZZ = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
NOW_NS = 1_780_000_000 * 10**9
FIELDS = (
    "id",
    "folderId",
    "createdAt",
    "status",
    "name",
    "description",
    "labels",
    "storageSize",
    "minDiskSize",
)

json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40)
json_values = st.recursive(
    json_scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=20,
)
timestamps = st.from_regex(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{0,12})?"
    r"([Zz]|[+-][0-9]{2}:[0-9]{2})?",
    fullmatch=True,
)
int64_texts = st.integers(min_value=-(2**70), max_value=2**70).map(str)
field_values = (
    json_values
    | timestamps
    | int64_texts
    | st.integers(min_value=-(2**64), max_value=2**64)
    | st.sampled_from(["ACTIVE", "CREATING", "DELETING", "STATUS_UNSPECIFIED", "ARCHIVED", ""])
    | st.dictionaries(st.text(max_size=30), st.text(max_size=30), max_size=6)
)
image_like = st.dictionaries(
    st.sampled_from(FIELDS) | st.text(max_size=8), field_values, max_size=len(FIELDS) + 3
)


def check_formatting(image: DesktopImage) -> None:
    view = present_image(image, NOW_NS)
    assert isinstance(format_image_text(view), str)
    for field in view.fields:
        assert field.value is None or isinstance(field.value, str)


def parse_or_typed_error(body: bytes) -> DesktopImage | ImageParseError:
    try:
        image, _ = parse_image(body)
    except ImageParseError as error:
        return error
    return image


@FUZZ
@given(st.binary(max_size=512))
def test_arbitrary_bytes_parse_or_fail_typed(body: bytes) -> None:
    outcome = parse_or_typed_error(body)
    if isinstance(outcome, DesktopImage):
        check_formatting(outcome)


@FUZZ
@given(json_values)
def test_arbitrary_json_parses_or_fails_typed(value: Any) -> None:
    outcome = parse_or_typed_error(json.dumps(value).encode())
    if isinstance(outcome, DesktopImage):
        check_formatting(outcome)


@FUZZ
@given(image_like)
def test_image_shaped_json_parses_or_fails_typed_and_formats(value: dict[str, Any]) -> None:
    outcome = parse_or_typed_error(json.dumps(value, ensure_ascii=False).encode())
    if isinstance(outcome, DesktopImage):
        check_formatting(outcome)
    else:
        assert str(outcome)
        assert all(isinstance(problem, str) for problem in outcome.problems)


@FUZZ
@given(st.text())
def test_text_helpers_never_raise(text: str) -> None:
    shown = printable(text)
    assert "\x1b" not in shown
    assert "\n" not in shown
    assert display_width(pad(shown, 20)) >= min(20, display_width(shown))


class Loopback:
    """One server, one event loop and one client for all examples; each sets the answer."""

    def __init__(self, server: FaultServer) -> None:
        self.server = server
        self.loop = asyncio.new_event_loop()
        self.endpoint = parse_endpoint(server.base_url)
        self.http = make_http_client(self.endpoint)
        token = static_token(None)
        self.client = ImageClient(self.http, self.endpoint, token, retry=RetryPolicy(attempts=1))
        self.status = 200
        self.headers: list[tuple[str, str]] = []
        self.body = b""

    def answer(self, request: Request) -> Fault:
        def respond(wire: Wire, _request: Request) -> None:
            headers = [*self.headers, ("Connection", "close")]
            wire.respond(self.status, self.body, headers, content_type=None)
            wire.close()  # one connection per example, so a broken one cannot spill over

        return respond

    def fetch(self) -> FetchResult:
        return self.loop.run_until_complete(self.client.get_image("e3vfuzz0000000000001"))

    def close(self) -> None:
        self.loop.run_until_complete(self.http.aclose())
        self.loop.close()


@pytest.fixture(scope="module")
def loopback() -> Iterator[Loopback]:
    with FaultServer() as server:
        wired = Loopback(server)
        server.fallback = wired.answer
        yield wired
        wired.close()


def compress(body: bytes, encoding: str) -> tuple[list[tuple[str, str]], bytes]:
    if encoding == "gzip":
        return [("Content-Encoding", "gzip")], gzip.compress(body)
    if encoding == "deflate":
        return [("Content-Encoding", "deflate")], zlib.compress(body)
    raw = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return [("Content-Encoding", "deflate")], raw.compress(body) + raw.flush()


header_choices = st.lists(
    st.sampled_from(
        [
            ("Content-Type", "application/json"),
            ("Content-Type", "text/html; charset=iso-8859-1"),
            ("Content-Type", "application/json; charset=utf-16"),
            ("Content-Encoding", "gzip"),
            ("Content-Encoding", "deflate"),
            ("Content-Encoding", "br"),
            ("Content-Encoding", "identity"),
            ("Content-Encoding", "gzip, gzip"),
            ("Retry-After", "0"),
            ("Location", "https://elsewhere.example/"),
            ("x-request-id", "req-1"),
        ]
    ),
    max_size=3,
    unique=True,
)
json_bodies = image_like.map(lambda v: json.dumps(v).encode()) | json_values.map(
    lambda v: json.dumps(v).encode()
)
plain_answers = st.tuples(header_choices, st.binary(max_size=256) | json_bodies)
compressed_answers = st.builds(
    compress, json_bodies, st.sampled_from(["gzip", "deflate", "raw deflate"])
)
statuses = st.sampled_from([200, 201, 204, 301, 400, 404, 429, 500, 501, 502, 503, 599, 999])


@FUZZ
@given(statuses, plain_answers | compressed_answers)
def test_any_answer_over_the_wire_is_an_image_or_a_typed_error(
    loopback: Loopback, status: int, answer: tuple[list[tuple[str, str]], bytes]
) -> None:
    loopback.status, (loopback.headers, loopback.body) = status, answer
    try:
        result = loopback.fetch()
    except APIError as error:
        lines = explanation_lines(explain(error, endpoint=loopback.server.base_url))
        assert lines[0].startswith("error: ")
        return
    check_formatting(result.image)
