"""The records made on the way to the first image are NamedTuples, not dataclasses.

A dataclass compiles its generated methods when its module loads: about 0.7 ms each, against
0.1 ms for a NamedTuple. Every module the window loads before the demo image is shown (the
closed lists in ``tests/integration/test_start_modules.py``) is read here, and a dataclass in
one of them fails the test unless it is listed below with the reason it must stay one.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

from tests.integration.test_start_modules import DEMO_FIRST_PAINT, FIRST_PAINT, IMAGE_SHOWN

# What a NamedTuple cannot do for these.
KEPT_DATACLASSES = {
    "inspector.api.credentials.plan.CredentialPlan": "its secret is left out of its repr",
    "inspector.api.credentials.tokens.IssuedToken": "its token is left out of its repr",
    "inspector.api.errors.StatusBody": "each body gets a list of its own",
    "inspector.present.errors.Explanation": "each explanation gets lists of its own",
    "inspector.present.diff.ImageChanges": "each comparison gets a dict and list of its own",
    "inspector.demo.sample.DemoImage": "it checks itself once made (__post_init__)",
}


def _is_dataclass(decorator: ast.expr) -> bool:
    target = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (isinstance(target, ast.Name) and target.id == "dataclass") or (
        isinstance(target, ast.Attribute) and target.attr == "dataclass"
    )


def dataclasses_in(module: str) -> list[str]:
    """The dataclasses ``module`` defines, by their full names."""
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin is not None, module
    tree = ast.parse(Path(spec.origin).read_text(encoding="utf-8"))
    return [
        f"{module}.{node.name}"
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef) and any(map(_is_dataclass, node.decorator_list))
    ]


def test_the_start_path_makes_no_dataclass_but_the_listed_ones() -> None:
    modules = sorted(
        name
        for name in FIRST_PAINT | DEMO_FIRST_PAINT | IMAGE_SHOWN
        if name.startswith("inspector.")
    )
    found = {name for module in modules for name in dataclasses_in(module)}
    assert sorted(found - KEPT_DATACLASSES.keys()) == []
    # The list stays exact: a kept one that became a NamedTuple leaves it.
    assert sorted(KEPT_DATACLASSES.keys() - found) == []


def test_the_check_finds_a_dataclass() -> None:
    found = dataclasses_in("inspector.core.failed_call")
    assert "inspector.core.failed_call.FailedCapture" in found
