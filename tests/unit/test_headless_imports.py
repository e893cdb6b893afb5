"""Everything outside ui/ imports with Qt blocked.

The import-linter contracts in pyproject.toml hold the static imports; this check runs the real
imports, so a module that reaches Qt through ``importlib`` or a plugin, or a command module that
loads the window at import time rather than when it opens it, fails here too.
"""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys

import inspector

# A ui/ module that the window imports before Qt is needed elsewhere: each tab's wiring only
# connects signals and calls methods, so it must stay free of Qt at import time.
QT_FREE_IN_UI = ("inspector.ui.window.tabs",)

_BLOCKER = """
import importlib, importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'qasync'):
            raise ImportError('Qt is not allowed here: ' + name)
sys.meta_path.insert(0, Block())
for module in sys.argv[1:]:
    importlib.import_module(module)
print('ok')
"""


def headless_modules() -> list[str]:
    """Every module of the package outside ui/, found by walking it (no list to keep up)."""
    found = ["inspector"]
    for info in pkgutil.iter_modules(inspector.__path__, "inspector."):
        if info.name in ("inspector.ui", "inspector.__main__"):
            continue
        found.append(info.name)
        if info.ispkg:
            package = importlib.import_module(info.name)
            walk = pkgutil.walk_packages(package.__path__, f"{info.name}.")
            found += [sub.name for sub in walk if not sub.name.endswith(".__main__")]
    return found


def test_the_walk_reaches_every_layer_and_the_nested_packages() -> None:
    modules = headless_modules()
    for expected in (
        "inspector.api.credentials.cache",
        "inspector.api.network.proxy",
        "inspector.cli.main",
        "inspector.config.history",
        "inspector.core.watch",
        "inspector.present.errors",
        "inspector.demo.server",
        "inspector.desktop.entries",
        "inspector.i18n",
    ):
        assert expected in modules
    assert not [name for name in modules if name.startswith("inspector.ui")]


def test_headless_modules_import_without_qt() -> None:
    modules = [*headless_modules(), *QT_FREE_IN_UI]
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKER, *modules],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
