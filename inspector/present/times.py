"""Timestamps for people: local time, UTC, age and the exact original.

``datetime`` cannot hold nanoseconds and overflows at year 1 or 9999 in zones east or west of
UTC, both of which the API may send. Calendar fields are therefore computed with integer
arithmetic from the epoch seconds plus the zone offset, and the OS is only asked for the offset.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Final, NamedTuple

from inspector.api.timestamp import Timestamp, civil_from_days, days_from_civil
from inspector.i18n import _, conventions, ngettext

OffsetFor = Callable[[int], tuple[int, str]]
"""UTC offset in seconds and the zone abbreviation in effect at an epoch second."""

_NANOS_PER_SECOND: Final = 1_000_000_000
_SECONDS_PER_DAY: Final = 86_400
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
# Years 2..9998 leave a day of headroom on either side for any UTC offset.
_SAFE_EARLIEST: Final = days_from_civil(2, 1, 1) * _SECONDS_PER_DAY
_SAFE_LATEST: Final = days_from_civil(9998, 12, 31) * _SECONDS_PER_DAY + _SECONDS_PER_DAY - 1
_JUST_NOW_SECONDS: Final = 45
# Average Gregorian year and month, so "2025 years ago" holds across leap days. Each unit has
# its past and future phrase whole, because languages put "ago" and "in" in different places.
_AGE_UNITS: Final[tuple[tuple[int, Callable[[int], str], Callable[[int], str]], ...]] = (
    (
        31_556_952,
        lambda n: ngettext("{count} year ago", "{count} years ago", n),
        lambda n: ngettext("in {count} year", "in {count} years", n),
    ),
    (
        2_629_746,
        lambda n: ngettext("{count} month ago", "{count} months ago", n),
        lambda n: ngettext("in {count} month", "in {count} months", n),
    ),
    (
        86_400,
        lambda n: ngettext("{count} day ago", "{count} days ago", n),
        lambda n: ngettext("in {count} day", "in {count} days", n),
    ),
    (
        3_600,
        lambda n: ngettext("{count} hour ago", "{count} hours ago", n),
        lambda n: ngettext("in {count} hour", "in {count} hours", n),
    ),
    (
        60,
        lambda n: ngettext("{count} minute ago", "{count} minutes ago", n),
        lambda n: ngettext("in {count} minute", "in {count} minutes", n),
    ),
)


class TimeView(NamedTuple):
    """One instant as shown: ``local_zone`` is the zone part of ``local`` (``+03:00 (MSK)``)."""

    local: str
    utc: str
    age: str
    exact: str
    local_zone: str


def _offset_of(moment: datetime) -> tuple[int, str]:
    offset = moment.utcoffset() or timedelta(0)
    return offset // timedelta(seconds=1), moment.tzname() or ""


def system_offset(epoch_seconds: int) -> tuple[int, str]:
    """The OS zone's offset at that instant (honours ``TZ``); never raises.

    The instant is clamped to years 2..9998 so the conversion cannot overflow, and a platform
    that cannot convert it at all (Windows refuses instants before 1970) gets the current offset.
    """
    clamped = min(max(epoch_seconds, _SAFE_EARLIEST), _SAFE_LATEST)
    try:
        return _offset_of((_EPOCH + timedelta(seconds=clamped)).astimezone())
    except (OverflowError, OSError, ValueError):
        return _offset_of(datetime.now(UTC).astimezone())


def now_ns() -> int:
    """The current instant, for the ``now_ns`` argument of :func:`present_time`."""
    return time.time_ns()


def _offset_text(offset: int) -> str:
    sign = "-" if offset < 0 else "+"
    hours, rest = divmod(abs(offset), 3600)
    minutes, seconds = divmod(rest, 60)
    text = f"{sign}{hours:02d}:{minutes:02d}"
    # Local mean time before standard zones had offsets like +02:30:17: show them whole.
    return f"{text}:{seconds:02d}" if seconds else text


def _zone_label(offset: int, abbreviation: str) -> str:
    """``+03:00 (MSK)``; numeric abbreviations such as ``+14`` would only repeat the offset."""
    text = _offset_text(offset)
    if abbreviation and not abbreviation.startswith(("+", "-")):
        return f"{text} ({abbreviation})"
    return text


def _civil_text(epoch_seconds: int, fraction: str) -> str:
    """``YYYY-MM-DD hh:mm:ss[.fraction]`` for any year, including 0 and 10000.

    The date is in the language's order (``DD.MM.YYYY`` in Russian); the time keeps a dot
    before the fraction in every language, so it reads and copies as a time, not a number.
    """
    days, second_of_day = divmod(epoch_seconds, _SECONDS_PER_DAY)
    year, month, day = civil_from_days(days)
    hour, rest = divmod(second_of_day, 3600)
    minute, second = divmod(rest, 60)
    year_text = f"{year:04d}" if year >= 0 else f"-{-year:04d}"
    date = conventions().date.format(year=year_text, month=f"{month:02d}", day=f"{day:02d}")
    dot_fraction = f".{fraction}" if fraction else ""
    return f"{date} {hour:02d}:{minute:02d}:{second:02d}{dot_fraction}"


def _age(elapsed_ns: int) -> str:
    """``"3 days ago"`` / ``"in 3 days"``, whole units rounded down."""
    seconds = abs(elapsed_ns) // _NANOS_PER_SECOND
    if seconds < _JUST_NOW_SECONDS:
        return _("just now")
    count, past, future = 1, _AGE_UNITS[-1][1], _AGE_UNITS[-1][2]
    for size, past_phrase, future_phrase in _AGE_UNITS:
        if seconds >= size:
            count, past, future = seconds // size, past_phrase, future_phrase
            break
    phrase = past if elapsed_ns > 0 else future
    return phrase(count).format(count=count)


def present_time(ts: Timestamp, now_ns: int, offset_for: OffsetFor = system_offset) -> TimeView:
    """Local time, UTC and age of ``ts``, with the fractional digits exactly as sent."""
    offset, abbreviation = offset_for(ts.epoch_seconds)
    zone = _zone_label(offset, abbreviation)
    return TimeView(
        local=f"{_civil_text(ts.epoch_seconds + offset, ts.fraction)} {zone}",
        utc=f"{_civil_text(ts.epoch_seconds, ts.fraction)} UTC",
        age=_age(now_ns - ts.epoch_nanos),
        exact=ts.raw,
        local_zone=zone,
    )
