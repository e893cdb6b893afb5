"""The first frame is the window as it stays: what is made after it changes no pixel.

The first page's value widgets are made right after the first paint (they cost more to set up
than the rest of the first frame). Blank, they show nothing and are as high as their rows'
names, so an operator must not see the form move. The window runs through the real entry point
in a process of its own; it is grabbed on the first turn of the event loop after its first paint
(before anything queued by that paint has run) and again a second and a half later. Only the
status bar may differ (its "Loading..." becomes "Ready"), and the ID field, whose focus frame
appears once the window is active.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from tests.integration.window_process import run_window_script

_GRAB = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer
from PySide6.QtGui import QGuiApplication
from inspector.cli.main import main
from inspector.ui.window.main_window import MainWindow

folder = sys.argv[1]
report = {}

class Grabber(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            report["demo_samples_at_paint"] = self.demo_samples()
            QTimer.singleShot(0, lambda: self.grab("first"))
            QTimer.singleShot(1500, lambda: self.grab("later"))
        return False

    def demo_samples(self):
        samples = self.window.demo_part.list_part.if_built()
        return None if samples is None else samples.count()

    def grab(self, moment):
        from inspector.ui.widgets.value_label import ValueLabel

        self.window.grab().save(os.path.join(folder, moment + ".png"))
        report[moment] = len(self.window.findChildren(ValueLabel))
        if moment == "later":
            bar = self.window.statusBar().geometry()
            report["status_bar_top"] = bar.top()
            edit = self.window.page.id_edit
            report["id_field_bottom"] = edit.mapTo(self.window, edit.rect().bottomLeft()).y()
            report["page_left"] = self.window.tabs.mapTo(self.window, QPoint(0, 0)).x()
            report["demo_samples_later"] = self.demo_samples()
            print("FRAMES " + json.dumps(report), flush=True)
            os._exit(0)

build = MainWindow.__init__

def watched_init(self, *args, **kwargs):
    build(self, *args, **kwargs)
    QGuiApplication.styleHints().setCursorFlashTime(0)  # a blinking caret is no layout change
    self.grabber = Grabber(self)

MainWindow.__init__ = watched_init
sys.exit(main(sys.argv[2:]))
"""


def _differing_rows(first: QImage, later: QImage, left: int = 0) -> list[int]:
    """The rows in which the two images differ, right of ``left``."""
    assert first.size() == later.size()
    return [
        y
        for y in range(first.height())
        if any(first.pixel(x, y) != later.pixel(x, y) for x in range(left, first.width()))
    ]


def test_the_first_frame_looks_like_the_window_a_moment_later(tmp_path: Path) -> None:
    report = run_window_script(tmp_path, _GRAB, "FRAMES", str(tmp_path), "--new-instance")
    # The values were made after the first frame, and are there a moment later.
    assert report["first"] == 0
    assert report["later"] > 0
    first, later = QImage(str(tmp_path / "first.png")), QImage(str(tmp_path / "later.png"))
    # Between the ID field (its focus frame may be drawn once the window is active) and the
    # status bar: the tabs, the form and the labels, which a late value widget would move.
    top, bottom = report["id_field_bottom"], report["status_bar_top"]
    moved = [y for y in _differing_rows(first, later) if top < y < bottom]
    assert moved == [], f"rows {moved[0]}..{moved[-1]} changed after the first frame"


def test_the_demo_first_frame_is_the_window_a_moment_later_beside_its_samples(
    tmp_path: Path,
) -> None:
    """With ``--demo`` the sample list is on screen, empty, at the first paint, and filled
    right after it (the samples' module and items are 11 ms of a first paint); the page beside
    it does not move."""
    report = run_window_script(
        tmp_path, _GRAB, "FRAMES", str(tmp_path), "--new-instance", "--demo", "--demo-port", "0"
    )
    assert report["demo_samples_at_paint"] == 0
    assert report["demo_samples_later"] > 20
    first, later = QImage(str(tmp_path / "first.png")), QImage(str(tmp_path / "later.png"))
    top, bottom = report["id_field_bottom"], report["status_bar_top"]
    rows = _differing_rows(first, later, left=report["page_left"])
    moved = [y for y in rows if top < y < bottom]
    assert moved == [], f"rows {moved[0]}..{moved[-1]} of the page changed after the first frame"
