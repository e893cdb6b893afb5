"""How long the Qt event loop was busy: the largest gap between ticks of a 1 ms timer.

While the loop is free the gaps are about 1 ms; any work that holds the GUI thread (parsing,
filling widgets, sorting, painting) shows up as a gap as long as the work. It measures what an
operator feels as a frozen window, whatever the cause.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer


class StallMeter(QObject):
    """Start it, do the work on the loop, stop it: ``stop()`` returns the longest gap in ms."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(1)
        self._timer.timeout.connect(self._tick)
        self._last = 0.0
        self._longest = 0.0

    def start(self) -> None:
        self._longest = 0.0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        self._tick()
        self._timer.stop()
        return self._longest * 1000

    def _tick(self) -> None:
        now = time.perf_counter()
        self._longest = max(self._longest, now - self._last)
        self._last = now
