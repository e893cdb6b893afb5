"""Window bootstrap: QApplication + qasync loop, lazy backend, clean shutdown.

Order matters for how fast the window appears: options are checked and the demo API's socket
bound, the window (the parts a first frame shows) is painted on Qt's own event loop, and only
after its first paint are logging, the demo API's server, asyncio, qasync, httpx and pydantic
loaded and the controllers built. Shutdown closes the httpx client before the loop ends,
because no ``await`` runs after ``aboutToQuit``. An exception nothing else caught is logged
with its traceback and shown without blocking; the window keeps working.
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from contextlib import ExitStack
from types import TracebackType
from typing import TYPE_CHECKING, Any

from inspector import APP_NAME, __version__
from inspector.api.errors import UsageError
from inspector.config.connection import Connection, resolve_connection
from inspector.config.options import DEFAULT_TIMEOUT, Options
from inspector.config.profiles import ProfilesFileError
from inspector.config.store import DamagedFile, set_aside
from inspector.i18n import _

if TYPE_CHECKING:
    import asyncio
    import socket
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from inspector.api.client import ImageClient
    from inspector.api.credentials.cache import TokenStatus
    from inspector.api.retry import RetryPolicy
    from inspector.core.browse import BrowseController
    from inspector.core.compare import Comparison
    from inspector.core.compare_session import CompareView
    from inspector.core.fetch import FetchController
    from inspector.core.instance import Listening, Request
    from inspector.core.watch import WatchPolicy
    from inspector.ui.browser.folder_browser import FolderBrowser
    from inspector.ui.dialogs.connection_switch import ConnectionSwitcher
    from inspector.ui.window.instance_listener import InstanceListener
    from inspector.ui.window.main_window import MainWindow
    from inspector.ui.window.window_state import WindowState

# Longer than any first paint measured; a window never exposed does not hold up the start.
FIRST_PAINT_LIMIT_MS = 1000


def run_window(options: Options) -> int:
    """Open the window and run until it is closed; returns the exit code.

    The shell is painted first, from as few imports as possible (Qt, the window and the
    options); logging, the demo API's server, qasync and the client stack load after that.
    """
    os.environ["QT_API"] = "pyside6"  # qasync would otherwise try PyQt5 first
    from inspector.config.logs import hold_early_records
    from inspector.ui.display import prepare_display

    if problem := prepare_display(self_test=options.self_test):
        print(problem, file=sys.stderr)
        return 1
    hold_early_records(options.log_level)
    listening = listen_for_later_launches(options)
    with ExitStack() as stack:
        if listening is not None:
            stack.callback(listening.close)
        demo_url: str | None = None
        demo_socket: socket.socket | None = None
        if options.demo:
            from inspector.demo import listen

            try:  # bound now, so the first frame can show where; served after it
                demo_socket = listen(options.demo_port)
            except OSError as error:
                message = _("the demo API could not listen on 127.0.0.1:{port}: {reason}")
                reason = message.format(port=options.demo_port, reason=error.strerror or error)
                print(_("error: {title}").format(title=reason), file=sys.stderr)
                return 1
            stack.callback(demo_socket.close)
            demo_url = f"http://127.0.0.1:{demo_socket.getsockname()[1]}"
        profiles_notice = None
        try:
            try:
                connection = resolve_connection(options.connection, demo_url=demo_url)
            except ProfilesFileError as error:
                profiles_notice = _set_profiles_aside(error)
                connection = resolve_connection(options.connection, demo_url=demo_url)
        except UsageError as error:
            print(_("error: {title}").format(title=error), file=sys.stderr)
            return 2

        app, window = _paint_shell(options, connection, demo_url)
        from inspector.config.logs import log_folder, setup_logging

        setup_logging(options.log_level, console=sys.stderr)
        window.set_log_folder(log_folder())
        if demo_socket is not None:
            from inspector.demo.server import DemoServer

            stack.enter_context(DemoServer(listening=demo_socket))
        if profiles_notice:
            window.show_settings_notice(profiles_notice)
        load_policy(window, options.policy)
        if options.self_test:
            from inspector.ui.selftest import run_self_test

            return run_self_test(app, window, connection, options)
        return _run_loop(app, window, connection, options, listening)


def _set_profiles_aside(error: ProfilesFileError) -> str:
    """A damaged profiles file must not keep the window shut: keep it aside, say so."""
    backup = set_aside(DamagedFile(error.path, str(error)))
    if backup is None:
        raise error
    return _("The profiles file could not be read ({reason}); it was kept as {backup}.").format(
        reason=error, backup=backup
    )


def load_policy(window: MainWindow, path: Path | None) -> None:
    """The label policy (``--policy``, else ``policy.toml`` in the config folder), read after the
    first paint; a broken one is said in a warning and nothing is checked."""
    from inspector.core.policy import PolicyError, find_policy

    try:
        window.set_policy(find_policy(path))
    except PolicyError as error:
        window.show_policy_error(str(error))


def _paint_shell(
    options: Options, connection: Connection, demo_url: str | None
) -> tuple[QApplication, MainWindow]:
    """Build the window as it was left, show it and return once it has painted.

    The docks open at the last close are built now, not after the paint: the first frame is
    laid out as the window will stay.
    """
    from PySide6.QtWidgets import QApplication

    from inspector.ui.module_sources import forget_sources_read_by_pyside

    forget_sources_read_by_pyside()  # before the window's modules and the client stack load
    from inspector.ui.window.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName("Cloud Desktop Image Inspector")  # untranslated
    app.setApplicationVersion(__version__)
    app.setOrganizationName("cloud-desktop-inspector")
    app.setDesktopFileName(APP_NAME)  # the .desktop file, for the icon on Wayland
    from inspector.resources import window_icon

    app.setWindowIcon(window_icon())
    app.setQuitOnLastWindowClosed(False)
    from inspector.ui import translations
    from inspector.ui.window.window_state import WindowState

    # The self-test compares what the window shows with English text.
    language = "en" if options.self_test else translations.window_language(options.lang)
    translations.install(app, language)
    state = WindowState()
    window = MainWindow()
    window.set_connection(connection.endpoint.base_url, connection.token_source)
    if demo_url:
        from inspector.demo.data import DEMO_IMAGES

        window.set_demo(
            demo_url, [(image.image_id, image.summary) for image in DEMO_IMAGES.values()]
        )
    if options.image_id is not None:
        window.page.id_edit.setText(options.image_id)  # in the first frame, fetched after it
    remember_window(window, state)
    window.open_docks(state.open_docks())
    window.show()
    wait_for_first_paint(window)
    return app, window


def wait_for_first_paint(window: MainWindow) -> None:
    """Run Qt's own event loop until ``window`` has painted (or a second has passed).

    A plain ``QEventLoop``, not qasync's: asyncio and qasync load only once the window is on
    screen. The limit keeps a window that is never exposed (minimized at start, on a
    hidden workspace) from holding up the rest of the start.
    """
    if window.painted:
        return
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    window.firstPainted.connect(loop.quit)
    QTimer.singleShot(FIRST_PAINT_LIMIT_MS, loop.quit)
    loop.exec()
    window.firstPainted.disconnect(loop.quit)


def remember_window(window: MainWindow, state: WindowState) -> None:
    """Put the window back as it was left, with the scheme and language chosen in its menus;
    keep each new choice at once and the layout when the window closes."""
    from inspector.config.language import saved_language
    from inspector.i18n import SYSTEM
    from inspector.ui.theme import Scheme

    try:
        scheme = Scheme(state.value("appearance/scheme") or Scheme.SYSTEM)
    except ValueError:
        scheme = Scheme.SYSTEM
    window.set_scheme_choice(scheme)
    window.set_language_choice(saved_language() or SYSTEM)
    state.restore(window)
    window.schemeChosen.connect(lambda value: state.set_value("appearance/scheme", value))
    window.languageChosen.connect(_keep_language)
    window.closed.connect(lambda: state.save(window))


def _keep_language(choice: str) -> None:
    from inspector.config.language import save_language

    try:
        save_language(choice)
    except OSError as error:
        logging.getLogger(__name__).warning("cannot keep the language choice: %s", error)


def _run_loop(
    app: QApplication,
    window: MainWindow,
    connection: Connection,
    options: Options,
    listening: Listening | None,
) -> int:
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    session = WindowSession(
        window, connection, options.image_id, timeout=options.timeout, files=options.files
    )
    listener = serve_later_launches(window, session, listening)
    restore = report_unexpected_errors(window, loop)
    try:
        with loop:
            loop.run_until_complete(session.run())
    finally:
        if listener is not None:
            listener.close()
        restore()
        asyncio.set_event_loop(None)
        window.deleteLater()
    return 0


def listen_for_later_launches(options: Options) -> Listening | None:
    """The socket later launches hand over to (``inspector.cli.main`` tried to hand this one over
    before anything heavy was imported); none with ``--new-instance`` or the self-test."""
    if options.new_instance or options.self_test:
        return None
    from inspector.core.instance import listen, socket_path

    path = socket_path()
    return None if path is None else listen(path)


def serve_later_launches(
    window: MainWindow, session: WindowSession, listening: Listening | None
) -> InstanceListener | None:
    """Later launches' IDs and files open in tabs of this window, which comes to the front."""
    if listening is None:
        return None
    from inspector.ui.window.instance_listener import InstanceListener

    listener = InstanceListener(listening, window)
    listener.requestReceived.connect(session.take_request)
    return listener


def report_unexpected_errors(
    window: MainWindow, loop: asyncio.AbstractEventLoop
) -> Callable[[], None]:
    """Log what nothing else caught (Qt slots, tasks, callbacks) and show it without blocking.

    Returns the function that puts the previous hooks back.
    """
    from inspector.api.redaction import redact
    from inspector.config.logs import log_unexpected

    previous_hook = sys.excepthook
    previous_handler = loop.get_exception_handler()

    def excepthook(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous_hook(kind, error, trace)
            return
        window.show_unexpected_error(log_unexpected(kind, error, trace, "in the window"))

    def loop_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        message = str(context.get("message") or "an error in the event loop")  # untranslated
        error = context.get("exception")
        if isinstance(error, BaseException):
            where = f"in the event loop ({message})"  # untranslated
            summary = log_unexpected(type(error), error, error.__traceback__, where)
        else:
            logging.getLogger(__name__).error("the event loop reported: %s", message)
            summary = redact(message)
        window.show_unexpected_error(summary)

    sys.excepthook = excepthook
    loop.set_exception_handler(loop_handler)

    def restore() -> None:
        sys.excepthook = previous_hook
        loop.set_exception_handler(previous_handler)

    return restore


class _CompareDialogView:
    """The window's compare dialog, as the comparison's view (it exists once it is opened)."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def _dialog(self) -> CompareView | None:
        return self._window.compare_dialog

    def show_busy(self) -> None:
        if dialog := self._dialog():
            dialog.show_busy()

    def show_comparison(self, comparison: Comparison, left: str, right: str) -> None:
        if dialog := self._dialog():
            dialog.show_comparison(comparison, left, right)

    def show_problem(self, text: str) -> None:
        if dialog := self._dialog():
            dialog.show_problem(text)


class WindowSession:
    """Owns what lives as long as the window: the httpx client and the tabs' controllers.

    ``controller`` is the fetch controller of the tab that was current when the backend loaded
    (None until then): a sign for tests and the self-test that the window is ready.
    """

    def __init__(
        self,
        window: MainWindow,
        connection: Connection,
        image_id: str | None,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        retry: RetryPolicy | None = None,
        watch_policy: WatchPolicy | None = None,
        files: tuple[str, ...] = (),
    ) -> None:
        import asyncio

        from inspector.config.settings import connection_key, load_folder_id
        from inspector.core.compare_session import CompareSession
        from inspector.ui.window.tabs import TabSet

        self.window = window
        self.connection = connection
        self._timeout = timeout
        self._retry = retry
        self.controller: FetchController | None = None
        self.tabs = TabSet(window, watch_policy=watch_policy)
        self.comparer = CompareSession(_CompareDialogView(window))
        window.compareRequested.connect(self.comparer.compare)
        if image_id is not None:
            window.page.id_edit.setText(image_id)
            self.tabs.request_fetch(window.page, image_id)
        for path_text in files:
            self.tabs.open_file(path_text)
        self._painted = asyncio.Event()
        self._closed = asyncio.Event()
        self._changed = asyncio.Event()  # the window closed, or the connection changed
        window.firstPainted.connect(self._painted.set)
        window.closed.connect(self._closed.set)
        window.closed.connect(self._changed.set)
        window.connectionDialogRequested.connect(self.open_connection_dialog)
        self.switcher: ConnectionSwitcher | None = None
        self._token_status: TokenStatus | None = None
        self.browse: BrowseController | None = None
        self._client: ImageClient | None = None
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

    def _start_browsing(self, browser: FolderBrowser) -> None:
        """List folders with the running client (the browser and the client both exist)."""
        from inspector.core.browse import BrowseController

        assert self._client is not None
        self.browse = BrowseController(self._client, browser)
        if self._pending_listing is not None:
            self._list(*self._pending_listing)

    async def run(self) -> None:
        if not self.window.painted:
            await self._painted.wait()
        while not self._closed.is_set():
            self._changed.clear()
            await self._serve()
        await self.tabs.history.aclose()

    async def _serve(self) -> None:
        """The client stack for ``self.connection``, kept until the window closes or the user
        connects elsewhere (File, Connection...)."""
        from inspector.api.client import ImageClient
        from inspector.api.transport import Timeouts

        endpoint = self.connection.endpoint
        timeouts = Timeouts.within(self._timeout)
        http = self.connection.http_client(timeouts)
        try:
            token = self.connection.token_cache(http, on_change=self._show_token)
            client = ImageClient(http, endpoint, token, timeouts=timeouts, retry=self._retry)
            self.window.statusBar().showMessage(_("Ready"), 3000)
            self.tabs.start(client)  # files waiting to open say so after "Ready"
            self.comparer.start(client)
            self.controller = self.tabs.controller(self.window.page).fetcher
            self._client = client
            if (browser := self.window.browser_part.if_built()) is not None:
                self._start_browsing(browser)
            await self._changed.wait()
            await self.tabs.stop()
            await self.comparer.stop()
            if self.browse is not None:
                await self.browse.aclose()
            self.controller = self.browse = self._client = None
        finally:
            await http.aclose()

    def take_request(self, request: Request) -> None:
        """A later launch's ID or files: each in a tab of its own, the window to the front."""
        self.window.bring_to_front()
        if request.image_id:
            self.tabs.open_image(request.image_id)
        for path_text in request.files:
            self.tabs.open_file(path_text)

    def open_connection_dialog(self) -> None:
        """File, Connection...: the dialog opens with ``open()``, never a nested loop."""
        if self.switcher is None:
            from inspector.ui.dialogs.connection_switch import ConnectionSwitcher

            self.switcher = ConnectionSwitcher(self.window, self._describe, self.apply_connection)
        self.switcher.open()

    def apply_connection(self, connection: Connection) -> None:
        """Use ``connection`` from now on: the running requests stop and the client is rebuilt."""
        if self.connection.demo and not connection.demo:
            self.window.leave_demo()
        self.connection = connection
        self._token_status = None
        self.window.set_connection(connection.endpoint.base_url, connection.token_source)
        from inspector.config.settings import connection_key, load_folder_id

        self._folder_key = connection_key(connection.profile, demo=connection.demo)
        self._first_folder = load_folder_id(self._folder_key) or ""
        if (browser := self.window.browser_part.if_built()) is not None:
            browser.set_folder_id(self._first_folder)
        self._changed.set()

    def _show_token(self, status: TokenStatus) -> None:
        """A new token came: show its source and expiry (never the token) in the status bar."""
        import time

        from inspector.present.credentials import expiry_text

        self._token_status = status
        expiry = expiry_text(status.expires_at, time.time())
        self.window.set_connection(self.connection.endpoint.base_url, status.source, expiry)

    def _describe(self) -> str:
        connection = self.connection
        source = connection.token_source or _("no token")
        text = _("profile {profile}: {endpoint}, {source}").format(
            profile=connection.profile, endpoint=connection.endpoint.base_url, source=source
        )
        if self._token_status is not None and self._token_status.expires_at is not None:
            import time

            from inspector.present.credentials import expiry_text

            expiry = expiry_text(self._token_status.expires_at, time.time())
            text += ", " + _("token {expiry}").format(expiry=expiry)
        return _("the demo API (credentials are not used)") if connection.demo else text

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
        self.window.page.open(image_id)


def _demo_folder(connection: Connection) -> str:
    """The demo's folder of several pages, for a newcomer who has none to type."""
    if not connection.demo:
        return ""
    from inspector.demo.data import FOLDER_ID

    return FOLDER_ID
