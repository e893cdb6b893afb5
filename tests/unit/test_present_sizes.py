"""Sizes are exact: integer rounding, the right unit at every boundary, the full int64 range."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector.api.models import INT64_MAX, INT64_MIN
from inspector.present.sizes import exact_bytes, human_size

_UNITS = ("B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB")


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 B"),
        (1, "1 B"),
        (512, "512 B"),
        (1023, "1023 B"),
        (1024, "1 KiB"),
        (1536, "1.5 KiB"),
        (1075, "1 KiB"),  # 1.0498 KiB rounds down to 1.0
        (1076, "1.1 KiB"),  # 1.0508 KiB rounds up
        (1049, "1 KiB"),
        (10_189, "10 KiB"),  # 9.9502 KiB rounds to 10.0
        (1_048_575, "1 MiB"),  # 1023.999 KiB would round to 1024.0 KiB
        (1_048_524, "1023.9 KiB"),
        (21_474_836_480, "20 GiB"),
        (64_424_509_440, "60 GiB"),
        (2**40, "1 TiB"),
        (2**50 * 3 // 2, "1.5 PiB"),
        (2**60, "1 EiB"),
        (INT64_MAX, "8 EiB"),
        (-1024, "-1 KiB"),
        (-512, "-512 B"),
        (INT64_MIN, "-8 EiB"),
    ],
)
def test_human_size(n: int, text: str) -> None:
    assert human_size(n) == text


@pytest.mark.parametrize(
    ("n", "text"),
    [(1280, "1.3 KiB"), (1792, "1.8 KiB"), (5 * 2**18, "1.3 MiB"), (9 * 2**28, "2.3 GiB")],
)
def test_exact_halves_round_up(n: int, text: str) -> None:
    assert human_size(n) == text


def test_beyond_int64_stays_in_the_largest_unit() -> None:
    assert human_size(2**70) == "1024 EiB"


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "0 bytes"),
        (1, "1 byte"),
        (-1, "-1 byte"),
        (2, "2 bytes"),
        (-5, "-5 bytes"),
        (1024, "1,024 bytes"),
        (21_474_836_480, "21,474,836,480 bytes"),
        (INT64_MAX, "9,223,372,036,854,775,807 bytes"),
    ],
)
def test_exact_bytes(n: int, text: str) -> None:
    assert exact_bytes(n) == text


@given(st.integers(min_value=INT64_MIN, max_value=INT64_MAX))
def test_human_size_never_raises_and_stays_below_1024(n: int) -> None:
    number, unit = human_size(n).split(" ")
    assert unit in _UNITS
    assert abs(float(number)) < 1024 or unit == "EiB"
    assert not number.endswith(".0")
    assert number.startswith("-") == (n < 0)


@given(st.integers(min_value=0, max_value=INT64_MAX))
def test_human_size_is_off_by_at_most_half_a_tenth(n: int) -> None:
    number, unit = human_size(n).split(" ")
    unit_bytes = 1024 ** _UNITS.index(unit)
    whole, _, tenth = number.partition(".")
    shown_tenths = int(whole) * 10 + int(tenth or 0)
    assert abs(shown_tenths * unit_bytes - n * 10) * 2 <= unit_bytes
