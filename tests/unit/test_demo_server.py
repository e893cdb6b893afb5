"""The demo API over a real socket: bodies, errors and ids as the real API sends them."""

from __future__ import annotations

import errno
import http.client
import json
import re
import socket
import threading
import time
import uuid
from collections.abc import Iterator, Mapping

import pytest

from inspector.api.models import WIRE_FIELDS, DesktopImage
from inspector.api.status_enum import KNOWN_STATUSES
from inspector.demo import DEFAULT_IMAGE_ID
from inspector.demo.__main__ import main as demo_main
from inspector.demo.canonical import canonical
from inspector.demo.data import DEMO_IMAGES
from inspector.demo.sample import DemoImage
from inspector.demo.server import IMAGES_PREFIX, REQUEST_INFO_TYPE, DemoServer

# FACTS.md: HTTP status by gRPC code, for the codes the demo answers with.
HTTP_BY_GRPC_CODE = {5: 404, 7: 403, 8: 429, 12: 501, 13: 500, 14: 503, 16: 401}
ERROR_IMAGES = [image for image in DEMO_IMAGES.values() if image.error is not None]
BODY_IMAGES = [image for image in DEMO_IMAGES.values() if image.body is not None]

Answer = tuple[int, dict[str, str], bytes]


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    """One server for the tests that only read: each stop() costs a poll interval."""
    with DemoServer() as running:
        yield running


@pytest.fixture
def fresh_server() -> Iterator[DemoServer]:
    """A server of its own, for tests that change answers or count requests."""
    with DemoServer() as running:
        yield running


def request(
    server: DemoServer,
    path: str,
    *,
    method: str = "GET",
    headers: Mapping[str, str] | None = None,
    body: bytes | None = None,
) -> Answer:
    """One request on its own connection: status, lowercased headers and the body."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        connection.request(method, path, body=body, headers=dict(headers or {}))
        with connection.getresponse() as response:
            return (
                response.status,
                {k.lower(): v for k, v in response.getheaders()},
                response.read(),
            )
    finally:
        connection.close()


def get_image(server: DemoServer, image_id: str) -> Answer:
    return request(server, IMAGES_PREFIX + image_id)


def body_of(image: DemoImage) -> dict[str, object]:
    assert image.body is not None
    return image.body


def test_ids_look_like_yandex_ids_and_are_unique() -> None:
    for image_id, image in DEMO_IMAGES.items():
        assert len(image_id) == 20, image_id
        assert re.fullmatch(r"e3v[0-9a-z]{17}", image_id), image_id
        assert image.image_id == image_id
        assert image.body is None or image.body.get("id") == image_id
    assert len({image_id.lower() for image_id in DEMO_IMAGES}) == len(DEMO_IMAGES)
    assert next(iter(DEMO_IMAGES)) == DEFAULT_IMAGE_ID


@pytest.mark.parametrize("image", BODY_IMAGES, ids=lambda image: image.image_id)
def test_every_demo_body_is_a_valid_desktop_image(image: DemoImage) -> None:
    DesktopImage.model_validate(image.body)


def test_samples_cover_every_case_the_wire_allows() -> None:
    images = [DesktopImage.model_validate(image.body) for image in BODY_IMAGES]
    raws = {i.created_at.raw for i in images if i.created_at is not None}
    assert {"0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"} <= raws
    statuses = {i.status for i in images}
    assert set(KNOWN_STATUSES) <= statuses and {"ARCHIVED", "7"} <= statuses
    assert {0, 10, 300, 1000} <= {len(i.labels) for i in images}
    assert any(i.storage_size > 2**53 for i in images)
    assert any(i.min_disk_size == 2**63 - 1 for i in images)
    assert any(i.unknown_fields for i in images)
    assert any(i.omitted == set(WIRE_FIELDS) - {"id", "createdAt"} for i in images)
    label_text = "".join(k + v for i in images if i.labels for k, v in i.labels.items())
    for script in (
        "[\u0400-\u04ff]",
        "[\u4e00-\u9fff]",
        "[\U0001f300-\U0001faff]",
        "[\u0590-\u06ff]",
    ):
        assert re.search(script, label_text), script
    assert any(
        len(k) >= 200 and len(v) >= 200 for i in images if i.labels for k, v in i.labels.items()
    )
    assert any(image.delay_seconds >= 3.0 for image in DEMO_IMAGES.values())


def test_the_demo_speaks_canonical_json_except_under_robustness_ids() -> None:
    canonical_time = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3}|\.\d{6}|\.\d{9})?Z")
    robust = [image for image in BODY_IMAGES if image.image_id.startswith("e3vrobust")]
    for image in BODY_IMAGES:
        body = image.body
        assert body is not None
        if image in robust:
            assert image.summary.startswith("robustness: "), image.image_id
            continue
        assert canonical(body) == body, image.image_id
        assert canonical_time.fullmatch(str(body.get("createdAt", "0001-01-01T00:00:00Z")))
        assert body.get("status") != "STATUS_UNSPECIFIED"
        assert all(
            isinstance(body[key], str) for key in ("storageSize", "minDiskSize") if key in body
        )
        assert all(body.get(key) not in ("", {}, "0") for key in body), image.image_id
    assert all(canonical(image.body) != image.body for image in robust if image.body)
    stamps = [
        DesktopImage.model_validate(i.body).created_at for i in BODY_IMAGES if i not in robust
    ]
    assert {len(stamp.fraction) for stamp in stamps if stamp is not None} == {0, 3, 6, 9}


def test_canonical_writes_what_protobufs_printer_writes() -> None:
    assert canonical(
        {
            "description": "d",
            "id": "x",
            "status": "STATUS_UNSPECIFIED",
            "labels": {},
            "storageSize": "0",
            "minDiskSize": 5,
            "createdAt": "2025-07-04T21:05:33.12345+03:00",
            "extra": 1,
        }
    ) == {
        "id": "x",
        "createdAt": "2025-07-04T18:05:33.123450Z",
        "minDiskSize": "5",
        "description": "d",
        "extra": 1,
    }


def test_demo_errors_use_the_api_status_table() -> None:
    assert {image.error.http_status for image in ERROR_IMAGES if image.error} == {
        401,
        403,
        404,
        429,
        500,
        503,
    }
    for image in ERROR_IMAGES:
        assert image.error is not None
        assert HTTP_BY_GRPC_CODE[image.error.grpc_code] == image.error.http_status
        assert image.summary.startswith(f"error: {image.error.http_status} ")


def test_active_image_round_trips_with_int64s_as_strings(
    server: DemoServer, capfd: pytest.CaptureFixture[str]
) -> None:
    status, headers, raw = get_image(server, DEFAULT_IMAGE_ID)
    assert status == 200
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert headers["content-length"] == str(len(raw))
    assert uuid.UUID(headers["x-request-id"]).version == 4
    assert re.fullmatch(r"[0-9a-f]{16}", headers["x-server-trace-id"])
    text = raw.decode("utf-8")
    assert '"storageSize":"21474836480"' in text and '"minDiskSize":"64424509440"' in text
    assert json.loads(text) == body_of(DEMO_IMAGES[DEFAULT_IMAGE_ID])
    assert capfd.readouterr().err == ""  # no request log on stderr


def test_non_ascii_is_sent_as_utf8_not_escaped(server: DemoServer) -> None:
    _, _, raw = get_image(server, "e3vdemounicode000001")
    assert "бухгалтерия".encode() in raw and b"\\u" not in raw
    assert json.loads(raw) == body_of(DEMO_IMAGES["e3vdemounicode000001"])


def test_fresh_ids_on_every_answer(server: DemoServer) -> None:
    first = get_image(server, DEFAULT_IMAGE_ID)[1]
    second = get_image(server, DEFAULT_IMAGE_ID)[1]
    assert first["x-request-id"] != second["x-request-id"]
    assert first["x-server-trace-id"] != second["x-server-trace-id"]


@pytest.mark.parametrize("image", ERROR_IMAGES, ids=lambda image: image.image_id)
def test_error_ids_answer_like_the_api(server: DemoServer, image: DemoImage) -> None:
    assert image.error is not None
    status, headers, raw = get_image(server, image.image_id)
    assert status == image.error.http_status
    assert headers["content-type"] == "application/json; charset=utf-8"
    assert re.fullmatch(r"[0-9a-f]{16}", headers["x-server-trace-id"])
    payload = json.loads(raw)
    assert payload == {
        "code": image.error.grpc_code,
        "message": image.error.message,
        "details": [{"@type": REQUEST_INFO_TYPE, "requestId": headers["x-request-id"]}],
    }
    assert ("retry-after" in headers) == (status == 429)
    if status == 429:
        assert headers["retry-after"] == "1"


def test_unknown_id_is_404_not_found(server: DemoServer) -> None:
    status, headers, raw = get_image(server, "e3vnosuchimage000001")
    payload = json.loads(raw)
    assert (status, payload["code"]) == (404, 5)
    assert payload["message"] == "Desktop image e3vnosuchimage000001 not found"
    assert payload["details"][0]["requestId"] == headers["x-request-id"]


@pytest.mark.parametrize(
    "path", ["/", "/cloud-desktop/v1/images/", "/cloud-desktop/v1/images/a/b", "/v1/images/x"]
)
def test_unknown_path_is_404_not_found(server: DemoServer, path: str) -> None:
    status, _, raw = request(server, path)
    assert (status, json.loads(raw)["code"]) == (404, 5)


def test_query_string_is_ignored(server: DemoServer) -> None:
    status, _, _ = request(server, f"{IMAGES_PREFIX}{DEFAULT_IMAGE_ID}?view=full")
    assert status == 200


@pytest.mark.parametrize("method", ["POST", "DELETE", "HEAD"])
def test_other_methods_are_501_unimplemented(server: DemoServer, method: str) -> None:
    body = b'{"name": "x"}' if method == "POST" else None
    status, headers, raw = request(
        server, IMAGES_PREFIX + DEFAULT_IMAGE_ID, method=method, body=body
    )
    assert status == 501
    if method == "HEAD":
        assert raw == b""
    else:
        payload = json.loads(raw)
        assert payload["code"] == 12
        assert payload["details"][0]["requestId"] == headers["x-request-id"]
    if body is not None:
        assert headers["connection"] == "close"  # the unread body would break the next request


def test_keep_alive_serves_every_sample_on_one_connection(server: DemoServer) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        first_socket = None
        for image in BODY_IMAGES:
            if image.delay_seconds:
                continue
            connection.request("GET", IMAGES_PREFIX + image.image_id)
            with connection.getresponse() as response:
                assert response.status == 200
                DesktopImage.model_validate(json.loads(response.read()))
            first_socket = first_socket or connection.sock
            assert connection.sock is first_socket
    finally:
        connection.close()


def test_requests_are_recorded_with_lowercased_headers(fresh_server: DemoServer) -> None:
    client_id = str(uuid.uuid4())
    get_image(fresh_server, DEFAULT_IMAGE_ID)
    request(
        fresh_server,
        IMAGES_PREFIX + "e3vdemoerror40100001",
        headers={"Authorization": "Bearer t1.demo.token", "X-Client-Request-Id": client_id},
    )
    recorded = fresh_server.requests
    assert [(r.method, r.path) for r in recorded] == [
        ("GET", IMAGES_PREFIX + DEFAULT_IMAGE_ID),
        ("GET", IMAGES_PREFIX + "e3vdemoerror40100001"),
    ]
    assert "authorization" not in recorded[0].headers
    assert recorded[1].headers["authorization"] == "Bearer t1.demo.token"
    assert recorded[1].headers["x-client-request-id"] == client_id
    assert all(name == name.lower() for name in recorded[1].headers)


def test_put_raw_answers_exactly_those_bytes(fresh_server: DemoServer) -> None:
    html = b"<html><body>502 Bad Gateway</body></html>\n"
    fresh_server.put_raw("e3vrawhtml0000000001", 502, html, {"Content-Type": "text/html"})
    status, headers, raw = get_image(fresh_server, "e3vrawhtml0000000001")
    assert (status, raw) == (502, html)
    assert headers["content-type"] == "text/html"
    assert headers["content-length"] == str(len(html))
    assert "x-request-id" in headers


def test_put_raw_with_a_longer_content_length_closes_after_the_bytes(
    fresh_server: DemoServer,
) -> None:
    fresh_server.put_raw("e3vrawtruncated00001", 200, b'{"id": "e3v', {"Content-Length": "100"})
    with pytest.raises(http.client.IncompleteRead) as caught:
        get_image(fresh_server, "e3vrawtruncated00001")
    assert caught.value.partial == b'{"id": "e3v'


def test_put_image_adds_and_overrides(fresh_server: DemoServer) -> None:
    fresh_server.put_image(DEFAULT_IMAGE_ID, {"id": DEFAULT_IMAGE_ID, "status": "DELETING"})
    fresh_server.put_image("e3vputimage000000001", {"id": "e3vputimage000000001"})
    assert json.loads(get_image(fresh_server, DEFAULT_IMAGE_ID)[2])["status"] == "DELETING"
    assert json.loads(get_image(fresh_server, "e3vputimage000000001")[2]) == {
        "id": "e3vputimage000000001"
    }


def test_stop_is_quick_while_a_slow_request_is_in_flight(
    capfd: pytest.CaptureFixture[str],
) -> None:
    server = DemoServer()
    server.start()
    outcome: list[BaseException | int] = []

    def fetch_slow() -> None:
        try:
            outcome.append(get_image(server, "e3vdemoslow000000001")[0])
        except (OSError, http.client.HTTPException) as error:
            outcome.append(error)

    client = threading.Thread(target=fetch_slow)
    client.start()
    deadline = time.monotonic() + 2
    while not server.requests and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.requests, "the slow request never arrived"
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 1.0
    client.join(timeout=2)
    assert not client.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], http.client.RemoteDisconnected)
    assert capfd.readouterr().err == ""


def test_stop_cuts_idle_keep_alive_connections_and_is_idempotent() -> None:
    server = DemoServer()
    server.stop()  # before start: nothing to do
    server.start()
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=5)
    try:
        connection.request("GET", IMAGES_PREFIX + DEFAULT_IMAGE_ID)
        with connection.getresponse() as response:
            response.read()
        started = time.monotonic()
        server.stop()
        server.stop()
        assert time.monotonic() - started < 1.0
    finally:
        connection.close()
    with pytest.raises(RuntimeError):
        server.start()


def test_base_url_and_port(server: DemoServer) -> None:
    assert server.port > 0
    assert server.base_url == f"http://127.0.0.1:{server.port}"


def test_a_taken_port_raises_os_error() -> None:
    with DemoServer() as taken, pytest.raises(OSError) as caught:  # noqa: PT011 - errno checked
        DemoServer(port=taken.port).start()
    assert caught.value.errno == errno.EADDRINUSE


def test_main_reports_a_taken_port(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        assert demo_main(["--port", str(port)]) == 1
    assert f"could not listen on 127.0.0.1:{port}" in capsys.readouterr().err
