"""The fetch controller with a fake page: stale answers are dropped, cancel is final."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from inspector.api.client import ImageClient, static_token
from inspector.api.inputs import parse_endpoint
from inspector.core.fetch import FetchController
from inspector.present.errors import Explanation
from inspector.present.image import ImageView


@dataclass
class FakePage:
    """Records every call the controller makes, as (method, image id) pairs."""

    calls: list[tuple[str, str | None]] = field(default_factory=list)
    shown: ImageView | None = None
    error: Explanation | None = None

    def show_loading(self, image_id: str) -> None:
        self.calls.append(("loading", image_id))

    def show_image(self, image_id: str, view: ImageView, caption: str) -> None:
        self.calls.append(("image", image_id))
        self.shown = view

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None:
        self.calls.append(("error", image_id))
        self.error = explanation

    def show_cancelled(self, image_id: str) -> None:
        self.calls.append(("cancelled", image_id))

    def show_retrying(
        self, image_id: str, attempt: int, attempts: int, delay_s: float, *, reason: str
    ) -> None:
        self.calls.append(("retrying", image_id))


def slow_server(delays: dict[str, float], *, stubborn: bool = False) -> httpx.MockTransport:
    """Answers after ``delays[id]`` seconds. A ``stubborn`` one answers even when the request
    is cancelled on the way, as a stack that swallows a cancellation does: the answer of a
    superseded fetch then really comes back, and only the generation check can drop it."""

    async def handler(request: httpx.Request) -> httpx.Response:
        image_id = request.url.path.rsplit("/", 1)[-1]
        try:
            await asyncio.sleep(delays.get(image_id, 0))
        except asyncio.CancelledError:
            if not stubborn:
                raise
        if image_id == "missing":
            body = {"code": 5, "message": "not found"}
            return httpx.Response(404, content=json.dumps(body).encode())
        return httpx.Response(200, content=json.dumps({"id": image_id, "name": image_id}).encode())

    return httpx.MockTransport(handler)


Script = Callable[[FetchController], Awaitable[None]]


def run_with(delays: dict[str, float], script: Script, *, stubborn: bool = False) -> FakePage:
    page = FakePage()

    async def main() -> None:
        endpoint = parse_endpoint("https://api.example")
        transport = slow_server(delays, stubborn=stubborn)
        async with httpx.AsyncClient(transport=transport) as http:
            controller = FetchController(ImageClient(http, endpoint, static_token(None)), page)
            await script(controller)
            await controller.aclose()

    asyncio.run(main())
    return page


def test_second_fetch_wins_even_if_first_answers_later() -> None:
    async def script(controller: FetchController) -> None:
        controller.fetch("first")
        await asyncio.sleep(0.01)
        controller.fetch("second")
        await asyncio.sleep(0.3)

    page = run_with({"first": 0.2, "second": 0.05}, script)
    assert page.calls == [("loading", "first"), ("loading", "second"), ("image", "second")]
    assert page.shown is not None
    assert page.shown.fields[0].value == "second"


def test_cancel_drops_the_answer() -> None:
    async def script(controller: FetchController) -> None:
        controller.fetch("slow")
        await asyncio.sleep(0.01)
        controller.cancel()
        await asyncio.sleep(0.2)

    page = run_with({"slow": 0.1}, script)
    assert page.calls == [("loading", "slow"), ("cancelled", "slow")]


def test_an_answer_that_outlives_its_cancellation_is_dropped() -> None:
    """The stale-answer guard: the first fetch's answer comes back after the second started."""

    async def script(controller: FetchController) -> None:
        controller.fetch("first")
        await asyncio.sleep(0.01)
        controller.fetch("second")
        await asyncio.sleep(0.3)

    page = run_with({"first": 0.2, "second": 0.05}, script, stubborn=True)
    assert page.calls == [("loading", "first"), ("loading", "second"), ("image", "second")]


def test_a_failure_that_outlives_its_cancellation_is_dropped() -> None:
    async def script(controller: FetchController) -> None:
        controller.fetch("missing")
        await asyncio.sleep(0.01)
        controller.fetch("second")
        await asyncio.sleep(0.3)

    page = run_with({"missing": 0.2, "second": 0.05}, script, stubborn=True)
    assert page.calls == [("loading", "missing"), ("loading", "second"), ("image", "second")]


def test_an_answer_after_cancel_is_dropped() -> None:
    async def script(controller: FetchController) -> None:
        controller.fetch("slow")
        await asyncio.sleep(0.01)
        controller.cancel()
        await asyncio.sleep(0.2)

    page = run_with({"slow": 0.1}, script, stubborn=True)
    assert page.calls == [("loading", "slow"), ("cancelled", "slow")]
    assert page.shown is None


def test_bad_id_reports_without_a_request() -> None:
    async def script(controller: FetchController) -> None:
        controller.fetch("bad/id")
        assert not controller.busy

    page = run_with({}, script)
    assert page.calls == [("error", None)]
    assert page.error is not None
    assert "'/'" in (page.error.message or "")


def test_a_bad_id_while_fetching_ends_the_running_fetch() -> None:
    """The page stops saying it is fetching, so the old answer must not arrive afterwards."""

    async def script(controller: FetchController) -> None:
        controller.fetch("slow")
        await asyncio.sleep(0.01)
        controller.fetch("bad/id")
        assert not controller.busy
        await asyncio.sleep(0.2)

    page = run_with({"slow": 0.1}, script, stubborn=True)
    assert page.calls == [("loading", "slow"), ("error", None)]
    assert page.shown is None


def test_api_error_is_explained() -> None:
    async def script(controller: FetchController) -> None:
        controller.fetch("missing")
        await asyncio.sleep(0.05)

    page = run_with({}, script)
    assert page.calls == [("loading", "missing"), ("error", "missing")]
    assert page.error is not None
    assert page.error.http_status is not None
    assert page.error.http_status.startswith("404")
