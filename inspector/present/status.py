"""The image status as a badge: known values get a colour kind, anything else is shown as sent.

A newer server may add statuses; hiding or rejecting them would hide the very thing an operator
is troubleshooting, so an unknown value is shown verbatim and marked unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class BadgeKind(StrEnum):
    """How the badge is drawn; the UI maps each kind to a colour."""

    READY = "ready"
    PROGRESS = "progress"
    NEUTRAL = "neutral"
    UNKNOWN = "unknown"
    MISSING = "missing"


@dataclass(frozen=True)
class StatusView:
    text: str
    kind: BadgeKind
    description: str


_KNOWN: Final = {
    "ACTIVE": (BadgeKind.READY, "Image is ready to use."),
    "CREATING": (BadgeKind.PROGRESS, "Image is being created."),
    "DELETING": (BadgeKind.PROGRESS, "Image is being deleted."),
    "STATUS_UNSPECIFIED": (BadgeKind.NEUTRAL, "The server did not set a status."),
}


def present_status(status: str | None) -> StatusView:
    """The badge for a wire status; ``None`` means the field was not sent."""
    if status is None:
        return StatusView("not sent", BadgeKind.MISSING, "The answer had no status field.")
    if status in _KNOWN:
        kind, description = _KNOWN[status]
        return StatusView(status, kind, description)
    return StatusView(
        status or '""',
        BadgeKind.UNKNOWN,
        "This build does not know this status value; the server may be newer than the app.",
    )
