"""Run the app as operators do, as a separate process, and see what it left behind.

Each run gets its own empty TMPDIR and XDG_RUNTIME_DIR and its own process group, so a test
can see whether the app left a temporary file or a process behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FROZEN_FOLDER = ROOT / "dist" / "cloud-desktop-inspector"
FROZEN_APP = FROZEN_FOLDER / (
    "cloud-desktop-inspector.exe" if sys.platform == "win32" else "cloud-desktop-inspector"
)
RUN_TIMEOUT_SECONDS = 90


def frozen_folder() -> Path:
    """The frozen build's folder, or a skip (a failure when CI requires the build)."""
    if not FROZEN_APP.is_file():
        message = f"no frozen build at {FROZEN_FOLDER} (python packaging/build.py makes it)"
        if os.environ.get("INSPECTOR_REQUIRE_FROZEN") == "1":
            pytest.fail(message)
        pytest.skip(message)
    return FROZEN_FOLDER


@dataclass(frozen=True)
class Finished:
    """How a run of the app ended, and what it left behind."""

    returncode: int
    stdout: str
    stderr: str
    leftover_processes: bool
    leftover_temp_files: list[str]


def run_app(
    command: list[str],
    args: list[str],
    scratch: Path,
    env: Mapping[str, str | None] | None = None,
) -> Finished:
    """Run the app to its end; ``env`` entries override the environment (None removes one)."""
    temp = scratch / "tmp"
    runtime = scratch / "runtime"
    for folder in (temp, runtime):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    environ = dict(os.environ, TMPDIR=str(temp), XDG_RUNTIME_DIR=str(runtime))
    for name, value in (env or {}).items():
        if value is None:
            environ.pop(name, None)
        else:
            environ[name] = value
    process = subprocess.Popen(
        [*command, *args],
        env=environ,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        errors="replace",
        start_new_session=True,
    )
    try:
        stdout, stderr = process.communicate(timeout=RUN_TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        _end_group(process.pid)
        process.communicate()
        raise
    leftover = _end_group(process.pid)
    return Finished(
        process.returncode, stdout, stderr, leftover, sorted(p.name for p in temp.iterdir())
    )


def _end_group(group: int) -> bool:
    """End whatever is still running in the app's process group; True if anything was."""
    try:
        os.killpg(group, signal.SIGKILL)
    except ProcessLookupError:
        return False
    return True
