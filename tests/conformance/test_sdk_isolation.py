"""The official SDK is the tests' oracle only: the app never imports it, nor protobuf."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import inspector

_ORACLE_PACKAGES = ("yandex", "yandexcloud", "google.protobuf", "google.rpc", "grpc")
_IMPORT_EVERYTHING = """
import importlib, pkgutil, sys
import inspector
for module in pkgutil.walk_packages(inspector.__path__, "inspector."):
    if not module.name.endswith("__main__"):
        importlib.import_module(module.name)
oracle = ("yandex", "yandexcloud", "google.protobuf", "google.rpc", "grpc")
print(sorted(name for name in sys.modules if name.startswith(oracle)))
"""


def _is_oracle(name: str) -> bool:
    return any(name == package or name.startswith(package + ".") for package in _ORACLE_PACKAGES)


def test_no_module_of_the_app_names_the_sdk_in_an_import() -> None:
    found = []
    for path in Path(inspector.__file__).parent.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            found += [f"{path.name}: {name}" for name in names if _is_oracle(name)]
    assert found == []


def test_importing_every_module_of_the_app_loads_no_sdk_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_EVERYTHING],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
