"""The progress under the ID bar: a busy bar and a line that ticks while a fetch runs.

What the line says comes from the page's :class:`~inspector.core.page_state.PageState`
(the time spent, or a retry's countdown); this only shows it, ten times a second.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QWidget

from inspector.core.page_state import PageState
from inspector.ui.page.page_parts import build_progress


class FetchProgress:
    """The bar and the line of one page; shown only while its fetch runs."""

    def __init__(self, parent: QWidget, state: Callable[[], PageState]) -> None:
        self.bar, self.label = build_progress(parent)
        self._state = state
        self.timer = QTimer(parent)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.tick)

    def show(self, busy: bool) -> None:
        self.bar.setVisible(busy)
        self.label.setVisible(busy)
        if busy:
            self.tick()
            self.timer.start()
        else:
            self.timer.stop()

    def tick(self) -> None:
        self.label.setText(self._state().progress_text(time.monotonic()))
