"""How the folder browser pages: what a listing asks for, when Load more and Load all send a
request, the loading indicator, the "no images" note, and what an error panel says."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field

import httpx

from inspector.api.client import ImageClient, static_token
from inspector.api.inputs import ALTERNATIVE_ENDPOINT, DEFAULT_ENDPOINT, parse_endpoint
from inspector.api.retry import RetryPolicy
from inspector.core.browse import BrowseController
from inspector.present.listing import ImageRow

FOLDER = "b1g0000000000000fold"
NEXT_TOKEN = {None: "p2", "p2": "p3", "p3": None}


@dataclass
class RecordingBrowser:
    """Keeps what the browser is told, in order, with the full text of notes and errors."""

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
        self.calls.append(("error", text))

    def of(self, kind: str) -> list[object]:
        return [what for what_kind, what in self.calls if what_kind == kind]


@dataclass
class ThreePages:
    """Pages p1..p3 of one image each after ``delay`` s; ``fail_once`` tokens answer 403 once."""

    delay: float = 0.0
    fail_once: set[str | None] = field(default_factory=set)
    requested: list[str | None] = field(default_factory=list)

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("pageToken") or None
        self.requested.append(token)
        await asyncio.sleep(self.delay)
        if token in self.fail_once:
            self.fail_once.discard(token)
            return httpx.Response(403, content=b'{"code": 7, "message": "denied"}')
        following = NEXT_TOKEN[token]
        image = {"id": f"e3v-{token or 'p1'}", "folderId": FOLDER}
        page = {"desktopImages": [image], "nextPageToken": following or ""}
        return httpx.Response(200, content=json.dumps(page).encode())


Script = Callable[[BrowseController], Awaitable[None]]
Handler = Callable[[httpx.Request], Coroutine[None, None, httpx.Response]]


async def settle(controller: BrowseController) -> None:
    """Until the page on its way, and any Load all after it, has ended (no event says so)."""
    while controller.busy:  # noqa: ASYNC110
        await asyncio.sleep(0.005)


def run(
    handler: Handler, script: Script, *, base_url: str = "https://api.example"
) -> RecordingBrowser:
    browser = RecordingBrowser()

    async def main() -> None:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            endpoint = parse_endpoint(base_url)
            client = ImageClient(http, endpoint, static_token(None), retry=RetryPolicy(attempts=1))
            controller = BrowseController(client, browser)
            await script(controller)
            await controller.aclose()

    asyncio.run(main())
    return browser


def test_the_listing_asks_for_the_name_and_order_it_was_given() -> None:
    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER, name="web", order_by="name desc")
        await settle(controller)

    browser = run(ThreePages(), script)
    assert browser.of("listing") == [f"folder {FOLDER} named \u201cweb\u201d, by name desc"]


def test_load_more_before_any_listing_or_after_the_last_page_sends_nothing() -> None:
    server = ThreePages()

    async def script(controller: BrowseController) -> None:
        controller.fetch_more()
        controller.list(FOLDER)
        controller.load_all()
        await settle(controller)
        controller.fetch_more()
        await settle(controller)

    browser = run(server, script)
    assert server.requested == [None, "p2", "p3"]
    assert browser.of("error") == []


def test_load_more_while_a_page_is_on_its_way_does_not_ask_again() -> None:
    server = ThreePages(delay=0.05)

    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER)
        await asyncio.sleep(0.01)
        controller.fetch_more()
        await settle(controller)

    run(server, script)
    assert server.requested == [None]


def test_the_indicator_turns_on_when_a_listing_starts() -> None:
    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER)
        await settle(controller)

    browser = run(ThreePages(), script)
    assert browser.of("loading") == [True, False]


def test_after_stop_load_more_fetches_one_page_not_all() -> None:
    server = ThreePages(delay=0.03)

    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER)
        await settle(controller)
        controller.load_all()
        await asyncio.sleep(0.01)
        controller.stop()
        controller.fetch_more()
        await settle(controller)

    browser = run(server, script)
    assert browser.of("page") == [["e3v-p1"], ["e3v-p2"]]


def test_after_a_failed_page_load_more_fetches_one_page_not_all() -> None:
    server = ThreePages(fail_once={"p2"})

    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER)
        await settle(controller)
        controller.load_all()
        await settle(controller)
        controller.fetch_more()
        await settle(controller)

    browser = run(server, script)
    assert browser.of("page") == [["e3v-p1"], ["e3v-p2"]]
    [error] = [call for call in browser.calls if call[0] == "error"]
    before = browser.calls[: browser.calls.index(error)]
    assert [what for kind, what in before if kind == "loading"][-1] is False


def test_no_images_is_said_of_an_empty_folder_only() -> None:
    async def empty(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"{}")

    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER)
        await settle(controller)
        controller.load_all()
        await settle(controller)

    assert run(empty, script).of("note") == [f"No images in folder {FOLDER}."]
    assert run(ThreePages(), script).of("note") == []


def test_a_bug_on_the_way_is_reported_as_unexpected() -> None:
    async def broken(_request: httpx.Request) -> httpx.Response:
        raise RuntimeError("a bug")

    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER)
        await settle(controller)

    [text] = run(broken, script).of("error")
    assert isinstance(text, str)
    assert "unexpected RuntimeError; details are in the log file" in text.split("\n")


def test_an_unknown_host_at_the_default_endpoint_suggests_the_other_one() -> None:
    async def no_such_host(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("[Errno -2] Name or service not known", request=request)

    async def script(controller: BrowseController) -> None:
        controller.list(FOLDER)
        await settle(controller)

    [text] = run(no_such_host, script, base_url=DEFAULT_ENDPOINT).of("error")
    assert isinstance(text, str) and ALTERNATIVE_ENDPOINT in text
