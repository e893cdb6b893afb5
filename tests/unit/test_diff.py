"""What changed between two fetches of one image, with the old values as they were shown."""

from __future__ import annotations

import json

import pytest

from inspector.api.models import DesktopImage, parse_image
from inspector.present.diff import ImageChanges, image_changes
from inspector.present.image import present_image

BASE: dict[str, object] = {
    "id": "e3v1",
    "folderId": "b1g1",
    "createdAt": "2026-11-27T08:01:17.5Z",
    "status": "CREATING",
    "name": "dev",
    "labels": {"os": "ubuntu", "env": "staging", "old": "x"},
    "storageSize": "21474836480",
}
FIELD_LABELS = {"status": "Status", "storageSize": "Storage size", "name": "Name"}


def image(**changes: object) -> DesktopImage:
    body = {**BASE, **changes}
    return parse_image(json.dumps({k: v for k, v in body.items() if v is not None}).encode())[0]


def changes(old: DesktopImage, new: DesktopImage) -> ImageChanges:
    return image_changes(old, new, present_image(old, 0))


def test_nothing_changed() -> None:
    result = changes(image(), image())
    assert not result
    assert (
        result.summary(FIELD_LABELS, "the previous fetch")
        == "Nothing changed since the previous fetch."
    )


def test_changed_fields_carry_their_old_values_as_shown() -> None:
    result = changes(image(), image(status="ACTIVE", storageSize="21474836481", name=None))
    assert result.fields == {
        "name": "dev",
        "status": "CREATING",
        "storageSize": "20 GiB (21,474,836,480 bytes)",
    }
    assert result.summary(FIELD_LABELS, "the previous fetch") == (
        "Changed since the previous fetch: Name, Status, Storage size"
    )


def test_a_field_that_held_its_default_before() -> None:
    result = changes(image(description=None), image(description="now described"))
    assert result.fields == {"description": '"" (default)'}


def test_created_at_old_value_is_the_exact_original() -> None:
    result = changes(image(), image(createdAt="2026-11-27T08:01:17.500Z"))
    assert result.fields == {"createdAt": "2026-11-27T08:01:17.5Z"}


def test_labels_added_changed_and_removed() -> None:
    new_labels = {"os": "ubuntu", "env": "production", "new": "y"}
    result = changes(image(), image(labels=new_labels))
    assert result.labels == {"env": "staging", "new": None}
    assert result.removed_labels == [("old", "x")]
    assert result.fields == {}
    assert result.summary(FIELD_LABELS, "the previous fetch") == (
        "Changed since the previous fetch: labels: 1 added, 1 changed, 1 removed"
    )


def test_labels_map_that_came_or_went() -> None:
    gone = changes(image(), image(labels=None))
    assert gone.fields == {}
    assert gone.removed_labels == [("env", "staging"), ("old", "x"), ("os", "ubuntu")]
    came = changes(image(labels=None), image())
    assert came.fields == {}
    assert came.labels == {"os": None, "env": None, "old": None}


def test_an_empty_map_sent_where_it_was_left_out_is_a_change_of_form() -> None:
    result = changes(image(labels=None), image(labels={}))
    assert result.fields == {"labels": "0 labels (default)"}


def test_unknown_fields_that_changed() -> None:
    result = changes(image(replicas=3), image(replicas=4))
    assert result.fields == {"unknownFields": "replicas: 3"}


def test_an_empty_map_that_is_now_left_out_shows_the_old_count_without_the_mark() -> None:
    result = changes(image(labels={}), image(labels=None))
    assert result.fields == {"labels": "0 labels"}


def test_unknown_fields_are_listed_one_a_line_or_as_none() -> None:
    several = changes(image(replicas=3, zone="a"), image(replicas=4, zone="a"))
    assert several.fields == {"unknownFields": 'replicas: 3\nzone: "a"'}
    came = changes(image(), image(replicas=1))
    assert came.fields == {"unknownFields": "none"}


def test_an_old_description_of_several_lines_is_shown_on_one() -> None:
    result = changes(image(description="line one\nline two"), image(description="one line"))
    assert result.fields == {"description": "line one line two"}


def test_only_a_new_label_is_a_change_and_the_summary_counts_it() -> None:
    result = changes(
        image(), image(labels={"os": "ubuntu", "env": "staging", "old": "x", "n": "y"})
    )
    assert result
    assert result.summary(FIELD_LABELS, "the previous fetch") == (
        "Changed since the previous fetch: labels: 1 added"
    )


def test_the_summary_separates_fields_from_label_counts() -> None:
    new_labels = {"os": "debian", "env": "staging", "old": "x", "a": "1", "b": "2"}
    result = changes(image(), image(name="prod", labels=new_labels))
    assert result.summary(FIELD_LABELS, "the previous fetch") == (
        "Changed since the previous fetch: Name; labels: 2 added, 1 changed"
    )


def test_label_counts_above_one_read_in_the_plural() -> None:
    old = {"a": "1", "b": "2", "c": "3", "d": "4"}
    new = {"a": "x", "b": "y", "e": "5", "f": "6"}
    result = changes(image(labels=old), image(labels=new))
    assert result.summary(FIELD_LABELS, "the previous fetch") == (
        "Changed since the previous fetch: labels: 2 added, 2 changed, 2 removed"
    )


@pytest.mark.usefixtures("russian")
def test_the_old_label_count_is_translated() -> None:
    """The count of labels takes the Russian plural form for none."""
    result = changes(image(labels={}), image(labels=None))
    assert result.fields == {"labels": "0 меток"}
