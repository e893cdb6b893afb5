"""The demo API: real HTTP on loopback that answers ``DesktopImage.Get`` the way Yandex Cloud does.

A newcomer can try the inspector with no account (``--demo``), and the integration tests get a
real socket, so the whole client stack (httpx, keep-alive, headers, framing) runs for real.

Routes, and why:

- ``GET /cloud-desktop/v1/images/{imageId}``: the image's JSON, or its error as the API's status
  body. An ID the demo does not know is 404 NOT_FOUND (code 5), as the API answers.
- ``GET /cloud-desktop/v1/images?folderId=...``: ``DesktopImageService.List`` with ``pageSize``,
  ``pageToken``, ``filter`` and ``orderBy`` (see :mod:`inspector.demo.listing`); the demo folder
  spans several pages.
- Any other path: 404 code 5 ``Not Found``, which is what the API's gateway answers for a route
  it does not have (and not 501: the method exists, the resource does not).
- Any other method: 501 UNIMPLEMENTED (code 12), the HTTP status FACTS.md gives for code 12.

Every answer carries ``x-request-id`` (a fresh UUID, repeated as ``requestId`` in error bodies)
and ``x-server-trace-id``, like the real API, so the request-id views can be tried. Any
``Authorization`` header, or none, is accepted.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
import socket
import socketserver
import sys
import threading
import uuid
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Final, NamedTuple
from urllib.parse import parse_qs, unquote, urlsplit

from inspector.demo.data import DEMO_IMAGES, folder_images
from inspector.demo.listing import list_images
from inspector.demo.sample import DemoError, DemoImage, fixed

IMAGES_PREFIX: Final = "/cloud-desktop/v1/images/"
LIST_PATH: Final = "/cloud-desktop/v1/images"
JSON_CONTENT_TYPE: Final = "application/json; charset=utf-8"
REQUEST_INFO_TYPE: Final = "type.googleapis.com/google.rpc.RequestInfo"
POLL_INTERVAL_SECONDS: Final = 0.05

_log = logging.getLogger(__name__)


class RecordedRequest(NamedTuple):
    """One request as the demo saw it, for tests; header names are lowercased."""

    method: str
    path: str
    headers: dict[str, str]


class _RawAnswer(NamedTuple):
    """Fixed bytes for an ID, so tests can send what no well-behaved server would."""

    status: int
    body: bytes
    headers: dict[str, str]


def _encode(payload: object) -> bytes:
    """Compact UTF-8 JSON, non-ASCII kept as is, the way the API's gateway writes it."""
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class _Store:
    """The state handler threads share with the owner's thread; every access holds the lock."""

    def __init__(self, images: Mapping[str, DemoImage]) -> None:
        self._lock = threading.Lock()
        self._answers: dict[str, DemoImage | _RawAnswer] = dict(images)
        self._requests: list[RecordedRequest] = []
        self._raw_pages: dict[tuple[str, str], _RawAnswer] = {}
        self._token_generation = 0
        self.stopping = threading.Event()

    def put(self, image_id: str, answer: DemoImage | _RawAnswer) -> None:
        with self._lock:
            self._answers[image_id] = answer

    def get(self, image_id: str) -> DemoImage | _RawAnswer | None:
        with self._lock:
            return self._answers.get(image_id)

    def bodies(self) -> tuple[list[dict[str, object]], int]:
        """The bodies a listing can show, and the page tokens' current generation."""
        with self._lock:
            answers = self._answers.values()
            bodies = [a.body for a in answers if isinstance(a, DemoImage) and a.body is not None]
            return bodies, self._token_generation

    def put_raw_page(self, folder_id: str, page_token: str, answer: _RawAnswer) -> None:
        with self._lock:
            self._raw_pages[(folder_id, page_token)] = answer

    def raw_page(self, folder_id: str, page_token: str) -> _RawAnswer | None:
        with self._lock:
            return self._raw_pages.get((folder_id, page_token))

    def expire_page_tokens(self) -> None:
        with self._lock:
            self._token_generation += 1

    def record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def requests(self) -> list[RecordedRequest]:
        with self._lock:
            return list(self._requests)


class _Handler(BaseHTTPRequestHandler):
    """Answers one connection's requests; HTTP/1.1 so clients can keep the connection alive."""

    protocol_version = "HTTP/1.1"
    server_version = "inspector-demo"
    # Headers and body go out in two writes; with Nagle on, a keep-alive client's delayed ACK
    # would hold every answer back by tens of milliseconds.
    disable_nagle_algorithm = True

    def do_GET(self) -> None:
        store = self._store()
        path = urlsplit(self.path).path
        if path == LIST_PATH:
            self._send_list(store)
            return
        image_id = unquote(path.removeprefix(IMAGES_PREFIX))
        if not path.startswith(IMAGES_PREFIX) or not image_id or "/" in image_id:
            self._send_status(DemoError(404, 5, "Not Found"))
            return
        answer = store.get(image_id)
        if answer is None:
            self._send_status(DemoError(404, 5, f"Desktop image {image_id} not found"))
        elif isinstance(answer, _RawAnswer):
            self._send(answer.status, answer.body, answer.headers)
        elif answer.delay_seconds and store.stopping.wait(answer.delay_seconds):
            self.close_connection = True  # shutting down: drop the request rather than hold stop()
        elif answer.error is not None:
            self._send_status(answer.error)
        else:
            self._send(200, _encode(answer.body))

    def _send_list(self, store: _Store) -> None:
        query = urlsplit(self.path).query
        params = parse_qs(query, keep_blank_values=True)
        key = (params.get("folderId", [""])[-1], params.get("pageToken", [""])[-1])
        raw = store.raw_page(*key)
        if raw is not None:
            self._send(raw.status, raw.body, raw.headers)
            return
        bodies, generation = store.bodies()
        answer = list_images(bodies, query, generation)
        if isinstance(answer, DemoError):
            self._send_status(answer)
        else:
            self._send(200, _encode(answer))

    def _refuse_method(self) -> None:
        self._send_status(DemoError(501, 12, f"Method {self.command} is not implemented"))

    do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = _refuse_method

    def parse_request(self) -> bool:
        """Record every request that parsed, whatever its method, before it is answered."""
        parsed = super().parse_request()
        if parsed:
            headers = {name.lower(): value for name, value in self.headers.items()}
            self._store().record(RecordedRequest(self.command, self.path, headers))
        return parsed

    def version_string(self) -> str:
        """``Server: inspector-demo``, without the Python version the stdlib appends."""
        return self.server_version

    def _store(self) -> _Store:
        assert isinstance(self.server, _Server)
        return self.server.store

    def _send_status(self, error: DemoError) -> None:
        request_id = str(uuid.uuid4())
        payload = {
            "code": error.grpc_code,
            "message": error.message,
            "details": [{"@type": REQUEST_INFO_TYPE, "requestId": request_id}],
        }
        headers = {"Retry-After": "1"} if error.http_status == 429 else {}
        self._send(error.http_status, _encode(payload), headers, request_id=request_id)

    def _send(
        self,
        status: int,
        body: bytes,
        headers: Mapping[str, str] | None = None,
        *,
        request_id: str | None = None,
    ) -> None:
        """Send one whole answer; ``headers`` replace the same-named defaults."""
        merged = {
            "content-type": ("Content-Type", JSON_CONTENT_TYPE),
            "content-length": ("Content-Length", str(len(body))),
            "x-request-id": ("x-request-id", request_id or str(uuid.uuid4())),
            "x-server-trace-id": ("x-server-trace-id", secrets.token_hex(8)),
        }
        for name, value in (headers or {}).items():
            merged[name.lower()] = (name, value)
        # An unread request body or a Content-Length that is not the body's own breaks the
        # framing of the next request on this connection: closing it is the only honest end.
        if merged["content-length"][1] != str(len(body)) or self._request_has_body():
            self.close_connection = True
            merged.setdefault("connection", ("Connection", "close"))
        self.send_response(status)
        for name, value in merged.values():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _request_has_body(self) -> bool:
        return self.headers.get("Content-Length", "0") != "0" or "Transfer-Encoding" in self.headers

    def log_message(self, format: str, *args: Any) -> None:
        """To ``logging``, not stderr: the demo runs inside the CLI and the GUI."""
        _log.debug("demo API: " + format, *args)


class _Server(ThreadingHTTPServer):
    """Keeps its open connections so ``stop()`` can cut idle keep-alive ones instead of waiting."""

    # On Windows SO_REUSEADDR lets a second server steal a port in use; elsewhere it only
    # allows rebinding a port whose old connections are in TIME_WAIT.
    allow_reuse_address = sys.platform != "win32"

    def __init__(
        self, address: tuple[str, int], store: _Store, listening: socket.socket | None = None
    ) -> None:
        self.store = store
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler, bind_and_activate=listening is None)
        if listening is not None:  # bound and listening already: serve on it
            self.socket.close()
            self.socket = listening
            host, port = listening.getsockname()[:2]
            self.server_address = (host, port)
            self.server_name, self.server_port = str(host), int(port)

    def server_bind(self) -> None:
        """Bind without ``HTTPServer``'s reverse DNS lookup of the host, slow on some networks."""
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.socket.getsockname()[:2]

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def cut_connections(self) -> None:
        """Wake every handler thread blocked on its socket so it ends now."""
        with self._connections_lock:
            for connection in self._connections:
                with contextlib.suppress(OSError):  # the client may have gone already
                    connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client hanging up mid-answer is normal here: log it quietly, no traceback on stderr."""
        _log.debug("demo API: error answering %s", client_address, exc_info=True)


class DemoServer:
    """The demo API on a background daemon thread; runs once: ``start()``, then ``stop()``.

    Tests can see what was sent (:attr:`requests`) and change answers while it runs
    (:meth:`put_image`, :meth:`put_raw`). ``listening`` is a socket bound and listening
    already (see :func:`inspector.demo.listen`): the window binds it before its first paint,
    to show the demo's address at once, and starts serving on it after.
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        images: Mapping[str, DemoImage] | None = None,
        *,
        listening: socket.socket | None = None,
    ) -> None:
        self._address = (host, port) if listening is None else listening.getsockname()[:2]
        self._listening = listening
        self._store = _Store({**DEMO_IMAGES, **folder_images()} if images is None else images)
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Bind (port 0 picks a free one) and serve; an ``OSError`` from binding propagates."""
        if self._server is not None:
            raise RuntimeError("a DemoServer starts only once")
        server = _Server(self._address, self._store, self._listening)
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": POLL_INTERVAL_SECONDS},
            name="inspector-demo-api",
            daemon=True,
        )
        self._server = server
        self._thread.start()

    def stop(self) -> None:
        """Stop serving, end every connection and join the threads; safe to call again."""
        if self._server is None or self._thread is None or self._store.stopping.is_set():
            return
        self._store.stopping.set()
        self._server.shutdown()
        self._server.cut_connections()
        self._server.server_close()
        self._thread.join()

    def __enter__(self) -> DemoServer:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("the demo server is not started")
        return self._server.server_port

    @property
    def base_url(self) -> str:
        return f"http://{self._address[0]}:{self.port}"

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request so far, oldest first (a copy)."""
        return self._store.requests()

    def put_image(self, image_id: str, body: dict[str, object]) -> None:
        """Add or replace an ID that answers 200 with ``body`` as JSON."""
        self._store.put(image_id, DemoImage(image_id, "put by a test", make_body=fixed(body)))

    def put_raw(
        self, image_id: str, status: int, body: bytes, headers: dict[str, str] | None = None
    ) -> None:
        """Make an ID answer exactly ``body`` with ``status``, for malformed-answer tests.

        ``headers`` replace the defaults of the same name (Content-Type, Content-Length and the
        ids). A Content-Length that is not ``len(body)`` is sent as given and the connection is
        closed after the body, so a client sees a truncated answer instead of hanging.
        """
        self._store.put(image_id, _RawAnswer(status, body, dict(headers or {})))

    def put_raw_page(self, folder_id: str, page_token: str, status: int, body: bytes) -> None:
        """Make one List page answer exactly ``body``, for a server that misbehaves in tests.

        ``page_token`` is the token the page is asked for with; ``""`` is the first page.
        """
        self._store.put_raw_page(folder_id, page_token, _RawAnswer(status, body, {}))

    def expire_page_tokens(self) -> None:
        """Make every page token handed out so far invalid, as when they time out."""
        self._store.expire_page_tokens()
