"""The window: ``cloud-desktop-inspector`` with no command, or ``open FILE...``.

A window already open takes this launch's ID or files (a new tab each) instead: that is tried
first, before logging or Qt load, so such a launch ends at once.
"""

from __future__ import annotations

from inspector.config.options import Options


def handed_over(options: Options) -> bool:
    """Whether a running window took this launch (``--new-instance`` and ``--self-test`` never
    hand over: they want a window of their own)."""
    if options.command not in (None, "open") or options.new_instance or options.self_test:
        return False
    from inspector.core.instance import hand_over_launch

    return hand_over_launch(options.image_id, options.files)


def run_open(options: Options) -> int:
    """Open the window and run it until it closes; it opens the log after its first paint."""
    from inspector.ui.app import run_window

    return run_window(options)
