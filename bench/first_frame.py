"""Watches one main window: its first frame, then (optionally) the image it shows.

Imported only once the window exists, so the probe loads Qt no earlier than the app does.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QLabel, QMainWindow, QTableView

from bench.protocol import PROBE_PREFIX, emit
from bench.rss import peak_rss_bytes, rss_bytes

SETTLE_MS = 200  # after the last change, long enough for every pending paint to have run
POLL_MS = 5
GIVE_UP_MS = 20_000


class FirstFrameProbe(QObject):
    """Reports when ``window`` first paints, then exits the process.

    "First paint" is the moment the window receives its first paint event, on the system-wide
    monotonic clock: the same moment the inspector's ``firstPainted`` marks, and a moment
    that does not depend on how either program runs its event loop. With
    ``labels_expected`` it then waits until the form shows an image with that many labels,
    lets it paint, and reports peak RSS; otherwise it reports once the frame has settled.
    ``after_first_frame`` runs once the first frame is done (the stack floor loads its
    libraries there); what it returns joins the report.
    """

    def __init__(
        self,
        window: QMainWindow,
        labels_expected: int | None,
        after_first_frame: Callable[[], dict[str, object]] | None = None,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._labels_expected = labels_expected
        self._after_first_frame = after_first_frame
        self._report: dict[str, object] = {}
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._check_image)
        QTimer.singleShot(GIVE_UP_MS, lambda: self._fail("timed out"))
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._report["first_paint"] = time.monotonic()
            # Proof the window paints before the HTTP and model libraries are loaded.
            self._report["httpx_loaded_at_first_paint"] = "httpx" in sys.modules
            self._report["pydantic_loaded_at_first_paint"] = "pydantic" in sys.modules
            self._report["rss_at_first_paint"] = rss_bytes()
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self._first_frame_done)
        return False

    def _first_frame_done(self) -> None:
        if self._after_first_frame is not None:
            self._report.update(self._after_first_frame())
        if self._labels_expected is None:
            QTimer.singleShot(SETTLE_MS, self._finish)
        else:
            self._poll.start()

    def _check_image(self) -> None:
        badge = self._window.findChild(QLabel, "statusBadge")
        table = self._window.findChild(QTableView, "labelsTable")
        if badge is None or table is None:
            self._fail("the window has no statusBadge or labelsTable")
            return
        if badge.text() and table.model().rowCount() == self._labels_expected:
            self._poll.stop()
            # The paint those changes scheduled, now, unless the loop has already done it.
            QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
            self._report["image_shown"] = time.monotonic()
            QTimer.singleShot(SETTLE_MS, self._finish)

    def _finish(self) -> None:
        self._report["peak_rss"] = peak_rss_bytes()
        self._report["rss"] = rss_bytes()
        self._exit(self._report)

    def _fail(self, reason: str) -> None:
        self._exit({"error": reason})

    @staticmethod
    def _exit(report: dict[str, object]) -> None:
        emit(PROBE_PREFIX, report)
        os._exit(0)  # no teardown: nothing after this moment is measured
