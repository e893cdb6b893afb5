"""The window as a screen reader receives it: the real app under Xvfb with accessibility on,
read over AT-SPI with pyatspi, keys typed with xdotool.

Each session starts ``cloud-desktop-inspector --demo`` inside ``dbus-run-session`` with the
AT-SPI bus (``tests/atspi/session.py``); the system Python runs ``reader.py`` against it and
returns the accessibility tree, the Tab stops and the announcements as JSON. Skipped, with the
reason, where the system packages are missing or the bus does not start (``.ci/run`` installs
them as root: xvfb, at-spi2-core, dbus, python3-pyatspi, xdotool).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.atspi

HERE = Path(__file__).resolve().parent
ACTIVE = "e3vdemoactive0000001"
NOT_FOUND = "e3vdemoerror40400001"
UNAVAILABLE = "e3vdemoerror50300001"  # retried before it fails
FOLDER_ID = "b1gdemofolder0000001"
Node = dict[str, Any]


def missing_prerequisite() -> str | None:
    """Why AT-SPI cannot be tried on this machine, or None."""
    if not sys.platform.startswith("linux"):
        return "AT-SPI is Linux only"
    for tool in ("Xvfb", "dbus-run-session", "dbus-send", "xdotool"):
        if shutil.which(tool) is None:
            return f"{tool} is not installed (apt-get install xvfb dbus xdotool)"
    if not Path("/usr/libexec/at-spi-bus-launcher").exists():
        return "at-spi-bus-launcher is not installed (apt-get install at-spi2-core)"
    probe = subprocess.run(
        ["/usr/bin/python3", "-c", "import pyatspi"], capture_output=True, check=False
    )
    if probe.returncode != 0:
        return "the system Python has no pyatspi (apt-get install python3-pyatspi)"
    return None


def steps_for(
    image_id: str, state: str, *, tab: bool, announcements: int = 1
) -> list[dict[str, Any]]:
    """Go to the ID field, fetch ``image_id``, hear the result, read the tree, walk Tab."""
    steps: list[dict[str, Any]] = [
        {"do": "keys", "keys": ["ctrl+l"]},
        {"do": "type", "text": image_id},
        {"do": "forget_announcements"},
        {"do": "keys", "keys": ["Return"]},
        {"do": "wait_announcements", "seconds": 20, "count": announcements, "as": f"{state}_heard"},
        {"do": "dump", "as": f"{state}_tree"},
    ]
    if tab:
        steps += [
            {"do": "keys", "keys": ["ctrl+l"]},
            {"do": "tab_cycle", "max": 60, "as": f"{state}_tab"},
            {"do": "tab_cycle", "max": 60, "key": "shift+Tab", "as": f"{state}_backtab"},
        ]
    return steps


def run_session(tmp: Path, language: str, steps: list[dict[str, Any]]) -> dict[str, Any]:
    reason = missing_prerequisite()
    if reason:
        pytest.skip(reason)
    env = {
        **os.environ,
        "HOME": str(tmp),
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_STATE_HOME": str(tmp / "state"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
        "XDG_DATA_HOME": str(tmp / "data"),
        "TZ": "UTC",
    }
    app = [sys.executable, "-m", "inspector", "--demo", "--lang", language]
    all_steps = [{"do": "focus_window"}, *steps]
    done = subprocess.run(
        [
            *("dbus-run-session", "--", sys.executable, str(HERE / "session.py")),
            *(json.dumps(app), json.dumps(all_steps)),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    output = done.stdout.strip()
    if done.returncode != 0 or not output.startswith("{"):
        raise AssertionError(f"the AT-SPI session failed:\n{done.stdout}\n{done.stderr}")
    result: dict[str, Any] = json.loads(output)
    if "skip" in result:
        pytest.skip(str(result["skip"]))
    return result


@pytest.fixture(scope="module")
def heard(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """One English session: the demo image loaded, then the 404 error."""
    steps = [
        *steps_for(ACTIVE, "loaded", tab=True),
        *steps_for(NOT_FOUND, "error", tab=True),
        *steps_for(UNAVAILABLE, "retried", tab=False, announcements=3),
        {"do": "keys", "keys": ["ctrl+b"]},
        {"do": "type", "text": FOLDER_ID},
        {"do": "forget_announcements"},
        {"do": "keys", "keys": ["Return"]},
        {"do": "wait_announcements", "seconds": 10, "count": 1, "as": "listed_heard"},
    ]
    return run_session(tmp_path_factory.mktemp("atspi"), "en", steps)


def object_name(node: Node | None) -> str:
    """The widget's object name: the last part of the accessible ID Qt gives it."""
    assert node is not None, "nothing had the focus"
    return str(node["id"]).rsplit(".", 1)[-1]


def by_name(tree: list[Node], name: str) -> Node:
    """The widget ``name`` (a table's cells share its ID and come after it)."""
    found = [node for node in tree if object_name(node) == name and node["showing"]]
    assert found, name
    return found[0]


def said(node: Node) -> str:
    """What a screen reader says for a node: the labels it is labelled by, then its name."""
    return " ".join([*node["labelled_by"], node["name"]])


def spoken(node: Node) -> str:
    return f"[{node['role']}] {said(node)}"


LOADED_VALUES = {
    "idValue": "ID: e3vdemoactive0000001",
    "folderIdValue": "Folder ID: b1gdemofolder0000001",
    "nameValue": "Name: ubuntu-22-04-office",
    "statusBadge": "Status: ACTIVE, image is ready to use",
    "createdAtValue": "Created: 2026-11-20 09:15:42.123456789 +00:00 (UTC)",
    "storageSizeValue": "Storage size: 20 GiB",
    "storageSizeDetail": "Storage size in bytes: 21,474,836,480 bytes",
    "minDiskSizeValue": "Min disk size: 60 GiB",
    "minDiskSizeDetail": "Min disk size in bytes: 64,424,509,440 bytes",
}
LOADED_TAB = [
    "imageIdEdit",
    "fetchButton",
    "qt_tabwidget_tabbar",
    "resultCaption",
    "idValue",
    "folderIdValue",
    "nameValue",
    "descriptionValue",
    "statusBadge",
    "createdAtValue",
    "createdAtDetail",
    "storageSizeValue",
    "storageSizeDetail",
    "minDiskSizeValue",
    "minDiskSizeDetail",
    "labelsFilter",
    "copyLabelRowsButton",
    "copyAllLabelsButton",
    "labelsTable",
    "demoImageList",
    "imageIdEdit",
]
ERROR_TAB = [
    "imageIdEdit",
    "fetchButton",
    "errorTitle",
    "copyRequestIdsButton",
    "copyErrorButton",
    "dismissErrorButton",
    "httpStatusValue",
    "grpcCodeValue",
    "errorMessageValue",
    "errorDetailsValue",
    "clientRequestIdValue",
    "requestIdValue",
    "serverTraceIdValue",
    "errorHint",
    "qt_tabwidget_tabbar",
    "resultCaption",
    "demoImageList",
    "imageIdEdit",
]


def test_every_value_of_the_image_is_spoken_as_shown(heard: dict[str, Any]) -> None:
    tree = heard["loaded_tree"]
    for name, expected in LOADED_VALUES.items():
        assert said(by_name(tree, name)) == expected, name
    value = by_name(tree, "nameValue")  # the field said once: by the label, not the name
    assert (value["labelled_by"], value["name"]) == (["Name:"], "ubuntu-22-04-office")
    created = said(by_name(tree, "createdAtDetail"))
    assert re.fullmatch(
        r"Created, in UTC, and age: 2026-11-20 09:15:42\.123456789 UTC · .+", created
    )
    assert said(by_name(tree, "descriptionValue")).startswith("Description: Ubuntu 22.04 LTS")
    assert by_name(tree, "labelsTable")["row_headers"][:2] == ["backup", "cost-center"]


def test_the_error_is_an_alert_and_every_value_is_spoken(heard: dict[str, Any]) -> None:
    tree = heard["error_tree"]
    assert by_name(tree, "errorBanner")["role"] == "alert"
    assert by_name(tree, "errorTitle")["name"] == "The API refused the request (HTTP 404)"
    assert said(by_name(tree, "httpStatusValue")) == "HTTP status: 404 Not Found"
    assert said(by_name(tree, "grpcCodeValue")) == "gRPC code: 5 NOT_FOUND"
    assert said(by_name(tree, "errorMessageValue")) == (
        f"Message: Desktop image {NOT_FOUND} not found"
    )
    uuid = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    client_id = by_name(tree, "clientRequestIdValue")
    assert re.fullmatch(f"x-client-request-id: {uuid}", said(client_id))
    assert client_id["labelled_by"] == ["x-client-request-id:"]
    assert re.fullmatch(f"x-request-id: {uuid}", said(by_name(tree, "requestIdValue")))
    assert re.fullmatch(r"x-server-trace-id: \w+", said(by_name(tree, "serverTraceIdValue")))
    assert by_name(tree, "errorHint")["name"].startswith(
        "What to do: The image does not exist here"
    )


LOADED_TEXTS = {
    "idValue": "e3vdemoactive0000001",
    "folderIdValue": "b1gdemofolder0000001",
    "nameValue": "ubuntu-22-04-office",
    "createdAtValue": "2026-11-20 09:15:42.123456789 +00:00 (UTC)",
    "storageSizeValue": "20 GiB",
    "storageSizeDetail": "21,474,836,480 bytes",
    "minDiskSizeValue": "60 GiB",
    "minDiskSizeDetail": "64,424,509,440 bytes",
}


def test_every_value_of_the_image_reads_as_text(heard: dict[str, Any]) -> None:
    """A reader reads and moves through a value character by character with its Text."""
    tree = heard["loaded_tree"]
    for name, expected in LOADED_TEXTS.items():
        assert by_name(tree, name)["text"] == expected, name
    description = by_name(tree, "descriptionValue")
    assert description["text"] == description["name"]
    assert description["text"].startswith("Ubuntu 22.04 LTS")
    created = by_name(tree, "createdAtDetail")["text"]
    assert re.fullmatch(r"2026-11-20 09:15:42\.123456789 UTC · .+", created)


def test_every_value_of_the_error_reads_as_text(heard: dict[str, Any]) -> None:
    tree = heard["error_tree"]
    assert by_name(tree, "httpStatusValue")["text"] == "404 Not Found"
    assert by_name(tree, "grpcCodeValue")["text"] == "5 NOT_FOUND"
    message = by_name(tree, "errorMessageValue")["text"]
    assert message == f"Desktop image {NOT_FOUND} not found"
    uuid = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
    for name in ("clientRequestIdValue", "requestIdValue"):
        assert re.fullmatch(uuid, by_name(tree, name)["text"]), name
    request_id = by_name(tree, "requestIdValue")["text"]
    details = json.loads(by_name(tree, "errorDetailsValue")["text"])
    assert details["requestId"] == request_id
    trace = by_name(tree, "serverTraceIdValue")
    assert trace["text"] == trace["name"]
    assert re.fullmatch(r"\w+", trace["text"])


def test_the_result_of_a_fetch_is_announced(heard: dict[str, Any]) -> None:
    loaded = [entry["text"] for entry in heard["loaded_heard"]]
    assert "Loaded ubuntu-22-04-office. Status: ACTIVE, image is ready to use" in loaded
    error = [entry["text"] for entry in heard["error_heard"]]
    assert any(
        text.startswith(
            "The API refused the request (HTTP 404). What to do: The image does not exist"
        )
        for text in error
    ), error


def test_retries_and_the_end_of_a_listing_are_announced(heard: dict[str, Any]) -> None:
    retried = [entry["text"] for entry in heard["retried_heard"]]
    assert any(re.match(r"Retrying in \d+ s \(attempt \d of \d\)", text) for text in retried)
    assert "HTTP 503" in retried[-1], retried
    listed = [entry["text"] for entry in heard["listed_heard"]]
    assert any(
        re.fullmatch(r"\d+ images? loaded · (all loaded|more on the server)", text)
        for text in listed
    ), listed


@pytest.mark.parametrize(("state", "order"), [("loaded", LOADED_TAB), ("error", ERROR_TAB)])
def test_tab_walks_in_reading_order_and_comes_back_to_the_id(
    heard: dict[str, Any], state: str, order: list[str]
) -> None:
    assert [object_name(node) for node in heard[f"{state}_tab"]] == order
    assert [object_name(node) for node in heard[f"{state}_backtab"]] == order[::-1]
    assert all(node["showing"] for node in heard[f"{state}_tab"])


def controls(tree: list[Node]) -> Iterator[Node]:
    """What a person can reach or press: focusable and showing, plus buttons and menus."""
    for node in tree:
        interactive = node["focusable"] or node["role"] in ("push button", "menu item")
        if node["showing"] and interactive:
            yield node


@pytest.mark.parametrize("state", ["loaded", "error"])
def test_no_showing_control_is_nameless(heard: dict[str, Any], state: str) -> None:
    tree = heard[f"{state}_tree"]
    nameless = [f"{node['role']} {node['id']}" for node in controls(tree) if not node["name"]]
    assert nameless == []
    assert [
        n["role"] for n in tree if n["showing"] and n["role"] == "layered pane" and not n["name"]
    ] == []
    frame = next(node for node in tree if node["role"] == "frame")
    assert frame["name"].count("Cloud Desktop Image Inspector") == 1


def test_russian_names_and_announcements(tmp_path: Path) -> None:
    heard = run_session(tmp_path, "ru", steps_for(ACTIVE, "loaded", tab=False))
    tree = heard["loaded_tree"]
    assert said(by_name(tree, "nameValue")) == "Имя: ubuntu-22-04-office"
    assert said(by_name(tree, "statusBadge")) == "Статус: ACTIVE, образ готов к использованию"
    assert said(by_name(tree, "storageSizeValue")) == "Размер в хранилище: 20 ГиБ"
    loaded = [entry["text"] for entry in heard["loaded_heard"]]
    assert "Загружен ubuntu-22-04-office. Статус: ACTIVE, образ готов к использованию" in loaded


def test_transcript(heard: dict[str, Any]) -> None:
    """What a screen reader receives, printed for people (``pytest -rP`` shows it)."""
    for state in ("loaded", "error"):
        print(f"== {state}: announced")
        for entry in heard[f"{state}_heard"]:
            print(f"  {entry['text']}")
        print(f"== {state}: values")
        for node in heard[f"{state}_tree"]:
            if node["showing"] and node["role"] in ("label", "text", "alert") and said(node):
                print(f"  {spoken(node)}")
        print(f"== {state}: Tab order")
        for node in heard[f"{state}_tab"]:
            print(f"  {object_name(node)}: {spoken(node)}")
    for state in ("retried", "listed"):
        print(f"== {state}: announced")
        for entry in heard[f"{state}_heard"]:
            print(f"  {entry['text']}")
    assert heard["loaded_tab"]
