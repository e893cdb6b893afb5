"""How a child process hands its figures to the parent: one prefixed JSON line on stdout.

Kept apart so the probe, which is timed from its first instruction, imports nothing heavy.
"""

from __future__ import annotations

import json
import sys

PROBE_PREFIX = "BENCH-PROBE "
WORKER_PREFIX = "BENCH-WORKER "


def emit(prefix: str, report: dict[str, object]) -> None:
    sys.stdout.write(prefix + json.dumps(report) + "\n")
    sys.stdout.flush()
