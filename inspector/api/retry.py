"""When to send ``DesktopImage.Get`` again, and after how long: small pure functions.

The GET is idempotent, so a failure that may pass by itself (a refused or broken connection,
429, 500, 502, 503, 504) is retried, up to three attempts in all. Waits grow exponentially with
full jitter, so clients hit by the same outage do not come back in step. A ``Retry-After`` is
honoured; one longer than the cap ends the retries rather than holding the window for minutes
or asking again before the server said to. Everything else (501, the other 4xx, 3xx, a body
that is not an image, DNS, TLS, proxy and time-outs) is final: retrying would only delay the
explanation.
"""

from __future__ import annotations

import email.utils
import re
from datetime import UTC
from http import HTTPStatus
from typing import Final, NamedTuple

from inspector.api.errors import APIConnectionError, APIError, APITimeoutError, ConnectionKind

RETRY_STATUSES: Final = frozenset({429, 500, 502, 503, 504})
RETRY_CONNECTION_KINDS: Final = frozenset({ConnectionKind.REFUSED, ConnectionKind.NETWORK})
_DELAY_SECONDS = re.compile(r"[0-9]{1,10}")


class RetryPolicy(NamedTuple):
    """How often and how patiently to retry; times in seconds."""

    attempts: int = 3
    base_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 30.0


class RetryNotice(NamedTuple):
    """Told to the caller before each wait: attempt ``attempt`` of ``attempts`` starts after it."""

    attempt: int
    attempts: int
    delay: float
    reason: str


def parse_retry_after(value: str | None, now: float) -> float | None:
    """Seconds to wait from ``Retry-After`` (delay-seconds or an HTTP-date); None if unusable."""
    if value is None:
        return None
    text = value.strip()
    if _DELAY_SECONDS.fullmatch(text):
        return float(int(text))
    try:
        when = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)  # HTTP dates are always GMT
    return max(0.0, when.timestamp() - now)


def backoff_delay(policy: RetryPolicy, retry_number: int, fraction: float) -> float:
    """Full jitter: ``fraction`` (0..1) of ``base * 2**(n-1)``, capped at ``max_delay``."""
    ceiling = min(policy.max_delay, policy.base_delay * 2.0 ** (retry_number - 1))
    return ceiling * min(max(fraction, 0.0), 1.0)


def is_retryable_status(status: int) -> bool:
    return status in RETRY_STATUSES


def is_retryable_error(error: APIError) -> bool:
    """A refused or broken connection may pass; DNS, TLS, proxy and time-outs will not soon."""
    return (
        isinstance(error, APIConnectionError)
        and not isinstance(error, APITimeoutError)
        and error.kind in RETRY_CONNECTION_KINDS
    )


def retry_delay(
    policy: RetryPolicy,
    attempt: int,
    *,
    status: int | None = None,
    error: APIError | None = None,
    retry_after: float | None = None,
    fraction: float,
) -> float | None:
    """Seconds to wait before attempt ``attempt + 1``, or None to stop with this outcome.

    Give ``status`` for an answer or ``error`` for a failed call; ``fraction`` is the jitter
    draw in 0..1 (injected, so the policy stays a pure function).
    """
    if attempt >= policy.attempts:
        return None
    if status is not None:
        retryable = is_retryable_status(status)
    else:
        retryable = error is not None and is_retryable_error(error)
    if not retryable:
        return None
    if retry_after is not None:
        return retry_after if retry_after <= policy.max_retry_after else None
    return backoff_delay(policy, attempt, fraction)


def status_reason(status: int) -> str:
    """``HTTP 503 Service Unavailable``, with the standard phrase, never the server's text."""
    try:
        return f"HTTP {status} {HTTPStatus(status).phrase}"
    except ValueError:
        return f"HTTP {status}"
