"""One tab: the fetch controller plus the troubleshooting aids that build on what it fetched.

The :class:`FetchController` runs one request at a time and reports each answer it shows; this
class takes those answers and keeps what the aids need: the raw exchange (raw view, copy as
curl, support bundle), the previous answer for the same ID (what changed), the history, and the
watch of an image that is CREATING or DELETING, which it drives by asking the controller to
fetch again after each delay. It also shows files opened from disk, marked OFFLINE. No Qt: the
page is a protocol and tests use a fake.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from inspector.api.client import FetchResult, ImageClient
from inspector.api.errors import InspectorError, UsageError
from inspector.api.inputs import validate_resource_id
from inspector.api.models import DesktopImage
from inspector.api.status_errors import NotFound
from inspector.api.transport import Exchange
from inspector.core.answers import Failure, Shown, failure_bundle, offline_note, since_text
from inspector.core.fetch import FetchController, PageView
from inspector.core.latest import LatestTask
from inspector.core.notify import Notifier
from inspector.core.watch import Watch, WatchPolicy, WatchStep, should_watch
from inspector.core.watch_state import WatchState
from inspector.i18n import _
from inspector.present.diff import ImageChanges, image_changes
from inspector.present.errors import explanation_lines
from inspector.present.exports import curl_command, image_json, request_ids_text, yc_command
from inspector.present.image import present_image
from inspector.present.raw import RawView, present_body, present_exchange
from inspector.present.times import now_ns

if TYPE_CHECKING:
    from inspector.core.bundle import OfflineResult
    from inspector.core.failed_call import FailedCapture

log = logging.getLogger(__name__)
_NANOS = 1_000_000_000


class TabPage(PageView, Protocol):
    """The page, with what the aids add to the controller's :class:`PageView`."""

    def show_raw(self, raw: Callable[[], RawView] | None) -> None:
        """``raw`` builds the raw view when it is first looked at (a big body takes time)."""

    def show_changes(self, changes: ImageChanges | None, since: str) -> None: ...

    def show_watch(self, state: WatchState) -> None:
        """The watch line; while ``state.watching`` the page asks :meth:`TabController.tick_watch`
        for the next one every second."""

    def show_offline(self, note: str | None) -> None: ...


class HistorySink(Protocol):
    def record(
        self, image_id: str, *, name: str | None, status: str | None, endpoint: str
    ) -> object: ...


Sleep = Callable[[float], Awaitable[None]]


class TabController:
    """Everything one tab does: fetch, and the aids around each answer."""

    def __init__(
        self,
        client: ImageClient,
        page: TabPage,
        *,
        notifier: Notifier,
        history: HistorySink | None = None,
        clock_ns: Callable[[], int] = now_ns,
        policy: WatchPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._client = client
        self._page = page
        self._notifier = notifier
        self._history = history
        self._clock_ns = clock_ns
        self._policy = policy or WatchPolicy()
        self._sleep = sleep
        self.fetcher = FetchController(client, page, clock_ns=clock_ns)
        self.fetcher.observer = self
        self.endpoint = self.fetcher.endpoint
        self.shown: Shown | None = None
        self.failure: Failure | None = None  # the last fetch failed: what to save for support
        self.watch: Watch | None = None
        self.watch_state = WatchState()
        self._poll = LatestTask()
        self._next_poll_ns: int | None = None

    # -- what the user asks for ---------------------------------------------------------------
    def fetch(self, raw_id: str) -> None:
        """Fetch ``raw_id``; watching another image stops."""
        if self.watch is not None and self.watch.image_id != raw_id.strip():
            self.stop_watch(quietly=True)
        self.fetcher.fetch(raw_id)

    def cancel(self) -> None:
        """Cancel the running fetch and any watch: Esc stops everything."""
        self.fetcher.cancel()
        self.stop_watch()

    def stop_watch(self, *, quietly: bool = False) -> None:
        self._cancel_poll()
        watch, self.watch = self.watch, None
        if watch is not None and watch.active:
            step = watch.stop()
            self._show_watch(self.watch_state.stopped("" if quietly else step.message))

    def open_offline(self, result: OfflineResult) -> None:
        """Show an answer read from a file like a live one, marked OFFLINE."""
        self.stop_watch(quietly=True)
        self.fetcher.cancel()
        self.failure = None
        now = self._clock_ns()
        image_id = result.image.id or result.source.name
        note = offline_note(result, now)
        caption = _("OFFLINE \u00b7 {id} \u00b7 from {file}").format(
            id=image_id, file=result.source.name
        )
        self._page.show_image(image_id, present_image(result.image, now), caption)
        self._page.show_offline(note)
        exchange = result.exchange
        if exchange is not None:
            self._page.show_raw(lambda: present_exchange(exchange, note=note))
        else:
            self._page.show_raw(lambda: present_body(result.raw, note))
        self._page.show_changes(None, "")
        self.shown = Shown(
            image_id,
            result.image,
            result.text,
            result.raw,
            result.exchange,
            result.captured_at_ns,
            result,
        )

    def open_failed(self, capture: FailedCapture) -> None:
        """Show a failed call read from its bundle: the error banner as it was, marked
        OFFLINE, with each attempt listed."""
        from inspector.present.failed_call import attempt_lines, failed_heading

        self.stop_watch(quietly=True)
        self.fetcher.cancel()
        self.failure = None
        self.shown = None  # the form is cleared: no earlier answer to copy or save
        explanation = capture.explanation
        copy_text = "\n".join(explanation_lines(explanation))
        self._page.show_error(capture.image_id, explanation, copy_text, keep_result=False)
        heading = failed_heading(
            capture.image_id, capture.source.name, capture.captured_at_ns, self._clock_ns()
        )
        note = "\n".join([heading, *attempt_lines(capture.attempts)])
        self._page.show_offline(note)
        body = capture.body.encode("utf-8")
        self._page.show_raw((lambda: present_body(body, note)) if body else None)
        self._page.show_changes(None, "")

    # -- exports --------------------------------------------------------------------------------
    def export_id(self) -> str | None:
        """The image ID the copied commands name: the one asked for (validated when it was
        fetched), or an opened file's once it passes the same check; never a URL from a file."""
        shown = self.shown
        if shown is None:
            return None
        if shown.offline is None:
            return shown.image_id
        try:
            return validate_resource_id(shown.image.id or "")
        except UsageError:
            return None

    def export_problem(self) -> str | None:
        """Why Copy as curl / yc are off for the answer shown, or None when they are on."""
        shown = self.shown
        if shown is None or shown.offline is None:
            return None
        try:
            validate_resource_id(shown.image.id or "")
        except UsageError as error:
            return _("Copy as curl and as yc are off for {file}: {reason}").format(
                file=shown.offline.source.name, reason=error
            )
        return None

    def curl_text(self) -> str | None:
        """The call for the shown image on the configured endpoint, with a fresh token."""
        image_id = self.export_id()
        return None if image_id is None else curl_command(self._client.image_url(image_id))

    def yc_text(self) -> str | None:
        image_id = self.export_id()
        return None if image_id is None else yc_command(image_id)

    def image_json_text(self) -> str | None:
        return None if self.shown is None else image_json(self.shown.text)

    def request_ids_text(self) -> str | None:
        shown = self.shown
        if shown is None or shown.exchange is None:
            return None
        return request_ids_text(shown.exchange.request_ids.as_pairs())

    def compare_source(self) -> str | None:
        """What *Compare with...* puts on side A: the file shown offline, else the image's ID."""
        shown = self.shown
        if shown is None:
            return None
        if shown.offline is not None:
            return str(shown.offline.source)
        return shown.image_id

    def _live(self) -> tuple[Shown, Exchange] | None:
        """The answer shown, if it came live (a file opened offline is already saved)."""
        shown = self.shown
        if shown is None or shown.exchange is None or shown.offline is not None:
            return None
        return shown, shown.exchange

    def support_bundle(self, versions: dict[str, str]) -> tuple[str, dict[str, Any]] | None:
        """The default file name and the bundle of the live answer shown (or of the failed
        fetch shown instead), if there is one."""
        from inspector.core.bundle import build_bundle, default_bundle_name

        if (failure := self.failure) is not None:
            return self._failure_name(failure), failure_bundle(failure, self.endpoint, versions)
        live = self._live()
        if live is None:
            return None
        shown, exchange = live
        result = FetchResult(image=shown.image, text=shown.text, exchange=exchange)
        bundle = build_bundle(
            result,
            image_id=shown.image_id,
            endpoint=self.endpoint,
            received_at_ns=shown.received_at_ns,
            versions=versions,
        )
        return default_bundle_name(shown.image_id, shown.received_at_ns), bundle

    def bundle_file_name(self) -> str | None:
        """The file name *Save for support* suggests, or None when there is nothing to save."""
        from inspector.core.bundle import default_bundle_name

        if self.failure is not None:
            return self._failure_name(self.failure)
        live = self._live()
        return (
            None if live is None else default_bundle_name(live[0].image_id, live[0].received_at_ns)
        )

    @staticmethod
    def _failure_name(failure: Failure) -> str:
        from inspector.core.bundle import default_bundle_name

        return default_bundle_name(f"{failure.image_id}-failed", failure.at_ns)

    def save_support_bundle(self, path: Path, qt_version: str, pyside_version: str) -> bool:
        """Write the bundle to ``path``; False when there is nothing to save, OSError on failure."""
        from inspector.core.bundle import environment, save_bundle

        saved = self.support_bundle(environment(qt_version, pyside_version))
        if saved is None:
            return False
        save_bundle(path, saved[1])
        return True

    async def aclose(self) -> None:
        self._next_poll_ns = None
        await self._poll.aclose()
        self.watch = None
        await self.fetcher.aclose()

    # -- FetchObserver: what the controller showed ----------------------------------------------
    def fetched(self, image_id: str, result: FetchResult, received_at_ns: int) -> None:
        self.failure = None
        previous = self.shown
        self.shown = Shown(
            image_id,
            result.image,
            result.text,
            result.exchange.raw,
            result.exchange,
            received_at_ns,
        )
        exchange = result.exchange
        self._page.show_raw(lambda: present_exchange(exchange, received_at_ns=received_at_ns))
        if previous is not None and previous.image_id == image_id:
            old_view = present_image(previous.image, received_at_ns)
            since = since_text(previous, received_at_ns)
            self._page.show_changes(image_changes(previous.image, result.image, old_view), since)
        else:
            self._page.show_changes(None, "")
        self._follow(image_id, result.image, received_at_ns)
        if self._history is not None:
            self._history.record(
                image_id,
                name=result.image.name,
                # None: the body left the status out, so it held its default.
                status=None if "status" in result.image.omitted else result.image.status,
                endpoint=self.endpoint,
            )

    def failed(self, image_id: str, error: InspectorError) -> None:
        self.failure = Failure(image_id, error, self.fetcher.last_attempts, self._clock_ns())
        watch = self.watch
        if watch is None or not watch.active or watch.image_id != image_id:
            return
        if isinstance(error, NotFound):
            self._apply(watch.observe_not_found(self._clock_ns()))
        else:
            self._apply(watch.observe_failure(str(error)))

    # -- watching -------------------------------------------------------------------------------
    def _follow(self, image_id: str, image: DesktopImage, now: int) -> None:
        watch = self.watch
        if watch is not None and watch.active and watch.image_id == image_id:
            self._apply(watch.observe_status(image.status, now, image.name))
            return
        if should_watch(image.status):
            created = None if image.created_at is None else image.created_at.epoch_nanos
            self.watch = Watch(
                image_id,
                image.status,
                started_ns=now,
                created_at_ns=created,
                name=image.name,
                policy=self._policy,
            )
            self._apply(self.watch.first_step())

    def _apply(self, step: WatchStep) -> None:
        if step.announcement is not None:
            self._notifier.notify(step.announcement.title, step.announcement.message)
        watch = self.watch
        if step.done or watch is None or step.delay is None:
            self._cancel_poll()
            self.watch = None
            self._show_watch(self.watch_state.finished(step.message))
            return
        self._schedule(watch.image_id, step.delay)
        self._show_watch(self.watch_state.news(step.message))

    def tick_watch(self) -> None:
        """A second has passed on the page's watch line: show the times as they are now."""
        if self.watch is not None and self.watch_state.watching:
            self._show_watch(self.watch_state)

    def _show_watch(self, state: WatchState) -> None:
        """Show ``state``, its progress brought up to now while watching."""
        watch = self.watch
        if watch is not None and state.watching:
            now = self._clock_ns()
            next_poll = self._next_poll_ns
            next_in = None if next_poll is None else max(0, next_poll - now) / _NANOS
            state = state.ticked(watch.progress(now, next_in), slow=watch.is_slow(now))
        self.watch_state = state
        self._page.show_watch(state)

    def _schedule(self, image_id: str, delay: float) -> None:
        self._cancel_poll()
        self._next_poll_ns = self._clock_ns() + int(delay * _NANOS)
        self._poll.start(
            lambda _generation: self._poll_after(image_id, delay), name=f"watch {image_id}"
        )

    async def _poll_after(self, image_id: str, delay: float) -> None:
        await self._sleep(delay)
        self._next_poll_ns = None
        log.debug("watch: checking %s again", image_id)
        self.fetcher.fetch(image_id)

    def _cancel_poll(self) -> None:
        self._poll.cancel()
        self._next_poll_ns = None
