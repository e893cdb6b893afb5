"""Start-up as a user launches it: a separate process, the real ``run_window``."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import qasync
from pytestqt.qtbot import QtBot

from inspector.config.connection import resolve_connection
from inspector.demo.server import DemoServer
from tests.gui.driver import start_window

HARMLESS_OFFSCREEN = ("This plugin does not support propagateSizeHints()",)

_PROBE = """
import sys
from PySide6.QtCore import QTimer
from inspector.ui.window.main_window import MainWindow
from inspector.ui.app import run_window
from inspector.cli.parser import parse_options

original = MainWindow.paintEvent

def probe(self, event):
    if not self.painted:
        heavy = sorted(name for name in ("httpx", "pydantic") if name in sys.modules)
        print("loaded at first paint:", heavy or "none", flush=True)
        print("ID at first paint:", self.page.id_edit.text() or "none", flush=True)
        QTimer.singleShot(0, self.close)
    original(self, event)

MainWindow.paintEvent = probe
sys.exit(run_window(parse_options(sys.argv[1:])))
"""


# A window whose first paint comes late: its paint events are dropped for a while.
_LATE_PAINT = """
import sys, time
from PySide6.QtCore import QTimer
from inspector.ui.window.main_window import MainWindow
from inspector.ui.app import FIRST_PAINT_LIMIT_MS, run_window
from inspector.cli.parser import parse_options

original = MainWindow.paintEvent
late_by = []

def late(self, event):
    if not late_by:
        late_by.append(time.monotonic() + (FIRST_PAINT_LIMIT_MS + 200) / 1000)
        QTimer.singleShot(FIRST_PAINT_LIMIT_MS + 300, self.update)
    if time.monotonic() < late_by[0]:
        return
    original(self, event)

MainWindow.paintEvent = late
sys.exit(run_window(parse_options(sys.argv[1:])))
"""


def run_probe(*args: str, probe: str = _PROBE) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.usefixtures("isolated_home")  # not the user's settings, state or tokens
def test_window_paints_before_http_and_models_load() -> None:
    result = run_probe("--demo")
    assert result.returncode == 0, result.stderr
    assert "loaded at first paint: none" in result.stdout


@pytest.mark.usefixtures("isolated_home")  # not the user's settings, state or tokens
def test_the_first_frame_already_holds_the_image_id_to_fetch() -> None:
    result = run_probe("--demo", "--image-id", "e3vdemoactive0000001")
    assert result.returncode == 0, result.stderr
    assert "ID at first paint: e3vdemoactive0000001" in result.stdout
    assert "loaded at first paint: none" in result.stdout  # fetched after the first frame


@pytest.mark.usefixtures("isolated_home")  # not the user's settings, state or tokens
def test_self_test_fails_a_window_that_did_not_paint_in_time() -> None:
    result = run_probe("--demo", "--self-test", probe=_LATE_PAINT)
    assert result.stdout.splitlines()[1] == "FAIL  the window did not paint within 1000 ms"
    assert "ok    rendered e3vdemoactive0000001" in result.stdout  # the rest still ran
    assert result.returncode == 1
    assert "self-test failed: the window did not paint within 1000 ms" in result.stderr


@pytest.mark.usefixtures("isolated_home")  # not the user's settings, state or tokens
def test_normal_run_emits_no_qt_warning() -> None:
    result = run_probe("--demo")
    noise = [line for line in result.stderr.splitlines() if line and line not in HARMLESS_OFFSCREEN]
    assert noise == []


@pytest.mark.usefixtures("isolated_home")  # not the user's settings, state or tokens
def test_bad_endpoint_is_refused_before_the_window() -> None:
    result = run_probe("--endpoint", "http://example.com")
    assert result.returncode == 2
    assert "https://" in result.stderr
    assert "loaded at first paint" not in result.stdout


def test_image_id_option_fetches_at_start(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer
) -> None:
    connection = resolve_connection(demo_url=demo_server.base_url)
    app = start_window(qtbot, connection, image_id="e3vdemoactive0000001")
    try:
        qtbot.waitUntil(lambda: app.window.page.shown_id == "e3vdemoactive0000001")
        assert app.window.page.id_edit.text() == "e3vdemoactive0000001"
    finally:
        app.window.close()
        qtbot.waitUntil(app.task.done, timeout=5000)
