"""A jitter fraction outside 0..1 (a bad random source) never waits longer than the backoff
ceiling, nor a negative time."""

from __future__ import annotations

import pytest

from inspector.api.retry import RetryPolicy, backoff_delay

POLICY = RetryPolicy(attempts=3, base_delay=1.0, max_delay=8.0, max_retry_after=30.0)


@pytest.mark.parametrize(("fraction", "expected"), [(1.5, 2.0), (7.0, 2.0), (-0.5, 0.0)])
def test_the_wait_stays_between_zero_and_the_ceiling(fraction: float, expected: float) -> None:
    assert backoff_delay(POLICY, 2, fraction) == expected
