"""Times keep every digit as sent and never crash at year 1 or 9999, in any zone."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, tzinfo
from typing import Self

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.api.models import INT64_MAX, INT64_MIN
from inspector.api.timestamp import MAX_EPOCH_SECONDS, MIN_EPOCH_SECONDS, Timestamp, parse_timestamp
from inspector.present import times
from inspector.present.times import TimeView, now_ns, present_time, system_offset

SECOND = 1_000_000_000
MINUTE = 60 * SECOND
HOUR = 60 * MINUTE
DAY = 24 * HOUR


def fixed_offset(seconds: int, name: str = "") -> Callable[[int], tuple[int, str]]:
    """A stand-in for the OS zone: the same offset at every instant."""

    def offset_for(epoch_seconds: int) -> tuple[int, str]:
        return seconds, name

    return offset_for


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """Switch the process time zone through TZ, and switch it back afterwards."""
    with monkeypatch.context() as patch:

        def use(name: str) -> None:
            patch.setenv("TZ", name)
            time.tzset()

        yield use
    time.tzset()


def test_utc_and_local_with_all_nine_digits() -> None:
    ts = parse_timestamp("2026-11-20T09:15:42.123456789Z")
    view = present_time(ts, ts.epoch_nanos, fixed_offset(3 * 3600, "MSK"))
    assert view == TimeView(
        local="2026-11-20 12:15:42.123456789 +03:00 (MSK)",
        utc="2026-11-20 09:15:42.123456789 UTC",
        age="just now",
        exact="2026-11-20T09:15:42.123456789Z",
        local_zone="+03:00 (MSK)",
    )


@pytest.mark.parametrize("digits", range(10))
def test_fraction_digits_exactly_as_sent(digits: int) -> None:
    fraction = "120000000"[:digits]
    raw = f"2024-02-29T23:59:59{'.' + fraction if digits else ''}Z"
    view = present_time(parse_timestamp(raw), 0, fixed_offset(0, "UTC"))
    expected = f"2024-02-29 23:59:59{'.' + fraction if digits else ''}"
    assert view.utc == f"{expected} UTC"
    assert view.local == f"{expected} +00:00 (UTC)"
    assert view.exact == raw


def test_wire_offset_is_converted_to_utc_and_kept_in_exact() -> None:
    ts = parse_timestamp("2026-11-20T12:15:42.5+03:00")
    view = present_time(ts, ts.epoch_nanos, fixed_offset(-5 * 3600, "EST"))
    assert view.utc == "2026-11-20 09:15:42.5 UTC"
    assert view.local == "2026-11-20 04:15:42.5 -05:00 (EST)"
    assert view.exact == "2026-11-20T12:15:42.5+03:00"


def test_negative_wire_offset_crosses_midnight() -> None:
    view = present_time(parse_timestamp("2026-12-31T23:30:00-01:30"), 0, fixed_offset(0))
    assert view.utc == "2027-01-01 01:00:00 UTC"


@pytest.mark.parametrize(
    ("raw", "offset", "local"),
    [
        ("0001-01-01T00:00:00Z", -12 * 3600, "0000-12-31 12:00:00 -12:00"),
        ("0001-01-01T00:00:00Z", 14 * 3600, "0001-01-01 14:00:00 +14:00"),
        ("9999-12-31T23:59:59.999999999Z", 14 * 3600, "10000-01-01 13:59:59.999999999 +14:00"),
        ("9999-12-31T23:59:59.999999999Z", -12 * 3600, "9999-12-31 11:59:59.999999999 -12:00"),
    ],
)
def test_range_ends_in_extreme_zones(raw: str, offset: int, local: str) -> None:
    view = present_time(parse_timestamp(raw), 0, fixed_offset(offset))
    assert view.local == local
    assert view.utc.startswith(raw[:4])


def test_year_before_zero_gets_a_sign() -> None:
    ts = Timestamp(
        raw="0001-01-01T00:00:00Z", epoch_seconds=MIN_EPOCH_SECONDS, nanos=0, fraction=""
    )
    view = present_time(ts, 0, fixed_offset(-400 * 24 * 3600))
    assert view.local.startswith("-0001-11-")


@pytest.mark.parametrize(
    ("offset", "name", "zone"),
    [
        (0, "UTC", "+00:00 (UTC)"),
        (0, "", "+00:00"),
        (14 * 3600, "+14", "+14:00"),
        (-(3 * 3600 + 1800), "-0330", "-03:30"),
        (5 * 3600 + 1800, "IST", "+05:30 (IST)"),
        (2 * 3600 + 30 * 60 + 17, "LMT", "+02:30:17 (LMT)"),
        (-(7 * 3600 + 52 * 60 + 58), "LMT", "-07:52:58 (LMT)"),
    ],
)
def test_zone_label(offset: int, name: str, zone: str) -> None:
    view = present_time(parse_timestamp("2026-01-01T00:00:00Z"), 0, fixed_offset(offset, name))
    assert view.local_zone == zone
    assert view.local.endswith(f" {zone}")


@pytest.mark.parametrize(
    ("elapsed_ns", "age"),
    [
        (0, "just now"),
        (44 * SECOND + SECOND - 1, "just now"),
        (-44 * SECOND, "just now"),
        (45 * SECOND, "1 minute ago"),
        (-45 * SECOND, "in 1 minute"),
        (5 * MINUTE + 59 * SECOND, "5 minutes ago"),
        (HOUR, "1 hour ago"),
        (23 * HOUR, "23 hours ago"),
        (3 * DAY, "3 days ago"),
        (-3 * DAY, "in 3 days"),
        (1 * DAY, "1 day ago"),
        (29 * DAY, "29 days ago"),
        (61 * DAY, "2 months ago"),
        (364 * DAY, "11 months ago"),
        (366 * DAY, "1 year ago"),
        (7 * 366 * DAY, "7 years ago"),
    ],
)
def test_age(elapsed_ns: int, age: str) -> None:
    ts = parse_timestamp("2026-01-01T00:00:00Z")
    assert present_time(ts, ts.epoch_nanos + elapsed_ns, fixed_offset(0)).age == age


def test_age_across_two_thousand_years() -> None:
    now = parse_timestamp("2026-11-20T09:15:42Z").epoch_nanos
    view = present_time(parse_timestamp("0001-01-01T00:00:00Z"), now, fixed_offset(0))
    assert view.age == "2025 years ago"
    future = present_time(parse_timestamp("9999-12-31T23:59:59Z"), now, fixed_offset(0))
    assert future.age == "in 7973 years"


def test_age_uses_nanoseconds() -> None:
    ts = parse_timestamp("2026-01-01T00:00:44.999999999Z")
    start = parse_timestamp("2026-01-01T00:00:00Z").epoch_nanos
    assert present_time(ts, start, fixed_offset(0)).age == "just now"
    assert present_time(ts, start - 1, fixed_offset(0)).age == "in 1 minute"


@pytest.mark.parametrize(
    ("zone", "raw", "local"),
    [
        ("America/Los_Angeles", "2026-07-01T12:00:00Z", "2026-07-01 05:00:00 -07:00 (PDT)"),
        ("America/Los_Angeles", "2026-01-01T12:00:00Z", "2026-01-01 04:00:00 -08:00 (PST)"),
        ("Pacific/Kiritimati", "2026-07-01T12:00:00Z", "2026-07-02 02:00:00 +14:00"),
        (
            "Europe/Moscow",
            "2026-11-20T09:15:42.123456789Z",
            "2026-11-20 12:15:42.123456789 +03:00 (MSK)",
        ),
        ("UTC", "2026-11-20T09:15:42Z", "2026-11-20 09:15:42 +00:00 (UTC)"),
    ],
)
def test_system_zone(local_zone: Callable[[str], None], zone: str, raw: str, local: str) -> None:
    local_zone(zone)
    assert present_time(parse_timestamp(raw), 0).local == local


@pytest.mark.parametrize("zone", ["America/Los_Angeles", "Pacific/Kiritimati", "Etc/GMT-14"])
@pytest.mark.parametrize("raw", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z"])
def test_system_zone_at_the_range_ends(
    local_zone: Callable[[str], None], zone: str, raw: str
) -> None:
    local_zone(zone)
    ts = parse_timestamp(raw)
    view = present_time(ts, now_ns())
    offset, _ = system_offset(ts.epoch_seconds)
    assert abs(offset) < 24 * 3600
    assert view.exact == raw
    assert view.utc.startswith(raw[:4])


def test_system_offset_follows_tz(local_zone: Callable[[str], None]) -> None:
    local_zone("Pacific/Kiritimati")
    assert system_offset(parse_timestamp("2026-01-01T00:00:00Z").epoch_seconds) == (
        14 * 3600,
        "+14",
    )
    local_zone("America/Los_Angeles")
    winter = parse_timestamp("2026-01-01T00:00:00Z").epoch_seconds
    assert system_offset(winter) == (-8 * 3600, "PST")


def test_system_offset_uses_historical_offsets(local_zone: Callable[[str], None]) -> None:
    local_zone("Europe/Moscow")
    assert system_offset(MIN_EPOCH_SECONDS) == (2 * 3600 + 30 * 60 + 17, "LMT")
    assert system_offset(MAX_EPOCH_SECONDS) == (3 * 3600, "MSK")


class _LocalTimeRefused(datetime):
    """A datetime whose local conversion fails, as Windows does before 1970."""

    def astimezone(self, tz: tzinfo | None = None) -> Self:
        raise OSError(22, "Invalid argument")


def test_system_offset_falls_back_to_the_current_offset(
    local_zone: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    local_zone("America/Los_Angeles")
    assert system_offset(MIN_EPOCH_SECONDS) == (-(7 * 3600 + 52 * 60 + 58), "LMT")
    monkeypatch.setattr(times, "_EPOCH", _LocalTimeRefused(1970, 1, 1, tzinfo=UTC))
    assert system_offset(MIN_EPOCH_SECONDS) in ((-8 * 3600, "PST"), (-7 * 3600, "PDT"))


def test_now_ns_is_the_clock() -> None:
    before = time.time_ns()
    assert before <= now_ns() <= time.time_ns()


timestamps = st.builds(
    lambda seconds, fraction: Timestamp(
        raw="as sent",
        epoch_seconds=seconds,
        nanos=int(fraction.ljust(9, "0")) if fraction else 0,
        fraction=fraction,
    ),
    st.integers(min_value=MIN_EPOCH_SECONDS, max_value=MAX_EPOCH_SECONDS),
    st.text(alphabet="0123456789", max_size=9),
)


@given(
    timestamps,
    st.integers(min_value=INT64_MIN, max_value=INT64_MAX),
    st.integers(min_value=-(24 * 3600 - 1), max_value=24 * 3600 - 1),
)
def test_present_time_never_raises(ts: Timestamp, now: int, offset: int) -> None:
    view = present_time(ts, now, fixed_offset(offset, "ZZZ"))
    assert view.exact == "as sent"
    assert view.utc.endswith(f"{'.' + ts.fraction if ts.fraction else ''} UTC")
    assert view.age


@given(timestamps)
def test_present_time_with_the_system_zone_never_raises(ts: Timestamp) -> None:
    assert present_time(ts, 0).local
