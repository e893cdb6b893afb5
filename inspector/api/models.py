"""Pydantic models of the wire: the DesktopImage resource as the REST API sends it.

The gateway writes protobuf's canonical JSON, which leaves out every field holding its default
(status 0, sizes 0, empty strings, an empty label map). So an absent field *is* its default:
the model fills it in, and :attr:`DesktopImage.omitted` says which fields the body left out, so
the views can mark them without calling them missing. Only ``createdAt`` (a message field) can
really be unset: ``None``. Each field accepts what protobuf's JSON parser accepts for its type
(enum names or numbers, int64 as a string or a number, exponent forms too, ``null`` as the
default), but exactly: an int64 never goes through a float. Unknown fields are kept in
``model_extra`` so the views can show them.
"""

from __future__ import annotations

import os
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any, Final

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PlainValidator,
    ValidationError,
    model_validator,
)

from inspector.api.status_enum import DEFAULT_STATUS, STATUS_NAMES, is_status_number
from inspector.api.timestamp import Timestamp, TimestampError, parse_timestamp
from inspector.api.wire_json import BodyError, JsonNumber, loads_object
from inspector.i18n import N_, _

# No pydantic plugins are used. Without this, the first model class made (below) scans the entry
# points of every installed distribution for them: about 5 ms of every start. Set outside, the
# variable wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1
INT32_MIN: Final = -(2**31)
INT32_MAX: Final = 2**31 - 1
# A JSON number's grammar (with a leading "+" that Python's int() also takes): what protobuf's
# parser reads from an int64 string, minus the whitespace, underscores and non-ASCII digits that
# only slip through its use of int().
_DECIMAL_TEXT = re.compile(r"[-+]?[0-9]+(?:\.[0-9]*)?(?:[eE][-+]?[0-9]{1,4})?")
_MAX_NUMBER_TEXT: Final = 40

# Wire name -> model attribute, in the schema's order.
WIRE_FIELDS: Final = {
    "id": "id",
    "folderId": "folder_id",
    "createdAt": "created_at",
    "status": "status",
    "name": "name",
    "description": "description",
    "labels": "labels",
    "storageSize": "storage_size",
    "minDiskSize": "min_disk_size",
}
# The proto field names protobuf's parser also accepts, -> the JSON names.
_PROTO_NAMES: Final = {
    "folder_id": "folderId",
    "created_at": "createdAt",
    "storage_size": "storageSize",
    "min_disk_size": "minDiskSize",
}


def integral_value(value: object) -> int:
    """An integer written as JSON allows (``"5"``, ``5``, ``"5e3"``, ``5.0``), exactly."""
    if isinstance(value, bool):
        raise ValueError(_("expected an integer, got a boolean"))
    if isinstance(value, int):
        return value
    if isinstance(value, JsonNumber):  # a JSON number with a fraction or exponent: its text
        value = value.text
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(_("expected an integer, got a number with a fraction"))
        return int(value)
    if not isinstance(value, str):
        raise ValueError(
            _("expected an integer as a string of digits, got {type}").format(
                type=type(value).__name__
            )
        )
    if len(value) > _MAX_NUMBER_TEXT or not _DECIMAL_TEXT.fullmatch(value):
        raise ValueError(_("expected an integer as a string of digits"))
    try:
        number = Decimal(value)
    except InvalidOperation:
        raise ValueError(_("expected an integer as a string of digits")) from None
    if number.adjusted() > 30:
        raise ValueError(_("the number is far too large"))
    if number != number.to_integral_value():
        raise ValueError(_("expected an integer, got a number with a fraction"))
    return int(number)


def _int64(value: object) -> int:
    """An int64: the canonical JSON string, a JSON number, or the exponent forms protobuf reads."""
    try:
        number = integral_value(value)
    except ValueError as error:
        raise ValueError(_("expected an int64: {reason}").format(reason=error)) from None
    if not INT64_MIN <= number <= INT64_MAX:
        raise ValueError(_("the number does not fit in an int64"))
    return number


def _status(value: object) -> str:
    """An enum value as its name; a number this build has no name for stays its digits.

    Protobuf reads an enum as its name, as a JSON number, or as a string of digits. A name this
    build does not know (a newer server's) is kept as sent, to be shown marked unknown.
    """
    if isinstance(value, str) and not is_status_number(value):
        return value
    try:
        number = integral_value(value)
    except ValueError as error:
        raise ValueError(
            _("expected an enum name or number: {reason}").format(reason=error)
        ) from None
    if not INT32_MIN <= number <= INT32_MAX:
        raise ValueError(_("the enum number does not fit in an int32"))
    return STATUS_NAMES.get(number, str(number))


def _timestamp(value: object) -> Timestamp:
    if not isinstance(value, str):
        raise ValueError(_("expected an RFC 3339 timestamp string"))
    try:
        return parse_timestamp(value)
    except TimestampError as error:
        raise ValueError(str(error)) from None


Int64 = Annotated[int, PlainValidator(_int64)]
WireStatus = Annotated[str, PlainValidator(_status)]
WireTimestamp = Annotated[Timestamp, PlainValidator(_timestamp)]


class DesktopImage(BaseModel):
    """``yandex.cloud.clouddesktop.v1.api.DesktopImage``, defaults filled in as proto3 means.

    ``created_at`` is ``None`` when unset; :attr:`omitted` names the fields the body left out.
    """

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True, strict=True)

    id: str = ""
    folder_id: str = Field(default="", alias="folderId")
    created_at: WireTimestamp | None = Field(default=None, alias="createdAt")
    status: WireStatus = DEFAULT_STATUS
    name: str = ""
    description: str = ""
    labels: dict[str, str] = Field(default_factory=dict)
    storage_size: Int64 = Field(default=0, alias="storageSize")
    min_disk_size: Int64 = Field(default=0, alias="minDiskSize")

    @model_validator(mode="before")
    @classmethod
    def _as_protobuf_reads(cls, data: Any) -> Any:
        """``null`` is the default and proto names are the JSON names, as in protobuf's parser."""
        if not isinstance(data, dict):
            return data
        result: dict[str, Any] = {}
        for key, value in data.items():
            name = _PROTO_NAMES.get(key) or key
            if name in WIRE_FIELDS and value is None:
                continue
            if name in result or (name != key and name in data):
                raise ValueError(
                    _("the field {name} is sent twice (as {key} too)").format(name=name, key=key)
                )
            result[name] = value
        return result

    @property
    def omitted(self) -> frozenset[str]:
        """Wire names of the fields the body left out (or sent as ``null``): their defaults."""
        return frozenset(
            wire
            for wire, attribute in WIRE_FIELDS.items()
            if attribute not in self.model_fields_set
        )

    @property
    def unknown_fields(self) -> dict[str, Any]:
        """Fields this build does not know, exactly as they came."""
        return dict(self.model_extra or {})


class ImageParseError(ValueError):
    """The body is not a DesktopImage; ``problems`` names each wrong field."""

    def __init__(self, summary: str, problems: list[str]) -> None:
        super().__init__(summary)
        self.problems = problems


# pydantic's own words for the checks of a strict model, by error type, in the catalogue; a type
# not named here keeps pydantic's English (the validators' own messages are translated already).
_PYDANTIC_TYPES: Final = {
    "string_type": N_("expected a string"),
    "dict_type": N_("expected a JSON object"),
    "list_type": N_("expected a JSON array"),
    "model_type": N_("expected a JSON object"),
}


def describe_validation_error(error: ValidationError) -> list[str]:
    """One line per wrong field, with the wire's field name: ``storageSize: expected ...``."""
    lines = []
    for item in error.errors(include_url=False, include_input=False):
        where = ".".join(str(part) for part in item["loc"]) or "body"
        words = _PYDANTIC_TYPES.get(item["type"])
        # Else pydantic's words; a validator's own message (translated) comes behind its prefix.
        prefix = "Value error, "  # untranslated: pydantic's
        message = _(words) if words else item["msg"].removeprefix(prefix)
        lines.append(f"{where}: {message}")
    return lines


def parse_image(body: bytes) -> tuple[DesktopImage, str]:
    """The image and the exact decoded text, or :class:`ImageParseError` saying what is wrong."""
    try:
        data, text = loads_object(body)
    except BodyError as error:
        raise ImageParseError(str(error), []) from None
    return image_from_mapping(data), text


def image_from_mapping(data: dict[str, Any]) -> DesktopImage:
    """Validate an already-decoded JSON object as a DesktopImage."""
    try:
        return DesktopImage.model_validate(data)
    except ValidationError as error:
        problems = describe_validation_error(error)
        raise ImageParseError(_("the answer is not a valid DesktopImage"), problems) from None
