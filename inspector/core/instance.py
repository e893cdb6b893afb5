"""One window per user: a second launch hands its image ID or files to the running window.

The running window listens on a Unix socket in a per-user runtime folder that only its owner
can enter (``$XDG_RUNTIME_DIR/cloud-desktop-inspector``, else a 0700 folder of the user's in the
temporary folder). A new launch first tries a plain ``connect()`` there, which costs well under
a millisecond and needs no Qt: when a window answers, the launch sends one JSON line, waits for
``ok`` (the tab exists by then) and exits 0. When nothing answers, the socket left by a crashed
window is stale: it is removed and the new window listens in its place. No Qt here; the
window side (``inspector.ui.window.instance_listener``) watches the listening socket with a
QSocketNotifier.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import stat
import struct
import tempfile
from pathlib import Path
from typing import Final, NamedTuple

from inspector import APP_NAME

SOCKET_NAME: Final = "window.sock"
# A request is a few IDs and paths; anything longer is not one of ours.
MAX_REQUEST_BYTES: Final = 256 * 1024
# How long a launch waits for the running window to say it took the request.
HAND_OVER_TIMEOUT_SECONDS: Final = 2.0
# How long the window waits for a connected launch to finish sending (it sends at once).
READ_TIMEOUT_SECONDS: Final = 0.5
ACK: Final = b"ok\n"
# The peer's ``struct ucred``: a signed pid_t, then the unsigned uid_t and gid_t.
_PEER_CREDENTIALS: Final = "i2I"


class Request(NamedTuple):
    """What a launch asks the running window for: an ID (or pasted text) and files to open."""

    image_id: str | None = None
    files: tuple[str, ...] = ()

    def encode(self) -> bytes:
        body = {"imageId": self.image_id, "files": list(self.files)}
        return json.dumps(body, ensure_ascii=True).encode("ascii") + b"\n"

    @classmethod
    def decode(cls, data: bytes) -> Request | None:
        """The request in ``data``, or None when it is not a well-formed one."""
        try:
            body = json.loads(data.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None
        if not isinstance(body, dict):
            return None
        image_id = body.get("imageId")
        files = body.get("files")
        if image_id is not None and not isinstance(image_id, str):
            return None
        if not isinstance(files, list) or not all(isinstance(item, str) for item in files):
            return None
        return cls(image_id, tuple(files))


def runtime_folder() -> Path | None:
    """The user's private folder for the socket, made if needed; None when it is not private.

    ``$XDG_RUNTIME_DIR`` is the user's own by specification; the fallback in the shared temporary
    folder is checked (a real folder, not a link, owned by the user, 0700), so another account
    cannot plant a socket there or listen in the user's place.
    """
    base = os.environ.get("XDG_RUNTIME_DIR")
    uid = os.getuid()
    if base and os.path.isabs(base):
        folder = Path(base) / APP_NAME
    else:
        folder = Path(tempfile.gettempdir()) / f"{APP_NAME}-{uid}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        status = os.lstat(folder)
    except OSError:
        return None
    private = stat.S_ISDIR(status.st_mode) and status.st_uid == uid
    if not private or stat.S_IMODE(status.st_mode) & 0o077:
        return None
    return folder


def socket_path() -> Path | None:
    folder = runtime_folder()
    return None if folder is None else folder / SOCKET_NAME


def hand_over(request: Request, path: Path, timeout: float = HAND_OVER_TIMEOUT_SECONDS) -> bool:
    """Give ``request`` to the window listening at ``path``; False when none took it."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        client.settimeout(timeout)
        client.connect(str(path))
        client.sendall(request.encode())
        client.shutdown(socket.SHUT_WR)
        return client.recv(len(ACK)) == ACK
    except OSError:  # no socket, a stale one (refused), a window that did not answer in time
        return False
    finally:
        client.close()


class Listening(NamedTuple):
    """The running window's listening socket, and the file it made (to remove only its own)."""

    server: socket.socket
    path: Path
    inode: int

    def close(self) -> None:
        """Close the socket and remove its file, unless a newer window has replaced it."""
        with contextlib.suppress(OSError):
            if os.lstat(self.path).st_ino == self.inode:
                self.path.unlink()
        self.server.close()


def hand_over_launch(image_id: str | None, files: tuple[str, ...]) -> bool:
    """Hand this launch's ID and files (made absolute: the window runs elsewhere) to the window
    of this user that is already open; False when there is none."""
    path = socket_path()
    if path is None:
        return False
    absolute = tuple(os.path.abspath(name) for name in files)
    return hand_over(Request(image_id, absolute), path)


def listen(path: Path) -> Listening | None:
    """A non-blocking listening socket at ``path``, replacing a stale one; None when another
    window is alive there or the socket cannot be made (the window then runs on its own)."""
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        try:
            server.bind(str(path))
        except OSError:
            if _alive(path):
                raise
            with contextlib.suppress(FileNotFoundError):
                path.unlink()  # left by a window that crashed
            server.bind(str(path))
        os.chmod(path, 0o600)
        server.listen(8)
        server.setblocking(False)
        inode = os.lstat(path).st_ino
    except OSError:
        server.close()
        return None
    return Listening(server, path, inode)


def _alive(path: Path) -> bool:
    probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        probe.settimeout(0.5)
        probe.connect(str(path))
    except OSError:
        return False
    finally:
        probe.close()
    return True


def read_request(connection: socket.socket) -> Request | None:
    """The request a launch sent on ``connection`` (accepted from the listening socket).

    Only a process of the same user is served (``SO_PEERCRED``, where the system has it).
    """
    connection.setblocking(True)
    connection.settimeout(READ_TIMEOUT_SECONDS)
    if not _same_user(connection):
        return None
    chunks: list[bytes] = []
    size = 0
    try:
        while size <= MAX_REQUEST_BYTES:
            chunk = connection.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
    except OSError:
        return None
    if size > MAX_REQUEST_BYTES:
        return None
    return Request.decode(b"".join(chunks))


def acknowledge(connection: socket.socket) -> None:
    with contextlib.suppress(OSError):
        connection.sendall(ACK)
    connection.close()


def _same_user(connection: socket.socket) -> bool:
    option = getattr(socket, "SO_PEERCRED", None)
    if option is None:
        return True  # the 0700 folder already keeps other accounts out
    try:
        credentials = connection.getsockopt(
            socket.SOL_SOCKET, option, struct.calcsize(_PEER_CREDENTIALS)
        )
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack(_PEER_CREDENTIALS, credentials)
    return bool(uid == os.getuid())
