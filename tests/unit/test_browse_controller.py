"""The browse controller with a fake browser: a page of an old listing is never shown."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from inspector.api.client import ImageClient, static_token
from inspector.api.inputs import parse_endpoint
from inspector.core.browse import BrowseController
from inspector.present.listing import ImageRow

OLD = "b1g0000000000000old0"
NEW = "b1g0000000000000new0"


@dataclass
class FakeBrowser:
    """Records what the controller shows: listings started, the IDs of each page, errors."""

    calls: list[tuple[str, object]] = field(default_factory=list)

    def show_listing(self, description: str) -> None:
        self.calls.append(("listing", description))

    def show_page(self, rows: list[ImageRow], *, more: bool, replace: bool) -> None:
        self.calls.append(("page", [row.image_id for row in rows]))

    def set_loading(self, loading: bool) -> None:
        self.calls.append(("loading", loading))

    def show_note(self, text: str) -> None:
        self.calls.append(("note", text))

    def show_error(self, title: str, text: str) -> None:
        self.calls.append(("error", title))

    def pages(self) -> list[object]:
        return [what for kind, what in self.calls if kind == "page"]


def stubborn_server(delays: dict[str, float], statuses: dict[str, int]) -> httpx.MockTransport:
    """One page of one image per folder, after ``delays[folder]`` seconds, even when the
    request is cancelled on the way (a stack that swallows a cancellation): the page of a
    superseded listing then really comes back, and only the generation check can drop it."""

    async def handler(request: httpx.Request) -> httpx.Response:
        folder = request.url.params["folderId"]
        with contextlib.suppress(asyncio.CancelledError):
            await asyncio.sleep(delays.get(folder, 0))
        if folder in statuses:
            body = {"code": 7, "message": "denied"}
            return httpx.Response(statuses[folder], content=json.dumps(body).encode())
        image = {"id": f"{folder}-image", "folderId": folder, "name": "one"}
        page = {"desktopImages": [image], "nextPageToken": ""}
        return httpx.Response(200, content=json.dumps(page).encode())

    return httpx.MockTransport(handler)


Script = Callable[[BrowseController], Awaitable[None]]


def run_with(
    script: Script, delays: dict[str, float], statuses: dict[str, int] | None = None
) -> FakeBrowser:
    browser = FakeBrowser()

    async def main() -> None:
        endpoint = parse_endpoint("https://api.example")
        transport = stubborn_server(delays, statuses or {})
        async with httpx.AsyncClient(transport=transport) as http:
            client = ImageClient(http, endpoint, static_token(None))
            controller = BrowseController(client, browser)
            await script(controller)
            await controller.aclose()

    asyncio.run(main())
    return browser


async def list_old_then_new(controller: BrowseController) -> None:
    controller.list(OLD)
    await asyncio.sleep(0.01)
    controller.list(NEW)
    await asyncio.sleep(0.3)


def test_a_page_of_the_old_listing_is_dropped() -> None:
    browser = run_with(list_old_then_new, {OLD: 0.2, NEW: 0.05})
    assert browser.pages() == [[f"{NEW}-image"]]


def test_a_failure_of_the_old_listing_is_dropped() -> None:
    browser = run_with(list_old_then_new, {OLD: 0.2, NEW: 0.05}, {OLD: 403})
    assert browser.pages() == [[f"{NEW}-image"]]
    assert not [call for call in browser.calls if call[0] == "error"]


def test_a_page_after_stop_is_dropped() -> None:
    async def script(controller: BrowseController) -> None:
        controller.list(OLD)
        await asyncio.sleep(0.01)
        controller.stop()
        await asyncio.sleep(0.3)

    browser = run_with(script, {OLD: 0.1})
    assert browser.pages() == []
    assert browser.calls[-1] == ("loading", False)


def test_the_newest_listing_is_shown() -> None:
    async def script(controller: BrowseController) -> None:
        controller.list(NEW)
        await asyncio.sleep(0.1)

    browser = run_with(script, {})
    assert browser.pages() == [[f"{NEW}-image"]]
    assert ("loading", False) in browser.calls
