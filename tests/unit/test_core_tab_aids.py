"""One tab's aids as the operator meets them: a failed call read back from its bundle, *Save for
support* and its file name, the copy commands for files opened from disk, *Compare with...*, the
clock line of the raw view, and the watch's words and timing as the page shows them."""

from __future__ import annotations

import asyncio
import json
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from inspector.api.client import ImageClient, static_token
from inspector.api.errors import InspectorError, UsageError
from inspector.api.inputs import parse_endpoint, validate_resource_id
from inspector.api.retry import RetryPolicy
from inspector.core.bundle import default_bundle_name, load_capture
from inspector.core.failed_call import FailedCapture, load_any
from inspector.core.tab import TabController
from inspector.core.watch import WatchPolicy
from inspector.present.errors import Explanation, explanation_lines
from inspector.present.failed_call import attempt_lines, failed_heading
from tests.unit.test_tab_controller import (
    CREATED_NS,
    ENDPOINT,
    IMAGE_ID,
    NOT_FOUND,
    TOKEN,
    UNAVAILABLE,
    FakeHistory,
    FakePage,
    RecordingNotifier,
    image,
    run,
    until,
)

Answer = tuple[int, dict[str, object]]
FILE_ID = "e3vfile0000000000001"
CANNOT_CONNECT = Explanation("Could not connect", None, None, None)
SERVER_DATE = "Fri, 27 Nov 2026 08:00:00 GMT"  # a minute before the tab's clock


@dataclass
class Page(FakePage):
    """The fake page, also keeping what the error banner was given to copy and keep."""

    copy_texts: list[str] = field(default_factory=list)
    kept: list[bool] = field(default_factory=list)

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None:
        super().show_error(image_id, explanation, copy_text, keep_result=keep_result)
        self.copy_texts.append(copy_text)
        self.kept.append(keep_result)


@dataclass
class Tab:
    tab: TabController
    page: Page
    notifier: RecordingNotifier
    history: FakeHistory
    sleeps: list[float]
    clock: list[int]
    gate: asyncio.Event


def open_tab(
    answers: list[Answer],
    http: list[httpx.AsyncClient],
    *,
    held: bool = False,
    policy: WatchPolicy | None = None,
) -> Tab:
    """A tab on a scripted server that sends a ``Date``; ``held`` keeps each watch sleep
    waiting (on ``gate``), otherwise time jumps by the sleep at once."""
    script = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        status, body = script[0] if len(script) == 1 else script.pop(0)
        return httpx.Response(status, json=body, headers={"date": SERVER_DATE})

    client = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    http.append(client)
    api = ImageClient(
        client, parse_endpoint(ENDPOINT), static_token(TOKEN), retry=RetryPolicy(attempts=1)
    )
    sleeps: list[float] = []
    clock = [CREATED_NS + 60 * 10**9]
    gate = asyncio.Event()

    async def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        if held:
            await gate.wait()
        clock[0] += int(seconds * 10**9)
        await asyncio.sleep(0)

    page, notifier, history = Page(), RecordingNotifier(), FakeHistory()
    tab = TabController(
        api,
        page,
        notifier=notifier,
        history=history,
        clock_ns=lambda: clock[0],
        policy=policy,
        sleep=sleep,
    )
    return Tab(tab, page, notifier, history, sleeps, clock, gate)


def save_body(folder: Path, body: dict[str, object]) -> Path:
    path = folder / "body.json"
    path.write_text(json.dumps(body), encoding="utf-8")
    return path


def test_a_failed_call_read_back_shows_its_banner_attempts_and_body(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([UNAVAILABLE], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.tab.failure is not None)
        path = tmp_path / "failed.inspector.json"
        assert t.tab.save_support_bundle(path, "6.11.3", "6.11.2")
        capture = load_any(path)
        assert isinstance(capture, FailedCapture)
        t.tab.open_failed(capture)
        assert t.page.calls[-1] == f"error {IMAGE_ID}"
        assert t.page.errors[-1] == capture.explanation
        assert t.page.copy_texts[-1] == "\n".join(explanation_lines(capture.explanation))
        assert t.page.kept[-1] is False
        heading = failed_heading(
            capture.image_id, capture.source.name, capture.captured_at_ns, t.clock[0]
        )
        note = "\n".join([heading, *attempt_lines(capture.attempts)])
        assert t.page.offline == note
        assert t.page.raw is not None
        assert t.page.raw.summary.startswith("no HTTP exchange")
        assert json.loads(t.page.raw.body_text) == UNAVAILABLE[1]
        assert t.page.raw.note == note
        assert t.page.changes[-1] == (None, "")
        assert t.tab.bundle_file_name() is None  # the failure read back is already saved
        await t.tab.aclose()

    run(scenario)


def test_a_failed_call_without_a_body_has_no_raw_view() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image()], http)
        explanation = CANNOT_CONNECT
        capture = FailedCapture(Path("x.json"), IMAGE_ID, None, CREATED_NS, explanation, [], None)
        t.tab.open_failed(capture)
        assert t.page.raw_view is None
        await t.tab.aclose()

    run(scenario)


def test_a_failed_call_opened_over_an_answer_leaves_nothing_of_that_answer_to_export(
    tmp_path: Path,
) -> None:
    """The form no longer shows the earlier answer, so neither may the copies and the bundle."""

    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image()], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.page.raw_view is not None)
        assert t.tab.curl_text() is not None
        capture = FailedCapture(
            Path("x.json"), IMAGE_ID, None, CREATED_NS, CANNOT_CONNECT, [], None
        )
        t.tab.open_failed(capture)
        assert t.tab.curl_text() is None
        assert t.tab.yc_text() is None
        assert t.tab.image_json_text() is None
        assert t.tab.request_ids_text() is None
        assert t.tab.compare_source() is None
        assert t.tab.bundle_file_name() is None
        assert not t.tab.save_support_bundle(tmp_path / "b.json", "6.11.3", "6.11.2")
        await t.tab.aclose()

    run(scenario)


def test_save_for_support_writes_the_versions_or_nothing(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image()], http)
        nothing = tmp_path / "nothing.inspector.json"
        assert not t.tab.save_support_bundle(nothing, "6.11.3", "6.11.2")
        assert not nothing.exists()
        assert t.tab.bundle_file_name() is None
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.page.raw_view is not None)
        name = t.tab.bundle_file_name()
        assert name == default_bundle_name(IMAGE_ID, t.clock[0])
        path = tmp_path / name
        assert t.tab.save_support_bundle(path, "6.11.3", "6.11.2")
        saved = load_capture(path)
        assert saved.image.id == IMAGE_ID
        assert (saved.environment["qt"], saved.environment["pyside6"]) == ("6.11.3", "6.11.2")
        await t.tab.aclose()

    run(scenario)


def test_a_failed_fetch_is_saved_under_a_failed_name() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([UNAVAILABLE], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.tab.failure is not None)
        assert t.tab.bundle_file_name() == default_bundle_name(f"{IMAGE_ID}-failed", t.clock[0])
        await t.tab.aclose()

    run(scenario)


def reason_for(raw_id: str) -> str:
    with pytest.raises(UsageError) as caught:
        validate_resource_id(raw_id)
    return str(caught.value)


@pytest.mark.parametrize("body", [{"id": "bad id!", "status": "ACTIVE"}, {"status": "ACTIVE"}])
def test_a_file_whose_id_fails_the_check_turns_the_copy_commands_off(
    tmp_path: Path, body: dict[str, object]
) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image()], http)
        path = save_body(tmp_path, body)
        t.tab.open_offline(load_capture(path))
        assert (t.tab.curl_text(), t.tab.yc_text()) == (None, None)
        problem = (
            f"Copy as curl and as yc are off for body.json: {reason_for(str(body.get('id', '')))}"
        )
        assert t.tab.export_problem() == problem
        await t.tab.aclose()

    run(scenario)


def test_a_file_s_own_id_is_what_the_copy_commands_and_compare_name(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image()], http)
        assert (t.tab.compare_source(), t.tab.export_problem()) == (None, None)
        path = save_body(tmp_path, {"id": FILE_ID, "status": "ACTIVE"})
        t.tab.open_offline(load_capture(path))
        assert t.tab.yc_text() == f"yc desktops image get --id={FILE_ID} --format json"
        assert t.tab.export_problem() is None
        assert t.tab.compare_source() == str(path)
        assert t.page.raw is not None
        assert t.page.raw.summary.startswith("no HTTP exchange")
        assert t.page.changes[-1] == (None, "")
        await t.tab.aclose()

    run(scenario)


def test_a_live_answer_is_named_by_the_id_asked_for(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image(id=FILE_ID)], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.page.raw_view is not None)
        assert t.tab.yc_text() == f"yc desktops image get --id={IMAGE_ID} --format json"
        assert t.tab.export_problem() is None
        assert t.tab.compare_source() == IMAGE_ID
        await t.tab.aclose()

    run(scenario)


def test_a_bundle_opened_from_disk_shows_its_http_exchange(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image()], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.page.raw_view is not None)
        path = tmp_path / "saved.inspector.json"
        t.tab.save_support_bundle(path, "6.11.3", "6.11.2")
        t.tab.open_offline(load_capture(path))
        assert t.page.raw is not None
        assert t.page.raw.summary.startswith("HTTP/1.1 200 OK")
        await t.tab.aclose()

    run(scenario)


def test_the_raw_view_compares_this_clock_with_the_server_s() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image()], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.page.raw_view is not None)
        assert t.page.raw is not None
        assert t.page.raw.clock == "this computer's clock is 60 s ahead of the server's"
        await t.tab.aclose()

    run(scenario)


def test_history_keeps_no_status_for_a_body_that_left_it_out() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        status, body = image()
        t = open_tab([(status, {key: v for key, v in body.items() if key != "status"})], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.history.recorded != [])
        assert t.history.recorded == [(IMAGE_ID, "dev", None, ENDPOINT)]
        await t.tab.aclose()

    run(scenario)


def test_opening_a_file_or_a_failed_call_ends_a_watch_without_a_word(tmp_path: Path) -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image("CREATING")], http, held=True)
        path = save_body(tmp_path, {"id": FILE_ID, "status": "ACTIVE"})
        capture = FailedCapture(path, IMAGE_ID, None, CREATED_NS, CANNOT_CONNECT, [], None)
        for opened in (
            lambda: t.tab.open_offline(load_capture(path)),
            lambda: t.tab.open_failed(capture),
        ):
            t.tab.fetch(IMAGE_ID)
            await until(lambda: t.page.watch.watching)
            opened()
            assert t.tab.watch is None
            assert t.page.watch_messages[-1] == ""
        assert t.notifier.said == []
        await t.tab.aclose()

    run(scenario)


def test_the_watch_line_counts_down_to_the_next_check() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image("CREATING")], http, held=True)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.page.watch.watching)
        assert t.page.watch.progress == (
            "CREATING \u00b7 1 min since createdAt \u00b7 watching for 0 s \u00b7 next check in 3 s"
        )
        t.clock[0] += 2 * 10**9
        t.tab.tick_watch()
        assert t.page.watch.progress.endswith("watching for 2 s \u00b7 next check in 1 s")
        await t.tab.aclose()

    run(scenario)


def test_the_watch_follows_the_tab_s_policy() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        policy = WatchPolicy(first_delay=1.0, growth=2.0)
        t = open_tab([image("CREATING"), image("CREATING"), image("ACTIVE")], http, policy=policy)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.notifier.said != [])
        assert t.sleeps == [1.0, 2.0]
        await t.tab.aclose()

    run(scenario)


def test_the_watch_says_the_name_each_check_brings() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image("CREATING"), image("ACTIVE", name="renamed")], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.notifier.said != [])
        assert t.notifier.said[0][1].startswith(f"{IMAGE_ID} (renamed) is now ACTIVE")
        await t.tab.aclose()

    run(scenario)


def test_an_image_that_vanishes_is_named_as_it_was_first_seen() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image("CREATING"), NOT_FOUND], http)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.notifier.said != [])
        assert t.notifier.said[0] == (
            "Image disappeared",
            f"{IMAGE_ID} (dev) disappeared while CREATING (404): it no longer exists",
        )
        await t.tab.aclose()

    run(scenario)


def test_a_failed_check_says_why_and_another_image_s_failure_is_not_counted() -> None:
    async def scenario(http: list[httpx.AsyncClient]) -> None:
        t = open_tab([image("CREATING"), UNAVAILABLE], http, held=True)
        t.tab.fetch(IMAGE_ID)
        await until(lambda: t.page.watch.watching)
        shown = len(t.page.watch_messages)
        other = InspectorError("the other image timed out")
        t.tab.failed("e3vother000000000001", other)
        assert len(t.page.watch_messages) == shown
        assert t.tab.watch is not None and t.tab.watch.failures == 0
        t.gate.set()
        await until(lambda: t.page.watch_messages[-1] != "")
        message = t.page.watch_messages[-1]
        assert message.startswith("Check failed (1 of 5): ")
        assert "503" in message
        await t.tab.aclose()

    run(scenario)
