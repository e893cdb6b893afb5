"""Support bundles out and back in, plain bodies from a terminal, and files that are neither."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from inspector.api.client import FetchResult
from inspector.api.errors import RequestIds
from inspector.api.models import parse_image
from inspector.api.redaction import REMOVED
from inspector.api.transport import Exchange
from inspector.core.bundle import (
    BUNDLE_FORMAT,
    CaptureError,
    CaptureKind,
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
    path = tmp_path / "suspect.json"
    path.write_bytes(content)
    with pytest.raises(CaptureError) as caught:
        load_capture(path)
    assert str(caught.value).startswith("Cannot open suspect.json: ")
    assert reason in str(caught.value)


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
