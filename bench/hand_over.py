"""Time from a second launch to its tab in the running window.

    .venv/bin/python bench/hand_over.py [--runs N] [--app PATH]

Starts one window (``--demo``, in a private runtime folder so no other window is reached),
then launches the app again ``--runs`` times with ``--image-id``. A launch exits only after the
window has said "ok", and the window says it after the new tab exists, so a launch's wall time,
from spawning the process to its exit, is the time from the second launch to the tab appearing
in the first window. ``--app`` times a standalone build instead of this venv's
``python -m inspector``. Prints the median, the fastest and the slowest run.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

IMAGE_ID = "e3vdemoactive0000001"


def wait_for_window(path: Path, deadline: float) -> None:
    while time.monotonic() < deadline:
        probe = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            probe.connect(str(path))
            return
        except OSError:
            time.sleep(0.05)
        finally:
            probe.close()
    raise SystemExit("the first window did not start listening")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--app", help="a standalone build's executable")
    args = parser.parse_args(argv)
    command = [args.app] if args.app else [sys.executable, "-m", "inspector"]
    runtime = tempfile.mkdtemp(prefix="cdi-bench-")
    env = {**os.environ, "XDG_RUNTIME_DIR": runtime}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    first = subprocess.Popen(
        [*command, "--demo"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_for_window(
            Path(runtime, "cloud-desktop-inspector", "window.sock"), time.monotonic() + 60
        )
        samples = []
        for _ in range(args.runs):
            started = time.perf_counter()
            done = subprocess.run(
                [*command, "--image-id", IMAGE_ID], env=env, capture_output=True, text=True
            )
            samples.append(time.perf_counter() - started)
            if done.returncode != 0 or "Handed over" not in done.stdout:
                raise SystemExit(f"the launch did not hand over: {done.stdout}{done.stderr}")
    finally:
        first.terminate()
        first.wait(timeout=30)
    milliseconds = sorted(sample * 1000 for sample in samples)
    print(
        f"second launch to tab, {args.runs} runs: median {statistics.median(milliseconds):.0f} ms, "
        f"fastest {milliseconds[0]:.0f} ms, slowest {milliseconds[-1]:.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
