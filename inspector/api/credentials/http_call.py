"""One HTTP call made for a credential source, through the shared transport, with failures
turned into :class:`CredentialError` that name the source and the host."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Final

import httpx

from inspector.api.credentials.errors import CredentialError, Hint
from inspector.api.errors import (
    APIConnectionError,
    APIError,
    APITimeoutError,
    RedirectError,
    ResponseError,
)
from inspector.api.redaction import scrub
from inspector.api.transport import Exchange, send
from inspector.api.wire_json import BodyError, loads_object
from inspector.i18n import _

MAX_ANSWER_BYTES: Final = 64 * 1024
DEADLINE_SECONDS: Final = 20.0


@dataclass(frozen=True, slots=True)
class Failing:
    """Who is asked and what to advise when it fails: the parts of every CredentialError."""

    source: str
    what: str  # e.g. "the IAM endpoint iam.api.cloud.yandex.net"
    hint: Hint
    hint_values: dict[str, str] = field(default_factory=dict)

    def error(self, message: str, details: list[str] | None = None) -> CredentialError:
        return CredentialError(
            message,
            source=self.source,
            hint=self.hint,
            hint_values=self.hint_values,
            details=details,
        )


def _unreachable(error: APIError, failing: Failing, secret: str | None) -> CredentialError:
    """The transport's typed error, told as this source's failure."""
    what = failing.what
    if isinstance(error, APITimeoutError):
        if error.deadline is not None:
            return failing.error(
                _("{what} gave no complete answer within {seconds} s").format(
                    what=what, seconds=f"{error.deadline:g}"
                )
            )
        return failing.error(
            _("{what} timed out ({cause})").format(what=what, cause=type(error.__cause__).__name__)
        )
    if isinstance(error, ResponseError):
        return failing.error(
            _("{what} sent an answer that is not a token (too large or badly encoded)").format(
                what=what
            )
        )
    issuer = error.tls_issuer if isinstance(error, APIConnectionError) else None
    return failing.error(
        _("{what} could not be reached: {reason}").format(
            what=what, reason=scrub(error.message, secret)
        ),
        [_("certificate issuer: {issuer}").format(issuer=issuer)] if issuer else [],
    )


async def call(
    http: httpx.AsyncClient,
    method: str,
    url: str,
    failing: Failing,
    *,
    secret: str | None = None,
    deadline: float = DEADLINE_SECONDS,
    headers: dict[str, str] | None = None,
    json: object = None,
) -> Exchange:
    """Send one request for a token; any answer comes back, no answer is a CredentialError."""
    try:
        return await send(
            http,
            method,
            url,
            deadline=deadline,
            max_body_bytes=MAX_ANSWER_BYTES,
            headers=headers,
            json=json,
        )
    except (APIConnectionError, ResponseError, RedirectError) as error:
        raise _unreachable(error, failing, secret) from None


def json_object(body: bytes) -> dict[str, Any] | None:
    """The body as a JSON object, or None when it is anything else."""
    try:
        data, _ = loads_object(body)
    except BodyError:
        return None
    return data


def refusal_text(answer: Exchange, secret: str | None) -> str:
    """``HTTP 401: Token is invalid`` from a status body, or a short look at a foreign body."""
    data = json_object(answer.raw)
    message = data.get("message") if data else None
    if isinstance(message, str) and message.strip():
        text = message.strip()
    else:
        text = " ".join(answer.raw.decode("utf-8", "replace").split())[:200] or _("no body")
    return scrub(f"HTTP {answer.status_code}: {text}", secret)
