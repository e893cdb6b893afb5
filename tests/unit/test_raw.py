"""The raw view's model: the body indented without touching a token, secrets out of headers."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.api.errors import RequestIds
from inspector.api.redaction import REMOVED, safe_headers
from inspector.api.transport import Exchange
from inspector.present.raw import (
    clock_skew,
    describe_skew,
    present_body,
    present_exchange,
    pretty_json,
    status_line,
)

TOKEN = "t1.9euelZqSnc2Wk4-TEST-TOKEN-xyz.Zm9vYmFyYmF6"


@pytest.mark.parametrize(
    ("text", "pretty"),
    [
        ("{}", "{}"),
        ("[]", "[]"),
        ("{ }", "{}"),
        ('{"a":1}', '{\n  "a": 1\n}'),
        ('{"a":[1,2],"b":{}}', '{\n  "a": [\n    1,\n    2\n  ],\n  "b": {}\n}'),
        ('{"size":9223372036854775807}', '{\n  "size": 9223372036854775807\n}'),
        ('{"f":1.10,"e":1e400}', '{\n  "f": 1.10,\n  "e": 1e400\n}'),
        ('{"s":"a,b:{c}[d]\\"e"}', '{\n  "s": "a,b:{c}[d]\\"e"\n}'),
        ('{"u":"\\u043f\\u0440","r":"привет"}', '{\n  "u": "\\u043f\\u0440",\n  "r": "привет"\n}'),
        ("not json at all", "notjsonatall"),
        # a body cut short after an opening bracket, with or without whitespace after it
        ("{", "{\n  "),
        ('{"a": [ ', '{\n  "a": [\n    '),
        # a bare word inside brackets is a token too, whatever its letters
        ("[X]", "[\n  X\n]"),
        ("{X:Y}", "{\n  X: Y\n}"),
    ],
)
def test_pretty_json_keeps_every_token(text: str, pretty: str) -> None:
    assert pretty_json(text) == pretty


def test_pretty_json_is_stable_and_survives_truncation() -> None:
    text = '{"id":"e3v","labels":{"a":"b"}}'
    once = pretty_json(text)
    assert pretty_json(once) == once
    assert pretty_json(text[:17]).startswith('{\n  "id": "e3v"')


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@given(json_values)
def test_pretty_json_means_the_same(value: object) -> None:
    compact = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    assert json.loads(pretty_json(compact)) == value
    assert pretty_json(compact) == json.dumps(value, indent=2, ensure_ascii=False)


def test_secret_headers_lose_their_values_but_keep_their_names() -> None:
    headers = [
        ("Set-Cookie", "session=abc"),
        ("X-Auth-Token", "whatever"),
        ("Proxy-Authorization", "Basic Zm9v"),
        ("x-request-id", "r-1"),
        ("X-Debug", f"echo Bearer {TOKEN}"),
        ("Via", f"proxy {TOKEN}"),
    ]
    safe = safe_headers(headers)
    assert [name for name, _ in safe] == [name for name, _ in headers]
    assert safe[:3] == [(name, REMOVED) for name, _ in headers[:3]]
    assert safe[3] == ("x-request-id", "r-1")
    assert all(TOKEN not in value for _, value in safe)


def test_status_line_fills_in_the_missing_reason() -> None:
    assert status_line("HTTP/1.1", 200, "OK") == "HTTP/1.1 200 OK"
    assert status_line("HTTP/2", 404, "") == "HTTP/2 404 Not Found"
    assert status_line("HTTP/1.1", 299, "") == "HTTP/1.1 299"


@pytest.mark.parametrize(
    ("skew", "words"),
    [
        (0.4, "agrees"),
        (-1.2, "agrees"),
        (75.2, "75 s ahead of"),
        (-300.0, "300 s behind"),
    ],
)
def test_clock_skew_in_words(skew: float, words: str) -> None:
    assert words in describe_skew(skew)


def test_clock_skew_from_the_date_header() -> None:
    received = 1_700_000_075 * 10**9
    date = "Tue, 14 Nov 2023 22:13:20 GMT"  # 1_700_000_000
    assert clock_skew(date, received) == pytest.approx(75.0)
    assert clock_skew("yesterday", received) is None
    assert clock_skew(None, received) is None


def test_present_exchange_shows_everything_but_secrets() -> None:
    body = b'{"id":"e3v1","name":"x"}'
    exchange = Exchange(
        url="https://cloud-desktop.api.cloud.yandex.net/cloud-desktop/v1/images/e3v1",
        status_code=200,
        reason="OK",
        http_version="HTTP/1.1",
        headers=[("Content-Type", "application/json"), ("Set-Cookie", "a=b"), ("Date", "x")],
        raw=body,
        elapsed_seconds=0.0351,
        request_ids=RequestIds("c-1", "r-1", "t-1"),
    )
    view = present_exchange(exchange, received_at_ns=0)
    assert view.summary == "HTTP/1.1 200 OK \u00b7 35 ms \u00b7 24 bytes"
    assert view.body_text == body.decode()
    assert view.pretty.startswith('{\n  "id": "e3v1"')
    assert ("Set-Cookie", REMOVED) in view.headers
    assert view.request_ids == [
        ("x-client-request-id", "c-1"),
        ("x-request-id", "r-1"),
        ("x-server-trace-id", "t-1"),
    ]
    assert view.clock is None  # the Date header is not a date


def test_present_body_without_an_exchange() -> None:
    view = present_body(b'{"id":"e3v1"}', "from a file")
    assert view.headers == []
    assert view.note == "from a file"
    assert view.summary.endswith("13 bytes")
