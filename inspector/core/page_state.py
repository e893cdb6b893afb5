"""What one image page shows, as a small state machine with no Qt.

The page used to keep this in a dozen loose fields; here it is one immutable value with a name
for each phase, and each event the tab controller reports (a fetch starts, an answer, a
failure, a cancel, a retry's wait, a file opened offline) is a method returning the next state.
The page renders the state it holds and sends intents back; it decides nothing itself. Times
are passed in (a monotonic clock's seconds), so the transitions are tested without waiting.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from inspector.i18n import _, conventions

if TYPE_CHECKING:
    from inspector.present.diff import ImageChanges
    from inspector.present.errors import Explanation
    from inspector.present.image import ImageView


class PagePhase(StrEnum):
    EMPTY = "empty"  # no image asked for yet
    FETCHING = "fetching"  # a fetch runs, nothing shown under it
    REFRESHING = "refreshing"  # a fetch of the image shown runs; the last answer stays below
    SHOWN = "shown"  # an answer is shown (live, or from a file: see ``offline``)
    FAILED = "failed"  # the last fetch failed; nothing shown
    CANCELLED = "cancelled"  # the last fetch was cancelled; nothing shown


class ShownImage(NamedTuple):
    """The answer the form shows, and the caption that says which and how fresh."""

    image_id: str
    view: ImageView
    caption: str


class RetryWait(NamedTuple):
    """The wait before a retry, as the progress line counts it down (``at``: monotonic s)."""

    attempt: int
    attempts: int
    at: float
    reason: str

    def text(self, seconds_left: float) -> str:
        """Whole seconds, rounded up: a wait of 0.3 s reads "Retrying in 1 s"."""
        seconds = max(1, math.ceil(seconds_left))
        return _("Retrying in {seconds} s (attempt {attempt} of {attempts}): {reason}").format(
            seconds=seconds, attempt=self.attempt, attempts=self.attempts, reason=self.reason
        )


class PageState(NamedTuple):
    """The page's phase and the data of that phase.

    ``error`` is the banner (a failed fetch, or a refused ID typed over an image that stays),
    ``offline`` the note of a file opened from disk, ``changes`` what changed since the answer
    before, ``fetching_id``/``since``/``retry`` the running fetch as the progress line shows it.
    """

    phase: PagePhase = PagePhase.EMPTY
    shown: ShownImage | None = None
    fetching_id: str = ""
    since: float = 0.0
    retry: RetryWait | None = None
    error: tuple[Explanation, str] | None = None
    offline: str | None = None
    changes: tuple[ImageChanges, str] | None = None

    @property
    def busy(self) -> bool:
        """A fetch is running in this page."""
        return self.phase in (PagePhase.FETCHING, PagePhase.REFRESHING)

    @property
    def shown_id(self) -> str | None:
        return None if self.shown is None else self.shown.image_id

    def loading(self, image_id: str, now: float) -> PageState:
        """A fetch of ``image_id`` started: a refresh keeps the answer shown, else it goes."""
        refresh = image_id == self.shown_id
        return self._replace(
            phase=PagePhase.REFRESHING if refresh else PagePhase.FETCHING,
            shown=self.shown if refresh else None,
            changes=self.changes if refresh else None,
            fetching_id=image_id,
            since=now,
            retry=None,
            error=None,
            offline=None,
        )

    def answered(self, image_id: str, view: ImageView, caption: str) -> PageState:
        """An answer is shown (what changed is said separately, after it)."""
        return self._replace(
            phase=PagePhase.SHOWN,
            shown=ShownImage(image_id, view, caption),
            changes=None,
            retry=None,
            error=None,
        )

    def failed(self, explanation: Explanation, copy_text: str, *, keep_result: bool) -> PageState:
        """A failure for the banner; ``keep_result``: the image shown (if any) stays."""
        if keep_result:
            phase = PagePhase.EMPTY if self.shown is None else PagePhase.SHOWN
            return self._replace(phase=phase, retry=None, error=(explanation, copy_text))
        return self._replace(
            phase=PagePhase.FAILED,
            shown=None,
            changes=None,
            retry=None,
            error=(explanation, copy_text),
        )

    def cancelled(self, image_id: str) -> PageState:
        """The fetch was cancelled: a refresh goes back to the answer shown."""
        if image_id == self.shown_id:
            return self._replace(phase=PagePhase.SHOWN, retry=None)
        return self._replace(phase=PagePhase.CANCELLED, shown=None, changes=None, retry=None)

    def retrying(self, attempt: int, attempts: int, at: float, reason: str) -> PageState:
        """The fetch waits until ``at`` before its next attempt."""
        return self._replace(retry=RetryWait(attempt, attempts, at, reason))

    def with_offline(self, note: str | None) -> PageState:
        """Mark what is shown as read from a file (``note`` says which and when), or not."""
        return self._replace(offline=note)

    def with_changes(self, changes: ImageChanges | None, since: str) -> PageState:
        """What changed since ``since`` (None: nothing to compare with)."""
        return self._replace(changes=None if changes is None else (changes, since))

    def progress_text(self, now: float) -> str:
        """The progress line at ``now``: the retry's countdown, else the time spent so far."""
        retry = self.retry
        if retry is not None and now < retry.at:
            return retry.text(retry.at - now)
        elapsed = f"{now - self.since:.1f}".replace(".", conventions().decimal)
        if retry:
            return _("Fetching {id} (attempt {attempt} of {attempts})\u2026 {seconds} s").format(
                id=self.fetching_id, attempt=retry.attempt, attempts=retry.attempts, seconds=elapsed
            )
        return _("Fetching {id}\u2026 {seconds} s").format(id=self.fetching_id, seconds=elapsed)
