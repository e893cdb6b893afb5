"""The browse controller: owns the one running listing, pages on demand, drops stale pages.

Like :mod:`inspector.core.fetch` it needs no Qt: the task that fetches a page is held by a
:class:`~inspector.core.latest.LatestTask`, whose generations make sure a late page of an old
listing is never shown, and the browser is reached through the small :class:`BrowseView`
protocol.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from inspector.api.client import ImageClient
from inspector.api.errors import InspectorError, UsageError
from inspector.api.list_query import make_query
from inspector.api.listing import ListedPage, Pager
from inspector.core.latest import LatestTask
from inspector.i18n import _
from inspector.present.listing import (
    ImageRow,
    describe_query,
    explain_listing,
    explanation_text,
    present_listed,
    restart_note,
    stop_note,
)
from inspector.present.times import now_ns

log = logging.getLogger(__name__)

BROWSE_PAGE_SIZE = 50


class BrowseView(Protocol):
    """What the controller needs from the folder browser."""

    def show_listing(self, description: str) -> None:
        """A new listing started: the old rows go."""

    def show_page(self, rows: list[ImageRow], *, more: bool, replace: bool) -> None:
        """Rows of one page, appended (or replacing all rows after a restart)."""

    def set_loading(self, loading: bool) -> None: ...

    def show_note(self, text: str) -> None:
        """Something the operator should know that is not an error (empty, restarted...)."""

    def show_error(self, title: str, text: str) -> None:
        """What went wrong, with the request ids; the rows already shown stay."""


class BrowseController:
    """Lists one folder at a time for the browser; pages come when the view asks for them."""

    def __init__(
        self,
        client: ImageClient,
        view: BrowseView,
        *,
        page_size: int = BROWSE_PAGE_SIZE,
        clock_ns: Callable[[], int] = now_ns,
    ) -> None:
        self._client = client
        self._view = view
        self._page_size = page_size
        self._clock_ns = clock_ns
        self._latest = LatestTask()
        self._pager: Pager | None = None
        self._load_all = False

    @property
    def busy(self) -> bool:
        return self._latest.busy

    def list(self, folder_id: str, name: str = "", order_by: str = "") -> str | None:
        """Start listing; returns the checked folder ID, or ``None`` when the input was refused.

        A running listing is cancelled and its late pages are dropped.
        """
        try:
            query = make_query(folder_id, name=name, order_by=order_by, page_size=self._page_size)
        except UsageError as error:
            self._report(error)
            return None
        self._latest.cancel()
        self._pager = Pager(self._client, query)
        self._load_all = False
        self._view.show_listing(describe_query(query))
        self._start()
        return query.folder_id

    def fetch_more(self) -> None:
        """Fetch the next page, unless one is on its way or there is none."""
        if not self.busy and self._pager is not None and not self._pager.finished:
            self._start()

    def load_all(self) -> None:
        """Keep fetching pages until the last one (or an error, or :meth:`stop`)."""
        self._load_all = True
        self.fetch_more()

    def stop(self) -> None:
        """Stop the page on its way; the rows already shown stay, paging can resume."""
        self._load_all = False
        if self._latest.cancel():
            self._view.set_loading(False)

    async def aclose(self) -> None:
        """Cancel and wait for the running page, so nothing outlives the window."""
        await self._latest.aclose()

    def _start(self) -> None:
        pager = self._pager
        assert pager is not None
        self._view.set_loading(True)
        self._latest.start(
            lambda generation: self._run(generation, pager), name=f"list {pager.query.folder_id}"
        )

    async def _run(self, generation: int, pager: Pager) -> None:
        while True:
            try:
                page = await pager.next_page()
            except InspectorError as error:
                if self._latest.is_current(generation):
                    self._failed(error)
                return
            except Exception as error:  # a bug must not kill the browser: log it and say so
                log.exception("unexpected error while listing %s", pager.query.folder_id)
                if self._latest.is_current(generation):
                    self._failed(
                        InspectorError(
                            _("unexpected {error}; details are in the log file").format(
                                error=type(error).__name__
                            )
                        )
                    )
                return
            if not self._latest.is_current(generation):
                log.debug("dropping a late page of %s", describe_query(pager.query))
                return
            self._show(pager, page)
            if not (self._load_all and page.more):
                self._view.set_loading(False)
                return

    def _show(self, pager: Pager, page: ListedPage) -> None:
        now = self._clock_ns()
        rows = [present_listed(item, now) for item in page.images]
        self._view.show_page(rows, more=page.more, replace=page.restart is not None)
        if page.restart is not None:
            self._view.show_note(restart_note(page.restart))
        if page.stop is not None:
            self._view.show_note(stop_note(page.stop))
        if pager.loaded == 0 and not page.more and page.stop is None:
            where = describe_query(pager.query)
            self._view.show_note(_("No images in {where}.").format(where=where))

    def _failed(self, error: InspectorError) -> None:
        self._load_all = False
        self._view.set_loading(False)
        self._report(error)

    def _report(self, error: InspectorError) -> None:
        explanation = explain_listing(error, endpoint=self._client.endpoint.base_url)
        self._view.show_error(explanation.title, explanation_text(explanation))
