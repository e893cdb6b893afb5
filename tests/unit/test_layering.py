"""The headless layers stay free of Qt, and the arrows between layers point one way."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import inspector

PACKAGE_ROOT = Path(inspector.__file__).parent
HEADLESS = ("inspector.api", "inspector.present", "inspector.demo")

_BLOCKER = """
import importlib.abc, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split('.')[0] in ('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'qasync'):
            raise ImportError('Qt is not allowed here: ' + name)
sys.meta_path.insert(0, Block())
import importlib
for module in sys.argv[1:]:
    importlib.import_module(module)
print('ok')
"""


def _modules(package: str) -> list[str]:
    path = PACKAGE_ROOT / package.split(".", 1)[1]
    found = [package]
    found += [f"{package}.{info.name}" for info in pkgutil.iter_modules([str(path)])]
    return [name for name in found if not name.endswith("__main__")]


def test_headless_layers_import_without_qt() -> None:
    modules = [m for package in HEADLESS for m in _modules(package)]
    modules += ["inspector.cli.main", "inspector.config.connection", "inspector.config.options"]
    # The aids' policies and each tab's controller are driven by the window but need no Qt.
    modules += [
        "inspector.core.watch",
        "inspector.config.history",
        "inspector.core.bundle",
        "inspector.core.notify",
        "inspector.core.tab",
        "inspector.ui.window.tabs",
        # one window per user, and the desktop files: checked before Qt loads, or without it
        "inspector.core.instance",
        "inspector.desktop.command",
        "inspector.desktop.entries",
        "inspector.desktop.install",
    ]
    result = subprocess.run(
        [sys.executable, "-c", _BLOCKER, *modules],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len(modules) > 10


def _imports_of(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


def test_arrows_point_one_way() -> None:
    """api imports nothing of ours above it; present never imports ui; ui never does HTTP."""
    forbidden = {
        "api": ("inspector.present", "inspector.ui", "inspector.ui.app", "inspector.cli.main"),
        "present": ("inspector.ui", "inspector.ui.app", "inspector.cli.main", "httpx"),
        "ui": ("httpx", "inspector.api.client", "inspector.api.transport"),
    }
    for layer, banned in forbidden.items():
        for path in (PACKAGE_ROOT / layer).glob("*.py"):
            bad = [name for name in _imports_of(path) if name.startswith(banned)]
            assert not bad, f"{path.name} imports {bad}"
