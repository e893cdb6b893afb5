"""What the copy actions put on the clipboard: commands to rerun the call, the image, the ids.

None of these texts can hold a token: the curl command asks ``yc`` for a fresh one when it is
run (``$(yc iam create-token)``), and nothing here is ever given the token to begin with.

A pasted command runs with the user's credentials, so it is built only from what the user
chose: the configured endpoint and a validated image ID, never a URL, host or ID read from an
answer or a file. No argument can become an option: the URL starts with its scheme and the ID
is bound to its flag (``--id=...``); everything is quoted for the shell.
"""

from __future__ import annotations

import shlex
from typing import Final

from inspector.api.inputs import validate_resource_id
from inspector.present.raw import pretty_json
from inspector.present.text import printable

TOKEN_COMMAND: Final = "$(yc iam create-token)"  # untranslated: a command to paste


def curl_command(url: str) -> str:
    """A curl command that repeats the call with a fresh token and prints the answer's headers.

    The header is in double quotes so the shell runs ``yc``; the URL is quoted for the shell
    wherever it needs to be, so nothing in it is expanded.
    """
    if not url.startswith(("https://", "http://")):
        raise ValueError("not an endpoint's URL")  # untranslated: a programming error
    return (
        f'curl -sS -i -H "Authorization: Bearer {TOKEN_COMMAND}" {shlex.quote(url)}'  # untranslated
    )


def yc_command(image_id: str) -> str:
    """The same image through the ``yc`` CLI operators already use (``image_id`` validated)."""
    image_id = validate_resource_id(image_id)
    return f"yc desktops image get --id={shlex.quote(image_id)} --format json"  # untranslated


def image_json(body_text: str) -> str:
    """The whole image as JSON: the body as the server sent it, indented, every value exact."""
    return pretty_json(body_text) + "\n"


def request_ids_text(pairs: list[tuple[str, str]]) -> str:
    """``x-request-id: ...`` lines, in the order support reads them; a value from a file or a
    server cannot add a line of its own (control characters are escaped)."""
    return "".join(f"{printable(name)}: {printable(value)}\n" for name, value in pairs)
