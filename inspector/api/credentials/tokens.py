"""An issued IAM token with its lifetime, and the protocol every source follows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

import httpx


@dataclass(frozen=True, slots=True)
class IssuedToken:
    """A token and, when the source said so, when it expires (seconds since the epoch)."""

    value: str = field(repr=False)
    expires_at: float | None = None


class CredentialSource(Protocol):
    """Gives IAM tokens; ``renewable`` says whether asking again can give a different one."""

    @property
    def label(self) -> str: ...

    @property
    def renewable(self) -> bool: ...

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken: ...
