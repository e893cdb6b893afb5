"""The image status as a badge: known values get a colour kind, anything else is shown as sent.

A newer server may add statuses; hiding or rejecting them would hide the very thing an operator
is troubleshooting, so an unknown value is shown verbatim and marked unknown.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Final, NamedTuple

from inspector.api.status_enum import is_status_number
from inspector.i18n import N_, _


class BadgeKind(StrEnum):
    """How the badge is drawn; the UI maps each kind to a colour."""

    READY = "ready"
    PROGRESS = "progress"
    NEUTRAL = "neutral"
    UNKNOWN = "unknown"


class StatusView(NamedTuple):
    """``named`` is False for a bare enum number, whose text already says it is unknown."""

    text: str
    kind: BadgeKind
    description: str
    named: bool = True


# The wire values stay as sent (they are what the API documents); their descriptions translate.
_KNOWN: Final = {
    "ACTIVE": (BadgeKind.READY, N_("Image is ready to use.")),
    "CREATING": (BadgeKind.PROGRESS, N_("Image is being created.")),
    "DELETING": (BadgeKind.PROGRESS, N_("Image is being deleted.")),
    "STATUS_UNSPECIFIED": (BadgeKind.NEUTRAL, N_("The server did not set a status.")),
}


def present_status(status: str) -> StatusView:
    """The badge for a wire status: a known name, a newer name, or a number without a name."""
    if status in _KNOWN:
        kind, description = _KNOWN[status]
        return StatusView(status, kind, _(description))
    if is_status_number(status):
        return StatusView(
            _("unknown status {number}").format(number=status),
            BadgeKind.UNKNOWN,
            _(
                "The server sent a status number this build has no name for; "
                "the server may be newer than the app."
            ),
            named=False,
        )
    return StatusView(
        status or '""',
        BadgeKind.UNKNOWN,
        _("This build does not know this status value; the server may be newer than the app."),
    )
