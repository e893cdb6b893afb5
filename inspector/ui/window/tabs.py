"""The window's tabs wired to their controllers, and the aids shared by all tabs.

Each tab's page gets its own :class:`TabController` (its own fetch, watch and last answer, and
the copy and save actions of the window), kept here by page: neither knows the other, the page
sends intents and the controller talks to it through its protocol. The history and opening
files, which may create a tab, are shared, so they live here too. It only connects signals and
calls methods: no widget is built here (the history panel is wired when the window first builds
it). It is made after the window's first paint; the HTTP and model libraries are imported only
once a client starts.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING

from inspector.api.status_enum import DEFAULT_STATUS
from inspector.config.history import History, HistoryEntry
from inspector.core.latest import Background, LatestTask
from inspector.i18n import _, conventions
from inspector.present.defaults import with_mark

if TYPE_CHECKING:
    from inspector.core.client_loop import Client
    from inspector.core.tab import TabController
    from inspector.core.watch import WatchPolicy
    from inspector.ui.browser.history_panel import HistoryPanel, HistoryRow
    from inspector.ui.page.image_page import ImagePage
    from inspector.ui.page.page_actions import PageActions
    from inspector.ui.window.main_window import MainWindow

log = logging.getLogger(__name__)
# Fetches in a burst (a watch, F5 held down) are saved once, this long after the first.
SAVE_DELAY_SECONDS = 0.5


class SharedHistory:
    """The history file behind the history panel: every record and search updates the panel.

    A fetch only changes the history in memory; the file is written soon after, on a worker
    thread, so neither a fetch nor the window ever waits for the disk.
    """

    def __init__(self, window: MainWindow, history: History) -> None:
        self._window = window
        self.history = history
        self._query = ""
        self._saving = LatestTask()
        # A thread of its own, ended on close: the loop's default executor (qasync's QThread)
        # would still be running when the process exits, and Qt aborts on that.
        self._writer: ThreadPoolExecutor | None = None
        window.presentingChanged.connect(lambda _on: self.refresh())
        window.history_part.when_built(self._wire_panel)

    def _wire_panel(self, panel: HistoryPanel) -> None:
        """The history panel, once it is first opened: its rows, and what it asks for."""
        panel.queryChanged.connect(self.search)
        panel.clearRequested.connect(self.clear)
        self.refresh()

    def record(
        self, image_id: str, *, name: str | None, status: str | None, endpoint: str
    ) -> object:
        entry = self.history.record(image_id, name=name, status=status, endpoint=endpoint)
        self.refresh()
        if not self._saving.busy:
            self._saving.start(lambda _generation: self._save_soon(), name="history")
        return entry

    async def _save_soon(self) -> None:
        await asyncio.sleep(SAVE_DELAY_SECONDS)
        if self._writer is None:
            self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="history")
        await asyncio.get_running_loop().run_in_executor(self._writer, self.history.flush)
        if (panel := self._window.history_part.if_built()) is not None:
            panel.set_problem(self.history.problem)

    async def aclose(self) -> None:
        """Save what is not saved yet (the window is closing)."""
        await self._saving.aclose()
        if self._writer is not None:
            self._writer.shutdown(wait=True)
            self._writer = None
        self.history.flush()

    def search(self, query: str) -> None:
        self._query = query
        self.refresh()

    def clear(self) -> None:
        self.history.clear()
        self.refresh()

    def refresh(self) -> None:
        """Show the history's rows in the panel (nothing to do while it was never opened)."""
        panel = self._window.history_part.if_built()
        if panel is None:
            return
        from inspector.ui.browser.history_panel import HistoryRow

        mask = self._window.mask_text
        rows: list[HistoryRow] = [
            HistoryRow(
                image_id=entry.image_id,
                shown_id=mask(entry.image_id),
                name=mask(entry.name or ""),
                status=with_mark(DEFAULT_STATUS) if entry.status is None else entry.status,
                fetched=_when(entry),
                tooltip=mask(
                    _("{id} at {endpoint}").format(id=entry.image_id, endpoint=entry.endpoint)
                ),
            )
            for entry in self.history.search(self._query)
        ]
        panel.set_rows(rows, total=len(self.history.entries))
        panel.set_problem(self.history.problem)


def _when(entry: HistoryEntry) -> str:
    moment = time.localtime(entry.fetched_at)
    date = conventions().date.format(
        year=f"{moment.tm_year:04d}", month=f"{moment.tm_mon:02d}", day=f"{moment.tm_mday:02d}"
    )
    return f"{date} {moment.tm_hour:02d}:{moment.tm_min:02d}"


class TabSet:
    """One :class:`TabController` per tab of ``window``, plus the shared aids.

    It lives as long as the window; the controllers live as long as one client: :meth:`start`
    makes them for every tab, :meth:`stop` ends them (the user connected elsewhere, or the
    window is closing). A fetch asked for before :meth:`start` waits for it.
    """

    def __init__(
        self,
        window: MainWindow,
        *,
        history: History | None = None,
        watch_policy: WatchPolicy | None = None,
    ) -> None:
        self._window = window
        self._client: Client | None = None
        self._policy = watch_policy
        self.history = SharedHistory(window, history or History())
        self.tabs: dict[ImagePage, TabController] = {}
        self._pending: dict[ImagePage, str] = {}
        self._pending_files: list[str] = []
        self._closing = Background()
        for page in window.pages():
            self._wire(page)
        window.tabAdded.connect(self._added)
        window.tabClosed.connect(self._closed)
        window.openFileChosen.connect(self.open_file)
        window.history_part.when_built(lambda panel: panel.openRequested.connect(self.reopen))
        window.tabs.set_page_actions(self.actions)

    @property
    def current(self) -> TabController | None:
        return self.tabs.get(self._window.page)

    def actions(self, page: ImagePage) -> PageActions | None:
        """What the window's copy and save actions ask of ``page``'s tab (None before start)."""
        return self.tabs.get(page)

    def controller(self, page: ImagePage) -> TabController:
        """The controller of ``page``'s tab (there is one for every tab once started)."""
        return self.tabs[page]

    def start(self, client: Client) -> None:
        """Controllers for every tab, talking through ``client``; waiting fetches start."""
        self._client = client
        for page in self._window.pages():
            self._attach(page)
        files, self._pending_files = self._pending_files, []
        for path_text in files:
            self.open_file(path_text)

    async def stop(self) -> None:
        """End every tab's fetch and watch; the tabs stay, waiting for the next client."""
        self._client = None
        tabs = list(self.tabs.values())
        self.tabs.clear()
        await asyncio.gather(*(tab.aclose() for tab in tabs), self._closing.wait())

    def request_fetch(self, page: ImagePage, raw_id: str) -> None:
        """Fetch in ``page`` now, or as soon as the backend has loaded."""
        tab = self.tabs.get(page)
        if tab is None:
            self._pending[page] = raw_id
        else:
            tab.fetch(raw_id)

    def _wire(self, page: ImagePage) -> None:
        page.fetchRequested.connect(lambda raw_id: self.request_fetch(page, raw_id))
        page.cancelRequested.connect(lambda: self._cancel(page))
        page.stopWatchRequested.connect(lambda: self._stop_watch(page))
        page.watchTickRequested.connect(lambda: self._tick_watch(page))

    def _added(self, page: ImagePage) -> None:
        self._wire(page)
        if self._client is not None:
            self._attach(page)

    def _attach(self, page: ImagePage) -> None:
        from inspector.core.tab import TabController

        assert self._client is not None
        tab = TabController(
            self._client,
            page,
            notifier=self._window,
            history=self.history,
            policy=self._policy,
        )
        self.tabs[page] = tab
        if (raw_id := self._pending.pop(page, None)) is not None:
            tab.fetch(raw_id)

    def _cancel(self, page: ImagePage) -> None:
        tab = self.tabs.get(page)
        if tab is None:
            self._pending.pop(page, None)
        else:
            tab.cancel()

    def _stop_watch(self, page: ImagePage) -> None:
        if (tab := self.tabs.get(page)) is not None:
            tab.stop_watch()

    def _tick_watch(self, page: ImagePage) -> None:
        if (tab := self.tabs.get(page)) is not None:
            tab.tick_watch()

    def _closed(self, page: ImagePage) -> None:
        """A closed tab: its fetch and watch end in the background."""
        self._pending.pop(page, None)
        tab = self.tabs.pop(page, None)
        if tab is None:
            return
        self._closing.start(tab.aclose(), name="close tab")

    def reopen(self, image_id: str) -> None:
        """An ID chosen in the history opens in the current tab."""
        self._window.page.open(image_id)

    def open_image(self, raw_id: str) -> None:
        """Fetch ``raw_id`` (an ID, or text holding one) in the current tab if it is free, else
        in a new one: what a later launch hands over."""
        page = self._window.page
        if not page.free:
            page = self._window.new_tab()
        page.open(raw_id)

    def open_file(self, path_text: str) -> None:
        """A bundle or JSON file: shown in the current tab if it is empty, else in a new one.

        Files given before the backend has loaded (``open FILE...``, a hand-over at start) wait
        for it, in order, like a fetch does.
        """
        from inspector.core.bundle import CaptureError
        from inspector.core.failed_call import FailedCapture, load_any

        if self._client is None:
            self._pending_files.append(path_text)
            return
        path = Path(path_text)
        try:
            result = load_any(path)
        except CaptureError as error:
            log.info("%s", error)
            self._window.show_file_error(str(error), str(path))
            return
        page = self._window.page
        if page.shown_id is not None or page.busy:
            page = self._window.new_tab()
        tab = self.tabs[page]
        if isinstance(result, FailedCapture):
            tab.open_failed(result)
            problem = None
        else:
            tab.open_offline(result)
            problem = tab.export_problem()
        self._window.sync_actions()
        self._window.show_status(problem or _("Opened {file} (offline)").format(file=path.name))
