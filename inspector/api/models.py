"""Pydantic models of the wire: the DesktopImage resource as the REST API sends it.

Every field is optional because the API (proto3 JSON) omits defaults and a newer server may
drop or add fields; ``None`` means *not sent*. Unknown fields are kept in ``model_extra`` so the
views can show them. int64 sizes arrive as JSON strings and are parsed to exact ints.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Final

from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError

from inspector.api.timestamp import Timestamp, TimestampError, parse_timestamp
from inspector.api.wire_json import BodyError, loads_object

INT64_MIN: Final = -(2**63)
INT64_MAX: Final = 2**63 - 1
_INT64_TEXT = re.compile(r"-?[0-9]+")

KNOWN_STATUSES: Final = ("STATUS_UNSPECIFIED", "CREATING", "ACTIVE", "DELETING")


def _int64(value: object) -> int:
    """Accept an int64 as the canonical JSON string, or as a plain JSON integer."""
    if isinstance(value, bool):
        raise ValueError("expected an int64 as a string of digits, got a boolean")
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        if len(value) > 30 or not _INT64_TEXT.fullmatch(value):
            raise ValueError("expected an int64 as a string of digits")
        number = int(value)
    elif isinstance(value, float):
        raise ValueError("expected an int64, got a number with a fraction or exponent")
    else:
        raise ValueError(f"expected an int64 as a string of digits, got {type(value).__name__}")
    if not INT64_MIN <= number <= INT64_MAX:
        raise ValueError("the number does not fit in an int64")
    return number


def _timestamp(value: object) -> Timestamp:
    if not isinstance(value, str):
        raise ValueError("expected an RFC 3339 timestamp string")
    try:
        return parse_timestamp(value)
    except TimestampError as error:
        raise ValueError(str(error)) from None


Int64 = Annotated[int, PlainValidator(_int64)]
WireTimestamp = Annotated[Timestamp, PlainValidator(_timestamp)]


class DesktopImage(BaseModel):
    """``yandex.cloud.clouddesktop.v1.api.DesktopImage``; ``None`` means the field was not sent."""

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True, strict=True)

    id: str | None = None
    folder_id: str | None = Field(default=None, alias="folderId")
    created_at: WireTimestamp | None = Field(default=None, alias="createdAt")
    status: str | None = None
    name: str | None = None
    description: str | None = None
    labels: dict[str, str] | None = None
    storage_size: Int64 | None = Field(default=None, alias="storageSize")
    min_disk_size: Int64 | None = Field(default=None, alias="minDiskSize")

    @property
    def unknown_fields(self) -> dict[str, Any]:
        """Fields this build does not know, exactly as they came."""
        return dict(self.model_extra or {})


class ImageParseError(ValueError):
    """The body is not a DesktopImage; ``problems`` names each wrong field."""

    def __init__(self, summary: str, problems: list[str]) -> None:
        super().__init__(summary)
        self.problems = problems


def describe_validation_error(error: ValidationError) -> list[str]:
    """One line per wrong field, with the wire's field name: ``storageSize: expected ...``."""
    lines = []
    for item in error.errors(include_url=False, include_input=False):
        where = ".".join(str(part) for part in item["loc"]) or "body"
        message = item["msg"].removeprefix("Value error, ")
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
        raise ImageParseError("the answer is not a valid DesktopImage", problems) from None
