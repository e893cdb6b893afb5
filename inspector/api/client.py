"""The async client of ``DesktopImage.Get``.

It takes an injected ``httpx.AsyncClient`` (tests pass a ``MockTransport`` or talk to a real
loopback server), sends each call through :func:`inspector.api.transport.send` (a fresh
``x-client-request-id``, the deadline, the body cap, typed errors), adds the token, and retries
what may pass by itself (:mod:`inspector.api.retry`).
"""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable
from typing import Final, NamedTuple, Protocol, runtime_checkable

import httpx

from inspector.api.errors import APIError, RequestIds, ResponseError
from inspector.api.inputs import Endpoint, path_segment, validate_resource_id
from inspector.api.models import DesktopImage, ImageParseError, parse_image
from inspector.api.retry import (
    RetryNotice,
    RetryPolicy,
    parse_retry_after,
    retry_delay,
    status_reason,
)
from inspector.api.status_errors import Unauthenticated
from inspector.api.transport import Exchange, Timeouts, send
from inspector.i18n import _

IMAGES_PATH: Final = "/cloud-desktop/v1/images"
MAX_BODY_BYTES: Final = 4 * 1024 * 1024

TokenGetter = Callable[[], Awaitable[str | None]]
RetryObserver = Callable[[RetryNotice], None]
AttemptObserver = Callable[["Attempt"], None]
Sleep = Callable[[float], Awaitable[None]]

log = logging.getLogger(__name__)


@runtime_checkable
class RenewableToken(Protocol):
    """A token getter that can drop a token the API refused (the credential cache)."""

    def invalidate(self) -> bool: ...


def static_token(token: str | None) -> TokenGetter:
    """A token source that always gives the same (already validated) token, or none."""

    async def get() -> str | None:
        return token

    return get


class Attempt(NamedTuple):
    """One try of a call, for a support bundle: its ids, outcome, duration and the wait after it.

    ``exchange`` is set when an answer came (any status); ``error`` when none did.
    ``wait_seconds`` is the pause before the next attempt, None when this one was the last.
    """

    number: int
    request_ids: RequestIds | None
    elapsed_seconds: float
    wait_seconds: float | None
    exchange: Exchange | None = None
    error: str | None = None


class AttemptRecord(NamedTuple):
    """One attempt as a bundle keeps it: read back from the file, so plain values only."""

    number: int
    request_ids: list[tuple[str, str]]
    status: int | None
    error: str | None
    elapsed_ms: float
    wait_seconds: float | None


class FetchResult(NamedTuple):
    """A successfully parsed image with the exact text and the exchange it came from."""

    image: DesktopImage
    text: str
    exchange: Exchange


def content_type_note(exchange: Exchange) -> str:
    """`` (Content-Type: text/html)`` when the answer did not even claim to be JSON."""
    content_type = dict((k.lower(), v) for k, v in exchange.headers).get("content-type")
    if content_type and "json" not in content_type.lower():
        return f" (Content-Type: {content_type})"  # untranslated: a header as sent
    return ""


class ImageClient:
    """Fetches desktop images from one endpoint over a shared ``httpx.AsyncClient``."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        endpoint: Endpoint,
        token: TokenGetter,
        *,
        timeouts: Timeouts | None = None,
        max_body_bytes: int = MAX_BODY_BYTES,
        retry: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        jitter: Callable[[], float] = random.random,
    ) -> None:
        self._http = http
        self.endpoint = endpoint
        self._token = token
        self._timeouts = timeouts or Timeouts()
        self._max_body_bytes = max_body_bytes
        self._retry = retry or RetryPolicy()
        self._sleep = sleep
        self._jitter = jitter

    def _renew_token(self) -> bool:
        """Drop a refused token if its source can give a new one (a static token cannot)."""
        return isinstance(self._token, RenewableToken) and self._token.invalidate()

    def image_url(self, image_id: str) -> str:
        return f"{self.endpoint.base_url}{IMAGES_PATH}/{path_segment(image_id)}"

    async def get_image(
        self,
        image_id: str,
        *,
        on_retry: RetryObserver | None = None,
        on_attempt: AttemptObserver | None = None,
    ) -> FetchResult:
        """``DesktopImage.Get``: the parsed image, or a typed :class:`APIError`.

        ``on_retry`` hears about each wait before a retry, so a window can say so;
        ``on_attempt`` about each attempt once it is over, so a failure can be saved for support.
        """
        image_id = validate_resource_id(image_id)
        exchange = await self.get_retrying(
            self.image_url(image_id), on_retry=on_retry, on_attempt=on_attempt
        )
        exchange.raise_for_status()
        try:
            image, text = parse_image(exchange.raw)
        except ImageParseError as error:
            raise ResponseError(
                _("HTTP {status}, but {reason}").format(status=exchange.status_code, reason=error)
                + content_type_note(exchange),
                problems=error.problems,
                request_ids=exchange.request_ids,
                status_code=exchange.status_code,
            ) from None
        return FetchResult(image=image, text=text, exchange=exchange)

    async def get_retrying(
        self,
        url: str,
        *,
        on_retry: RetryObserver | None = None,
        on_attempt: AttemptObserver | None = None,
    ) -> Exchange:
        """:meth:`get_raw`, repeated while the retry policy says the failure may pass."""
        attempt = 1
        tries = 0
        renewed = False

        def tell(record: Attempt) -> None:
            if on_attempt is not None:
                on_attempt(record)

        while True:
            tries += 1
            started = time.perf_counter()
            try:
                exchange = await self.get_raw(url)
            except APIError as error:
                delay = retry_delay(self._retry, attempt, error=error, fraction=self._jitter())
                elapsed = time.perf_counter() - started
                tell(Attempt(tries, error.request_ids, elapsed, delay, error=str(error)))
                if delay is None:
                    raise
                reason = str(error)
            else:
                refused = isinstance(exchange.error(), Unauthenticated)
                if refused and not renewed and self._renew_token():
                    renewed = True  # once, and not one of the retry attempts
                    log.info("the API refused the token (401); asking its source for a new one")
                    tell(
                        Attempt(
                            tries, exchange.request_ids, exchange.elapsed_seconds, 0.0, exchange
                        )
                    )
                    continue
                retry_after = parse_retry_after(exchange.header("retry-after"), time.time())
                delay = retry_delay(
                    self._retry,
                    attempt,
                    status=exchange.status_code,
                    retry_after=retry_after,
                    fraction=self._jitter(),
                )
                tell(
                    Attempt(tries, exchange.request_ids, exchange.elapsed_seconds, delay, exchange)
                )
                if delay is None:
                    return exchange
                reason = status_reason(exchange.status_code)
            attempt += 1
            notice = RetryNotice(attempt, self._retry.attempts, delay, reason)
            log.info("attempt %d of %d in %.2f s: %s", attempt, notice.attempts, delay, reason)
            if on_retry is not None:
                on_retry(notice)
            await self._sleep(delay)

    async def get_raw(self, url: str) -> Exchange:
        """One GET with the token, through the shared transport (ids, deadline, body cap)."""
        headers = {}
        token = await self._token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        return await send(
            self._http,
            "GET",
            url,
            headers=headers,
            deadline=self._timeouts.total,
            max_body_bytes=self._max_body_bytes,
        )
