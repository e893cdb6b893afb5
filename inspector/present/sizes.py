"""Byte counts for people: IEC units next to the exact number.

The API sends int64 sizes; a float would lose precision beyond 2**53 and round inconsistently,
so everything here is integer arithmetic. Units and separators follow the chosen language
(``20 ГиБ``, ``21 474 836 480 байт``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final

from inspector.i18n import conventions, format_integer, ngettext, pgettext

# Called when shown, so each unit comes out in the language chosen at that moment.
_UNITS: Final[tuple[Callable[[], str], ...]] = (
    lambda: pgettext("size unit", "B"),
    lambda: pgettext("size unit", "KiB"),
    lambda: pgettext("size unit", "MiB"),
    lambda: pgettext("size unit", "GiB"),
    lambda: pgettext("size unit", "TiB"),
    lambda: pgettext("size unit", "PiB"),
    lambda: pgettext("size unit", "EiB"),
)
_STEP: Final = 1024


def _tenths(n: int, power: int) -> int:
    """``n / 1024**power`` in tenths, rounded half up."""
    divisor = 1 << (10 * power)
    return (n * 20 + divisor) // (2 * divisor)


def human_size(n: int) -> str:
    """``21474836480 -> "20 GiB"``: one decimal at most, in the unit that keeps it below 1024."""
    if n < 0:
        return "-" + human_size(-n)
    power = 0
    while power < len(_UNITS) - 1 and _tenths(n, power) >= _STEP * 10:
        power += 1
    whole, tenth = divmod(_tenths(n, power), 10)
    number = str(whole) if tenth == 0 else f"{whole}{conventions().decimal}{tenth}"
    return f"{number} {_UNITS[power]()}"


def exact_bytes(n: int) -> str:
    """``21474836480 -> "21,474,836,480 bytes"``: what the operator compares with quotas."""
    return ngettext("{count} byte", "{count} bytes", abs(n)).format(count=format_integer(n))
