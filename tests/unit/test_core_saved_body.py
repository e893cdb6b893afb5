"""A JSON file opened from disk that is not one image: the reason the operator reads, word for
word, and the image bodies that must not be mistaken for something else."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.saved_body import NotAnImage, rest_mapping

YC_IMAGE: dict[str, Any] = {"id": "e3v1", "folder_id": "b1g1", "status": "ACTIVE"}


def reason(document: dict[str, Any]) -> str:
    with pytest.raises(NotAnImage) as caught:
        rest_mapping(document)
    return str(caught.value)


@pytest.mark.parametrize("key", ["desktopImages", "desktop_images"])
def test_a_listing_says_to_save_one_image_instead(key: str) -> None:
    assert reason({key: [YC_IMAGE]}) == (
        "it is a list of images (DesktopImageService.List); save one image's JSON "
        "(`yc desktops image get ID --format json`) and open that"
    )


def test_an_api_error_says_its_code_and_the_start_of_its_message() -> None:
    assert reason({"code": 5, "message": "x" * 300}) == (
        f"it is an API error (code 5: {'x' * 200}), not an image"
    )


@pytest.mark.parametrize("field", ["id", "status"])
def test_an_image_with_code_and_message_fields_is_still_an_image(field: str) -> None:
    document = {field: "v", "code": 5, "message": "a label-like field"}
    assert rest_mapping(document) == (False, document)


def test_an_image_with_a_code_field_but_no_message_is_still_an_image() -> None:
    document = {"folderId": "b1g1", "code": 5}
    assert rest_mapping(document) == (False, document)


def test_mixed_naming_says_to_open_one_tool_s_file() -> None:
    assert reason({"folder_id": "b1g1", "createdAt": "2026-01-01T00:00:00Z"}) == (
        "it mixes camelCase and snake_case field names; open a file from one tool"
    )


def test_a_yc_body_with_fields_spelled_alike_in_both_namings_is_read() -> None:
    document = {**YC_IMAGE, "name": "dev", "description": "d", "labels": {"os": "x"}}
    came_from_yc, mapping = rest_mapping(document)
    assert came_from_yc
    assert mapping == {
        "id": "e3v1",
        "folderId": "b1g1",
        "status": "ACTIVE",
        "name": "dev",
        "description": "d",
        "labels": {"os": "x"},
    }


def test_other_json_names_its_first_five_keys() -> None:
    document = {key: 1 for key in "gfedcba"}
    assert reason(document) == (
        "it is JSON, but neither a support bundle nor a DesktopImage "
        "(no field of an image; its keys: a, b, c, d, e)"
    )


def test_an_empty_object_says_it_has_no_keys() -> None:
    assert reason({}).endswith("(no field of an image; its keys: none)")


def test_a_key_in_both_namings_is_named_both_ways() -> None:
    document = {**YC_IMAGE, "extraKey": 1, "extra_key": 2}
    assert reason(document) == "it has both 'extra_key' and 'extraKey'"
