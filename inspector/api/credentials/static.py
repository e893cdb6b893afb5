"""Source 1: an IAM token the user already has (typed, ``YC_IAM_TOKEN``, ``--token-file``)."""

from __future__ import annotations

import httpx

from inspector.api.credentials.tokens import IssuedToken


class StaticTokenSource:
    """Always the same token: asking again after a 401 cannot help, so it is not renewable."""

    renewable = False

    def __init__(self, token: str, label: str) -> None:
        self._token = token
        self.label = label

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken:
        return IssuedToken(self._token)
