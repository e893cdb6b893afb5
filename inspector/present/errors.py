"""Every inspector error as an explanation an operator can act on.

Support asks for the HTTP status, the gRPC code, the message and the request ids, so those are
kept apart from the wording; the hint says what to try next. Nothing here adds headers, so a
token can never end up in the text.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from http import HTTPStatus
from typing import Final

from inspector.api.credentials.errors import CredentialError
from inspector.api.errors import (
    APIConnectionError,
    APIError,
    APIStatusError,
    APITimeoutError,
    ConnectionKind,
    InspectorError,
    RedirectError,
    ResponseError,
    UsageError,
)
from inspector.api.inputs import ALTERNATIVE_ENDPOINT, DEFAULT_ENDPOINT
from inspector.api.status_errors import (
    BadGateway,
    BadRequest,
    Cancelled,
    ClientError,
    Conflict,
    DeadlineExceeded,
    InternalServerError,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    ServerError,
    Unauthenticated,
    Unavailable,
    Unimplemented,
)
from inspector.i18n import N_, _
from inspector.present.credentials import credential_hint
from inspector.present.text import display_width, pad, printable

GRPC_CODE_NAMES: Final[dict[int, str]] = {
    0: "OK",
    1: "CANCELLED",
    2: "UNKNOWN",
    3: "INVALID_ARGUMENT",
    4: "DEADLINE_EXCEEDED",
    5: "NOT_FOUND",
    6: "ALREADY_EXISTS",
    7: "PERMISSION_DENIED",
    8: "RESOURCE_EXHAUSTED",
    9: "FAILED_PRECONDITION",
    10: "ABORTED",
    11: "OUT_OF_RANGE",
    12: "UNIMPLEMENTED",
    13: "INTERNAL",
    14: "UNAVAILABLE",
    15: "DATA_LOSS",
    16: "UNAUTHENTICATED",
}

# Hints are marked here and translated when an error is explained (``_(hint)``).
_SERVER_ERROR_HINT: Final = N_(
    "The server failed: retry later; if it keeps failing, contact support with the request ids."
)
# By the status's class (:mod:`inspector.api.status_errors`); the first class in an error's MRO
# found here gives its hint, so a 4xx or 5xx with no entry of its own gets the general one.
_STATUS_HINTS: Final[dict[type[APIStatusError], str]] = {
    BadRequest: N_("The request was refused as invalid: check the image ID."),
    Unauthenticated: N_(
        "The token is missing or expired: get a new one with `yc iam create-token`."
    ),
    PermissionDenied: N_(
        "No permission on the image's folder: you need the role vdi.viewer or higher."
    ),
    NotFound: N_(
        "No such image here: check the ID and the region/endpoint "
        "(images live in one folder and one installation)."
    ),
    Conflict: N_("The image is being changed by another operation: wait a moment and retry."),
    ResourceExhausted: N_("Too many requests or a quota is exhausted: retry later."),
    Cancelled: N_("The request was cancelled before the server finished: retry."),
    InternalServerError: _SERVER_ERROR_HINT,
    Unimplemented: N_("This endpoint does not support the method: check the host (--endpoint)."),
    BadGateway: N_(
        "A gateway in front of the API got no valid answer from it: retry later; "
        "if it keeps failing, contact support with the request ids."
    ),
    Unavailable: N_("The service is unavailable: retry later."),
    DeadlineExceeded: N_(
        "A gateway in front of the API timed out waiting for it: retry later; "
        "if it keeps failing, contact support with the request ids."
    ),
    ClientError: N_(
        "The API refused the request: check the image ID, the token and the endpoint (--endpoint)."
    ),
    ServerError: _SERVER_ERROR_HINT,
    APIStatusError: N_(
        "The server answered with a status the API does not use: check the endpoint (--endpoint)."
    ),
}
# google.rpc.Code: what the code means, then what to do. A gateway maps several codes to one HTTP
# status (400 is INVALID_ARGUMENT, FAILED_PRECONDITION and OUT_OF_RANGE), so the code decides.
GRPC_CODE_HINTS: Final[dict[int, tuple[str, str]]] = {
    0: (
        N_("The server reported success, yet answered with an HTTP error status."),
        N_("A proxy or gateway may have changed the answer: share the request ids with support."),
    ),
    1: (
        N_("The operation was cancelled, usually by the caller or a proxy on the way."),
        N_("Retry."),
    ),
    2: (
        N_("The server failed with an error it could not classify."),
        N_("Retry later; if it keeps failing, contact support with the request ids."),
    ),
    3: (
        N_("The request is invalid whatever the image's state."),
        N_("Check the image ID."),
    ),
    4: (
        N_("The server did not finish before its deadline."),
        N_("Retry later; a change may still have been made, so look before repeating it."),
    ),
    5: (
        N_("The image does not exist here."),
        N_(
            "Check the ID and the region/endpoint (images live in one folder and one installation)."
        ),
    ),
    6: (
        N_("What the request would create already exists."),
        N_("Use the existing resource, or choose another name."),
    ),
    7: (
        N_("The account has no permission for this resource."),
        N_("You need the role vdi.viewer or higher on the image's folder."),
    ),
    8: (
        N_("A quota or a request rate limit is exhausted."),
        N_("Retry later, or ask for a larger quota."),
    ),
    9: (
        N_("The image's state does not allow it yet; the request itself is valid."),
        N_("Wait until the image's operation finishes (status ACTIVE), then retry."),
    ),
    10: (
        N_("The operation was aborted by a concurrent change (a conflict)."),
        N_("Fetch the image again and retry from the start."),
    ),
    11: (
        N_("A value is past the valid range (for example a page beyond the end)."),
        N_("Check the paging and range values."),
    ),
    12: (
        N_("This endpoint does not implement the method."),
        N_("Check the host (--endpoint) and the app's version."),
    ),
    13: (
        N_("The server broke one of its own rules (an internal error)."),
        N_("Retry later; if it keeps failing, contact support with the request ids."),
    ),
    14: (
        N_("The service is unavailable for now; this is usually temporary."),
        N_("Retry later, after a pause."),
    ),
    15: (
        N_("The server reports data loss or corruption that cannot be recovered."),
        N_("Contact support with the request ids at once."),
    ),
    16: (
        N_("The request has no valid credentials."),
        N_("Get a new token with `yc iam create-token` (IAM tokens live at most 12 hours)."),
    ),
}
_NOT_A_STATUS_BODY: Final = N_(
    "The body is not the API's error JSON, so a proxy, a gateway or a wrong endpoint may have"
    " answered."
)
_ALTERNATIVE_HINT: Final = N_(
    "The other known Cloud Desktop host may serve it: try --endpoint {endpoint}"
)
_EXCERPT_CHARS: Final = 200
_LABEL_COLUMN: Final = 15


@dataclass(frozen=True)
class Explanation:
    """What went wrong, split into the parts support asks for; absent parts are ``None``/empty."""

    title: str
    http_status: str | None
    grpc_code: str | None
    message: str | None
    details: list[str] = field(default_factory=list)
    request_ids: list[tuple[str, str]] = field(default_factory=list)
    hint: str = ""


def _http_status(status_code: int, reason: str = "") -> str:
    """``404 Not Found``; HTTP/2 sends no reason phrase, so the standard one stands in."""
    if not reason:
        try:
            reason = HTTPStatus(status_code).phrase
        except ValueError:
            return str(status_code)
    return f"{status_code} {reason}"


def _grpc_code(code: int) -> str:
    if code in GRPC_CODE_NAMES:
        return f"{code} {GRPC_CODE_NAMES[code]}"
    return _("{code} (unknown code)").format(code=code)


def _excerpt(body_text: str) -> str:
    """A one-line look at a body that is not the API's JSON (an HTML error page, usually)."""
    text = " ".join(body_text.split())
    if not text:
        return _("the body is empty")
    shown = text if len(text) <= _EXCERPT_CHARS else text[:_EXCERPT_CHARS] + "…"
    if text.startswith("<"):
        return _("the body is an HTML page: {excerpt}").format(excerpt=shown)
    return _("the body is not the API's JSON: {excerpt}").format(excerpt=shown)


def code_hint(code: int, advice: str | None = None) -> str:
    """What a gRPC code means and what to do (``advice`` replaces the generic advice)."""
    meaning, generic = GRPC_CODE_HINTS[code]
    return f"{_(meaning)} {advice or _(generic)}"


def _status_hint(error: APIStatusError) -> str:
    """By the gRPC code when the body has a known one, else by the HTTP status."""
    if error.body is not None and error.body.code in GRPC_CODE_HINTS:
        return code_hint(error.body.code)
    hint = next(_STATUS_HINTS[cls] for cls in type(error).__mro__ if cls in _STATUS_HINTS)
    return f"{_(hint)} {_(_NOT_A_STATUS_BODY)}" if error.body is None else _(hint)


def _explain_status(error: APIStatusError) -> Explanation:
    status = error.status_code
    if isinstance(error, ClientError):
        title = _("The API refused the request (HTTP {status})").format(status=status)
    elif isinstance(error, ServerError):
        title = _("The API failed to answer (HTTP {status})").format(status=status)
    else:
        title = _("The API answered with an unexpected status (HTTP {status})").format(
            status=status
        )
    body = error.body
    return Explanation(
        title=title,
        http_status=_http_status(status, error.reason),
        grpc_code=None if body is None or body.code is None else _grpc_code(body.code),
        message=_excerpt(error.body_text) if body is None else body.message,
        details=[json.dumps(detail, ensure_ascii=False) for detail in body.details] if body else [],
        hint=_status_hint(error),
    )


def _explain_connection(error: APIConnectionError, endpoint: str | None) -> Explanation:
    host = error.host
    if isinstance(error, APITimeoutError):
        title = _("The request to {host} timed out").format(host=host)
        hint = _("The network is slow or the server is stuck: retry later.")
    elif error.kind == ConnectionKind.DNS:
        title = _("The host name {host} could not be resolved").format(host=host)
        hint = _("Check the host name (--endpoint) and that the network and DNS work.")
    elif error.kind == ConnectionKind.REFUSED:
        title = _("{host} refused the connection").format(host=host)
        hint = _("Nothing accepts connections there: check the host and port (--endpoint).")
    elif error.kind == ConnectionKind.TLS:
        title = _("The TLS (HTTPS) connection to {host} failed").format(host=host)
        hint = _(
            "The server's certificate is not trusted. A TLS-inspecting proxy or antivirus may be "
            "in the way: its corporate CA must be trusted (add it to the system's certificates, or "
            "give it with --ca-file). Also check the computer's clock."
        )
    elif error.kind == ConnectionKind.PROXY:
        title = _("The proxy failed the connection to {host}").format(host=host)
        hint = _("Check the proxy settings: HTTPS_PROXY (or HTTP_PROXY, ALL_PROXY) and NO_PROXY.")
    else:
        title = _("The connection to {host} broke").format(host=host)
        hint = _(
            "The connection broke before a complete answer came: retry, and check VPN/firewall."
        )
    at_default = endpoint is not None and endpoint.rstrip("/") == DEFAULT_ENDPOINT
    if at_default and error.kind in (
        ConnectionKind.DNS,
        ConnectionKind.REFUSED,
        ConnectionKind.NETWORK,
    ):
        hint += " " + _(_ALTERNATIVE_HINT).format(endpoint=ALTERNATIVE_ENDPOINT)
    issuer = (
        [_("certificate issuer: {issuer}").format(issuer=error.tls_issuer)]
        if error.tls_issuer
        else []
    )
    return Explanation(title, None, None, str(error), details=issuer, hint=hint)


def _explain_redirect(error: RedirectError) -> Explanation:
    title = (
        _("The server redirected the request to {target}").format(target=error.target)
        if error.target
        else _("The server redirected the request")
    )
    if error.unreadable_location:
        title = _("The server redirected the request to an address that is not a valid URL")
    return Explanation(
        title=title,
        http_status=None if error.status_code is None else _http_status(error.status_code),
        grpc_code=None,
        message=str(error),
        hint=_(
            "The endpoint is likely wrong: check --endpoint. Redirects are never followed, "
            "so the token was not sent anywhere else."
        ),
    )


def _explain_response(error: ResponseError) -> Explanation:
    return Explanation(
        title=_("The answer is not a DesktopImage"),
        http_status=None if error.status_code is None else _http_status(error.status_code),
        grpc_code=None,
        message=str(error),
        details=list(error.problems),
        hint=_(
            "A proxy or a wrong endpoint answered, or the API changed: "
            "share the request ids with support."
        ),
    )


def explain(error: InspectorError, *, endpoint: str | None = None) -> Explanation:
    """The explanation of ``error``; ``endpoint`` (the base URL used) tailors network hints."""
    if isinstance(error, APIStatusError):
        explanation = _explain_status(error)
    elif isinstance(error, APIConnectionError):
        explanation = _explain_connection(error, endpoint)
    elif isinstance(error, RedirectError):
        explanation = _explain_redirect(error)
    elif isinstance(error, ResponseError):
        explanation = _explain_response(error)
    elif isinstance(error, CredentialError):
        title = _("Could not get an IAM token ({source})").format(source=error.source)
        explanation = Explanation(
            title, None, None, str(error), error.details, hint=credential_hint(error)
        )
    elif isinstance(error, UsageError):
        explanation = Explanation(
            _("Bad input"), None, None, str(error), hint=_("Fix the input and try again.")
        )
    else:
        explanation = Explanation(
            _("Something went wrong"),
            None,
            None,
            str(error) or type(error).__name__,
            hint=_("This was not expected: please report it with the text above."),
        )
    if isinstance(error, APIError) and error.request_ids is not None:
        return replace(explanation, request_ids=error.request_ids.as_pairs())
    return explanation


def explanation_lines(explanation: Explanation) -> list[str]:
    """The text the CLI prints to stderr; control characters from the server are escaped."""
    rows: list[tuple[str, str]] = []
    if explanation.http_status:
        rows.append((_("HTTP status"), explanation.http_status))
    if explanation.grpc_code:
        rows.append((_("gRPC code"), explanation.grpc_code))
    if explanation.message is not None:
        rows.append((_("message"), explanation.message))
    rows.extend(
        (_("details") if index == 0 else "", detail)
        for index, detail in enumerate(explanation.details)
    )
    rows.extend(explanation.request_ids)  # header names: the same in every language
    lines = [_("error: {title}").format(title=printable(explanation.title))]
    for name, value in rows:
        label = f"{name}:" if name else ""
        width = max(_LABEL_COLUMN, display_width(label) + 1)
        lines.append(f"  {pad(label, width)}{printable(value)}")
    if explanation.hint:
        lines.append("  " + _("hint: {hint}").format(hint=explanation.hint))
    return lines
