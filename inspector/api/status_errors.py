"""The status-error factory: a class per HTTP status, and per gRPC code where one has several.

The API answers an error with an HTTP status and a ``google.rpc.Status`` body whose ``code`` a
gateway maps to that status (FACTS.md: 3, 9 and 11 all become 400). The HTTP status picks the
class (:class:`NotFound` for 404, whatever the body); the body's code picks a subclass only when
it belongs to that status (:class:`FailedPrecondition` for 400 with code 9), so
``isinstance(error, BadRequest)`` holds for every 400 and for nothing else. Callers test these
classes; only this module reads status numbers.
"""

from __future__ import annotations

from typing import Final

from inspector.api.errors import APIStatusError, Call, RequestIds, StatusBody
from inspector.api.models import INT32_MAX, INT32_MIN, integral_value
from inspector.api.wire_json import BodyError, loads_object


class ClientError(APIStatusError):
    """4xx: the request was refused."""


class ServerError(APIStatusError):
    """5xx: the server, or a gateway in front of it, failed."""


class BadRequest(ClientError):
    http_status = 400


class InvalidArgument(BadRequest):
    grpc_code = 3


class FailedPrecondition(BadRequest):
    grpc_code = 9


class OutOfRange(BadRequest):
    grpc_code = 11


class Unauthenticated(ClientError):
    http_status = 401
    grpc_code = 16


class PermissionDenied(ClientError):
    http_status = 403
    grpc_code = 7


class NotFound(ClientError):
    http_status = 404
    grpc_code = 5


class RequestTimeout(ClientError):
    http_status = 408


class Conflict(ClientError):
    http_status = 409


class AlreadyExists(Conflict):
    grpc_code = 6


class Aborted(Conflict):
    grpc_code = 10


class ResourceExhausted(ClientError):
    http_status = 429
    grpc_code = 8


class Cancelled(ClientError):
    http_status = 499
    grpc_code = 1


class InternalServerError(ServerError):
    http_status = 500


class Unknown(InternalServerError):
    grpc_code = 2


class Internal(InternalServerError):
    grpc_code = 13


class DataLoss(InternalServerError):
    grpc_code = 15


class Unimplemented(ServerError):
    http_status = 501
    grpc_code = 12


class BadGateway(ServerError):
    http_status = 502


class Unavailable(ServerError):
    http_status = 503
    grpc_code = 14


class DeadlineExceeded(ServerError):
    http_status = 504
    grpc_code = 4


_CLASSES: Final[tuple[type[APIStatusError], ...]] = (
    BadRequest,
    InvalidArgument,
    FailedPrecondition,
    OutOfRange,
    Unauthenticated,
    PermissionDenied,
    NotFound,
    RequestTimeout,
    Conflict,
    AlreadyExists,
    Aborted,
    ResourceExhausted,
    Cancelled,
    InternalServerError,
    Unknown,
    Internal,
    DataLoss,
    Unimplemented,
    BadGateway,
    Unavailable,
    DeadlineExceeded,
)
_BY_HTTP: Final = {cls.http_status: cls for cls in _CLASSES if "http_status" in vars(cls)}
_BY_CODE: Final = {cls.grpc_code: cls for cls in _CLASSES if cls.grpc_code is not None}


def is_redirect(status_code: int) -> bool:
    return 300 <= status_code < 400


def is_error_status(status_code: int) -> bool:
    """Neither 2xx nor a redirect: 1xx too, which this API never sends as a final answer."""
    return not 200 <= status_code < 300 and not is_redirect(status_code)


def status_class(status_code: int, grpc_code: int | None) -> type[APIStatusError]:
    """The class for an HTTP status and the body's gRPC code (None: the body had none)."""
    base = _BY_HTTP.get(status_code)
    if base is None:
        if 400 <= status_code < 500:
            base = ClientError
        elif 500 <= status_code < 600:
            base = ServerError
        else:
            base = APIStatusError
    by_code = None if grpc_code is None else _BY_CODE.get(grpc_code)
    return by_code if by_code is not None and issubclass(by_code, base) else base


def _grpc_code(value: object) -> int | None:
    """``google.rpc.Status.code`` read as protobuf reads an int32; ``None`` when left out."""
    try:
        code = integral_value(value)
    except ValueError:
        return None
    return code if INT32_MIN <= code <= INT32_MAX else None


def status_body(body: bytes) -> StatusBody | None:
    """The ``{code, message, details}`` body, or None when the server sent something else."""
    try:
        data, _ = loads_object(body)
    except BodyError:
        return None
    message = data.get("message")
    details = data.get("details")
    return StatusBody(
        code=_grpc_code(data.get("code")),
        message=message if isinstance(message, str) else None,
        details=details if isinstance(details, list) else ([] if details is None else [details]),
    )


def _request_id_from_details(body: StatusBody | None) -> str | None:
    for detail in body.details if body else []:
        if isinstance(detail, dict) and isinstance(detail.get("requestId"), str):
            request_id: str = detail["requestId"]
            return request_id
    return None


def status_error(
    status_code: int, reason: str, raw: bytes, ids: RequestIds, call: Call = Call.GET_IMAGE
) -> APIStatusError:
    """The typed error of one error answer, with a request id from the body if none came."""
    body = status_body(raw)
    if ids.request_id is None and (from_details := _request_id_from_details(body)):
        ids = RequestIds(ids.client_request_id, from_details, ids.server_trace_id)
    cls = status_class(status_code, None if body is None else body.code)
    return cls(
        status_code=status_code,
        reason=reason,
        body=body,
        body_text=raw.decode("utf-8", "replace"),
        request_ids=ids,
        call=call,
    )
