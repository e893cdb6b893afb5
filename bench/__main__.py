"""``python -m bench``: measure the inspector beside its baselines and print the table.

Writes ``bench/results/latest.md`` and ``bench/results/latest.json``. What each figure means
and how it is measured: ``bench/README.md``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
import time
from pathlib import Path

from bench.demo_api import demo_api
from bench.figures import Figure, markdown_table
from bench.frozen_figures import frozen_figures
from bench.launch import ChildFailed, child_env, run_probe, run_worker

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
MIB = 1024 * 1024
DEMO_IMAGE = "e3vdemoactive0000001"
DEMO_IMAGE_LABELS = 10
START_BUDGET = 1.15
MEMORY_BUDGET = 1.10  # against the stack floor
IMAGE_PAINTED_BUDGET_MS = 150.0  # above the bare window's first paint + the floor's imports
STALL_FETCH_BUDGET_MS = 16.0
STALL_FILTER_BUDGET_MS = 50.0
GROWTH_BUDGET_MIB = 5.0


def start_figures(env: dict[str, str], runs: int, notes: list[str]) -> list[Figure]:
    """Spawn to first paint: the window, the window with --demo, and the bare window, in turn."""
    targets = {
        "window": ("app",),
        "window --demo": ("app", "--demo"),
        "bare": ("bare",),
    }
    samples: dict[str, list[float]] = {name: [] for name in targets}
    for run in range(runs + 1):  # the first round warms the page cache and the bytecode
        for name, args in targets.items():
            result = run_probe(env, *args)
            if result.backend_loaded_before_paint:
                notes.append(f"`{name}`: httpx or pydantic was loaded before the first paint")
            if run:
                samples[name].append(result.first_paint_ms)
    bare = samples["bare"]
    return [
        Figure(
            "start to first paint: `cloud-desktop-inspector`",
            "ms",
            samples["window"],
            "bare PySide6 window",
            bare,
            max_ratio=START_BUDGET,
        ),
        Figure(
            "start to first paint: `cloud-desktop-inspector --demo`",
            "ms",
            samples["window --demo"],
            "bare PySide6 window",
            bare,
            max_ratio=START_BUDGET,
        ),
    ]


def image_figures(env: dict[str, str], runs: int) -> list[Figure]:
    """``--demo --image-id``: peak RSS against the bare window and the stack floor, and start
    to the image painted against the bare window's first paint plus the floor's imports.

    The three run in turn, after one warm-up round, as the start figures do.
    """
    rss: dict[str, list[float]] = {"app": [], "bare": [], "floor": []}
    painted: list[float] = []
    floor_start: list[float] = []
    for run in range(runs + 1):
        shown = run_probe(
            env, "app", "--until-image", str(DEMO_IMAGE_LABELS), "--demo", "--image-id", DEMO_IMAGE
        )
        bare = run_probe(env, "bare")
        floor = run_probe(env, "floor")
        if not run:
            continue
        rss["app"].append(shown.peak_rss / MIB)
        rss["bare"].append(bare.peak_rss / MIB)
        rss["floor"].append(floor.peak_rss / MIB)
        assert shown.image_shown_ms is not None and floor.stack_import_ms is not None
        painted.append(shown.image_shown_ms)
        floor_start.append(bare.first_paint_ms + floor.stack_import_ms)
    return [
        Figure(
            "peak RSS, demo image shown",
            "MiB",
            rss["app"],
            "bare PySide6 window",
            rss["bare"],
        ),
        Figure(
            "peak RSS, demo image shown, against the stack floor",
            "MiB",
            rss["app"],
            "stack floor: bare window + asyncio, qasync, httpx, pydantic, truststore, a client",
            rss["floor"],
            max_ratio=MEMORY_BUDGET,
        ),
        Figure(
            "start to the image painted: `--demo --image-id`",
            "ms",
            painted,
            "bare window's first paint + the floor's imports",
            floor_start,
            compare="overhead",
            max_overhead=IMAGE_PAINTED_BUDGET_MS,
        ),
    ]


def _floats(report: dict[str, object], key: str) -> list[float]:
    values = report[key]
    assert isinstance(values, list)
    return [float(value) for value in values]


def _by_image(report: dict[str, object], key: str, image_id: str) -> list[float]:
    values = report[key]
    assert isinstance(values, dict)
    return [float(value) for value in values[image_id]]


def worker_figures(report: dict[str, object]) -> list[Figure]:
    small, large = "e3vdemoactive0000001", "e3vdemolabels0001000"
    floor = "raw httpx GET + json.loads"
    return [
        Figure(
            "Enter to form filled and painted, 10 labels",
            "ms",
            _by_image(report, "fetch_rendered", small),
            floor,
            _by_image(report, "floor", small),
            compare="overhead",
        ),
        Figure(
            "Enter to form filled and painted, 1,000 labels",
            "ms",
            _by_image(report, "fetch_rendered", large),
            floor,
            _by_image(report, "floor", large),
            compare="overhead",
        ),
        Figure(
            "longest stall: fetch and show 1,000 labels",
            "ms",
            _floats(report, "stall_fetch"),
            floor,
            _floats(report, "stall_floor"),
            compare="none",
            max_value=STALL_FETCH_BUDGET_MS,
        ),
        Figure(
            "longest stall: type a filter over 10,000 labels",
            "ms",
            _floats(report, "stall_filter"),
            "idle loop",
            _floats(report, "stall_idle"),
            compare="none",
            max_value=STALL_FILTER_BUDGET_MS,
        ),
        Figure(
            "RSS growth over 1,000 fetches",
            "MiB",
            [float(str(report["growth_bytes"])) / MIB],
            "the floor, 1,000 times",
            [float(str(report["floor_growth_bytes"])) / MIB],
            compare="none",
            max_value=GROWTH_BUDGET_MIB,
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument(
        "--no-frozen", action="store_true", help="skip the frozen build even if it exists"
    )
    args = parser.parse_args(argv)
    began = time.monotonic()
    figures: list[Figure] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="inspector-bench-") as scratch:
        env = child_env(Path(scratch))
        try:
            print("start ...", file=sys.stderr)
            figures += start_figures(env, args.runs, notes)
            print("memory, image painted ...", file=sys.stderr)
            figures += image_figures(env, args.runs)
        except ChildFailed as failure:
            notes.append(f"start or memory figures are missing: {failure}")
        print("fetch, stalls, growth ...", file=sys.stderr)
        with demo_api(env) as base_url:
            try:
                figures += worker_figures(run_worker(env, base_url, args.runs))
            except ChildFailed as failure:
                notes.append(f"fetch, stall and growth figures are missing: {failure}")
    if args.no_frozen:
        notes.append("frozen build: skipped (--no-frozen)")
    else:
        print("frozen build ...", file=sys.stderr)
        frozen, frozen_note = frozen_figures(ROOT, args.runs)
        figures += frozen
        if frozen_note:
            notes.append(frozen_note)
    elapsed = time.monotonic() - began
    machine = f"{platform.system()} {platform.machine()}, Python {platform.python_version()}"
    footer = f"Median of {args.runs} runs; {machine}; measured in {elapsed:.0f} s."
    table = markdown_table(figures)
    text = "\n".join([table, "", footer, *[f"- {note}" for note in notes]]) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.md").write_text(text, encoding="utf-8")
    data = {
        "machine": machine,
        "runs": args.runs,
        "seconds": round(elapsed, 1),
        "notes": notes,
        "figures": [figure.as_json() for figure in figures],
    }
    (RESULTS / "latest.json").write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
