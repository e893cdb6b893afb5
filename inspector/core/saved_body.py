"""A plain image body saved from a terminal, told apart from anything else: the REST API's
camelCase JSON, or ``yc desktops image get ID --format json`` in snake_case, brought to the
REST mapping so one parser reads both (support bundles are :mod:`inspector.core.bundle`'s).
"""

from __future__ import annotations

import re
from typing import Any, Final

from inspector.i18n import _

CAMEL_FIELDS: Final = frozenset(
    {"id", "folderId", "createdAt", "status", "name", "description", "labels"}
    | {"storageSize", "minDiskSize"}
)
SNAKE_FIELDS: Final = frozenset({"folder_id", "created_at", "storage_size", "min_disk_size"})
_SNAKE_WORD = re.compile(r"_([a-z0-9])")


class NotAnImage(ValueError):
    """The JSON is something else (a listing, an API error, another tool's file); says which."""


def _camel(key: str) -> str:
    return _SNAKE_WORD.sub(lambda match: match.group(1).upper(), key)


def rest_mapping(document: dict[str, Any]) -> tuple[bool, dict[str, Any]]:
    """The document as the REST API's camelCase mapping, and whether it came from ``yc``
    (snake_case); :class:`NotAnImage` says what it is instead."""
    keys = set(document)
    if "desktopImages" in keys or "desktop_images" in keys:
        raise NotAnImage(
            _(
                "it is a list of images (DesktopImageService.List); save one image's JSON "
                "(`yc desktops image get ID --format json`) and open that"
            )
        )
    if "code" in keys and "message" in keys and not keys & {"id", "status"}:
        message = _("it is an API error (code {code}: {message}), not an image")
        raise NotAnImage(
            message.format(code=repr(document["code"]), message=str(document["message"])[:200])
        )
    snake = keys & SNAKE_FIELDS
    camel = keys & (CAMEL_FIELDS - {"id", "status", "name", "description", "labels"})
    if snake and camel:
        raise NotAnImage(
            _("it mixes camelCase and snake_case field names; open a file from one tool")
        )
    if not keys & (CAMEL_FIELDS | SNAKE_FIELDS):
        found = ", ".join(sorted(keys)[:5]) or _("none")
        raise NotAnImage(
            _(
                "it is JSON, but neither a support bundle nor a DesktopImage "
                "(no field of an image; its keys: {keys})"
            ).format(keys=found)
        )
    if not snake:
        return False, document
    converted: dict[str, Any] = {}
    for key, value in document.items():
        name = _camel(key)
        if name in converted:
            raise NotAnImage(
                _("it has both {key} and {name}").format(key=repr(key), name=repr(name))
            )
        converted[name] = value
    return True, converted
