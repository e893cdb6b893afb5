"""Demo bodies written by the rules the gateway uses: protobuf's canonical JSON mapping.

A real gateway leaves out every field holding its default (status 0, sizes 0, empty strings, an
empty label map), writes int64 as strings and ``createdAt`` in UTC with ``Z`` and 0, 3, 6 or 9
fractional digits, in the schema's field order. The demo's images go through :func:`canonical`
so the demo teaches what live answers look like; the non-canonical forms a client must still
read are kept apart, under demo IDs that say they are robustness cases.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Final

from inspector.api.status_enum import DEFAULT_STATUS
from inspector.api.timestamp import canonical_text, parse_timestamp

# The schema's fields in field-number order, as protobuf's printer lists them.
_FIELD_ORDER: Final = (
    "id",
    "folderId",
    "createdAt",
    "status",
    "name",
    "labels",
    "storageSize",
    "minDiskSize",
    "description",
)
_INT64_FIELDS: Final = ("storageSize", "minDiskSize")


def _canonical_value(key: str, value: object) -> object | None:
    """The value as the printer writes it, or ``None`` when it is the default (left out)."""
    if key == "createdAt":
        stamp = parse_timestamp(str(value))
        return canonical_text(stamp.epoch_seconds, stamp.nanos)
    if key in _INT64_FIELDS:
        number = int(Decimal(str(value)))  # exact; the demo's own values are integers
        return str(number) if number else None
    if key == "status":
        return None if value in (DEFAULT_STATUS, 0) else value
    return value or None  # strings and the label map: empty is the default


def canonical(body: Mapping[str, object]) -> dict[str, object]:
    """``body`` as the gateway would send it; fields outside the schema keep their place last."""
    known = {key: _canonical_value(key, body[key]) for key in _FIELD_ORDER if key in body}
    result: dict[str, object] = {key: value for key, value in known.items() if value is not None}
    result.update((key, value) for key, value in body.items() if key not in _FIELD_ORDER)
    return result
