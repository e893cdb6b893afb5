"""What a watch says, word for word, and when: the page's news line, the desktop notification,
the progress line, and the pace of the checks while they fail."""

from __future__ import annotations

from inspector.core.watch import Watch, WatchOutcome, format_duration

S = 1_000_000_000
MINUTE = 60 * S
START = 1_800_000_000 * S


def creating(created_ago_s: int = 60) -> Watch:
    return Watch(
        "e3v1", "CREATING", started_ns=START, created_at_ns=START - created_ago_s * S, name="dev"
    )


def test_whole_days_are_said_without_hours() -> None:
    assert format_duration(86_400) == "1 d"
    assert format_duration(3 * 86_400 + 59) == "3 d"


def test_a_check_that_finds_nothing_new_says_nothing() -> None:
    watch = creating()
    assert watch.first_step().message == ""
    step = watch.observe_status("CREATING", START + 3 * S)
    assert step.message == ""
    assert step.announcement is None


def test_the_settled_sentence_names_the_change_and_how_long_the_status_lasted() -> None:
    watch = creating()
    step = watch.observe_status("ACTIVE", START + 8 * S)
    expected = "e3v1 (dev) is now ACTIVE (was CREATING; watched for 8 s)"
    assert step.message == expected
    assert step.announcement is not None
    assert (step.announcement.title, step.announcement.message) == ("Image ACTIVE", expected)


def test_an_answer_without_a_status_settles_as_no_status() -> None:
    step = creating().observe_status(None, START + 3 * S)
    assert step.outcome is WatchOutcome.SETTLED
    assert step.message == "e3v1 (dev) is now no status (was CREATING; watched for 3 s)"
    assert step.announcement is not None
    assert step.announcement.title == "Image no status"


def test_a_change_between_watched_statuses_is_news_and_the_checks_go_on() -> None:
    watch = creating()
    step = watch.observe_status("DELETING", START + 3 * S)
    expected = "e3v1 (dev) is now DELETING (was CREATING)"
    assert step.message == expected
    assert step.delay == 4.5
    assert step.announcement is not None
    assert (step.announcement.title, step.announcement.message) == ("Image DELETING", expected)


def test_a_new_name_seen_by_a_check_is_used_from_then_on() -> None:
    watch = creating()
    watch.observe_status("CREATING", START + 3 * S, name="renamed")
    step = watch.observe_status("ACTIVE", START + 8 * S)
    assert step.message.startswith("e3v1 (renamed) is now ACTIVE")


def test_an_image_without_a_name_is_named_by_its_id() -> None:
    watch = Watch("e3v1", "CREATING", started_ns=START, created_at_ns=None)
    assert watch.observe_status("ACTIVE", START + S).message.startswith("e3v1 is now ACTIVE")


def test_slowness_is_said_in_full_once_per_status() -> None:
    watch = creating(created_ago_s=29 * 60)
    slow = START + 2 * MINUTE
    step = watch.observe_status("CREATING", slow)
    assert step.announcement is not None
    assert step.announcement.title == "Still CREATING"
    assert step.announcement.message == (
        "e3v1 (dev) has been CREATING for 31 min, longer than usual"
    )
    assert step.message == ""
    watch.observe_status("DELETING", slow + S)
    # DELETING is timed from the change, not from the start of the watch.
    assert not watch.is_slow(slow + S + 14 * MINUTE)
    step = watch.observe_status("DELETING", slow + S + 16 * MINUTE)
    assert step.announcement is not None
    assert step.announcement.title == "Still DELETING"
    assert step.announcement.message == (
        "e3v1 (dev) has been DELETING for 16 min, longer than usual"
    )


def test_exactly_the_usual_time_is_not_longer_than_usual() -> None:
    watch = Watch("e3v1", "DELETING", started_ns=START, created_at_ns=None)
    assert not watch.is_slow(START + 15 * MINUTE)
    assert watch.is_slow(START + 15 * MINUTE + 1)


def test_the_progress_line_of_a_slow_creation_says_what_is_usual() -> None:
    watch = creating(created_ago_s=29 * 60)
    assert watch.progress(START + 2 * MINUTE, 9.5) == (
        "CREATING \u00b7 31 min since createdAt \u00b7 watching for 2 min "
        "\u00b7 next check in 10 s \u2014 taking longer than usual (usually under 30 min)"
    )


def test_the_progress_line_leaves_out_what_is_not_known() -> None:
    watch = Watch("e3v1", "DELETING", started_ns=START, created_at_ns=None)
    assert watch.progress(START + 5 * S, None) == "DELETING \u00b7 watching for 5 s"


def test_gone_and_vanished_are_said_in_full() -> None:
    deleting = Watch("e3v1", "DELETING", started_ns=START, created_at_ns=None, name="dev")
    gone = deleting.observe_not_found(START + 90 * S)
    assert gone.message == (
        "e3v1 (dev) is gone: deleted (404 after DELETING; watched for 1 min 30 s)"
    )
    assert gone.announcement is not None
    assert gone.announcement.title == "Image deleted"
    vanished = creating().observe_not_found(START + S)
    assert vanished.message == "e3v1 (dev) disappeared while CREATING (404): it no longer exists"
    assert vanished.announcement is not None
    assert vanished.announcement.title == "Image disappeared"


def test_failed_checks_are_counted_aloud_and_spaced_out_like_any_check() -> None:
    watch = creating()
    first = watch.observe_failure("HTTP 503")
    assert first.message == "Check failed (1 of 5): HTTP 503"
    assert first.delay == 4.5
    assert watch.observe_failure("HTTP 503").delay == 6.75
    for _ in range(2):
        watch.observe_failure("HTTP 503")
    last = watch.observe_failure("timed out")
    assert last.message == (
        "Stopped watching e3v1 (dev): 5 checks in a row failed (last: timed out)"
    )
    assert last.announcement is not None
    assert last.announcement.title == "Stopped watching"
