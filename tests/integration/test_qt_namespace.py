"""Qt's ``Qt`` namespace is built after the first paint, not before (26 ms of a start).

PySide6 builds all of the namespace's enums the first time ``QtCore.Qt`` is read, and reads it
itself when it hands a Qt enum to Python or checks an overload that takes one. The window runs
through the real entry point in a process of its own, plain and with the demo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.window_process import run_window_script, until_image_script

# Where the namespace was first built: the inspector's frames on the stack at that moment (a
# profile hook looks after every call until it is built).
_WATCH = """
import traceback
built_at = []

def watch(frame, event, arg):
    core = sys.modules.get("PySide6.QtCore")
    if core is not None and "Qt" in core.__dict__:
        sys.setprofile(None)
        stack = reversed(traceback.extract_stack(frame))  # innermost first
        built_at.extend(f"{s.filename}:{s.lineno}" for s in stack if "/inspector/" in s.filename)
        built_at.append("(built)")

sys.setprofile(watch)
"""
_BUILT = until_image_script("NAMESPACE", "list(built_at)", _WATCH)


@pytest.mark.parametrize("arguments", [[], ["--demo"]], ids=["plain", "demo"])
def test_the_first_frame_is_painted_before_qt_namespace_is_built(
    tmp_path: Path, arguments: list[str]
) -> None:
    report = run_window_script(tmp_path, _BUILT, "NAMESPACE", "", *arguments)
    assert report["first_paint"] == []  # else: where it was built, innermost first


def test_the_namespace_is_read_through_once_built(tmp_path: Path) -> None:
    """The proxy hands out the real enums once the image is shown (which built the namespace,
    as the watch saw)."""
    script = until_image_script(
        "NAMESPACE",
        "[__import__('inspector.ui.qt_namespace').ui.qt_namespace.Qt.AlignmentFlag.AlignTop"
        " is sys.modules['PySide6.QtCore'].Qt.AlignmentFlag.AlignTop, built_at[-1:]]",
        _WATCH,
    )
    report = run_window_script(
        tmp_path,
        script,
        "NAMESPACE",
        "e3vdemoactive0000001",
        "--demo",
        "--image-id",
        "e3vdemoactive0000001",
    )
    assert report["image_shown"] == [True, ["(built)"]]
