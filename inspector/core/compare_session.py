"""The window's comparison of two images (Image, Compare with...): each side an image ID,
fetched through the window's client, or a file (a support bundle or a saved body), in any
combination. No Qt: the dialog is reached through the small :class:`CompareView` protocol.

The running comparison is owned here (a task only the loop references can be collected
mid-run) and a new request cancels the old one, so a late answer never replaces a newer one.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from inspector.i18n import _

if TYPE_CHECKING:
    from inspector.api.client import ImageClient
    from inspector.api.models import DesktopImage
    from inspector.core.compare import Comparison

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
        self._task: asyncio.Task[None] | None = None

    def start(self, client: ImageClient) -> None:
        self._client = client

    async def stop(self) -> None:
        self._client = None
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    def compare(self, left: str, right: str) -> None:
        """Compare the two sources; a comparison still running is cancelled."""
        if self._task is not None:
            self._task.cancel()
        self._view.show_busy()
        self._task = asyncio.get_event_loop().create_task(
            self._run(left.strip(), right.strip()), name="compare"
        )

    async def _run(self, left: str, right: str) -> None:
        from inspector.api.errors import InspectorError
        from inspector.core.bundle import CaptureError
        from inspector.core.compare import compare_images
        from inspector.present.errors import explain

        try:
            images = [await load_side(source, self._client) for source in (left, right)]
        except CaptureError as error:
            self._view.show_problem(
                _("cannot open {file}: {reason}").format(file=error.path.name, reason=error.reason)
            )
            return
        except InspectorError as error:
            explanation = explain(error)
            detail = f": {explanation.message}" if explanation.message else ""
            self._view.show_problem(f"{explanation.title}{detail}")
            return
        self._view.show_comparison(compare_images(images[0], images[1]), left, right)
