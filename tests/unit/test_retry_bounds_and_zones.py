"""A jitter fraction outside 0..1 (a bad random source) never waits longer than the backoff
ceiling, nor a negative time; a ``Retry-After`` date is GMT whatever this computer's zone."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from inspector.api.retry import RetryPolicy, backoff_delay, parse_retry_after

POLICY = RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0, max_retry_after=30.0)


@pytest.mark.parametrize(("fraction", "expected"), [(1.5, 2.0), (7.0, 2.0), (-0.5, 0.0)])
def test_the_wait_stays_between_zero_and_the_ceiling(fraction: float, expected: float) -> None:
    assert backoff_delay(POLICY, 2, fraction) == expected


@pytest.fixture
def far_east(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """This computer's clock in UTC+10, so a date read as local time would be ten hours off."""
    monkeypatch.setenv("TZ", "Asia/Vladivostok")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("far_east")
def test_a_retry_after_date_without_a_zone_is_read_as_gmt() -> None:
    now = datetime(2026, 5, 1, 12, 0, 0, tzinfo=UTC).timestamp()
    assert parse_retry_after("Fri, 01 May 2026 12:00:30 -0000", now) == 30.0
