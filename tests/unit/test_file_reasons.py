"""Why a file the operator opened is not an image: the sentences the window and ``show`` print."""

from __future__ import annotations

import pytest

from inspector.api.models import ImageParseError
from inspector.present.files import bundle_body_not_an_image, too_big

MIB = 1024 * 1024


def test_a_body_that_is_no_image_says_why_and_lists_each_problem() -> None:
    error = ImageParseError("the body is not a DesktopImage", ["id: x", "status: y"])
    assert bundle_body_not_an_image(error) == (
        "the bundle's body is not a DesktopImage (the body is not a DesktopImage): id: x; status: y"
    )


def test_a_body_without_a_list_of_problems_gives_the_reason_alone() -> None:
    error = ImageParseError("the body is not JSON", [])
    assert bundle_body_not_an_image(error) == (
        "the bundle's body is not a DesktopImage (the body is not JSON)"
    )


def test_a_file_too_big_gives_its_size_and_the_cap_in_mib() -> None:
    assert too_big(5 * MIB + MIB // 2, 2 * MIB) == (
        "it is 5.5 MiB; a bundle or an image body is a few KiB (at most 2 MiB is read)"
    )


@pytest.mark.usefixtures("russian")
def test_the_size_of_a_file_too_big_uses_the_languages_decimal_comma() -> None:
    assert "5,5" in too_big(5 * MIB + MIB // 2, 2 * MIB)
