"""A failed call read from its support bundle, as text: the OFFLINE line and one line per
attempt (its request ids, status or error, duration and the wait after it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.api.timestamp import iso_utc, parse_timestamp
from inspector.i18n import _, conventions
from inspector.present.text import printable
from inspector.present.times import now_ns, present_time

if TYPE_CHECKING:
    from inspector.api.client import AttemptRecord


def _number(value: float, digits: int) -> str:
    return f"{value:.{digits}f}".replace(".", conventions().decimal)


def failed_heading(
    image_id: str, file_name: str, captured_at_ns: int, now: int | None = None
) -> str:
    """``OFFLINE · failed call e3v... · bundle x.inspector.json · captured 2026-... (2 h ago)``."""
    when = present_time(parse_timestamp(iso_utc(captured_at_ns)), now or now_ns())
    return _(
        "OFFLINE \u00b7 failed call {image} \u00b7 {file} \u00b7 captured {time} ({age})"
    ).format(
        image=printable(image_id) or "?",
        file=printable(file_name),
        time=when.utc,
        age=when.age,
    )


def attempt_line(record: AttemptRecord) -> str:
    """``attempt 2: HTTP 503, 12.5 ms, then waited 0.4 s · x-client-request-id=…``."""
    outcome = (
        _("HTTP {status}").format(status=record.status)
        if record.status is not None
        else printable(record.error or _("no answer"))
    )
    parts = [
        _("attempt {number}: {outcome}").format(number=record.number, outcome=outcome),
        _("{ms} ms").format(ms=_number(record.elapsed_ms, 1)),
    ]
    if record.wait_seconds:
        parts.append(_("then waited {seconds} s").format(seconds=_number(record.wait_seconds, 1)))
    ids = " ".join(f"{name}={printable(value)}" for name, value in record.request_ids)
    return ", ".join(parts) + (f" \u00b7 {ids}" if ids else "")


def attempt_lines(records: list[AttemptRecord]) -> list[str]:
    if not records:
        return [_("attempts: none recorded")]
    return [_("attempts:"), *(f"  {attempt_line(record)}" for record in records)]
