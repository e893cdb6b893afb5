"""The demo API's sample images: one for every case the wire allows, as the REST API sends them.

Bodies are written by the gateway's own rules (:mod:`inspector.demo.canonical`: defaults left
out, int64 sizes as JSON strings, ``createdAt`` in UTC with 0, 3, 6 or 9 fractional digits), so
the whole client path is exercised and the demo shows what live answers look like. The forms a
client must read but a gateway does not write (explicit defaults, offsets, other digit counts,
enum numbers, int64 as numbers) live only under the ``e3vrobust...`` IDs, whose summaries say so.
The order of :data:`DEMO_IMAGES` is the order a newcomer sees them listed, the default first.

``createdAt`` fractions of the canonical samples:

====  ===========================================================================
 0    no-labels (2024-02-29, a leap day), min-time (0001-01-01), slow, defaults,
      extra-fields (``.000`` is printed as no digits)
 3    creating, deleting, unspecified, archived
 6    labels-300, empty-labels
 9    active, labels-1000, unicode, huge-sizes (one nanosecond), max-time (9999-12-31)
====  ===========================================================================
"""

from __future__ import annotations

from functools import cache
from typing import Final

from inspector.demo import DEFAULT_IMAGE_ID
from inspector.demo.sample import DemoError, DemoImage, fixed

FOLDER_ID: Final = "b1gdemofolder0000001"
OTHER_FOLDER_ID: Final = "b1gdemofolder0000002"
# The robustness cases, listed apart so the demo folder lists only what a gateway writes.
ROBUSTNESS_FOLDER_ID: Final = "b1grobustnessfolder1"


def numbered_labels(count: int) -> dict[str, str]:
    """``label-0000: value-0000`` and so on: many labels that sort and filter predictably."""
    return {f"label-{index:04d}": f"value-{index:04d}" for index in range(count)}


_LONG_KEY = "a-very-long-label-key-" + "-".join(f"part{index:02d}" for index in range(32))
_LONG_VALUE = " ".join(["a value long enough to need wrapping, eliding or a tooltip"] * 5)

_UNICODE_LABELS: Final = {
    "отдел": "бухгалтерия",
    "владелец": "Иванов Пётр",
    "部门": "财务部",
    "環境": "本番",
    "팀": "데스크톱",
    "emoji": "🚀🐧✅",
    "🏷️": "flag-🇷🇺-family-👨‍👩‍👧",
    "القسم": "المالية",
    "סביבה": "ייצור",
    "mixed-rtl": "finance المالية 2026",
    "combining": "cafe\u0301 (e + U+0301)",
    _LONG_KEY: _LONG_VALUE,
}

_ACTIVE_LABELS: Final = {
    "os": "ubuntu",
    "os-version": "22-04",
    "env": "production",
    "team": "desktop-ops",
    "owner": "p-ivanov",
    "department": "finance",
    "cost-center": "cc-1042",
    "managed-by": "terraform",
    "backup": "daily",
    "gpu": "none",
}


def _canonical(body: dict[str, object]) -> dict[str, object]:
    """:func:`inspector.demo.canonical.canonical`, loaded with the first answer: the window lists
    the samples before its first paint, and the gateway's rules need the timestamp module."""
    from inspector.demo.canonical import canonical as written

    return written(body)


def _image(image_id: str, summary: str, *, delay_seconds: float = 0.0, **body: object) -> DemoImage:
    """A sample as the gateway writes it: defaults left out, canonical forms (written when
    first served: the window lists the samples before its first paint)."""
    written = cache(lambda: _canonical({"id": image_id, **body}))
    return DemoImage(image_id, summary, make_body=written, delay_seconds=delay_seconds)


def _numbered(image_id: str, summary: str, count: int, **body: object) -> DemoImage:
    """A sample with ``count`` numbered labels, made the first time it is served."""
    labels = cache(lambda: _canonical({"id": image_id, **body, "labels": numbered_labels(count)}))
    return DemoImage(image_id, summary, make_body=labels)


def _robust(image_id: str, summary: str, **body: object) -> DemoImage:
    """A robustness case: a form protobuf's parser accepts but a gateway does not write."""
    return DemoImage(image_id, f"robustness: {summary}", make_body=fixed({"id": image_id, **body}))


def _error(
    image_id: str, summary: str, http_status: int, grpc_code: int, message: str
) -> DemoImage:
    return DemoImage(image_id, summary, error=DemoError(http_status, grpc_code, message))


_SAMPLES: Final = (
    _image(
        DEFAULT_IMAGE_ID,
        "ACTIVE, Ubuntu 22.04, 10 labels",
        folderId=FOLDER_ID,
        createdAt="2026-11-20T09:15:42.123456789Z",
        status="ACTIVE",
        name="ubuntu-22-04-office",
        description=(
            "Ubuntu 22.04 LTS with LibreOffice and the corporate VPN client, "
            "copied from the finance team's golden Compute image."
        ),
        labels=_ACTIVE_LABELS,
        storageSize="21474836480",
        minDiskSize="64424509440",
    ),
    _image(
        "e3vdemocreating00001",
        "CREATING, Ubuntu 24.04, started today",
        folderId=FOLDER_ID,
        createdAt="2026-11-27T08:01:17.5Z",
        status="CREATING",
        name="ubuntu-24-04-dev",
        labels={"os": "ubuntu", "os-version": "24-04", "env": "staging"},
        minDiskSize="34359738368",
    ),
    _image(
        "e3vdemodeleting00001",
        "DELETING, old Debian 11 image",
        folderId=FOLDER_ID,
        createdAt="2025-10-03T17:45:00.25Z",
        status="DELETING",
        name="debian-11-legacy",
        labels={"os": "debian", "retire": "yes"},
        storageSize="8589934592",
        minDiskSize="21474836480",
    ),
    _image(
        "e3vdemounspecified01",
        "STATUS_UNSPECIFIED (left out of the body: the default)",
        folderId=FOLDER_ID,
        createdAt="2025-01-15T06:30:12.345Z",
        status="STATUS_UNSPECIFIED",
        name="status-unspecified",
        labels={"note": "the-server-sent-the-zero-enum-value"},
        storageSize="1073741824",
        minDiskSize="1073741824",
    ),
    _image(
        "e3vdemoarchived00001",
        "unknown status ARCHIVED",
        folderId=FOLDER_ID,
        createdAt="2024-08-19T11:11:11.050Z",
        status="ARCHIVED",
        name="archived-by-newer-server",
        labels={"note": "status-not-in-this-build"},
        storageSize="5368709120",
        minDiskSize="10737418240",
    ),
    _image(
        "e3vdemonolabels00001",
        "ACTIVE, no labels field, time without fraction",
        folderId=FOLDER_ID,
        createdAt="2024-02-29T23:59:59Z",
        status="ACTIVE",
        name="no-labels",
        storageSize="3221225472",
        minDiskSize="10737418240",
    ),
    _image(
        "e3vdemoemptylabels01",
        "ACTIVE, an empty label map (left out of the body)",
        folderId=FOLDER_ID,
        createdAt="2025-07-04T18:05:33.123450Z",
        status="ACTIVE",
        name="empty-labels",
        labels={},
        storageSize="4294967296",
        minDiskSize="10737418240",
    ),
    _numbered(
        "e3vdemolabels0000300",
        "ACTIVE, 300 labels",
        300,
        folderId=FOLDER_ID,
        createdAt="2026-03-08T10:20:30.654321Z",
        status="ACTIVE",
        name="many-labels",
        storageSize="16106127360",
        minDiskSize="32212254720",
    ),
    _numbered(
        "e3vdemolabels0001000",
        "ACTIVE, 1000 labels (benchmarks)",
        1000,
        folderId=FOLDER_ID,
        createdAt="2026-04-01T00:00:00.123456700Z",
        status="ACTIVE",
        name="thousand-labels",
        storageSize="16106127360",
        minDiskSize="32212254720",
    ),
    _image(
        "e3vdemounicode000001",
        "ACTIVE, Cyrillic/CJK/emoji/RTL and 200+ char labels",
        folderId=OTHER_FOLDER_ID,
        createdAt="2026-01-01T04:59:59.987654320Z",
        status="ACTIVE",
        name="рабочий-стол-бухгалтерии",
        description="Образ для бухгалтерии: офисный пакет, 財務ツール, أدوات المالية.",
        labels=_UNICODE_LABELS,
        storageSize="32212254720",
        minDiskSize="53687091200",
    ),
    _image(
        "e3vdemohugesizes0001",
        "ACTIVE, sizes past 2**53 (int64 max)",
        folderId=FOLDER_ID,
        createdAt="2026-09-09T09:09:09.000000001Z",
        status="ACTIVE",
        name="huge-sizes",
        labels={"note": "float64-would-round-these"},
        storageSize="9007199254740993",
        minDiskSize="9223372036854775807",
    ),
    _image(
        "e3vdemomintime000001",
        "ACTIVE, earliest createdAt 0001-01-01",
        folderId=FOLDER_ID,
        createdAt="0001-01-01T00:00:00Z",
        status="ACTIVE",
        name="earliest-time",
        storageSize="1073741824",
        minDiskSize="1073741824",
    ),
    _image(
        "e3vdemomaxtime000001",
        "ACTIVE, latest createdAt 9999-12-31, 9 digits",
        folderId=FOLDER_ID,
        createdAt="9999-12-31T23:59:59.999999999Z",
        status="ACTIVE",
        name="latest-time",
        storageSize="1073741824",
        minDiskSize="1073741824",
    ),
    _image("e3vdemosparse0000001", "only id and status", status="ACTIVE"),
    _image(
        "e3vdemodefaults00001",
        "every field at its default (all left out but id and createdAt)",
        createdAt="2026-10-01T08:00:00Z",
    ),
    _image(
        "e3vdemoextrafields01",
        "ACTIVE, unknown extra fields",
        folderId=FOLDER_ID,
        createdAt="2026-11-26T14:00:00.000Z",
        status="ACTIVE",
        name="extra-fields",
        labels={"os": "windows"},
        storageSize="42949672960",
        minDiskSize="85899345920",
        kind="standard",
        osInfo={"family": "windows", "version": "11"},
        replicas=3,
    ),
    _image(
        "e3vdemoslow000000001",
        "ACTIVE, answers after 3 s (try Cancel)",
        delay_seconds=3.0,
        folderId=FOLDER_ID,
        createdAt="2026-06-01T12:00:00Z",
        status="ACTIVE",
        name="slow-answer",
        storageSize="10737418240",
        minDiskSize="21474836480",
    ),
    _robust(
        "e3vrobustdefaults001",
        "every default sent explicitly",
        folderId="",
        createdAt="2026-10-01T08:00:00Z",
        status="STATUS_UNSPECIFIED",
        name="",
        description="",
        labels={},
        storageSize="0",
        minDiskSize="0",
    ),
    _robust(
        "e3vrobustoffset00001",
        "createdAt with a +03:00 offset and 5 digits",
        folderId=ROBUSTNESS_FOLDER_ID,
        createdAt="2025-07-04T21:05:33.12345+03:00",
        status="ACTIVE",
        name="offset-time",
    ),
    _robust(
        "e3vrobustnumbers0001",
        "status as a number, int64 as a JSON number and an exponent",
        folderId=ROBUSTNESS_FOLDER_ID,
        createdAt="2026-02-03T04:05:06.7Z",
        status=2,
        name="number-forms",
        storageSize=21474836480,
        minDiskSize="6.442450944e10",
    ),
    _robust(
        "e3vrobustenum0000007",
        "status number 7, which this build has no name for",
        folderId=ROBUSTNESS_FOLDER_ID,
        createdAt="2026-02-03T04:05:06.78Z",
        status=7,
        name="unknown-enum-number",
    ),
    _error(
        "e3vdemoerror40100001",
        "error: 401 UNAUTHENTICATED",
        401,
        16,
        "Token is invalid or has expired.",
    ),
    _error("e3vdemoerror40300001", "error: 403 PERMISSION_DENIED", 403, 7, "Permission denied"),
    _error(
        "e3vdemoerror40400001",
        "error: 404 NOT_FOUND",
        404,
        5,
        "Desktop image e3vdemoerror40400001 not found",
    ),
    _error(
        "e3vdemoerror42900001",
        "error: 429 RESOURCE_EXHAUSTED",
        429,
        8,
        "Quota limit vdi.api.requests.rate exceeded",
    ),
    _error("e3vdemoerror50000001", "error: 500 INTERNAL", 500, 13, "Internal error"),
    _error("e3vdemoerror50300001", "error: 503 UNAVAILABLE", 503, 14, "Service unavailable"),
)

DEMO_IMAGES: Final[dict[str, DemoImage]] = {sample.image_id: sample for sample in _SAMPLES}

EMPTY_FOLDER_ID: Final = "b1gdemoemptyfolder01"
_TEAMS: Final = ("finance", "design", "support", "dev", "sales", "ops", "legal", "hr")
_SYSTEMS: Final = ("ubuntu-22-04", "ubuntu-24-04", "debian-12", "windows-11", "astra-1-7")
_STATUS_CYCLE: Final = ("ACTIVE", "ACTIVE", "ACTIVE", "CREATING", "ACTIVE", "DELETING", "ACTIVE")


def _folder_image(index: int) -> DemoImage:
    """One of the many ordinary images that make the demo folder span several pages."""
    team = _TEAMS[index % len(_TEAMS)]
    system = _SYSTEMS[index % len(_SYSTEMS)]
    image_id = f"e3vdemofolder{index:07d}"
    day = 1 + index * 7 % 28
    month = 1 + index * 5 % 12
    created = f"{2022 + index % 4}-{month:02d}-{day:02d}T{index % 24:02d}:{index % 60:02d}:00Z"
    return _image(
        image_id,
        f"{system} for {team}",
        folderId=FOLDER_ID,
        createdAt=created,
        status=_STATUS_CYCLE[index % len(_STATUS_CYCLE)],
        name=f"{system}-{team}-{index:03d}",
        labels={"os": system.split("-")[0], "team": team},
        storageSize=str((4 + index % 29) * 1024**3 + index * 1_048_576),
        minDiskSize=str((16 + 8 * (index % 7)) * 1024**3),
    )


def folder_images() -> dict[str, DemoImage]:
    """The images that exist so the folder ``FOLDER_ID`` lists as several pages (not in the
    sample list). Made when the demo API starts serving, not when the window lists the
    samples before its first paint."""
    return {image.image_id: image for image in (_folder_image(index) for index in range(1, 107))}
