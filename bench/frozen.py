"""The standalone build's budgets: folder size, tarball size, start time, first paint.

    python bench/frozen.py [--runs N]        # after python packaging/build.py

Start is measured from launching the app to the demo image rendered in its window: both builds
run ``--demo --self-test`` offscreen, and the clock stops at the self-test's "rendered" line.
The same runs give the first paint: the self-test prints "window painted" the moment the window
has painted. Its baseline is the bare window (:mod:`bench.bare_app`), frozen here by the same
PyInstaller with its defaults (about 15 s) and run from the venv too, timed to the same line.
Runs alternate (venv app, frozen app, venv bare, frozen bare, ...) after one warm-up each, so
all see the same machine; the medians are compared. Also reported: the newest glibc symbol
version the bundled binaries need (the oldest glibc the build runs on) and the largest files.
Prints a table and writes bench/results/frozen.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from inspector.ui.app import PAINTED_MARK
from inspector.ui.selftest import RENDERED_MARK

ROOT = Path(__file__).resolve().parent.parent
APP = "cloud-desktop-inspector"
FOLDER = ROOT / "dist" / APP
RESULTS = ROOT / "bench" / "results" / "frozen.json"
MIB = 1024 * 1024
MAX_FOLDER_MIB = 100.0
MAX_ARCHIVE_MIB = 45.0
MAX_START_RATIO = 1.2
MAX_FIRST_PAINT_RATIO = 1.15
RENDERED_LINE = f"ok    {RENDERED_MARK} "
PAINTED_LINE = f"ok    {PAINTED_MARK}"  # printed by the bare window (bench/bare_app.py) too
BARE_BUILD = ROOT / "build" / "bench-bare"
BARE_NAME = "bare-window"
# Bindings PyInstaller's hooks would otherwise look for beside PySide6 (as the app's spec drops).
OTHER_BINDINGS = ("PyQt5", "PyQt6", "PySide2", "shiboken2", "tkinter")
START_TIMEOUT_SECONDS = 60.0


def folder_mib(folder: Path) -> float:
    """Size of the regular files (symbolic links count nothing), as ``du --apparent-size``."""
    files = (path for path in folder.rglob("*") if path.is_file() and not path.is_symlink())
    return sum(path.stat().st_size for path in files) / MIB


def largest_files(folder: Path, count: int) -> list[tuple[str, float]]:
    files = [path for path in folder.rglob("*") if path.is_file() and not path.is_symlink()]
    files.sort(key=lambda path: path.stat().st_size, reverse=True)
    return [(str(path.relative_to(folder)), path.stat().st_size / MIB) for path in files[:count]]


def glibc_floor(folder: Path) -> str:
    """The newest ``GLIBC_x.y`` symbol version any bundled binary needs (objdump -T)."""
    newest = (0, 0)
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink() or not _is_elf(path):
            continue
        listing = subprocess.run(
            ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
        ).stdout
        for major, minor in re.findall(r"GLIBC_(\d+)\.(\d+)", listing):
            newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def _is_elf(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def build_bare_window() -> Path:
    """Freeze :mod:`bench.bare_app` with PyInstaller's defaults; returns its executable."""
    subprocess.run(
        [
            *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--onedir"),
            *("--log-level", "WARN", "--name", BARE_NAME, "--paths", str(ROOT)),
            *("--distpath", str(BARE_BUILD / "dist"), "--workpath", str(BARE_BUILD / "work")),
            *("--specpath", str(BARE_BUILD)),
            *(f"--exclude-module={name}" for name in OTHER_BINDINGS),
            str(ROOT / "bench" / "bare_app.py"),
        ],
        check=True,
        cwd=ROOT,
    )
    return BARE_BUILD / "dist" / BARE_NAME / BARE_NAME


def time_to_lines(command: list[str], marks: tuple[str, ...]) -> list[float]:
    """Seconds from launching ``command`` to the first line starting with each of ``marks``."""
    # Bytecode written and reused, as an installed app has it: with PYTHONDONTWRITEBYTECODE set
    # and a .pyc out of date, the venv would compile that module again on every run.
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    env["QT_QPA_PLATFORM"] = "offscreen"
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    seen: dict[str, float] = {}
    for line in process.stdout:
        for mark in marks:
            if mark not in seen and line.startswith(mark):
                seen[mark] = time.perf_counter() - started
        if len(seen) == len(marks):
            break
    _, errors = process.communicate(timeout=START_TIMEOUT_SECONDS)
    if len(seen) < len(marks) or process.returncode != 0:
        missing = ", ".join(repr(mark) for mark in marks if mark not in seen) or "none"
        raise RuntimeError(f"{command[0]} printed no {missing} line: {errors.strip()}")
    return [seen[mark] for mark in marks]


class StartRuns:
    """Alternating runs of the app (venv, frozen) and the bare window (venv, frozen), in s."""

    def __init__(self, frozen: Path, bare: Path) -> None:
        self.apps = {
            "venv": [sys.executable, "-m", "inspector", "--demo", "--self-test"],
            "frozen": [str(frozen), "--demo", "--self-test"],
        }
        self.bares = {"venv": [sys.executable, "-m", "bench.bare_app"], "frozen": [str(bare)]}
        self.painted: dict[str, list[float]] = {key: [] for key in self.apps}
        self.rendered: dict[str, list[float]] = {key: [] for key in self.apps}
        self.bare_painted: dict[str, list[float]] = {key: [] for key in self.bares}

    def run(self, runs: int) -> None:
        for round_number in range(runs + 1):  # the first: warm-ups (page cache, bytecode)
            for key, command in self.apps.items():
                painted, rendered = time_to_lines(command, (PAINTED_LINE, RENDERED_LINE))
                if round_number:
                    self.painted[key].append(painted)
                    self.rendered[key].append(rendered)
            for key, command in self.bares.items():
                (painted,) = time_to_lines(command, (PAINTED_LINE,))
                if round_number:
                    self.bare_painted[key].append(painted)

    def paint_ratio(self, key: str) -> float:
        return statistics.median(self.painted[key]) / statistics.median(self.bare_painted[key])


def verdict(value: float, budget: float) -> str:
    return "ok" if value <= budget else "OVER"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the standalone build's budgets.")
    parser.add_argument("--runs", type=int, default=7, help="start runs of each build (default 7)")
    args = parser.parse_args(argv)
    executable = FOLDER / (f"{APP}.exe" if sys.platform == "win32" else APP)
    if not executable.is_file():
        print(f"no build at {FOLDER}: run python packaging/build.py first", file=sys.stderr)
        return 1
    archives = sorted(FOLDER.parent.glob(f"{APP}-*.tar.gz"))
    size = folder_mib(FOLDER)
    archive = archives[-1].stat().st_size / MIB if archives else float("nan")
    starts = StartRuns(executable, build_bare_window())
    starts.run(args.runs)
    venv, built = starts.rendered["venv"], starts.rendered["frozen"]
    venv_median, built_median = statistics.median(venv), statistics.median(built)
    ratio = built_median / venv_median
    floor = glibc_floor(FOLDER) if sys.platform.startswith("linux") else "n/a"
    rows = [
        (
            "folder size",
            f"{size:.1f} MiB",
            f"<= {MAX_FOLDER_MIB:g} MiB",
            verdict(size, MAX_FOLDER_MIB),
        ),
        (
            "tar.gz size",
            f"{archive:.1f} MiB",
            f"<= {MAX_ARCHIVE_MIB:g} MiB",
            verdict(archive, MAX_ARCHIVE_MIB),
        ),
        ("start, venv (median)", f"{venv_median:.3f} s", "", ""),
        ("start, frozen (median)", f"{built_median:.3f} s", "", ""),
        (
            "start ratio frozen/venv",
            f"{ratio:.2f}",
            f"<= {MAX_START_RATIO:g}",
            verdict(ratio, MAX_START_RATIO),
        ),
        *_first_paint_rows(starts),
        ("oldest glibc", floor, "", ""),
    ]
    print("| figure | value | budget | |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(
        f"\nstart: {args.runs} runs each, offscreen: launch to the demo image rendered, and to"
        " the first paint (the bare window: bench/bare_app.py, frozen with PyInstaller's defaults)"
    )
    print("largest files:")
    biggest = largest_files(FOLDER, 8)
    for name, mib in biggest:
        print(f"  {mib:6.2f} MiB  {name}")
    result: dict[str, Any] = {
        "folder_mib": round(size, 2),
        "archive_mib": round(archive, 2),
        "start_venv_s": [round(value, 4) for value in venv],
        "start_frozen_s": [round(value, 4) for value in built],
        "start_venv_median_s": round(venv_median, 4),
        "start_frozen_median_s": round(built_median, 4),
        "start_ratio": round(ratio, 3),
        "first_paint_s": _rounded(starts.painted),
        "bare_first_paint_s": _rounded(starts.bare_painted),
        "first_paint_ratio": {key: round(starts.paint_ratio(key), 3) for key in starts.painted},
        "glibc_floor": floor,
        "budgets": {
            "folder_mib": MAX_FOLDER_MIB,
            "archive_mib": MAX_ARCHIVE_MIB,
            "start_ratio": MAX_START_RATIO,
            "first_paint_ratio": MAX_FIRST_PAINT_RATIO,
        },
        "largest_files_mib": {name: round(mib, 2) for name, mib in biggest},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


def _first_paint_rows(starts: StartRuns) -> list[tuple[str, str, str, str]]:
    rows = []
    for key in ("frozen", "venv"):
        app = statistics.median(starts.painted[key])
        bare = statistics.median(starts.bare_painted[key])
        ratio = app / bare
        budget = MAX_FIRST_PAINT_RATIO if key == "frozen" else None
        rows.append((f"first paint, {key}: app / bare window", f"{app:.3f} / {bare:.3f} s", "", ""))
        rows.append(
            (
                f"first paint ratio, {key}",
                f"{ratio:.2f}",
                f"<= {budget:g}" if budget else "(reported)",
                verdict(ratio, budget) if budget else "",
            )
        )
    return rows


def _rounded(samples: dict[str, list[float]]) -> dict[str, list[float]]:
    return {key: [round(value, 4) for value in values] for key, values in samples.items()}


if __name__ == "__main__":
    sys.exit(main())
