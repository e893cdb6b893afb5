"""The watch policy: backoff from seconds to a minute, when to stop, what to announce."""

from __future__ import annotations

import pytest

from inspector.core.watch import (
    Watch,
    WatchOutcome,
    WatchPolicy,
    format_duration,
    poll_delay,
    should_watch,
)

S = 1_000_000_000
START = 1_800_000_000 * S


@pytest.mark.parametrize(
    ("status", "watched"),
    [("CREATING", True), ("DELETING", True), ("ACTIVE", False), (None, False), ("X", False)],
)
def test_what_is_watched(status: str | None, watched: bool) -> None:
    assert should_watch(status) is watched


def test_backoff_grows_from_seconds_to_a_minute() -> None:
    delays = [poll_delay(WatchPolicy(), n) for n in range(12)]
    assert delays[0] == 3.0
    assert delays == sorted(delays)
    assert delays[-1] == 60.0
    assert max(delays) == 60.0


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 s"),
        (45.9, "45 s"),
        (60, "1 min"),
        (725, "12 min 5 s"),
        (3 * 3600 + 20 * 60 + 7, "3 h 20 min"),
        (7200, "2 h"),
        (2 * 86400 + 4 * 3600, "2 d 4 h"),
        (-5, "0 s"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text


def creating(created_ago_s: int = 60) -> Watch:
    return Watch(
        "e3v1", "CREATING", started_ns=START, created_at_ns=START - created_ago_s * S, name="dev"
    )


def test_status_settles_and_is_announced() -> None:
    watch = creating()
    assert watch.first_step().delay == 3.0
    step = watch.observe_status("CREATING", START + 3 * S)
    assert step.outcome is WatchOutcome.WATCHING
    assert step.delay == 4.5
    assert step.announcement is None
    step = watch.observe_status("ACTIVE", START + 8 * S)
    assert step.done
    assert step.outcome is WatchOutcome.SETTLED
    assert step.delay is None
    assert step.announcement is not None
    assert step.announcement.title == "Image ACTIVE"
    assert "e3v1 (dev) is now ACTIVE (was CREATING" in step.announcement.message
    assert not watch.active


def test_a_change_between_watched_statuses_keeps_watching() -> None:
    watch = creating()
    step = watch.observe_status("DELETING", START + 3 * S)
    assert step.outcome is WatchOutcome.WATCHING
    assert step.announcement is not None
    assert watch.status == "DELETING"


def test_not_found_after_deleting_means_gone() -> None:
    watch = Watch("e3v1", "DELETING", started_ns=START, created_at_ns=None)
    step = watch.observe_not_found(START + 90 * S)
    assert step.outcome is WatchOutcome.GONE
    assert step.announcement is not None
    assert "is gone" in step.message
    assert "1 min 30 s" in step.message


def test_not_found_while_creating_means_vanished() -> None:
    step = creating().observe_not_found(START + S)
    assert step.outcome is WatchOutcome.VANISHED
    assert "disappeared while CREATING" in step.message


def test_failures_keep_watching_until_too_many_in_a_row() -> None:
    watch = creating()
    policy = watch.policy
    for number in range(1, policy.max_failures):
        step = watch.observe_failure("HTTP 503")
        assert step.outcome is WatchOutcome.WATCHING, number
        assert f"{number} of {policy.max_failures}" in step.message
    watch.observe_status("CREATING", START + S)  # a success resets the count
    for _ in range(policy.max_failures - 1):
        assert not watch.observe_failure("HTTP 503").done
    step = watch.observe_failure("timed out")
    assert step.outcome is WatchOutcome.FAILED
    assert step.announcement is not None
    assert "last: timed out" in step.message


def test_slow_creation_is_said_once() -> None:
    watch = creating(created_ago_s=29 * 60)
    assert not watch.is_slow(START)
    later = START + 2 * 60 * S
    assert watch.is_slow(later)
    step = watch.observe_status("CREATING", later)
    assert step.announcement is not None
    assert "longer than usual" in step.announcement.message
    assert "31 min" in step.announcement.message
    assert watch.observe_status("CREATING", later + S).announcement is None
    assert "taking longer than usual" in watch.progress(later, 10)


def test_deleting_is_timed_from_when_watching_began() -> None:
    watch = Watch("e3v1", "DELETING", started_ns=START, created_at_ns=START - 400 * 86400 * S)
    assert not watch.is_slow(START + 14 * 60 * S)
    assert watch.is_slow(START + 16 * 60 * S)


def test_progress_text() -> None:
    watch = creating(created_ago_s=600)
    text = watch.progress(START + 65 * S, 19.2)
    assert text == (
        "CREATING \u00b7 11 min 5 s since createdAt \u00b7 watching for 1 min 5 s "
        "\u00b7 next check in 20 s"
    )


def test_stopped_by_the_user() -> None:
    watch = creating()
    step = watch.stop()
    assert step.outcome is WatchOutcome.STOPPED
    assert step.announcement is None
    assert not watch.active
