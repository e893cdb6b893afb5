"""PySide6 reads each module imported after it; the inspector does not let Python keep the text."""

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
import after_the_fix, uses_qt
print(kept_before, after_the_fix.__file__ in linecache.cache, uses_qt.__file__ in linecache.cache)
print(pyside_feature_dict.get("after_the_fix"), pyside_feature_dict.get("uses_qt"))
"""


def test_sources_read_by_the_feature_check_are_not_kept(tmp_path: Path) -> None:
    (tmp_path / "before_the_fix.py").write_text("VALUE = 1\n", encoding="utf-8")
    (tmp_path / "after_the_fix.py").write_text("VALUE = 2\n", encoding="utf-8")
    (tmp_path / "uses_qt.py").write_text("import PySide6.QtCore\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", _SCRIPT, str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    kept, features = done.stdout.splitlines()
    # PySide6 left alone keeps the text; after the fix nothing is kept ...
    assert kept == "True False False"
    # ... and the check still tells a module that uses PySide6 from one that does not.
    assert features == "-1 0"
