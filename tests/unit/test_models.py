"""The DesktopImage model is faithful to the wire: exact int64s, missing and unknown fields."""

from __future__ import annotations

import json

import pytest

from inspector.api.models import WIRE_FIELDS, ImageParseError, parse_image


def body(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def test_full_image() -> None:
    image, text = parse_image(
        body(
            id="e3vc67qdve8q12345678",
            folderId="b1gfolder",
            createdAt="2026-11-20T09:15:42.123456789Z",
            status="ACTIVE",
            name="ubuntu",
            labels={"env": "prod"},
            storageSize="21474836480",
            minDiskSize="64424509440",
        )
    )
    assert image.storage_size == 21_474_836_480
    assert image.min_disk_size == 64_424_509_440
    assert image.labels == {"env": "prod"}
    assert image.created_at is not None and image.created_at.nanos == 123_456_789
    assert json.loads(text)["id"] == "e3vc67qdve8q12345678"


def test_int64_beyond_float_precision_is_exact() -> None:
    image, _ = parse_image(body(storageSize="9007199254740993", minDiskSize=9223372036854775807))
    assert image.storage_size == 2**53 + 1
    assert image.min_disk_size == 2**63 - 1


def test_omitted_fields_hold_their_defaults_and_unknown_fields_are_kept() -> None:
    image, _ = parse_image(body(id="x", kind="standard", osInfo={"family": "linux"}))
    assert (image.name, image.status, image.labels, image.storage_size) == (
        "",
        "STATUS_UNSPECIFIED",
        {},
        0,
    )
    assert image.created_at is None
    assert image.omitted == set(WIRE_FIELDS) - {"id"}
    assert image.unknown_fields == {"kind": "standard", "osInfo": {"family": "linux"}}


def test_unknown_status_is_kept() -> None:
    image, _ = parse_image(body(status="ARCHIVED"))
    assert image.status == "ARCHIVED"


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"storageSize": "1.5"}, "storageSize: expected an int64"),
        ({"storageSize": "1e-3"}, "storageSize: expected an int64"),
        ({"storageSize": " 5"}, "storageSize: expected an int64"),
        ({"storageSize": "9.3e18"}, "storageSize: the number does not fit"),
        ({"status": 2**31}, "status: the enum number does not fit"),
        ({"status": 1.5}, "status: expected an enum"),
        ({"folderId": "a", "folder_id": "b"}, "body: the field folderId is sent twice"),
        ({"storageSize": 1.5}, "storageSize: expected an int64"),
        ({"storageSize": "9223372036854775808"}, "storageSize: the number does not fit"),
        ({"minDiskSize": True}, "minDiskSize: expected an int64"),
        ({"createdAt": "yesterday"}, "createdAt: not an RFC 3339 timestamp"),
        ({"labels": {"a": 1}}, "labels.a:"),
        ({"labels": ["a"]}, "labels:"),
        ({"name": 5}, "name:"),
    ],
)
def test_wrong_types_name_the_field(fields: dict[str, object], problem: str) -> None:
    with pytest.raises(ImageParseError) as caught:
        parse_image(json.dumps(fields).encode())
    assert any(line.startswith(problem) for line in caught.value.problems), caught.value.problems


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"", "empty"),
        (b"<html><body>Bad gateway</body></html>", "HTML"),
        (b'{"id": "x"', "broken or truncated"),
        (b"[1, 2]", "got an array"),
        (b'{"id": "a", "id": "b"}', "twice"),
        (b'{"storageSize": NaN}', "NaN"),
        (b"\xff\xfe{}", "not valid UTF-8"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"n": ' + b"9" * 5000 + b"}", "too long"),
    ],
)
def test_bodies_that_are_not_an_image(raw: bytes, reason: str) -> None:
    with pytest.raises(ImageParseError, match=reason):
        parse_image(raw)


def test_byte_order_mark_is_tolerated() -> None:
    image, _ = parse_image(b"\xef\xbb\xbf" + body(id="x"))
    assert image.id == "x"


@pytest.mark.parametrize(
    ("sent", "size"),
    [
        ('"1e3"', 1000),
        ("1e3", 1000),
        ('"9.223372036854775807e18"', 2**63 - 1),
        ("9223372036854775807.0", 2**63 - 1),
        ("9007199254740993.0", 2**53 + 1),
        ('"-9223372036854775808"', -(2**63)),
        ('"+5"', 5),
        ('"5."', 5),
        ("-0.0", 0),
    ],
)
def test_int64_in_every_form_protobuf_reads_is_exact(sent: str, size: int) -> None:
    image, _ = parse_image(f'{{"storageSize": {sent}}}'.encode())
    assert image.storage_size == size
    assert "storageSize" not in image.omitted


@pytest.mark.parametrize(
    ("sent", "status"),
    [
        ('"ACTIVE"', "ACTIVE"),
        ("2", "ACTIVE"),
        ('"3"', "DELETING"),
        ("0", "STATUS_UNSPECIFIED"),
        ("7", "7"),
        ('"-4"', "-4"),
        ("2.0", "ACTIVE"),
        ('"ARCHIVED"', "ARCHIVED"),
    ],
)
def test_enum_as_name_or_number(sent: str, status: str) -> None:
    image, _ = parse_image(f'{{"status": {sent}}}'.encode())
    assert image.status == status


def test_null_is_the_default_and_proto_names_are_accepted() -> None:
    image, _ = parse_image(
        b'{"status": null, "labels": null, "folder_id": "b1g", "storage_size": 7}'
    )
    assert (image.status, image.labels, image.folder_id, image.storage_size) == (
        "STATUS_UNSPECIFIED",
        {},
        "b1g",
        7,
    )
    assert {"status", "labels"} <= image.omitted
    assert not {"folderId", "storageSize"} & image.omitted


@pytest.mark.parametrize(
    ("language", "body", "problem"),
    [
        ("en", {"name": 5}, "name: expected a string"),
        ("en", {"labels": ["env"]}, "labels: expected a JSON object"),
        ("en", {"labels": {"env": 1}}, "labels.env: expected a string"),
        ("ru", {"name": 5}, "name: ожидалась строка"),
        ("ru", {"labels": ["env"]}, "labels: ожидался объект JSON"),
    ],
)
def test_a_field_of_the_wrong_type_is_named_in_the_operators_language(
    language: str, body: dict[str, object], problem: str, request: pytest.FixtureRequest
) -> None:
    """pydantic's own English ("Input should be a valid string") never reaches the window."""
    if language == "ru":
        request.getfixturevalue("russian")
    with pytest.raises(ImageParseError) as raised:
        parse_image(json.dumps(body).encode())
    assert raised.value.problems == [problem]
