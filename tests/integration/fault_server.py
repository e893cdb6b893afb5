"""A fault-injecting HTTP/1.1 server on 127.0.0.1: the image ID in the path picks the fault.

Raw sockets rather than ``http.server``, because the faults that matter live below what a
request handler can do: a reset before the status line, a body cut short of its
Content-Length, one byte a second. Each connection is served keep-alive on its own thread, and
the server counts the connections still open, so a test can check that none is left behind.
"""

from __future__ import annotations

import contextlib
import gzip
import itertools
import json
import select
import socket
import struct
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from http import HTTPStatus
from types import TracebackType
from typing import Final

IMAGES_PATH: Final = "/cloud-desktop/v1/images/"
MiB: Final = 1024 * 1024
_POLL_SECONDS: Final = 0.05
_SEND_TIMEOUT_SECONDS: Final = 10.0
_MAX_HEAD_BYTES: Final = 64 * 1024


@dataclass(frozen=True)
class Request:
    """What a client sent: the request line and the headers (names in lower case)."""

    method: str
    path: str
    headers: dict[str, str]

    @property
    def image_id(self) -> str:
        return self.path.removeprefix(IMAGES_PATH) if self.path.startswith(IMAGES_PATH) else ""


class ClientGone(Exception):
    """The client closed or reset the connection, or the server is stopping."""


class Wire:
    """One accepted connection, with the moves a fault needs."""

    def __init__(self, sock: socket.socket, stopping: threading.Event) -> None:
        self.sock = sock
        self.keep_alive = True
        self._stopping = stopping

    def send(self, data: bytes) -> None:
        try:
            self.sock.sendall(data)
        except OSError as error:
            raise ClientGone from error

    def head(self, status: int, headers: Sequence[tuple[str, str]] = ()) -> None:
        """The status line and headers; the body is up to the fault."""
        reason = HTTPStatus(status).phrase if status in HTTPStatus._value2member_map_ else "Odd"
        lines = [f"HTTP/1.1 {status} {reason}", *(f"{name}: {value}" for name, value in headers)]
        self.send(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1"))

    def respond(
        self,
        status: int,
        body: bytes = b"",
        headers: Sequence[tuple[str, str]] = (),
        *,
        content_type: str | None = "application/json",
    ) -> None:
        """A complete, well-formed answer; the connection stays open for the next request."""
        sent = [("Content-Length", str(len(body)))]
        if content_type is not None:
            sent.append(("Content-Type", content_type))
        self.head(status, [*sent, *headers])
        self.send(body)

    def close(self) -> None:
        """An orderly close (FIN) after whatever was sent."""
        self.keep_alive = False
        self.sock.close()

    def reset(self) -> None:
        """Close with a TCP reset (RST): what a crashing server or a middlebox does."""
        self.keep_alive = False
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.sock.close()

    def wait(self, seconds: float) -> None:
        """Sleep, but end the fault at once when the client hangs up or the server stops."""
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            if self._stopping.is_set():
                raise ClientGone
            readable, _, _ = select.select([self.sock], [], [], min(left, _POLL_SECONDS))
            if readable:
                try:
                    hung_up = not self.sock.recv(1, socket.MSG_PEEK)
                except OSError:
                    hung_up = True
                if hung_up:
                    raise ClientGone
                self._stopping.wait(min(left, _POLL_SECONDS))


Fault = Callable[[Wire, Request], None]


def image_body(image_id: str, **fields: object) -> bytes:
    """A valid DesktopImage body for ``image_id``."""
    data: dict[str, object] = {
        "id": image_id,
        "folderId": "b1gfaultfolder000001",
        "name": f"image-{image_id}",
        "status": "ACTIVE",
        "storageSize": "1024",
        **fields,
    }
    return json.dumps(data).encode()


def status_body(grpc_code: int, message: str) -> bytes:
    """The API's JSON error body."""
    return json.dumps({"code": grpc_code, "message": message, "details": []}).encode()


def answer(
    status: int,
    body: bytes = b"",
    *,
    headers: Sequence[tuple[str, str]] = (),
    content_type: str | None = "application/json",
) -> Fault:
    def fault(wire: Wire, request: Request) -> None:
        wire.respond(status, body, headers, content_type=content_type)

    return fault


def image(**fields: object) -> Fault:
    """200 with a valid image whose id (and name) come from the request."""

    def fault(wire: Wire, request: Request) -> None:
        wire.respond(200, image_body(request.image_id, **fields))

    return fault


def reset_before_headers() -> Fault:
    def fault(wire: Wire, request: Request) -> None:
        wire.reset()

    return fault


def reset_mid_body() -> Fault:
    def fault(wire: Wire, request: Request) -> None:
        body = image_body(request.image_id)
        wire.head(200, [("Content-Length", str(len(body))), ("Content-Type", "application/json")])
        wire.send(body[: len(body) // 2])
        wire.wait(0.05)  # let the first half arrive before the reset
        wire.reset()

    return fault


def short_body() -> Fault:
    """Content-Length promises more than is sent, then the connection closes normally."""

    def fault(wire: Wire, request: Request) -> None:
        body = image_body(request.image_id)
        wire.head(200, [("Content-Length", str(len(body) + 100))])
        wire.send(body)
        wire.close()

    return fault


def drip(interval: float) -> Fault:
    """A valid answer, one byte every ``interval`` seconds, headers included."""

    def fault(wire: Wire, request: Request) -> None:
        body = image_body(request.image_id)
        head = f"HTTP/1.1 200 OK\r\nContent-Length: {len(body)}\r\n\r\n".encode()
        for byte in head + body:
            wire.send(bytes([byte]))
            wire.wait(interval)

    return fault


def redirect(location: str, status: int = 302) -> Fault:
    return answer(status, headers=[("Location", location)], content_type=None)


def huge_body(size: int, *, declared: bool) -> Fault:
    """``size`` bytes of a JSON string, with a Content-Length or delimited by closing."""

    def fault(wire: Wire, request: Request) -> None:
        headers = [("Content-Type", "application/json")]
        headers.append(("Content-Length", str(size)) if declared else ("Connection", "close"))
        wire.head(200, headers)
        chunk = b" " * (256 * 1024)
        for _ in range(size // len(chunk)):
            wire.send(chunk)
        wire.close()

    return fault


def gzip_bomb(inflated: int, *, layers: int = 1) -> Fault:
    """A body that inflates to ``inflated`` bytes of whitespace (``layers`` times gzipped)."""
    body = b" " * inflated
    for _ in range(layers):
        body = gzip.compress(body, compresslevel=9)
    encoding = ", ".join(["gzip"] * layers)
    return answer(200, body, headers=[("Content-Encoding", encoding)])


def sequence(*faults: Fault) -> Fault:
    """The n-th request gets the n-th fault; the last one answers every request after that."""
    counter = itertools.count()
    lock = threading.Lock()

    def fault(wire: Wire, request: Request) -> None:
        with lock:
            index = next(counter)
        faults[min(index, len(faults) - 1)](wire, request)

    return fault


def delayed(seconds: float, then: Fault) -> Fault:
    def fault(wire: Wire, request: Request) -> None:
        wire.wait(seconds)
        then(wire, request)

    return fault


def not_found() -> Fault:
    return answer(404, status_body(5, "not found"))


@contextlib.contextmanager
def refused_url() -> Iterator[str]:
    """A loopback URL where nothing listens: connecting to it is refused.

    The port stays bound (without listening) while in use, so no other socket can take it;
    a free port could otherwise be picked as a client's own source port and connect to itself.
    """
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{holder.getsockname()[1]}"


class FaultServer:
    """Serves ``faults[image_id]`` (or ``fallback(request)``) on 127.0.0.1; use as a context."""

    def __init__(
        self,
        faults: dict[str, Fault] | None = None,
        *,
        fallback: Callable[[Request], Fault] | None = None,
    ) -> None:
        self.faults = dict(faults or {})
        self.fallback = fallback
        self.requests: list[Request] = []
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._open: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener = socket.create_server(("127.0.0.1", 0))
        self._listener.settimeout(_POLL_SECONDS)
        self.port: int = self._listener.getsockname()[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def open_connections(self) -> int:
        with self._lock:
            return len(self._open)

    def hits(self, image_id: str) -> int:
        with self._lock:
            return sum(1 for request in self.requests if request.image_id == image_id)

    def __enter__(self) -> FaultServer:
        self._start(self._accept_loop)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._stopping.set()
        with self._lock:
            for sock in self._open:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)
        for thread in list(self._threads):
            thread.join(timeout=5)
        self._listener.close()

    def _start(self, target: Callable[..., None], *args: object) -> None:
        thread = threading.Thread(target=target, args=args, daemon=True, name="fault-server")
        with self._lock:
            self._threads.append(thread)
        thread.start()

    def _accept_loop(self) -> None:
        while not self._stopping.is_set():
            try:
                sock, _ = self._listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self._lock:
                self._open.add(sock)
            self._start(self._serve, sock)

    def _serve(self, sock: socket.socket) -> None:
        wire = Wire(sock, self._stopping)
        try:
            while wire.keep_alive and not self._stopping.is_set():
                request = self._read_request(sock)
                if request is None:
                    return
                with self._lock:
                    self.requests.append(request)
                fault = self.faults.get(request.image_id)
                if fault is None:
                    fault = self.fallback(request) if self.fallback else not_found()
                sock.settimeout(_SEND_TIMEOUT_SECONDS)
                try:
                    fault(wire, request)
                except ClientGone:
                    return
        finally:
            with self._lock:
                self._open.discard(sock)
            sock.close()

    def _read_request(self, sock: socket.socket) -> Request | None:
        """The next request head, or None when the client closed or the server stops."""
        sock.settimeout(_POLL_SECONDS)
        data = b""
        while b"\r\n\r\n" not in data:
            if self._stopping.is_set() or len(data) > _MAX_HEAD_BYTES:
                return None
            try:
                chunk = sock.recv(65536)
            except TimeoutError:
                continue
            except OSError:
                return None
            if not chunk:
                return None
            data += chunk
        head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
        request_line, *header_lines = head.split("\r\n")
        method, path, _ = request_line.split(" ", 2)
        headers = {}
        for line in header_lines:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return Request(method, path, headers)
