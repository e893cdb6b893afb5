"""The async client of ``DesktopImage.Get``.

It takes an injected ``httpx.AsyncClient`` (tests pass a ``MockTransport`` or talk to a real
loopback server), sends a fresh ``x-client-request-id`` with every call, reads the body as a
stream up to a cap, retries what may pass by itself (:mod:`inspector.api.retry`), and turns
every way a call can fail into one of the typed errors in :mod:`inspector.api.errors`.
"""

from __future__ import annotations

import asyncio
import logging
import random
import socket
import ssl
import time
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Final, Protocol, runtime_checkable
from urllib.parse import urlsplit

import httpx

from inspector.api.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    ConnectionKind,
    RedirectError,
    RequestIds,
    ResponseError,
    StatusBody,
)
from inspector.api.inputs import Endpoint, path_segment, validate_resource_id
from inspector.api.models import (
    INT32_MAX,
    INT32_MIN,
    DesktopImage,
    ImageParseError,
    integral_value,
    parse_image,
)
from inspector.api.network.transport import untrusted_issuer
from inspector.api.retry import (
    RetryNotice,
    RetryPolicy,
    parse_retry_after,
    retry_delay,
    status_reason,
)
from inspector.api.transport import (
    ACCEPT_ENCODING,
    BodyEncodingError,
    BodyTooLarge,
    Timeouts,
    read_body,
)
from inspector.api.wire_json import BodyError, loads_object

IMAGES_PATH: Final = "/cloud-desktop/v1/images"
MAX_BODY_BYTES: Final = 4 * 1024 * 1024
# httpx reads a redirect's Location even when it does not follow it, and raises this (a
# "protocol" error that would otherwise read as a broken connection, and be retried).
_UNREADABLE_LOCATION: Final = "Invalid URL in location header"

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


@dataclass(frozen=True, slots=True)
class Exchange:
    """What went over the wire for one call: enough to show, copy or save for support."""

    url: str
    status_code: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]
    raw: bytes
    elapsed_seconds: float
    request_ids: RequestIds


@dataclass(frozen=True, slots=True)
class Attempt:
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


@dataclass(frozen=True, slots=True)
class FetchResult:
    """A successfully parsed image with the exact text and the exchange it came from."""

    image: DesktopImage
    text: str
    exchange: Exchange


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def connection_error(error: httpx.HTTPError, host: str, ids: RequestIds) -> APIConnectionError:
    chain = _chain(error)
    text = " ".join(str(item) for item in chain).lower()
    if isinstance(error, httpx.ProxyError):
        return APIConnectionError(
            f"the proxy refused or failed the connection to {host}",
            kind=ConnectionKind.PROXY,
            host=host,
            request_ids=ids,
        )
    if any(isinstance(item, ssl.SSLError) for item in chain) or "certificate" in text:
        verify = next((i for i in chain if isinstance(i, ssl.SSLCertVerificationError)), None)
        detail = verify.verify_message if verify and verify.verify_message else "TLS failed"
        return APIConnectionError(
            f"TLS with {host} failed: {detail}",
            kind=ConnectionKind.TLS,
            host=host,
            request_ids=ids,
            tls_issuer=untrusted_issuer(error),
        )
    if any(isinstance(item, socket.gaierror) for item in chain) or (
        "name or service not known" in text
        or "nodename nor servname" in text
        or "name resolution" in text
        or "getaddrinfo failed" in text
    ):
        return APIConnectionError(
            f"the host name {host} could not be resolved (DNS)",
            kind=ConnectionKind.DNS,
            host=host,
            request_ids=ids,
        )
    if any(isinstance(item, ConnectionRefusedError) for item in chain) or "refused" in text:
        return APIConnectionError(
            f"{host} refused the connection",
            kind=ConnectionKind.REFUSED,
            host=host,
            request_ids=ids,
        )
    if isinstance(error, httpx.ConnectError):
        what = f"could not connect to {host}"
    else:
        what = f"the connection to {host} broke before a complete answer came"
    return APIConnectionError(what, kind=ConnectionKind.NETWORK, host=host, request_ids=ids)


def _header(headers: list[tuple[str, str]], name: str) -> str | None:
    return next((value for key, value in headers if key.lower() == name), None)


def _status_code(value: object) -> int | None:
    """``google.rpc.Status.code`` read as protobuf reads an int32; ``None`` when left out."""
    try:
        code = integral_value(value)
    except ValueError:
        return None
    return code if INT32_MIN <= code <= INT32_MAX else None


def _status_body(body: bytes) -> StatusBody | None:
    """The ``{code, message, details}`` body, or None when the server sent something else."""
    try:
        data, _ = loads_object(body)
    except BodyError:
        return None
    message = data.get("message")
    details = data.get("details")
    return StatusBody(
        code=_status_code(data.get("code")),
        message=message if isinstance(message, str) else None,
        details=details if isinstance(details, list) else ([] if details is None else [details]),
    )


def _request_id_from_details(body: StatusBody | None) -> str | None:
    for detail in body.details if body else []:
        if isinstance(detail, dict) and isinstance(detail.get("requestId"), str):
            request_id: str = detail["requestId"]
            return request_id
    return None


def raise_for_status(
    exchange: Exchange, status_error: type[APIStatusError] = APIStatusError
) -> None:
    """Raise the typed error for a redirect or an HTTP error status; return quietly on 2xx.

    Shared by every method of the API, so each names a redirect's target host and reads the
    API's status body (and a request id from its ``details``) the same way.
    """
    if 300 <= exchange.status_code < 400:
        location = dict((k.lower(), v) for k, v in exchange.headers).get("location")
        try:
            target = urlsplit(location).hostname or location if location else None
        except ValueError:  # "http://[x": a bracket with no end
            raise RedirectError(
                exchange.status_code, None, exchange.request_ids, unreadable_location=True
            ) from None
        raise RedirectError(exchange.status_code, target, exchange.request_ids)
    if not 200 <= exchange.status_code < 300:
        body = _status_body(exchange.raw)
        ids = exchange.request_ids
        if ids.request_id is None and (from_details := _request_id_from_details(body)):
            ids = RequestIds(ids.client_request_id, from_details, ids.server_trace_id)
        raise status_error(
            status_code=exchange.status_code,
            reason=exchange.reason,
            body=body,
            body_text=exchange.raw.decode("utf-8", "replace"),
            request_ids=ids,
        )


def content_type_note(exchange: Exchange) -> str:
    """`` (Content-Type: text/html)`` when the answer did not even claim to be JSON."""
    content_type = dict((k.lower(), v) for k, v in exchange.headers).get("content-type")
    if content_type and "json" not in content_type.lower():
        return f" (Content-Type: {content_type})"
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
        raise_for_status(exchange)
        try:
            image, text = parse_image(exchange.raw)
        except ImageParseError as error:
            raise ResponseError(
                f"HTTP {exchange.status_code}, but {error}{content_type_note(exchange)}",
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
                if exchange.status_code == 401 and not renewed and self._renew_token():
                    renewed = True  # once, and not one of the retry attempts
                    log.info("the API refused the token (401); asking its source for a new one")
                    tell(
                        Attempt(
                            tries, exchange.request_ids, exchange.elapsed_seconds, 0.0, exchange
                        )
                    )
                    continue
                retry_after = parse_retry_after(
                    _header(exchange.headers, "retry-after"), time.time()
                )
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
        """One GET with a fresh request id, the token, the deadline and the body cap."""
        ids = RequestIds(client_request_id=str(uuid.uuid4()))
        headers = {
            "x-client-request-id": ids.client_request_id,
            "Accept-Encoding": ACCEPT_ENCODING,
        }
        token = await self._token()
        if token:
            headers["Authorization"] = f"Bearer {token}"
        host = self.endpoint.host
        started = time.perf_counter()
        try:
            async with asyncio.timeout(self._timeouts.total):
                request = self._http.build_request("GET", url, headers=headers)
                response = await self._http.send(request, stream=True)
                try:
                    raw = await read_body(response, self._max_body_bytes)
                finally:
                    await response.aclose()
        except TimeoutError:
            raise APITimeoutError(
                f"no complete answer from {host} within {self._timeouts.total:g} s",
                host=host,
                request_ids=ids,
            ) from None
        except httpx.TimeoutException as error:
            phase = "connecting" if isinstance(error, httpx.ConnectTimeout) else "waiting"
            raise APITimeoutError(
                f"timed out {phase} for {host}", host=host, request_ids=ids
            ) from error
        except BodyTooLarge:
            raise ResponseError(
                f"the answer is larger than {self._max_body_bytes // 1024} KiB; "
                "a DesktopImage is a few KiB at most",
                request_ids=ids,
            ) from None
        except BodyEncodingError as error:
            raise ResponseError(str(error), request_ids=ids) from None
        except httpx.RemoteProtocolError as error:
            if str(error).startswith(_UNREADABLE_LOCATION):
                raise RedirectError(None, None, ids, unreadable_location=True) from error
            raise connection_error(error, host, ids) from error
        except httpx.HTTPError as error:
            raise connection_error(error, host, ids) from error
        ids = RequestIds(
            client_request_id=ids.client_request_id,
            request_id=response.headers.get("x-request-id"),
            server_trace_id=response.headers.get("x-server-trace-id"),
        )
        return Exchange(
            url=url,
            status_code=response.status_code,
            reason=response.reason_phrase,
            http_version=response.http_version,
            headers=[(k, v) for k, v in response.headers.multi_items()],
            raw=raw,
            elapsed_seconds=time.perf_counter() - started,
            request_ids=ids,
        )
