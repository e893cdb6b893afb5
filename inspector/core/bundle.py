"""Support bundles: one JSON file with everything support asks about one answer, and back.

*Save for support* writes the body exactly, the status, the response headers without secrets,
the request ids, timing, endpoint, the app / Qt / Python / OS versions and the clock skew
against the server's ``Date`` header. *Open* reads such a bundle, or a plain JSON body saved
from a terminal (the REST body in camelCase, or ``yc ... --format json`` output in snake_case),
into an :class:`OfflineResult` that the window shows like a live fetch, marked OFFLINE. A file
that is none of these gets a :class:`CaptureError` naming the file and what is wrong with it.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Final

from inspector import APP_NAME, __version__
from inspector.api.client import MAX_BODY_BYTES, FetchResult
from inspector.api.errors import RequestIds
from inspector.api.local_files import FileTooLarge, read_regular
from inspector.api.models import DesktopImage, ImageParseError, image_from_mapping, parse_image
from inspector.api.redaction import safe_headers
from inspector.api.timestamp import TimestampError, iso_utc, parse_timestamp
from inspector.api.transport import Exchange, library_versions
from inspector.api.wire_json import BodyError, loads_object
from inspector.config.files import write_atomically
from inspector.core.saved_body import NotAnImage, rest_mapping
from inspector.i18n import N_, _
from inspector.present.files import bundle_body_not_an_image, decoder_reason, too_big
from inspector.present.raw import clock_skew, describe_skew, header_value

BUNDLE_FORMAT: Final = "cloud-desktop-inspector/support-bundle"
# 2: a failed call can be saved too ("outcome": "failure"); version 1 files still open.
BUNDLE_VERSION: Final = 2
FAILURE_OUTCOME: Final = "failure"
BUNDLE_SUFFIX: Final = ".inspector.json"
MAX_FILE_BYTES: Final = 16 * 1024 * 1024
_MAX_ELAPSED_MS: Final = 24 * 3600 * 1000  # no call waits a day


class CaptureKind(StrEnum):
    """What a file held; the values are English text, translated where shown."""

    BUNDLE = N_("support bundle")
    REST = N_("REST JSON body")
    YC = N_("yc --format json output")


class CaptureError(ValueError):
    """A file that cannot be opened as a bundle or an image; the message names the file."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(_("Cannot open {file}: {reason}").format(file=path.name, reason=reason))
        self.path = path
        self.reason = reason


class FailedCallBundle(CaptureError):
    """The bundle of a failed call, which holds no image (:mod:`inspector.core.failed_call`)."""

    def __init__(self, path: Path, document: dict[str, Any], captured_at_ns: int) -> None:
        super().__init__(path, _("it is the support bundle of a failed call: it holds no image"))
        self.document = document
        self.captured_at_ns = captured_at_ns


@dataclass(frozen=True)
class OfflineResult:
    """An image read from a file; ``exchange`` is there only for a support bundle.

    ``captured_at_ns`` is when the answer came (a bundle) or when the file was last written (a
    plain body, which carries no time of its own: ``captured_at_known`` is then False).
    """

    image: DesktopImage
    text: str
    raw: bytes
    kind: CaptureKind
    source: Path
    captured_at_ns: int
    captured_at_known: bool
    exchange: Exchange | None = None
    endpoint: str | None = None
    environment: dict[str, str] = field(default_factory=dict)


def environment(qt_version: str | None = None, pyside_version: str | None = None) -> dict[str, str]:
    """The versions support asks for first."""
    versions = {
        "app": f"{APP_NAME} {__version__}",
        "python": f"{platform.python_implementation()} {platform.python_version()}",
        "os": platform.platform(),
        **library_versions(),
    }
    if qt_version:
        versions["qt"] = qt_version
    if pyside_version:
        versions["pyside6"] = pyside_version
    return versions


def bundle_envelope(
    outcome: str,
    *,
    captured_at_ns: int,
    versions: dict[str, str],
    request: dict[str, str],
    request_ids: dict[str, str],
) -> dict[str, Any]:
    """What every bundle opens with, a success's or a failure's: the format, when, with what,
    and which request (``request``: its ``url``, ``endpoint`` and ``imageId``)."""
    return {
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "outcome": outcome,
        "capturedAt": iso_utc(captured_at_ns),
        "environment": versions,
        "request": {"method": "GET", **request},
        "requestIds": request_ids,
    }


def response_head(exchange: Exchange) -> dict[str, Any]:
    """The answer's status line and headers, secrets ``[removed]``; the body is each kind's own."""
    return {
        "httpVersion": exchange.http_version,
        "status": exchange.status_code,
        "reason": exchange.reason,
        "headers": [list(pair) for pair in safe_headers(exchange.headers)],
    }


def build_bundle(
    result: FetchResult,
    *,
    image_id: str,
    endpoint: str,
    received_at_ns: int,
    versions: dict[str, str],
) -> dict[str, Any]:
    """The bundle of one live answer, as a JSON-ready dict with no secret in it."""
    exchange = result.exchange
    date = header_value(exchange.headers, "date")
    skew = clock_skew(date, received_at_ns)
    return {
        **bundle_envelope(
            "success",
            captured_at_ns=received_at_ns,
            versions=versions,
            request={"url": exchange.url, "endpoint": endpoint, "imageId": image_id},
            request_ids=dict(exchange.request_ids.as_pairs()),
        ),
        "timing": {"elapsedMs": round(exchange.elapsed_seconds * 1000, 3)},
        "clock": {
            "serverDate": date,
            "localTimeAtResponse": iso_utc(received_at_ns),
            "skewSeconds": None if skew is None else round(skew, 3),
            "meaning": None if skew is None else describe_skew(skew),
        },
        "response": {**response_head(exchange), "body": exchange.raw.decode("utf-8", "replace")},
    }


def bundle_bytes(bundle: dict[str, Any]) -> bytes:
    return (json.dumps(bundle, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def save_bundle(path: Path, bundle: dict[str, Any]) -> None:
    """Write the bundle atomically; an ``OSError`` says why it could not be written."""
    write_atomically(path, bundle_bytes(bundle))


def default_bundle_name(image_id: str, captured_at_ns: int) -> str:
    day, clock = iso_utc(captured_at_ns).split("T")
    stamp = f"{day.replace('-', '')}-{clock[:8].replace(':', '')}"
    return f"{image_id}-{stamp}{BUNDLE_SUFFIX}"


# -- reading ------------------------------------------------------------------------------


def load_capture(path: Path, *, max_bytes: int = MAX_FILE_BYTES) -> OfflineResult:
    """Read a bundle or a plain JSON body from ``path``, or raise :class:`CaptureError`."""
    try:
        data = read_regular(path, max_bytes)
        file_time_ns = path.stat().st_mtime_ns
    except FileTooLarge as error:
        raise CaptureError(path, too_big(error.size, max_bytes)) from None
    except OSError as error:
        raise CaptureError(path, error.strerror or str(error)) from None
    return capture_from_bytes(data, path, file_time_ns)


def capture_from_bytes(data: bytes, source: Path, file_time_ns: int) -> OfflineResult:
    """The offline result in ``data`` (read from ``source``, last written at ``file_time_ns``)."""
    if not data.strip():
        raise CaptureError(source, _("the file is empty"))
    if b"\x00" in data:
        raise CaptureError(source, _("it is a binary file, not JSON text"))
    try:
        document = loads_object(data)[0]
    except BodyError as error:
        raise CaptureError(source, decoder_reason(error)) from None
    if "format" in document:
        return _from_bundle(document, source)
    try:
        from_yc, mapping = rest_mapping(document)
    except NotAnImage as error:
        raise CaptureError(source, str(error)) from None
    kind = CaptureKind.YC if from_yc else CaptureKind.REST
    try:
        image = image_from_mapping(mapping)
    except ImageParseError as error:
        problems = "; ".join(error.problems)
        reason = _("it is not a valid DesktopImage: {problems}").format(problems=problems)
        raise CaptureError(source, reason) from None
    return OfflineResult(
        image=image,
        text=data.decode("utf-8-sig"),
        raw=data,
        kind=kind,
        source=source,
        captured_at_ns=file_time_ns,
        captured_at_known=False,
    )


def _section(document: dict[str, Any], key: str, source: Path) -> dict[str, Any]:
    value = document.get(key)
    if not isinstance(value, dict):
        reason = _("the support bundle has no {section} section").format(section=repr(key))
        raise CaptureError(source, reason)
    return value


def _string(section: dict[str, Any], key: str, where: str, source: Path) -> str:
    value = section.get(key)
    if not isinstance(value, str):
        reason = _("the support bundle's {field} is missing or not text")
        raise CaptureError(source, reason.format(field=f"{where}.{key}"))
    return value


def _check_envelope(document: dict[str, Any], source: Path) -> None:
    """A bundle this version can read; a failed call's goes its own way."""
    if document.get("format") != BUNDLE_FORMAT:
        reason = _("it is a JSON file of another kind (format {format})")
        raise CaptureError(source, reason.format(format=repr(str(document["format"])[:80])))
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CaptureError(source, _("the support bundle has no valid version"))
    if version > BUNDLE_VERSION:
        reason = _("it was written by a newer version of the app (bundle version {version})")
        raise CaptureError(source, reason.format(version=version))
    if document.get("outcome") == FAILURE_OUTCOME:
        raise FailedCallBundle(source, document, _captured_at(document, source))


def _from_bundle(document: dict[str, Any], source: Path) -> OfflineResult:
    _check_envelope(document, source)
    response = _section(document, "response", source)
    request = _section(document, "request", source)
    body = _string(response, "body", "response", source)
    raw = body.encode("utf-8")
    if len(raw) > MAX_BODY_BYTES:
        raise CaptureError(source, _("the bundle's body is larger than an API answer can be"))
    try:
        image, text = parse_image(raw)
    except ImageParseError as error:
        raise CaptureError(source, bundle_body_not_an_image(error)) from None
    captured_ns = _captured_at(document, source)
    exchange = _exchange(document, request, response, raw, source)
    versions = document.get("environment")
    return OfflineResult(
        image=image,
        text=text,
        raw=raw,
        kind=CaptureKind.BUNDLE,
        source=source,
        captured_at_ns=captured_ns,
        captured_at_known=True,
        exchange=exchange,
        endpoint=_optional_text(request.get("endpoint")),
        environment=(
            {str(k): str(v) for k, v in versions.items()} if isinstance(versions, dict) else {}
        ),
    )


def _exchange(
    document: dict[str, Any],
    request: dict[str, Any],
    response: dict[str, Any],
    raw: bytes,
    source: Path,
) -> Exchange:
    """The saved call, as the window shows a live one."""
    status = response.get("status")
    if not isinstance(status, int) or isinstance(status, bool):
        raise CaptureError(source, _("the support bundle's response.status is not a number"))
    ids = document.get("requestIds")
    ids = ids if isinstance(ids, dict) else {}
    timing = document.get("timing")
    elapsed = _elapsed_ms(timing.get("elapsedMs") if isinstance(timing, dict) else None, source)
    return Exchange(
        url=str(request.get("url") or ""),
        status_code=status,
        reason=str(response.get("reason") or ""),
        http_version=str(response.get("httpVersion") or ""),
        headers=_headers(response.get("headers"), source),
        raw=raw,
        elapsed_seconds=elapsed / 1000,
        request_ids=RequestIds(
            client_request_id=str(ids.get("x-client-request-id") or _("not recorded")),
            request_id=_optional_text(ids.get("x-request-id")),
            server_trace_id=_optional_text(ids.get("x-server-trace-id")),
        ),
    )


def _elapsed_ms(value: object, source: Path) -> float:
    """The call's duration; absent is 0, a number out of any real range is a damaged file."""
    if value is None:
        return 0.0
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CaptureError(source, _("the support bundle's timing.elapsedMs is not a number"))
    if not 0 <= value <= _MAX_ELAPSED_MS:  # also refuses NaN; compared before float()
        raise CaptureError(
            source, _("the support bundle's timing.elapsedMs is out of range (0 to one day)")
        )
    return float(value)


def _captured_at(document: dict[str, Any], source: Path) -> int:
    try:
        captured = parse_timestamp(_string(document, "capturedAt", "bundle", source))
    except TimestampError as error:
        reason = _("the bundle's capturedAt is not a time ({reason})").format(reason=error)
        raise CaptureError(source, reason) from None
    return captured.epoch_nanos


def _optional_text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _headers(value: object, source: Path) -> list[tuple[str, str]]:
    if value is None:
        return []
    pairs = value if isinstance(value, list) else None
    if pairs is None or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(p, str) for p in pair)
        for pair in pairs
    ):
        reason = _("the support bundle's response.headers are not name/value pairs")
        raise CaptureError(source, reason)
    # Secrets were removed when it was saved; a hand-edited file gets the same treatment.
    return safe_headers([(name, text) for name, text in pairs])
