"""Listing a folder: the filter, the page model, the pager's guards, the browse controller.

The pager and the controller talk to a real demo API on 127.0.0.1; misbehaving servers are made
with ``put_raw_page`` (a repeated token, garbage, a refused token).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.api.client import ImageClient, static_token
from inspector.api.errors import (
    APIConnectionError,
    APIStatusError,
    Call,
    ConnectionKind,
    RequestIds,
    StatusBody,
    UsageError,
)
from inspector.api.inputs import ALTERNATIVE_ENDPOINT, DEFAULT_ENDPOINT, parse_endpoint
from inspector.api.list_query import (
    ListQuery,
    OrderBy,
    OrderField,
    make_query,
    name_filter,
    parse_order_by,
)
from inspector.api.listing import (
    ListedImage,
    ListedPage,
    ListResponseError,
    NameLookupError,
    Pager,
    PagingStop,
    PagingStoppedError,
    StopReason,
    TokenRefused,
    find_by_name,
    list_url,
)
from inspector.api.models import DesktopImage
from inspector.api.status_errors import InvalidArgument, PermissionDenied, status_class
from inspector.config.settings import connection_key, load_folder_id, save_folder_id, settings_path
from inspector.core.browse import BrowseController
from inspector.demo.data import EMPTY_FOLDER_ID, FOLDER_ID
from inspector.demo.listing import list_images
from inspector.demo.server import DemoServer
from inspector.present.errors import explanation_lines
from inspector.present.listing import (
    ImageRow,
    describe_query,
    explain_listing,
    explanation_text,
    format_rows_table,
    json_line,
    present_listed,
    present_row,
    restart_note,
    stop_note,
)

T = TypeVar("T")
FOLDER_SIZE = 120  # the demo folder: 14 samples and 106 ordinary images


def utc_zone(_epoch_seconds: int) -> tuple[int, str]:
    return 0, "UTC"


def image_body(image_id: str, folder_id: str, name: str, **extra: object) -> dict[str, object]:
    return {"id": image_id, "folderId": folder_id, "name": name, "status": "ACTIVE", **extra}


def page_bytes(images: list[dict[str, object]], token: str | None = None) -> bytes:
    body: dict[str, object] = {"desktopImages": images}
    if token is not None:
        body["nextPageToken"] = token
    return json.dumps(body).encode()


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


@asynccontextmanager
async def client_for(server: DemoServer) -> AsyncIterator[ImageClient]:
    async with httpx.AsyncClient() as http:
        yield ImageClient(http, parse_endpoint(server.base_url), static_token(None))


def run(server: DemoServer, work: Callable[[ImageClient], Awaitable[T]]) -> T:
    async def main() -> T:
        async with client_for(server) as client:
            return await work(client)

    return asyncio.run(main())


def list_requests(server: DemoServer, folder_id: str) -> list[dict[str, list[str]]]:
    found = []
    for request in server.requests:
        parts = urlsplit(request.path)
        params = parse_qs(parts.query)
        if parts.path == "/cloud-desktop/v1/images" and params.get("folderId") == [folder_id]:
            found.append(params)
    return found


# -- the filter, the order and the query --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("ubuntu", 'name="ubuntu"'),
        ('say "hi"', 'name="say \\"hi\\""'),
        ("back\\slash", 'name="back\\\\slash"'),
        ('\\"', 'name="\\\\\\""'),
        ('" OR name!="', 'name="\\" OR name!=\\""'),
        ("рабочий-стол", 'name="рабочий-стол"'),
    ],
)
def test_name_filter_quotes_and_escapes(name: str, expected: str) -> None:
    assert name_filter(name) == expected


@pytest.mark.parametrize("name", ["a\nb", "tab\there", "nul\x00", "del\x7f", "c1\x85"])
def test_name_filter_refuses_control_characters(name: str) -> None:
    with pytest.raises(UsageError, match="control character"):
        name_filter(name)


def test_name_filter_refuses_what_the_api_would_refuse_as_too_long() -> None:
    with pytest.raises(UsageError, match="too long"):
        name_filter("x" * 1000)


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=60))
def test_any_name_survives_the_filter_round_trip(name: str) -> None:
    """The demo parses the filter as the API does: the literal means exactly the name typed."""
    images = [image_body("e3vmatch", "b1gf", name), image_body("e3vother", "b1gf", name + "x")]
    query = urlencode([("folderId", "b1gf"), ("filter", name_filter(name))])
    answer = list_images(images, query, 0)
    assert isinstance(answer, dict), answer
    assert [image["id"] for image in answer["desktopImages"]] == ["e3vmatch"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("name", OrderBy(OrderField.NAME)),
        ("createdAt desc", OrderBy(OrderField.CREATED_AT, descending=True)),
        ("CREATEDAT:DESC", OrderBy(OrderField.CREATED_AT, descending=True)),
        ("status asc", OrderBy(OrderField.STATUS)),
    ],
)
def test_order_by(raw: str, expected: OrderBy) -> None:
    assert parse_order_by(raw) == expected


@pytest.mark.parametrize("raw", ["size", "name sideways", "name asc desc", ""])
def test_order_by_refuses_what_the_api_does_not_know(raw: str) -> None:
    with pytest.raises(UsageError, match="order by"):
        parse_order_by(raw)


@pytest.mark.parametrize(
    ("folder_id", "reason"),
    [("", "empty"), ("b1g/../x", "'/'"), ("b1g folder", "a space"), ("x" * 51, "51 characters")],
)
def test_a_malformed_folder_id_is_refused(folder_id: str, reason: str) -> None:
    with pytest.raises(UsageError, match="folder ID") as caught:
        make_query(folder_id)
    assert reason in str(caught.value)


@pytest.mark.parametrize("size", [0, 1001, -5])
def test_page_size_must_be_what_the_api_allows(size: int) -> None:
    with pytest.raises(UsageError, match="page size"):
        make_query("b1gfolder", page_size=size)


def test_a_blank_name_or_order_means_none() -> None:
    assert make_query(" b1gfolder ", name="  ", order_by=" ") == ListQuery("b1gfolder")


def test_list_url_encodes_every_parameter() -> None:
    query = make_query("b1gfolder", name='a "b"', order_by="name desc", page_size=10)
    url = list_url("https://cloud-desktop.api.cloud.yandex.net", query, "tok/en+=")
    parts = urlsplit(url)
    assert parts.path == "/cloud-desktop/v1/images"
    assert parse_qs(parts.query) == {
        "folderId": ["b1gfolder"],
        "pageSize": ["10"],
        "pageToken": ["tok/en+="],
        "filter": ['name="a \\"b\\""'],
        "orderBy": ["name desc"],
    }
    assert "pageToken" not in list_url("https://x", query, None)


# -- one page ------------------------------------------------------------------------------------


def test_an_empty_folder_is_an_empty_last_page(demo: DemoServer) -> None:
    page = run(demo, lambda client: Pager(client, make_query(EMPTY_FOLDER_ID)).next_page())
    assert page.images == []
    assert not page.more


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html><body>Gateway</body></html>", "HTML"),
        (b'{"desktopImages": {"id": "x"}}', "desktopImages"),
        (b'{"desktopImages": [], "nextPageToken": 7}', "nextPageToken"),
        (b"[]", "expected a JSON object"),
    ],
)
def test_a_garbage_page_says_what_is_wrong(demo: DemoServer, body: bytes, reason: str) -> None:
    folder = f"b1ggarbage{abs(hash(body)) % 10**8}"
    demo.put_raw_page(folder, "", 200, body)
    with pytest.raises(ListResponseError) as caught:
        run(demo, lambda client: Pager(client, make_query(folder)).next_page())
    error = caught.value
    assert "not a page of desktop images" in str(error)
    assert reason in str(error) + " ".join(error.problems)
    explanation = explain_listing(error)
    assert explanation.title == "The answer is not a page of desktop images"
    assert explanation.request_ids[0][0] == "x-client-request-id"


@pytest.mark.parametrize(
    ("item", "problem"),
    [
        ({"id": 5}, "id: "),
        ({"id": "e3vbad", "storageSize": "12GB"}, "storageSize: expected an int64"),
        ({"id": "e3vbad", "status": True}, "status: expected an enum"),
        ("e3vbad", "expected a JSON object, got str"),
    ],
)
def test_one_bad_image_becomes_a_row_with_its_error_and_the_others_stay(
    demo: DemoServer, item: object, problem: str
) -> None:
    good = [{"id": "e3vgood1", "name": "one"}, {"id": "e3vgood2", "status": "ACTIVE"}]
    body = json.dumps({"desktopImages": [good[0], item, good[1]]}).encode()
    folder = f"b1gbadrow{abs(hash(body)) % 10**8}"
    demo.put_raw_page(folder, "", 200, body)
    page = run(demo, lambda client: Pager(client, make_query(folder)).next_page())
    assert [listed.image_id for listed in page.images] == [
        "e3vgood1",
        "e3vbad" if isinstance(item, dict) and item.get("id") == "e3vbad" else None,
        "e3vgood2",
    ]
    assert [listed.image is None for listed in page.images] == [False, True, False]
    assert any(problem in line for line in page.images[1].problems), page.images[1].problems
    row = present_listed(page.images[1], 0, utc_zone)
    assert row.cells[1].startswith("cannot read this image: ")
    assert problem in row.cells[1]
    assert row.cells[2] == "unreadable"
    assert present_listed(page.images[2], 0, utc_zone).cells[2] == "ACTIVE"


def test_an_error_status_is_typed_and_worded_for_a_folder(demo: DemoServer) -> None:
    status = {"code": 7, "message": "Permission denied to folder"}
    demo.put_raw_page("b1gforbidden", "", 403, json.dumps(status).encode())
    with pytest.raises(PermissionDenied) as caught:
        run(demo, lambda client: Pager(client, make_query("b1gforbidden")).next_page())
    assert caught.value.status_code == 403
    assert caught.value.call is Call.LIST_IMAGES
    demo.put_raw_page("b1gbadquery", "", 400, json.dumps({"code": 3, "message": "bad"}).encode())
    with pytest.raises(InvalidArgument) as bad:
        run(demo, lambda client: Pager(client, make_query("b1gbadquery")).next_page())
    assert "folder ID and the name filter" in explain_listing(bad.value).hint


# -- the pager -----------------------------------------------------------------------------------


async def every_page(pager: Pager) -> list[ListedPage]:
    return [page async for page in pager.pages()]


def test_the_pager_walks_every_page_once(demo: DemoServer) -> None:
    query = make_query(FOLDER_ID, order_by="name asc", page_size=50)
    pages = run(demo, lambda client: every_page(Pager(client, query)))
    names = [(item.image.name if item.image else "") for page in pages for item in page.images]
    assert [len(page.images) for page in pages] == [50, 50, 20]
    assert [page.more for page in pages] == [True, True, False]
    assert len(set(names)) == FOLDER_SIZE
    assert names == sorted(names)


def test_the_server_filter_finds_one_name(demo: DemoServer) -> None:
    query = make_query(FOLDER_ID, name="huge-sizes")
    pages = run(demo, lambda client: every_page(Pager(client, query)))
    assert [item.image_id for page in pages for item in page.images] == ["e3vdemohugesizes0001"]


def test_a_repeated_page_token_stops_paging_and_keeps_the_pages(demo: DemoServer) -> None:
    folder = "b1grepeatstoken"
    demo.put_raw_page(folder, "", 200, page_bytes([image_body("e3va", folder, "a")], "again"))
    demo.put_raw_page(folder, "again", 200, page_bytes([image_body("e3vb", folder, "b")], "again"))
    pages = run(demo, lambda client: every_page(Pager(client, make_query(folder))))
    assert [[item.image_id for item in page.images] for page in pages] == [["e3va"], ["e3vb"]]
    assert pages[-1].stop is not None
    assert "'again' again" in stop_note(pages[-1].stop)
    assert not pages[-1].more
    assert len(list_requests(demo, folder)) == 2


def test_a_server_that_ignores_the_token_is_not_followed_forever(demo: DemoServer) -> None:
    folder = "b1gignorestoken"
    same = [image_body("e3vsame", folder, "same")]
    demo.put_raw_page(folder, "", 200, page_bytes(same, "t1"))
    for index in range(1, 10):
        demo.put_raw_page(folder, f"t{index}", 200, page_bytes(same, f"t{index + 1}"))
    pages = run(demo, lambda client: every_page(Pager(client, make_query(folder))))
    assert [len(page.images) for page in pages] == [1, 0, 0, 0]
    assert pages[-1].stop is not None
    assert "no new images" in stop_note(pages[-1].stop)


def test_a_garbage_page_keeps_the_position_so_it_can_be_asked_again(demo: DemoServer) -> None:
    folder = "b1ggarbagesecond"
    demo.put_raw_page(folder, "", 200, page_bytes([image_body("e3va", folder, "a")], "p2"))
    demo.put_raw_page(folder, "p2", 200, b"<html>Bad Gateway</html>")

    async def work(client: ImageClient) -> tuple[list[str | None], str, list[str | None]]:
        pager = Pager(client, make_query(folder))
        first = await pager.next_page()
        with pytest.raises(ListResponseError) as caught:
            await pager.next_page()
        assert not pager.finished
        demo.put_raw_page(folder, "p2", 200, page_bytes([image_body("e3vb", folder, "b")]))
        second = await pager.next_page()
        return (
            [item.image_id for item in first.images],
            str(caught.value),
            [item.image_id for item in second.images],
        )

    first, error, second = run(demo, work)
    assert first == ["e3va"]
    assert "HTML" in error
    assert second == ["e3vb"]
    assert [params.get("pageToken") for params in list_requests(demo, folder)] == [
        None,
        ["p2"],
        ["p2"],
    ]


def test_an_expired_page_token_restarts_the_listing_with_a_note() -> None:
    with DemoServer() as server:

        async def work(client: ImageClient) -> list[ListedPage]:
            pager = Pager(client, make_query(FOLDER_ID, page_size=50))
            first = await pager.next_page()
            server.expire_page_tokens()
            again = await pager.next_page()
            rest = await every_page(pager)
            return [first, again, *rest]

        pages = run(server, work)
    first, again, *rest = pages
    assert again.restart is not None
    assert "refused the page token" in restart_note(again.restart)
    assert "400" in restart_note(again.restart)
    assert [item.image_id for item in again.images] == [item.image_id for item in first.images]
    ids = [item.image_id for page in [again, *rest] for item in page.images]
    assert len(ids) == len(set(ids)) == FOLDER_SIZE


def test_a_token_refused_again_after_the_restart_is_an_error(demo: DemoServer) -> None:
    folder = "b1grefusesalways"
    refused = json.dumps({"code": 3, "message": "Invalid page token"}).encode()
    demo.put_raw_page(folder, "", 200, page_bytes([image_body("e3va", folder, "a")], "stale"))
    demo.put_raw_page(folder, "stale", 400, refused)

    async def work(client: ImageClient) -> list[ListedPage]:
        pager = Pager(client, make_query(folder))
        pages = [await pager.next_page(), await pager.next_page()]
        with pytest.raises(InvalidArgument):
            await pager.next_page()
        return pages

    _, restarted = run(demo, work)
    assert restarted.restart is not None
    assert [item.image_id for item in restarted.images] == ["e3va"]
    tokens = [params.get("pageToken") for params in list_requests(demo, folder)]
    assert tokens == [None, ["stale"], None, ["stale"]]


def test_a_restart_that_fails_changes_nothing() -> None:
    """The first page after a refused token fails too: the next try starts over again."""
    tokens: list[str | None] = []
    first_page_answers = [page_bytes([image_body("e3va", "b1gf", "a")], "stale"), b"<html>"]

    def handler(request: httpx.Request) -> httpx.Response:
        token = request.url.params.get("pageToken")
        tokens.append(token)
        if token == "stale":
            return httpx.Response(400, json={"code": 3, "message": "Invalid page token"})
        body = first_page_answers.pop(0) if first_page_answers else page_bytes([])
        return httpx.Response(200, content=body)

    async def main() -> tuple[ListedPage, ListedPage]:
        async with httpx.AsyncClient(transport=httpx.MockTransport(handler)) as http:
            client = ImageClient(http, parse_endpoint("https://api.example"), static_token(None))
            pager = Pager(client, make_query("b1gf"))
            first = await pager.next_page()
            with pytest.raises(ListResponseError):
                await pager.next_page()
            return first, await pager.next_page()

    first, restarted = asyncio.run(main())
    assert first.more
    assert restarted.restart is not None
    assert tokens == [None, "stale", None, "stale", None]


# -- finding an image by name --------------------------------------------------------------------


@pytest.fixture(scope="module")
def named() -> Iterator[DemoServer]:
    folder = "b1gnamedfolder"
    images = {
        "e3vone": image_body("e3vone", folder, "unique-name"),
        "e3vtwin1": image_body("e3vtwin1", folder, "twin"),
        "e3vtwin2": image_body("e3vtwin2", folder, "twin"),
        "e3vquote": image_body("e3vquote", folder, 'with "quotes" \\ and slash'),
        "e3vubuntu": image_body("e3vubuntu", folder, "ubuntu-22-04-office"),
    }
    with DemoServer(images={}) as server:
        for image_id, body in images.items():
            server.put_image(image_id, body)
        yield server


def test_a_unique_name_resolves_to_its_id(named: DemoServer) -> None:
    assert run(named, lambda c: find_by_name(c, "b1gnamedfolder", "unique-name")) == "e3vone"
    quoted = 'with "quotes" \\ and slash'
    assert run(named, lambda c: find_by_name(c, "b1gnamedfolder", quoted)) == "e3vquote"


def test_several_images_with_the_name_list_the_candidates(named: DemoServer) -> None:
    with pytest.raises(NameLookupError) as caught:
        run(named, lambda c: find_by_name(c, "b1gnamedfolder", "twin"))
    assert sorted(image.id or "" for image in caught.value.candidates) == ["e3vtwin1", "e3vtwin2"]
    text = "\n".join(explanation_lines(explain_listing(caught.value)))
    assert "2 images are named 'twin'" in text
    assert "e3vtwin1" in text
    assert "e3vtwin2" in text


def test_no_image_with_the_name_offers_the_closest(named: DemoServer) -> None:
    with pytest.raises(NameLookupError) as caught:
        run(named, lambda c: find_by_name(c, "b1gnamedfolder", "ubuntu-22-04"))
    assert caught.value.matches == []
    assert [image.id for image in caught.value.candidates] == ["e3vubuntu"]
    text = "\n".join(explanation_lines(explain_listing(caught.value)))
    assert "No image is named 'ubuntu-22-04'" in text
    assert "ubuntu-22-04-office" in text
    assert "list b1gnamedfolder" in text


def test_a_server_that_ignores_the_filter_cannot_pick_the_wrong_image(demo: DemoServer) -> None:
    folder = "b1gignoresfilter"
    images = [image_body("e3va", folder, "alpha"), image_body("e3vb", folder, "beta")]
    demo.put_raw_page(folder, "", 200, page_bytes(images))
    assert run(demo, lambda c: find_by_name(c, folder, "beta")) == "e3vb"


# -- rows ----------------------------------------------------------------------------------------


def test_a_row_has_human_sizes_local_time_and_age() -> None:
    image = DesktopImage.model_validate(
        {
            "id": "e3vx",
            "name": "office",
            "status": "ACTIVE",
            "createdAt": "2026-11-20T09:15:42.123456789Z",
            "storageSize": "21474836480",
            "minDiskSize": "9223372036854775807",
        }
    )
    now = 1_764_237_342 * 10**9  # 2025-11-27T09:55:42Z
    row = present_row(image, now, lambda _s: (3 * 3600, "MSK"))
    assert row.cells == (
        "e3vx",
        "office",
        "ACTIVE",
        "2026-11-20 12:15:42 +03:00 (MSK)",
        "in 11 months",
        "20 GiB",
        "8 EiB",
    )
    assert "2026-11-20T09:15:42.123456789Z" in row.tooltips[3]
    assert row.tooltips[5] == "21,474,836,480 bytes"
    assert row.sort_keys[6] == (1, 2**63 - 1)


def test_defaults_show_as_values_with_the_mark_and_only_created_can_be_unset() -> None:
    bare = present_row(DesktopImage.model_validate({"id": "e3vbare"}), 0, utc_zone)
    sent = present_row(DesktopImage.model_validate({"id": "e3va", "storageSize": "0"}), 0, utc_zone)
    assert bare.cells[1:] == (
        '"" (default)',
        "STATUS_UNSPECIFIED (default)",
        "not set",
        "not set",
        "0 B (default)",
        "0 B (default)",
    )
    assert "leaves out fields that hold their default value" in bare.tooltips[5]
    assert sent.cells[5] == "0 B"
    assert bare.sort_keys[5] == sent.sort_keys[5]
    created = DesktopImage.model_validate({"createdAt": "0001-01-01T00:00:00Z"})
    assert bare.sort_keys[3] < present_row(created, 0, utc_zone).sort_keys[3]


def test_an_image_without_id_is_abnormal_in_its_row() -> None:
    row = present_row(DesktopImage.model_validate({"name": "x"}), 0, utc_zone)
    assert row.cells[0] == '"" (abnormal: the answer has no image ID)'
    assert row.image_id is None


def test_unknown_status_is_marked() -> None:
    row = present_row(DesktopImage.model_validate({"status": "ARCHIVED"}), 0, utc_zone)
    assert row.cells[2] == "ARCHIVED (unknown)"


def rows(*names: str) -> list[ImageRow]:
    return [
        present_row(DesktopImage.model_validate({"id": f"e3v{index}", "name": name}), 0, utc_zone)
        for index, name in enumerate(names)
    ]


def test_the_table_escapes_names_that_would_rewrite_the_terminal() -> None:
    text = format_rows_table(rows("evil\x1b[2Jname", "rtl\u202eeman"))
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "evil\\x1b[2Jname" in text
    assert text.splitlines()[0].split() == [
        "ID",
        "Name",
        "Status",
        "Created",
        "(local)",
        "Age",
        "Storage",
        "Min",
        "disk",
    ]


def test_json_lines_keep_the_wire_and_escape_terminal_tricks() -> None:
    wire: dict[str, Any] = {"id": "e3v", "name": "a\u202eb\x85", "storageSize": "9007199254740993"}
    line = json_line(wire)
    assert "\n" not in line
    assert "\u202e" not in line
    assert json.loads(line) == wire


NOT_IN_BODY = "Not in the body: the API leaves out fields that hold their default value."


def readable(**fields: object) -> ListedImage:
    return ListedImage(DesktopImage.model_validate(fields), fields)


def unreadable(image_id: str | None, *problems: str) -> ListedImage:
    wire: dict[str, object] = {} if image_id is None else {"id": image_id}
    return ListedImage(None, wire, problems)


def sorted_by(column: int, items: list[ListedImage]) -> list[str]:
    """What the table shows in the ID column after a click on ``column``'s header."""
    listed = [present_listed(item, 0, utc_zone) for item in items]
    return [row.cells[0] for row in sorted(listed, key=lambda row: row.sort_keys[column])]


def test_a_sort_by_id_mixes_unreadable_rows_with_the_others_by_their_id() -> None:
    items = [
        readable(id="e3vc"),
        unreadable("e3vb", "status: expected an enum"),
        readable(id="e3va"),
        unreadable(None, "id: expected a string"),
        readable(name="no id"),
    ]
    no_id = '"" (abnormal: the answer has no image ID)'
    assert sorted_by(0, items) == ['""', no_id, "e3va", "e3vb", "e3vc"]


def test_unreadable_rows_sort_by_name_with_the_blank_names_before_every_name() -> None:
    """An unreadable row has no name to show: it sorts as a blank name does, so a sort keeps a
    blank-named row and an unreadable one in the order they came, both before the named ones."""
    items = [
        readable(id="e3vblank"),
        unreadable("e3vbad", "x"),
        readable(id="e3va", name="alpha"),
        readable(id="e3v1", name="1st image"),
    ]
    assert sorted_by(1, items) == ["e3vblank", "e3vbad", "e3v1", "e3va"]


def test_a_sort_by_status_follows_the_text_shown_unreadable_included() -> None:
    items = [
        readable(id="e3vz", status="zombie"),
        unreadable("e3vbad", "x"),
        readable(id="e3va", status="ACTIVE"),
    ]
    assert sorted_by(2, items) == ["e3va", "e3vbad", "e3vz"]


def test_unreadable_rows_sort_as_no_time_and_before_every_size() -> None:
    """Created and Age: an unreadable row ties with a row whose creation time is not set, so
    the sort keeps their order; both come before any time. Sizes: before even 0 B."""
    bad = unreadable("e3vbad", "x")
    no_time = readable(id="e3vnotime")
    sized = readable(
        id="e3vtime", createdAt="2026-01-01T00:00:00Z", storageSize="0", minDiskSize="0"
    )
    for column in (3, 4):
        assert sorted_by(column, [bad, no_time, sized]) == ["e3vbad", "e3vnotime", "e3vtime"]
        assert sorted_by(column, [no_time, bad, sized]) == ["e3vnotime", "e3vbad", "e3vtime"]
    for column in (5, 6):
        assert sorted_by(column, [sized, bad]) == ["e3vbad", "e3vtime"]


def test_the_age_column_sorts_by_the_creation_time() -> None:
    items = [
        readable(id="e3vnew", createdAt="2026-06-01T00:00:00Z"),
        readable(id="e3vold", createdAt="2020-06-01T00:00:00Z"),
        readable(id="e3vnone"),
    ]
    assert sorted_by(4, items) == ["e3vnone", "e3vold", "e3vnew"]


def test_tooltips_of_a_bare_image_explain_each_default_once() -> None:
    """A field left out gets the explanation under its own tooltip text, or the explanation
    alone when there is no text; the ID column and an unset time have no tooltip."""
    row = present_row(DesktopImage.model_validate({"id": "e3vbare"}), 0, utc_zone)
    assert row.tooltips == (
        "",
        NOT_IN_BODY,
        f"The server did not set a status.\n{NOT_IN_BODY}",
        "",
        "",
        f"0 bytes\n{NOT_IN_BODY}",
        f"0 bytes\n{NOT_IN_BODY}",
    )


def test_a_readable_item_of_a_page_is_shown_in_the_zone_asked_for() -> None:
    item = readable(id="e3vx", createdAt="2026-11-20T09:15:42.5Z")
    row = present_listed(item, 0, lambda _s: (3 * 3600, "MSK"))
    assert row.cells[3] == "2026-11-20 12:15:42 +03:00 (MSK)"
    assert row.tooltips[3].splitlines() == [
        "2026-11-20 12:15:42.5 +03:00 (MSK)",
        "2026-11-20 09:15:42.5 UTC",
        "exact: 2026-11-20T09:15:42.5Z",
    ]


def test_a_row_keeps_its_image_for_the_policy_column_and_the_csv_export() -> None:
    image = DesktopImage.model_validate({"id": "e3vkeep", "name": "kept"})
    assert present_row(image, 0, utc_zone).image is image
    assert present_listed(ListedImage(image, {"id": "e3vkeep"}), 0, utc_zone).image is image


def test_an_unreadable_row_shows_every_problem_and_nothing_in_the_other_columns() -> None:
    row = present_listed(unreadable("e3vbad", "status: expected an enum", "x: y"), 0, utc_zone)
    problem = "cannot read this image: status: expected an enum; x: y"
    assert row.image_id == "e3vbad"
    assert row.image is None
    assert row.cells == ("e3vbad", problem, "unreadable", "", "", "", "")
    assert row.tooltips == (
        "",
        problem,
        "This image in the page is not a DesktopImage: status: expected an enum; x: y",
        "",
        "",
        "",
        "",
    )
    assert present_listed(unreadable(None, "id: z"), 0, utc_zone).cells[0] == '""'


def test_the_list_table_is_aligned_in_columns_two_spaces_apart() -> None:
    items = [
        readable(id="e3vone", name="a", status="ACTIVE", storageSize="1024"),
        unreadable("e3vtwo", "bad"),
    ]
    text = format_rows_table([present_listed(item, 0, utc_zone) for item in items])
    assert text == (
        "ID      Name                         Status      Created (local)  Age      Storage"
        "  Min disk\n"
        "e3vone  a                            ACTIVE      not set          not set  1 KiB"
        "    0 B (default)\n"
        "e3vtwo  cannot read this image: bad  unreadable\n"
    )


def test_a_json_line_is_compact_and_keeps_non_ascii_letters() -> None:
    """JSON Lines for scripts: no spaces after separators, and names in any script as they are
    (only terminal tricks are escaped)."""
    assert json_line({"id": "e3v", "name": "Офис é", "size": 1}) == (
        '{"id":"e3v","name":"Офис é","size":1}'
    )


# -- what a failed listing or lookup says --------------------------------------------------------


def listing_error(status: int, code: int | None, message: str) -> APIStatusError:
    return status_class(status, code)(
        status_code=status,
        reason={400: "Bad Request", 404: "Not Found"}[status],
        body=StatusBody(code, message),
        body_text="",
        request_ids=RequestIds("c-1", "r-1"),
        call=Call.LIST_IMAGES,
    )


def test_a_name_with_no_image_and_nothing_close_says_where_to_look() -> None:
    explanation = explain_listing(NameLookupError("b1gf", "office", [], []), now=0)
    assert explanation_text(explanation) == (
        "No image is named 'office'\n"
        "in folder b1gf\n"
        "The name must match exactly (case too): See every image with: list b1gf"
    )
    assert explanation.details == []


def test_the_closest_names_are_listed_with_their_age_at_the_time_given() -> None:
    close = DesktopImage.model_validate(
        {"id": "e3va", "name": "Office", "status": "ACTIVE", "createdAt": "2026-01-01T00:00:00Z"}
    )
    now = (1_767_225_600 + 3 * 86_400) * 10**9  # three days after 2026-01-01T00:00:00Z
    explanation = explain_listing(NameLookupError("b1gf", "office", [], [close]), now=now)
    assert explanation.details[1].split("  ")[0] == "e3va"
    assert "3 days ago" in explanation.details[1]
    assert explanation.hint == (
        "The name must match exactly (case too): the closest names are listed above. "
        "See every image with: list b1gf"
    )


def test_a_name_several_images_share_asks_for_the_id() -> None:
    twins = [
        DesktopImage.model_validate({"id": f"e3vtwin{index}", "name": "twin"}) for index in (1, 2)
    ]
    explanation = explain_listing(NameLookupError("b1gf", "twin", twins, []), now=0)
    assert explanation.title == "2 images are named 'twin'"
    assert explanation.hint == (
        "Names are not unique: pass the ID of the one you mean (get IMAGE_ID)."
    )
    assert [line.split("  ")[0] for line in explanation.details] == ["ID", "e3vtwin1", "e3vtwin2"]
    one = explain_listing(NameLookupError("b1gf", "twin", twins[:1], []), now=0)
    assert one.title == "1 image is named 'twin'"


def test_paging_that_went_round_in_circles_is_explained_as_such() -> None:
    stop = PagingStop(StopReason.REPEATED_TOKEN, 3, "tok", 0)
    assert explanation_text(explain_listing(PagingStoppedError(stop))) == (
        "The listing could not be followed to its end\n"
        "The server sent the page token 'tok' again after page 3; paging stopped here so the "
        "listing does not go round in circles.\n"
        "The server's paging misbehaved: retry later, or give support the request ids."
    )


def test_a_refused_listing_in_full_with_the_advice_for_a_folder() -> None:
    assert explanation_text(explain_listing(listing_error(400, 3, "bad"))) == (
        "The API refused the request (HTTP 400)\n"
        "HTTP status: 400 Bad Request\n"
        "gRPC code: 3 INVALID_ARGUMENT\n"
        "bad\n"
        "x-client-request-id: c-1\n"
        "x-request-id: r-1\n"
        "The request is invalid whatever the image's state. Check the folder ID and the name "
        "filter."
    )


def test_a_listing_status_without_a_code_is_worded_by_the_status() -> None:
    hint = explain_listing(listing_error(404, None, "gone")).hint
    assert hint == (
        "No such folder here. "
        "Check the folder ID and the region/endpoint (a folder lives in one installation)."
    )


def test_a_listing_that_cannot_reach_the_default_host_suggests_the_other() -> None:
    error = APIConnectionError(
        "dns failure", kind=ConnectionKind.DNS, host="h", request_ids=RequestIds("c-1")
    )
    assert ALTERNATIVE_ENDPOINT in explain_listing(error, endpoint=DEFAULT_ENDPOINT).hint


def test_a_query_is_described_with_its_name_and_order() -> None:
    assert describe_query(make_query("b1gf", name="office", order_by="name desc")) == (
        "folder b1gf named \u201coffice\u201d, by name desc"
    )
    assert describe_query(make_query("b1gf", order_by="createdAt")) == (
        "folder b1gf, by createdAt asc"
    )


def test_the_paging_notes_in_full() -> None:
    token = "t" * 40
    repeated = PagingStop(StopReason.REPEATED_TOKEN, 3, token, 0)
    assert stop_note(repeated) == (
        f"The server sent the page token '{token}' again after page 3; paging stopped here so "
        "the listing does not go round in circles."
    )
    one = PagingStop(StopReason.NO_NEW_IMAGES, 4, "x", 1)
    assert stop_note(one) == (
        "The server sent 1 page in a row with no new images; paging stopped here so the listing "
        "does not go round in circles."
    )
    two = PagingStop(StopReason.NO_NEW_IMAGES, 4, "x", 2)
    assert stop_note(two) == (
        "The server sent 2 pages in a row with no new images; paging stopped here so the listing "
        "does not go round in circles."
    )
    assert restart_note(TokenRefused(400, "token expired")) == (
        "The server refused the page token (400: token expired); page tokens expire, so the "
        "listing started again from the first page."
    )


def test_a_long_page_token_is_cut_after_40_characters() -> None:
    """The note quotes a token of up to 40 characters whole and cuts a longer one with …."""
    long = PagingStop(StopReason.REPEATED_TOKEN, 3, "t" * 40 + "u", 0)
    assert f"token '{'t' * 40}\u2026' again" in stop_note(long)


# -- the browse controller -----------------------------------------------------------------------


@dataclass
class FakeBrowser:
    """Records what the controller shows, the way the folder browser would keep it."""

    rows: list[ImageRow] = field(default_factory=list)
    more: bool = False
    loading: bool = False
    listings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def show_listing(self, description: str) -> None:
        self.listings.append(description)
        self.rows = []
        self.more = False

    def show_page(self, rows: list[ImageRow], *, more: bool, replace: bool) -> None:
        self.rows = [*([] if replace else self.rows), *rows]
        self.more = more

    def set_loading(self, loading: bool) -> None:
        self.loading = loading

    def show_note(self, text: str) -> None:
        self.notes.append(text)

    def show_error(self, title: str, text: str) -> None:
        self.errors.append(text)

    @property
    def ids(self) -> list[str | None]:
        return [row.image_id for row in self.rows]


Script = Callable[[BrowseController, FakeBrowser], Awaitable[None]]


def browse(server: DemoServer, script: Script) -> FakeBrowser:
    view = FakeBrowser()

    async def work(client: ImageClient) -> None:
        controller = BrowseController(client, view)
        try:
            await script(controller, view)
        finally:
            await controller.aclose()

    run(server, work)
    return view


async def settle(controller: BrowseController) -> None:
    """Until the page on its way has been shown (the controller exposes no event for it)."""
    while controller.busy:  # noqa: ASYNC110
        await asyncio.sleep(0.005)


def test_pages_come_when_asked_and_load_all_gets_the_rest(demo: DemoServer) -> None:
    seen: list[int] = []

    async def script(controller: BrowseController, view: FakeBrowser) -> None:
        assert controller.list(f" {FOLDER_ID} ") == FOLDER_ID
        await settle(controller)
        seen.append(len(view.rows))
        controller.fetch_more()
        await settle(controller)
        seen.append(len(view.rows))
        controller.load_all()
        await settle(controller)
        seen.append(len(view.rows))

    view = browse(demo, script)
    assert seen == [50, 100, FOLDER_SIZE]
    assert not view.more
    assert not view.loading
    assert view.errors == []
    assert len(set(view.ids)) == FOLDER_SIZE


def test_a_malformed_folder_id_is_refused_without_a_request(demo: DemoServer) -> None:
    before = len(demo.requests)

    async def script(controller: BrowseController, view: FakeBrowser) -> None:
        assert controller.list("b1g/../../etc") is None
        await settle(controller)

    view = browse(demo, script)
    assert len(demo.requests) == before
    assert view.listings == []
    assert "'/'" in view.errors[0]


def test_an_empty_folder_says_so(demo: DemoServer) -> None:
    async def script(controller: BrowseController, view: FakeBrowser) -> None:
        controller.list(EMPTY_FOLDER_ID)
        await settle(controller)

    view = browse(demo, script)
    assert view.rows == []
    assert view.notes == [f"No images in folder {EMPTY_FOLDER_ID}."]


def test_a_garbage_page_keeps_the_rows_shown_and_can_be_retried(demo: DemoServer) -> None:
    folder = "b1gbrowsegarbage"
    demo.put_raw_page(folder, "", 200, page_bytes([image_body("e3va", folder, "a")], "p2"))
    demo.put_raw_page(folder, "p2", 200, b'{"desktopImages": "nonsense"}')
    kept: list[list[str | None]] = []

    async def script(controller: BrowseController, view: FakeBrowser) -> None:
        controller.list(folder)
        await settle(controller)
        controller.load_all()
        await settle(controller)
        kept.append(view.ids)
        demo.put_raw_page(folder, "p2", 200, page_bytes([image_body("e3vb", folder, "b")]))
        controller.fetch_more()
        await settle(controller)

    view = browse(demo, script)
    assert kept == [["e3va"]]
    assert "not a page of desktop images" in view.errors[0]
    assert view.ids == ["e3va", "e3vb"]
    assert not view.more


def test_a_repeated_token_shows_the_pages_and_a_note(demo: DemoServer) -> None:
    folder = "b1gbrowserepeats"
    demo.put_raw_page(folder, "", 200, page_bytes([image_body("e3va", folder, "a")], "same"))
    demo.put_raw_page(folder, "same", 200, page_bytes([image_body("e3vb", folder, "b")], "same"))

    async def script(controller: BrowseController, view: FakeBrowser) -> None:
        controller.list(folder)
        controller.load_all()
        await settle(controller)

    view = browse(demo, script)
    assert view.ids == ["e3va", "e3vb"]
    assert not view.more
    assert "again" in view.notes[0]


def test_a_refused_token_restarts_with_a_note() -> None:
    with DemoServer() as server:

        async def script(controller: BrowseController, view: FakeBrowser) -> None:
            controller.list(FOLDER_ID)
            await settle(controller)
            controller.fetch_more()
            await settle(controller)
            server.expire_page_tokens()
            controller.fetch_more()
            await settle(controller)

        view = browse(server, script)
    assert len(view.rows) == 50
    assert view.more
    assert "started again from the first page" in view.notes[0]
    assert view.errors == []


def slow_folders(delays: dict[str, float]) -> httpx.MockTransport:
    async def handler(request: httpx.Request) -> httpx.Response:
        folder = request.url.params["folderId"]
        await asyncio.sleep(delays.get(folder, 0))
        return httpx.Response(200, content=page_bytes([image_body(f"e3v{folder}", folder, "x")]))

    return httpx.MockTransport(handler)


def test_a_new_listing_wins_even_if_the_old_one_answers_later() -> None:
    view = FakeBrowser()

    async def main() -> None:
        transport = slow_folders({"b1gslow": 0.3, "b1gfast": 0.01})
        async with httpx.AsyncClient(transport=transport) as http:
            client = ImageClient(http, parse_endpoint("https://api.example"), static_token(None))
            controller = BrowseController(client, view)
            controller.list("b1gslow")
            await asyncio.sleep(0.02)
            controller.list("b1gfast")
            await asyncio.sleep(0.5)
            await controller.aclose()

    asyncio.run(main())
    assert view.ids == ["e3vb1gfast"]


def test_stop_keeps_the_rows_and_paging_resumes(demo: DemoServer) -> None:
    async def script(controller: BrowseController, view: FakeBrowser) -> None:
        controller.list(FOLDER_ID)
        await settle(controller)
        controller.fetch_more()
        controller.stop()
        assert not view.loading
        await asyncio.sleep(0.05)
        assert len(view.rows) == 50
        controller.load_all()
        await settle(controller)

    view = browse(demo, script)
    assert len(set(view.ids)) == FOLDER_SIZE


# -- the remembered folder -----------------------------------------------------------------------


def test_the_folder_is_remembered_per_profile(isolated_home: Path) -> None:
    demo_key = connection_key("default", demo=True)
    real_key = connection_key("default", demo=False)
    assert load_folder_id(demo_key) == ""
    save_folder_id(demo_key, "b1gdemo")
    save_folder_id(real_key, "b1greal")
    assert load_folder_id(connection_key("work", demo=True)) == "b1gdemo"
    assert load_folder_id(real_key) == "b1greal"
    assert load_folder_id(connection_key("work", demo=False)) == ""
    assert settings_path().is_relative_to(isolated_home)
    assert json.loads(settings_path().read_text(encoding="utf-8"))["folders"] == {
        "demo": "b1gdemo",
        "profile:default": "b1greal",
    }


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"folders": ["x"]}', "\udcff"])
def test_a_broken_settings_file_is_ignored_and_replaced(content: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True)
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert load_folder_id("demo") == ""
    save_folder_id("demo", "b1gfresh")
    assert load_folder_id("demo") == "b1gfresh"
