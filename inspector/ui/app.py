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
from inspector.config.options import Options
from inspector.config.profiles import ProfilesFileError
from inspector.config.store import DamagedFile, set_aside
from inspector.i18n import _
from inspector.ui import start_collector

if TYPE_CHECKING:
    import asyncio
    import socket
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from inspector.core.instance import Listening
    from inspector.ui.session import WindowSession
    from inspector.ui.window.instance_listener import InstanceListener
    from inspector.ui.window.main_window import MainWindow
    from inspector.ui.window.window_state import WindowState

# Longer than any first paint measured; a window never exposed does not hold up the start.
FIRST_PAINT_LIMIT_MS = 1000
# The self-test's first check, printed the moment the window has painted: bench/frozen.py times
# the start to the first paint by it, in the virtual environment and in the frozen build alike.
# The self-test reports in English, as it checks the English window (see selftest.py).
PAINTED_MARK = "window painted"  # untranslated
NOT_PAINTED = f"the window did not paint within {FIRST_PAINT_LIMIT_MS} ms"  # untranslated


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
    with ExitStack() as stack:
        start_collector.pause()  # until the backend is up: see start_collector
        stack.callback(start_collector.resume)
        listening = listen_for_later_launches(options)
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
        _after_first_paint(app, window, options)
        if demo_socket is not None:
            from inspector.demo.server import DemoServer

            stack.enter_context(DemoServer(listening=demo_socket))
        if profiles_notice:
            window.notices.settings_notice(profiles_notice)
        load_policy(window, options.policy)
        if options.self_test:
            from inspector.ui.selftest import run_self_test

            return run_self_test(app, window, connection, options)
        return _run_loop(app, window, connection, options, listening)


def announce_self_test(options: Options, connection: Connection, *, painted: bool) -> None:
    """The self-test's first lines: what it fetches from where, and whether the window painted
    (one that has not by now fails the self-test: see run_self_test)."""
    from inspector.demo import DEFAULT_IMAGE_ID

    image_id = options.image_id or DEFAULT_IMAGE_ID
    print(f"self-test: {image_id} from {connection.endpoint.base_url}", flush=True)  # untranslated
    print(f"ok    {PAINTED_MARK}" if painted else f"FAIL  {NOT_PAINTED}", flush=True)


def _after_first_paint(app: QApplication, window: MainWindow, options: Options) -> None:
    """What the first frame does not show: the window's icon (the title bar and the task bar
    draw it; Qt's icon and image classes are made for it here), the log file and the demo's
    sample images (their module and the list's items: 11 ms of a first paint). The paused
    garbage collector resumes when the backend is up, or at the latest after a few seconds."""
    from PySide6.QtCore import QTimer

    from inspector.config.logs import log_folder, setup_logging
    from inspector.ui.widgets.icons import window_icon

    QTimer.singleShot(start_collector.PAUSE_LIMIT_MS, start_collector.resume)

    app.setWindowIcon(window_icon())
    setup_logging(options.log_level, console=sys.stderr)
    window.set_log_folder(log_folder())
    if options.demo:
        from inspector.demo.data import DEMO_IMAGES

        window.demo_part.list_images(
            [(image.image_id, image.summary) for image in DEMO_IMAGES.values()]
        )


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
    first paint; a broken one is said in a warning and nothing is checked. Without one, the
    policy's modules are not loaded."""
    from inspector.config.store import policy_file

    if (policy_path := policy_file(path)) is None:
        return
    from inspector.core.policy import PolicyError, load_policy

    try:
        window.set_policy(load_policy(policy_path))
    except PolicyError as error:
        window.notices.policy_error(str(error))


def _paint_shell(
    options: Options, connection: Connection, demo_url: str | None
) -> tuple[QApplication, MainWindow]:
    """Build the window as it was left, show it and return once it has painted (a self-test
    says so at once: the frozen build's benchmark times the start by that line).

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
    app.setQuitOnLastWindowClosed(False)
    from inspector.ui import translations
    from inspector.ui.window.window_state import WindowState

    # The self-test compares what the window shows with English text.
    language = "en" if options.self_test else translations.window_language(options.lang)
    translations.install(app, language)
    state = WindowState()
    window = MainWindow()
    window.set_connection(connection.endpoint.base_url, connection.token_source)
    if demo_url:  # the list in its place, empty: its samples come after the paint
        window.set_demo(demo_url, [])
    if options.image_id is not None:
        # The first frame's job: the ID shows at once. It is opened (ImagePage.open) by the
        # session, after the first paint, when fetching it can start.
        window.page.id_edit.setText(options.image_id)
    remember_window(window, state)
    window.open_docks(state.open_docks())
    window.show()
    wait_for_first_paint(window)
    if options.self_test:
        announce_self_test(options, connection, painted=window.painted)
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

    from inspector.ui.session import WindowSession

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
        window.notices.unexpected_error(log_unexpected(kind, error, trace, "in the window"))

    def loop_handler(_loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        message = str(context.get("message") or "an error in the event loop")  # untranslated
        error = context.get("exception")
        if isinstance(error, BaseException):
            where = f"in the event loop ({message})"  # untranslated
            summary = log_unexpected(type(error), error, error.__traceback__, where)
        else:
            logging.getLogger(__name__).error("the event loop reported: %s", message)
            summary = redact(message)
        window.notices.unexpected_error(summary)

    sys.excepthook = excepthook
    loop.set_exception_handler(loop_handler)

    def restore() -> None:
        sys.excepthook = previous_hook
        loop.set_exception_handler(previous_handler)

    return restore
