"""Strict, bounded decoding of a JSON body into a Python object.

``json.loads`` alone lets hostile or broken bodies through in surprising shapes: duplicate keys
silently keep the last value, ``NaN`` is accepted, deep nesting raises ``RecursionError`` and a
huge integer literal raises a bare ``ValueError``. Each of those becomes a :class:`BodyError`
with a sentence an operator can act on.
"""

from __future__ import annotations

import json
from typing import Any

_BOM = b"\xef\xbb\xbf"


class BodyError(ValueError):
    """The body is not one JSON document of the expected kind."""


def decode_text(body: bytes) -> str:
    """The body as text: UTF-8 as JSON requires, a leading byte-order mark tolerated."""
    if body.startswith(_BOM):
        body = body[len(_BOM) :]
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError(f"the body is not valid UTF-8 (bad byte at offset {error.start})") from None


class JsonNumber(float):
    """A JSON number with a fraction or exponent, keeping its exact text.

    It behaves as the float ``json`` would give, and an int64 field reads ``text`` instead, so
    ``9007199254740993.0`` or ``1e18`` stays exact rather than being rounded by a float.
    """

    text: str

    def __new__(cls, text: str) -> JsonNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise BodyError(f"the JSON has the key {key!r} twice in one object")
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise BodyError(f"the JSON has {name}, which is not a number JSON allows")


def describe_non_json(text: str) -> str:
    """Why a text that failed to parse is not JSON, in words (HTML pages get named as such)."""
    head = text.lstrip()[:200].lower()
    if not head:
        return "the body is empty"
    if head.startswith(("<!doctype html", "<html", "<")):
        return "the body is HTML, not JSON (a proxy, captive portal or load balancer answered?)"
    return "the body is not JSON"


def loads_object(body: bytes) -> tuple[dict[str, Any], str]:
    """Decode ``body`` into a JSON object and the exact text it came from."""
    text = decode_text(body)
    try:
        value = json.loads(
            text,
            object_pairs_hook=_reject_duplicates,
            parse_constant=_reject_constant,
            parse_float=JsonNumber,
        )
    except BodyError:
        raise
    except RecursionError:
        raise BodyError("the JSON is nested too deeply to be an API answer") from None
    except json.JSONDecodeError as error:
        reason = describe_non_json(text)
        if reason == "the body is not JSON" and text.lstrip().startswith(("{", "[")):
            reason = f"the JSON is broken or truncated ({error.msg} at offset {error.pos})"
        raise BodyError(reason) from None
    except ValueError:
        raise BodyError("the JSON has a number too long to read") from None
    if not isinstance(value, dict):
        kind = {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
            type(value), "a number"
        )
        raise BodyError(f"expected a JSON object, got {kind}")
    return value, text
