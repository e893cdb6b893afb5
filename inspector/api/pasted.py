"""The image and folder IDs in whatever an operator pastes.

Operators copy from the console (``.../folders/b1g.../vdi/images/e3v...``), from
``yc ... --format json|yaml``, from log lines (``image_id=e3v...``) and from tickets. Yandex
Cloud IDs are 20 lowercase Latin letters and digits, starting with a letter; a word of 20
letters with no digit at all ("internationalization") is not taken for one. An ID is a
folder's when the text just before it says so (``folder_id:``, ``"folderId": "``,
``/folders/``, ``folder``) or when it has the folder prefix ``b1g``; any other is taken for an
image's.
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

# Only the start of a huge paste is read: an ID is never that far into a ticket.
MAX_SCANNED: Final = 1024 * 1024
FOLDER_PREFIX: Final = "b1g"
_ID: Final = re.compile(r"(?<![A-Za-z0-9_-])[a-z][a-z0-9]{19}(?![A-Za-z0-9_-])")
_FOLDER_BEFORE: Final = re.compile(r"folders?(?:[_-]?id)?[\"']?\s*[:=/]?\s*[\"']?\s*$", re.I)
# How far back the words that make an ID a folder's may be.
_CONTEXT: Final = 16


class FoundIds(NamedTuple):
    """The distinct image and folder IDs in a text, in the order they appear."""

    images: tuple[str, ...] = ()
    folders: tuple[str, ...] = ()


def find_ids(text: str) -> FoundIds:
    images: dict[str, None] = {}
    folders: dict[str, None] = {}
    text = text[:MAX_SCANNED]
    for match in _ID.finditer(text):
        value = match.group()
        if not any(char.isdigit() for char in value):
            continue
        before = text[max(0, match.start() - _CONTEXT) : match.start()]
        if value.startswith(FOLDER_PREFIX) or _FOLDER_BEFORE.search(before):
            folders[value] = None
        else:
            images[value] = None
    return FoundIds(tuple(images), tuple(folders))
