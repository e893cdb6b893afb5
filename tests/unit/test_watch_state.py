"""The watch line's state machine, without Qt: each event the tab reports, and what shows."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from inspector.core.watch import Watch, WatchPolicy
from inspector.core.watch_state import WatchPhase, WatchState

SECOND = 1_000_000_000
START = 1_800_000_000 * SECOND


def watching(message: str = "", progress: str = "CREATING") -> WatchState:
    return WatchState().news(message).ticked(progress, slow=False)


def test_nothing_shows_before_a_watch() -> None:
    state = WatchState()
    assert state.phase is WatchPhase.IDLE
    assert not state.watching
    assert not state.visible


def test_a_watch_starts_watching_and_shows_even_with_nothing_to_say() -> None:
    state = WatchState().news("")
    assert state.phase is WatchPhase.WATCHING
    assert state.watching
    assert state.visible
    assert state.message == ""


def test_news_replaces_the_message_and_a_quiet_check_clears_it() -> None:
    state = watching("e3v is now DELETING (was CREATING)")
    assert state.message == "e3v is now DELETING (was CREATING)"
    quiet = state.news("")
    assert quiet.message == ""
    assert quiet.progress == "CREATING"  # the progress stays until the next tick
    assert quiet.watching


def test_ticks_move_the_progress_and_turn_slow_and_back() -> None:
    state = watching("news", "CREATING \u00b7 1 min since createdAt")
    slow = state.ticked("CREATING \u00b7 2 h since createdAt", slow=True)
    assert slow.phase is WatchPhase.SLOW
    assert slow.slow
    assert slow.watching
    assert slow.message == "news"
    assert slow.progress == "CREATING \u00b7 2 h since createdAt"
    again = slow.news("e3v is now DELETING (was CREATING)")
    assert again.phase is WatchPhase.SLOW  # news does not undo the amber; the next tick may
    assert again.ticked("DELETING", slow=False).phase is WatchPhase.WATCHING


def test_an_ended_watch_does_not_tick() -> None:
    ended = watching().finished("e3v is now ACTIVE")
    assert ended.ticked("CREATING", slow=True) == ended


@pytest.mark.parametrize(
    ("end", "phase"),
    [(WatchState.stopped, WatchPhase.STOPPED), (WatchState.finished, WatchPhase.FINISHED)],
)
def test_the_end_keeps_its_message_without_progress(
    end: Callable[[WatchState, str], WatchState], phase: WatchPhase
) -> None:
    ended = end(watching("older news").ticked("CREATING", slow=True), "how it ended")
    assert ended.phase is phase
    assert ended.message == "how it ended"
    assert ended.progress == ""
    assert not ended.watching
    assert not ended.slow
    assert ended.visible


def test_a_quiet_end_hides_the_line() -> None:
    """Stopped because another image was asked for: nothing to say, nothing shows."""
    assert watching("news").stopped("") == WatchState()
    assert watching("news").finished("") == WatchState()


def test_dismissing_puts_away_an_ended_watch_but_not_a_running_one() -> None:
    ended = watching().finished("e3v is gone")
    assert ended.dismissed() == WatchState()
    running = watching("news")
    assert running.dismissed() == running


def test_states_follow_a_real_watch_from_start_to_end() -> None:
    """The steps of :class:`Watch` fed in, as the tab controller does."""
    watch = Watch("e3v1", "CREATING", started_ns=START, created_at_ns=None, policy=WatchPolicy())
    state = WatchState().news(watch.first_step().message)
    assert state.phase is WatchPhase.WATCHING
    now = START + 3 * SECOND
    step = watch.observe_status("CREATING", now)
    assert not step.done
    state = state.news(step.message).ticked(watch.progress(now, 4.5), slow=watch.is_slow(now))
    assert state.progress.startswith("CREATING \u00b7 watching for 3 s")
    now += 5 * SECOND
    step = watch.observe_status("ACTIVE", now)
    assert step.done
    state = state.finished(step.message)
    assert state.phase is WatchPhase.FINISHED
    assert state.message.startswith("e3v1 is now ACTIVE (was CREATING")
