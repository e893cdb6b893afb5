"""Clipboard texts and presenting mode: commands that rerun the call, IDs masked as the docs do."""

from __future__ import annotations

import json
import shlex

import pytest

from inspector.api.errors import UsageError
from inspector.api.models import parse_image
from inspector.present.exports import (
    TOKEN_COMMAND,
    curl_command,
    image_json,
    request_ids_text,
    yc_command,
)
from inspector.present.image import FieldView, present_image
from inspector.present.presenting import HIDDEN_FOLDER, MASK, Masker, mask_id

URL = "https://cloud-desktop.api.cloud.yandex.net/cloud-desktop/v1/images/e3vc67qdve8q12345678"
BODY = (
    b'{"id":"e3vc67qdve8q12345678","folderId":"b1gfolder00000000001","name":"office",'
    b'"status":"ACTIVE","labels":{"source":"fd8abcdefgh123456789","team":"finance"},'
    b'"storageSize":"9007199254740993","description":"from fd8abcdefgh123456789"}'
)


def test_curl_asks_yc_for_a_token_when_it_runs() -> None:
    command = curl_command(URL)
    assert command == f'curl -sS -i -H "Authorization: Bearer {TOKEN_COMMAND}" {URL}'
    words = shlex.split(command)
    assert words[-1] == URL
    assert "Authorization: Bearer $(yc iam create-token)" in words


def test_curl_quotes_a_url_the_shell_would_expand() -> None:
    words = shlex.split(curl_command("http://127.0.0.1:8080/x/$(rm -rf)"))
    assert words[-1] == "http://127.0.0.1:8080/x/$(rm -rf)"


def test_yc_command() -> None:
    assert yc_command("e3vc67qdve8q12345678") == (
        "yc desktops image get --id=e3vc67qdve8q12345678 --format json"
    )


def test_image_json_keeps_exact_values() -> None:
    text = image_json(BODY.decode())
    assert '"storageSize": "9007199254740993"' in text
    assert json.loads(text) == json.loads(BODY)
    assert text.endswith("}\n")


def test_request_ids_text() -> None:
    pairs = [("x-client-request-id", "c-1"), ("x-request-id", "r-1")]
    assert request_ids_text(pairs) == "x-client-request-id: c-1\nx-request-id: r-1\n"


@pytest.mark.parametrize(
    ("value", "masked"),
    [
        ("e3vc67qdve8q12345678", "e3vc67qd********"),
        ("e3vc67qdve8q1234567", "e3vc67qd********"),
        ("abcd", "ab********"),
        ("a", "********"),
    ],
)
def test_mask_id_like_the_docs(value: str, masked: str) -> None:
    assert mask_id(value) == masked


def test_an_inactive_masker_changes_nothing() -> None:
    masker = Masker(active=False, folder_ids=frozenset({"b1gfolder00000000001"}))
    assert masker.text("e3vc67qdve8q12345678 in b1gfolder00000000001") == (
        "e3vc67qdve8q12345678 in b1gfolder00000000001"
    )


def test_masker_text_masks_ids_and_hides_folders() -> None:
    masker = Masker(active=True).with_folder("b1gfolder00000000001")
    text = masker.text(
        "e3vc67qdve8q12345678 · b1gfolder00000000001 · b1gothercloud0000001 · "
        "internationalization · request 5b0e2a8c-2f4e-4c55-9d8d-1f2e3a4b5c6d"
    )
    assert text == (
        f"e3vc67qd{MASK} · {MASK} · {MASK} · "
        "internationalization · request 5b0e2a8c-2f4e-4c55-9d8d-1f2e3a4b5c6d"
    )


def test_masker_masks_the_whole_image_view() -> None:
    image, _ = parse_image(BODY)
    view = present_image(image, 0)
    masker = Masker(active=True).with_folder(image.folder_id)
    shown = {field.key: field for field in masker.image_view(view).fields}
    assert shown["id"].value == f"e3vc67qd{MASK}"
    assert shown["folderId"].value == HIDDEN_FOLDER
    assert shown["name"].value == "office"
    assert shown["description"].value == f"from fd8abcde{MASK}"
    assert shown["storageSize"].value == view.fields[6].value
    labels = dict(masker.image_view(view).labels)
    assert labels == {"source": f"fd8abcde{MASK}", "team": "finance"}


@pytest.mark.parametrize("url", ["-K/etc/passwd", "--next https://evil.example/", "file:///etc"])
def test_curl_takes_an_endpoint_url_only(url: str) -> None:
    with pytest.raises(ValueError, match="not an endpoint's URL"):
        curl_command(url)


@pytest.mark.parametrize("image_id", ["--endpoint=evil.example:443", "a b", "$(id)", ""])
def test_yc_refuses_an_id_that_is_not_one(image_id: str) -> None:
    with pytest.raises(UsageError):
        yc_command(image_id)


def test_yc_binds_an_id_starting_with_a_dash_to_its_flag() -> None:
    assert shlex.split(yc_command("-rf"))[4] == "--id=-rf"


def test_request_ids_from_a_file_cannot_add_lines() -> None:
    text = request_ids_text([("x-request-id", "r-1\nx-request-id: forged\r")])
    assert text == "x-request-id: r-1\\x0ax-request-id: forged\\x0d\n"


def test_presenting_keeps_the_times_detail_and_exact_tooltip() -> None:
    """Masking hides IDs; the created time's UTC line, age and exact value stay visible."""
    image, _ = parse_image(
        b'{"id":"e3vc67qdve8q12345678","folderId":"b1gfolder00000000001",'
        b'"createdAt":"2026-11-20T09:15:42.5Z"}'
    )
    view = present_image(image, 0)
    created = Masker(active=True).with_folder(image.folder_id).image_view(view).fields[5]
    assert created.key == "createdAt"
    assert created.detail == view.fields[5].detail
    assert created.tooltip == "2026-11-20T09:15:42.5Z"
    assert created.detail is not None
    assert created.detail.startswith("2026-11-20 09:15:42.5 UTC · ")


def test_presenting_masks_ids_in_fields_this_build_does_not_know() -> None:
    image, _ = parse_image(b'{"id":"e3vc67qdve8q12345678","sourceDisk":"fd8abcdefgh123456789"}')
    view = Masker(active=True).image_view(present_image(image, 0))
    assert view.unknown_fields == [("sourceDisk", f'"fd8abcde{MASK}"')]


def test_a_folder_id_is_hidden_even_when_it_is_not_shaped_like_an_id() -> None:
    """The folder the image names is hidden wherever it appears, whatever its shape."""
    masker = Masker(active=True).with_folder("Team-Folder")
    assert masker.text("images of Team-Folder") == f"images of {MASK}"
    assert masker.with_folder("other").text("Team-Folder, other") == f"{MASK}, {MASK}"


def test_a_folder_id_inside_a_longer_one_does_not_leave_the_rest_showing() -> None:
    masker = Masker(active=True).with_folder("b1gz1").with_folder("b1ga0b1gz1")
    assert masker.text("folder b1ga0b1gz1") == f"folder {MASK}"
    assert masker.text("folder b1gz1") == f"folder {MASK}"


def test_every_text_of_a_field_is_masked_and_a_hidden_folder_has_no_tooltip() -> None:
    """Views pass whole fields through the masker: the value, the line under it and the
    tooltip are masked alike; the folder's own field shows no trace of the ID."""
    masker = Masker(active=True)
    field = FieldView(
        "description",
        "Description",
        "from fd8abcdefgh123456789",
        detail="disk fd8abcdefgh123456789",
        tooltip="snapshot fd8abcdefgh123456789",
    )
    shown = masker.field(field)
    assert (shown.value, shown.detail, shown.tooltip) == (
        f"from fd8abcde{MASK}",
        f"disk fd8abcde{MASK}",
        f"snapshot fd8abcde{MASK}",
    )
    assert masker.field(FieldView("name", "Name", "office")) == FieldView("name", "Name", "office")
    folder = FieldView("folderId", "Folder ID", "b1gfolder00000000001", tooltip="b1gfolder0000")
    assert masker.field(folder) == FieldView("folderId", "Folder ID", HIDDEN_FOLDER)
