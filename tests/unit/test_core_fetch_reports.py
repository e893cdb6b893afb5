"""What the fetch controller tells the page: the caption, the retry's wait, the error banner
with its copy text, whether the image shown stays, and the attempts kept for support."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field

import httpx
import pytest

from inspector.api.client import FetchResult, ImageClient, static_token
from inspector.api.inputs import ALTERNATIVE_ENDPOINT, DEFAULT_ENDPOINT, parse_endpoint
from inspector.api.retry import RetryPolicy, status_reason
from inspector.core.fetch import FetchController, fetched_caption
from inspector.present.errors import Explanation, explanation_lines
from inspector.present.image import ImageView

# 2023-11-14 22:13:20.5 UTC
NOW_NS = 1_700_000_000_500_000_000
Handler = Callable[[httpx.Request], httpx.Response]


@dataclass
class RecordingPage:
    """Keeps every argument the controller passes, as the page would render it."""

    captions: list[str] = field(default_factory=list)
    errors: list[tuple[str | None, Explanation, str, bool]] = field(default_factory=list)
    retries: list[tuple[str, int, int, float, str]] = field(default_factory=list)

    def show_loading(self, image_id: str) -> None:
        pass

    def show_image(self, image_id: str, view: ImageView, caption: str) -> None:
        self.captions.append(caption)

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None:
        self.errors.append((image_id, explanation, copy_text, keep_result))

    def show_cancelled(self, image_id: str) -> None:
        pass

    def show_retrying(
        self, image_id: str, attempt: int, attempts: int, delay_s: float, *, reason: str
    ) -> None:
        self.retries.append((image_id, attempt, attempts, delay_s, reason))


def image_body(request: httpx.Request) -> httpx.Response:
    image_id = request.url.path.rsplit("/", 1)[-1]
    return httpx.Response(200, content=json.dumps({"id": image_id}).encode())


async def no_wait(_seconds: float) -> None:
    await asyncio.sleep(0)


def client(http: httpx.AsyncClient, base_url: str, attempts: int = 3) -> ImageClient:
    return ImageClient(
        http,
        parse_endpoint(base_url),
        static_token(None),
        retry=RetryPolicy(attempts=attempts),
        sleep=no_wait,
        jitter=lambda: 0.0,
    )


def run(
    handler: Handler,
    script: Callable[[FetchController], Awaitable[None]],
    *,
    base_url: str = "https://api.example",
    attempts: int = 3,
) -> RecordingPage:
    page = RecordingPage()

    async def main() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            controller = FetchController(
                client(http, base_url, attempts), page, clock_ns=lambda: NOW_NS
            )
            await script(controller)
            await controller.aclose()

    asyncio.run(main())
    return page


async def settle(controller: FetchController) -> None:
    """Until the running fetch has ended (the controller exposes no event for it)."""
    while controller.busy:  # noqa: ASYNC110
        await asyncio.sleep(0.005)


def fetch_and_settle(image_id: str) -> Callable[[FetchController], Awaitable[None]]:
    async def script(controller: FetchController) -> None:
        controller.fetch(image_id)
        await settle(controller)

    return script


@pytest.fixture
def utc_clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The caption shows local time: pin the local zone to UTC for exact text."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


async def one_answer() -> FetchResult:
    async with httpx.AsyncClient(transport=httpx.MockTransport(image_body)) as http:
        return await client(http, "https://api.example").get_image("e3v1")


@pytest.mark.usefixtures("utc_clock")
def test_the_caption_says_which_id_when_and_how_long_in_milliseconds() -> None:
    result = asyncio.run(one_answer())
    result = result._replace(exchange=result.exchange._replace(elapsed_seconds=2.0))
    caption = fetched_caption("e3v1", result, 1_700_000_000.0)
    assert caption == "e3v1 \u00b7 fetched at 22:13:20 in 2000 ms"


@pytest.mark.usefixtures("utc_clock")
def test_the_page_caption_tells_the_time_of_the_controllers_clock() -> None:
    page = run(image_body, fetch_and_settle("e3v1"))
    assert len(page.captions) == 1
    assert page.captions[0].startswith("e3v1 \u00b7 fetched at 22:13:20 in ")


def test_a_refused_id_keeps_the_image_shown_and_a_failed_fetch_does_not() -> None:
    async def script(controller: FetchController) -> None:
        controller.fetch("bad/id")
        controller.fetch("missing")
        await settle(controller)

    def not_found(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b'{"code": 5, "message": "not found"}')

    page = run(not_found, script)
    assert [(image_id, keep) for image_id, _, _, keep in page.errors] == [
        (None, True),
        ("missing", False),
    ]


def test_the_copy_text_is_the_explanation_line_by_line() -> None:
    def not_found(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b'{"code": 5, "message": "not found"}')

    page = run(not_found, fetch_and_settle("missing"))
    [(_, explanation, copy_text, _)] = page.errors
    assert copy_text.split("\n") == explanation_lines(explanation)
    assert len(copy_text.split("\n")) > 2


def test_a_bug_on_the_way_is_reported_as_unexpected_and_drops_the_image() -> None:
    def broken(_request: httpx.Request) -> httpx.Response:
        raise RuntimeError("a bug")

    page = run(broken, fetch_and_settle("e3v1"))
    [(image_id, explanation, _, keep)] = page.errors
    assert (image_id, keep) == ("e3v1", False)
    assert explanation.message == "unexpected RuntimeError; details are in the log file"


def test_the_wait_before_a_retry_is_told_with_attempt_delay_and_reason() -> None:
    answers = iter(
        [httpx.Response(503, headers={"Retry-After": "2"}, content=b"{}"), httpx.Response(200)]
    )

    def busy_then_fine(request: httpx.Request) -> httpx.Response:
        answer = next(answers)
        return image_body(request) if answer.status_code == 200 else answer

    holder: list[FetchController] = []

    async def script(controller: FetchController) -> None:
        holder.append(controller)
        await fetch_and_settle("e3v1")(controller)

    page = run(busy_then_fine, script)
    assert page.retries == [("e3v1", 2, 3, 2.0, status_reason(503))]
    assert len(page.captions) == 1
    statuses = [a.exchange.status_code for a in holder[0].last_attempts if a.exchange]
    assert statuses == [503, 200]


def test_the_attempts_of_a_failed_fetch_are_kept_for_support() -> None:
    def not_found(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(404, content=b'{"code": 5, "message": "not found"}')

    holder: list[FetchController] = []

    async def script(controller: FetchController) -> None:
        holder.append(controller)
        await fetch_and_settle("missing")(controller)

    run(not_found, script)
    [attempt] = holder[0].last_attempts
    assert attempt.exchange is not None and attempt.exchange.status_code == 404


def test_an_unknown_host_at_the_default_endpoint_suggests_the_other_one() -> None:
    def no_such_host(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    page = run(no_such_host, fetch_and_settle("e3v1"), base_url=DEFAULT_ENDPOINT, attempts=1)
    [(_, explanation, _, _)] = page.errors
    assert ALTERNATIVE_ENDPOINT in (explanation.hint or "")
