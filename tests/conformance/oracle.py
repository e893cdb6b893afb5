"""The oracle: the official SDK's messages, serialised exactly as the gateway does, and the
comparison of what the inspector made of them with what they hold.

Messages are built with hypothesis from ``yandexcloud``'s generated ``DesktopImage``,
``ListDesktopImagesResponse`` and ``google.rpc.Status``, and written with protobuf's own
``json_format`` (the canonical JSON mapping the REST gateway uses). Nothing here decides what a
value *should* look like on the wire: protobuf does.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

from google.protobuf import json_format
from google.rpc import error_details_pb2, status_pb2
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from yandex.cloud.clouddesktop.v1 import desktop_image_pb2, desktop_image_service_pb2

from inspector.api.models import WIRE_FIELDS, DesktopImage

PbImage = desktop_image_pb2.DesktopImage
PbList = desktop_image_service_pb2.ListDesktopImagesResponse
PbStatus = status_pb2.Status
PbRequestInfo = error_details_pb2.RequestInfo

# google.protobuf.Timestamp's range: 0001-01-01T00:00:00Z .. 9999-12-31T23:59:59.999999999Z.
MIN_SECONDS: Final = -62_135_596_800
MAX_SECONDS: Final = 253_402_300_799
INT64_EDGES: Final = (0, 1, 2**53 - 1, 2**53, 2**53 + 1, 2**63 - 1, -1, -(2**63))

THOROUGH: Final = os.environ.get("INSPECTOR_CONFORMANCE") == "thorough"


def budget(ci_examples: int) -> settings:
    """CI: a fixed seed and a small budget; ``INSPECTOR_CONFORMANCE=thorough``: 20 times more,
    random seeds (run it with ``--timeout 0``)."""
    return settings(
        max_examples=ci_examples * 20 if THOROUGH else ci_examples,
        derandomize=not THOROUGH,
        database=None,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
            HealthCheck.large_base_example,
        ],
    )


@dataclass
class Tally:
    """What the suite did, for the report at the end of the run."""

    messages: int = 0
    fields: int = 0

    def compare(self, what: str, shown: object, expected: object) -> None:
        self.fields += 1
        assert shown == expected, f"{what}: shown {shown!r}, the message holds {expected!r}"


TALLY = Tally()

# -- strategies -----------------------------------------------------------------------------------

_huge_text = st.builds(
    lambda char, count: char * count,
    st.characters(codec="utf-8"),
    st.integers(5_000, 40_000),
)
texts = st.one_of(st.just(""), st.text(max_size=40), _huge_text)
int64s = st.one_of(st.sampled_from(INT64_EDGES), st.integers(-(2**63), 2**63 - 1))
statuses = st.one_of(
    st.sampled_from([0, 1, 2, 3]),
    st.integers(4, 2**31 - 1),
    st.integers(-(2**31), -1),
)
nanos = st.one_of(
    st.just(0),
    st.integers(1, 999).map(lambda millis: millis * 1_000_000),
    st.integers(1, 999_999).map(lambda micros: micros * 1000),
    st.integers(1, 999_999_999),
)
timestamps = st.one_of(
    st.none(),
    st.tuples(
        st.one_of(
            st.sampled_from([MIN_SECONDS, MAX_SECONDS, 0]), st.integers(MIN_SECONDS, MAX_SECONDS)
        ),
        nanos,
    ),
)


def _numbered(count: int) -> dict[str, str]:
    return {f"label-{index:04d}": f"value-{index:04d}" for index in range(count)}


labels = st.one_of(
    st.dictionaries(st.text(max_size=63), st.text(max_size=63), max_size=6),
    st.integers(0, 1000).map(_numbered),
    st.dictionaries(_huge_text, _huge_text, max_size=1),
)


@st.composite
def pb_images(draw: st.DrawFn, label_maps: st.SearchStrategy[dict[str, str]] = labels) -> Any:
    """A ``DesktopImage`` with every field drawn, defaults included."""
    status: Any = draw(statuses)  # an open enum: numbers without a name are allowed
    message = PbImage(
        id=draw(texts),
        folder_id=draw(texts),
        status=status,
        name=draw(texts),
        description=draw(texts),
        storage_size=draw(int64s),
        min_disk_size=draw(int64s),
    )
    message.labels.update(draw(label_maps))
    created = draw(timestamps)
    if created is not None:
        message.created_at.seconds, message.created_at.nanos = created
    return message


@st.composite
def pb_lists(draw: st.DrawFn) -> Any:
    """A one-page ``ListDesktopImagesResponse`` of 0..5 images with distinct IDs."""
    small_labels = st.dictionaries(st.text(max_size=20), st.text(max_size=20), max_size=4)
    images = draw(
        st.lists(pb_images(small_labels), max_size=5, unique_by=lambda message: message.id)
    )
    response = PbList()
    response.desktop_images.extend(images)
    return response


@st.composite
def pb_statuses(draw: st.DrawFn) -> Any:
    """A ``google.rpc.Status`` error body: any code, any message, 0..2 RequestInfo details."""
    status = PbStatus(code=draw(st.integers(0, 16)), message=draw(texts))
    for request_id in draw(st.lists(st.text(max_size=40), max_size=2)):
        status.details.add().Pack(PbRequestInfo(request_id=request_id))
    return status


@st.composite
def serialisers(draw: st.DrawFn) -> Callable[[Any], bytes]:
    """``json_format.MessageToJson`` as a gateway may call it: compact or indented, ASCII or not."""
    indent = draw(st.sampled_from([None, 2]))
    ensure_ascii = draw(st.booleans())

    def write(message: Any) -> bytes:
        text = json_format.MessageToJson(message, indent=indent, ensure_ascii=ensure_ascii)
        return str(text).encode("utf-8")

    return write


# -- what the message holds, in the inspector's terms ---------------------------------------------


def status_name(number: int) -> str:
    """The enum value's name, or its number when the schema has no name for it."""
    try:
        return str(PbImage.Status.Name(number))
    except ValueError:
        return str(number)


def created(message: Any) -> tuple[int, int] | None:
    if not message.HasField("created_at"):
        return None
    return int(message.created_at.seconds), int(message.created_at.nanos)


def compare_image(message: Any, wire: dict[str, Any], image: DesktopImage) -> None:
    """Every field the client parsed equals the message's; omitted ones are exactly those left
    out of the body, and nothing else came."""
    stamp = image.created_at
    TALLY.compare("id", image.id, message.id)
    TALLY.compare("folderId", image.folder_id, message.folder_id)
    TALLY.compare("name", image.name, message.name)
    TALLY.compare("description", image.description, message.description)
    TALLY.compare("status", image.status, status_name(message.status))
    TALLY.compare("storageSize", image.storage_size, message.storage_size)
    TALLY.compare("minDiskSize", image.min_disk_size, message.min_disk_size)
    TALLY.compare("labels", image.labels, dict(message.labels))
    TALLY.compare(
        "createdAt", None if stamp is None else (stamp.epoch_seconds, stamp.nanos), created(message)
    )
    TALLY.compare("omitted", image.omitted, frozenset(WIRE_FIELDS) - wire.keys())
    TALLY.compare("unknown fields", image.unknown_fields, {})
