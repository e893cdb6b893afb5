"""Comparing two images: fields and labels aligned, changes classified, sizes in bytes."""

from __future__ import annotations

import pytest

from inspector.api.models import DesktopImage
from inspector.present.compare import format_comparison
from inspector.present.comparison import Change, RowKind, compare_images


def image(**fields: object) -> DesktopImage:
    return DesktopImage.model_validate({"id": "e3vcompare0000000001", **fields})


def test_labels_are_aligned_and_each_change_classified() -> None:
    left = image(labels={"owner": "a", "env": "prod", "tmp": "1"})
    right = image(labels={"owner": "a", "env": "test", "team": "x"})
    rows = {
        row.key: row.change for row in compare_images(left, right).rows if row.kind is RowKind.LABEL
    }
    assert rows == {
        "env": Change.CHANGED,
        "owner": Change.EQUAL,
        "team": Change.ADDED,
        "tmp": Change.REMOVED,
    }


def test_sizes_are_compared_in_bytes_even_when_they_read_the_same() -> None:
    comparison = compare_images(image(storageSize="21474836480"), image(storageSize="21474836481"))
    (row,) = [row for row in comparison.rows if row.change is not Change.EQUAL]
    assert (row.key, row.left, row.right) == ("storageSize", "21474836480", "21474836481")
    text = format_comparison(comparison, "A", "B")
    assert "21,474,836,480 bytes (20 GiB)" in text
    assert "21,474,836,481 bytes (20 GiB)" in text


def test_proto3_defaults_equal_their_absence() -> None:
    sent = image(status="STATUS_UNSPECIFIED", storageSize="0", description="", labels={})
    assert not compare_images(sent, image()).differs


def test_an_identical_image_does_not_differ_and_the_text_says_so() -> None:
    same = image(name="n", labels={"a": "b"}, extra=[1])
    comparison = compare_images(same, same)
    assert not comparison.differs
    assert format_comparison(comparison, "A", "B").startswith("No differences")


def test_as_data_lists_only_the_differences() -> None:
    data = compare_images(image(name="a"), image(name="b")).as_data("A", "B")
    assert data["equal"] is False
    assert data["differences"] == [
        {
            "kind": "field",
            "key": "name",
            "change": "changed",
            "left": "a",
            "right": "b",
            "leftDefault": False,
            "rightDefault": False,
        }
    ]


def test_a_field_left_out_is_its_default_marked_as_such() -> None:
    """proto3 JSON leaves out a size of 0: the comparison shows 0 with the default mark on the
    side that omitted it, and no mark on the side that sent it."""
    comparison = compare_images(image(), image(storageSize="0", minDiskSize="5"))
    storage = next(row for row in comparison.rows if row.key == "storageSize")
    assert (storage.change, storage.defaults) == (Change.EQUAL, (True, False))
    text = format_comparison(comparison, "A", "B", show_equal=True)
    storage_line = next(line for line in text.splitlines() if "Storage size" in line)
    assert "0 bytes (0 B) (default)" in storage_line
    assert storage_line.count("(default)") == 1
    data = comparison.as_data("A", "B")
    (min_disk,) = data["differences"]
    assert (min_disk["key"], min_disk["leftDefault"], min_disk["rightDefault"]) == (
        "minDiskSize",
        True,
        False,
    )


def test_each_row_keeps_both_values_and_the_counts_add_up_per_kind() -> None:
    """The summary line's counts ("1 added, 1 removed, 1 changed") and each row's two cells."""
    left = image(labels={"owner": "a", "env": "prod", "tmp": "1"})
    right = image(labels={"owner": "a", "env": "test", "team": "x"})
    comparison = compare_images(left, right)
    labels = [
        (row.key, row.left, row.right) for row in comparison.rows if row.kind is RowKind.LABEL
    ]
    assert labels == [
        ("env", "prod", "test"),
        ("owner", "a", "a"),
        ("team", None, "x"),
        ("tmp", "1", None),
    ]
    # Eight fields, all equal, and the label "owner".
    assert comparison.counts() == {
        Change.EQUAL: 9,
        Change.ADDED: 1,
        Change.REMOVED: 1,
        Change.CHANGED: 1,
    }


def test_as_data_names_both_sides() -> None:
    data = compare_images(image(), image()).as_data("prod.json", "e3vother")
    assert (data["left"], data["right"], data["equal"]) == ("prod.json", "e3vother", True)


def test_a_missing_creation_time_is_not_marked_as_a_default() -> None:
    """proto3 has no default time to show: an image without ``createdAt`` shows none, unmarked,
    while a text field left out is marked on the side that left it out."""
    untimed = image(description="kept")
    timed = image(createdAt="2026-11-27T08:01:17Z")
    for left, right, change in ((untimed, timed, Change.ADDED), (timed, untimed, Change.REMOVED)):
        by_key = {row.key: row for row in compare_images(left, right).rows}
        assert (by_key["createdAt"].change, by_key["createdAt"].defaults) == (
            change,
            (False, False),
        )
        assert by_key["description"].defaults == (left is timed, right is timed)


def test_a_field_unknown_to_this_build_on_one_side_only_is_a_row() -> None:
    """A newer server's field shows up as added or removed, its value as compact JSON with the
    keys sorted and the text as sent (not escaped)."""
    comparison = compare_images(image(), image(placement={"zone": "ru-central1-ä", "at": 1}))
    (row,) = [row for row in comparison.rows if row.kind is RowKind.OTHER]
    assert (row.key, row.left, row.right, row.change) == (
        "placement",
        None,
        '{"at": 1, "zone": "ru-central1-ä"}',
        Change.ADDED,
    )


def two_images() -> tuple[DesktopImage, DesktopImage]:
    left = image(name="office", labels={"env": "prod", "tmp": "1"}, minDiskSize="5", color="red")
    right = image(name="", labels={"env": "test", "team": "x"}, storageSize="0", color="blue")
    return left, right


def test_the_table_shows_the_differences_aligned_under_both_names() -> None:
    """The mark, the row's caption (field, label or other field), each image's value: a blank
    value as ``""``, a missing one as (absent), a left-out one marked; columns two spaces apart."""
    text = format_comparison(compare_images(*two_images()), "first", "second")
    assert text == (
        "6 differences (1 added, 1 removed, 4 changed); 6 rows equal.\n"
        "   row                first          second\n"
        '~  Name               office         ""\n'
        "~  Min disk size      5 bytes (5 B)  0 bytes (0 B) (default)\n"
        "~  label env          prod           test\n"
        "+  label team         (absent)       x\n"
        "-  label tmp          1              (absent)\n"
        '~  other field color  "red"          "blue"\n'
    )


def test_show_equal_adds_the_equal_rows_with_their_default_marks() -> None:
    text = format_comparison(compare_images(*two_images()), "first", "second", show_equal=True)
    lines = text.splitlines()
    assert lines[1:9] == [
        "   row                first                         second",
        "   ID                 e3vcompare0000000001          e3vcompare0000000001",
        '   Folder ID          "" (default)                  "" (default)',
        '~  Name               office                        ""',
        '   Description        "" (default)                  "" (default)',
        "   Status             STATUS_UNSPECIFIED (default)  STATUS_UNSPECIFIED (default)",
        "   Created            (absent)                      (absent)",
        "   Storage size       0 bytes (0 B) (default)       0 bytes (0 B)",
    ]
    assert len(lines) == 14


def test_the_summary_counts_the_differences_and_the_equal_rows() -> None:
    one = compare_images(image(name="a"), image(name="b"))
    assert format_comparison(one, "A", "B").splitlines()[0] == (
        "1 difference (1 changed); 7 rows equal."
    )
    every_field = compare_images(
        image(
            folderId="b1gleft",
            name="a",
            description="d",
            status="ACTIVE",
            createdAt="2026-01-01T00:00:00Z",
            storageSize="1",
            minDiskSize="1",
        ),
        image(id="e3vcompare0000000002", labels={"new": "1"}),
    )
    assert format_comparison(every_field, "A", "B").splitlines()[0] == (
        "9 differences (1 added, 1 removed, 7 changed); 0 rows equal."
    )
    one_equal = compare_images(
        image(name="a", description="d", status="ACTIVE", storageSize="1", minDiskSize="1"),
        image(
            id="e3vcompare0000000002",
            folderId="b1gright",
            createdAt="2026-01-01T00:00:00Z",
            minDiskSize="1",
        ),
    )
    assert format_comparison(one_equal, "A", "B").splitlines()[0] == (
        "7 differences (1 added, 6 changed); 1 row equal."
    )
    same = image(labels={"a": "b"})
    assert format_comparison(compare_images(same, same), "A", "B") == (
        "No differences (9 rows equal).\n"
    )


@pytest.mark.usefixtures("russian")
def test_no_differences_is_said_in_the_language_chosen() -> None:
    same = image(labels={"a": "b"})
    assert format_comparison(compare_images(same, same), "A", "B") == (
        "Различий нет (совпадают 9 строк).\n"
    )
