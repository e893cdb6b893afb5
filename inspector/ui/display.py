"""Whether Qt has somewhere to draw, checked before ``QApplication`` exists.

Apart from the self-test's module so that the check costs the window's start-up nothing: it
runs before the first paint, on every start.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from typing import Final

from inspector.i18n import N_, _

NO_DISPLAY_MESSAGE: Final = N_(
    "error: there is no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
    "is set). Start it from a desktop session; for headless use run "
    "`cloud-desktop-inspector get IMAGE_ID`; `--self-test` runs without a display."
)


def prepare_display(
    *, self_test: bool, environ: MutableMapping[str, str] | None = None
) -> str | None:
    """Make sure Qt has somewhere to draw; returns why it has not, or None.

    On Linux and the BSDs, Qt with no display aborts the process from inside ``QApplication``
    with a message about plugins that misleads. The self-test needs no display: it is given
    the offscreen platform. An explicit ``QT_QPA_PLATFORM`` is left alone.
    """
    env = os.environ if environ is None else environ
    if sys.platform in ("win32", "darwin") or env.get("QT_QPA_PLATFORM"):
        return None
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    if self_test:
        env["QT_QPA_PLATFORM"] = "offscreen"
        return None
    return _(NO_DISPLAY_MESSAGE)
