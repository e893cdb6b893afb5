"""``list FOLDER_ID`` and ``get --folder --name`` as a user runs them, against 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from inspector.demo.data import EMPTY_FOLDER_ID, FOLDER_ID
from inspector.demo.server import DemoServer

FOLDER_SIZE = 120


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        yield demo


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "inspector", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
        timeout=60,
        check=False,
    )


def list_requests(server: DemoServer, folder_id: str) -> list[dict[str, list[str]]]:
    found = []
    for request in server.requests:
        parts = urlsplit(request.path)
        params = parse_qs(parts.query)
        if parts.path == "/cloud-desktop/v1/images" and params.get("folderId") == [folder_id]:
            found.append(params)
    return found


def page(images: list[dict[str, object]], token: str | None = None) -> bytes:
    body: dict[str, object] = {"desktopImages": images}
    if token:
        body["nextPageToken"] = token
    return json.dumps(body).encode()


def image(image_id: str, folder_id: str, name: str) -> dict[str, object]:
    return {"id": image_id, "folderId": folder_id, "name": name, "status": "ACTIVE"}


def data_rows(stdout: str) -> list[str]:
    return stdout.splitlines()[1:]


def test_list_prints_every_page_as_a_table(server: DemoServer) -> None:
    result = run_cli("list", FOLDER_ID, "--endpoint", server.base_url, "--page-size", "50")
    assert result.returncode == 0, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split()[:3] == ["ID", "Name", "Status"]
    assert len(rows) == FOLDER_SIZE
    active = next(row for row in rows if row.startswith("e3vdemoactive0000001"))
    assert "ubuntu-22-04-office" in active
    assert "20 GiB" in active
    assert "60 GiB" in active
    assert "ago" in active
    assert any("ARCHIVED (unknown)" in row for row in rows)
    assert f"{FOLDER_SIZE} images in folder {FOLDER_ID}." in result.stderr
    assert len(list_requests(server, FOLDER_ID)) >= 3


def test_list_json_lines_are_the_images_as_sent(server: DemoServer) -> None:
    result = run_cli("--demo", "list", FOLDER_ID, "-o", "jsonl")
    assert result.returncode == 0, result.stderr
    images = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(images) == FOLDER_SIZE
    assert len({item["id"] for item in images}) == FOLDER_SIZE
    huge = next(item for item in images if item["id"] == "e3vdemohugesizes0001")
    assert huge["storageSize"] == "9007199254740993"
    assert huge["createdAt"] == "2026-09-09T09:09:09.000000001Z"
    extra = next(item for item in images if item["id"] == "e3vdemoextrafields01")
    assert extra["osInfo"] == {"family": "windows", "version": "11"}


def test_list_orders_and_filters_on_the_server(server: DemoServer) -> None:
    ordered = run_cli("list", FOLDER_ID, "--endpoint", server.base_url, "--order-by", "name desc")
    assert ordered.returncode == 0, ordered.stderr
    names = [row.split()[1] for row in data_rows(ordered.stdout)]
    assert names == sorted(names, reverse=True)
    named = run_cli("list", FOLDER_ID, "--endpoint", server.base_url, "--name", "huge-sizes")
    assert named.returncode == 0, named.stderr
    assert [row.split()[0] for row in data_rows(named.stdout)] == ["e3vdemohugesizes0001"]


def test_a_name_with_quotes_and_backslashes_stays_one_filter(server: DemoServer) -> None:
    name = 'x" OR name!="y\\'
    result = run_cli("list", FOLDER_ID, "--endpoint", server.base_url, "--name", name)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert "No images in folder" in result.stderr
    sent = [params["filter"] for params in list_requests(server, FOLDER_ID) if "filter" in params]
    assert ['name="x\\" OR name!=\\"y\\\\"'] in sent


def test_an_empty_folder_says_so(server: DemoServer) -> None:
    result = run_cli("list", EMPTY_FOLDER_ID, "--endpoint", server.base_url)
    assert result.returncode == 0
    assert result.stdout == ""
    assert f"No images in folder {EMPTY_FOLDER_ID}." in result.stderr


@pytest.mark.parametrize("folder_id", ["b1g/../secret", "b1g folder", "b1g?x=1", "x" * 51, " "])
def test_a_malformed_folder_id_is_refused_before_any_request(
    server: DemoServer, folder_id: str
) -> None:
    before = len(server.requests)
    result = run_cli("list", folder_id, "--endpoint", server.base_url)
    assert result.returncode == 2
    assert "folder ID" in result.stderr
    assert len(server.requests) == before


def test_bad_order_or_page_size_is_usage(server: DemoServer) -> None:
    before = len(server.requests)
    order = run_cli("list", FOLDER_ID, "--endpoint", server.base_url, "--order-by", "size")
    size = run_cli("list", FOLDER_ID, "--endpoint", server.base_url, "--page-size", "0")
    assert (order.returncode, size.returncode) == (2, 2)
    assert "name, createdAt, status" in order.stderr
    assert "--page-size" in size.stderr
    assert len(server.requests) == before


def test_a_repeated_page_token_stops_with_the_rows_printed(server: DemoServer) -> None:
    folder = "b1gclirepeats"
    server.put_raw_page(folder, "", 200, page([image("e3va", folder, "alpha")], "loop"))
    server.put_raw_page(folder, "loop", 200, page([image("e3vb", folder, "beta")], "loop"))
    result = run_cli("list", folder, "--endpoint", server.base_url)
    assert result.returncode == 1
    assert [row.split()[0] for row in data_rows(result.stdout)] == ["e3va", "e3vb"]
    assert "could not be followed to its end" in result.stderr
    assert "'loop' again" in result.stderr
    assert len(list_requests(server, folder)) == 2


def test_a_garbage_page_keeps_the_lines_already_printed(server: DemoServer) -> None:
    folder = "b1ggarbagecli"
    server.put_raw_page(folder, "", 200, page([image("e3va", folder, "alpha")], "p2"))
    server.put_raw_page(folder, "p2", 200, b"<html><h1>Welcome to the proxy</h1></html>")
    result = run_cli("list", folder, "--endpoint", server.base_url, "-o", "jsonl")
    assert result.returncode == 1
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["e3va"]
    assert "The answer is not a page of desktop images" in result.stderr
    assert "HTML" in result.stderr
    assert "x-client-request-id" in result.stderr


@pytest.mark.parametrize("output", ["table", "jsonl"])
def test_one_unreadable_image_is_a_row_with_its_error_and_the_others_stay(
    server: DemoServer, output: str
) -> None:
    folder = f"b1gbadimage{output}"
    bad: dict[str, object] = {"id": "e3vbad", "storageSize": "12GB"}
    images = [image("e3va", folder, "alpha"), bad, image("e3vc", folder, "gamma")]
    server.put_raw_page(folder, "", 200, page(images))
    result = run_cli("list", folder, "--endpoint", server.base_url, "-o", output)
    assert result.returncode == 1
    assert "1 image could not be read; its row says why." in result.stderr
    if output == "jsonl":
        assert [json.loads(line) for line in result.stdout.splitlines()] == images
        return
    rows = data_rows(result.stdout)
    assert [row.split()[0] for row in rows] == ["e3va", "e3vbad", "e3vc"]
    assert "cannot read this image: storageSize: expected an int64" in rows[1]
    assert "unreadable" in rows[1]
    assert "ACTIVE" in rows[0] and "ACTIVE" in rows[2]


def test_a_refused_page_token_restarts_once_with_a_note(server: DemoServer) -> None:
    folder = "b1gclirefuses"
    refused = json.dumps({"code": 3, "message": "Invalid page token"}).encode()
    server.put_raw_page(folder, "", 200, page([image("e3va", folder, "alpha")], "stale"))
    server.put_raw_page(folder, "stale", 400, refused)
    result = run_cli("list", folder, "--endpoint", server.base_url, "-o", "jsonl")
    assert result.returncode == 1
    assert "note: The server refused the page token" in result.stderr
    assert "400 Bad Request" in result.stderr
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["e3va"]
    tokens = [params.get("pageToken") for params in list_requests(server, folder)]
    assert tokens == [None, ["stale"], None, ["stale"]]


# -- get --folder --name -------------------------------------------------------------------------


def test_get_by_name_fetches_the_one_image(server: DemoServer) -> None:
    result = run_cli(
        "get", "--folder", FOLDER_ID, "--name", "huge-sizes", "--endpoint", server.base_url
    )
    assert result.returncode == 0, result.stderr
    assert "e3vdemohugesizes0001" in result.stdout
    assert "9,007,199,254,740,993 bytes" in result.stdout
    assert "Labels (1)" in result.stdout


def test_get_by_name_with_several_matches_lists_them(server: DemoServer) -> None:
    folder = "b1gtwins"
    server.put_image("e3vtwinone", image(folder_id=folder, image_id="e3vtwinone", name="twin"))
    server.put_image("e3vtwintwo", image(folder_id=folder, image_id="e3vtwintwo", name="twin"))
    result = run_cli("get", "--folder", folder, "--name", "twin", "--endpoint", server.base_url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "2 images are named 'twin'" in result.stderr
    assert "e3vtwinone" in result.stderr
    assert "e3vtwintwo" in result.stderr
    assert "get IMAGE_ID" in result.stderr


def test_get_by_name_with_no_match_offers_close_names(server: DemoServer) -> None:
    result = run_cli(
        "get", "--folder", FOLDER_ID, "--name", "ubuntu-22-04", "--endpoint", server.base_url
    )
    assert result.returncode == 1
    assert "No image is named 'ubuntu-22-04'" in result.stderr
    assert "ubuntu-22-04-office" in result.stderr
    assert f"list {FOLDER_ID}" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["get", "--folder", "b1g/x", "--name", "n"], "folder ID contains '/'"),
        (["get", "--folder", FOLDER_ID, "--name", " "], "the name is empty"),
        (["get", "--folder", FOLDER_ID, "--name", "a\tb"], "control character"),
        (["get", "--folder", FOLDER_ID], "--folder and --name go together"),
        (["get", "--name", "x"], "--folder and --name go together"),
        (["get", "e3vdemoactive0000001", "--folder", FOLDER_ID, "--name", "x"], "not both"),
        (["get"], "give an IMAGE_ID"),
    ],
)
def test_get_by_name_refuses_bad_input_before_any_request(
    server: DemoServer, args: list[str], message: str
) -> None:
    before = len(server.requests)
    result = run_cli(*args, "--endpoint", server.base_url)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(server.requests) == before
