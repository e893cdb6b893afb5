"""The bare window as a program of its own: the standalone build's first-paint baseline.

``python -m bench.bare_app`` shows :func:`bench.bare_window.make_bare_window`, prints the line
the inspector's self-test prints at its first paint, and quits. ``bench/frozen.py`` freezes it
with the same PyInstaller as the app and times both, frozen and from the venv, to that line.
It imports nothing of the inspector, so that it stays what any PySide6 app of this shape costs.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow

from bench.bare_window import run_bare_window

# The line the inspector's self-test prints at its first paint (inspector.ui.app.PAINTED_MARK).
PAINTED_LINE = "ok    window painted"


class _QuitWhenPainted(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            print(PAINTED_LINE, flush=True)
            watched.removeEventFilter(self)
            QApplication.quit()
        return False


def main() -> int:
    watcher = _QuitWhenPainted()

    def watch(window: QMainWindow) -> None:
        window.installEventFilter(watcher)

    return run_bare_window(watch)


if __name__ == "__main__":
    sys.exit(main())
