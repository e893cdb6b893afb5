"""How the app tells the user something happened while they looked elsewhere.

One small interface, so the watch can announce through the system tray in the window and
through a recording fake in tests, with no tray needed to check what was said.
"""

from __future__ import annotations

from typing import Protocol


class Notifier(Protocol):
    """Shows a desktop notification; must not block and must never raise."""

    def notify(self, title: str, message: str) -> None: ...
