"""The demo API in its own process, so its work never competes for this process's GIL.

A real API runs on another machine; an in-process server thread encoding 1,000 labels would
hold the GIL and show up as stalls that the inspector does not cause.
"""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

_URL = re.compile(r"Demo API at (http://127\.0\.0\.1:\d+)")


@contextmanager
def demo_api(env: Mapping[str, str]) -> Iterator[str]:
    """Run ``python -m inspector.demo`` on a free port; yields its base URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "inspector.demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=dict(env),
    )
    try:
        assert process.stdout is not None
        match = _URL.search(process.stdout.readline())
        if match is None:
            raise RuntimeError("the demo API did not start")
        yield match.group(1)
    finally:
        process.terminate()
        process.wait(timeout=10)
