"""What the watch line shows, as a small state machine with no Qt.

The watch bar used to keep its own loose fields (a progress callback, the last message, whether
it was amber); here it is one immutable value with a name for each phase. The tab controller
moves it on with each step of the :class:`~inspector.core.watch.Watch` and with each second the
line ticks, and the bar renders whatever it is given. Dismissing an ended watch's note is the
one move the page makes by itself, as it closes its other notes. It imports nothing of the watch
itself: the empty line is part of the first frame.
"""

from __future__ import annotations

from enum import StrEnum
from typing import NamedTuple


class WatchPhase(StrEnum):
    IDLE = "idle"  # no watch, nothing to say: the line is hidden
    WATCHING = "watching"  # checks run; the progress ticks and Stop is offered
    SLOW = "slow"  # still watching, but longer than the status usually lasts (amber)
    STOPPED = "stopped"  # the operator stopped it; the note stays until dismissed
    FINISHED = "finished"  # it ended by itself (settled, gone, vanished, failing); likewise


class WatchState(NamedTuple):
    """The phase, the latest news (``message``; empty when a check found nothing new) and,
    while watching, the progress line (times so far, the next check)."""

    phase: WatchPhase = WatchPhase.IDLE
    message: str = ""
    progress: str = ""

    @property
    def watching(self) -> bool:
        """Checks are still running: Stop is offered and the progress ticks."""
        return self.phase in (WatchPhase.WATCHING, WatchPhase.SLOW)

    @property
    def slow(self) -> bool:
        return self.phase is WatchPhase.SLOW

    @property
    def visible(self) -> bool:
        """The line shows while watching, and after the end while it has something to say."""
        return self.watching or bool(self.message)

    def news(self, message: str) -> WatchState:
        """A check (or the start) while watching: its message replaces the last one."""
        phase = self.phase if self.watching else WatchPhase.WATCHING
        return self._replace(phase=phase, message=message)

    def ticked(self, progress: str, *, slow: bool) -> WatchState:
        """The progress line now; ``slow`` once it takes longer than usual. Only while
        watching: an ended watch has no progress to tick."""
        if not self.watching:
            return self
        phase = WatchPhase.SLOW if slow else WatchPhase.WATCHING
        return self._replace(phase=phase, progress=progress)

    def stopped(self, message: str) -> WatchState:
        """The operator stopped the watch (an empty ``message``: quietly, nothing shows)."""
        return WatchState(WatchPhase.STOPPED, message) if message else WatchState()

    def finished(self, message: str) -> WatchState:
        """The watch ended by itself; ``message`` says how (settled, gone, vanished, failing)."""
        return WatchState(WatchPhase.FINISHED, message) if message else WatchState()

    def dismissed(self) -> WatchState:
        """The note of an ended watch goes away; a running watch is not dismissed."""
        return self if self.watching else WatchState()
