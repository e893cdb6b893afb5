"""What the copy actions put on the clipboard: commands to rerun the call, the image, the ids.

None of these texts can hold a token: the curl command asks ``yc`` for a fresh one when it is
run (``$(yc iam create-token)``), and nothing here is ever given the token to begin with.
"""

from __future__ import annotations

import shlex
from typing import Final

from inspector.present.raw import pretty_json

TOKEN_COMMAND: Final = "$(yc iam create-token)"  # untranslated: a command to paste


def curl_command(url: str) -> str:
    """A curl command that repeats the call with a fresh token and prints the answer's headers.

    The header is in double quotes so the shell runs ``yc``; the URL is quoted for the shell
    wherever it needs to be, so nothing in it is expanded.
    """
    return (
        f'curl -sS -i -H "Authorization: Bearer {TOKEN_COMMAND}" {shlex.quote(url)}'  # untranslated
    )


def yc_command(image_id: str) -> str:
    """The same image through the ``yc`` CLI operators already use."""
    return f"yc desktops image get {shlex.quote(image_id)} --format json"  # untranslated


def image_json(body_text: str) -> str:
    """The whole image as JSON: the body as the server sent it, indented, every value exact."""
    return pretty_json(body_text) + "\n"


def request_ids_text(pairs: list[tuple[str, str]]) -> str:
    """``x-request-id: ...`` lines, in the order support reads them."""
    return "".join(f"{name}: {value}\n" for name, value in pairs)
