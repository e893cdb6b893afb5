"""The frozen build's figures, from ``bench/frozen.py`` when the build exists.

``bench/frozen.py`` is the packaging's own benchmark (size, start against the venv); it writes
``bench/results/frozen.json``, which is read back here into rows of the common table. Anything
missing or failing becomes a note, never an error: the other figures stand on their own.
"""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

from bench.figures import Figure

APP = "cloud-desktop-inspector"


def frozen_figures(root: Path, runs: int) -> tuple[list[Figure], str]:
    """Rows for the frozen build, and a note (empty when there is nothing to say)."""
    if not (root / "dist" / APP).is_dir():
        return [], "frozen build: not built (`python packaging/build.py` makes `dist/`)"
    try:
        from bench import frozen
    except ImportError as error:
        return [], f"frozen build: bench/frozen.py is not available ({error})"
    output = io.StringIO()
    try:
        with contextlib.redirect_stdout(output), contextlib.redirect_stderr(output):
            code = frozen.main(["--runs", str(runs)])
        data = json.loads((root / "bench" / "results" / "frozen.json").read_text("utf-8"))
    except Exception as error:  # its own benchmark: whatever breaks there is reported, not raised
        return [], f"frozen build: bench/frozen.py failed ({type(error).__name__}: {error})"
    if code != 0:
        return [], f"frozen build: bench/frozen.py exited {code}: {output.getvalue().strip()}"
    return _rows(data), ""


def _budget(data: dict[str, object], key: str) -> float | None:
    budgets = data.get("budgets")
    value = budgets.get(key) if isinstance(budgets, dict) else None
    return float(value) if isinstance(value, int | float) else None


def _rows(data: dict[str, object]) -> list[Figure]:
    rows: list[Figure] = []
    folder, archive = data.get("folder_mib"), data.get("archive_mib")
    if isinstance(folder, int | float):
        rows.append(
            Figure(
                "frozen build: folder size",
                "MiB",
                [float(folder)],
                compare="none",
                max_value=_budget(data, "folder_mib"),
            )
        )
    if isinstance(archive, int | float):
        rows.append(
            Figure(
                "frozen build: tar.gz size",
                "MiB",
                [float(archive)],
                compare="none",
                max_value=_budget(data, "archive_mib"),
            )
        )
    frozen, venv = data.get("start_frozen_s"), data.get("start_venv_s")
    if isinstance(frozen, list) and isinstance(venv, list):
        rows.append(
            Figure(
                "frozen build: start to demo image rendered (`--demo --self-test`)",
                "ms",
                [float(value) * 1000 for value in frozen],
                "the same from the venv",
                [float(value) * 1000 for value in venv],
                max_ratio=_budget(data, "start_ratio"),
            )
        )
    painted, bare = data.get("first_paint_s"), data.get("bare_first_paint_s")
    if isinstance(painted, dict) and isinstance(bare, dict):
        rows.append(
            Figure(
                "frozen build: start to first paint (`--demo --self-test`)",
                "ms",
                [float(value) * 1000 for value in painted.get("frozen", [])],
                "bare PySide6 window, frozen",
                [float(value) * 1000 for value in bare.get("frozen", [])],
                max_ratio=_budget(data, "first_paint_ratio"),
            )
        )
    return rows
