"""Known statuses get a badge kind; anything else is shown as it came, marked unknown."""

from __future__ import annotations

import pytest

from inspector.api.status_enum import KNOWN_STATUSES
from inspector.present.status import BadgeKind, StatusView, present_status


@pytest.mark.parametrize(
    ("status", "view"),
    [
        ("ACTIVE", StatusView("ACTIVE", BadgeKind.READY, "Image is ready to use.")),
        ("CREATING", StatusView("CREATING", BadgeKind.PROGRESS, "Image is being created.")),
        ("DELETING", StatusView("DELETING", BadgeKind.PROGRESS, "Image is being deleted.")),
    ],
)
def test_documented_statuses(status: str, view: StatusView) -> None:
    assert present_status(status) == view


def test_unspecified_is_neutral() -> None:
    view = present_status("STATUS_UNSPECIFIED")
    assert (view.text, view.kind) == ("STATUS_UNSPECIFIED", BadgeKind.NEUTRAL)
    assert view.description


def test_every_status_the_model_knows_has_a_known_badge() -> None:
    assert all(present_status(status).kind is not BadgeKind.UNKNOWN for status in KNOWN_STATUSES)


@pytest.mark.parametrize("status", ["ARCHIVED", "active", " ACTIVE", "ГОТОВ", "READY\x1b[2J"])
def test_unknown_status_is_kept_verbatim(status: str) -> None:
    view = present_status(status)
    assert view.text == status
    assert view.kind is BadgeKind.UNKNOWN
    assert "does not know" in view.description


def test_empty_string_is_unknown_and_visible() -> None:
    view = present_status("")
    assert (view.text, view.kind) == ('""', BadgeKind.UNKNOWN)


@pytest.mark.parametrize(
    ("number", "text"), [("7", "unknown status 7"), ("-1", "unknown status -1")]
)
def test_a_number_without_a_name_says_unknown_status_and_its_number(number: str, text: str) -> None:
    view = present_status(number)
    assert (view.text, view.kind, view.named) == (text, BadgeKind.UNKNOWN, False)


def test_badge_kinds_are_plain_strings_for_styling() -> None:
    assert [kind.value for kind in BadgeKind] == [
        "ready",
        "progress",
        "neutral",
        "unknown",
    ]
    assert f"badge-{BadgeKind.READY}" == "badge-ready"


def test_what_the_badge_tooltip_says_about_a_status_this_build_lacks() -> None:
    assert present_status("ARCHIVED").description == (
        "This build does not know this status value; the server may be newer than the app."
    )
    assert present_status("7").description == (
        "The server sent a status number this build has no name for; the server may be newer "
        "than the app."
    )
