"""*Compare with...* without its dialog: each side an image ID or a file, what the dialog shows
for each, the one line it shows when a side cannot be had, and a newer comparison winning."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from inspector.api.client import ImageClient, static_token
from inspector.api.errors import UsageError
from inspector.api.inputs import parse_endpoint
from inspector.api.models import DesktopImage
from inspector.api.retry import RetryPolicy
from inspector.core.compare_session import CompareSession, is_file_source, load_side
from inspector.present.comparison import Comparison, compare_images
from tests.unit.test_tab_controller import ENDPOINT, TOKEN, until

LEFT = "e3vcompareleft000001"
RIGHT = "e3vcompareright00001"
MISSING = "e3vcomparemissing001"


def body(image_id: str, status: str) -> dict[str, object]:
    return {"id": image_id, "folderId": "b1gfolder00000000001", "status": status, "name": "dev"}


BODIES = {LEFT: body(LEFT, "ACTIVE"), RIGHT: body(RIGHT, "CREATING")}


def as_image(wire: dict[str, object]) -> DesktopImage:
    return DesktopImage.model_validate(wire)


@dataclass
class FakeView:
    """What the dialog was told, in order."""

    shown: list[tuple[str, ...]] = field(default_factory=list)
    comparisons: list[Comparison] = field(default_factory=list)
    tasks: list[str] = field(default_factory=list)  # the name of the task that answered

    def show_busy(self) -> None:
        self.shown.append(("busy",))

    def show_comparison(self, comparison: Comparison, left: str, right: str) -> None:
        self.shown.append(("comparison", left, right))
        self.comparisons.append(comparison)
        task = asyncio.current_task()
        self.tasks.append("" if task is None else task.get_name())

    def show_problem(self, text: str) -> None:
        self.shown.append(("problem", text))


@dataclass
class Api:
    """A server that answers each image it knows; ``gate`` holds every answer until set."""

    gate: asyncio.Event | None = None
    not_found: dict[str, object] | None = None  # the body of a 404; by default, the API's
    asked: list[str] = field(default_factory=list)

    async def handle(self, request: httpx.Request) -> httpx.Response:
        image_id = request.url.path.rsplit("/", 1)[-1]
        self.asked.append(image_id)
        if self.gate is not None:
            await self.gate.wait()
        if image_id not in BODIES:
            status = {"code": 5, "message": f"image {image_id} not found"}
            return httpx.Response(404, json=self.not_found or status)
        return httpx.Response(200, json=BODIES[image_id])


def session_run(
    scenario: Callable[[CompareSession, FakeView, ImageClient, Api], Awaitable[None]],
    api: Api | None = None,
) -> None:
    async def main() -> None:
        server = api or Api()
        async with httpx.AsyncClient(transport=httpx.MockTransport(server.handle)) as http:
            client = ImageClient(
                http, parse_endpoint(ENDPOINT), static_token(TOKEN), retry=RetryPolicy(attempts=1)
            )
            view = FakeView()
            session = CompareSession(view)
            try:
                await scenario(session, view, client, server)
            finally:
                await session.stop()

    asyncio.run(main())


async def settled(view: FakeView, count: int) -> None:
    await until(lambda: len(view.shown) >= count)
    for _ in range(20):  # and nothing more arrives
        await asyncio.sleep(0)


@pytest.mark.parametrize(
    ("text", "is_file"),
    [
        (LEFT, False),
        ("image.json", True),  # need not exist yet: the name says it is a file
        ("saved/image", True),
        ("C:\\saved\\image", True),
        ("image.json.txt", False),
    ],
)
def test_a_side_is_a_file_when_it_looks_like_one(text: str, is_file: bool) -> None:
    assert is_file_source(text) is is_file


def test_a_side_is_a_file_when_such_a_file_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert not is_file_source("saved-body")
    (tmp_path / "saved-body").write_text("{}", encoding="utf-8")
    assert is_file_source("saved-body")


def test_two_ids_are_fetched_and_compared_left_to_right() -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.start(client)
        session.compare(f"  {LEFT} ", f"\t{RIGHT}\n")
        assert view.shown == [("busy",)]  # at once, before any answer
        await settled(view, 2)
        assert view.shown == [("busy",), ("comparison", LEFT, RIGHT)]
        assert api.asked == [LEFT, RIGHT]
        expected = compare_images(as_image(BODIES[LEFT]), as_image(BODIES[RIGHT]))
        assert view.comparisons == [expected]
        assert view.comparisons[0].differs
        assert view.tasks == ["compare"]  # what asyncio's report of a stuck task would name

    session_run(scenario)


def test_an_id_beside_a_saved_body(tmp_path: Path) -> None:
    path = tmp_path / "right.json"
    saved = {**BODIES[LEFT], "name": "renamed"}
    path.write_text(json.dumps(saved), encoding="utf-8")

    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.start(client)
        session.compare(LEFT, f" {path} ")
        await settled(view, 2)
        assert view.shown[-1] == ("comparison", LEFT, str(path))
        assert api.asked == [LEFT]  # the file is read, not fetched
        assert view.comparisons == [compare_images(as_image(BODIES[LEFT]), as_image(saved))]

    session_run(scenario)


def test_two_files_compare_without_a_connection(tmp_path: Path) -> None:
    left, right = tmp_path / "a.json", tmp_path / "b.json"
    left.write_text(json.dumps(BODIES[LEFT]), encoding="utf-8")
    right.write_text(json.dumps(BODIES[LEFT]), encoding="utf-8")

    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.compare(str(left), str(right))
        await settled(view, 2)
        assert view.shown[-1] == ("comparison", str(left), str(right))
        assert not view.comparisons[0].differs

    session_run(scenario)


@pytest.mark.parametrize(
    ("left", "right", "problem"),
    [
        ("", RIGHT, "Bad input: give an image ID or a file on each side"),
        (LEFT, "   ", "Bad input: give an image ID or a file on each side"),
    ],
)
def test_an_empty_side_is_said_in_one_line(left: str, right: str, problem: str) -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.start(client)
        session.compare(left, right)
        await settled(view, 2)
        assert view.shown == [("busy",), ("problem", problem)]
        assert view.comparisons == []

    session_run(scenario)


def test_before_the_connection_is_ready_an_id_cannot_be_fetched() -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.compare(LEFT, RIGHT)
        await settled(view, 2)
        assert view.shown[-1] == ("problem", "Bad input: not connected yet: try again in a moment")
        assert api.asked == []

    session_run(scenario)


def test_a_bad_id_is_refused_before_anything_is_sent() -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.start(client)
        session.compare(LEFT, "not an id")
        await settled(view, 2)
        assert view.shown[-1] == (
            "problem",
            "Bad input: the image ID contains a space; "
            "IDs are ASCII letters and digits, '-' and '_'",
        )
        assert api.asked == [LEFT]

    session_run(scenario)


def test_an_image_the_server_does_not_have_is_said_with_its_message() -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.start(client)
        session.compare(LEFT, MISSING)
        await settled(view, 2)
        assert view.shown[-1] == (
            "problem",
            f"The API refused the request (HTTP 404): image {MISSING} not found",
        )

    session_run(scenario)


def test_an_error_without_a_message_of_its_own_is_its_title_alone() -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.start(client)
        session.compare(LEFT, MISSING)
        await settled(view, 2)
        assert view.shown[-1] == ("problem", "The API refused the request (HTTP 404)")

    session_run(scenario, Api(not_found={"code": 5}))


def test_a_broken_file_names_the_file_and_why(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("", encoding="utf-8")

    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        session.start(client)
        session.compare(str(path), RIGHT)
        await settled(view, 2)
        assert view.shown[-1] == ("problem", "cannot open broken.json: the file is empty")
        assert api.asked == []  # the left side failed first; the right is not fetched

    session_run(scenario)


def test_a_newer_comparison_replaces_one_still_running() -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        assert api.gate is not None
        session.start(client)
        session.compare(LEFT, RIGHT)
        await until(lambda: api.asked == [LEFT])
        session.compare(RIGHT, LEFT)
        await until(lambda: api.asked == [LEFT, RIGHT])
        api.gate.set()
        await settled(view, 3)
        assert view.shown == [("busy",), ("busy",), ("comparison", RIGHT, LEFT)]

    session_run(scenario, Api(gate=asyncio.Event()))


def test_a_late_problem_of_a_replaced_comparison_is_not_shown(tmp_path: Path) -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        assert api.gate is not None
        session.start(client)
        session.compare(MISSING, RIGHT)
        await until(lambda: api.asked == [MISSING])
        session.compare("", RIGHT)
        await settled(view, 3)
        api.gate.set()
        for _ in range(50):
            await asyncio.sleep(0)
        assert view.shown == [
            ("busy",),
            ("busy",),
            ("problem", "Bad input: give an image ID or a file on each side"),
        ]

    session_run(scenario, Api(gate=asyncio.Event()))


def test_after_stop_a_running_comparison_shows_nothing_and_ids_are_not_fetched() -> None:
    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        assert api.gate is not None
        session.start(client)
        session.compare(LEFT, RIGHT)
        await until(lambda: api.asked == [LEFT])
        await session.stop()
        api.gate.set()
        for _ in range(50):
            await asyncio.sleep(0)
        assert view.shown == [("busy",)]
        session.compare(LEFT, RIGHT)
        await settled(view, 3)
        assert view.shown[-1] == ("problem", "Bad input: not connected yet: try again in a moment")

    session_run(scenario, Api(gate=asyncio.Event()))


def test_load_side_reads_a_bundle_or_fetches(tmp_path: Path) -> None:
    path = tmp_path / "left.json"
    path.write_text(json.dumps(BODIES[LEFT]), encoding="utf-8")

    async def scenario(
        session: CompareSession, view: FakeView, client: ImageClient, api: Api
    ) -> None:
        assert (await load_side(f" {path} ", None)).name == "dev"
        assert (await load_side(RIGHT, client)).status == "CREATING"
        with pytest.raises(UsageError, match="not connected yet"):
            await load_side(RIGHT, None)

    session_run(scenario)
