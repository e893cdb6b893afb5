"""Child processes: the start and memory probes, and the in-process worker.

Every child gets the same environment: the offscreen platform, bytecode caching on (in a
private folder, as an installed app would have its ``.pyc`` files), and private config, state
and data folders so the benchmark neither reads nor touches the user's settings, history or
logs, and no credentials from the environment.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from bench.protocol import PROBE_PREFIX, WORKER_PREFIX

PROBE_TIMEOUT_S = 60
WORKER_TIMEOUT_S = 170


def child_env(scratch: Path) -> dict[str, str]:
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith("YC_") and name != "PYTHONDONTWRITEBYTECODE"
    }
    env.update(
        QT_QPA_PLATFORM="offscreen",
        QT_API="pyside6",
        PYTHONPYCACHEPREFIX=str(scratch / "pycache"),
        XDG_CONFIG_HOME=str(scratch / "config"),
        XDG_STATE_HOME=str(scratch / "state"),
        XDG_DATA_HOME=str(scratch / "data"),
    )
    return env


class ChildFailed(RuntimeError):
    """A child process ended without its report; the message carries its last words."""


def _report(output: str, errors: str, prefix: str, what: str) -> dict[str, object]:
    for line in output.splitlines():
        if line.startswith(prefix):
            report = json.loads(line.removeprefix(prefix))
            if not isinstance(report, dict):
                break
            if "error" in report:
                raise ChildFailed(f"{what}: {report['error']}")
            return report
    lines = [line.strip() for line in errors.splitlines() if line.strip()]
    fatal = [line for line in lines if line.startswith("Fatal Python error")]
    raise ChildFailed(f"{what} ended without a report: {(fatal or lines or ['no output'])[-1]}")


@dataclass(frozen=True)
class ProbeResult:
    first_paint_ms: float
    image_shown_ms: float | None
    peak_rss: int
    backend_loaded_before_paint: bool
    stack_import_ms: float | None


def run_probe(env: dict[str, str], target: str, *args: str) -> ProbeResult:
    """Spawn ``bench.probe``; times are from just before the spawn, on the monotonic clock."""
    command = [sys.executable, "-m", "bench.probe", target, *args]
    spawned = time.monotonic()
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=PROBE_TIMEOUT_S, check=False
    )
    report = _report(done.stdout, done.stderr, PROBE_PREFIX, f"probe {target} {' '.join(args)}")
    shown = report.get("image_shown")
    stack = report.get("stack_import_s")
    return ProbeResult(
        first_paint_ms=(float(str(report["first_paint"])) - spawned) * 1000,
        image_shown_ms=None if shown is None else (float(str(shown)) - spawned) * 1000,
        peak_rss=int(str(report["peak_rss"])),
        backend_loaded_before_paint=bool(report["httpx_loaded_at_first_paint"])
        or bool(report["pydantic_loaded_at_first_paint"]),
        stack_import_ms=None if stack is None else float(str(stack)) * 1000,
    )


def run_worker(env: dict[str, str], base_url: str, runs: int) -> dict[str, object]:
    command = [sys.executable, "-m", "bench.worker", base_url, str(runs)]
    done = subprocess.run(
        command, capture_output=True, text=True, env=env, timeout=WORKER_TIMEOUT_S, check=False
    )
    return _report(done.stdout, done.stderr, WORKER_PREFIX, "the worker")
