"""The shape of the package stays readable: few top-level modules, short modules, short functions.

Numbers a reviewer would otherwise have to count: a module over 400 lines or a function over 60
(its docstring included) is a sign that it does two jobs, and the top of the package holds only
the entry point and what every layer shares, so that its folders tell the architecture.
"""

from __future__ import annotations

import ast
from pathlib import Path

import inspector

PACKAGE = Path(inspector.__file__).parent
MAX_TOP_LEVEL_MODULES = 5
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 60


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_the_top_of_the_package_holds_few_modules() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_no_module_is_longer_than_its_limit() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): lines
        for path in _modules()
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert long == {}


def _long_functions(source: str) -> list[tuple[str, int]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) or not node.end_lineno:
            continue
        if (length := node.end_lineno - node.lineno + 1) > MAX_FUNCTION_LINES:
            found.append((node.name, length))
    return found


def test_no_function_is_longer_than_its_limit() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): found
        for path in _modules()
        if (found := _long_functions(path.read_text(encoding="utf-8")))
    }
    assert long == {}


def test_the_function_check_counts_what_it_should() -> None:
    short = "def f() -> None:\n" + "    pass\n" * (MAX_FUNCTION_LINES - 1)
    long = "async def g() -> None:\n" + "    pass\n" * MAX_FUNCTION_LINES
    assert _long_functions(short) == []
    assert _long_functions(long) == [("g", MAX_FUNCTION_LINES + 1)]
