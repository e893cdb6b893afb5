"""A tiny HTTPS API on 127.0.0.1 with a certificate from a test CA, for the TLS check.

It answers ``DesktopImage.Get`` for one image with a copy of the demo's body, so the app's
self-test can fetch over real TLS and check the same rendered values as against the demo.
"""

from __future__ import annotations

import json
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import TracebackType

import trustme

from inspector.demo import DEFAULT_IMAGE_ID
from inspector.demo.data import DEMO_IMAGES
from inspector.demo.server import IMAGES_PREFIX


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        body = DEMO_IMAGES[DEFAULT_IMAGE_ID].body
        if self.path == IMAGES_PREFIX + DEFAULT_IMAGE_ID and body is not None:
            status, payload = 200, json.dumps(body).encode()
        else:
            status, payload = 404, json.dumps({"code": 5, "message": "not found"}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: a test's output is its assertions."""


class HttpsApi:
    """Serves on a free port; ``ca_file`` is the PEM a client must trust to reach it."""

    def __init__(self, folder: Path) -> None:
        ca = trustme.CA()
        self.ca_file = folder / "test-ca.pem"
        ca.cert_pem.write_to_path(str(self.ca_file))
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self._server.daemon_threads = True
        self._server.socket = context.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        return f"https://127.0.0.1:{self._server.server_port}"

    def __enter__(self) -> HttpsApi:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
