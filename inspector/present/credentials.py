"""What the window says about the token in use: its source and when it expires, never it."""

from __future__ import annotations

import time

from inspector.i18n import _


def expiry_text(expires_at: float | None, now: float) -> str | None:
    """``expires 21:40`` (with the date when it is not today), ``expired at 09:12``, or None."""
    if expires_at is None:
        return None
    moment = time.localtime(expires_at)
    same_day = moment[:3] == time.localtime(now)[:3]
    # Translators: a strftime pattern; the month may be a number (%m) where names read badly.
    clock = time.strftime("%H:%M" if same_day else _("%d %b %H:%M"), moment)
    if expires_at <= now:
        return _("expired at {time}").format(time=clock)
    return _("expires {time}").format(time=clock)
