"""The image view shows every field, defaults as values, and the table text is terminal-safe."""

from __future__ import annotations

import subprocess
import sys
from typing import Any

import pytest

from inspector.api.models import INT64_MAX, DesktopImage, image_from_mapping
from inspector.api.timestamp import parse_timestamp
from inspector.present.image import FieldView, format_image_text, present_image
from inspector.present.status import BadgeKind
from inspector.present.text import display_width, pad, printable, printable_lines

NOW = parse_timestamp("2026-11-23T10:00:00Z").epoch_nanos
FULL: dict[str, Any] = {
    "id": "e3vc67qdve8q12345678",
    "folderId": "b1gfolder0000000000",
    "createdAt": "2026-11-20T09:15:42.123456789Z",
    "status": "ACTIVE",
    "name": "ubuntu-22-04",
    "description": "Base image for the support team",
    "labels": {"team": "vdi", "env": "prod"},
    "storageSize": "21474836480",
    "minDiskSize": "64424509440",
}


def moscow(epoch_seconds: int) -> tuple[int, str]:
    return 3 * 3600, "MSK"


def image(**fields: Any) -> DesktopImage:
    return image_from_mapping(fields)


def text_of(**fields: Any) -> str:
    return format_image_text(present_image(image(**fields), NOW, moscow))


def test_full_image_fields() -> None:
    view = present_image(image(**FULL), NOW, moscow)
    assert view.fields == [
        FieldView("id", "ID", "e3vc67qdve8q12345678"),
        FieldView("folderId", "Folder ID", "b1gfolder0000000000"),
        FieldView("name", "Name", "ubuntu-22-04"),
        FieldView("description", "Description", "Base image for the support team"),
        FieldView("status", "Status", "ACTIVE", detail="Image is ready to use."),
        FieldView(
            "createdAt",
            "Created",
            "2026-11-20 12:15:42.123456789 +03:00 (MSK)",
            detail="2026-11-20 09:15:42.123456789 UTC · 3 days ago",
            tooltip="2026-11-20T09:15:42.123456789Z",
        ),
        FieldView("storageSize", "Storage size", "20 GiB", detail="21,474,836,480 bytes"),
        FieldView("minDiskSize", "Min disk size", "60 GiB", detail="64,424,509,440 bytes"),
    ]
    assert view.status.kind is BadgeKind.READY
    assert view.created is not None and view.created.exact == FULL["createdAt"]
    assert view.labels == [("env", "prod"), ("team", "vdi")]
    assert view.labels_default is False
    assert view.unknown_fields == []
    assert not view.has_defaults


def test_full_image_text() -> None:
    assert text_of(**FULL) == (
        "ID             e3vc67qdve8q12345678\n"
        "Folder ID      b1gfolder0000000000\n"
        "Name           ubuntu-22-04\n"
        "Description    Base image for the support team\n"
        "Status         ACTIVE\n"
        "Created        2026-11-20 12:15:42.123456789 +03:00 (MSK)\n"
        "               2026-11-20 09:15:42.123456789 UTC · 3 days ago"
        " · exact: 2026-11-20T09:15:42.123456789Z\n"
        "Storage size   20 GiB (21,474,836,480 bytes)\n"
        "Min disk size  60 GiB (64,424,509,440 bytes)\n"
        "\n"
        "Labels (2)\n"
        "  env   prod\n"
        "  team  vdi\n"
    )


def test_an_empty_body_shows_every_default_marked_and_no_id_as_abnormal() -> None:
    view = present_image(image(), NOW, moscow)
    assert [(field.key, field.value, field.default) for field in view.fields] == [
        ("id", "", True),
        ("folderId", "", True),
        ("name", "", True),
        ("description", "", True),
        ("status", "STATUS_UNSPECIFIED", True),
        ("createdAt", None, False),
        ("storageSize", "0 B", True),
        ("minDiskSize", "0 B", True),
    ]
    assert view.fields[0].problem == "abnormal: the answer has no image ID"
    assert view.status.kind is BadgeKind.NEUTRAL
    assert view.created is None
    assert (view.labels, view.labels_default) == ([], True)
    assert format_image_text(view) == (
        'ID             "" (abnormal: the answer has no image ID)\n'
        'Folder ID      "" (default)\n'
        'Name           "" (default)\n'
        'Description    "" (default)\n'
        "Status         STATUS_UNSPECIFIED (default)\n"
        "Created        not set\n"
        "Storage size   0 B (0 bytes) (default)\n"
        "Min disk size  0 B (0 bytes) (default)\n"
        "\n"
        "Labels: none (default)\n"
        "\n"
        "default: Not in the body: the API leaves out fields that hold their default value.\n"
    )
    assert "not sent" not in format_image_text(view)


def test_defaults_sent_explicitly_show_no_mark() -> None:
    view = present_image(
        image(id="e3v", storageSize="0", minDiskSize=0, status=0, name="", labels={}),
        NOW,
        moscow,
    )
    shown = {field.key: field for field in view.fields}
    for key in ("id", "storageSize", "minDiskSize", "status", "name"):
        assert not shown[key].default, key
    assert shown["folderId"].default
    text = format_image_text(view)
    assert "Storage size   0 B (0 bytes)\n" in text
    assert "Status         STATUS_UNSPECIFIED\n" in text
    assert text.count("(default)") == 2  # folderId and description only
    assert "\nLabels: none\n" in text


def test_empty_strings_that_were_sent_are_not_missing() -> None:
    view = present_image(image(id="", name="", description="", status=""), NOW, moscow)
    values = {field.key: field.value for field in view.fields}
    assert (values["id"], values["name"], values["description"], values["status"]) == ("",) * 4
    text = format_image_text(view)
    assert 'Name           ""\n' in text
    assert 'Description    ""\n' in text
    assert 'Status         "" (unknown status)\n' in text
    assert 'Folder ID      "" (default)\n' in text


def test_labels_sent_empty() -> None:
    view = present_image(image(labels={}), NOW, moscow)
    assert (view.labels, view.labels_default) == ([], False)
    assert "\nLabels: none\n" in format_image_text(view)


@pytest.mark.parametrize("status", ["ARCHIVED", "ACTIVE_V2"])
def test_unknown_status_is_marked(status: str) -> None:
    view = present_image(image(status=status), NOW, moscow)
    assert view.status.kind is BadgeKind.UNKNOWN
    assert view.fields[4].value == status
    assert f"Status         {status} (unknown status)\n" in format_image_text(view)


def test_known_statuses_are_not_marked() -> None:
    assert "Status         STATUS_UNSPECIFIED\n" in text_of(status="STATUS_UNSPECIFIED")


def test_int64_extremes() -> None:
    view = present_image(image(storageSize=str(INT64_MAX), minDiskSize="0"), NOW, moscow)
    assert view.fields[6] == FieldView(
        "storageSize", "Storage size", "8 EiB", detail="9,223,372,036,854,775,807 bytes"
    )
    assert view.fields[7] == FieldView("minDiskSize", "Min disk size", "0 B", detail="0 bytes")
    assert not view.fields[7].default  # "0" was sent
    text = format_image_text(view)
    assert "Storage size   8 EiB (9,223,372,036,854,775,807 bytes)\n" in text


@pytest.mark.parametrize(
    ("created", "local", "age"),
    [
        ("0001-01-01T00:00:00Z", "0001-01-01 03:00:00 +03:00 (MSK)", "2025 years ago"),
        (
            "9999-12-31T23:59:59.999999999Z",
            "10000-01-01 02:59:59.999999999 +03:00 (MSK)",
            "in 7973 years",
        ),
    ],
)
def test_created_at_the_range_ends(created: str, local: str, age: str) -> None:
    view = present_image(image(createdAt=created), NOW, moscow)
    assert view.fields[5].value == local
    assert view.fields[5].detail is not None and view.fields[5].detail.endswith(f" · {age}")
    assert view.fields[5].tooltip == created


def test_created_with_the_system_zone() -> None:
    view = present_image(image(createdAt="9999-12-31T23:59:59Z"), NOW)
    assert view.created is not None and view.created.exact == "9999-12-31T23:59:59Z"


def test_non_latin_and_wide_labels_sort_and_align() -> None:
    labels = {"部署": "东京", "владелец": "иван", "env": "prod", "café": "e\u0301"}
    view = present_image(image(labels=labels), NOW, moscow)
    assert [key for key, _ in view.labels] == ["café", "env", "владелец", "部署"]
    lines = format_image_text(view).split("Labels (4)\n")[1].splitlines()[:4]
    assert lines == [
        "  café      e\u0301",
        "  env       prod",
        "  владелец  иван",
        "  部署      东京",
    ]
    assert {display_width(line.split("  ")[1]) for line in lines if line} <= {4, 3, 8}


def test_empty_label_key_and_value_are_visible() -> None:
    text = text_of(labels={"": "", "flag": ""})
    assert '  ""    ""\n' in text
    assert '  flag  ""\n' in text


def test_a_very_long_label_key_does_not_widen_the_column() -> None:
    long_key = "k" * 63
    text = text_of(labels={long_key: "x", "a": "b"})
    assert f"  {long_key}  x\n" in text
    assert "  a" + " " * 41 + "b\n" in text


def test_hundreds_of_labels() -> None:
    labels = {f"label-{index:03d}": f"value-{index}" for index in range(300)}
    view = present_image(image(labels=labels), NOW, moscow)
    assert len(view.labels) == 300
    assert "Labels (300)\n" in format_image_text(view)


def test_multi_line_description_is_indented() -> None:
    text = text_of(description="first line\nsecond\r\nthird\rfourth")
    assert (
        "Description    first line\n"
        "               second\n"
        "               third\n"
        "               fourth\n"
    ) in text


def test_control_characters_cannot_reach_the_terminal() -> None:
    text = text_of(
        name="evil\x1b[2J\x07",
        description="line\x1b]0;title\x07\nnext\x85\u2028",
        labels={"k\x00": "v\x9b31m", "\u202eabc": "x\ty"},
        folderId="f\nolder",
    )
    assert not any(char in text for char in "\x1b\x07\x00\x9b\x85\u2028\u202e\t")
    assert "Name           evil\\x1b[2J\\x07\n" in text
    assert "Folder ID      f\\x0aolder\n" in text
    assert "               next\\x85\\u2028\n" in text
    assert "  k\\x00" in text and "v\\x9b31m" in text
    assert "\\u202eabc" in text and "x\\x09y" in text


def test_unknown_fields_are_shown_as_json() -> None:
    view = present_image(
        image(id="x", kind="standard", osInfo={"family": "linux", "имя": "убунту"}, size=5),
        NOW,
        moscow,
    )
    assert view.unknown_fields == [
        ("kind", '"standard"'),
        ("osInfo", '{"family": "linux", "имя": "убунту"}'),
        ("size", "5"),
    ]
    text = format_image_text(view)
    assert (
        "Labels: none (default)\n"
        "\n"
        "Other fields (not in this build's schema)\n"
        '  kind    "standard"\n'
        '  osInfo  {"family": "linux", "имя": "убунту"}\n'
        "  size    5\n"
    ) in text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain", "plain"),
        ("", ""),
        ("tab\there", "tab\\x09here"),
        ("\x00\x1f\x7f\x80\x9f", "\\x00\\x1f\\x7f\\x80\\x9f"),
        ("bidi\u202e\u2066", "bidi\\u202e\\u2066"),
        ("кириллица 漢字 é", "кириллица 漢字 é"),
        ("\\x41 stays", "\\x41 stays"),
    ],
)
def test_printable(text: str, shown: str) -> None:
    assert printable(text) == shown


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("abc", 3),
        ("漢字", 4),
        ("\uff21\uff22", 4),  # fullwidth Latin takes two columns, as CJK does
        ("e\u0301", 1),
        ("\u0e01\u0e31", 1),  # a Thai vowel sign: a mark that draws over its letter
        ("1\u20e3", 1),  # an enclosing keycap mark
        ("иван", 4),
        ("a\u200bb", 2),
        ("", 0),
    ],
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_printable_lines_keeps_the_line_breaks_and_escapes_the_rest() -> None:
    """A body shown by ``get --raw``: its lines stay lines; a CR or an escape inside one does not
    reach the terminal."""
    assert printable_lines('{\r\n  "name": "a\x1b[2Jb\u202e"\n}') == (
        '{\\x0d\n  "name": "a\\x1b[2Jb\\u202e"\n}'
    )
    assert printable_lines("one\n\ntwo\n") == "one\n\ntwo\n"


def test_pad() -> None:
    assert pad("漢", 4) == "漢  "
    assert pad("toolong", 3) == "toolong"


def test_present_layer_does_not_import_qt() -> None:
    # With PySide6 blocked, any import of it anywhere below present/ raises ImportError.
    code = "import sys; sys.modules['PySide6'] = None; import inspector.present.errors"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
