"""RFC 3339 parsing keeps nanoseconds and the whole 0001..9999 range exactly."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.api.timestamp import (
    MAX_EPOCH_SECONDS,
    MIN_EPOCH_SECONDS,
    TimestampError,
    civil_from_days,
    days_from_civil,
    parse_timestamp,
)


def test_nanoseconds_are_kept_exactly() -> None:
    ts = parse_timestamp("2026-11-20T09:15:42.123456789Z")
    assert ts.nanos == 123_456_789
    assert ts.fraction == "123456789"
    assert ts.epoch_seconds == int(dt.datetime(2026, 11, 20, 9, 15, 42, tzinfo=dt.UTC).timestamp())


@pytest.mark.parametrize(
    ("raw", "nanos"),
    [("2024-01-01T00:00:00Z", 0), ("2024-01-01T00:00:00.5Z", 500_000_000)]
    + [(f"2024-01-01T00:00:00.{'1' * n}Z", int(("1" * n).ljust(9, "0"))) for n in range(1, 10)],
)
def test_every_fraction_length(raw: str, nanos: int) -> None:
    assert parse_timestamp(raw).nanos == nanos


def test_range_ends() -> None:
    assert parse_timestamp("0001-01-01T00:00:00Z").epoch_seconds == MIN_EPOCH_SECONDS
    last = parse_timestamp("9999-12-31T23:59:59.999999999Z")
    assert (last.epoch_seconds, last.nanos) == (MAX_EPOCH_SECONDS, 999_999_999)


def test_offset_is_applied() -> None:
    assert (
        parse_timestamp("2026-01-01T03:00:00+03:00").epoch_seconds
        == parse_timestamp("2026-01-01T00:00:00Z").epoch_seconds
    )


@pytest.mark.parametrize(
    "raw",
    [
        "",
        "2026-11-20",
        "2026-11-20 09:15:42Z",
        "2026-02-30T00:00:00Z",
        "2026-11-20T24:00:00Z",
        "2026-11-20T09:15:42.1234567890Z",
        "0000-12-31T23:59:59Z",
        "0001-01-01T00:00:00+01:00",
        "9999-12-31T23:59:59-01:00",
        "2026-11-20T09:15:42",
    ],
)
def test_bad_timestamps_are_refused(raw: str) -> None:
    with pytest.raises(TimestampError):
        parse_timestamp(raw)


@given(st.integers(min_value=-(10**7), max_value=10**7))
def test_calendar_round_trip(days: int) -> None:
    assert days_from_civil(*civil_from_days(days)) == days


@given(st.datetimes(timezones=st.just(dt.UTC)))
def test_matches_datetime_where_datetime_works(moment: dt.datetime) -> None:
    raw = f"{moment.year:04d}-{moment:%m-%dT%H:%M:%S.%f}Z"
    delta = moment - dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
    assert parse_timestamp(raw).epoch_seconds == delta.days * 86_400 + delta.seconds
