"""The one shared ``httpx.AsyncClient``, configured the way every call needs it.

Redirects are never followed (a token must not travel to a host the user did not name), the
loopback endpoint bypasses any proxy from the environment (the demo must work behind a corporate
``HTTP_PROXY``), and the User-Agent names this app and its version.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass

import httpx

from inspector import APP_NAME, __version__
from inspector.api.inputs import Endpoint


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Limits in seconds: per-phase ones for httpx and a deadline for the whole request."""

    connect: float = 5.0
    read: float = 10.0
    total: float = 20.0


def user_agent() -> str:
    return (
        f"{APP_NAME}/{__version__} (httpx/{httpx.__version__}; "
        f"Python {platform.python_version()}; {platform.system() or 'unknown OS'})"
    )


def make_http_client(endpoint: Endpoint, timeouts: Timeouts | None = None) -> httpx.AsyncClient:
    """An AsyncClient for ``endpoint``; the caller owns it and must ``aclose()`` it."""
    limits = timeouts or Timeouts()
    mounts: dict[str, httpx.AsyncBaseTransport | None] = {}
    if endpoint.is_loopback:
        host = f"[{endpoint.host}]" if ":" in endpoint.host else endpoint.host
        mounts[f"all://{host}"] = None
    return httpx.AsyncClient(
        follow_redirects=False,
        timeout=httpx.Timeout(limits.read, connect=limits.connect),
        headers={"User-Agent": user_agent(), "Accept": "application/json"},
        mounts=mounts,
    )
