"""Support bundles out and back in, plain bodies from a terminal, and files that are neither."""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

import pytest

from inspector.api.client import MAX_BODY_BYTES, FetchResult
from inspector.api.errors import RequestIds
from inspector.api.models import parse_image
from inspector.api.redaction import REMOVED
from inspector.api.transport import Exchange
from inspector.core.bundle import (
    BUNDLE_FORMAT,
    CaptureError,
    CaptureKind,
    OfflineResult,
    build_bundle,
    bundle_bytes,
    default_bundle_name,
    environment,
    load_capture,
    save_bundle,
)
from inspector.present.image import format_image_text, present_image

TOKEN = "t1.9euelZqSnc2Wk4-BUNDLE-TEST-TOKEN.Zm9vYmFyYmF6"
REST_BODY = (
    '{"id":"e3vc67qdve8q12345678","folderId":"b1gfolder00000000001",'
    '"createdAt":"2026-11-27T08:01:17.123456789Z","status":"CREATING","name":"dev",'
    '"labels":{"os":"ubuntu","под_ключ":"значение"},"storageSize":"9007199254740993",'
    '"minDiskSize":"34359738368"}'
)
YC_BODY = """{
  "id": "e3vc67qdve8q12345678",
  "folder_id": "b1gfolder00000000001",
  "created_at": "2026-11-27T08:01:17.123456789Z",
  "status": "CREATING",
  "name": "dev",
  "labels": {"os": "ubuntu", "под_ключ": "значение"},
  "storage_size": "9007199254740993",
  "min_disk_size": "34359738368"
}
"""
RECEIVED_NS = 1_795_766_480_500_000_000  # 2026-11-27T08:01:20.5Z


def live_result() -> FetchResult:
    raw = REST_BODY.encode()
    image, text = parse_image(raw)
    exchange = Exchange(
        url="https://cloud-desktop.api.cloud.yandex.net/cloud-desktop/v1/images/e3vc67qdve8q12345678",
        status_code=200,
        reason="OK",
        http_version="HTTP/1.1",
        headers=[
            ("Content-Type", "application/json"),
            ("Date", "Fri, 27 Nov 2026 08:01:18 GMT"),
            ("Set-Cookie", f"session={TOKEN}"),
            ("X-Echo", f"Authorization: Bearer {TOKEN}"),
            ("x-request-id", "r-1"),
        ],
        raw=raw,
        elapsed_seconds=0.042,
        request_ids=RequestIds("c-1", "r-1", "t-1"),
    )
    return FetchResult(image=image, text=text, exchange=exchange)


def saved_bundle(tmp_path: Path) -> Path:
    bundle = build_bundle(
        live_result(),
        image_id="e3vc67qdve8q12345678",
        endpoint="https://cloud-desktop.api.cloud.yandex.net",
        received_at_ns=RECEIVED_NS,
        versions=environment("6.12.0", "6.12.0"),
    )
    path = tmp_path / default_bundle_name("e3vc67qdve8q12345678", RECEIVED_NS)
    save_bundle(path, bundle)
    return path


def test_a_bundle_has_what_support_asks_for_and_no_secret(tmp_path: Path) -> None:
    path = saved_bundle(tmp_path)
    assert path.name == "e3vc67qdve8q12345678-20261127-080120.inspector.json"
    data = path.read_bytes()
    assert TOKEN.encode() not in data
    bundle = json.loads(data)
    assert bundle["format"] == BUNDLE_FORMAT
    assert bundle["capturedAt"] == "2026-11-27T08:01:20.500000Z"
    assert bundle["response"]["body"] == REST_BODY
    assert bundle["response"]["status"] == 200
    assert bundle["response"]["httpVersion"] == "HTTP/1.1"
    assert ["Set-Cookie", REMOVED] in bundle["response"]["headers"]
    assert bundle["requestIds"] == {
        "x-client-request-id": "c-1",
        "x-request-id": "r-1",
        "x-server-trace-id": "t-1",
    }
    assert bundle["timing"] == {"elapsedMs": 42.0}
    assert bundle["request"]["endpoint"] == "https://cloud-desktop.api.cloud.yandex.net"
    assert bundle["clock"]["skewSeconds"] == 2.5
    assert "2 s ahead" in bundle["clock"]["meaning"]
    assert {"app", "python", "os", "qt", "pyside6"} <= set(bundle["environment"])


def test_a_bundle_is_named_after_the_image_and_the_utc_second_it_was_captured() -> None:
    assert default_bundle_name("e3v", RECEIVED_NS) == "e3v-20261127-080120.inspector.json"


def test_a_bundle_opens_as_the_same_answer(tmp_path: Path) -> None:
    result = load_capture(saved_bundle(tmp_path))
    live = live_result()
    assert result.kind is CaptureKind.BUNDLE
    assert result.image == live.image
    assert result.raw == live.exchange.raw
    assert result.captured_at_known
    assert result.captured_at_ns == RECEIVED_NS
    assert result.exchange is not None
    assert result.exchange.request_ids == live.exchange.request_ids
    assert result.exchange.status_code == 200
    assert result.exchange.elapsed_seconds == pytest.approx(0.042)
    assert ("Set-Cookie", REMOVED) in result.exchange.headers
    assert result.endpoint == "https://cloud-desktop.api.cloud.yandex.net"
    assert result.environment["qt"] == "6.12.0"


def test_a_rest_body_opens_with_the_file_time(tmp_path: Path) -> None:
    path = tmp_path / "image.json"
    path.write_text(REST_BODY, encoding="utf-8")
    result = load_capture(path)
    assert result.kind is CaptureKind.REST
    assert result.image == live_result().image
    assert result.exchange is None
    assert not result.captured_at_known
    assert result.captured_at_ns == path.stat().st_mtime_ns
    assert result.text == REST_BODY


def test_a_saved_body_shows_its_defaults_marked_as_a_live_one_does(tmp_path: Path) -> None:
    path = tmp_path / "image.json"
    path.write_text('{"id": "e3vsaved", "storageSize": "0"}', encoding="utf-8")
    view = present_image(load_capture(path).image, 0)
    marked = {field.key for field in view.fields if field.default}
    assert marked == {"folderId", "name", "description", "status", "minDiskSize"}
    assert view.labels_default
    assert "Min disk size  0 B (0 bytes) (default)\n" in format_image_text(view)
    assert "Storage size   0 B (0 bytes)\n" in format_image_text(view)


def test_yc_snake_case_output_opens_as_the_same_image(tmp_path: Path) -> None:
    path = tmp_path / "yc.json"
    path.write_text(YC_BODY, encoding="utf-8")
    result = load_capture(path)
    assert result.kind is CaptureKind.YC
    assert result.image == live_result().image
    assert result.image.labels == {"os": "ubuntu", "под_ключ": "значение"}  # keys untouched
    assert result.text == YC_BODY


def refusal_of(tmp_path: Path, content: bytes) -> str:
    """What opening ``content`` saved as ``suspect.json`` says, as the window shows it."""
    path = tmp_path / "suspect.json"
    path.write_bytes(content)
    with pytest.raises(CaptureError) as caught:
        load_capture(path)
    return str(caught.value)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b"  \n", "the file is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        (gzip.compress(REST_BODY.encode()), "binary file"),
        (b"\xff\xfe{\xe9}", "not UTF-8 text"),
        (REST_BODY[:80].encode(), "broken or truncated"),
        (b"<!doctype html><html><body>Login</body></html>", "an HTML page"),
        (b"[1, 2]", "expected a JSON object, got an array"),
        (b'{"a": 1, "a": 2}', "the key 'a' twice"),
        (b'{"desktopImages": [], "nextPageToken": ""}', "a list of images"),
        (b'{"code": 16, "message": "Token is invalid"}', "an API error (code 16"),
        (b'{"hello": "world"}', "neither a support bundle nor a DesktopImage"),
        (b'{"folderId": "b1g", "folder_id": "b1g"}', "mixes camelCase and snake_case"),
        (b'{"id": "e3v", "storageSize": "twenty"}', "not a valid DesktopImage: storageSize"),
        (b'{"format": "something-else"}', "another kind"),
        (f'{{"format": "{BUNDLE_FORMAT}", "version": 9}}'.encode(), "newer version"),
        (f'{{"format": "{BUNDLE_FORMAT}", "version": 1}}'.encode(), "no 'response' section"),
    ],
)
def test_files_that_are_not_one_say_what_is_wrong(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    refusal = refusal_of(tmp_path, content)
    assert refusal.startswith("Cannot open suspect.json: ")
    assert reason in refusal


def test_a_bundle_with_a_damaged_body(tmp_path: Path) -> None:
    bundle = json.loads(saved_bundle(tmp_path).read_bytes())
    bundle["response"]["body"] = REST_BODY[:40]
    path = tmp_path / "damaged.inspector.json"
    path.write_bytes(bundle_bytes(bundle))
    with pytest.raises(CaptureError, match="the bundle's body is not a DesktopImage"):
        load_capture(path)


def test_a_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    path.write_bytes(b" " * 2048)
    with pytest.raises(CaptureError, match=r"Cannot open huge.json: it is 0.0 MiB.*at most 0 MiB"):
        load_capture(path, max_bytes=1024)


def test_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(CaptureError, match=r"Cannot open nope\.json: "):
        load_capture(tmp_path / "nope.json")
    with pytest.raises(CaptureError, match="it is a folder, not a file"):
        load_capture(tmp_path)


def test_a_body_saved_with_a_byte_order_mark_opens(tmp_path: Path) -> None:
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + REST_BODY.encode())
    result = load_capture(path)
    assert result.text == REST_BODY
    assert result.image.id == "e3vc67qdve8q12345678"


def test_yc_output_with_plain_integer_sizes(tmp_path: Path) -> None:
    path = tmp_path / "yc.json"
    path.write_text('{"id": "e3v1", "storage_size": 9007199254740993}', encoding="utf-8")
    result = load_capture(path)
    assert result.kind is CaptureKind.YC
    assert result.image.storage_size == 9007199254740993


def bundle_of(result: FetchResult, received_at_ns: int = RECEIVED_NS) -> dict[str, Any]:
    return build_bundle(
        result,
        image_id="e3vc67qdve8q12345678",
        endpoint="https://cloud-desktop.api.cloud.yandex.net",
        received_at_ns=received_at_ns,
        versions={"app": "test"},
    )


def test_a_saved_bundle_is_indented_utf8_json_ending_in_a_newline(tmp_path: Path) -> None:
    """Support reads the file in any editor: two-space indents, the labels' own letters rather
    than \\u escapes, and a final newline."""
    data = saved_bundle(tmp_path).read_bytes()
    assert data.startswith(
        b'{\n  "format": "cloud-desktop-inspector/support-bundle",\n  "version": 2,\n'
        b'  "outcome": "success",\n'
    )
    assert data.endswith(b"\n}\n")
    assert "под_ключ".encode() in data
    assert b"\\u" not in data


def test_a_bundle_names_the_request_the_answer_and_the_clocks() -> None:
    live = live_result()
    bundle = bundle_of(live)
    assert bundle["outcome"] == "success"
    assert bundle["request"] == {
        "method": "GET",
        "url": live.exchange.url,
        "endpoint": "https://cloud-desktop.api.cloud.yandex.net",
        "imageId": "e3vc67qdve8q12345678",
    }
    assert (bundle["response"]["status"], bundle["response"]["reason"]) == (200, "OK")
    assert bundle["clock"] == {
        "serverDate": "Fri, 27 Nov 2026 08:01:18 GMT",
        "localTimeAtResponse": "2026-11-27T08:01:20.500000Z",
        "skewSeconds": 2.5,
        "meaning": "this computer's clock is 2 s ahead of the server's",
    }


def test_a_bundle_keeps_the_duration_and_the_skew_to_the_millisecond() -> None:
    live = live_result()
    slow = live._replace(exchange=live.exchange._replace(elapsed_seconds=0.0421234))
    bundle = bundle_of(slow, RECEIVED_NS + 123_456)
    assert bundle["timing"] == {"elapsedMs": 42.123}
    assert bundle["clock"]["skewSeconds"] == 2.5


def test_a_reopened_bundle_shows_the_same_status_line_and_url(tmp_path: Path) -> None:
    exchange = load_capture(saved_bundle(tmp_path)).exchange
    assert exchange is not None
    live = live_result().exchange
    assert (exchange.url, exchange.http_version, exchange.reason) == (
        live.url,
        "HTTP/1.1",
        "OK",
    )


def minimal_bundle() -> dict[str, Any]:
    """A version 1 bundle with only what it must have."""
    return {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "capturedAt": "2026-11-27T08:01:20.5Z",
        "request": {},
        "response": {"status": 200, "body": REST_BODY},
    }


def open_document(tmp_path: Path, document: dict[str, Any]) -> OfflineResult:
    path = tmp_path / "support.inspector.json"
    path.write_bytes(bundle_bytes(document))
    return load_capture(path)


def test_a_bundle_with_only_what_it_must_have_opens_with_nothing_invented(tmp_path: Path) -> None:
    """No URL, status reason, HTTP version, headers, timing or request ids: the raw view shows
    them empty (and the client request id as not recorded), not made-up values."""
    result = open_document(tmp_path, minimal_bundle())
    exchange = result.exchange
    assert exchange is not None
    assert (exchange.url, exchange.reason, exchange.http_version) == ("", "", "")
    assert (exchange.headers, exchange.elapsed_seconds) == ([], 0.0)
    assert exchange.request_ids == RequestIds("not recorded", None, None)
    assert (result.endpoint, result.environment) == (None, {})
    assert result.captured_at_ns == RECEIVED_NS


@pytest.mark.parametrize(
    ("elapsed_ms", "seconds"), [(0, 0.0), (0.5, 0.0005), (24 * 3600 * 1000, 24 * 3600.0)]
)
def test_a_duration_from_zero_to_a_whole_day_opens(
    tmp_path: Path, elapsed_ms: float, seconds: float
) -> None:
    document = {**minimal_bundle(), "timing": {"elapsedMs": elapsed_ms}}
    exchange = open_document(tmp_path, document).exchange
    assert exchange is not None
    assert exchange.elapsed_seconds == seconds


def test_a_body_as_large_as_the_api_may_send_opens(tmp_path: Path) -> None:
    """The client accepts an answer of exactly its cap, so a bundle of one opens too."""
    body = REST_BODY + " " * (MAX_BODY_BYTES - len(REST_BODY.encode()))
    document = minimal_bundle()
    document["response"]["body"] = body
    assert open_document(tmp_path, document).raw == body.encode()


def changed(**fields: Any) -> dict[str, Any]:
    """A minimal bundle with top-level fields replaced (None removes one)."""
    document = {**minimal_bundle(), **fields}
    return {key: value for key, value in document.items() if value is not None}


def response_with(**fields: Any) -> dict[str, Any]:
    response = {**minimal_bundle()["response"], **fields}
    return changed(response={key: value for key, value in response.items() if value is not None})


@pytest.mark.parametrize(
    ("document", "reason"),
    [
        (
            changed(format="x" * 100),
            "it is a JSON file of another kind (format '" + "x" * 80 + "')",
        ),
        (changed(version=0), "the support bundle has no valid version"),
        (changed(version=-1), "the support bundle has no valid version"),
        (changed(version=True), "the support bundle has no valid version"),
        (changed(version="2"), "the support bundle has no valid version"),
        (
            changed(version=3),
            "it was written by a newer version of the app (bundle version 3)",
        ),
        (
            changed(outcome="failure"),
            "it is the support bundle of a failed call: it holds no image",
        ),
        (changed(request=None), "the support bundle has no 'request' section"),
        (response_with(body=None), "the support bundle's response.body is missing or not text"),
        (
            response_with(body="x" * (MAX_BODY_BYTES + 1)),
            "the bundle's body is larger than an API answer can be",
        ),
        (response_with(status="200"), "the support bundle's response.status is not a number"),
        (response_with(status=True), "the support bundle's response.status is not a number"),
        (
            response_with(headers=[["Date", "Fri", "extra"]]),
            "the support bundle's response.headers are not name/value pairs",
        ),
        (
            response_with(headers=[["Content-Length", 42]]),
            "the support bundle's response.headers are not name/value pairs",
        ),
        (
            response_with(headers="Date: Fri"),
            "the support bundle's response.headers are not name/value pairs",
        ),
        (
            changed(timing={"elapsedMs": "42"}),
            "the support bundle's timing.elapsedMs is not a number",
        ),
        (
            changed(timing={"elapsedMs": -1}),
            "the support bundle's timing.elapsedMs is out of range (0 to one day)",
        ),
        (
            changed(timing={"elapsedMs": 24 * 3600 * 1000 + 1}),
            "the support bundle's timing.elapsedMs is out of range (0 to one day)",
        ),
        (
            changed(capturedAt=None),
            "the support bundle's bundle.capturedAt is missing or not text",
        ),
        (
            changed(capturedAt="yesterday"),
            "the bundle's capturedAt is not a time "
            "(not an RFC 3339 timestamp (expected like 2024-05-01T12:30:00Z))",
        ),
    ],
)
def test_a_damaged_bundle_is_refused_with_the_whole_reason(
    tmp_path: Path, document: dict[str, Any], reason: str
) -> None:
    """The sentence the window and ``open`` show for each way a bundle can be damaged."""
    with pytest.raises(CaptureError) as caught:
        open_document(tmp_path, document)
    assert str(caught.value) == f"Cannot open support.inspector.json: {reason}"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b" \n", "the file is empty"),
        # Saved as UTF-16 without a byte-order mark: every other byte is NUL.
        ('{"id": "e3v"}'.encode("utf-16-le"), "it is a binary file, not JSON text"),
        (
            b'{"id": "e3v", "storageSize": "twenty", "minDiskSize": "x"}',
            "it is not a valid DesktopImage: "
            "storageSize: expected an int64: expected an integer as a string of digits; "
            "minDiskSize: expected an int64: expected an integer as a string of digits",
        ),
    ],
)
def test_a_file_that_is_not_a_body_is_refused_with_the_whole_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    assert refusal_of(tmp_path, content) == f"Cannot open suspect.json: {reason}"
