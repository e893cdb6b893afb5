"""One window per user: the socket's folder, the hand-over protocol, stale sockets."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import stat
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest

from inspector.cli.open import handed_over
from inspector.cli.parser import parse_options
from inspector.core.instance import (
    MAX_REQUEST_BYTES,
    Listening,
    Request,
    acknowledge,
    hand_over,
    hand_over_launch,
    listen,
    read_request,
    runtime_folder,
    socket_path,
)
from inspector.ui.app import listen_for_later_launches


def test_the_socket_lives_in_a_private_folder_of_the_user(runtime_dir: Path) -> None:
    path = socket_path()
    assert path == runtime_dir / "cloud-desktop-inspector" / "window.sock"
    status = os.lstat(path.parent)
    assert stat.S_IMODE(status.st_mode) == 0o700
    assert status.st_uid == os.getuid()


def test_a_folder_others_can_enter_is_not_used(runtime_dir: Path) -> None:
    (runtime_dir / "cloud-desktop-inspector").mkdir(mode=0o755)
    os.chmod(runtime_dir / "cloud-desktop-inspector", 0o755)
    assert runtime_folder() is None
    assert listen_for_later_launches(parse_options([])) is None
    assert not handed_over(parse_options([]))


def test_a_link_is_not_taken_for_the_folder(runtime_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir(mode=0o700)
    (runtime_dir / "cloud-desktop-inspector").symlink_to(elsewhere)
    assert runtime_folder() is None


def test_without_a_runtime_dir_the_temporary_folder_is_used(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_RUNTIME_DIR")
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    assert runtime_folder() == tmp_path / f"cloud-desktop-inspector-{os.getuid()}"


@pytest.mark.parametrize(
    "request_",
    [Request(), Request("e3vdemoactive0000001"), Request(None, ("/tmp/a b.json", "/tmp/в.json"))],
)
def test_requests_travel_intact(request_: Request) -> None:
    assert Request.decode(request_.encode()) == request_


@pytest.mark.parametrize(
    "data",
    [b"", b"[]", b"{", b'{"imageId": 5, "files": []}', b'{"files": [1]}', b"\xff", b"[" * 100000],
)
def test_malformed_requests_are_refused(data: bytes) -> None:
    assert Request.decode(data) is None


def test_nobody_listening_means_no_hand_over(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    assert not hand_over(Request("e3vdemoactive0000001"), path)


def test_a_request_is_handed_over_and_acknowledged(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    listening = listen(path)
    assert listening is not None
    assert stat.S_IMODE(os.lstat(path).st_mode) == 0o600
    server, received = serve_one(listening)
    sent = Request("e3vdemoactive0000001", ("/tmp/x.inspector.json",))
    assert hand_over(sent, path)
    server.join()
    assert received == [sent]
    listening.close()
    assert not path.exists()


def test_a_stale_socket_left_by_a_crash_is_replaced(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    crashed = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    crashed.bind(str(path))
    crashed.close()  # the file stays, nobody listens: what a killed window leaves
    assert path.exists()
    assert not hand_over(Request("e3vdemoactive0000001"), path)
    listening = listen(path)
    assert listening is not None
    listening.close()


def test_a_live_window_is_not_replaced(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    first = listen(path)
    assert first is not None
    assert listen(path) is None
    first.close()


def test_a_replaced_socket_is_not_removed_by_the_old_window(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    old = listen(path)
    assert old is not None
    path.unlink()
    new = listen(path)
    assert new is not None
    old.close()
    assert path.exists()
    new.close()


def test_new_instance_neither_hands_over_nor_listens(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    first = listen(path)
    assert first is not None
    for argv in (["--new-instance"], ["open", "--new-instance", "x.json"], ["--self-test"]):
        assert not handed_over(parse_options(argv))
        assert listen_for_later_launches(parse_options(argv)) is None
    first.close()


@pytest.mark.skipif(os.getuid() != 0, reason="needs root to run a process as another user")
def test_a_request_from_another_account_is_ignored() -> None:
    """Behind the 0700 folder, the peer's credentials are checked too (``SO_PEERCRED``)."""
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="cdi-open-"))
    try:
        folder.chmod(0o777)  # as if the folder's protection were gone
        path = folder / "window.sock"
        listening = listen(path)
        assert listening is not None
        path.chmod(0o777)
        client = (
            "import socket, sys; s = socket.socket(socket.AF_UNIX); s.connect(sys.argv[1]); "
            's.sendall(b\'{"imageId": "e3vdemoactive0000001", "files": []}\'); '
            "s.shutdown(socket.SHUT_WR); s.recv(3)"
        )
        # The system's Python: the account may not reach the project's folder and its venv.
        python = shutil.which("python3", path="/usr/bin:/bin") or sys.executable
        other = subprocess.Popen([python, "-c", client, str(path)], user=65534, cwd="/")
        listening.server.setblocking(True)
        connection, _ = listening.server.accept()
        assert read_request(connection) is None
        connection.close()
        other.wait(timeout=30)
        listening.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# -- the folder, a second launch, the hand-over's limits -------------------------------------

T = TypeVar("T")


def within(seconds: float, work: Callable[[], T]) -> T:
    """``work()``'s result, failing the test (not hanging it) if it takes over ``seconds``."""
    results: list[T] = []
    worker = threading.Thread(target=lambda: results.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert results, f"still waiting after {seconds} s"
    return results[0]


def test_a_second_launch_finds_the_same_folder(runtime_dir: Path) -> None:
    first = socket_path()
    assert first is not None
    assert socket_path() == first
    assert first.parent.is_dir()


def test_a_folder_of_another_account_is_not_used(
    runtime_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Private (0700) but not the user's own: another account could listen in it."""
    assert runtime_folder() is not None  # made by this account
    monkeypatch.setattr(os, "getuid", lambda: os.geteuid() + 1)
    assert runtime_folder() is None


def test_a_relative_runtime_dir_is_not_trusted(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_RUNTIME_DIR", "run")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    assert runtime_folder() == tmp_path / "tmp" / f"cloud-desktop-inspector-{os.getuid()}"
    assert not (tmp_path / "run").exists()


def test_a_launch_gives_up_on_a_window_that_never_answers(runtime_dir: Path) -> None:
    """It connects and sends, but the window never says ``ok``: the launch opens its own."""
    path = socket_path()
    assert path is not None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as hung:
        hung.bind(str(path))
        hung.listen(8)
        started = time.monotonic()
        assert not within(5, lambda: hand_over(Request("e3vdemoactive0000001"), path, 0.2))
        assert time.monotonic() - started < 2


def test_a_window_that_answers_something_else_did_not_take_the_request(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    listening = listen(path)
    assert listening is not None

    def refuse() -> None:
        listening.server.setblocking(True)
        connection, _ = listening.server.accept()
        connection.recv(MAX_REQUEST_BYTES)
        connection.sendall(b"no\n")
        connection.close()

    server = threading.Thread(target=refuse)
    server.start()
    assert not hand_over(Request("e3vdemoactive0000001"), path)
    server.join()
    listening.close()


def serve_one(listening: Listening) -> tuple[threading.Thread, list[Request | None]]:
    """The window's side for one launch: read the request, then acknowledge it."""
    received: list[Request | None] = []

    def serve() -> None:
        listening.server.setblocking(True)
        connection, _ = listening.server.accept()
        received.append(read_request(connection))
        acknowledge(connection)

    server = threading.Thread(target=serve)
    server.start()
    return server, received


def test_a_launch_hands_its_id_and_files_as_absolute_paths(
    runtime_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The window runs in another folder: ``open x.json`` must name this launch's x.json."""
    path = socket_path()
    assert path is not None
    listening = listen(path)
    assert listening is not None
    server, received = serve_one(listening)
    monkeypatch.chdir(tmp_path)
    assert hand_over_launch("e3vdemoactive0000001", ("x.json", "/srv/b.json"))
    server.join()
    assert received == [Request("e3vdemoactive0000001", (str(tmp_path / "x.json"), "/srv/b.json"))]
    listening.close()


def test_a_launch_with_no_window_open_hands_nothing_over(runtime_dir: Path) -> None:
    assert not hand_over_launch("e3vdemoactive0000001", ())


def test_a_launch_without_a_private_folder_hands_nothing_over(runtime_dir: Path) -> None:
    path = socket_path()
    assert path is not None
    listening = listen(path)
    assert listening is not None
    os.chmod(path.parent, 0o755)  # another account could have put this socket here
    assert not hand_over_launch("e3vdemoactive0000001", ())
    listening.close()


def test_the_window_s_socket_never_blocks_it(runtime_dir: Path) -> None:
    """The window accepts when told a launch is waiting; with none, accepting returns at once."""
    path = socket_path()
    assert path is not None
    listening = listen(path)
    assert listening is not None
    assert not listening.server.getblocking()
    with pytest.raises(BlockingIOError):
        listening.server.accept()
    listening.close()


def test_a_window_too_busy_to_take_a_launch_is_replaced_at_once(runtime_dir: Path) -> None:
    """Its queue of waiting launches is full: the probe is refused at once, not waited on."""
    path = socket_path()
    assert path is not None
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as busy:
        busy.bind(str(path))
        busy.listen(0)
        waiting: list[socket.socket] = []
        try:
            while True:
                launch = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                waiting.append(launch)
                launch.setblocking(False)
                launch.connect(str(path))
        except BlockingIOError:
            pass
        started = time.monotonic()
        replaced = within(5, lambda: listen(path))
        assert time.monotonic() - started < 1
        for launch in waiting:
            launch.close()
    assert replaced is not None
    replaced.close()


def request_read(
    data: bytes, *, finish: bool = True, last_byte_late: bool = False
) -> Request | None:
    """What the window reads from a launch that sends ``data`` (and then says it is done);
    ``last_byte_late``: the last byte comes a moment after the rest has been read."""
    window, launch = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)

    def send() -> None:
        with contextlib.suppress(OSError):
            if last_byte_late:
                launch.sendall(data[:-1])
                time.sleep(0.2)
                launch.sendall(data[-1:])
            else:
                launch.sendall(data)
            if finish:
                launch.shutdown(socket.SHUT_WR)

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    try:
        return within(5, lambda: read_request(window))
    finally:
        window.close()
        sender.join(5)
        launch.close()


def padded(size: int) -> bytes:
    """A well-formed request of exactly ``size`` bytes (spaces after the JSON)."""
    data = Request("e3vdemoactive0000001").encode()
    return data + b" " * (size - len(data))


def test_a_request_of_many_files_arrives_whole() -> None:
    """Longer than one read: the pieces are joined as they came."""
    files = tuple(f"/home/user/bundles/{n:05d}.inspector.json" for n in range(3000))
    sent = Request(None, files)
    assert 65536 < len(sent.encode()) < MAX_REQUEST_BYTES
    assert request_read(sent.encode()) == sent


def test_a_request_up_to_the_limit_is_read_and_one_byte_more_is_not() -> None:
    assert request_read(padded(MAX_REQUEST_BYTES)) == Request("e3vdemoactive0000001")
    assert request_read(padded(MAX_REQUEST_BYTES + 1)) is None


def test_a_request_one_byte_past_the_limit_is_refused_whenever_that_byte_comes() -> None:
    """Its first 256 KiB are a whole request; the line's end comes late. Still too long."""
    data = Request("e3vdemoactive0000001").encode()
    json_line = data[:-1] + b" " * (MAX_REQUEST_BYTES - len(data) + 1) + b"\n"
    assert len(json_line) == MAX_REQUEST_BYTES + 1
    assert request_read(json_line, last_byte_late=True) is None


def test_a_request_far_past_the_limit_is_not_read_to_its_end() -> None:
    assert request_read(padded(4 * MAX_REQUEST_BYTES)) is None


def test_a_launch_that_never_finishes_sending_is_dropped_in_half_a_second() -> None:
    started = time.monotonic()
    assert request_read(b'{"imageId": ', finish=False) is None
    assert time.monotonic() - started < 2


class PeerSocket(socket.socket):
    """One end of a socket pair that reports the given peer credentials, or fails to."""

    credentials: bytes | None = None

    def getsockopt(self, *args: Any) -> Any:
        if args[:2] == (socket.SOL_SOCKET, getattr(socket, "SO_PEERCRED", None)):
            if self.credentials is None:
                raise OSError("no credentials")
            return self.credentials
        return super().getsockopt(*args)


def read_from_peer(credentials: bytes | None) -> Request | None:
    window, launch = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
    peer = PeerSocket(socket.AF_UNIX, socket.SOCK_STREAM, fileno=window.detach())
    peer.credentials = credentials
    with launch, peer:
        launch.sendall(Request("e3vdemoactive0000001").encode())
        launch.shutdown(socket.SHUT_WR)
        return read_request(peer)


@pytest.mark.skipif(not hasattr(socket, "SO_PEERCRED"), reason="no peer credentials here")
def test_the_window_serves_its_own_user_even_with_a_uid_past_2_31(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """uid_t is unsigned: a directory service may hand out uids of 2**31 and more."""
    uid = 2**31 + 5
    monkeypatch.setattr(os, "getuid", lambda: uid)
    credentials = struct.pack("i2I", 4242, uid, uid)
    assert read_from_peer(credentials) == Request("e3vdemoactive0000001")
    other = struct.pack("i2I", 4242, uid + 1, uid)
    assert read_from_peer(other) is None


@pytest.mark.skipif(not hasattr(socket, "SO_PEERCRED"), reason="no peer credentials here")
def test_a_launch_whose_credentials_cannot_be_read_is_not_served() -> None:
    assert read_from_peer(None) is None


def test_without_peer_credentials_the_private_folder_alone_decides(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Systems without ``SO_PEERCRED`` serve every launch that reached the 0700 folder."""
    monkeypatch.delattr(socket, "SO_PEERCRED", raising=False)
    assert read_from_peer(None) == Request("e3vdemoactive0000001")


def test_the_bytes_sent_are_one_json_line_in_ascii() -> None:
    """Any file name survives the trip whatever the two processes' locales."""
    data = Request("e3vdemoactive0000001", ("/tmp/в.json",)).encode()
    assert data == b'{"imageId": "e3vdemoactive0000001", "files": ["/tmp/\\u0432.json"]}\n'
