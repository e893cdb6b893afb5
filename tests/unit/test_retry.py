"""The retry policy as a table: which outcomes are retried, after how long, and when it stops."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import pytest

from inspector.api.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    ConnectionKind,
    RedirectError,
    ResponseError,
)
from inspector.api.retry import (
    RetryPolicy,
    backoff_delay,
    parse_retry_after,
    retry_delay,
    status_reason,
)

POLICY = RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0, max_retry_after=30.0)
NOW = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC).timestamp()


def connection(kind: str) -> APIConnectionError:
    return APIConnectionError("failed", kind=kind, host="api.example")


STATUS_TABLE = [
    # status, attempt, Retry-After (s), jitter fraction, expected delay (None: stop)
    (429, 1, None, 1.0, 1.0),
    (429, 1, 7.0, 0.0, 7.0),
    (429, 2, 30.0, 0.5, 30.0),
    (429, 1, 31.0, 0.5, None),  # longer than the cap: stop instead of hammering early
    (500, 1, None, 0.5, 0.5),
    (502, 2, None, 1.0, 2.0),
    (503, 1, 0.0, 0.9, 0.0),
    (504, 2, None, 0.25, 0.5),
    (503, 3, None, 0.5, None),  # the third attempt was the last
    (501, 1, None, 0.5, None),
    (400, 1, None, 0.5, None),
    (401, 1, None, 0.5, None),
    (403, 1, None, 0.5, None),
    (404, 1, None, 0.5, None),
    (409, 1, None, 0.5, None),
    (499, 1, None, 0.5, None),
    (505, 1, None, 0.5, None),
    (200, 1, None, 0.5, None),
    (302, 1, 5.0, 0.5, None),
]


@pytest.mark.parametrize(("status", "attempt", "retry_after", "fraction", "expected"), STATUS_TABLE)
def test_status_table(
    status: int, attempt: int, retry_after: float | None, fraction: float, expected: float | None
) -> None:
    delay = retry_delay(POLICY, attempt, status=status, retry_after=retry_after, fraction=fraction)
    assert delay == expected


ERROR_TABLE: list[tuple[APIError, int, float | None]] = [
    (connection(ConnectionKind.REFUSED), 1, 0.5),
    (connection(ConnectionKind.NETWORK), 2, 1.0),
    (connection(ConnectionKind.NETWORK), 3, None),
    (connection(ConnectionKind.DNS), 1, None),
    (connection(ConnectionKind.TLS), 1, None),
    (connection(ConnectionKind.PROXY), 1, None),
    (APITimeoutError("slow", host="api.example"), 1, None),
    (RedirectError(302, "elsewhere.example", None), 1, None),
    (ResponseError("not an image"), 1, None),
]


@pytest.mark.parametrize(("error", "attempt", "expected"), ERROR_TABLE)
def test_error_table(error: APIError, attempt: int, expected: float | None) -> None:
    assert retry_delay(POLICY, attempt, error=error, fraction=0.5) == expected


@pytest.mark.parametrize(
    ("retry_number", "fraction", "expected"),
    [(1, 1.0, 1.0), (2, 1.0, 2.0), (3, 1.0, 4.0), (4, 1.0, 8.0), (9, 1.0, 8.0), (3, 0.0, 0.0)],
)
def test_backoff_grows_exponentially_up_to_the_cap(
    retry_number: int, fraction: float, expected: float
) -> None:
    assert backoff_delay(POLICY, retry_number, fraction) == expected


def test_jitter_spreads_waits_below_the_ceiling() -> None:
    delays = {backoff_delay(POLICY, 2, fraction / 10) for fraction in range(11)}
    assert len(delays) == 11
    assert min(delays) == 0.0
    assert max(delays) == 2.0


def test_one_attempt_means_no_retries() -> None:
    assert retry_delay(RetryPolicy(attempts=1), 1, status=503, fraction=0.5) is None


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("120", 120.0),
        (" 3 ", 3.0),
        ("0", 0.0),
        (format_datetime(datetime(2026, 5, 1, 12, 0, 30, tzinfo=UTC), usegmt=True), 30.0),
        ("Fri, 01 May 2026 12:01:00 GMT", 60.0),
        ("Friday, 01-May-26 12:00:10 GMT", 10.0),  # the obsolete RFC 850 form
        ("Fri, 01 May 2026 11:00:00 GMT", 0.0),  # in the past: go now
        (None, None),
        ("", None),
        ("-5", None),
        ("1.5", None),
        ("soon", None),
        ("99999999999", None),
    ],
)
def test_retry_after_header(header: str | None, expected: float | None) -> None:
    assert parse_retry_after(header, NOW) == expected


def test_reason_uses_the_standard_phrase() -> None:
    assert status_reason(503) == "HTTP 503 Service Unavailable"
    assert status_reason(599) == "HTTP 599"
