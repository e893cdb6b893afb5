"""One tab's aids with a fake page: raw answer, what changed, watch, offline files, exports."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from inspector.api.client import ImageClient, static_token
from inspector.api.inputs import parse_endpoint
from inspector.api.retry import RetryPolicy
from inspector.core.bundle import bundle_bytes, environment, load_capture
from inspector.core.tab import TabController
from inspector.core.watch_state import WatchPhase, WatchState
from inspector.present.diff import ImageChanges
from inspector.present.errors import Explanation
from inspector.present.image import ImageView
from inspector.present.raw import RawView

TOKEN = "t1.9euelZqSnc2Wk4-TAB-CONTROLLER-TOKEN.Zm9vYmFyYmF6"
IMAGE_ID = "e3vc67qdve8q12345678"
CREATED_NS = 1_795_766_400 * 10**9  # 2026-11-27T08:00:00Z
ENDPOINT = "https://cloud-desktop.api.cloud.yandex.net"


@dataclass
class FakePage:
    """Records what the tab shows."""

    calls: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    views: list[ImageView] = field(default_factory=list)
    raw_view: Callable[[], RawView] | None = None
    changes: list[tuple[ImageChanges | None, str]] = field(default_factory=list)
    watch_messages: list[str] = field(default_factory=list)
    watch: WatchState = field(default_factory=WatchState)
    offline: str | None = None
    errors: list[Explanation] = field(default_factory=list)

    def show_loading(self, image_id: str) -> None:
        self.calls.append(f"loading {image_id}")
        self.offline = None

    def show_image(self, image_id: str, view: ImageView, caption: str) -> None:
        self.calls.append(f"image {image_id}")
        self.views.append(view)
        self.captions.append(caption)

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None:
        self.calls.append(f"error {image_id}")
        self.errors.append(explanation)

    def show_cancelled(self, image_id: str) -> None:
        self.calls.append(f"cancelled {image_id}")

    def show_retrying(
        self, image_id: str, attempt: int, attempts: int, delay_s: float, *, reason: str
    ) -> None:
        self.calls.append(f"retrying {image_id}")

    def show_raw(self, raw: Callable[[], RawView] | None) -> None:
        self.raw_view = raw

    @property
    def raw(self) -> RawView | None:
        return None if self.raw_view is None else self.raw_view()

    def show_changes(self, changes: ImageChanges | None, since: str) -> None:
        self.changes.append((changes, since))

    def show_watch(self, state: WatchState) -> None:
        self.watch = state
        self.watch_messages.append(state.message)

    def show_offline(self, note: str | None) -> None:
        self.offline = note


@dataclass
class RecordingNotifier:
    said: list[tuple[str, str]] = field(default_factory=list)

    def notify(self, title: str, message: str) -> None:
        self.said.append((title, message))


@dataclass
class FakeHistory:
    recorded: list[tuple[str, str | None, str | None, str]] = field(default_factory=list)

    def record(
        self, image_id: str, *, name: str | None, status: str | None, endpoint: str
    ) -> object:
        self.recorded.append((image_id, name, status, endpoint))
        return None


@dataclass
class Server:
    """Answers from a script: each GET takes the next answer; the last one repeats."""

    answers: list[tuple[int, dict[str, object]]]
    authorizations: list[str] = field(default_factory=list)

    def transport(self) -> httpx.MockTransport:
        def handler(request: httpx.Request) -> httpx.Response:
            self.authorizations.append(request.headers.get("authorization", ""))
            status, body = self.answers[0] if len(self.answers) == 1 else self.answers.pop(0)
            headers = {"x-request-id": "r-1", "x-server-trace-id": "t-1"}
            return httpx.Response(status, json=body, headers=headers)

        return httpx.MockTransport(handler)


def image(status: str = "ACTIVE", **more: object) -> tuple[int, dict[str, object]]:
    body: dict[str, object] = {
        "id": IMAGE_ID,
        "folderId": "b1gfolder00000000001",
        "createdAt": "2026-11-27T08:00:00Z",
        "status": status,
        "name": "dev",
        "labels": {"os": "ubuntu"},
    }
    return 200, {**body, **more}


NOT_FOUND = (404, {"code": 5, "message": "not found"})
UNAVAILABLE = (503, {"code": 14, "message": "unavailable"})


@dataclass
class Rig:
    tab: TabController
    page: FakePage
    notifier: RecordingNotifier
    history: FakeHistory
    server: Server
    sleeps: list[float]
    clock: list[int]


def rig(answers: list[tuple[int, dict[str, object]]], http: list[httpx.AsyncClient]) -> Rig:
    server = Server(list(answers))
    client = httpx.AsyncClient(transport=server.transport())
    http.append(client)
    api = ImageClient(
        client, parse_endpoint(ENDPOINT), static_token(TOKEN), retry=RetryPolicy(attempts=1)
    )
    sleeps: list[float] = []
    clock = [CREATED_NS + 60 * 10**9]

    async def no_wait(seconds: float) -> None:
        """Time passes at once: the clock moves on by ``seconds``."""
        sleeps.append(seconds)
        clock[0] += int(seconds * 10**9)
        await asyncio.sleep(0)

    page, notifier, history = FakePage(), RecordingNotifier(), FakeHistory()
    tab = TabController(
        api, page, notifier=notifier, history=history, sleep=no_wait, clock_ns=lambda: clock[0]
    )
    return Rig(tab, page, notifier, history, server, sleeps, clock)


async def until(condition: Callable[[], bool]) -> None:
    for _ in range(2000):
        if condition():
            return
        await asyncio.sleep(0)
    raise AssertionError("the condition never came true")


def run(scenario: Callable[[list[httpx.AsyncClient]], Awaitable[None]]) -> None:
    """Run ``scenario`` on a fresh loop; the HTTP clients it made are closed afterwards."""

    async def main() -> None:
        clients: list[httpx.AsyncClient] = []
        try:
            await scenario(clients)
        finally:
            for client in clients:
                await client.aclose()

    asyncio.run(main())


def test_an_answer_feeds_raw_view_history_and_exports() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image()], http)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.page.raw is not None)
        assert r.page.raw is not None
        assert r.page.raw.summary.startswith("HTTP/1.1 200 OK")
        assert ("x-request-id", "r-1") in r.page.raw.request_ids
        assert r.page.changes == [(None, "")]
        assert r.history.recorded == [(IMAGE_ID, "dev", "ACTIVE", ENDPOINT)]
        assert r.page.watch_messages == []
        assert r.tab.yc_text() == f"yc desktops image get --id={IMAGE_ID} --format json"
        curl = r.tab.curl_text()
        assert curl is not None
        assert curl.endswith(f"{ENDPOINT}/cloud-desktop/v1/images/{IMAGE_ID}")
        assert json.loads(r.tab.image_json_text() or "")["id"] == IMAGE_ID
        assert r.tab.request_ids_text() is not None
        assert "x-request-id: r-1" in (r.tab.request_ids_text() or "")
        assert r.server.authorizations == [f"Bearer {TOKEN}"]
        await r.tab.aclose()

    run(scenario)


def test_a_refetch_of_the_same_id_says_what_changed() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image(), image(name="renamed", labels={"os": "debian"})], http)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: len(r.page.changes) == 1)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: len(r.page.changes) == 2)
        changes, since = r.page.changes[1]
        assert changes is not None
        assert changes.fields == {"name": "dev"}
        assert changes.labels == {"os": "ubuntu"}
        assert since.startswith("the previous fetch")
        await r.tab.aclose()

    run(scenario)


def test_watch_creating_until_active_with_backoff_and_a_notification() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image("CREATING"), image("CREATING"), image("CREATING"), image("ACTIVE")], http)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.notifier.said != [])
        assert r.sleeps == [3.0, 4.5, 6.75]
        assert r.notifier.said[0][0] == "Image ACTIVE"
        assert "is now ACTIVE (was CREATING" in r.notifier.said[0][1]
        assert r.page.watch.phase is WatchPhase.FINISHED
        assert "is now ACTIVE" in r.page.watch_messages[-1]
        assert r.tab.watch is None
        assert len(r.history.recorded) == 4
        await r.tab.aclose()

    run(scenario)


def test_watch_progress_while_watching() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image("CREATING")], http)
        gate = asyncio.Event()

        async def held(seconds: float) -> None:
            r.sleeps.append(seconds)
            await gate.wait()

        r.tab._sleep = held
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.page.watch.watching)
        progress = r.page.watch.progress
        assert progress.startswith("CREATING \u00b7 ")
        assert "since createdAt" in progress
        assert "next check in" in progress
        r.clock[0] += 2 * 10**9
        r.tab.tick_watch()
        assert r.page.watch.progress != progress  # the times moved on with the clock
        r.tab.cancel()
        assert r.page.watch_messages[-1] == f"Stopped watching {IMAGE_ID}"
        assert r.page.watch.phase is WatchPhase.STOPPED
        shown = len(r.page.watch_messages)
        r.tab.tick_watch()
        assert len(r.page.watch_messages) == shown  # an ended watch does not tick
        assert r.tab.watch is None
        await r.tab.aclose()

    run(scenario)


def test_404_after_deleting_means_gone() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image("DELETING"), NOT_FOUND], http)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.notifier.said != [])
        assert r.notifier.said[0][0] == "Image deleted"
        assert "is gone" in r.page.watch_messages[-1]
        assert r.tab.watch is None
        await r.tab.aclose()

    run(scenario)


def test_failing_checks_stop_the_watch_after_a_few() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image("CREATING"), *[UNAVAILABLE] * 6], http)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.notifier.said != [])
        assert r.notifier.said[0][0] == "Stopped watching"
        assert "5 checks in a row failed" in r.page.watch_messages[-1]
        await r.tab.aclose()

    run(scenario)


def test_fetching_another_image_stops_the_watch_quietly() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image("CREATING")], http)
        gate = asyncio.Event()

        async def held(seconds: float) -> None:
            await gate.wait()

        r.tab._sleep = held
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.tab.watch is not None)
        r.tab.fetch("e3vother000000000001")
        assert r.tab.watch is None
        assert r.page.watch_messages[-1] == ""
        assert r.notifier.said == []
        await r.tab.aclose()

    run(scenario)


def test_an_offline_file_is_shown_like_a_fetch_and_compared_on_refetch(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image(), image("DELETING")], http)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.page.raw is not None)
        saved = r.tab.support_bundle(environment())
        assert saved is not None
        name, bundle = saved
        assert name.startswith(IMAGE_ID)
        path = tmp_path / name
        path.write_bytes(bundle_bytes(bundle))
        r.tab.open_offline(load_capture(path))
        assert r.page.offline is not None
        assert r.page.offline.startswith(f"OFFLINE \u00b7 support bundle {name} \u00b7 captured")
        assert r.page.captions[-1] == f"OFFLINE \u00b7 {IMAGE_ID} \u00b7 from {name}"
        assert r.page.raw is not None
        assert r.page.raw.note == r.page.offline
        assert r.tab.support_bundle(environment()) is None
        assert r.tab.request_ids_text() is not None
        r.tab.fetch(IMAGE_ID)
        await until(lambda: len(r.page.changes) == 3)
        changes, since = r.page.changes[2]
        assert changes is not None
        assert changes.fields == {"status": "ACTIVE"}
        assert since.startswith(f"the file {name}")
        r.tab.stop_watch()
        await r.tab.aclose()

    run(scenario)


def test_no_export_holds_the_token(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        r = rig([image()], http)
        r.tab.fetch(IMAGE_ID)
        await until(lambda: r.page.raw is not None)
        saved = r.tab.support_bundle(environment())
        assert saved is not None
        exports = [
            r.tab.curl_text(),
            r.tab.yc_text(),
            r.tab.image_json_text(),
            r.tab.request_ids_text(),
            bundle_bytes(saved[1]).decode(),
            repr(r.history.recorded),
        ]
        assert r.server.authorizations == [f"Bearer {TOKEN}"]
        for text in exports:
            assert text
            assert TOKEN not in text
        await r.tab.aclose()

    run(scenario)
