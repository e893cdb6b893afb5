"""Watching an image while it is CREATING or DELETING: when to look again, and when to stop.

A pure state machine with no clock, timer or Qt of its own: whoever drives it passes the time
in and sleeps for the delay it returns. Polls start a few seconds apart and grow to a minute,
so a quick change is seen quickly and a long one costs one request a minute. It stops when the
status settles, when the image is gone (404 after DELETING), or after several failed checks in
a row; it says when something takes longer than usual, and says what to announce.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, NamedTuple

from inspector.i18n import _

WATCHED_STATUSES: Final = frozenset({"CREATING", "DELETING"})
_NANOS: Final = 1_000_000_000


def should_watch(status: str | None) -> bool:
    """True while the image is in a state that ends by itself."""
    return status in WATCHED_STATUSES


class WatchPolicy(NamedTuple):
    """Times in seconds. ``usual`` is how long each status normally lasts, at most."""

    first_delay: float = 3.0
    growth: float = 1.5
    max_delay: float = 60.0
    max_failures: int = 5
    usual_creating: float = 30 * 60.0
    usual_deleting: float = 15 * 60.0


def poll_delay(policy: WatchPolicy, polls_done: int) -> float:
    """Seconds before the next check after ``polls_done`` checks: 3, 4.5, 6.75 ... up to 60."""
    return min(policy.max_delay, policy.first_delay * policy.growth**polls_done)


class WatchOutcome(StrEnum):
    WATCHING = "watching"
    SETTLED = "settled"
    GONE = "gone"
    VANISHED = "vanished"
    FAILED = "failed"
    STOPPED = "stopped"


class Announcement(NamedTuple):
    """A desktop notification: a short title and one sentence."""

    title: str
    message: str


class WatchStep(NamedTuple):
    """What to do after one check: wait ``delay`` seconds and check again, or stop.

    ``message`` is news for the page (a change, a failed check, the end), empty when a check
    found things as they were.
    """

    outcome: WatchOutcome
    message: str
    delay: float | None = None
    announcement: Announcement | None = None

    @property
    def done(self) -> bool:
        return self.outcome is not WatchOutcome.WATCHING


def format_duration(seconds: float) -> str:
    """``45 s``, ``12 min 5 s``, ``3 h 20 min``, ``2 d 4 h``: two units at most."""
    whole = max(0, int(seconds))
    days, rest = divmod(whole, 86_400)
    hours, rest = divmod(rest, 3_600)
    minutes, secs = divmod(rest, 60)
    if days:
        if hours:
            return _("{days} d {hours} h").format(days=days, hours=hours)
        return _("{days} d").format(days=days)
    if hours:
        if minutes:
            return _("{hours} h {minutes} min").format(hours=hours, minutes=minutes)
        return _("{hours} h").format(hours=hours)
    if minutes:
        if secs:
            return _("{minutes} min {seconds} s").format(minutes=minutes, seconds=secs)
        return _("{minutes} min").format(minutes=minutes)
    return _("{seconds} s").format(seconds=secs)


class Watch:
    """The watch of one image; feed it each check's result with the time it came."""

    def __init__(
        self,
        image_id: str,
        status: str,
        *,
        started_ns: int,
        created_at_ns: int | None,
        name: str | None = None,
        policy: WatchPolicy | None = None,
    ) -> None:
        self.image_id = image_id
        self.status = status
        self.name = name
        self.started_ns = started_ns
        self.created_at_ns = created_at_ns
        self.policy = policy or WatchPolicy()
        self.polls = 0
        self.failures = 0
        self.outcome = WatchOutcome.WATCHING
        self._status_since_ns = started_ns
        self._slow_announced = False

    @property
    def active(self) -> bool:
        return self.outcome is WatchOutcome.WATCHING

    def first_step(self) -> WatchStep:
        """The step right after the watch starts: wait, then check (nothing to say yet)."""
        return WatchStep(WatchOutcome.WATCHING, "", self._delay())

    def _who(self) -> str:
        return f"{self.image_id} ({self.name})" if self.name else self.image_id

    def _delay(self) -> float:
        return poll_delay(self.policy, self.polls)

    def _stop(self, outcome: WatchOutcome, message: str, title: str) -> WatchStep:
        self.outcome = outcome
        return WatchStep(outcome, message, None, Announcement(title, message))

    def observe_status(self, status: str | None, now_ns: int, name: str | None = None) -> WatchStep:
        """A check found the image with ``status``."""
        self.polls += 1
        self.failures = 0
        self.name = name or self.name
        took = format_duration((now_ns - self._status_since_ns) / _NANOS)
        if status != self.status:
            before, self.status = self.status, status or _("no status")
            self._status_since_ns = now_ns
            self._slow_announced = False
            if not should_watch(status):
                return self._stop(
                    WatchOutcome.SETTLED,
                    _("{image} is now {status} (was {before}; watched for {took})").format(
                        image=self._who(), status=self.status, before=before, took=took
                    ),
                    _("Image {status}").format(status=self.status),
                )
            message = _("{image} is now {status} (was {before})").format(
                image=self._who(), status=self.status, before=before
            )
            return WatchStep(
                WatchOutcome.WATCHING,
                message,
                self._delay(),
                Announcement(_("Image {status}").format(status=self.status), message),
            )
        announcement = None
        if self.is_slow(now_ns) and not self._slow_announced:
            self._slow_announced = True
            announcement = Announcement(
                _("Still {status}").format(status=self.status),
                _("{image} has been {status} for {age}, longer than usual").format(
                    image=self._who(), status=self.status, age=self.status_age(now_ns)
                ),
            )
        return WatchStep(WatchOutcome.WATCHING, "", self._delay(), announcement)

    def observe_not_found(self, now_ns: int) -> WatchStep:
        """A check got 404: after DELETING that is the end; otherwise it vanished."""
        self.polls += 1
        if self.status == "DELETING":
            took = format_duration((now_ns - self.started_ns) / _NANOS)
            return self._stop(
                WatchOutcome.GONE,
                _("{image} is gone: deleted (404 after DELETING; watched for {took})").format(
                    image=self._who(), took=took
                ),
                _("Image deleted"),
            )
        return self._stop(
            WatchOutcome.VANISHED,
            _("{image} disappeared while {status} (404): it no longer exists").format(
                image=self._who(), status=self.status
            ),
            _("Image disappeared"),
        )

    def observe_failure(self, reason: str) -> WatchStep:
        """A check failed for another reason: keep going, unless it keeps failing."""
        self.polls += 1
        self.failures += 1
        if self.failures >= self.policy.max_failures:
            return self._stop(
                WatchOutcome.FAILED,
                _(
                    "Stopped watching {image}: {failures} checks in a row failed (last: {reason})"
                ).format(image=self._who(), failures=self.failures, reason=reason),
                _("Stopped watching"),
            )
        return WatchStep(
            WatchOutcome.WATCHING,
            _("Check failed ({failures} of {most}): {reason}").format(
                failures=self.failures, most=self.policy.max_failures, reason=reason
            ),
            self._delay(),
        )

    def stop(self) -> WatchStep:
        """The user stopped it; nothing to announce."""
        self.outcome = WatchOutcome.STOPPED
        return WatchStep(
            WatchOutcome.STOPPED, _("Stopped watching {image}").format(image=self.image_id)
        )

    def _usual(self) -> float:
        return (
            self.policy.usual_creating if self.status == "CREATING" else self.policy.usual_deleting
        )

    def status_age(self, now_ns: int) -> str:
        """How long the current status has lasted, as far as the watch can know."""
        return format_duration(self._status_seconds(now_ns))

    def _status_seconds(self, now_ns: int) -> float:
        # CREATING began at createdAt; for anything else, the best known start is the watch's.
        if self.status == "CREATING" and self.created_at_ns is not None:
            since = min(self.created_at_ns, self._status_since_ns)
        else:
            since = self._status_since_ns
        return (now_ns - since) / _NANOS

    def is_slow(self, now_ns: int) -> bool:
        """True once the current status has lasted longer than it usually does."""
        return should_watch(self.status) and self._status_seconds(now_ns) > self._usual()

    def progress(self, now_ns: int, next_check_s: float | None) -> str:
        """``CREATING · 12 min since createdAt · watching for 3 min · next check in 20 s``."""
        parts = [self.status]
        if self.created_at_ns is not None:
            since = format_duration((now_ns - self.created_at_ns) / _NANOS)
            parts.append(_("{duration} since createdAt").format(duration=since))
        watching = format_duration((now_ns - self.started_ns) / _NANOS)
        parts.append(_("watching for {duration}").format(duration=watching))
        if next_check_s is not None:
            next_check = format_duration(next_check_s + 0.999)
            parts.append(_("next check in {duration}").format(duration=next_check))
        text = " \u00b7 ".join(parts)
        if self.is_slow(now_ns):
            usual = format_duration(self._usual())
            text += " \u2014 " + _("taking longer than usual (usually under {duration})").format(
                duration=usual
            )
        return text
