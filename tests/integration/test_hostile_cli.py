"""Hostile servers and hostile local files against the command line, as a user runs it.

Each case is one subprocess of the real CLI against a loopback server on 127.0.0.1 (or a
damaged file in the test's own config folder). What is checked is what the user gets: the exit
code, one clear sentence naming the problem, never a traceback, never a hang, never a secret,
and on a terminal never a raw control character from the body.
"""

from __future__ import annotations

import json
import os
import pty
import select
import stat
import subprocess
import sys
import time
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.api.errors import RedirectError
from inspector.config.logs import LOG_FILE_NAME
from tests.integration.fault_server import FaultServer, answer, image_body, redirect
from tests.integration.test_faults import fetch

ID = "e3vhostilecli0000001"
FOLDER = "b1ghostilefolder0001"
TOKEN = "t1.9euelZqHOSTILEcliTOKEN0123.signatureHOSTILE-_xyz"
COOKIE = "session=COOKIE-VALUE-never-in-a-log"
# JSON allows a raw CR as whitespace; a C1 CSI and a bidi override are legal inside strings.
TRICKY_BODY = (
    b'{"id":"' + ID.encode() + b'",\r"status":"DELETING",'
    b'"name":"\xc2\x9b2K\xe2\x80\xaeevil","folderId":"' + FOLDER.encode() + b'"}'
)


def run_cli(*args: str | bytes, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "YC_IAM_TOKEN": TOKEN}
    return subprocess.run(
        [sys.executable, "-m", "inspector", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        errors="replace",
        env=env,
        timeout=timeout,
        check=False,
    )


def run_on_terminal(*args: str) -> tuple[int, bytes]:
    """Run the CLI with its stdout on a pseudo-terminal in raw mode (no CR added to LF)."""
    leader, follower = pty.openpty()
    tty.setraw(follower)
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "YC_IAM_TOKEN": TOKEN}
    process = subprocess.Popen(
        [sys.executable, "-m", "inspector", *args],
        stdout=follower,
        stderr=subprocess.DEVNULL,
        env=env,
    )
    os.close(follower)
    output = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([leader], [], [], 0.1)
        if ready:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the process is done
                break
            if not chunk:
                break
            output += chunk
        elif process.poll() is not None:
            break
    os.close(leader)
    return process.wait(timeout=10), output


def no_traceback(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr
    assert "Error:" not in result.stderr.replace("error:", "")


@pytest.fixture
def server() -> Iterator[FaultServer]:
    with FaultServer() as fault_server:
        yield fault_server


def config(home: Path) -> Path:
    folder = home / ".config" / "cloud-desktop-inspector"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# -- hostile servers ---------------------------------------------------------------------------


def test_a_name_that_cannot_be_encoded_is_refused_with_exit_2(server: FaultServer) -> None:
    for command in ("list", "get"):
        args: list[str | bytes] = [command, "--endpoint", server.base_url]
        args += [FOLDER] if command == "list" else ["--folder", FOLDER]
        result = run_cli(*args, b"--name", b"bad\xffname")
        assert result.returncode == 2, result.stderr
        assert "the name is not valid text" in result.stderr
        no_traceback(result)
    assert server.requests == []


def test_a_page_token_that_cannot_be_sent_back_is_exit_1_with_request_ids(
    server: FaultServer,
) -> None:
    page = b'{"desktopImages":[],"nextPageToken":"\\ud800"}'
    server.faults[""] = answer(200, page, headers=[("x-request-id", "req-hostile-token")])
    result = run_cli("list", FOLDER, "--endpoint", server.base_url)
    assert result.returncode == 1, result.stderr
    assert "the next page's token cannot be sent back" in result.stderr
    assert "req-hostile-token" in result.stderr
    assert "x-client-request-id" in result.stderr
    no_traceback(result)


@pytest.mark.parametrize("location", ["http://[::1", "http://[not-a-host/"])
def test_an_unparsable_location_is_a_redirect_error_and_not_retried(
    server: FaultServer, location: str
) -> None:
    server.faults[ID] = redirect(location)
    seen = fetch(server.base_url, ID)
    assert isinstance(seen.error, RedirectError)
    assert seen.notices == []  # no retry
    assert server.hits(ID) == 1
    assert seen.lines[0] == (
        "error: The server redirected the request to an address that is not a valid URL"
    )
    result = run_cli("get", ID, "--endpoint", server.base_url)
    assert result.returncode == 1
    assert "not a valid URL" in result.stderr
    assert "broke" not in result.stderr
    no_traceback(result)


def test_get_json_on_a_terminal_escapes_control_characters(server: FaultServer) -> None:
    server.faults[ID] = answer(200, TRICKY_BODY)
    code, shown = run_on_terminal("get", ID, "--endpoint", server.base_url, "-o", "json")
    assert code == 0
    assert b"\r" not in shown
    assert b"\xc2\x9b" not in shown
    assert "\u202e".encode() not in shown
    text = shown.decode("utf-8")
    assert '\\x0d"status":"DELETING"' in text
    assert "\\x9b2K\\u202eevil" in text


def test_get_json_to_a_pipe_keeps_the_bytes_exact(server: FaultServer) -> None:
    server.faults[ID] = answer(200, TRICKY_BODY)
    env = {**os.environ, "YC_IAM_TOKEN": TOKEN}
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "get", ID, "--endpoint", server.base_url, "-o", "json"],
        capture_output=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == TRICKY_BODY


def test_list_json_lines_on_a_terminal_escape_control_characters(server: FaultServer) -> None:
    item = TRICKY_BODY.replace(b"\r", b" ")
    server.faults[""] = answer(200, b'{"desktopImages":[' + item + b"]}")
    code, shown = run_on_terminal("list", FOLDER, "--endpoint", server.base_url, "-o", "jsonl")
    assert code == 0
    assert b"\xc2\x9b" not in shown
    assert "\u202e".encode() not in shown
    assert "\\u009b2K\\u202eevil" in shown.decode("utf-8")


def test_debug_logs_never_hold_a_cookie_or_the_token_and_are_private(
    server: FaultServer, isolated_home: Path
) -> None:
    server.faults[ID] = answer(
        200, image_body(ID), headers=[("Set-Cookie", COOKIE), ("x-request-id", "r-log")]
    )
    result = run_cli("get", ID, "--endpoint", server.base_url, "--log-level", "debug")
    assert result.returncode == 0, result.stderr
    folder = isolated_home / ".local" / "state" / "cloud-desktop-inspector" / "log"
    log = folder / LOG_FILE_NAME
    text = log.read_text(encoding="utf-8")
    assert "receive_response_headers.complete [values not logged]" in text  # debug was on
    for where in (text, result.stderr):
        assert "COOKIE-VALUE" not in where
        assert TOKEN not in where
        assert TOKEN[10:30] not in where
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(log.stat().st_mode) == 0o600


def test_an_old_world_readable_log_is_made_private(
    server: FaultServer, isolated_home: Path
) -> None:
    folder = isolated_home / ".local" / "state" / "cloud-desktop-inspector" / "log"
    folder.mkdir(parents=True, mode=0o755)
    log = folder / LOG_FILE_NAME
    log.write_text("old line\n", encoding="utf-8")
    log.chmod(0o644)
    server.faults[ID] = answer(200, image_body(ID))
    result = run_cli("get", ID, "--endpoint", server.base_url, "--log-level", "debug")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(log.stat().st_mode) == 0o600
    assert log.read_text(encoding="utf-8").startswith("old line\n")


# -- hostile local files -------------------------------------------------------------------------


def test_a_fifo_token_file_is_refused_without_hanging(server: FaultServer, tmp_path: Path) -> None:
    fifo = tmp_path / "token"
    os.mkfifo(fifo)
    result = run_cli(
        "get", ID, "--endpoint", server.base_url, "--token-file", str(fifo), timeout=30
    )
    assert result.returncode == 2
    assert f"--token-file {fifo}: it is a named pipe (FIFO), not a regular file" in result.stderr
    assert server.requests == []


def test_a_folder_given_as_token_file_is_named(server: FaultServer, tmp_path: Path) -> None:
    result = run_cli("get", ID, "--endpoint", server.base_url, "--token-file", str(tmp_path))
    assert result.returncode == 2
    assert f"--token-file {tmp_path}: it is a folder, not a file" in result.stderr


def test_a_fifo_profiles_file_is_refused_without_hanging(
    server: FaultServer, isolated_home: Path
) -> None:
    profiles = config(isolated_home) / "profiles.json"
    os.mkfifo(profiles)
    result = run_cli("get", ID, "--endpoint", server.base_url, timeout=30)
    assert result.returncode == 2
    assert f"cannot read {profiles}: it is a named pipe (FIFO)" in result.stderr
    no_traceback(result)


def test_a_deeply_nested_profiles_file_is_a_clear_error(
    server: FaultServer, isolated_home: Path
) -> None:
    profiles = config(isolated_home) / "profiles.json"
    profiles.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run_cli("get", ID, "--endpoint", server.base_url)
    assert result.returncode == 2
    assert f"{profiles} is not valid JSON (the JSON is nested too deeply" in result.stderr
    no_traceback(result)


def test_a_huge_profiles_file_is_not_read_whole(server: FaultServer, isolated_home: Path) -> None:
    profiles = config(isolated_home) / "profiles.json"
    with profiles.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    result = run_cli("get", ID, "--endpoint", server.base_url)
    assert result.returncode == 2
    assert "it is 200.0 MiB; at most 1.0 MiB is read from a file of this kind" in result.stderr


def test_a_fifo_language_file_is_ignored_without_hanging(
    server: FaultServer, isolated_home: Path
) -> None:
    os.mkfifo(config(isolated_home) / "language")
    server.faults[ID] = answer(200, image_body(ID))
    result = run_cli("get", ID, "--endpoint", server.base_url, timeout=30)
    assert result.returncode == 0, result.stderr
    assert ID in result.stdout


def test_a_hostile_json_body_is_never_written_raw_into_the_table(server: FaultServer) -> None:
    server.faults[ID] = answer(200, TRICKY_BODY)
    result = run_cli("get", ID, "--endpoint", server.base_url)
    assert result.returncode == 0, result.stderr
    assert "\x9b" not in result.stdout
    assert "\u202e" not in result.stdout
    assert "\\x9b2K\\u202eevil" in result.stdout


def test_an_answer_from_the_pty_helper_is_complete() -> None:
    """The terminal helper itself: what a program writes arrives whole, LF not turned to CRLF."""
    code, shown = run_on_terminal("--version")
    assert code == 0
    assert shown.endswith(b"\n")
    assert b"\r" not in shown
    json.dumps(shown.decode())
