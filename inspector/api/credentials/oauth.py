"""Source 2: a Yandex OAuth token exchanged for an IAM token.

Yandex has announced the end of this exchange. It is kept while the endpoint accepts it, and
a refusal names the replacements (:attr:`Hint.OAUTH_REFUSED`).
"""

from __future__ import annotations

import httpx

from inspector.api.credentials.errors import Hint
from inspector.api.credentials.exchange import exchange
from inspector.api.credentials.tokens import IssuedToken
from inspector.api.inputs import Endpoint


class OAuthTokenSource:
    """Exchanges the OAuth token at every renewal: it is the IAM token that expires."""

    renewable = True

    def __init__(self, oauth_token: str, iam_endpoint: Endpoint, label: str) -> None:
        self._oauth_token = oauth_token
        self._iam_endpoint = iam_endpoint
        self.label = label

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken:
        return await exchange(
            http,
            self._iam_endpoint,
            {"yandexPassportOauthToken": self._oauth_token},
            source=self.label,
            secret=self._oauth_token,
            refusal=Hint.OAUTH_REFUSED,
        )
