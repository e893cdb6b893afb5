"""What the demo API answers for one ID: a body or an error, maybe late.

Kept apart from the samples themselves (:mod:`inspector.demo.data`), which are a long list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple


class DemoError(NamedTuple):
    """An error answer as the API gives it: HTTP status, gRPC code and message."""

    http_status: int
    grpc_code: int
    message: str


@dataclass(frozen=True, slots=True)
class DemoImage:
    """One demo ID and what the demo API answers for it: a body or an error, maybe late.

    The body is made by ``make_body`` when first asked for: the samples with hundreds of labels
    cost memory only once they are served (the demo list needs their IDs and summaries alone).
    """

    image_id: str
    summary: str
    make_body: Callable[[], dict[str, object]] | None = None
    error: DemoError | None = None
    delay_seconds: float = 0.0

    def __post_init__(self) -> None:
        if (self.make_body is None) == (self.error is None):
            raise ValueError(f"{self.image_id}: give exactly one of a body and an error")

    @property
    def body(self) -> dict[str, object] | None:
        """The JSON object the API answers with (the same object each time)."""
        return None if self.make_body is None else self.make_body()


def fixed(body: dict[str, object]) -> Callable[[], dict[str, object]]:
    """A body made already."""
    return lambda: body
