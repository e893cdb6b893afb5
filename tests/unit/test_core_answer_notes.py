"""Where an answer came from, as the page says it (the offline note, what changes are counted
since), and the support bundle of a failed fetch, as *Save for support* writes it."""

from __future__ import annotations

import asyncio
import dataclasses
from pathlib import Path

import httpx
import pytest

from inspector.api.client import Attempt, ImageClient, static_token
from inspector.api.errors import InspectorError
from inspector.api.inputs import ALTERNATIVE_ENDPOINT, DEFAULT_ENDPOINT, parse_endpoint
from inspector.api.models import DesktopImage
from inspector.api.retry import RetryPolicy
from inspector.core.answers import Failure, Shown, failure_bundle, offline_note, since_text
from inspector.core.bundle import CaptureKind, OfflineResult

IMAGE = DesktopImage.model_validate({"id": "e3v1"})
AT_NS = 1_700_000_000_000_000_000  # 2023-11-14 22:13:20 UTC
SECOND_NS = 1_000_000_000
CAPTURE = OfflineResult(
    IMAGE, "", b"", CaptureKind.BUNDLE, Path("/saved/e3v1.inspector.json"), AT_NS, True
)
ENDPOINT = "https://api.example"
VERSIONS = {"app": "inspector test"}


def test_changes_are_counted_since_the_previous_fetch_and_its_age() -> None:
    previous = Shown("e3v1", IMAGE, "", b"", None, AT_NS)
    assert since_text(previous, AT_NS + 3 * 3600 * SECOND_NS) == "the previous fetch (3 hours ago)"


def test_changes_are_counted_since_the_file_and_its_capture_age() -> None:
    previous = Shown("e3v1", IMAGE, "", b"", None, AT_NS, CAPTURE)
    assert since_text(previous, AT_NS + 3 * 3600 * SECOND_NS) == (
        "the file e3v1.inspector.json (captured 3 hours ago)"
    )


def test_the_offline_note_of_a_bundle_says_when_it_was_captured() -> None:
    assert offline_note(CAPTURE, AT_NS + 90 * SECOND_NS) == (
        "OFFLINE \u00b7 support bundle e3v1.inspector.json \u00b7 "
        "captured 2023-11-14 22:13:20.000000 UTC (1 minute ago)"
    )


def test_the_offline_note_of_a_plain_body_says_the_file_time_is_all_there_is() -> None:
    body = dataclasses.replace(CAPTURE, kind=CaptureKind.REST, captured_at_known=False)
    assert offline_note(body, AT_NS + 90 * SECOND_NS) == (
        "OFFLINE \u00b7 REST JSON body e3v1.inspector.json \u00b7 "
        "file saved 2023-11-14 22:13:20.000000 UTC (1 minute ago); "
        "a plain body carries no capture time"
    )


def failed_fetch(handler: httpx.MockTransport, endpoint: str = ENDPOINT) -> Failure:
    """Fetch ``e3v1`` once through ``handler`` and keep the failure as the tab does."""
    attempts: list[Attempt] = []

    async def main() -> Failure:
        async with httpx.AsyncClient(transport=handler) as http:
            client = ImageClient(
                http, parse_endpoint(endpoint), static_token(None), retry=RetryPolicy(attempts=1)
            )
            try:
                await client.get_image("e3v1", on_attempt=attempts.append)
            except InspectorError as error:
                return Failure("e3v1", error, attempts, AT_NS)
        pytest.fail("the fetch did not fail")

    return asyncio.run(main())


def not_found(_request: httpx.Request) -> httpx.Response:
    return httpx.Response(404, content=b'{"code": 5, "message": "no image e3v1"}')


def unreachable(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("[Errno 111] Connection refused", request=request)


def test_the_bundle_of_a_refused_fetch_holds_the_call_the_error_and_the_answer() -> None:
    bundle = failure_bundle(failed_fetch(httpx.MockTransport(not_found)), ENDPOINT, VERSIONS)
    assert bundle["capturedAt"] == "2023-11-14T22:13:20.000000Z"
    assert bundle["environment"] == VERSIONS
    assert bundle["request"] == {
        "method": "GET",
        "url": f"{ENDPOINT}/cloud-desktop/v1/images/e3v1",
        "endpoint": ENDPOINT,
        "imageId": "e3v1",
    }
    assert bundle["error"]["httpStatus"].startswith("404")
    assert bundle["error"]["message"] == "no image e3v1"
    assert [attempt["status"] for attempt in bundle["attempts"]] == [404]
    assert bundle["response"]["status"] == 404


def test_the_bundle_of_an_unreachable_host_names_the_url_and_explains_as_the_window() -> None:
    failure = failed_fetch(httpx.MockTransport(unreachable), DEFAULT_ENDPOINT)
    bundle = failure_bundle(failure, DEFAULT_ENDPOINT, VERSIONS)
    assert bundle["request"]["url"] == f"{DEFAULT_ENDPOINT}/cloud-desktop/v1/images/e3v1"
    assert "refused the connection" in bundle["error"]["title"]
    assert ALTERNATIVE_ENDPOINT in bundle["error"]["hint"]
    assert bundle["response"] is None
    assert len(bundle["attempts"]) == 1
