"""RFC 3339 timestamps with all nine fractional digits kept.

Python's ``datetime`` holds microseconds and years 1..9999 only, and converting year 1 or 9999
to a local time zone overflows. The API sends nanoseconds over exactly that whole range, so the
instant is kept as whole seconds since the Unix epoch plus nanoseconds, and calendar fields are
computed with integer arithmetic that works for any year.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from inspector.i18n import _

# RFC 3339, plus what protobuf's JSON parser also reads: one-digit date and time fields, a dot
# without digits, a one-digit offset hour or minute.
_RFC3339 = re.compile(
    r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})[Tt]"
    r"(?P<hour>\d{1,2}):(?P<minute>\d{1,2}):(?P<second>\d{1,2})"
    r"(?:\.(?P<fraction>\d{0,9}))?"
    r"(?P<offset>[Zz]|[+-]\d{1,2}:\d{1,2})"
)
_SECONDS_PER_DAY = 86_400
_NANOS = 1_000_000_000


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (any year)."""
    year -= month <= 2
    era = year // 400
    year_of_era = year - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def civil_from_days(days: int) -> tuple[int, int, int]:
    """The proleptic Gregorian (year, month, day) of a day count since 1970-01-01."""
    days += 719_468
    era = days // 146_097
    day_of_era = days - era * 146_097
    year_of_era = (
        day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096
    ) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    month_index = (5 * day_of_year + 2) // 153
    day = day_of_year - (153 * month_index + 2) // 5 + 1
    month = month_index + 3 if month_index < 10 else month_index - 9
    return year_of_era + era * 400 + (month <= 2), month, day


def _days_in_month(year: int, month: int) -> int:
    if month == 2:
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


class Timestamp(NamedTuple):
    """One instant as the API sent it.

    ``raw`` is the exact string from the wire; ``epoch_seconds`` and ``nanos`` are the instant
    in UTC; ``fraction`` is the fractional digits exactly as sent (0 to 9 of them).
    """

    raw: str
    epoch_seconds: int
    nanos: int
    fraction: str

    @property
    def epoch_nanos(self) -> int:
        return self.epoch_seconds * 1_000_000_000 + self.nanos


class TimestampError(ValueError):
    """The text is not an RFC 3339 timestamp within the API's range."""


def parse_timestamp(raw: str) -> Timestamp:
    """Parse an RFC 3339 timestamp exactly, or raise :class:`TimestampError` saying why."""
    match = _RFC3339.fullmatch(raw)
    if match is None:
        raise TimestampError(_("not an RFC 3339 timestamp (expected like 2024-05-01T12:30:00Z)"))
    year, month, day = (int(match[name]) for name in ("year", "month", "day"))
    hour, minute, second = (int(match[name]) for name in ("hour", "minute", "second"))
    if year < 1:
        raise TimestampError(_("year 0000 is before the earliest allowed, 0001"))
    if not 1 <= month <= 12 or not 1 <= day <= _days_in_month(year, month):
        raise TimestampError(_("the date does not exist"))
    if hour > 23 or minute > 59 or second > 59:
        raise TimestampError(_("the time of day is out of range"))
    offset_seconds = 0
    offset = match["offset"]
    if offset not in ("Z", "z"):
        offset_hours, offset_minutes = (int(part) for part in offset[1:].split(":"))
        if offset_hours > 23 or offset_minutes > 59:
            raise TimestampError(_("the UTC offset is out of range"))
        sign = 1 if offset[0] == "+" else -1
        offset_seconds = sign * (offset_hours * 3600 + offset_minutes * 60)
    fraction = match["fraction"] or ""
    epoch_seconds = (
        days_from_civil(year, month, day) * _SECONDS_PER_DAY
        + hour * 3600
        + minute * 60
        + second
        - offset_seconds
    )
    if not MIN_EPOCH_SECONDS <= epoch_seconds <= MAX_EPOCH_SECONDS:
        raise TimestampError(_("outside 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z"))
    return Timestamp(
        raw=raw,
        epoch_seconds=epoch_seconds,
        nanos=int(fraction.ljust(9, "0")) if fraction else 0,
        fraction=fraction,
    )


MIN_EPOCH_SECONDS = days_from_civil(1, 1, 1) * _SECONDS_PER_DAY
MAX_EPOCH_SECONDS = days_from_civil(9999, 12, 31) * _SECONDS_PER_DAY + _SECONDS_PER_DAY - 1


def _utc_seconds_text(epoch_seconds: int) -> str:
    """``2026-11-27T08:01:17``: the UTC calendar date and time of day, for any year."""
    days, second_of_day = divmod(epoch_seconds, _SECONDS_PER_DAY)
    year, month, day = civil_from_days(days)
    hour, rest = divmod(second_of_day, 3600)
    return f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{rest // 60:02d}:{rest % 60:02d}"


def canonical_text(epoch_seconds: int, nanos: int) -> str:
    """The instant as protobuf's JSON printer writes it: UTC, ``Z``, 0, 3, 6 or 9 digits."""
    text = _utc_seconds_text(epoch_seconds)
    if nanos % 1_000_000_000 == 0:
        return text + "Z"
    if nanos % 1_000_000 == 0:
        return f"{text}.{nanos // 1_000_000:03d}Z"
    if nanos % 1000 == 0:
        return f"{text}.{nanos // 1000:06d}Z"
    return f"{text}.{nanos:09d}Z"


def iso_utc(epoch_ns: int) -> str:
    """``2026-11-27T08:01:17.123456Z``: a local clock reading (nanoseconds since the epoch) as
    RFC 3339, to the microsecond, as the support bundles have always written it."""
    seconds, nanos = divmod(epoch_ns, _NANOS)
    return f"{_utc_seconds_text(seconds)}.{nanos // 1000:06d}Z"
