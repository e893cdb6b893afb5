"""``POST {iam-endpoint}/iam/v1/tokens``: an OAuth token or a signed JWT for an IAM token."""

from __future__ import annotations

import httpx

from inspector.api.credentials.errors import CredentialError, Hint
from inspector.api.credentials.http_call import Failing, call, json_object, refusal_text
from inspector.api.credentials.plan import tokens_url
from inspector.api.credentials.tokens import IssuedToken
from inspector.api.errors import RedirectError, UsageError
from inspector.api.inputs import Endpoint, validate_token
from inspector.api.status_errors import ClientError, RequestTimeout, ResourceExhausted
from inspector.api.timestamp import TimestampError, parse_timestamp
from inspector.api.transport import Exchange
from inspector.i18n import _


def _issued(answer: Exchange, failing: Failing) -> IssuedToken:
    data = json_object(answer.raw)
    token = data.get("iamToken") if data else None
    expires = data.get("expiresAt") if data else None
    if not isinstance(token, str):
        raise failing.error(
            _(
                "{what} answered HTTP {status} without an iamToken "
                "(a proxy or a wrong --iam-endpoint may have answered)"
            ).format(what=failing.what, status=answer.status_code)
        )
    try:
        value = validate_token(token, failing.what)
    except UsageError as error:
        raise failing.error(str(error)) from None
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
    refusal: Hint,
    refusal_values: dict[str, str] | None = None,
) -> IssuedToken:
    """The IAM token the endpoint gives for ``payload``; ``secret`` never reaches a message.

    A refusal of the credential itself gets the ``refusal`` hint; anything else (the network,
    a failing or redirecting endpoint) the advice to check the endpoint and the network.
    """
    what = _("the IAM endpoint {host}").format(host=iam_endpoint.host)
    unreachable = Failing(source, what, Hint.IAM_UNREACHABLE, {"endpoint": iam_endpoint.base_url})
    url = tokens_url(iam_endpoint)
    answer = await call(http, "POST", url, unreachable, secret=secret, json=payload)
    error = answer.error()
    if error is None:
        return _issued(answer, unreachable)
    if isinstance(error, RedirectError):
        raise CredentialError(
            _("{what} redirected (HTTP {status}); redirects are not followed").format(
                what=what, status=answer.status_code
            ),
            source=source,
            hint=Hint.IAM_REDIRECTED,
        )
    reason = refusal_text(answer, secret)
    if isinstance(error, ClientError) and not isinstance(error, RequestTimeout | ResourceExhausted):
        raise CredentialError(
            _("{what} refused it: {reason}").format(what=what, reason=reason),
            source=source,
            hint=refusal,
            hint_values=refusal_values,
        )
    raise unreachable.error(_("{what} failed: {reason}").format(what=what, reason=reason))
