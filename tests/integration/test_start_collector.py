"""The garbage collector is paused while the window starts and back, with the start frozen, once
the backend is up (see ``inspector.ui.start_collector``): through the real entry point, in a
process of its own."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.integration.window_process import run_window_script, until_image_script

IMAGE_ID = "e3vdemoactive0000001"

_PROBE = until_image_script(
    "COLLECTOR", "[gc.isenabled(), gc.get_freeze_count()]", setup="import gc"
)


def test_paused_until_the_backend_is_up_then_the_start_is_frozen(tmp_path: Path) -> None:
    arguments = (IMAGE_ID, "--demo", "--new-instance", "--image-id", IMAGE_ID)
    seen = run_window_script(tmp_path, _PROBE, "COLLECTOR", *arguments)
    assert seen["first_paint"] == [False, 0]
    collecting, frozen = seen["image_shown"]
    assert collecting is True
    # The modules, classes and Qt types made by the start: tens of thousands of objects.
    assert frozen > 10_000


def test_a_collector_already_off_stays_off() -> None:
    script = (
        "import gc\n"
        "from inspector.ui import start_collector\n"
        "gc.disable()\n"
        "start_collector.pause()\n"
        "start_collector.resume()\n"
        "print(gc.isenabled(), gc.get_freeze_count())\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "0"]


_WITHOUT_BACKEND = """
import gc, json, sys, types
from PySide6.QtCore import QTimer
from inspector.cli.main import main
from inspector.ui import session, start_collector
from inspector.ui.window.main_window import MainWindow

start_collector.PAUSE_LIMIT_MS = 300
session.start_collector = types.SimpleNamespace(resume=lambda: None)  # a backend never up
paint = MainWindow.paintEvent

def probe(self, event):
    if not self.painted:
        window = self
        def report(waited=0):
            if gc.isenabled() or waited >= 5000:
                print("COLLECTOR " + json.dumps({"later": gc.isenabled()}), flush=True)
                window.close()
            else:
                QTimer.singleShot(50, lambda: report(waited + 50))
        QTimer.singleShot(0, report)
    paint(self, event)

MainWindow.paintEvent = probe
sys.exit(main(sys.argv[1:]))
"""


def test_the_pause_ends_soon_after_the_first_paint_anyway(tmp_path: Path) -> None:
    seen = run_window_script(tmp_path, _WITHOUT_BACKEND, "COLLECTOR", "--demo", "--new-instance")
    assert seen["later"] is True
