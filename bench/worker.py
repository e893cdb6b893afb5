"""The in-process figures, in a child process: fetch times, stalls and memory growth.

``python -m bench.worker BASE_URL RUNS`` opens the real main window, wired by the app's own
:class:`inspector.ui.session.WindowSession` on a qasync loop, against the demo API at ``BASE_URL``,
and drives it as an operator would: the ID typed into ``imageIdEdit``, Enter pressed. Beside
each measurement it runs the floor in the same process: a raw ``httpx`` GET of the same URL and
``json.loads``. Prints one JSON line (:mod:`bench.protocol`).
"""

from __future__ import annotations

import asyncio
import gc
import json
import os
import sys
import time
from dataclasses import dataclass, field
from typing import TypeVar

os.environ["QT_API"] = "pyside6"

import httpx
import qasync
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QTableView, QWidget

from bench.protocol import WORKER_PREFIX, emit
from bench.rss import rss_bytes
from bench.stall import StallMeter
from inspector.config.connection import resolve_connection
from inspector.demo.data import DEMO_IMAGES, numbered_labels
from inspector.demo.server import IMAGES_PREFIX
from inspector.ui.page.labels_table import LabelsPanel
from inspector.ui.session import WindowSession
from inspector.ui.window.main_window import MainWindow

SMALL = ("e3vdemoactive0000001", 10)
LARGE = ("e3vdemolabels0001000", 1000)
FILTER_ROWS = 10_000
FILTER_TEXT = "label-09"
KEY_INTERVAL_S = 0.05  # a quick typist: a key every 50 ms, each handled on its own loop turn
SETTLE_S = 0.15  # long enough for the paints a change schedules to have run
WARMUP_FETCHES = 50
GROWTH_FETCHES = 1000
FETCH_TIMEOUT_S = 10.0
W = TypeVar("W", bound=QWidget)


@dataclass
class Results:
    """Samples in ms (times) or bytes (memory); the parent turns them into figures."""

    fetch_filled: dict[str, list[float]] = field(default_factory=dict)
    fetch_rendered: dict[str, list[float]] = field(default_factory=dict)
    floor: dict[str, list[float]] = field(default_factory=dict)
    stall_fetch: list[float] = field(default_factory=list)
    stall_floor: list[float] = field(default_factory=list)
    stall_idle: list[float] = field(default_factory=list)
    stall_filter: list[float] = field(default_factory=list)
    filter_keystroke_ms: list[float] = field(default_factory=list)
    growth_bytes: float = 0.0
    floor_growth_bytes: float = 0.0
    rss_before_growth: float = 0.0


class Bench:
    """Drives one real window; every method runs as a coroutine on the qasync loop."""

    def __init__(self, window: MainWindow, session: WindowSession, base_url: str) -> None:
        self.window = window
        self.session = session
        self.base_url = base_url
        self.meter = StallMeter()
        self.results = Results()
        self._edit = self._child(QLineEdit, "imageIdEdit")
        self._badge = self._child(QLabel, "statusBadge")
        self._table = self._child(QTableView, "labelsTable")

    def _child(self, kind: type[W], name: str) -> W:
        widget = self.window.findChild(kind, name)
        if not isinstance(widget, kind):
            raise RuntimeError(f"the window has no {kind.__name__} named {name}")
        return widget

    async def app_fetch(self, image: tuple[str, int], *, paint: bool = True) -> tuple[float, float]:
        """Press Enter on ``image``'s ID; ms until the form is filled, and until it is painted."""
        image_id, rows = image
        model = self._table.model()
        filled: asyncio.Future[float] = asyncio.get_running_loop().create_future()

        def check() -> None:
            if not filled.done() and model.rowCount() == rows and self._badge.text():
                filled.set_result(time.perf_counter())

        self._edit.setText(image_id)
        model.modelReset.connect(check)
        try:
            start = time.perf_counter()
            QTest.keyClick(self._edit, Qt.Key.Key_Return)
            filled_at = await asyncio.wait_for(filled, FETCH_TIMEOUT_S)
        finally:
            model.modelReset.disconnect(check)
        if paint:  # the paint the changes scheduled, now, unless the loop has already done it
            QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest)
        painted_at = time.perf_counter()
        return (filled_at - start) * 1000, (painted_at - start) * 1000

    async def floor_fetch(self, client: httpx.AsyncClient, image_id: str) -> float:
        """The floor: the same GET with a bare client, and ``json.loads``; in ms."""
        start = time.perf_counter()
        response = await client.get(f"{self.base_url}{IMAGES_PREFIX}{image_id}")
        json.loads(response.content)
        return (time.perf_counter() - start) * 1000

    async def run(self, runs: int) -> Results:
        # The backend loads after the first paint; the session has no event to wait on.
        while self.session.controller is None:  # noqa: ASYNC110
            await asyncio.sleep(0.005)
        async with httpx.AsyncClient(trust_env=False) as client:
            await self.fetch_times(client, runs)
            await self.fetch_stalls(client, runs)
            await self.filter_stalls(runs)
            await self.growth(client)
        return self.results

    async def fetch_times(self, client: httpx.AsyncClient, runs: int) -> None:
        for _ in range(3):  # warm up: connections, caches, lazily built Qt types
            for image in (SMALL, LARGE):
                await self.app_fetch(image)
                await self.floor_fetch(client, image[0])
        for _ in range(runs):
            for image in (SMALL, LARGE):  # alternating IDs: every app fetch replaces the form
                key = image[0]
                self.results.floor.setdefault(key, []).append(await self.floor_fetch(client, key))
                filled, rendered = await self.app_fetch(image)
                self.results.fetch_filled.setdefault(key, []).append(filled)
                self.results.fetch_rendered.setdefault(key, []).append(rendered)

    async def fetch_stalls(self, client: httpx.AsyncClient, runs: int) -> None:
        for _ in range(runs):
            await self.app_fetch(SMALL)
            await asyncio.sleep(SETTLE_S)
            self.meter.start()
            await asyncio.sleep(SETTLE_S)
            self.results.stall_idle.append(self.meter.stop())
            self.meter.start()
            await self.floor_fetch(client, LARGE[0])
            await asyncio.sleep(SETTLE_S)
            self.results.stall_floor.append(self.meter.stop())
            self.meter.start()
            await self.app_fetch(LARGE, paint=False)  # the loop paints as it would for a user
            await asyncio.sleep(SETTLE_S)
            self.results.stall_fetch.append(self.meter.stop())

    async def filter_stalls(self, runs: int) -> None:
        panel = self.window.findChild(LabelsPanel)
        if panel is None:
            raise RuntimeError("the window has no LabelsPanel")
        rows = list(numbered_labels(FILTER_ROWS).items())
        for _ in range(runs):
            panel.setEnabled(True)
            panel.set_labels(rows, default=False)
            await asyncio.sleep(SETTLE_S)
            panel.filter.setFocus()
            self.meter.start()
            keys = [*FILTER_TEXT, *[Qt.Key.Key_Backspace] * len(FILTER_TEXT)]
            for key in keys:
                start = time.perf_counter()
                QTest.keyClick(panel.filter, key)
                self.results.filter_keystroke_ms.append((time.perf_counter() - start) * 1000)
                await asyncio.sleep(KEY_INTERVAL_S)
            await asyncio.sleep(SETTLE_S)
            self.results.stall_filter.append(self.meter.stop())

    async def growth(self, client: httpx.AsyncClient) -> None:
        """RSS after warming up, then after 1,000 more fetches of the same image."""
        for _ in range(WARMUP_FETCHES):
            await self.app_fetch(SMALL, paint=False)
            await self.floor_fetch(client, SMALL[0])
        gc.collect()
        before = rss_bytes()
        for _ in range(GROWTH_FETCHES):
            await self.app_fetch(SMALL, paint=False)
        await asyncio.sleep(SETTLE_S)
        gc.collect()
        after = rss_bytes()
        for _ in range(GROWTH_FETCHES):
            await self.floor_fetch(client, SMALL[0])
        gc.collect()
        self.results.rss_before_growth = before
        self.results.growth_bytes = after - before
        self.results.floor_growth_bytes = rss_bytes() - after


def main(argv: list[str]) -> int:
    base_url, runs = argv[0], int(argv[1])
    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    connection = resolve_connection(demo_url=base_url)
    window = MainWindow()
    window.set_connection(connection.endpoint.base_url, connection.token_source)
    window.set_demo(base_url, [(image.image_id, image.summary) for image in DEMO_IMAGES.values()])
    window.show()
    session = WindowSession(window, connection, None)
    bench = Bench(window, session, base_url)
    with loop:
        session_task = loop.create_task(session.run())
        results = loop.run_until_complete(bench.run(runs))
        window.close()
        loop.run_until_complete(session_task)
    emit(WORKER_PREFIX, results.__dict__)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
