"""Resident set size of this process, now and at its peak (Linux; peak also on macOS)."""

from __future__ import annotations

import os
import resource
import sys


def rss_bytes() -> int:
    """Current RSS, from ``/proc/self/statm`` (Linux)."""
    with open("/proc/self/statm", encoding="ascii") as statm:
        resident_pages = int(statm.read().split()[1])
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def peak_rss_bytes() -> int:
    """The largest RSS this process has had (``ru_maxrss``: KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024
