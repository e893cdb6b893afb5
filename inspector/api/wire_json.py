"""Strict, bounded decoding of a JSON body into a Python object.

``json.loads`` alone lets hostile or broken bodies through in surprising shapes: duplicate keys
silently keep the last value, ``NaN`` is accepted, deep nesting raises ``RecursionError`` and a
huge integer literal raises a bare ``ValueError``. Each of those becomes a :class:`BodyError`
with a reason code and its values, so each caller can say it about what it read (an answer, a
file, a bundle) in the operator's language.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Any, Final

from inspector.i18n import N_, _

_BOM = b"\xef\xbb\xbf"


class BodyReason(Enum):
    """Why a body is not one JSON object: the code callers word, each in their own terms."""

    NOT_UTF8 = "not-utf8"  # values: offset
    DUPLICATE_KEY = "duplicate-key"  # values: key
    CONSTANT = "constant"  # values: name
    EMPTY = "empty"
    HTML = "html"
    NOT_JSON = "not-json"
    TOO_DEEP = "too-deep"
    BROKEN = "broken"  # values: detail (json's own English), offset
    NUMBER_TOO_LONG = "number-too-long"
    NOT_OBJECT = "not-object"  # values: kind (a key of JSON_KINDS)


# What a JSON value is, for "expected a JSON object, got ...".
JSON_KINDS: Final = {
    "array": N_("an array"),
    "string": N_("a string"),
    "boolean": N_("a boolean"),
    "null": N_("null"),
    "number": N_("a number"),
}
# The reasons said about an API answer; a file's words are in local_files.FILE_REASONS.
BODY_REASONS: Final = {
    BodyReason.NOT_UTF8: N_("the body is not valid UTF-8 (bad byte at offset {offset})"),
    BodyReason.DUPLICATE_KEY: N_("the JSON has the key {key!r} twice in one object"),
    BodyReason.CONSTANT: N_("the JSON has {name}, which is not a number JSON allows"),
    BodyReason.EMPTY: N_("the body is empty"),
    BodyReason.HTML: N_(
        "the body is HTML, not JSON (a proxy, captive portal or load balancer answered?)"
    ),
    BodyReason.NOT_JSON: N_("the body is not JSON"),
    BodyReason.TOO_DEEP: N_("the JSON is nested too deeply to be an API answer"),
    BodyReason.BROKEN: N_("the JSON is broken or truncated ({detail} at offset {offset})"),
    BodyReason.NUMBER_TOO_LONG: N_("the JSON has a number too long to read"),
    BodyReason.NOT_OBJECT: N_("expected a JSON object, got {kind}"),
}


class BodyError(ValueError):
    """The body is not one JSON document of the expected kind: ``reason`` and its ``values``.

    ``str()`` says it about an API answer, in the current language.
    """

    def __init__(self, reason: BodyReason, **values: object) -> None:
        self.reason = reason
        self.values = values
        super().__init__(self.worded(BODY_REASONS))

    def worded(self, templates: dict[BodyReason, str]) -> str:
        """The reason in the words of ``templates`` (English sources, translated here)."""
        values = dict(self.values)
        if "kind" in values:
            values["kind"] = _(JSON_KINDS[str(values["kind"])])
        return _(templates[self.reason]).format(**values)


def decode_text(body: bytes) -> str:
    """The body as text: UTF-8 as JSON requires, a leading byte-order mark tolerated."""
    if body.startswith(_BOM):
        body = body[len(_BOM) :]
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BodyError(BodyReason.NOT_UTF8, offset=error.start) from None


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
            raise BodyError(BodyReason.DUPLICATE_KEY, key=key)
        result[key] = value
    return result


def _reject_constant(name: str) -> Any:
    raise BodyError(BodyReason.CONSTANT, name=name)


def _non_json(text: str) -> BodyReason:
    """Why a text that failed to parse is not JSON (HTML pages get named as such)."""
    head = text.lstrip()[:200].lower()
    if not head:
        return BodyReason.EMPTY
    if head.startswith(("<!doctype html", "<html", "<")):  # untranslated: markup, not words
        return BodyReason.HTML
    return BodyReason.NOT_JSON


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
        raise BodyError(BodyReason.TOO_DEEP) from None
    except json.JSONDecodeError as error:
        reason = _non_json(text)
        if reason is BodyReason.NOT_JSON and text.lstrip().startswith(("{", "[")):
            raise BodyError(BodyReason.BROKEN, detail=error.msg, offset=error.pos) from None
        raise BodyError(reason) from None
    except ValueError:
        raise BodyError(BodyReason.NUMBER_TOO_LONG) from None
    if not isinstance(value, dict):
        kind = {list: "array", str: "string", bool: "boolean", type(None): "null"}.get(
            type(value), "number"
        )
        raise BodyError(BodyReason.NOT_OBJECT, kind=kind)
    return value, text
