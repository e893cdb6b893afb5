"""What the window imports before its first paint and before it shows an image, listed.

Each module loaded before the first frame is paid on every start, so the lists below are
closed: a module that is not on them fails this test, with its name, and either it moves
behind the first paint (or to where it is used), or it goes on the list with a reason. The
window runs in a process of its own, through the real entry point, on the offscreen platform;
the modules a bare PySide6 window loads by then (Python's own start-up, Qt's bindings) are
measured the same way and left out, so the lists hold only what the inspector adds.

Modules are named by their top-level package (``httpx``, ``asyncio``), and the inspector's own
in full; names starting with ``_`` (the C halves of the standard library) are left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.integration.window_process import run_window_script, until_image_script

IMAGE_ID = "e3vdemoactive0000001"

# Loaded by the inspector at its first paint, beyond a bare window. Every start pays for them.
FIRST_PAINT = frozenset(
    {
        # The command line: options, their help in the user's language, the profiles file.
        "argparse",
        "gettext",
        "json",
        "platformdirs",
        "dataclasses",
        "copy",
        "ipaddress",
        "urllib",
        "tempfile",
        "random",
        "bisect",
        "shutil",
        "fnmatch",
        "bz2",
        "lzma",
        "inspector",
        "inspector.api",
        "inspector.api.credentials",
        "inspector.api.credentials.plan",
        "inspector.api.errors",
        "inspector.api.inputs",
        "inspector.api.network.proxy",
        "inspector.ui.app",
        "inspector.cli.main",
        "inspector.cli.common",
        "inspector.cli.open",
        "inspector.cli.parser",
        "inspector.cli.shared_options",
        "inspector.config.connection",
        "inspector.ui.display",
        "inspector.i18n",
        "inspector.config.language",
        "inspector.config.logs",
        "inspector.api.redaction",  # the log filter's (it imports only re)
        "inspector.config.options",
        "inspector.config.profiles",
        "inspector.resources",
        # The shell the first frame shows: the menus, one empty tab, the status bar.
        "inspector.ui",
        "inspector.ui.widgets.icons",
        "inspector.ui.page.image_form",
        "inspector.ui.page.image_page",
        # The page's parts, and the states it draws (split out of image_page and the watch bar).
        "inspector.core.page_state",
        "inspector.core.watch_state",
        "inspector.ui.page.fetch_progress",
        "inspector.ui.page.marks",
        "inspector.ui.page.page_actions",
        "inspector.ui.page.page_parts",
        "inspector.ui.page.raw_tab",
        "inspector.ui.page.labels_table",
        "inspector.ui.window.main_window",
        # The window's parts, each in a module of its own: its menus from their table, the
        # tabs, the docks' holders, the demo's marks, the status bar, the file choosers and
        # the warnings (the choosers and boxes themselves are built when first used).
        "inspector.ui.window.action_table",
        "inspector.ui.window.copying",
        "inspector.ui.window.demo_part",
        "inspector.ui.window.docks",
        "inspector.ui.window.file_dialogs",
        "inspector.ui.window.image_tabs",
        "inspector.ui.window.menus",
        "inspector.ui.window.notices",
        "inspector.ui.window.status_line",
        "inspector.ui.module_sources",
        # The garbage collector paused for the start (the gc module is built into Python).
        "inspector.ui.start_collector",
        "gc",
        "inspector.ui.on_first_use",
        "inspector.ui.widgets.status_badge",
        "inspector.ui.theme",
        "inspector.ui.translations",
        "inspector.ui.page.watch_bar",
        "inspector.ui.window.window_state",
        # Settings files are read bounded, regular-only and through the API's strict decoder.
        "array",
        "inspector.api.local_files",
        "inspector.api.wire_json",
        "inspector.config.files",
        "inspector.config.store",
        # One window per user: a launch first tries the running window's socket.
        "inspector.core.instance",
        "socket",
        "selectors",
        "select",
        # The shell's own parts: foreign text kept plain, the default mark, the label policy's
        # badge, the Tab order and announcements, the ID field's paste handling.
        "html",
        "inspector.api.pasted",
        "inspector.present",
        "inspector.present.defaults",
        "inspector.ui.widgets.accessibility",
        "inspector.ui.page.field_note",
        "inspector.ui.widgets.focus_order",
        "inspector.ui.widgets.inert",
        "inspector.ui.dialogs.pasted_ids",
        "inspector.ui.page.policy_badge",
        # Qt's namespace read on first use, and the labels table's empty first model: the
        # first frame is painted before the namespace is built (test_qt_namespace.py).
        "inspector.ui.qt_namespace",
        "inspector.ui.page.labels_placeholder",
    }
)
# With --demo, also at the first paint: the demo's socket is bound so the banner can say where
# (its samples are listed after the paint).
DEMO_FIRST_PAINT = frozenset(
    {
        "inspector.demo",
        "socket",
        "selectors",
        "select",
        "array",
    }
)
# Loaded between the first paint and the demo image shown: the loop, the client stack, the
# demo API's server, and the parts of the inspector that fetch and present an image.
IMAGE_SHOWN = frozenset(
    {
        # The demo's samples, listed right after the first paint.
        "inspector.demo.data",
        "inspector.demo.sample",
        # The stack every fetch needs (the benchmark's stack floor loads the same).
        "asyncio",
        "qasync",
        "httpx",
        "httpcore",
        "h11",
        "anyio",
        "idna",
        "certifi",
        "truststore",
        "ssl",
        "pydantic",
        "pydantic_core",
        "annotated_types",
        "typing_extensions",
        "typing_inspection",
        # What those bring with them from the standard library.
        "calendar",
        "concurrent",
        "contextvars",
        "csv",
        "datetime",
        "decimal",
        "email",
        "fcntl",
        "fractions",
        "hashlib",
        "heapq",
        "hmac",
        "html",
        "http",
        "locale",
        "mimetypes",
        "numbers",
        "quopri",
        "secrets",
        "signal",
        "socketserver",
        "subprocess",
        "sysconfig",
        "unicodedata",
        "uuid",
        "zoneinfo",
        # The log file's rotating handler.
        "pickle",
        "queue",
        # The User-Agent names the platform; the copy actions quote for a shell.
        "platform",
        "shlex",
        # The form's values (read-only text edits, the costliest Qt classes of the page): made
        # right after the first paint, blank, so the first frame looks the same without them.
        "inspector.ui.widgets.value_label",
        # The inspector's fetch, its presentation, the history and the demo API's server.
        "inspector.api.client",
        "inspector.api.status_errors",
        "inspector.api.credentials.cache",
        "inspector.api.credentials.errors",
        "inspector.api.credentials.factory",
        "inspector.api.credentials.tokens",
        "inspector.api.models",
        "inspector.api.network.transport",
        "inspector.api.retry",
        "inspector.api.timestamp",
        "inspector.api.network.tls",
        "inspector.api.transport",
        "inspector.api.wire_json",
        "inspector.core.answers",
        "inspector.core.fetch",
        "inspector.core.latest",
        "inspector.demo.listing",
        "inspector.demo.server",
        # The demo's answers are written by the gateway's own rules when first served.
        "inspector.demo.canonical",
        "inspector.api.status_enum",
        "inspector.config.files",
        "inspector.config.history",
        "inspector.core.notify",
        "inspector.present",
        "inspector.present.diff",
        "inspector.present.errors",
        "inspector.present.credentials",  # the hints errors give for each credential source
        "inspector.present.exports",
        "inspector.present.image",
        "inspector.present.raw",
        "inspector.present.sizes",
        "inspector.present.status",
        "inspector.present.text",
        "inspector.present.times",
        "inspector.config.settings",
        "inspector.core.tab",
        "inspector.ui.window.tabs",
        # The session that holds them: its client loop, token line and folder listings.
        "inspector.ui.session",
        "inspector.core.client_loop",
        "inspector.ui.token_status",
        "inspector.ui.folder_session",
        "inspector.core.watch",
        # The comparison's session waits for the client; later launches are listened for.
        "inspector.core.compare_session",
        "inspector.ui.window.instance_listener",
    }
)
# Never loaded for the demo: credentials are not used there, and the docks, dialogs and the
# raw view are built when first opened.
NEVER_FOR_THE_DEMO = frozenset(
    {
        # Support bundles are written and read only when asked for; the label policy's modules
        # load only when there is a policy to read.
        "inspector.core.policy",
        "inspector.present.policy",
        "tomllib",
        "inspector.core.bundle",
        "inspector.core.saved_body",
        "inspector.present.files",
        "jwt",
        "cryptography",
        "keyring",
        "inspector.api.credentials.service_account",
        "inspector.api.credentials.oauth",
        "inspector.api.credentials.exchange",
        "inspector.api.credentials.yc_cli",
        "inspector.api.credentials.metadata",
        "inspector.ui.browser.folder_browser",
        "inspector.ui.browser.history_panel",
        "inspector.ui.page.raw_view",
        "inspector.ui.window.tray_notifier",
        "inspector.ui.dialogs.connection_dialog",
        "inspector.ui.dialogs.about_dialog",
        "inspector.ui.dialogs.shortcuts_dialog",
        "inspector.ui.selftest",
    }
)

_APP_PROBE = until_image_script("MODULES", "sorted(sys.modules)")

_BARE_PROBE = """
import json, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QLineEdit, QMainWindow, QTableView

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("MODULES " + json.dumps({"first_paint": sorted(sys.modules)}), flush=True)
            app.quit()
        return False

app = QApplication([sys.argv[0]])
window = QMainWindow()
window.setCentralWidget(QLineEdit(window))
table = QTableView(window)
table.setModel(QStandardItemModel(0, 2, table))
watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
app.exec()
"""


def _names(modules: list[str]) -> set[str]:
    names = set()
    for module in modules:
        top = module.partition(".")[0]
        if top.startswith("_"):
            continue
        names.add(module if top == "inspector" else top)
    return names


def _run(tmp_path: Path, script: str, *args: str) -> dict[str, set[str]]:
    report = run_window_script(tmp_path, script, "MODULES", *args)
    return {moment: _names(modules) for moment, modules in report.items()}


@pytest.fixture(scope="module")
def bare(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """What a bare PySide6 window has loaded at its first paint."""
    return _run(tmp_path_factory.mktemp("bare"), _BARE_PROBE)["first_paint"]


def _unexpected(loaded: set[str], allowed: frozenset[str]) -> list[str]:
    """Modules loaded but not listed; a listed module's packages (``inspector.ui.page``) come
    with it, so the lists name modules only."""
    packages = {
        name.rsplit(".", depth)[0] for name in allowed for depth in range(1, name.count(".") + 1)
    }
    return sorted(loaded - allowed - packages)


def test_first_paint_loads_only_the_shell(tmp_path: Path, bare: set[str]) -> None:
    seen = _run(tmp_path, _APP_PROBE, "")
    assert _unexpected(seen["first_paint"] - bare, FIRST_PAINT) == []


def test_demo_first_paint_and_image_shown_load_only_their_lists(
    tmp_path: Path, bare: set[str]
) -> None:
    seen = _run(tmp_path, _APP_PROBE, IMAGE_ID, "--demo", "--image-id", IMAGE_ID)
    first_paint = seen["first_paint"] - bare
    assert _unexpected(first_paint, FIRST_PAINT | DEMO_FIRST_PAINT) == []
    shown = seen["image_shown"] - bare
    assert _unexpected(shown, FIRST_PAINT | DEMO_FIRST_PAINT | IMAGE_SHOWN) == []
    assert sorted(shown & NEVER_FOR_THE_DEMO) == []
