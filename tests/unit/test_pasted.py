"""Finding the image and folder IDs in what operators paste."""

from __future__ import annotations

import pytest

from inspector.api.pasted import FoundIds, find_ids

IMAGE = "e3vc67qdve8q12345678"
OTHER = "e3vdemosparse0000001"
FOLDER = "b1gdemofolder0000001"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            f"https://console.yandex.cloud/folders/{FOLDER}/vdi/desktop-images/{IMAGE}",
            FoundIds((IMAGE,), (FOLDER,)),
        ),
        (  # yc ... --format json, with a folder ID that lacks the usual prefix
            f'{{\n  "id": "{IMAGE}",\n  "folder_id": "xyzfolder00000000001",\n'
            '  "status": "ACTIVE"\n}',
            FoundIds((IMAGE,), ("xyzfolder00000000001",)),
        ),
        (  # yc ... --format yaml
            f"id: {IMAGE}\nfolder_id: aaafolder00000000001\nname: ubuntu\n",
            FoundIds((IMAGE,), ("aaafolder00000000001",)),
        ),
        (
            f'"folderId": "ccc45678901234567890", "id": "{IMAGE}"',
            FoundIds((IMAGE,), ("ccc45678901234567890",)),
        ),
        (
            f"2026-11-20T09:15:42Z ERROR get failed image_id={IMAGE} "
            "request_id=5f1c0a9e-1b2c-4d5e-8f90-123456789abc",
            FoundIds((IMAGE,)),
        ),
        (
            f"Hi! The image {IMAGE} is stuck; also {OTHER}, and again {IMAGE}.",
            FoundIds((IMAGE, OTHER)),
        ),
        (f"please look at folder {FOLDER}", FoundIds((), (FOLDER,))),
        ("nothing here, just internationalization and a token t1.9euelZqAIDS-x.Zm9v", FoundIds()),
        (f"{IMAGE.upper()} and x{IMAGE} and {IMAGE}1 and {IMAGE}-x", FoundIds()),  # no whole ID
        ("", FoundIds()),
    ],
)
def test_ids_are_found_wherever_they_are_pasted_from(text: str, found: FoundIds) -> None:
    assert find_ids(text) == found
