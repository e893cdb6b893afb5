"""The demo API's ``DesktopImageService.List``: filter, order and opaque page tokens.

It answers the way the API is documented to: ``folderId`` is required, ``pageSize`` is 0..1000
(0 means 100), ``filter`` understands ``name`` with ``=``, ``!=``, ``IN`` and ``NOT IN``,
``orderBy`` takes ``name``, ``createdAt`` or ``status`` with ``asc``/``desc``, and an empty list
or token is left out of the JSON (proto3). Page tokens are opaque and refused (400
INVALID_ARGUMENT) when they are garbage, belong to another query, or have expired, which the
owner can force with a new token generation.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Iterable
from typing import Any, Final
from urllib.parse import parse_qs

from inspector.api.timestamp import TimestampError, parse_timestamp
from inspector.demo.sample import DemoError

DEFAULT_PAGE_SIZE: Final = 100
MAX_PAGE_SIZE: Final = 1000
ORDER_FIELDS: Final = ("name", "createdAt", "status")
_STRING = r'"(?:[^"\\]|\\.)*"'
_FILTER = re.compile(
    rf"\s*name\s*(?:(?P<op>!=|=)\s*(?P<value>{_STRING})"
    rf"|(?P<not>NOT\s+)?IN\s*\(\s*(?P<values>{_STRING}(?:\s*,\s*{_STRING})*)\s*\))\s*",
    re.IGNORECASE,
)
_ESCAPE = re.compile(r"\\(.)")
_ID = re.compile(r"[A-Za-z0-9_-]{1,50}")


def _invalid(message: str) -> DemoError:
    return DemoError(400, 3, message)


def _unquote(literal: str) -> str:
    return _ESCAPE.sub(lambda match: match[1], literal[1:-1])


def _name_test(text: str) -> tuple[bool, set[str]] | DemoError:
    """(keep matches?, names) for a filter, or the error the API would give."""
    match = _FILTER.fullmatch(text)
    if match is None:
        return _invalid(f"Invalid filter {text!r}: only name with =, !=, IN or NOT IN")
    if match["op"]:
        return match["op"] == "=", {_unquote(match["value"])}
    names = {_unquote(item) for item in re.findall(_STRING, match["values"])}
    return not match["not"], names


def _order(text: str) -> tuple[str, bool] | DemoError:
    """(field, descending) of an ``orderBy`` such as ``createdAt desc``."""
    parts = text.split()
    if len(parts) > 2 or parts[0] not in ORDER_FIELDS or parts[1:] not in ([], ["asc"], ["desc"]):
        return _invalid(f"orderBy: {text!r} is not one of {', '.join(ORDER_FIELDS)} [asc|desc]")
    return parts[0], parts[1:] == ["desc"]


def _sort_key(field: str, body: dict[str, Any]) -> tuple[int, Any]:
    value = body.get(field)
    if field == "createdAt" and isinstance(value, str):
        try:
            return (1, parse_timestamp(value).epoch_nanos)
        except TimestampError:
            return (0, value)
    return (0, "") if not isinstance(value, str) else (1, value)


def _fingerprint(folder_id: str, filter_text: str, order_by: str) -> str:
    digest = hashlib.sha256(f"{folder_id}\0{filter_text}\0{order_by}".encode())
    return digest.hexdigest()[:16]


def _token(offset: int, fingerprint: str, generation: int) -> str:
    data = json.dumps({"o": offset, "q": fingerprint, "g": generation}, separators=(",", ":"))
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def _offset(token: str, fingerprint: str, generation: int) -> int | DemoError:
    try:
        padded = token + "=" * (-len(token) % 4)
        data = json.loads(base64.urlsafe_b64decode(padded.encode("ascii")))
        offset, query, made_in = data["o"], data["q"], data["g"]
    except (ValueError, KeyError, TypeError, binascii.Error, UnicodeEncodeError):
        return _invalid("Invalid page token")
    if query != fingerprint or not isinstance(offset, int) or offset < 0:
        return _invalid("Invalid page token: it belongs to another query")
    if made_in != generation:
        return _invalid("Invalid page token: it has expired, list again from the start")
    return offset


def _one(params: dict[str, list[str]], name: str) -> str:
    values = params.get(name)
    return values[-1] if values else ""


def list_images(
    bodies: Iterable[dict[str, Any]], query: str, generation: int
) -> dict[str, Any] | DemoError:
    """The ``ListDesktopImagesResponse`` for a query string, or the error the API would send."""
    params = parse_qs(query, keep_blank_values=True)
    folder_id = _one(params, "folderId")
    if not folder_id:
        return _invalid("folderId: the field is required")
    if not _ID.fullmatch(folder_id):
        return _invalid("folderId: invalid resource id")
    size_text = _one(params, "pageSize") or "0"
    if not size_text.isdigit() or int(size_text) > MAX_PAGE_SIZE:
        return _invalid(f"pageSize: must be 0 to {MAX_PAGE_SIZE}")
    page_size = int(size_text) or DEFAULT_PAGE_SIZE
    images = [body for body in bodies if body.get("folderId") == folder_id]
    filter_text = _one(params, "filter")
    if filter_text.strip():
        test = _name_test(filter_text)
        if isinstance(test, DemoError):
            return test
        keep, names = test
        images = [body for body in images if (body.get("name") in names) == keep]
    images.sort(key=lambda body: str(body.get("id", "")))
    order_by = _one(params, "orderBy")
    if order_by.strip():
        order = _order(order_by)
        if isinstance(order, DemoError):
            return order
        field, descending = order
        images.sort(key=lambda body: _sort_key(field, body), reverse=descending)
    fingerprint = _fingerprint(folder_id, filter_text, order_by)
    token = _one(params, "pageToken")
    offset = _offset(token, fingerprint, generation) if token else 0
    if isinstance(offset, DemoError):
        return offset
    page = images[offset : offset + page_size]
    answer: dict[str, Any] = {}
    if page:
        answer["desktopImages"] = page
    if offset + page_size < len(images):
        answer["nextPageToken"] = _token(offset + page_size, fingerprint, generation)
    return answer
