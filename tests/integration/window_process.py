"""Run a script that starts the window in a process of its own and read its one-line report.

The window runs on the offscreen platform with private config, state and data folders (nothing
of the user's is read or touched) and no credentials from the environment; the script prints
``MARKER {json}`` once it has seen what it came for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

_UNTIL_IMAGE = """
import json, sys
from PySide6.QtCore import QTimer
from inspector.cli.main import main
from inspector.ui.window.main_window import MainWindow
{setup}
image_id = sys.argv[1] or None
seen = {{}}
paint = MainWindow.paintEvent

def probe(self, event):
    if not self.painted:
        seen["first_paint"] = {measure}
        window = self
        def check():
            if image_id is None or window.page.shown_id == image_id:
                seen["image_shown"] = {measure}
                print("{marker} " + json.dumps(seen), flush=True)
                window.close()
            else:
                QTimer.singleShot(10, check)
        QTimer.singleShot(0, check)
    paint(self, event)

MainWindow.paintEvent = probe
sys.exit(main(sys.argv[2:]))
"""


def until_image_script(marker: str, measure: str, setup: str = "") -> str:
    """A script that starts the window through the real entry point and reports ``measure`` (a
    Python expression) at its first paint and once the image ID given as its first argument
    is shown (at once when that argument is empty); the other arguments are the command line.
    """
    return _UNTIL_IMAGE.format(marker=marker, measure=measure, setup=setup)


def run_window_script(tmp_path: Path, script: str, marker: str, *args: str) -> dict[str, Any]:
    """``script``'s report (the JSON after ``marker``); the test fails with its stderr if none."""
    env = {
        **{key: value for key, value in os.environ.items() if not key.startswith("YC_")},
        "QT_QPA_PLATFORM": "offscreen",
        "QT_API": "pyside6",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    done = subprocess.run(
        [sys.executable, "-c", script, *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    prefix = f"{marker} "
    lines = [line for line in done.stdout.splitlines() if line.startswith(prefix)]
    assert lines, done.stderr
    report = json.loads(lines[0].removeprefix(prefix))
    assert isinstance(report, dict)
    return report
