"""The aids on the command line, as an operator runs them: ``get --save``, ``show``, ``diff``,
``--check`` with a label policy, ``list -o csv`` and ``list``'s retry notices; against the demo
API and fault servers on 127.0.0.1."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.demo.data import FOLDER_ID
from inspector.demo.server import DemoServer
from tests.integration.fault_server import (
    FaultServer,
    answer,
    reset_before_headers,
    sequence,
    status_body,
)

ACTIVE = "e3vdemoactive0000001"
CREATING = "e3vdemocreating00001"
FAILING = "e3vfault503000000001"
FOLDER_SIZE = 120
POLICY = """\
[labels.owner]
required = true
[labels.env]
allowed = ["prod", "test", "dev"]
[labels.cost-center]
required = true
pattern = "^cc-[0-9]{4}$"          # the whole value must match
message = "every image is billed to a cost centre"
[labels.tmp]
forbidden = true
"""


@pytest.fixture(scope="module")
def demo() -> Iterator[DemoServer]:
    with DemoServer() as server:
        yield server


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "inspector", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})},
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


# -- failed calls saved for support -----------------------------------------------------------


def test_a_failed_call_is_saved_with_every_attempt_and_shown_offline(tmp_path: Path) -> None:
    cookie = ("Set-Cookie", "session=COOKIESECRET; HttpOnly")
    big_body = json.dumps({"code": 14, "message": "down", "pad": "x" * 100_000}).encode()
    faults = {
        FAILING: sequence(
            answer(503, status_body(14, "busy"), headers=[("x-request-id", "srv-1"), cookie]),
            reset_before_headers(),
            answer(503, big_body, headers=[("x-request-id", "srv-3"), cookie]),
        )
    }
    bundle = tmp_path / "failed.inspector.json"
    with FaultServer(faults) as server:
        result = run_cli(
            "get", FAILING, "--endpoint", server.base_url, "--save", str(bundle),
            env={"YC_IAM_TOKEN": "TOKENSECRET0123456789"},
        )  # fmt: skip
    assert result.returncode == 1
    assert "saved a support bundle" in result.stderr
    assert stat.S_IMODE(bundle.stat().st_mode) == 0o600
    text = bundle.read_text(encoding="utf-8")
    assert "TOKENSECRET0123456789" not in text
    assert "COOKIESECRET" not in text
    data = json.loads(text)
    assert data["version"] == 2
    assert data["outcome"] == "failure"
    attempts = data["attempts"]
    assert [a["status"] for a in attempts] == [503, None, 503]
    assert attempts[1]["error"]
    ids = [a["requestIds"]["x-client-request-id"] for a in attempts]
    assert len(set(ids)) == 3
    assert attempts[0]["requestIds"]["x-request-id"] == "srv-1"
    assert [a["waitSeconds"] is None for a in attempts] == [False, False, True]
    assert all(a["elapsedMs"] > 0 for a in attempts)
    response = data["response"]
    assert response["status"] == 503
    assert response["bodyBytes"] == len(big_body)
    assert response["bodyTruncated"] is True
    assert len(response["body"].encode()) == 64 * 1024
    assert ["set-cookie", "[removed]"] in response["headers"]
    assert data["error"]["httpStatus"] == "503 Service Unavailable"

    shown = run_cli("show", str(bundle))
    assert shown.returncode == 1
    assert "OFFLINE" in shown.stderr
    assert "error: The API failed to answer (HTTP 503)" in shown.stderr
    for number, client_id in enumerate(ids, start=1):
        line = next(x for x in shown.stderr.splitlines() if f"attempt {number}:" in x)
        assert client_id in line
    assert "srv-3" in shown.stderr


def test_a_successful_call_is_saved_and_shown_like_get(demo: DemoServer, tmp_path: Path) -> None:
    bundle = tmp_path / "ok.inspector.json"
    live = run_cli("get", ACTIVE, "--endpoint", demo.base_url, "--save", str(bundle))
    assert live.returncode == 0, live.stderr
    assert json.loads(bundle.read_text(encoding="utf-8"))["outcome"] == "success"
    shown = run_cli("show", str(bundle))
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.split("Created")[0] == live.stdout.split("Created")[0]
    assert "OFFLINE" in shown.stderr
    exact = run_cli("get", ACTIVE, "--endpoint", demo.base_url, "-o", "json")
    assert run_cli("show", str(bundle), "-o", "json").stdout.strip() == exact.stdout.strip()


def test_show_refuses_a_file_that_is_not_one(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run_cli("show", str(broken))
    assert result.returncode == 2
    assert "broken.json" in result.stderr


FAILED_BUNDLE = '{"format": "cloud-desktop-inspector/support-bundle", "version": 2, ' + (
    '"outcome": "failure", "capturedAt": "2025-01-01T00:00:00Z", "error": {"title": "x"}}'
)
# Words a reason quotes rather than says: names of an API method, a command and a field.
QUOTED = ("DesktopImageService.List", "`yc desktops image get ID --format json`", "'attempts'")


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"<!DOCTYPE html><html><body>Bad Gateway</body></html>",
        b'{"id": "x"}\x00',
        b'{"desktopImages": []}',
        b'{"format": "cloud-desktop-inspector/support-bundle", "version": 9}',
        FAILED_BUNDLE.encode(),
    ],
    ids=["empty", "html", "binary", "listing", "newer-bundle", "failed-call-without-attempts"],
)
def test_show_says_why_a_file_is_not_one_in_russian(tmp_path: Path, content: bytes) -> None:
    broken = tmp_path / "broken.json"
    broken.write_bytes(content)
    result = run_cli("show", str(broken), "--lang", "ru")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith(f"ошибка: не удалось открыть {broken}: "), line
    said = line.replace(str(broken), "")
    for quoted in QUOTED:
        said = said.replace(quoted, "")
    assert re.findall(r"[A-Za-z]*[a-z]{3,}[A-Za-z]*", said) == [], line


# -- diff ------------------------------------------------------------------------------------


def test_diff_of_two_live_images_exits_1_and_lists_the_differences(demo: DemoServer) -> None:
    result = run_cli("diff", ACTIVE, CREATING, "--endpoint", demo.base_url)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert any(x.startswith("~") and "Status" in x and "CREATING" in x for x in lines)
    assert any(x.startswith("-") and "label owner" in x for x in lines)
    assert any("21,474,836,480 bytes" in x for x in lines)
    data = json.loads(run_cli("diff", ACTIVE, CREATING, "--demo", "-o", "json").stdout)
    assert data["equal"] is False
    status = next(d for d in data["differences"] if d["key"] == "status")
    assert (status["left"], status["right"], status["change"]) == ("ACTIVE", "CREATING", "changed")


def test_diff_of_an_image_and_its_bundle_exits_0(demo: DemoServer, tmp_path: Path) -> None:
    bundle = tmp_path / "a.inspector.json"
    run_cli("get", ACTIVE, "--endpoint", demo.base_url, "--save", str(bundle))
    result = run_cli("diff", str(bundle), ACTIVE, "--endpoint", demo.base_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("No differences")


@pytest.mark.parametrize(
    "args",
    [
        ("diff", ACTIVE),
        ("diff", "bad id!", ACTIVE, "--demo"),
        ("diff", "missing/file.json", ACTIVE, "--demo"),
        ("diff", "e3vdemoerror40400001", ACTIVE, "--demo"),
    ],
)
def test_diff_trouble_exits_2(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert result.stderr


# -- label policy --------------------------------------------------------------------------


def test_list_check_prints_each_violation_and_exits_1(
    demo: DemoServer, tmp_path: Path, isolated_home: Path
) -> None:
    policy = isolated_home / ".config" / "cloud-desktop-inspector" / "policy.toml"
    policy.parent.mkdir(parents=True, exist_ok=True)
    policy.write_text(POLICY, encoding="utf-8")
    result = run_cli("list", FOLDER_ID, "--check", "--endpoint", demo.base_url)
    assert result.returncode == 1, result.stderr
    header, *rows = result.stdout.splitlines()
    assert header.split() == ["image", "key", "rule", "message"]
    env_row = next(row for row in rows if row.startswith(ACTIVE))
    assert env_row.split()[1:3] == ["env", "allowed"]
    assert "'production' is not one of: prod, test, dev" in env_row
    assert any("required" in row and "every image is billed" in row for row in rows)


def test_get_check_exits_0_when_the_image_complies(demo: DemoServer, tmp_path: Path) -> None:
    policy = tmp_path / "p.toml"
    policy.write_text('[labels.owner]\nrequired = true\npattern = "p-[a-z]+"\n', encoding="utf-8")
    before = run_cli("--policy", str(policy), "get", ACTIVE, "--check", "--demo")
    after = run_cli("get", ACTIVE, "--check", "--demo", "--policy", str(policy))
    for result in (before, after):
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        assert "No policy violations." in result.stderr


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("[labels.owner]\nrequired = yes\n", "line 2"),
        ("[labels.owner]\nrequird = true\n", "labels.owner.requird"),
        ('[labels.cc]\npattern = "cc-[0-9"\n', "labels.cc.pattern"),
        ("[labels.env]\nallowed = [1, 2]\n", "labels.env.allowed"),
        ("[rules]\nx = 1\n", "rules"),
    ],
)
def test_a_broken_policy_is_a_clear_usage_error(tmp_path: Path, text: str, named: str) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text(text, encoding="utf-8")
    result = run_cli("get", ACTIVE, "--check", "--demo", "--policy", str(policy))
    assert result.returncode == 2
    assert named in result.stderr
    assert "policy.toml" in result.stderr


def test_check_without_any_policy_says_where_to_put_one() -> None:
    result = run_cli("get", ACTIVE, "--check", "--demo")
    assert result.returncode == 2
    assert "policy.toml" in result.stderr


# -- list as CSV, list retries --------------------------------------------------------------


def test_list_as_csv_is_rfc_4180_with_bytes_and_labels_as_json(demo: DemoServer) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "list", FOLDER_ID, "-o", "csv",
         "--endpoint", demo.base_url],
        capture_output=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    raw = result.stdout.decode("utf-8")
    assert raw.count("\r\n") == FOLDER_SIZE + 1  # CRLF after every row, as RFC 4180 says
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert len(rows) == FOLDER_SIZE
    active = next(row for row in rows if row["id"] == ACTIVE)
    assert active["storageSize"] == "21474836480"
    assert json.loads(active["labels"])["env"] == "production"
    assert active["createdAt"] == "2026-11-20T09:15:42.123456789Z"


def test_list_prints_its_retry_notices_on_stderr() -> None:
    page = json.dumps({"desktopImages": [{"id": "e3vlisted00000000001", "name": 'a "b", c'}]})

    faults = sequence(answer(503, status_body(14, "busy")), answer(200, page.encode()))
    with FaultServer(fallback=lambda request: faults) as server:
        result = run_cli("list", "b1gfaultfolder000001", "-o", "csv", "--endpoint", server.base_url)
    assert result.returncode == 0, result.stderr
    assert "retrying in" in result.stderr
    assert "(attempt 2 of 3): HTTP 503" in result.stderr
    (row,) = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert row["name"] == 'a "b", c'


def test_show_prints_a_body_saved_from_a_terminal_and_checks_it(
    demo: DemoServer, tmp_path: Path
) -> None:
    body = tmp_path / "image.json"
    exact = run_cli("get", ACTIVE, "--endpoint", demo.base_url, "-o", "json").stdout
    body.write_text(exact, encoding="utf-8")
    shown = run_cli("show", str(body))
    assert shown.returncode == 0, shown.stderr
    assert "ubuntu-22-04-office" in shown.stdout
    assert "plain body carries no capture time" in shown.stderr
    policy = tmp_path / "policy.toml"
    policy.write_text(POLICY, encoding="utf-8")
    checked = run_cli("show", str(body), "--check", "--policy", str(policy), "-o", "json")
    assert checked.returncode == 1
    (violation,) = [json.loads(line) for line in checked.stdout.splitlines()]
    assert violation == {
        "image": ACTIVE,
        "key": "env",
        "rule": "allowed",
        "message": "'production' is not one of: prod, test, dev",
    }
