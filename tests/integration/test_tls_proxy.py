"""TLS and proxies for real: loopback HTTPS servers with test CAs (trustme) and a CONNECT proxy.

Nothing leaves 127.0.0.1: the proxy "resolves" the API's host name itself by tunnelling to a
local server whose certificate names that host, so a request through a corporate proxy, a
TLS-inspecting one, and a direct one can all be tried without a network.
"""

from __future__ import annotations

import json
import os
import select
import socket
import socketserver
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import trustme

from inspector.demo.server import DemoServer
from tests.integration.fake_iam import FakeIam, ServiceAccount, write_key_file

IMAGE_ID = "e3vtlsimage000000001"
HOST = "api.inspector.test"
TOKEN = "t1.tls-test-token"


class HttpsApi:
    """A minimal Cloud Desktop API over HTTPS on 127.0.0.1 that records what it was sent."""

    def __init__(self, ca: trustme.CA, *names: str) -> None:
        self.authorizations: list[str] = []
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        ca.issue_cert(*names).configure_cert(context)
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def do_HEAD(self) -> None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def do_GET(self) -> None:
                api.authorizations.append(self.headers.get("Authorization", ""))
                body = json.dumps({"id": IMAGE_ID, "name": "over tls", "status": "ACTIVE"})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body.encode())

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class ConnectProxy:
    """An HTTP proxy on 127.0.0.1 that tunnels ``CONNECT host:port`` to a local port.

    ``routes`` maps ``host:port`` to the local port; anything else, and every plain (non
    CONNECT) request, is refused with 403. ``seen`` records each request line.
    """

    def __init__(self, routes: dict[str, int]) -> None:
        self.routes = routes
        self.seen: list[str] = []
        proxy = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self) -> None:
                line = self.rfile.readline(65536).decode("latin-1").strip()
                while self.rfile.readline(65536) not in (b"\r\n", b"\n", b""):
                    pass
                proxy.seen.append(line)
                method, _, rest = line.partition(" ")
                target = rest.split(" ")[0]
                if method != "CONNECT" or target not in proxy.routes:
                    self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n")
                    return
                upstream = socket.create_connection(("127.0.0.1", proxy.routes[target]))
                self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
                self.wfile.flush()
                _pump(self.connection, upstream)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


def _pump(client: socket.socket, upstream: socket.socket) -> None:
    """Copy bytes both ways until either side closes."""
    with upstream:
        sockets = [client, upstream]
        while True:
            readable, _, _ = select.select(sockets, [], [], 10)
            if not readable:
                return
            for source in readable:
                data = source.recv(65536)
                if not data:
                    return
                (upstream if source is client else client).sendall(data)


@pytest.fixture(scope="module")
def ca() -> trustme.CA:
    return trustme.CA(organization_name="Inspector Test CA")


@pytest.fixture
def ca_file(ca: trustme.CA, tmp_path: Path) -> Path:
    path = tmp_path / "test-ca.pem"
    ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def api(ca: trustme.CA) -> Iterator[HttpsApi]:
    server = HttpsApi(ca, "127.0.0.1", HOST)
    yield server
    server.close()


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "YC_IAM_TOKEN": TOKEN,
        "NO_PROXY": "",  # whatever the machine has, each test says what it wants
        "no_proxy": "",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "inspector", "get", IMAGE_ID, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=60,
        check=False,
    )


def test_trusted_with_the_ca_file(api: HttpsApi, ca_file: Path) -> None:
    result = run_cli("--endpoint", f"https://127.0.0.1:{api.port}", "--ca-file", str(ca_file))
    assert result.returncode == 0, result.stderr
    assert "over tls" in result.stdout
    assert api.authorizations == [f"Bearer {TOKEN}"]


def test_refused_without_it_naming_the_issuer(api: HttpsApi) -> None:
    result = run_cli("--endpoint", f"https://127.0.0.1:{api.port}")
    assert result.returncode == 1
    err = result.stderr
    assert "The TLS (HTTPS) connection to 127.0.0.1 failed" in err
    assert "unable to get local issuer certificate" in err
    assert "certificate issuer:" in err
    assert "O=Inspector Test CA" in err
    assert api.authorizations == []  # the token never went out
    assert TOKEN not in err


def test_ssl_cert_file_is_honoured(api: HttpsApi, ca_file: Path) -> None:
    result = run_cli(
        "--endpoint", f"https://127.0.0.1:{api.port}", env={"SSL_CERT_FILE": str(ca_file)}
    )
    assert result.returncode == 0, result.stderr


def test_a_missing_ca_file_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("--ca-file", str(tmp_path / "absent.pem"))
    assert result.returncode == 2
    assert "absent.pem does not exist" in result.stderr


def test_https_proxy_from_the_environment(api: HttpsApi, ca_file: Path) -> None:
    proxy = ConnectProxy({f"{HOST}:443": api.port})
    try:
        result = run_cli(
            "--endpoint", f"https://{HOST}", "--ca-file", str(ca_file),
            env={"HTTPS_PROXY": proxy.url},
        )  # fmt: skip
    finally:
        proxy.close()
    assert result.returncode == 0, result.stderr
    assert proxy.seen == [f"CONNECT {HOST}:443 HTTP/1.1"]
    assert api.authorizations == [f"Bearer {TOKEN}"]


def test_proxy_option_beats_the_environment(api: HttpsApi, ca_file: Path) -> None:
    proxy = ConnectProxy({f"{HOST}:443": api.port})
    try:
        via_option = run_cli(
            "--endpoint", f"https://{HOST}", "--ca-file", str(ca_file), "--proxy", proxy.url
        )
        env_refusing = {"HTTPS_PROXY": "http://127.0.0.1:9"}  # nothing listens there
        option_beats_env = run_cli(
            "--endpoint", f"https://{HOST}", "--ca-file", str(ca_file), "--proxy", proxy.url,
            env=env_refusing,
        )  # fmt: skip
    finally:
        proxy.close()
    assert via_option.returncode == 0, via_option.stderr
    assert option_beats_env.returncode == 0, option_beats_env.stderr
    assert proxy.seen == [f"CONNECT {HOST}:443 HTTP/1.1"] * 2


def test_a_tls_inspecting_proxy_shows_itself(ca_file: Path) -> None:
    corporate = trustme.CA(organization_name="Corp TLS Inspection")
    inspecting = HttpsApi(corporate, HOST)
    proxy = ConnectProxy({f"{HOST}:443": inspecting.port})
    try:
        result = run_cli(
            "--endpoint", f"https://{HOST}", "--ca-file", str(ca_file),
            env={"HTTPS_PROXY": proxy.url},
        )  # fmt: skip
    finally:
        proxy.close()
        inspecting.close()
    assert result.returncode == 1
    assert f"The TLS (HTTPS) connection to {HOST} failed" in result.stderr
    assert "certificate issuer:" in result.stderr
    assert "--ca-file" in result.stderr
    assert "O=Corp TLS Inspection" in result.stderr
    assert inspecting.authorizations == []


def test_a_refusing_proxy_is_named(ca_file: Path) -> None:
    proxy = ConnectProxy({})
    try:
        result = run_cli("--endpoint", f"https://{HOST}", env={"HTTPS_PROXY": proxy.url})
    finally:
        proxy.close()
    assert result.returncode == 1
    assert f"The proxy failed the connection to {HOST}" in result.stderr
    assert "HTTPS_PROXY" in result.stderr


def test_loopback_always_bypasses_the_proxy(tmp_path: Path) -> None:
    proxy = ConnectProxy({})
    account = ServiceAccount()
    key = write_key_file(tmp_path / "key.json", account)
    everywhere = {"HTTPS_PROXY": proxy.url, "HTTP_PROXY": proxy.url, "ALL_PROXY": proxy.url}
    try:
        with DemoServer() as demo, FakeIam(account) as iam:
            result = subprocess.run(
                [sys.executable, "-m", "inspector", "get", "e3vdemoactive0000001",
                 "--endpoint", demo.base_url, "--sa-key", str(key), "--iam-endpoint", iam.base_url],
                capture_output=True, text=True, timeout=60, check=False,
                env={**os.environ, **everywhere},
            )  # fmt: skip
    finally:
        proxy.close()
    assert result.returncode == 0, result.stderr
    assert proxy.seen == []


def test_the_token_exchange_uses_the_same_tls_stack(
    tmp_path: Path, ca: trustme.CA, ca_file: Path
) -> None:
    account = ServiceAccount()
    key = write_key_file(tmp_path / "key.json", account)
    server_tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1").configure_cert(server_tls)
    with DemoServer() as demo, FakeIam(account, tls=server_tls) as iam:
        args = ["--endpoint", demo.base_url, "--sa-key", str(key), "--iam-endpoint", iam.base_url]
        trusted = subprocess.run(
            [sys.executable, "-m", "inspector", "get", "e3vdemoactive0000001", *args,
             "--ca-file", str(ca_file)],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        untrusted = subprocess.run(
            [sys.executable, "-m", "inspector", "get", "e3vdemoactive0000001", *args],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
    assert trusted.returncode == 0, trusted.stderr
    assert untrusted.returncode == 1
    assert f"Could not get an IAM token (service account key {key})" in untrusted.stderr
    assert "the IAM endpoint 127.0.0.1 could not be reached: TLS" in untrusted.stderr
    assert "O=Inspector Test CA" in untrusted.stderr


@pytest.mark.parametrize(
    ("option", "value"),
    [("--endpoint", "http://api.example"), ("--iam-endpoint", "http://iam.example")],
)
def test_a_token_never_goes_over_plain_http_except_to_loopback(option: str, value: str) -> None:
    result = run_cli(option, value)
    assert result.returncode == 2
    assert f"{option} uses plain http://" in result.stderr
