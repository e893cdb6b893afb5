"""One HTTP call made for a credential source, through the app's own client, with failures
turned into :class:`CredentialError` that name the source and the host."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from typing import Any, Final

import httpx

from inspector.api.client import connection_error
from inspector.api.credentials.errors import CredentialError, scrub
from inspector.api.errors import RequestIds
from inspector.api.network.transport import untrusted_issuer
from inspector.api.transport import BodyEncodingError, BodyTooLarge, read_body
from inspector.api.wire_json import BodyError, loads_object

MAX_ANSWER_BYTES: Final = 64 * 1024
DEADLINE_SECONDS: Final = 20.0


@dataclass(frozen=True, slots=True)
class Answer:
    status_code: int
    body: bytes
    location: str | None


async def call(
    http: httpx.AsyncClient,
    request: httpx.Request,
    *,
    source: str,
    what: str,
    hint: str,
    secret: str | None = None,
    deadline: float = DEADLINE_SECONDS,
) -> Answer:
    """Send ``request`` (to ``what``, e.g. "the IAM endpoint iam.api.cloud.yandex.net")."""
    request.headers["x-client-request-id"] = str(uuid.uuid4())
    try:
        async with asyncio.timeout(deadline):
            response = await http.send(request, stream=True)
            try:
                body = await read_body(response, MAX_ANSWER_BYTES)
            finally:
                await response.aclose()
    except TimeoutError:
        raise CredentialError(
            f"{what} gave no complete answer within {deadline:g} s", source=source, hint=hint
        ) from None
    except httpx.TimeoutException as error:
        raise CredentialError(
            f"{what} timed out ({type(error).__name__})", source=source, hint=hint
        ) from None
    except (BodyTooLarge, BodyEncodingError):
        raise CredentialError(
            f"{what} sent an answer that is not a token (too large or badly encoded)",
            source=source,
            hint=hint,
        ) from None
    except httpx.HTTPError as error:
        failure = connection_error(error, request.url.host, RequestIds(""))
        issuer = untrusted_issuer(error)
        raise CredentialError(
            f"{what} could not be reached: {scrub(failure.message, secret)}",
            source=source,
            hint=hint,
            details=[f"certificate issuer: {issuer}"] if issuer else [],
        ) from None
    return Answer(response.status_code, body, response.headers.get("location"))


def json_object(body: bytes) -> dict[str, Any] | None:
    """The body as a JSON object, or None when it is anything else."""
    try:
        data, _ = loads_object(body)
    except BodyError:
        return None
    return data


def refusal_text(answer: Answer, secret: str | None) -> str:
    """``HTTP 401: Token is invalid`` from a status body, or a short look at a foreign body."""
    data = json_object(answer.body)
    message = data.get("message") if data else None
    if isinstance(message, str) and message.strip():
        text = message.strip()
    else:
        text = " ".join(answer.body.decode("utf-8", "replace").split())[:200] or "no body"
    return scrub(f"HTTP {answer.status_code}: {text}", secret)
