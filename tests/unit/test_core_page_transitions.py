"""What each event of an image page keeps and drops: the answer, what changed, the countdown,
the banner and the offline note, as the page renders them."""

from __future__ import annotations

import pytest

from inspector.api.models import DesktopImage
from inspector.core.page_state import PagePhase, PageState
from inspector.present.diff import ImageChanges
from inspector.present.errors import Explanation
from inspector.present.image import present_image

VIEW = present_image(DesktopImage.model_validate({"id": "e3v1"}), 0)
PROBLEM = Explanation(title="Not found", http_status="404", grpc_code=None, message="no such")
CHANGES = ImageChanges(fields={"name": "old name"})


def shown(image_id: str = "e3v1") -> PageState:
    return PageState().loading(image_id, 1.0).answered(image_id, VIEW, "caption")


def shown_with_changes() -> PageState:
    return shown().with_changes(CHANGES, "the previous fetch (just now)")


def test_what_changed_is_kept_with_its_since_text() -> None:
    assert shown_with_changes().changes == (CHANGES, "the previous fetch (just now)")


def test_a_refresh_keeps_what_changed_and_another_id_drops_it() -> None:
    assert shown_with_changes().loading("e3v1", 2.0).changes == (
        CHANGES,
        "the previous fetch (just now)",
    )
    assert shown_with_changes().loading("e3v2", 2.0).changes is None


def test_a_new_answer_drops_the_changes_countdown_and_banner_of_the_last() -> None:
    # A bad ID typed while the fetch runs puts a banner up; the fetch's answer takes it down.
    state = shown_with_changes().loading("e3v1", 2.0).retrying(2, 3, 9.0, "HTTP 503")
    state = state.failed(PROBLEM, "copy", keep_result=True).answered("e3v1", VIEW, "again")
    assert state.changes is None and state.retry is None and state.error is None


def test_an_answer_after_a_retry_ends_the_countdown() -> None:
    waiting = PageState().loading("e3v1", 0.0).retrying(2, 3, 10.0, "HTTP 503")
    assert waiting.answered("e3v1", VIEW, "caption").retry is None


def test_a_new_fetch_forgets_the_countdown_of_the_one_it_replaced() -> None:
    state = PageState().loading("e3v1", 0.0).retrying(2, 3, 10.0, "HTTP 503").loading("e3v2", 1.0)
    assert state.retry is None
    assert state.progress_text(2.0) == "Fetching e3v2\u2026 1.0 s"


def test_a_refused_id_puts_up_its_banner_and_ends_the_countdown() -> None:
    waiting = shown().loading("e3v1", 2.0).retrying(2, 3, 9.0, "HTTP 503")
    refused = waiting.failed(PROBLEM, "copy", keep_result=True)
    assert refused.error == (PROBLEM, "copy") and refused.retry is None


def test_a_refused_id_after_a_cancel_leaves_an_empty_page_with_its_banner() -> None:
    cancelled = PageState().loading("e3v1", 0.0).cancelled("e3v1")
    refused = cancelled.failed(PROBLEM, "copy", keep_result=True)
    assert refused.phase is PagePhase.EMPTY and refused.error == (PROBLEM, "copy")


def test_a_failed_refresh_drops_the_answer_its_changes_and_the_countdown() -> None:
    refreshing = shown_with_changes().loading("e3v1", 2.0).retrying(2, 3, 9.0, "HTTP 503")
    failed = refreshing.failed(PROBLEM, "copy", keep_result=False)
    assert failed.phase is PagePhase.FAILED
    assert failed.shown is None and failed.changes is None and failed.retry is None


def test_cancel_ends_the_countdown_of_a_refresh_and_of_a_first_fetch() -> None:
    refresh = shown().loading("e3v1", 2.0).retrying(2, 3, 9.0, "HTTP 503").cancelled("e3v1")
    assert refresh.phase is PagePhase.SHOWN and refresh.retry is None
    first = PageState().loading("e3v2", 2.0).retrying(2, 3, 9.0, "HTTP 503").cancelled("e3v2")
    assert first.phase is PagePhase.CANCELLED and first.retry is None


def test_the_offline_note_is_kept_until_the_next_fetch() -> None:
    note = "OFFLINE \u00b7 support bundle e3v1.inspector.json"
    assert shown().with_offline(note).offline == note


def test_a_countdown_under_a_second_reads_one_second() -> None:
    waiting = PageState().loading("e3v1", 100.0).retrying(2, 3, 101.0, "HTTP 503")
    assert waiting.progress_text(100.7) == "Retrying in 1 s (attempt 2 of 3): HTTP 503"


def test_the_countdown_ends_at_the_moment_of_the_retry() -> None:
    waiting = PageState().loading("e3v1", 100.0).retrying(2, 3, 105.0, "HTTP 503")
    assert waiting.progress_text(105.0) == "Fetching e3v1 (attempt 2 of 3)\u2026 5.0 s"


@pytest.mark.usefixtures("russian")
def test_the_time_spent_uses_the_languages_decimal_comma() -> None:
    assert (
        PageState().loading("e3v1", 100.0).progress_text(101.25).endswith(" 1,2 \u0441")
    )  # seconds, in Russian
