"""Qt's ``Qt`` namespace is built after the first paint, not before (26 ms of a start).

PySide6 builds all of the namespace's enums the first time ``QtCore.Qt`` is read, and reads it
itself when it hands a Qt enum to Python or checks an overload that takes one. The window runs
through the real entry point in a process of its own, plain and with the demo.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.window_process import run_window_script, until_image_script

_BUILT = until_image_script("NAMESPACE", "'Qt' in sys.modules['PySide6.QtCore'].__dict__")


@pytest.mark.parametrize("arguments", [[], ["--demo"]], ids=["plain", "demo"])
def test_the_first_frame_is_painted_before_qt_namespace_is_built(
    tmp_path: Path, arguments: list[str]
) -> None:
    report = run_window_script(tmp_path, _BUILT, "NAMESPACE", "", *arguments)
    assert report["first_paint"] is False


def test_the_namespace_is_read_through_once_built(tmp_path: Path) -> None:
    """The proxy hands out the real enums (the image shown used several)."""
    script = until_image_script(
        "NAMESPACE",
        "[__import__('inspector.ui.qt_namespace').ui.qt_namespace.Qt.AlignmentFlag.AlignTop"
        " is sys.modules['PySide6.QtCore'].Qt.AlignmentFlag.AlignTop]",
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
    assert report["image_shown"] == [True]
