"""Secrets out of everything this app writes or shows: logs, support bundles, error details.

Three kinds of scrubbing, one module: :func:`redact` replaces ``Authorization`` values and
anything shaped like a Yandex token or a JWT (a log line, a server's echo, a traceback);
:func:`scrub` replaces the exact secrets a call sent (a JWT or an OAuth token a server may echo
back, whatever its shape); :func:`safe_headers` drops the values of headers that carry
credentials or session state, whatever they look like.
"""

from __future__ import annotations

import re
from typing import Final

REDACTED: Final = "[redacted]"
REMOVED: Final = "[removed]"
# Header names whose values are credentials or session state: never shown, saved or copied.
_SECRET_HEADER_PARTS: Final = (
    "authorization",
    "cookie",
    "token",
    "secret",
    "password",
    "api-key",
    "apikey",
    "session",
)
_TOKEN_CHARS = r"[A-Za-z0-9_\-]"
_SECRETS = re.compile(
    "|".join(
        (
            # An Authorization header value, whatever its scheme, in text, JSON or a repr.
            r"(?i:(?<=authorization)(?P<sep>['\"]?\s*[:=,]\s*(?-i:b?)['\"]?)"
            r"(?P<scheme>(?:bearer|basic|api-key|oauth)\s+)?[^\s'\",;}\]]+)",
            r"(?i:(?<=bearer\s)\s*[^\s'\",;}\]]+)",
            rf"\bt1\.{_TOKEN_CHARS}{{8,}}(?:\.{_TOKEN_CHARS}+)*",  # IAM token
            rf"\by0_{_TOKEN_CHARS}{{16,}}",  # OAuth token
            rf"\bAQAAAA{_TOKEN_CHARS}{{16,}}",  # OAuth token, older form
            rf"\beyJ{_TOKEN_CHARS}{{5,}}\.{_TOKEN_CHARS}{{5,}}(?:\.{_TOKEN_CHARS}*)?",  # JWT
        )
    )
)


def redact(text: str) -> str:
    """``text`` with every token and Authorization value replaced by ``[redacted]``."""

    def replace(match: re.Match[str]) -> str:
        if match["sep"] is not None:
            return f"{match['sep']}{match['scheme'] or ''}{REDACTED}"
        return REDACTED

    return _SECRETS.sub(replace, text)


def scrub(text: str, *secrets: str | None) -> str:
    """``text`` without any of ``secrets``, in case a server or a program echoed one back."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, REDACTED)
    return text


def is_secret_header(name: str) -> bool:
    """True for Authorization, Cookie, Set-Cookie and anything named like a token or secret."""
    lowered = name.lower()
    return any(part in lowered for part in _SECRET_HEADER_PARTS)


def safe_headers(headers: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Headers with every secret value replaced by ``[removed]`` (the name stays: it tells)."""
    return [(name, REMOVED if is_secret_header(name) else redact(value)) for name, value in headers]
