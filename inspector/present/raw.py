"""The raw answer as the raw view shows it: status line, headers, body exactly, body pretty.

:func:`pretty_json` re-indents the text token by token instead of parsing and dumping it, so
every number (int64 past 2**53, ``1.10``, ``1e400``), escape and key order stays exactly as the
server wrote it; only whitespace between tokens changes.
"""

from __future__ import annotations

import email.utils
import re
from http import HTTPStatus
from typing import TYPE_CHECKING, Final, NamedTuple

from inspector.api.redaction import safe_headers
from inspector.i18n import _
from inspector.present.sizes import exact_bytes

if TYPE_CHECKING:
    from inspector.api.transport import Exchange

INDENT: Final = "  "
_SCALAR = re.compile(r'"(?:[^"\\]|\\.)*"?|[^\s{}\[\],:"]+', re.DOTALL)


def pretty_json(text: str) -> str:
    """``text`` indented two spaces a level, tokens untouched; not-JSON text comes back as is."""
    out: list[str] = []
    depth = 0
    position = 0
    length = len(text)
    while position < length:
        char = text[position]
        if char in " \t\r\n\ufeff":
            position += 1
            continue
        if char in "{[":
            closing = "}" if char == "{" else "]"
            following = _next_significant(text, position + 1)
            if following < length and text[following] == closing:
                out.append(char + closing)
                position = following + 1
                continue
            depth += 1
            out.append(char + "\n" + INDENT * depth)
        elif char in "}]":
            depth = max(depth - 1, 0)
            out.append("\n" + INDENT * depth + char)
        elif char == ",":
            out.append(",\n" + INDENT * depth)
        elif char == ":":
            out.append(": ")
        else:
            match = _SCALAR.match(text, position)
            if match is None:  # unreachable for str input, kept for the type checker
                return text
            out.append(match.group())
            position = match.end()
            continue
        position += 1
    return "".join(out)


def _next_significant(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def status_line(http_version: str, status_code: int, reason: str) -> str:
    """``HTTP/1.1 200 OK``; HTTP/2 sends no reason phrase, so the standard one stands in."""
    if not reason:
        try:
            reason = HTTPStatus(status_code).phrase
        except ValueError:
            reason = ""
    return f"{http_version} {status_code} {reason}".rstrip()


def clock_skew(date_header: str | None, received_at_ns: int) -> float | None:
    """Seconds this computer's clock is ahead of the server's (negative: behind), from ``Date``.

    ``Date`` has whole seconds, so anything within a second is agreement.
    """
    if not date_header:
        return None
    try:
        server = email.utils.parsedate_to_datetime(date_header)
    except (TypeError, ValueError, IndexError):
        return None
    return received_at_ns / 1e9 - server.timestamp()


def describe_skew(seconds: float) -> str:
    """``this computer's clock is 75 s ahead of the server's`` (or within a second of it)."""
    if abs(seconds) < 1.5:
        return _("this computer's clock agrees with the server's (within a second)")
    if seconds > 0:
        text = _("this computer's clock is {seconds} s ahead of the server's")
    else:
        text = _("this computer's clock is {seconds} s behind the server's")
    return text.format(seconds=f"{abs(seconds):.0f}")


def header_value(headers: list[tuple[str, str]], name: str) -> str | None:
    """The first value of header ``name`` (case-insensitive)."""
    lowered = name.lower()
    return next((value for key, value in headers if key.lower() == lowered), None)


class RawView(NamedTuple):
    """What the raw view shows for one answer; ``headers`` already have secrets removed."""

    summary: str
    url: str | None
    headers: list[tuple[str, str]]
    request_ids: list[tuple[str, str]]
    body_text: str
    body_bytes: int
    pretty: str
    note: str | None = None
    clock: str | None = None


def present_exchange(
    exchange: Exchange, *, received_at_ns: int | None = None, note: str | None = None
) -> RawView:
    """The raw view of a live (or saved) exchange; ``received_at_ns`` gives the clock skew."""
    text = exchange.raw.decode("utf-8", "replace")
    skew = None
    if received_at_ns is not None:
        skew = clock_skew(header_value(exchange.headers, "date"), received_at_ns)
    millis = exchange.elapsed_seconds * 1000
    line = status_line(exchange.http_version, exchange.status_code, exchange.reason)
    return RawView(
        summary=_("{status} \u00b7 {milliseconds} ms \u00b7 {size}").format(
            status=line, milliseconds=f"{millis:.0f}", size=exact_bytes(len(exchange.raw))
        ),
        url=exchange.url or None,
        headers=safe_headers(exchange.headers),
        request_ids=exchange.request_ids.as_pairs(),
        body_text=text,
        body_bytes=len(exchange.raw),
        pretty=pretty_json(text),
        note=note,
        clock=None if skew is None else describe_skew(skew),
    )


def present_body(raw: bytes, note: str) -> RawView:
    """The raw view of a body that came without its exchange (a JSON file from a terminal)."""
    text = raw.decode("utf-8", "replace")
    return RawView(
        summary=_("no HTTP exchange \u00b7 {size}").format(size=exact_bytes(len(raw))),
        url=None,
        headers=[],
        request_ids=[],
        body_text=text,
        body_bytes=len(raw),
        pretty=pretty_json(text),
        note=note,
    )
