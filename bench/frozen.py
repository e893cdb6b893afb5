"""The standalone build's budgets: folder size, tarball size, and start time against the venv.

    python bench/frozen.py [--runs N]        # after python packaging/build.py

Start is measured from launching the app to the demo image rendered in its window: both builds
run ``--demo --self-test`` offscreen, and the clock stops at the self-test's "rendered" line.
Runs alternate (venv, frozen, venv, ...) after one warm-up each, so both see the same machine;
the medians are compared. Also reported: the newest glibc symbol version the bundled binaries
need (the oldest glibc the build runs on) and the largest files. Prints a table and writes
bench/results/frozen.json.
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

from inspector.ui.selftest import RENDERED_MARK

ROOT = Path(__file__).resolve().parent.parent
APP = "cloud-desktop-inspector"
FOLDER = ROOT / "dist" / APP
RESULTS = ROOT / "bench" / "results" / "frozen.json"
MIB = 1024 * 1024
MAX_FOLDER_MIB = 100.0
MAX_ARCHIVE_MIB = 45.0
MAX_START_RATIO = 1.2
RENDERED_LINE = f"ok    {RENDERED_MARK} "
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


def time_to_rendered(command: list[str]) -> float:
    """Seconds from launching ``command --demo --self-test`` to its "rendered" line."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    process = subprocess.Popen(
        [*command, "--demo", "--self-test"],
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    rendered: float | None = None
    for line in process.stdout:
        if line.startswith(RENDERED_LINE):
            rendered = time.perf_counter() - started
            break
    _, errors = process.communicate(timeout=START_TIMEOUT_SECONDS)
    if rendered is None or process.returncode != 0:
        raise RuntimeError(f"{command[0]} did not render the demo image: {errors.strip()}")
    return rendered


def measure_start(runs: int, frozen: Path) -> tuple[list[float], list[float]]:
    venv_command = [sys.executable, "-m", "inspector"]
    frozen_command = [str(frozen)]
    time_to_rendered(venv_command)  # warm-ups: the page cache, compiled bytecode
    time_to_rendered(frozen_command)
    venv: list[float] = []
    built: list[float] = []
    for _ in range(runs):
        venv.append(time_to_rendered(venv_command))
        built.append(time_to_rendered(frozen_command))
    return venv, built


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
    venv, built = measure_start(args.runs, executable)
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
        ("oldest glibc", floor, "", ""),
    ]
    print("| figure | value | budget | |\n|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    print(f"\nstart: {args.runs} runs each, launch to the demo image rendered, offscreen")
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
        "glibc_floor": floor,
        "budgets": {
            "folder_mib": MAX_FOLDER_MIB,
            "archive_mib": MAX_ARCHIVE_MIB,
            "start_ratio": MAX_START_RATIO,
        },
        "largest_files_mib": {name: round(mib, 2) for name, mib in biggest},
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
