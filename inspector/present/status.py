"""The image status as a badge: known values get a colour kind, anything else is shown as sent.

A newer server may add statuses; hiding or rejecting them would hide the very thing an operator
is troubleshooting, so an unknown value is shown verbatim and marked unknown.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from inspector.i18n import N_, _


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


# The wire values stay as sent (they are what the API documents); their descriptions translate.
_KNOWN: Final = {
    "ACTIVE": (BadgeKind.READY, N_("Image is ready to use.")),
    "CREATING": (BadgeKind.PROGRESS, N_("Image is being created.")),
    "DELETING": (BadgeKind.PROGRESS, N_("Image is being deleted.")),
    "STATUS_UNSPECIFIED": (BadgeKind.NEUTRAL, N_("The server did not set a status.")),
}


def present_status(status: str | None) -> StatusView:
    """The badge for a wire status; ``None`` means the field was not sent."""
    if status is None:
        return StatusView(_("not sent"), BadgeKind.MISSING, _("The answer had no status field."))
    if status in _KNOWN:
        kind, description = _KNOWN[status]
        return StatusView(status, kind, _(description))
    return StatusView(
        status or '""',
        BadgeKind.UNKNOWN,
        _("This build does not know this status value; the server may be newer than the app."),
    )
