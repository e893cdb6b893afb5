"""The folder browser's side of the session: which folder it starts with, and its listings.

The folder listed last is remembered per connection (a profile, or the demo) and is where the
browser starts next time; the demo starts at its folder of several pages, for a newcomer who
has none to type. Listings need the client: one asked for before it exists waits for it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from inspector.config.connection import Connection
    from inspector.core.browse import BrowseController
    from inspector.core.client_loop import Client
    from inspector.ui.browser.folder_browser import FolderBrowser
    from inspector.ui.window.main_window import MainWindow


def _demo_folder(connection: Connection) -> str:
    """The demo's folder of several pages, for a newcomer who has none to type."""
    if not connection.demo:
        return ""
    from inspector.demo.data import FOLDER_ID

    return FOLDER_ID


class FolderSession:
    """Wires ``window``'s folder browser (once it is built) to a listing of the client."""

    def __init__(self, window: MainWindow, connection: Connection) -> None:
        from inspector.config.settings import connection_key, load_folder_id

        self._window = window
        self.browse: BrowseController | None = None
        self._client: Client | None = None
        self._pending_listing: tuple[str, str, str] | None = None
        self._folder_key = connection_key(connection.profile, demo=connection.demo)
        self._first_folder = load_folder_id(self._folder_key) or _demo_folder(connection)
        window.browser_part.when_built(self._wire_browser)

    def _wire_browser(self, browser: FolderBrowser) -> None:
        """The folder browser, once it is first opened: its folder, and what it asks for."""
        browser.set_folder_id(self._first_folder)
        browser.listRequested.connect(self._list)
        # Paging needs a listing, so before the backend has loaded there is nothing to do.
        browser.moreRequested.connect(lambda: self.browse.fetch_more() if self.browse else None)
        browser.loadAllRequested.connect(lambda: self.browse.load_all() if self.browse else None)
        browser.stopRequested.connect(lambda: self.browse.stop() if self.browse else None)
        browser.imageChosen.connect(self._open_image)
        if self._client is not None:
            self._start_browsing(browser)

    def start(self, client: Client) -> None:
        """List folders with ``client`` from now on (at once if the browser exists)."""
        self._client = client
        if (browser := self._window.browser_part.if_built()) is not None:
            self._start_browsing(browser)

    async def stop(self) -> None:
        """Stop listing: the client is about to close."""
        if self.browse is not None:
            await self.browse.aclose()
        self.browse = self._client = None

    def switch(self, connection: Connection) -> None:
        """The browser starts at the folder last listed with ``connection``."""
        from inspector.config.settings import connection_key, load_folder_id

        self._folder_key = connection_key(connection.profile, demo=connection.demo)
        self._first_folder = load_folder_id(self._folder_key) or ""
        if (browser := self._window.browser_part.if_built()) is not None:
            browser.set_folder_id(self._first_folder)

    def _start_browsing(self, browser: FolderBrowser) -> None:
        """List folders with the running client (the browser and the client both exist)."""
        from inspector.core.browse import BrowseController

        assert self._client is not None
        self.browse = BrowseController(self._client, browser)
        if self._pending_listing is not None:
            self._list(*self._pending_listing)

    def _list(self, folder_id: str, name: str, order_by: str) -> None:
        if self.browse is None:
            self._pending_listing = (folder_id, name, order_by)  # listed once loaded
            return
        from inspector.config.settings import save_folder_id

        listed = self.browse.list(folder_id, name, order_by)
        if listed is not None:
            save_folder_id(self._folder_key, listed)

    def _open_image(self, image_id: str) -> None:
        """A fresh Get of the chosen image: a listing may leave out some of its labels."""
        self._window.page.open(image_id)
