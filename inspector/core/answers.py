"""What a tab keeps of the answers it showed, and the sentences about where one came from.

The answer shown (live, or read from a file), the failed fetch kept for *Save for support*,
that failure's bundle, and the notes that say when an answer was captured or fetched. No Qt;
the tab controller and the command line's ``open`` share them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from inspector.api.client import IMAGES_PATH, Attempt
from inspector.api.errors import InspectorError
from inspector.api.models import DesktopImage
from inspector.api.timestamp import iso_utc, parse_timestamp
from inspector.api.transport import Exchange
from inspector.i18n import _
from inspector.present.errors import explain
from inspector.present.times import present_time

if TYPE_CHECKING:
    from inspector.core.bundle import OfflineResult


class Shown(NamedTuple):
    """The answer the tab shows now; ``offline`` is set for one opened from a file."""

    image_id: str
    image: DesktopImage
    text: str
    raw: bytes
    exchange: Exchange | None
    received_at_ns: int
    offline: OfflineResult | None = None


class Failure(NamedTuple):
    """A fetch that failed, kept so that *Save for support* can save it."""

    image_id: str
    error: InspectorError
    attempts: list[Attempt]
    at_ns: int


def failure_bundle(failure: Failure, endpoint: str, versions: dict[str, str]) -> dict[str, Any]:
    """The support bundle of a failed fetch, the error explained as the window showed it."""
    from inspector.core.failed_call import build_failure_bundle

    last = next((item.exchange for item in reversed(failure.attempts) if item.exchange), None)
    url = last.url if last else f"{endpoint}{IMAGES_PATH}/{failure.image_id}"
    return build_failure_bundle(
        explain(failure.error, endpoint=endpoint),
        failure.attempts,
        image_id=failure.image_id,
        endpoint=endpoint,
        url=url,
        captured_at_ns=failure.at_ns,
        versions=versions,
    )


def since_text(previous: Shown, now: int) -> str:
    """When the answer compared against came: ``the previous fetch at 10:15:42``."""
    when = present_time(parse_timestamp(iso_utc(previous.received_at_ns)), now)
    if previous.offline is not None:
        return _("the file {file} (captured {age})").format(
            file=previous.offline.source.name, age=when.age
        )
    return _("the previous fetch ({age})").format(age=when.age)


def offline_note(result: OfflineResult, now: int) -> str:
    """``OFFLINE · support bundle e3v....inspector.json · captured 2026-11-27 08:01 UTC (…)``."""
    when = present_time(parse_timestamp(iso_utc(result.captured_at_ns)), now)
    captured = _("captured {time} ({age})").format(time=when.utc, age=when.age)
    if not result.captured_at_known:
        captured = _("file saved {time} ({age}); a plain body carries no capture time").format(
            time=when.utc, age=when.age
        )
    return _("OFFLINE \u00b7 {kind} {file} \u00b7 {captured}").format(
        kind=_(result.kind), file=result.source.name, captured=captured
    )
