"""``POST {iam-endpoint}/iam/v1/tokens``: an OAuth token or a signed JWT for an IAM token."""

from __future__ import annotations

import httpx

from inspector.api.credentials.errors import CredentialError
from inspector.api.credentials.http_call import Answer, call, json_object, refusal_text
from inspector.api.credentials.plan import tokens_url
from inspector.api.credentials.tokens import IssuedToken
from inspector.api.errors import UsageError
from inspector.api.inputs import Endpoint, validate_token
from inspector.api.timestamp import TimestampError, parse_timestamp


def _issued(answer: Answer, *, source: str, what: str, hint: str) -> IssuedToken:
    data = json_object(answer.body)
    token = data.get("iamToken") if data else None
    expires = data.get("expiresAt") if data else None
    if not isinstance(token, str):
        raise CredentialError(
            f"{what} answered HTTP {answer.status_code} without an iamToken "
            "(a proxy or a wrong --iam-endpoint may have answered)",
            source=source,
            hint=hint,
        )
    try:
        value = validate_token(token, what)
    except UsageError as error:
        raise CredentialError(str(error), source=source, hint=hint) from None
    try:
        expires_at = parse_timestamp(expires).epoch_seconds if isinstance(expires, str) else None
    except TimestampError:
        expires_at = None
    return IssuedToken(value, expires_at)


async def exchange(
    http: httpx.AsyncClient,
    iam_endpoint: Endpoint,
    payload: dict[str, str],
    *,
    source: str,
    secret: str,
    refusal_hint: str,
) -> IssuedToken:
    """The IAM token the endpoint gives for ``payload``; ``secret`` never reaches a message."""
    what = f"the IAM endpoint {iam_endpoint.host}"
    network_hint = (
        "Check the network, the proxy and --iam-endpoint "
        f"(now {iam_endpoint.base_url}); retry later if it is down."
    )
    request = http.build_request("POST", tokens_url(iam_endpoint), json=payload)
    answer = await call(http, request, source=source, what=what, hint=network_hint, secret=secret)
    status = answer.status_code
    if status == 200:
        return _issued(answer, source=source, what=what, hint=network_hint)
    if 300 <= status < 400:
        raise CredentialError(
            f"{what} redirected (HTTP {status}); redirects are not followed",
            source=source,
            hint="Check --iam-endpoint: it is probably wrong.",
        )
    reason = refusal_text(answer, secret)
    if 400 <= status < 500 and status not in (408, 429):
        raise CredentialError(f"{what} refused it: {reason}", source=source, hint=refusal_hint)
    raise CredentialError(f"{what} failed: {reason}", source=source, hint=network_hint)
