"""What the window says about the token in use: its source and when it expires, never it."""

from __future__ import annotations

import time


def expiry_text(expires_at: float | None, now: float) -> str | None:
    """``expires 21:40`` (with the date when it is not today), ``expired at 09:12``, or None."""
    if expires_at is None:
        return None
    moment = time.localtime(expires_at)
    same_day = moment[:3] == time.localtime(now)[:3]
    clock = time.strftime("%H:%M" if same_day else "%d %b %H:%M", moment)
    return f"expired at {clock}" if expires_at <= now else f"expires {clock}"
