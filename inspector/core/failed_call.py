"""Support bundles of failed calls: what support asks for when a fetch did not give an image.

The same file format as a successful call's bundle (:mod:`inspector.core.bundle`), with
``"outcome": "failure"``: the error as the window explained it, every attempt with its own
request ids, status, duration and the wait after it, and the last answer's status, headers
without secrets and the first 64 KiB of its body. Tokens never reach the file: request headers
are not saved, secret response headers are ``[removed]``, and anything shaped like a token in
the body or the messages is ``[redacted]`` (a server or proxy may echo what it was sent).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from inspector.api.client import Attempt, AttemptRecord
from inspector.api.redaction import redact, safe_headers
from inspector.api.transport import Exchange
from inspector.core.bundle import (
    FAILURE_OUTCOME,
    CaptureError,
    FailedCallBundle,
    OfflineResult,
    bundle_envelope,
    load_capture,
    response_head,
)
from inspector.i18n import _
from inspector.present.errors import Explanation

BODY_EXCERPT_BYTES: Final = 64 * 1024


@dataclass(frozen=True)
class FailedCapture:
    """A failed call read back from its bundle: shown as the error banner, marked OFFLINE."""

    source: Path
    image_id: str
    endpoint: str | None
    captured_at_ns: int
    explanation: Explanation
    attempts: list[AttemptRecord]
    status: int | None
    headers: list[tuple[str, str]] = field(default_factory=list)
    body: str = ""
    body_bytes: int = 0


def _attempt_data(attempt: Attempt) -> dict[str, Any]:
    ids = attempt.request_ids.as_pairs() if attempt.request_ids else []
    return {
        "attempt": attempt.number,
        "requestIds": dict(ids),
        "status": attempt.exchange.status_code if attempt.exchange else None,
        "error": None if attempt.error is None else redact(attempt.error),
        "elapsedMs": round(attempt.elapsed_seconds * 1000, 3),
        "waitSeconds": None if attempt.wait_seconds is None else round(attempt.wait_seconds, 3),
    }


def _response_data(exchange: Exchange) -> dict[str, Any]:
    excerpt = exchange.raw[:BODY_EXCERPT_BYTES]
    return {
        **response_head(exchange),
        "body": redact(excerpt.decode("utf-8", "replace")),
        "bodyBytes": len(exchange.raw),
        "bodyTruncated": len(exchange.raw) > BODY_EXCERPT_BYTES,
    }


def _explanation_data(explanation: Explanation) -> dict[str, Any]:
    return {
        "title": redact(explanation.title),
        "httpStatus": explanation.http_status,
        "grpcCode": explanation.grpc_code,
        "message": None if explanation.message is None else redact(explanation.message),
        "details": [redact(detail) for detail in explanation.details],
        "requestIds": dict(explanation.request_ids),
        "hint": redact(explanation.hint),
    }


def build_failure_bundle(
    explanation: Explanation,
    attempts: list[Attempt],
    *,
    image_id: str,
    endpoint: str,
    url: str,
    captured_at_ns: int,
    versions: dict[str, str],
) -> dict[str, Any]:
    """The bundle of one failed call, as a JSON-ready dict with no secret in it."""
    last = next((item.exchange for item in reversed(attempts) if item.exchange), None)
    return {
        **bundle_envelope(
            FAILURE_OUTCOME,
            captured_at_ns=captured_at_ns,
            versions=versions,
            request={"url": url, "endpoint": endpoint, "imageId": image_id},
            request_ids=dict(explanation.request_ids),
        ),
        "error": _explanation_data(explanation),
        "attempts": [_attempt_data(attempt) for attempt in attempts],
        "response": None if last is None else _response_data(last),
    }


# -- reading ------------------------------------------------------------------------------


def load_any(path: Path) -> OfflineResult | FailedCapture:
    """What ``path`` holds: an image (a bundle or a plain body) or a failed call's bundle."""
    try:
        return load_capture(path)
    except FailedCallBundle as failed:
        return failed_from_bundle(failed.document, path, failed.captured_at_ns)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def _pairs(value: object) -> list[tuple[str, str]]:
    if not isinstance(value, dict):
        return []
    return [(str(key), str(text)) for key, text in value.items() if isinstance(text, str)]


def _attempt(value: object, source: Path) -> AttemptRecord:
    if not isinstance(value, dict) or not isinstance(value.get("attempt"), int):
        raise CaptureError(source, _("the bundle's attempts are not a list of attempts"))
    status = value.get("status")
    return AttemptRecord(
        number=value["attempt"],
        request_ids=_pairs(value.get("requestIds")),
        status=status if isinstance(status, int) and not isinstance(status, bool) else None,
        error=_text(value.get("error")),
        elapsed_ms=_number(value.get("elapsedMs")) or 0.0,
        wait_seconds=_number(value.get("waitSeconds")),
    )


def failed_from_bundle(
    document: dict[str, Any], source: Path, captured_at_ns: int
) -> FailedCapture:
    """The failed call in an already-checked bundle document, or :class:`CaptureError`."""
    error = document.get("error")
    if not isinstance(error, dict) or not isinstance(error.get("title"), str):
        raise CaptureError(source, _("the failed call's bundle has no 'error' section"))
    details = error.get("details")
    explanation = Explanation(
        title=error["title"],
        http_status=_text(error.get("httpStatus")),
        grpc_code=_text(error.get("grpcCode")),
        message=_text(error.get("message")),
        details=[str(item) for item in details] if isinstance(details, list) else [],
        request_ids=_pairs(error.get("requestIds")),
        hint=_text(error.get("hint")) or "",
    )
    attempts = document.get("attempts")
    if not isinstance(attempts, list):
        raise CaptureError(source, _("the failed call's bundle has no 'attempts' list"))
    request = document.get("request")
    request = request if isinstance(request, dict) else {}
    response = document.get("response")
    response = response if isinstance(response, dict) else {}
    status = response.get("status")
    headers = response.get("headers")
    body_bytes = response.get("bodyBytes")
    return FailedCapture(
        source=source,
        image_id=_text(request.get("imageId")) or "",
        endpoint=_text(request.get("endpoint")),
        captured_at_ns=captured_at_ns,
        explanation=explanation,
        attempts=[_attempt(item, source) for item in attempts],
        status=status if isinstance(status, int) and not isinstance(status, bool) else None,
        headers=safe_headers(
            [
                (str(pair[0]), str(pair[1]))
                for pair in headers
                if isinstance(pair, list) and len(pair) == 2
            ]
            if isinstance(headers, list)
            else []
        ),
        body=_text(response.get("body")) or "",
        body_bytes=body_bytes if isinstance(body_bytes, int) else 0,
    )
