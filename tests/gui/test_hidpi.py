"""HiDPI: icons are drawn at the screen's real resolution at 100 %, 150 % and 200 %.

Qt fixes the scale factor when the application starts, so each scale runs in its own process
(``QT_SCALE_FACTOR``), which reports what it rendered as JSON.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from importlib.resources import files
from typing import Any

import pytest

from inspector.ui.widgets.status_badge import ICON_SIZE

ICONS = sorted(
    item.name.removesuffix(".svg")
    for item in (files("inspector.resources") / "icons").iterdir()
    if item.name.endswith(".svg")
)
LOGICAL = 16
WINDOW = (900, 640)

_PROBE = """
import json, sys
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication
from inspector.ui.widgets.icons import render, svg_icon
from inspector.ui.window.main_window import MainWindow

def edge_share(image):
    # Of the pixels an icon covers, the share only partly covered: the blur at its edges.
    alphas = [image.pixelColor(x, y).alpha() for x in range(image.width())
              for y in range(image.height())]
    covered = [a for a in alphas if a > 0]
    return sum(1 for a in covered if a < 255) / len(covered)

app = QApplication([])
ratio = app.primaryScreen().devicePixelRatio()
logical, width, height = (int(argument) for argument in sys.argv[1:4])
names = sys.argv[4].split(",")
report = {"ratio": ratio, "icons": {}}
for name in names:
    pixmap = svg_icon(name, "#000000").pixmap(QSize(logical, logical), ratio)
    native = pixmap.toImage()
    upscaled = render(name, QSize(logical, logical), 1.0, "#000000").toImage().scaled(
        native.size(), Qt.AspectRatioMode.IgnoreAspectRatio,
        Qt.TransformationMode.SmoothTransformation)
    report["icons"][name] = {
        "size": [pixmap.width(), pixmap.height()],
        "ratio": pixmap.devicePixelRatio(),
        "native_edges": edge_share(native),
        "upscaled_edges": edge_share(upscaled),
    }
window = MainWindow()
window.resize(width, height)
window.show()
from inspector.present.status import present_status
window.page.form.badge.show_status(present_status("ACTIVE"))
app.processEvents()
grab = window.grab()
report["window"] = {"size": [grab.width(), grab.height()], "ratio": grab.devicePixelRatio()}
badge = window.page.form.badge.icon_pixmap()
report["badge"] = {"size": [badge.width(), badge.height()], "ratio": badge.devicePixelRatio()}
window.close()
print(json.dumps(report))
"""


def probe(scale: str) -> dict[str, Any]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "QT_SCALE_FACTOR": scale}
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(LOGICAL), *map(str, WINDOW), ",".join(ICONS)],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_the_status_icons_are_svg() -> None:
    assert set(ICONS) >= {
        "status-ready",
        "status-progress",
        "status-neutral",
        "status-unknown",
        "status-missing",
    }


@pytest.mark.parametrize("scale", ["1", "1.5", "2"])
def test_icons_and_window_render_at_the_screens_resolution(scale: str) -> None:
    report = probe(scale)
    ratio = float(scale)
    assert report["ratio"] == ratio
    pixels = math.ceil(LOGICAL * ratio)
    for name, icon in report["icons"].items():
        assert icon["size"] == [pixels, pixels], name
        assert icon["ratio"] == ratio, name
        if ratio > 1:
            # Drawn for the real pixels, an icon has sharper edges than the 100 % one
            # stretched to the same size would: that stretching is what blurry looks like.
            assert icon["native_edges"] < icon["upscaled_edges"], (name, icon)
    assert report["window"] == {
        "size": [round(WINDOW[0] * ratio), round(WINDOW[1] * ratio)],
        "ratio": ratio,
    }
    badge_pixels = math.ceil(ICON_SIZE * ratio)
    assert report["badge"] == {"size": [badge_pixels, badge_pixels], "ratio": ratio}
