"""Validation of what the user types, before anything is sent.

An image ID ends up as a URL path segment and a token as a header value: checking both here
keeps path tricks (``../``, ``?``) off the wire and keeps a token out of httpx's "Illegal header
value" errors, which echo the whole value.
"""

from __future__ import annotations

import ipaddress
import re
from typing import Final, NamedTuple
from urllib.parse import quote, urlsplit

from inspector.api.errors import UsageError
from inspector.i18n import N_, _

DEFAULT_ENDPOINT: Final = "https://cloud-desktop.api.cloud.yandex.net"
ALTERNATIVE_ENDPOINT: Final = "https://clouddesktops.api.cloud.yandex.net"
MAX_ID_LENGTH = 50
_ID_CHARS = re.compile(r"[A-Za-z0-9_-]+")
_TOKEN_CHARS = re.compile(r"[\x21-\x7e]+")


def _describe_char(char: str) -> str:
    if char == " ":
        return _("a space")
    if ord(char) < 0x20 or ord(char) == 0x7F:
        return _("a control character (U+{code})").format(code=f"{ord(char):04X}")
    if ord(char) > 0x7E:
        return _("a non-ASCII character (U+{code})").format(code=f"{ord(char):04X}")
    return repr(char)


IMAGE_ID: Final = N_("image ID")
FOLDER_ID: Final = N_("folder ID")


def validate_resource_id(raw: str, what: str = IMAGE_ID) -> str:
    """The ID with surrounding whitespace trimmed, or :class:`UsageError` with the reason.

    ``what`` names the ID in the message (translated when it is one of the marked names).
    """
    value = raw.strip()
    what = _(what)
    if not value:
        raise UsageError(_("the {what} is empty").format(what=what))
    if len(value) > MAX_ID_LENGTH:
        raise UsageError(
            _("the {what} is {length} characters long; at most {most}").format(
                what=what, length=len(value), most=MAX_ID_LENGTH
            )
        )
    if not _ID_CHARS.fullmatch(value):
        bad = next(char for char in value if not _ID_CHARS.fullmatch(char))
        raise UsageError(
            _(
                "the {what} contains {character}; IDs are ASCII letters and digits, '-' and '_'"
            ).format(what=what, character=_describe_char(bad))
        )
    return value


def path_segment(resource_id: str) -> str:
    """One percent-encoded path segment (a no-op for valid IDs, a guard for everything else)."""
    return quote(resource_id, safe="")


def validate_token(raw: str, source: str) -> str:
    """The token stripped of surrounding whitespace; never echoes it when refusing it."""
    value = raw.strip()
    if not value:
        raise UsageError(_("the token from {source} is empty").format(source=source))
    if not _TOKEN_CHARS.fullmatch(value):
        position, bad = next(
            (index, char) for index, char in enumerate(value) if not _TOKEN_CHARS.fullmatch(char)
        )
        raise UsageError(
            _(
                "the token from {source} contains {character} at position {position}, "
                "which an HTTP header cannot carry"
            ).format(source=source, character=_describe_char(bad), position=position + 1)
        )
    return value


def is_loopback_host(host: str) -> bool:
    """True for localhost and any 127.0.0.0/8 or ::1 address."""
    if host.lower() in ("localhost", "localhost."):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class Endpoint(NamedTuple):
    """A base URL ``scheme://host[:port]`` that API paths are appended to."""

    base_url: str
    host: str

    @property
    def is_loopback(self) -> bool:
        return is_loopback_host(self.host)


def parse_endpoint(raw: str, option: str = "--endpoint") -> Endpoint:
    """Check a base URL; plain http is allowed for loopback only, so tokens never travel bare."""
    value = raw.strip()
    try:
        parts = urlsplit(value)
        port = parts.port
    except ValueError as error:
        raise UsageError(
            _("{option} {value} is not a URL: {reason}").format(
                option=option, value=repr(value), reason=error
            )
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(
            _("{option} must look like https://host[:port], got {value}").format(
                option=option, value=repr(value)
            )
        )
    if parts.path not in ("", "/") or parts.query or parts.fragment or parts.username:
        raise UsageError(
            _(
                "{option} is a base URL (scheme://host[:port]); the client adds the path itself"
            ).format(option=option)
        )
    host = parts.hostname
    if parts.scheme == "http" and not is_loopback_host(host):
        raise UsageError(
            _(
                "{option} uses plain http:// to {host}; tokens are only sent over https:// "
                "(plain http is allowed for 127.0.0.1 and localhost)"
            ).format(option=option, host=host)
        )
    netloc = f"[{host}]" if ":" in host else host
    if port is not None:
        netloc += f":{port}"
    return Endpoint(base_url=f"{parts.scheme}://{netloc}", host=host)
