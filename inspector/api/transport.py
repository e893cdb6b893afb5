"""The one way this app speaks HTTP: the shared client, :func:`send` and its error mapping.

Images, listing and the IAM calls all go through :func:`send`: a fresh ``x-client-request-id``,
a deadline for the whole request, a cap on the decoded body, and every way a call can fail
turned into one of the typed errors of :mod:`inspector.api.errors`. :meth:`Exchange.error` then
gives the typed error of a redirect or an error status (:mod:`inspector.api.status_errors`).

The client never follows redirects (a token must not travel to a host the user did not name),
the loopback endpoint bypasses any proxy from the environment (the demo must work behind a
corporate ``HTTP_PROXY``), and the User-Agent names this app and its version.

Bodies are read with :func:`read_body`, which inflates gzip and deflate itself under the size
cap: httpx inflates a whole network chunk at once, so 64 KiB of gzip becomes 64 MiB in memory
before any cap can look at it (and ``Content-Encoding: gzip, gzip`` far more).
"""

from __future__ import annotations

import asyncio
import contextlib
import platform
import socket
import ssl
import time
import uuid
import zlib
from collections.abc import AsyncIterator
from typing import Final, NamedTuple, TypeAlias
from urllib.parse import urlsplit

import httpx

from inspector import APP_NAME, __version__
from inspector.api.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    Call,
    ConnectionKind,
    RedirectError,
    RequestIds,
    ResponseError,
    ResponseTooLarge,
)
from inspector.api.inputs import Endpoint
from inspector.api.network.proxy import NetworkSettings
from inspector.api.network.transport import NetworkTransport, untrusted_issuer
from inspector.api.status_errors import is_error_status, is_redirect, status_error
from inspector.i18n import _


class Timeouts(NamedTuple):
    """Limits in seconds: per-phase ones for httpx and a deadline for the whole request."""

    connect: float = 5.0
    read: float = 10.0
    total: float = 20.0

    @classmethod
    def within(cls, total: float) -> Timeouts:
        """The default phase limits, none longer than the whole-request deadline ``total``."""
        default = cls()
        return cls(connect=min(default.connect, total), read=min(default.read, total), total=total)


ACCEPT_ENCODING: Final = "gzip, deflate"  # untranslated: a header
_GZIP_WBITS: Final = zlib.MAX_WBITS | 16
# httpx reads a redirect's Location even when it does not follow it, and raises this (a
# "protocol" error that would otherwise read as a broken connection, and be retried).
_UNREADABLE_LOCATION: Final = "Invalid URL in location header"  # untranslated: httpx's


class BodyTooLarge(Exception):
    """The body, after decoding, is larger than the cap."""


class BodyEncodingError(Exception):
    """The body's Content-Encoding is not one this client decodes, or its data is broken."""


def _deflate_wbits(head: bytes) -> int:
    """HTTP's deflate is zlib-wrapped, but some servers send raw deflate: the header tells."""
    cmf, flg = head[0], head[1]
    is_zlib = cmf & 0x0F == 8 and (cmf << 8 | flg) % 31 == 0
    return zlib.MAX_WBITS if is_zlib else -zlib.MAX_WBITS


class _Inflater:
    """Inflates one gzip or deflate stream, never producing more than it is allowed to."""

    def __init__(self, encoding: str) -> None:
        self._encoding = encoding
        self._head = b""
        self._inflate: zlib._Decompress | None = None

    def feed(self, data: bytes, room: int) -> bytes:
        """Up to ``room + 1`` decoded bytes: one more than the room tells the caller it is over."""
        if self._inflate is None:
            self._head += data
            if self._encoding == "deflate" and len(self._head) < 2:
                return b""
            is_gzip = self._encoding != "deflate"
            wbits = _GZIP_WBITS if is_gzip else _deflate_wbits(self._head)
            self._inflate = zlib.decompressobj(wbits)
            data, self._head = self._head, b""
        try:
            out = self._inflate.decompress(data, room + 1)
        except zlib.error:
            raise BodyEncodingError(
                _("the {encoding} body is corrupt").format(encoding=self._encoding)
            ) from None
        if self._inflate.unconsumed_tail:
            raise BodyTooLarge
        return out

    def finish(self) -> None:
        if self._inflate is None and not self._head:
            return  # an empty body
        if self._inflate is None or not self._inflate.eof:
            raise BodyEncodingError(
                _("the {encoding} body is truncated").format(encoding=self._encoding)
            )


def _inflater_for(response: httpx.Response) -> _Inflater | None:
    names = response.headers.get_list("content-encoding", split_commas=True)
    encodings = [name.strip().lower() for name in names]
    encodings = [name for name in encodings if name and name != "identity"]
    if not encodings:
        return None
    if len(encodings) == 1 and encodings[0] in ("gzip", "x-gzip", "deflate"):
        return _Inflater("deflate" if encodings[0] == "deflate" else "gzip")
    raise BodyEncodingError(
        _(
            "the body is encoded as {encodings}; this client asks for and decodes only one of "
            "{accepted}"
        ).format(encodings=", ".join(encodings), accepted=ACCEPT_ENCODING)
    )


async def read_body(response: httpx.Response, cap: int) -> bytes:
    """The decoded body of a streamed response, or :class:`BodyTooLarge` past ``cap`` bytes."""
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > cap:
        raise BodyTooLarge
    if response.is_stream_consumed:  # built in memory (an in-process transport), decoded already
        if len(response.content) > cap:
            raise BodyTooLarge
        return response.content
    inflater = _inflater_for(response)
    chunks: list[bytes] = []
    size = 0
    raw_chunks = response.aiter_raw()
    try:
        async for raw in raw_chunks:
            data = inflater.feed(raw, cap - size) if inflater else raw
            size += len(data)
            if size > cap:
                raise BodyTooLarge
            chunks.append(data)
    except (BodyTooLarge, BodyEncodingError):
        await _abandon(response, raw_chunks)
        raise
    if inflater:
        inflater.finish()
    return b"".join(chunks)


async def _abandon(response: httpx.Response, raw_chunks: AsyncIterator[bytes]) -> None:
    """Close the connection, then run httpx's stream generators to their end.

    Left suspended, they would be finalized by the garbage collector outside the event loop
    (qasync installs no async-generator hooks) and fail there; resumed here, each one meets the
    closed connection and finishes cleanly.
    """
    await response.aclose()
    with contextlib.suppress(httpx.HTTPError, httpx.StreamError):
        async for _ in raw_chunks:
            pass


# The one client type every call goes through; the layers above name it here, not in httpx.
HttpClient: TypeAlias = httpx.AsyncClient


def library_versions() -> dict[str, str]:
    """The HTTP library that sends the calls, by version, for a support bundle's table."""
    return {"httpx": httpx.__version__}


def user_agent() -> str:
    return (
        f"{APP_NAME}/{__version__} (httpx/{httpx.__version__}; "  # untranslated: a header
        f"Python {platform.python_version()}; {platform.system() or 'unknown OS'})"  # untranslated
    )


def make_http_client(
    endpoint: Endpoint, timeouts: Timeouts | None = None, *, network: NetworkSettings | None = None
) -> HttpClient:
    """An AsyncClient for ``endpoint``; the caller owns it and must ``aclose()`` it.

    :class:`NetworkTransport` picks the route (proxy or direct, loopback always direct) and
    verifies TLS against the OS store plus ``network.ca_file``.
    """
    limits = timeouts or Timeouts()
    return httpx.AsyncClient(
        follow_redirects=False,
        timeout=httpx.Timeout(limits.read, connect=limits.connect),
        headers={
            "User-Agent": user_agent(),
            "Accept": "application/json",  # untranslated: a header
            "Accept-Encoding": ACCEPT_ENCODING,
        },
        transport=NetworkTransport(network),
        trust_env=False,
    )


class Exchange(NamedTuple):
    """What went over the wire for one call: enough to show, copy or save for support."""

    url: str
    status_code: int
    reason: str
    http_version: str
    headers: list[tuple[str, str]]
    raw: bytes
    elapsed_seconds: float
    request_ids: RequestIds

    def header(self, name: str) -> str | None:
        """The first value of header ``name`` (lower case), or None."""
        return next((value for key, value in self.headers if key.lower() == name), None)

    def error(self, call: Call = Call.GET_IMAGE) -> APIError | None:
        """The typed error of a redirect or an error status; None for a 2xx answer.

        Every caller reads the API's status body (and a request id from its ``details``) and
        names a redirect's target host the same way, through this one method.
        """
        if is_redirect(self.status_code):
            location = self.header("location")
            try:
                target = urlsplit(location).hostname or location if location else None
            except ValueError:  # "http://[x": a bracket with no end
                return RedirectError(
                    self.status_code, None, self.request_ids, unreadable_location=True
                )
            return RedirectError(self.status_code, target, self.request_ids)
        if is_error_status(self.status_code):
            return status_error(self.status_code, self.reason, self.raw, self.request_ids, call)
        return None

    def raise_for_status(self, call: Call = Call.GET_IMAGE) -> None:
        """Raise :meth:`error`; return quietly on 2xx."""
        if (error := self.error(call)) is not None:
            raise error


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def connection_error(error: httpx.HTTPError, host: str, ids: RequestIds) -> APIConnectionError:
    """The failure as the operator would name it: proxy, TLS, DNS, refused or a broken link."""
    chain = _chain(error)
    text = " ".join(str(item) for item in chain).lower()
    kind, message, issuer = ConnectionKind.NETWORK, "", None
    if isinstance(error, httpx.ProxyError):
        kind = ConnectionKind.PROXY
        message = _("the proxy refused or failed the connection to {host}").format(host=host)
    elif any(isinstance(item, ssl.SSLError) for item in chain) or "certificate" in text:
        verify = next((i for i in chain if isinstance(i, ssl.SSLCertVerificationError)), None)
        detail = verify.verify_message if verify and verify.verify_message else _("TLS failed")
        kind = ConnectionKind.TLS
        message = _("TLS with {host} failed: {reason}").format(host=host, reason=detail)
        issuer = untrusted_issuer(error)
    elif any(isinstance(item, socket.gaierror) for item in chain) or (
        "name or service not known" in text
        or "nodename nor servname" in text
        or "name resolution" in text
        or "getaddrinfo failed" in text
    ):
        kind = ConnectionKind.DNS
        message = _("the host name {host} could not be resolved (DNS)").format(host=host)
    elif any(isinstance(item, ConnectionRefusedError) for item in chain) or "refused" in text:
        kind = ConnectionKind.REFUSED
        message = _("{host} refused the connection").format(host=host)
    elif isinstance(error, httpx.ConnectError):
        message = _("could not connect to {host}").format(host=host)
    else:
        message = _("the connection to {host} broke before a complete answer came").format(
            host=host
        )
    return APIConnectionError(message, kind=kind, host=host, request_ids=ids, tls_issuer=issuer)


def _failure(error: Exception, host: str, ids: RequestIds, deadline: float) -> APIError:
    """The typed error for what :func:`send` caught; never a token (none is in these texts)."""
    if isinstance(error, TimeoutError):
        return APITimeoutError(
            _("no complete answer from {host} within {seconds} s").format(
                host=host, seconds=f"{deadline:g}"
            ),
            host=host,
            request_ids=ids,
            deadline=deadline,
        )
    if isinstance(error, httpx.TimeoutException):
        if isinstance(error, httpx.ConnectTimeout):
            message = _("timed out connecting for {host}")
        else:
            message = _("timed out waiting for {host}")
        return APITimeoutError(message.format(host=host), host=host, request_ids=ids)
    if isinstance(error, BodyEncodingError):
        return ResponseError(str(error), request_ids=ids)
    if isinstance(error, httpx.RemoteProtocolError) and str(error).startswith(_UNREADABLE_LOCATION):
        return RedirectError(None, None, ids, unreadable_location=True)
    assert isinstance(error, httpx.HTTPError)
    return connection_error(error, host, ids)


async def send(
    http: httpx.AsyncClient,
    method: str,
    url: str,
    *,
    deadline: float,
    max_body_bytes: int,
    headers: dict[str, str] | None = None,
    json: object = None,
) -> Exchange:
    """One request: a fresh request id, ``deadline`` seconds in all, the body capped.

    Any answer, whatever its status, comes back as an :class:`Exchange`; no answer, an answer
    past ``max_body_bytes`` or one that cannot be decoded raises a typed :class:`APIError`.
    """
    ids = RequestIds(client_request_id=str(uuid.uuid4()))
    sent = {
        **(headers or {}),
        "x-client-request-id": ids.client_request_id,
        "Accept-Encoding": ACCEPT_ENCODING,
    }
    request = http.build_request(method, url, headers=sent, json=json)
    host = request.url.host
    started = time.perf_counter()
    try:
        async with asyncio.timeout(deadline):
            response = await http.send(request, stream=True)
            try:
                raw = await read_body(response, max_body_bytes)
            finally:
                await response.aclose()
    except BodyTooLarge:
        raise ResponseTooLarge(max_body_bytes, request_ids=ids) from None
    except (TimeoutError, BodyEncodingError) as error:
        raise _failure(error, host, ids, deadline) from None
    except httpx.HTTPError as error:
        raise _failure(error, host, ids, deadline) from error
    answer = response.headers
    return Exchange(
        url=url,
        status_code=response.status_code,
        reason=response.reason_phrase,
        http_version=response.http_version,
        headers=list(answer.multi_items()),
        raw=raw,
        elapsed_seconds=time.perf_counter() - started,
        request_ids=RequestIds(
            ids.client_request_id, answer.get("x-request-id"), answer.get("x-server-trace-id")
        ),
    )
