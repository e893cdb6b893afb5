"""The one IAM token in use: issued when first needed, renewed before it expires and once
after the API answers 401, and described (source, expiry) without ever showing it.

IAM tokens live up to 12 hours and Yandex recommends getting a new one every hour; a new
token does not revoke the old one, so renewing early costs nothing.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Final, NamedTuple

import httpx

from inspector.api.credentials.tokens import CredentialSource, IssuedToken
from inspector.i18n import _

RENEW_EVERY_SECONDS: Final = 3600.0
RENEW_MARGIN_SECONDS: Final = 300.0

log = logging.getLogger(__name__)


class TokenStatus(NamedTuple):
    """What may be shown about the token: where it comes from and until when it is valid."""

    source: str
    issued: bool
    expires_at: float | None = None


def renew_at(issued_at: float, token: IssuedToken, renewable: bool) -> float | None:
    """When to ask for a new token: hourly, and in time before it expires; None: never."""
    if not renewable:
        return None
    if token.expires_at is None:
        return issued_at + RENEW_EVERY_SECONDS
    lifetime = token.expires_at - issued_at
    ahead = max(lifetime - RENEW_MARGIN_SECONDS, lifetime / 2)
    return issued_at + min(RENEW_EVERY_SECONDS, ahead)


class TokenCache:
    """Gives the current token to the API client (call it) and renews it when due.

    ``source`` None means "send no token". ``on_change`` hears the new status after each issue.
    """

    def __init__(
        self,
        source: CredentialSource | None,
        http: httpx.AsyncClient,
        *,
        clock: Callable[[], float] = time.time,
        on_change: Callable[[TokenStatus], None] | None = None,
    ) -> None:
        self._source = source
        self._http = http
        self._clock = clock
        self.on_change = on_change
        self._token: IssuedToken | None = None
        self._renew_at: float | None = None
        self._lock = asyncio.Lock()

    @property
    def status(self) -> TokenStatus:
        label = self._source.label if self._source else _("no token")
        expires = self._token.expires_at if self._token else None
        return TokenStatus(label, self._token is not None, expires)

    async def __call__(self) -> str | None:
        return await self.get_token()

    async def get_token(self) -> str | None:
        """The token to send now, asking the source for a new one when none is fresh."""
        if self._source is None:
            return None
        async with self._lock:
            now = self._clock()
            if self._token is None or (self._renew_at is not None and now >= self._renew_at):
                # The log's words, in English like every log line.
                reason = "first use" if self._token is None else "renewal"  # untranslated
                self._token = await self._source.issue(self._http)
                self._renew_at = renew_at(now, self._token, self._source.renewable)
                log.info("new IAM token from %s (%s)", self._source.label, reason)
                if self.on_change is not None:
                    self.on_change(self.status)
            return self._token.value

    def invalidate(self) -> bool:
        """Forget a token the API refused; True when asking the source again may help."""
        if self._source is None or not self._source.renewable:
            return False
        self._token = None
        self._renew_at = None
        return True
