"""300 fetches of random IDs through the real window, with random delays, cancels and failures.

Whatever the order of answers, the page must show the answer to the last request (or its
error, or that it was cancelled) and nothing else; at the end no task, connection or timer is
left behind.
"""

from __future__ import annotations

import asyncio
import random
import sys
from dataclasses import dataclass
from typing import Final

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from inspector.api.retry import RetryPolicy
from inspector.ui.widgets.value_label import ValueLabel
from tests.gui.conftest import TEST_RUNS
from tests.gui.test_faults_gui import window_on
from tests.integration.fault_server import (
    Fault,
    FaultServer,
    Request,
    answer,
    delayed,
    image,
    reset_before_headers,
    reset_mid_body,
    sequence,
    status_body,
)

FETCHES: Final = 300
SEED: Final = 20260501
FAST_RETRY = RetryPolicy(base_delay=0.005, max_delay=0.02)

# The kind of answer is in the ID; the title is what the banner must say (None: the image).
KINDS: Final[dict[str, str | None]] = {
    "ok": None,
    "flaky": None,  # 503, then the image on the retry
    "missing": "The API refused the request (HTTP 404)",
    "down": "The API failed to answer (HTTP 503)",
    "reset": "The connection to 127.0.0.1 broke",
    "cut": "The connection to 127.0.0.1 broke",
    "html": "The answer is not a DesktopImage",
}


class RandomServer:
    """Answers by the kind in the ID, each after a random delay of up to 40 ms."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._flaky: dict[str, Fault] = {}

    def fault_for(self, request: Request) -> Fault:
        kind = request.image_id.split("x")[0].removeprefix("e3v")
        delay = self._rng.uniform(0, 0.04)
        unavailable = answer(503, status_body(14, "unavailable"))
        if kind == "flaky":
            fault = self._flaky.setdefault(request.image_id, sequence(unavailable, image()))
        else:
            fault = {
                "ok": image(),
                "missing": answer(404, status_body(5, "not found")),
                "down": unavailable,
                "reset": reset_before_headers(),
                "cut": reset_mid_body(),
                "html": answer(200, b"<html>proxy</html>", content_type="text/html"),
            }[kind]
        return delayed(delay, fault)


@dataclass
class Expected:
    """What the page must show once it settles."""

    image_id: str
    kind: str
    cancelled: bool = False
    refresh: bool = False


def label(window: QWidget, name: str) -> QLabel | ValueLabel:
    widget = window.findChild(QWidget, name)
    assert isinstance(widget, QLabel | ValueLabel), name
    return widget


def binding_drops_references_to_none() -> bool:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on every call that returns
    nothing (None is immortal only from 3.12); the process aborts once the count reaches 0."""
    probe = QLabel()
    before = sys.getrefcount(None)
    for _ in range(200):
        probe.setText("probe")
    return sys.getrefcount(None) < before - 100


@pytest.mark.timeout(180)
def test_300_random_fetches_end_on_the_last_request(
    qt_loop: qasync.QEventLoop, qtbot: QtBot
) -> None:
    if binding_drops_references_to_none():
        pytest.fail(
            "this Qt binding loses a reference to None on each call; hundreds of fetches "
            "would abort the process (use PySide6 < 6.12 on Python 3.11, as pyproject.toml says)"
        )
    rng = random.Random(SEED)
    server_rng = random.Random(SEED + 1)
    with FaultServer(fallback=RandomServer(server_rng).fault_for) as server:
        with window_on(qtbot, server.base_url, retry=FAST_RETRY) as app:
            page = app.window.page
            expected: Expected | None = None
            checks = 0

            def settle_and_check() -> None:
                nonlocal checks
                qtbot.waitUntil(lambda: not page.busy, timeout=10_000)
                assert not page.cancel_button.isEnabled()  # the button follows the state
                qtbot.wait(rng.randint(0, 60))  # a late answer to an older request would land now
                assert expected is not None
                check_page(app.window, expected)
                checks += 1

            for number in range(FETCHES):
                shown = page.shown_id
                busy = page.busy
                if shown and not busy and rng.random() < 0.1:
                    qtbot.keyClick(page, Qt.Key.Key_F5)  # refresh what is shown
                    kind = shown.removeprefix("e3v").split("x")[0]
                    expected = Expected(shown, kind, refresh=True)
                else:
                    kind = rng.choice(list(KINDS))
                    image_id = f"e3v{kind}x{number:04d}"
                    page.id_edit.setText(image_id)
                    qtbot.keyClick(page.id_edit, Qt.Key.Key_Return)
                    expected = Expected(image_id, kind)
                qtbot.wait(rng.randint(0, 25))
                if rng.random() < 0.15 and page.busy:
                    qtbot.keyClick(page.id_edit, Qt.Key.Key_Escape)
                    expected.cancelled = True
                if rng.random() < 0.1 or number == FETCHES - 1:
                    settle_and_check()
            assert checks >= FETCHES // 20
        qtbot.waitUntil(lambda: server.open_connections == 0, timeout=5000)
        assert server.requests, "the server saw the fetches"
    assert not page.fetch_progress.timer.isActive()
    assert pending_timers(qt_loop) == []


def check_page(window: QWidget, expected: Expected) -> None:
    image_id, title = expected.image_id, KINDS[expected.kind]
    banner = label(window, "errorTitle")
    caption = label(window, "resultCaption").text()
    shown_id = label(window, "idValue").text()
    if expected.cancelled:
        assert not banner.isVisible()
        if expected.refresh:
            assert shown_id == image_id
            assert caption.startswith("Refresh cancelled; showing ")
        else:
            assert shown_id == ""
            assert caption == f"Fetching {image_id} was cancelled."
    elif title is None:
        assert not banner.isVisible()
        assert shown_id == image_id
        assert label(window, "nameValue").text() == f"image-{image_id}"
        assert caption.startswith(f"{image_id} \u00b7 fetched at ")
    else:
        assert banner.isVisible()
        assert banner.text() == title
        assert shown_id == ""
        assert f"fetching {image_id} failed" in caption


def pending_timers(loop: asyncio.AbstractEventLoop) -> list[object]:
    """Timer callbacks still due on the qasync loop that were not cancelled (the test's own
    run, a callback of the loop, aside)."""
    timer = getattr(loop, "_timer", None)
    callbacks = getattr(timer, "_SimpleTimer__callbacks", {})
    return [
        handle
        for handle in callbacks.values()
        if not handle.cancelled() and not any(handle is run for run in TEST_RUNS)
    ]
