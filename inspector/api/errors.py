"""The one error tree of the API layer.

Every failure a caller can meet is an :class:`InspectorError`; its message never contains a
token (tokens are validated before they can reach httpx, whose header errors echo the value).
The present layer turns these into operator-facing explanations. An error status gets a class
of its own (:mod:`inspector.api.status_errors`), so callers test a class, not a number.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, ClassVar, NamedTuple

from inspector.i18n import _


class RequestIds(NamedTuple):
    """The ids support asks for: the one this client sent and the ones the server returned."""

    client_request_id: str
    request_id: str | None = None
    server_trace_id: str | None = None

    def as_pairs(self) -> list[tuple[str, str]]:
        """(header name, value) for each id that is known, in the order support reads them."""
        pairs = [("x-client-request-id", self.client_request_id)]
        if self.request_id:
            pairs.append(("x-request-id", self.request_id))
        if self.server_trace_id:
            pairs.append(("x-server-trace-id", self.server_trace_id))
        return pairs


class InspectorError(Exception):
    """Base of every error the inspector raises on purpose."""


class UsageError(InspectorError):
    """Bad input from the user (an ID, a token, an endpoint): nothing was sent."""


class APIError(InspectorError):
    """A request was attempted and did not give a usable image."""

    def __init__(self, message: str, request_ids: RequestIds | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.request_ids = request_ids


class ConnectionKind:
    """What kind of network failure happened, as the operator would name it."""

    DNS = "dns"
    REFUSED = "refused"
    TLS = "tls"
    PROXY = "proxy"
    NETWORK = "network"


class APIConnectionError(APIError):
    """The server could not be reached or the connection broke before an answer came."""

    def __init__(
        self,
        message: str,
        *,
        kind: str,
        host: str,
        request_ids: RequestIds | None = None,
        tls_issuer: str | None = None,
    ) -> None:
        super().__init__(message, request_ids)
        self.kind = kind
        self.host = host
        self.tls_issuer = tls_issuer


class APITimeoutError(APIConnectionError):
    """No complete answer within the time limit.

    ``deadline`` is set when the whole request's deadline passed, None when one phase of it
    (connecting, waiting for data) timed out first.
    """

    def __init__(
        self,
        message: str,
        *,
        host: str,
        request_ids: RequestIds | None = None,
        deadline: float | None = None,
    ) -> None:
        super().__init__(message, kind="timeout", host=host, request_ids=request_ids)
        self.deadline = deadline


class RedirectError(APIError):
    """The server answered 3xx; redirects are never followed, so the token stays put.

    ``status_code`` is None when the ``Location`` was so malformed that the HTTP library gave
    up on the answer before its status could be read (``unreadable_location``).
    """

    def __init__(
        self,
        status_code: int | None,
        target: str | None,
        request_ids: RequestIds | None,
        *,
        unreadable_location: bool = False,
    ) -> None:
        status = "3xx" if status_code is None else str(status_code)
        if unreadable_location:
            message = _(
                "HTTP {status}: the server redirected to a Location that is not a valid URL"
            )
        elif target:
            message = _("HTTP {status}: the server redirected to {target}")
        else:
            message = _("HTTP {status}: the server redirected without a Location")
        super().__init__(message.format(status=status, target=target), request_ids)
        self.status_code = status_code
        self.target = target
        self.unreadable_location = unreadable_location


@dataclass(frozen=True, slots=True)
class StatusBody:
    """The API's JSON error body, as far as it could be read."""

    code: int | None = None
    message: str | None = None
    details: list[Any] = field(default_factory=list)


class Call(StrEnum):
    """Which API method answered: a folder's error is worded unlike an image's."""

    GET_IMAGE = "DesktopImage.Get"
    LIST_IMAGES = "DesktopImageService.List"


class APIStatusError(APIError):
    """The server answered with an HTTP error status; the subclasses name which one.

    ``http_status`` and ``grpc_code`` are the keys a subclass stands for (None: any).
    """

    http_status: ClassVar[int | None] = None
    grpc_code: ClassVar[int | None] = None

    def __init__(
        self,
        *,
        status_code: int,
        reason: str,
        body: StatusBody | None,
        body_text: str,
        request_ids: RequestIds,
        call: Call = Call.GET_IMAGE,
    ) -> None:
        text = body.message if body and body.message else reason
        super().__init__(f"HTTP {status_code}: {text}", request_ids)
        self.status_code = status_code
        self.reason = reason
        self.body = body
        self.body_text = body_text
        self.call = call


class ResponseError(APIError):
    """A 2xx answer that is not the documented resource (HTML, truncated, wrong types...)."""

    def __init__(
        self,
        message: str,
        *,
        problems: list[str] | None = None,
        request_ids: RequestIds | None = None,
        status_code: int | None = None,
    ) -> None:
        super().__init__(message, request_ids)
        self.problems = problems or []
        self.status_code = status_code


class ResponseTooLarge(ResponseError):
    """The decoded body passed the cap of ``limit_bytes``; the rest was never read."""

    def __init__(self, limit_bytes: int, *, request_ids: RequestIds | None = None) -> None:
        super().__init__(
            _("the answer is larger than {size} KiB; a DesktopImage is a few KiB at most").format(
                size=limit_bytes // 1024
            ),
            request_ids=request_ids,
        )
        self.limit_bytes = limit_bytes
