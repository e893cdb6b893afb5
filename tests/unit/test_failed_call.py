"""The support bundle of a failed call, as support reads the file and as the window reads it back:
the error as explained, every attempt, the last answer without secrets, and what a damaged or
odd file turns into."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from inspector.api.client import Attempt, AttemptRecord
from inspector.api.errors import RequestIds
from inspector.api.transport import Exchange
from inspector.core.bundle import CaptureError, OfflineResult
from inspector.core.failed_call import (
    BODY_EXCERPT_BYTES,
    FailedCapture,
    build_failure_bundle,
    failed_from_bundle,
    load_any,
)
from inspector.present.errors import Explanation

IMAGE_ID = "e3vfailed00000000001"
ENDPOINT = "https://desktops.example.test"
URL = f"{ENDPOINT}/clouddesktop/v1/desktopImages/{IMAGE_ID}"
CAPTURED_NS = 1_795_166_142_123_456_000  # 2026-11-20T09:15:42.123456Z
IAM_TOKEN = "t1.9euelZqQx5WSj5OJk5CRkJeTx5uZnO3rnpWaxp2WkpqNnZabk5qT"
VERSIONS = {"app": "cloud-desktop-inspector 1.0", "python": "3.11.9"}
SOURCE = Path("/tmp/failed.inspector.json")

EXPLANATION = Explanation(
    title=f"Service unavailable (token {IAM_TOKEN})",
    http_status="503 Service Unavailable",
    grpc_code="UNAVAILABLE",
    message=f"echo: Authorization: Bearer {IAM_TOKEN}",
    details=["retry later", f"token {IAM_TOKEN}"],
    request_ids=[("x-client-request-id", "c-2"), ("x-request-id", "r-2")],
    hint=f"Try again; {IAM_TOKEN} expired?",
)


def exchange(status: int, raw: bytes, headers: list[tuple[str, str]] | None = None) -> Exchange:
    return Exchange(
        url=URL,
        status_code=status,
        reason="Service Unavailable",
        http_version="HTTP/1.1",
        headers=headers if headers is not None else [("content-type", "application/json")],
        raw=raw,
        elapsed_seconds=0.25,
        request_ids=RequestIds("c-2", "r-2"),
    )


FIRST = Attempt(
    number=1,
    request_ids=RequestIds("c-1", "r-1", "trace-1"),
    elapsed_seconds=0.1234567,
    wait_seconds=1.23456,
    error=f"connection reset, token {IAM_TOKEN}",
)
LAST = Attempt(
    number=2,
    request_ids=RequestIds("c-2"),
    elapsed_seconds=2.5,
    wait_seconds=None,
    exchange=exchange(
        503,
        json.dumps({"code": 14, "message": f"echo {IAM_TOKEN}"}).encode(),
        [("Content-Type", "application/json"), ("Set-Cookie", "session=abc"), ("X-Note", "ok")],
    ),
)


def bundle(attempts: list[Attempt], explanation: Explanation = EXPLANATION) -> dict[str, Any]:
    return build_failure_bundle(
        explanation,
        attempts,
        image_id=IMAGE_ID,
        endpoint=ENDPOINT,
        url=URL,
        captured_at_ns=CAPTURED_NS,
        versions=VERSIONS,
    )


def test_the_bundle_names_the_call_the_error_and_every_attempt_without_a_token() -> None:
    document = bundle([FIRST, LAST])
    assert IAM_TOKEN not in json.dumps(document)
    assert document["outcome"] == "failure"
    assert document["capturedAt"] == "2026-11-20T09:15:42.123456Z"
    assert document["environment"] == VERSIONS
    assert document["request"] == {
        "method": "GET",
        "url": URL,
        "endpoint": ENDPOINT,
        "imageId": IMAGE_ID,
    }
    assert document["requestIds"] == {"x-client-request-id": "c-2", "x-request-id": "r-2"}
    assert document["error"] == {
        "title": "Service unavailable (token [redacted])",
        "httpStatus": "503 Service Unavailable",
        "grpcCode": "UNAVAILABLE",
        "message": "echo: Authorization: Bearer [redacted]",
        "details": ["retry later", "token [redacted]"],
        "requestIds": {"x-client-request-id": "c-2", "x-request-id": "r-2"},
        "hint": "Try again; [redacted] expired?",
    }
    assert document["attempts"] == [
        {
            "attempt": 1,
            "requestIds": {
                "x-client-request-id": "c-1",
                "x-request-id": "r-1",
                "x-server-trace-id": "trace-1",
            },
            "status": None,
            "error": "connection reset, token [redacted]",
            "elapsedMs": 123.457,
            "waitSeconds": 1.235,
        },
        {
            "attempt": 2,
            "requestIds": {"x-client-request-id": "c-2"},
            "status": 503,
            "error": None,
            "elapsedMs": 2500.0,
            "waitSeconds": None,
        },
    ]
    assert document["response"] == {
        "httpVersion": "HTTP/1.1",
        "status": 503,
        "reason": "Service Unavailable",
        "headers": [
            ["Content-Type", "application/json"],
            ["Set-Cookie", "[removed]"],
            ["X-Note", "ok"],
        ],
        "body": '{"code": 14, "message": "echo [redacted]"}',
        "bodyBytes": len(LAST.exchange.raw) if LAST.exchange else 0,
        "bodyTruncated": False,
    }


def test_an_attempt_without_request_ids_or_a_message_is_saved_as_such() -> None:
    bare = Attempt(number=1, request_ids=None, elapsed_seconds=0.0, wait_seconds=0.0)
    (saved,) = bundle([bare])["attempts"]
    assert saved == {
        "attempt": 1,
        "requestIds": {},
        "status": None,
        "error": None,
        "elapsedMs": 0.0,
        "waitSeconds": 0.0,
    }


def test_the_response_is_the_last_attempt_that_got_an_answer() -> None:
    """A later attempt that got no answer (a time-out) does not hide the answer before it."""
    earlier = Attempt(1, RequestIds("c-0"), 0.1, 1.0, exchange=exchange(500, b"first"))
    timed_out = Attempt(3, RequestIds("c-3"), 5.0, None, error="timed out")
    document = bundle([earlier, LAST, timed_out])
    assert document["response"]["status"] == 503
    assert "echo" in document["response"]["body"]
    assert bundle([earlier])["response"]["body"] == "first"


def test_no_answer_at_all_means_no_response_section() -> None:
    document = bundle([FIRST])
    assert document["response"] is None
    assert json.dumps(document)  # JSON-ready as it is


def test_a_long_body_is_cut_at_64_kib_and_says_so() -> None:
    raw = b"a" * BODY_EXCERPT_BYTES + b"bc"
    long = Attempt(1, RequestIds("c-1"), 1.0, None, exchange=exchange(502, raw))
    response = bundle([long])["response"]
    assert response["body"] == "a" * BODY_EXCERPT_BYTES
    assert response["bodyBytes"] == BODY_EXCERPT_BYTES + 2
    assert response["bodyTruncated"] is True
    exact = Attempt(1, RequestIds("c-1"), 1.0, None, exchange=exchange(502, raw[:-2]))
    assert bundle([exact])["response"]["bodyTruncated"] is False


def test_a_body_that_is_not_utf_8_is_kept_readable() -> None:
    odd = Attempt(1, RequestIds("c-1"), 1.0, None, exchange=exchange(502, b"bad \xff byte"))
    assert bundle([odd])["response"]["body"] == "bad \ufffd byte"


def test_an_explanation_without_message_or_hint_stays_without() -> None:
    plain = Explanation("Could not connect", None, None, None)
    assert bundle([FIRST], plain)["error"] == {
        "title": "Could not connect",
        "httpStatus": None,
        "grpcCode": None,
        "message": None,
        "details": [],
        "requestIds": {},
        "hint": "",
    }


# -- reading back ----------------------------------------------------------------------------


def save(folder: Path, document: dict[str, Any]) -> Path:
    path = folder / "failed.inspector.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_a_saved_failure_reads_back_as_the_banner_and_attempts_it_was(tmp_path: Path) -> None:
    path = save(tmp_path, bundle([FIRST, LAST]))
    capture = load_any(path)
    assert capture == FailedCapture(
        source=path,
        image_id=IMAGE_ID,
        endpoint=ENDPOINT,
        captured_at_ns=CAPTURED_NS,
        explanation=Explanation(
            title="Service unavailable (token [redacted])",
            http_status="503 Service Unavailable",
            grpc_code="UNAVAILABLE",
            message="echo: Authorization: Bearer [redacted]",
            details=["retry later", "token [redacted]"],
            request_ids=[("x-client-request-id", "c-2"), ("x-request-id", "r-2")],
            hint="Try again; [redacted] expired?",
        ),
        attempts=[
            AttemptRecord(
                1,
                [
                    ("x-client-request-id", "c-1"),
                    ("x-request-id", "r-1"),
                    ("x-server-trace-id", "trace-1"),
                ],
                None,
                "connection reset, token [redacted]",
                123.457,
                1.235,
            ),
            AttemptRecord(2, [("x-client-request-id", "c-2")], 503, None, 2500.0, None),
        ],
        status=503,
        headers=[
            ("Content-Type", "application/json"),
            ("Set-Cookie", "[removed]"),
            ("X-Note", "ok"),
        ],
        body='{"code": 14, "message": "echo [redacted]"}',
        body_bytes=len(LAST.exchange.raw) if LAST.exchange else 0,
    )


def test_an_image_file_still_opens_as_an_image(tmp_path: Path) -> None:
    path = tmp_path / "image.json"
    path.write_text(json.dumps({"id": IMAGE_ID, "status": "ACTIVE"}), encoding="utf-8")
    result = load_any(path)
    assert isinstance(result, OfflineResult)
    assert result.image.id == IMAGE_ID


def test_a_file_that_is_neither_says_so(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("", encoding="utf-8")
    with pytest.raises(CaptureError, match="the file is empty"):
        load_any(path)


def test_a_failure_with_no_answer_reads_back_without_status_headers_or_body(
    tmp_path: Path,
) -> None:
    capture = load_any(save(tmp_path, bundle([FIRST])))
    assert isinstance(capture, FailedCapture)
    assert (capture.status, capture.headers, capture.body, capture.body_bytes) == (None, [], "", 0)


def minimal(**changes: Any) -> dict[str, Any]:
    """The least a failed call's document needs: an error title and a list of attempts."""
    document: dict[str, Any] = {"error": {"title": "Could not connect"}, "attempts": []}
    document.update(changes)
    return document


def test_a_bare_failure_reads_back_with_empty_parts() -> None:
    capture = failed_from_bundle(minimal(), SOURCE, CAPTURED_NS)
    assert capture == FailedCapture(
        source=SOURCE,
        image_id="",
        endpoint=None,
        captured_at_ns=CAPTURED_NS,
        explanation=Explanation("Could not connect", None, None, None, [], [], ""),
        attempts=[],
        status=None,
    )


NO_ERROR = "the failed call's bundle has no 'error' section"
NO_ATTEMPTS = "the failed call's bundle has no 'attempts' list"
BAD_ATTEMPT = "the bundle's attempts are not a list of attempts"


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        ({"attempts": []}, NO_ERROR),
        ({"error": "boom", "attempts": []}, NO_ERROR),
        ({"error": {"title": 5}, "attempts": []}, NO_ERROR),
        (minimal(attempts=None), NO_ATTEMPTS),
        (minimal(attempts={"attempt": 1}), NO_ATTEMPTS),
        (minimal(attempts=[5]), BAD_ATTEMPT),
        (minimal(attempts=[{"attempt": "1"}]), BAD_ATTEMPT),
        (minimal(attempts=[{"status": 503}]), BAD_ATTEMPT),
    ],
)
def test_a_damaged_failure_names_what_is_missing(document: dict[str, Any], reason: str) -> None:
    with pytest.raises(CaptureError) as raised:
        failed_from_bundle(document, SOURCE, CAPTURED_NS)
    assert raised.value.reason == reason
    assert raised.value.path == SOURCE
    assert str(raised.value) == f"Cannot open failed.inspector.json: {reason}"


def test_values_of_the_wrong_type_are_left_out_not_shown_as_garbage() -> None:
    """A hand-edited file: a number where text goes, true where a number goes, a header that is
    not a pair. Each odd value reads as absent; the rest of the file still shows."""
    document = minimal(
        error={
            "title": "Bad gateway",
            "httpStatus": 502,
            "grpcCode": ["UNAVAILABLE"],
            "message": None,
            "details": "not a list",
            "requestIds": {"x-request-id": "r-9", "x-number": 7},
            "hint": 3,
        },
        attempts=[
            {
                "attempt": 4,
                "requestIds": ["c-4"],
                "status": True,
                "error": 500,
                "elapsedMs": True,
                "waitSeconds": "2",
            },
            {"attempt": 5, "status": "503", "elapsedMs": 7, "waitSeconds": 0.5},
        ],
        request={"imageId": 42, "endpoint": ENDPOINT},
        response={
            "status": False,
            "headers": [["a", "1"], ["b"], "c: 3", ["d", "4", "x"], [5, 6]],
            "body": {"json": True},
            "bodyBytes": "12",
        },
    )
    capture = failed_from_bundle(document, SOURCE, CAPTURED_NS)
    assert capture.explanation == Explanation(
        "Bad gateway", None, None, None, [], [("x-request-id", "r-9")], ""
    )
    assert capture.attempts == [
        AttemptRecord(4, [], None, None, 0.0, None),
        AttemptRecord(5, [], None, None, 7.0, 0.5),
    ]
    assert (capture.image_id, capture.endpoint) == ("", ENDPOINT)
    assert capture.status is None
    assert capture.headers == [("a", "1"), ("5", "6")]
    assert (capture.body, capture.body_bytes) == ("", 0)


def test_details_are_shown_as_text_whatever_their_type() -> None:
    document = minimal(error={"title": "t", "details": ["one", 2]})
    capture = failed_from_bundle(document, SOURCE, CAPTURED_NS)
    assert capture.explanation.details == ["one", "2"]


def test_sections_that_are_not_objects_read_as_empty() -> None:
    document = minimal(request=["imageId", IMAGE_ID], response="503")
    capture = failed_from_bundle(document, SOURCE, CAPTURED_NS)
    assert (capture.image_id, capture.endpoint, capture.status, capture.headers) == (
        "",
        None,
        None,
        [],
    )


def test_a_secret_header_edited_back_into_a_file_is_still_not_shown() -> None:
    document = minimal(response={"headers": [["Authorization", "Bearer abc"], ["X-Ok", "1"]]})
    capture = failed_from_bundle(document, SOURCE, CAPTURED_NS)
    assert capture.headers == [("Authorization", "[removed]"), ("X-Ok", "1")]
