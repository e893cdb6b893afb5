"""One window per user: the socket's folder, the hand-over protocol, stale sockets."""

from __future__ import annotations

import os
import shutil
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from inspector.cli.open import handed_over
from inspector.cli.parser import parse_options
from inspector.core.instance import (
    Request,
    acknowledge,
    hand_over,
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
    received: list[Request | None] = []

    def serve() -> None:
        listening.server.setblocking(True)
        connection, _ = listening.server.accept()
        received.append(read_request(connection))
        acknowledge(connection)

    server = threading.Thread(target=serve)
    server.start()
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
