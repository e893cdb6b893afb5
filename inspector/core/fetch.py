"""The fetch controller: owns the one running fetch, cancels it, drops stale answers.

The running task is held by a :class:`~inspector.core.latest.LatestTask`, whose generations make
sure a late answer to an old request is never shown; the page is reached through the small
:class:`PageView` protocol, so it needs no Qt and is tested with a plain fake.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from typing import Protocol

from inspector.api.client import Attempt, FetchResult, ImageClient
from inspector.api.errors import InspectorError, UsageError
from inspector.api.inputs import validate_resource_id
from inspector.api.retry import RetryNotice
from inspector.core.latest import LatestTask
from inspector.i18n import _
from inspector.present.errors import Explanation, explain, explanation_lines
from inspector.present.image import ImageView, present_image
from inspector.present.times import now_ns

log = logging.getLogger(__name__)


class PageView(Protocol):
    """What the controller needs from the page that shows one image."""

    def show_loading(self, image_id: str) -> None: ...

    def show_image(self, image_id: str, view: ImageView, caption: str) -> None: ...

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None: ...

    def show_cancelled(self, image_id: str) -> None: ...

    def show_retrying(
        self, image_id: str, attempt: int, attempts: int, delay_s: float, *, reason: str
    ) -> None: ...


class FetchObserver(Protocol):
    """Hears about every answer the page was given, for what builds on it (the aids)."""

    def fetched(self, image_id: str, result: FetchResult, received_at_ns: int) -> None: ...

    def failed(self, image_id: str, error: InspectorError) -> None: ...


def fetched_caption(image_id: str, result: FetchResult, fetched_at: float) -> str:
    """``e3v... · fetched at 10:15:42 in 35 ms``: which ID the form shows, and how fresh."""
    clock = time.strftime("%H:%M:%S", time.localtime(fetched_at))
    millis = result.exchange.elapsed_seconds * 1000
    return _("{id} \u00b7 fetched at {time} in {milliseconds} ms").format(
        id=image_id, time=clock, milliseconds=f"{millis:.0f}"
    )


class FetchController:
    """Runs ``DesktopImage.Get`` for one page, one request at a time."""

    def __init__(
        self,
        client: ImageClient,
        view: PageView,
        *,
        clock_ns: Callable[[], int] = now_ns,
    ) -> None:
        self._client = client
        self._view = view
        self._clock_ns = clock_ns
        self._latest = LatestTask()
        self._current_id: str | None = None
        self.endpoint = client.endpoint.base_url
        self.observer: FetchObserver | None = None
        # The attempts of the last fetch that ended, for a support bundle of a failure.
        self.last_attempts: list[Attempt] = []

    @property
    def busy(self) -> bool:
        return self._latest.busy

    @property
    def current_id(self) -> str | None:
        """The ID of the running fetch, if any."""
        return self._current_id if self.busy else None

    def fetch(self, raw_id: str) -> None:
        """Start fetching ``raw_id``; a running fetch is cancelled and its answer dropped."""
        try:
            image_id = validate_resource_id(raw_id)
        except UsageError as error:
            # The operator asked for something else: the running fetch ends here, so its answer
            # cannot land later on a page that no longer says it is fetching.
            self._latest.cancel()
            self._report(None, error, keep_result=True)
            return
        self._latest.cancel()
        self._current_id = image_id
        self._view.show_loading(image_id)
        self._latest.start(
            lambda generation: self._run(generation, image_id), name=f"fetch {image_id}"
        )

    def cancel(self) -> None:
        """Cancel the running fetch, if any, and tell the page."""
        image_id = self._current_id
        if self._latest.cancel() and image_id is not None:
            self._view.show_cancelled(image_id)

    async def aclose(self) -> None:
        """Cancel and wait for the running fetch, so nothing outlives the window."""
        await self._latest.aclose()

    async def _run(self, generation: int, image_id: str) -> None:
        attempts: list[Attempt] = []
        try:
            result = await self._client.get_image(
                image_id,
                on_retry=lambda notice: self._retrying(generation, image_id, notice),
                on_attempt=attempts.append,
            )
        except InspectorError as error:
            if self._latest.is_current(generation):
                self.last_attempts = attempts
                self._report(image_id, error, keep_result=False)
                if self.observer is not None:
                    self.observer.failed(image_id, error)
            return
        except Exception as error:  # a bug must not kill the page: log it and say so
            log.exception("unexpected error while fetching %s", image_id)
            if self._latest.is_current(generation):
                unexpected = InspectorError(
                    _("unexpected {error}; details are in the log file").format(
                        error=type(error).__name__
                    )
                )
                self._report(image_id, unexpected, keep_result=False)
            return
        if not self._latest.is_current(generation):
            log.debug("dropping a late answer for %s", image_id)
            return
        self.last_attempts = attempts
        now = self._clock_ns()
        view = present_image(result.image, now)
        self._view.show_image(image_id, view, fetched_caption(image_id, result, now / 1e9))
        if self.observer is not None:
            self.observer.fetched(image_id, result, now)

    def _retrying(self, generation: int, image_id: str, notice: RetryNotice) -> None:
        if self._latest.is_current(generation):
            self._view.show_retrying(
                image_id, notice.attempt, notice.attempts, notice.delay, reason=notice.reason
            )

    def _report(self, image_id: str | None, error: InspectorError, *, keep_result: bool) -> None:
        explanation = explain(error, endpoint=self.endpoint)
        copy_text = "\n".join(explanation_lines(explanation))
        self._view.show_error(image_id, explanation, copy_text, keep_result=keep_result)
