"""PySide6 reads each module imported after it; the inspector answers its check without reading."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_SCRIPT = """
import linecache, sys
sys.path.insert(0, sys.argv[1])
import PySide6.QtCore
from shibokensupport.feature import pyside_feature_dict
from inspector.ui.module_sources import forget_sources_read_by_pyside

import before_the_fix
kept_before = before_the_fix.__file__ in linecache.cache
forget_sources_read_by_pyside()
forget_sources_read_by_pyside()  # a second call changes nothing
import after_the_fix, uses_qt, selects_a_feature
print(kept_before, after_the_fix.__file__ in linecache.cache, uses_qt.__file__ in linecache.cache)
print(
    pyside_feature_dict.get("before_the_fix"),
    pyside_feature_dict.get("after_the_fix"),
    pyside_feature_dict.get("uses_qt"),
    pyside_feature_dict.get("selects_a_feature"),
)
"""


def test_modules_imported_after_pyside_are_not_read_and_see_qt_unchanged(tmp_path: Path) -> None:
    (tmp_path / "before_the_fix.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "after_the_fix.py").write_text("VALUE = 2\n", encoding="utf-8")
    (tmp_path / "uses_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    (tmp_path / "selects_a_feature.py").write_text(
        "import PySide6.QtCore\nfrom __feature__ import snake_case\n", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    kept, features = done.stdout.splitlines()
    # PySide6 left alone reads and keeps the text; after the fix nothing is read or kept ...
    assert kept == "True False False"
    # ... PySide6 itself told a module without Qt (-1: left alone) from one with Qt (0: no
    # feature); after the fix every module gets "no feature", and one that selects a feature
    # still has it (snake_case is 1).
    assert features == "-1 0 0 1"
