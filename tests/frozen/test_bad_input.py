"""Bad input to the app as started from a desktop or a shell: it says what is wrong on stderr,
exits non-zero, and leaves no process and no temporary file behind."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from inspector import __version__
from inspector.ui.display import NO_DISPLAY_MESSAGE, prepare_display
from tests.frozen.runner import run_app

NO_DISPLAY = {"QT_QPA_PLATFORM": None, "DISPLAY": None, "WAYLAND_DISPLAY": None}


def test_version(app_command: list[str], tmp_path: Path) -> None:
    run = run_app(app_command, ["--version"], tmp_path)
    assert run.returncode == 0
    assert run.stdout.strip() == f"cloud-desktop-inspector {__version__}"


def test_bad_option(app_command: list[str], tmp_path: Path) -> None:
    run = run_app(app_command, ["--no-such-option"], tmp_path)
    assert run.returncode == 2
    assert "unrecognized arguments: --no-such-option" in run.stderr
    assert not run.leftover_processes
    assert run.leftover_temp_files == []


def test_no_display(app_command: list[str], tmp_path: Path) -> None:
    run = run_app(app_command, ["--demo"], tmp_path, NO_DISPLAY)
    assert run.returncode == 1
    assert NO_DISPLAY_MESSAGE in run.stderr
    assert not run.leftover_processes
    assert run.leftover_temp_files == []


def test_demo_port_taken(app_command: list[str], tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        run = run_app(app_command, ["--demo", "--demo-port", str(port), "--self-test"], tmp_path)
    assert run.returncode == 1
    assert f"could not listen on 127.0.0.1:{port}" in run.stderr
    assert not run.leftover_processes
    assert run.leftover_temp_files == []


@pytest.mark.parametrize(
    ("environ", "self_test", "problem", "platform_after"),
    [
        ({}, False, NO_DISPLAY_MESSAGE, None),
        ({}, True, None, "offscreen"),
        ({"DISPLAY": ":0"}, False, None, None),
        ({"WAYLAND_DISPLAY": "wayland-0"}, True, None, None),
        ({"QT_QPA_PLATFORM": "xcb"}, True, None, "xcb"),
    ],
)
def test_prepare_display(
    environ: dict[str, str], self_test: bool, problem: str | None, platform_after: str | None
) -> None:
    assert prepare_display(self_test=self_test, environ=environ) == problem
    assert environ.get("QT_QPA_PLATFORM") == platform_after
