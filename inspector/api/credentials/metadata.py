"""Source 5: the metadata service of a Yandex Cloud VM (a cloud desktop is one).

Used only when chosen, never probed on its own: outside a VM the address leads nowhere, or
somewhere else entirely. The URL is configurable so tests can serve it on loopback.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final

import httpx

from inspector.api.credentials.errors import Hint
from inspector.api.credentials.http_call import Failing, call, json_object, refusal_text
from inspector.api.credentials.tokens import IssuedToken
from inspector.api.errors import UsageError
from inspector.api.inputs import validate_token
from inspector.i18n import _

DEADLINE_SECONDS: Final = 5.0


class MetadataSource:
    """Asks the metadata service for the VM's service account token at every renewal."""

    renewable = True

    def __init__(self, url: str, label: str, *, clock: Callable[[], float] = time.time) -> None:
        self._url = url
        self._clock = clock
        self.label = label

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken:
        what = _("the metadata service at {host}").format(host=httpx.URL(self._url).host)
        failing = Failing(self.label, what, Hint.METADATA)
        answer = await call(
            http,
            "GET",
            self._url,
            failing,
            headers={"Metadata-Flavor": "Google"},  # untranslated: a header
            deadline=DEADLINE_SECONDS,
        )
        if answer.error() is not None:
            raise failing.error(
                _("{what} refused: {reason}").format(what=what, reason=refusal_text(answer, None))
            )
        data = json_object(answer.raw)
        token = data.get("access_token") if data else None
        lifetime = data.get("expires_in") if data else None
        if not isinstance(token, str):
            raise failing.error(_("{what} answered without an access_token").format(what=what))
        try:
            value = validate_token(token, what)
        except UsageError as error:
            raise failing.error(str(error)) from None
        if isinstance(lifetime, int) and not isinstance(lifetime, bool) and lifetime > 0:
            return IssuedToken(value, self._clock() + lifetime)
        return IssuedToken(value)
