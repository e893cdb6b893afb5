"""Python's cyclic garbage collector, paused while the window starts.

Starting the window makes a few hundred thousand objects that live as long as it does (modules,
classes, functions, Qt's enum types), and the collector walks them again and again while they
are being made: about 30 ms of the start to the first image on a 2-core machine. So it is
paused from the start of the window until its backend is up (the client made, the first
request on its way); then everything made so far is frozen (moved where later collections no
longer walk it, as it stays anyway) and collection resumes for what the session makes. The
pause is bounded: it ends at the latest :data:`PAUSE_LIMIT_MS` after the first paint, and when
the window closes.
"""

from __future__ import annotations

import gc
from typing import Final

PAUSE_LIMIT_MS: Final = 5000

_paused = False


def pause() -> None:
    """Stop collecting until :func:`resume` (nothing happens if collection is already off)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what the start made and collect again; only undoes :func:`pause`, once."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
