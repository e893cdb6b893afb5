"""The ``get`` command as a user runs it: a subprocess against the demo API on 127.0.0.1."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.demo.server import DemoServer

TOKEN = "t1.9euelZqQ0123456789abcdefSECRET.signaturePART-_xyz"


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        yield demo


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "inspector", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=60,
        check=False,
    )


def test_table_output(server: DemoServer) -> None:
    result = run_cli("get", "e3vdemoactive0000001", "--endpoint", server.base_url)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "e3vdemoactive0000001" in out
    assert "20 GiB (21,474,836,480 bytes)" in out
    assert "60 GiB (64,424,509,440 bytes)" in out
    assert "2026-11-20T09:15:42.123456789Z" in out
    assert "Labels (10)" in out
    assert "warning: no IAM token" in result.stderr


def test_json_output_is_the_body_byte_for_byte(server: DemoServer) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "--demo", "get", "e3vdemounicode000001", "-o", "json"],
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0
    with DemoServer() as other:
        import urllib.request

        with urllib.request.urlopen(
            f"{other.base_url}/cloud-desktop/v1/images/e3vdemounicode000001"
        ) as response:
            expected = response.read()
    assert result.stdout == expected


def test_shared_options_work_after_the_command(server: DemoServer) -> None:
    before = run_cli("--endpoint", server.base_url, "get", "e3vdemoarchived00001")
    after = run_cli("get", "e3vdemoarchived00001", "--endpoint", server.base_url)
    assert before.returncode == after.returncode == 0
    assert "ARCHIVED (unknown status)" in before.stdout
    assert before.stdout == after.stdout


def test_token_goes_only_in_the_authorization_header(server: DemoServer) -> None:
    result = run_cli(
        "get", "e3vdemoactive0000001", "--endpoint", server.base_url, env={"YC_IAM_TOKEN": TOKEN}
    )
    assert result.returncode == 0
    request = server.requests[-1]
    assert request.headers["authorization"] == f"Bearer {TOKEN}"
    assert uuid.UUID(request.headers["x-client-request-id"])
    assert request.headers["user-agent"].startswith("cloud-desktop-inspector/")
    assert TOKEN not in request.path
    assert TOKEN not in result.stdout + result.stderr


@pytest.mark.parametrize(
    ("image_id", "status", "code"),
    [
        ("e3vdemoerror40100001", "401 Unauthorized", "16 UNAUTHENTICATED"),
        ("e3vdemoerror40300001", "403 Forbidden", "7 PERMISSION_DENIED"),
        ("e3vdemoerror40400001", "404 Not Found", "5 NOT_FOUND"),
        ("e3vdemoerror42900001", "429 Too Many Requests", "8 RESOURCE_EXHAUSTED"),
        ("e3vdemoerror50000001", "500 Internal Server Error", "13 INTERNAL"),
        ("e3vdemoerror50300001", "503 Service Unavailable", "14 UNAVAILABLE"),
    ],
)
def test_api_errors_exit_1_with_ids_and_hint(
    server: DemoServer, image_id: str, status: str, code: str
) -> None:
    result = run_cli("get", image_id, "--endpoint", server.base_url, env={"YC_IAM_TOKEN": TOKEN})
    assert result.returncode == 1
    assert result.stdout == ""
    err = result.stderr
    assert status in err
    assert code in err
    assert "x-client-request-id:" in err
    assert "x-request-id:" in err
    assert "hint:" in err
    assert TOKEN not in err
    assert "Traceback" not in err


@pytest.mark.parametrize("bad_id", ["", "a/b", "e3v demo", "x" * 51, "образ", "a%2e"])
def test_malformed_id_exits_2_before_any_request(server: DemoServer, bad_id: str) -> None:
    before = len(server.requests)
    result = run_cli("get", bad_id, "--endpoint", server.base_url)
    assert result.returncode == 2
    assert "image ID" in result.stderr
    assert len(server.requests) == before


def test_bad_token_file_is_named_not_echoed(server: DemoServer, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("t1.abc\u0000SECRETTAIL\n", encoding="utf-8")
    endpoint = server.base_url
    result = run_cli(
        "get", "e3vdemoactive0000001", "--endpoint", endpoint, "--token-file", str(token_file)
    )
    assert result.returncode == 2
    assert str(token_file) in result.stderr
    assert "SECRETTAIL" not in result.stderr


def test_token_file_beats_the_environment(server: DemoServer, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text(f"  {TOKEN}\n", encoding="utf-8")
    result = run_cli(
        "get",
        "e3vdemoactive0000001",
        "--endpoint",
        server.base_url,
        "--token-file",
        str(token_file),
        env={"YC_IAM_TOKEN": "t1.other"},
    )
    assert result.returncode == 0
    assert server.requests[-1].headers["authorization"] == f"Bearer {TOKEN}"


def test_plain_http_to_a_remote_host_is_refused() -> None:
    result = run_cli("get", "e3vdemoactive0000001", "--endpoint", "http://example.com")
    assert result.returncode == 2
    assert "https://" in result.stderr


def test_unreachable_endpoint_is_named(server: DemoServer) -> None:
    with DemoServer() as closed:
        url = closed.base_url
    result = run_cli("get", "e3vdemoactive0000001", "--endpoint", url)
    assert result.returncode == 1
    assert "refused" in result.stderr


def test_malformed_body_is_explained(tmp_path: Path) -> None:
    with DemoServer() as demo:
        demo.put_raw("e3vbrokenbody0000001", 200, b"<html><body>Proxy login</body></html>")
        result = run_cli("get", "e3vbrokenbody0000001", "--endpoint", demo.base_url)
    assert result.returncode == 1
    assert "HTML" in result.stderr
    assert "Traceback" not in result.stderr


def test_demo_works_behind_a_proxy() -> None:
    result = run_cli(
        "--demo",
        "get",
        "e3vdemoactive0000001",
        env={"HTTP_PROXY": "http://127.0.0.1:9", "HTTPS_PROXY": "http://127.0.0.1:9"},
    )
    assert result.returncode == 0, result.stderr


def test_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("cloud-desktop-inspector ")


def test_bad_usage_exits_2() -> None:
    assert run_cli("get").returncode == 2
    assert run_cli("get", "x", "--output", "yaml").returncode == 2
    assert run_cli("--no-such-option").returncode == 2


def test_json_body_is_valid_json_for_scripts(server: DemoServer) -> None:
    result = run_cli("get", "e3vdemohugesizes0001", "--endpoint", server.base_url, "-o", "json")
    body = json.loads(result.stdout)
    assert isinstance(body["storageSize"], str)
