"""The one shared ``httpx.AsyncClient``, configured the way every call needs it.

Redirects are never followed (a token must not travel to a host the user did not name), the
loopback endpoint bypasses any proxy from the environment (the demo must work behind a corporate
``HTTP_PROXY``), and the User-Agent names this app and its version.

Bodies are read with :func:`read_body`, which inflates gzip and deflate itself under the size
cap: httpx inflates a whole network chunk at once, so 64 KiB of gzip becomes 64 MiB in memory
before any cap can look at it (and ``Content-Encoding: gzip, gzip`` far more).
"""

from __future__ import annotations

import contextlib
import platform
import zlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Final

import httpx

from inspector import APP_NAME, __version__
from inspector.api.inputs import Endpoint
from inspector.api.network.proxy import NetworkSettings
from inspector.api.network.transport import NetworkTransport


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Limits in seconds: per-phase ones for httpx and a deadline for the whole request."""

    connect: float = 5.0
    read: float = 10.0
    total: float = 20.0

    @classmethod
    def within(cls, total: float) -> Timeouts:
        """The default phase limits, none longer than the whole-request deadline ``total``."""
        default = cls()
        return cls(connect=min(default.connect, total), read=min(default.read, total), total=total)


ACCEPT_ENCODING: Final = "gzip, deflate"
_GZIP_WBITS: Final = zlib.MAX_WBITS | 16


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
            raise BodyEncodingError(f"the {self._encoding} body is corrupt") from None
        if self._inflate.unconsumed_tail:
            raise BodyTooLarge
        return out

    def finish(self) -> None:
        if self._inflate is None and not self._head:
            return  # an empty body
        if self._inflate is None or not self._inflate.eof:
            raise BodyEncodingError(f"the {self._encoding} body is truncated")


def _inflater_for(response: httpx.Response) -> _Inflater | None:
    names = response.headers.get_list("content-encoding", split_commas=True)
    encodings = [name.strip().lower() for name in names]
    encodings = [name for name in encodings if name and name != "identity"]
    if not encodings:
        return None
    if len(encodings) == 1 and encodings[0] in ("gzip", "x-gzip", "deflate"):
        return _Inflater("deflate" if encodings[0] == "deflate" else "gzip")
    raise BodyEncodingError(
        f"the body is encoded as {', '.join(encodings)}; this client asks for and decodes "
        f"only one of {ACCEPT_ENCODING}"
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


def user_agent() -> str:
    return (
        f"{APP_NAME}/{__version__} (httpx/{httpx.__version__}; "
        f"Python {platform.python_version()}; {platform.system() or 'unknown OS'})"
    )


def make_http_client(
    endpoint: Endpoint, timeouts: Timeouts | None = None, *, network: NetworkSettings | None = None
) -> httpx.AsyncClient:
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
            "Accept": "application/json",
            "Accept-Encoding": ACCEPT_ENCODING,
        },
        transport=NetworkTransport(network),
        trust_env=False,
    )
