"""The window's comparison of two images (Image, Compare with...): each side an image ID,
fetched through the window's client, or a file (a support bundle or a saved body), in any
combination. No Qt: the dialog is reached through the small :class:`CompareView` protocol.

The running comparison is held by a :class:`~inspector.core.latest.LatestTask`: a new request
cancels the old one, and a late answer never replaces a newer one.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from inspector.core.latest import LatestTask
from inspector.i18n import _

if TYPE_CHECKING:
    from inspector.api.client import ImageClient
    from inspector.api.errors import InspectorError
    from inspector.api.models import DesktopImage
    from inspector.core.bundle import CaptureError
    from inspector.present.comparison import Comparison

log = logging.getLogger(__name__)


class CompareView(Protocol):
    def show_busy(self) -> None: ...

    def show_comparison(self, comparison: Comparison, left: str, right: str) -> None: ...

    def show_problem(self, text: str) -> None: ...


def is_file_source(text: str) -> bool:
    """A file when such a file exists or the text looks like a path; otherwise an image ID."""
    return Path(text).exists() or "/" in text or "\\" in text or text.endswith(".json")


async def load_side(source: str, client: ImageClient | None) -> DesktopImage:
    """The image ``source`` names: read from a file, or fetched (raises the typed errors)."""
    from inspector.api.errors import UsageError
    from inspector.api.inputs import validate_resource_id
    from inspector.core.bundle import load_capture

    text = source.strip()
    if not text:
        raise UsageError(_("give an image ID or a file on each side"))
    if is_file_source(text):
        return load_capture(Path(text)).image
    image_id = validate_resource_id(text)
    if client is None:
        raise UsageError(_("not connected yet: try again in a moment"))
    return (await client.get_image(image_id)).image


class CompareSession:
    """Runs one comparison at a time for the window's compare dialog."""

    def __init__(self, view: CompareView) -> None:
        self._view = view
        self._client: ImageClient | None = None
        self._latest = LatestTask()

    def start(self, client: ImageClient) -> None:
        self._client = client

    async def stop(self) -> None:
        self._client = None
        await self._latest.aclose()

    def compare(self, left: str, right: str) -> None:
        """Compare the two sources; a comparison still running is cancelled."""
        self._latest.cancel()
        self._view.show_busy()
        self._latest.start(
            lambda generation: self._run(generation, left.strip(), right.strip()), name="compare"
        )

    async def _run(self, generation: int, left: str, right: str) -> None:
        from inspector.api.errors import InspectorError
        from inspector.core.bundle import CaptureError
        from inspector.present.comparison import compare_images

        try:
            images = [await load_side(source, self._client) for source in (left, right)]
        except (CaptureError, InspectorError) as error:
            if self._latest.is_current(generation):
                self._view.show_problem(_problem(error))
            return
        if self._latest.is_current(generation):
            self._view.show_comparison(compare_images(images[0], images[1]), left, right)


def _problem(error: CaptureError | InspectorError) -> str:
    """One line for the dialog: which file could not be opened, or the error's title."""
    from inspector.api.errors import InspectorError
    from inspector.present.errors import explain

    if not isinstance(error, InspectorError):
        return _("cannot open {file}: {reason}").format(file=error.path.name, reason=error.reason)
    explanation = explain(error)
    detail = f": {explanation.message}" if explanation.message else ""
    return f"{explanation.title}{detail}"
