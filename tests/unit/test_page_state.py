"""The page's and the browser's state machines, without Qt."""

from __future__ import annotations

from inspector.api.models import DesktopImage
from inspector.core.browse_state import BrowsePhase, BrowserState
from inspector.core.page_state import PagePhase, PageState
from inspector.present.errors import Explanation
from inspector.present.image import present_image

VIEW = present_image(DesktopImage.model_validate({"id": "e3v1"}), 0)
PROBLEM = Explanation(title="Not found", http_status="404", grpc_code=None, message="no such")


def shown(image_id: str = "e3v1") -> PageState:
    return PageState().loading(image_id, 1.0).answered(image_id, VIEW, "caption")


def test_a_fetch_runs_then_shows_its_answer() -> None:
    state = PageState().loading("e3v1", 5.0)
    assert state.phase is PagePhase.FETCHING and state.busy
    assert state.fetching_id == "e3v1" and state.since == 5.0
    state = state.answered("e3v1", VIEW, "caption")
    assert state.phase is PagePhase.SHOWN and not state.busy
    assert state.shown_id == "e3v1"


def test_a_refresh_keeps_the_answer_and_another_id_drops_it() -> None:
    refreshing = shown().with_offline("from a file").loading("e3v1", 2.0)
    assert refreshing.phase is PagePhase.REFRESHING and refreshing.shown_id == "e3v1"
    assert refreshing.offline is None
    other = shown().loading("e3v2", 2.0)
    assert other.phase is PagePhase.FETCHING and other.shown is None


def test_a_failure_drops_the_answer_unless_told_to_keep_it() -> None:
    failed = shown().loading("e3v2", 2.0).failed(PROBLEM, "copy", keep_result=False)
    assert failed.phase is PagePhase.FAILED and failed.shown is None and not failed.busy
    assert failed.error == (PROBLEM, "copy")
    refused = shown().failed(PROBLEM, "copy", keep_result=True)
    assert refused.phase is PagePhase.SHOWN and refused.shown_id == "e3v1"
    assert PageState().failed(PROBLEM, "", keep_result=True).phase is PagePhase.EMPTY


def test_cancel_goes_back_to_the_answer_of_a_refresh_only() -> None:
    back = shown().loading("e3v1", 2.0).cancelled("e3v1")
    assert back.phase is PagePhase.SHOWN and back.shown_id == "e3v1"
    gone = shown().loading("e3v2", 2.0).cancelled("e3v2")
    assert gone.phase is PagePhase.CANCELLED and gone.shown is None


def test_a_new_fetch_clears_the_error_and_the_retry() -> None:
    state = PageState().loading("e3v1", 0.0).retrying(2, 3, 10.0, "503")
    assert state.retry is not None
    state = state.failed(PROBLEM, "", keep_result=False).loading("e3v1", 20.0)
    assert state.error is None and state.retry is None


def test_the_progress_line_counts_down_a_retry_then_the_time_spent() -> None:
    state = PageState().loading("e3v1", 100.0)
    assert state.progress_text(101.25) == "Fetching e3v1\u2026 1.2 s"
    waiting = state.retrying(2, 3, 105.0, "HTTP 503")
    assert waiting.progress_text(101.0) == "Retrying in 4 s (attempt 2 of 3): HTTP 503"
    assert waiting.progress_text(106.0) == "Fetching e3v1 (attempt 2 of 3)\u2026 6.0 s"


def test_changes_are_dropped_with_a_new_answer() -> None:
    state = shown().with_changes(None, "")
    assert state.changes is None
    assert shown().answered("e3v1", VIEW, "again").changes is None


def test_the_browser_lists_pages_and_pauses_after_an_error() -> None:
    state = BrowserState()
    assert state.phase is BrowsePhase.IDLE and not state.can_page
    state = state.listing("folder b1g").with_loading(True)
    assert state.phase is BrowsePhase.LOADING and not state.can_page
    state = state.page(more=True).with_loading(False)
    assert state.phase is BrowsePhase.MORE and state.can_page and state.fetches_on_scroll
    paused = state.with_loading(True).failed().with_loading(False)
    assert paused.phase is BrowsePhase.PAUSED
    assert paused.can_page and not paused.fetches_on_scroll
    resumed = paused.page(more=False)
    assert resumed.phase is BrowsePhase.COMPLETE and not resumed.paused


def test_a_new_listing_forgets_the_old_one() -> None:
    old = BrowserState().listing("a").page(more=True).failed()
    new = old.listing("b")
    assert new.description == "b" and not new.more and not new.paused and new.listed
