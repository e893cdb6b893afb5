"""Capture the screenshots of the README and the guides from the real window against the demo API.

Run under a real X server so fonts and styles render as users see them:
``xvfb-run -s '-screen 0 1280x800x24' .venv/bin/python docs/capture_screenshots.py``
(``--round-two``: only the screenshots of the second round of troubleshooting aids).
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_API"] = "pyside6"

import qasync
from PySide6.QtWidgets import QApplication, QPushButton

from inspector.config.connection import resolve_connection
from inspector.demo.data import DEMO_IMAGES, FOLDER_ID
from inspector.demo.server import DemoServer
from inspector.ui import theme, translations
from inspector.ui.session import WindowSession
from inspector.ui.window.main_window import MainWindow

OUT = Path(__file__).parent / "screenshots"


async def settle(seconds: float = 0.4) -> None:
    await asyncio.sleep(seconds)


async def fetch(window: MainWindow, image_id: str) -> None:
    window.page.id_edit.setText(image_id)
    window.page.request_fetch()
    cancel = window.findChild(QPushButton, "cancelButton")
    assert cancel is not None
    for _ in range(100):
        await asyncio.sleep(0.05)
        if not cancel.isEnabled():
            break
    await settle()


async def capture(window: MainWindow, name: str) -> None:
    window.repaint()
    await settle(0.3)
    path = OUT / f"{name}.png"
    window.grab().save(str(path))
    print(path)


async def aids(window: MainWindow, session: WindowSession, server: DemoServer) -> None:
    """The troubleshooting aids, for the README's section on them."""
    await fetch(window, "e3vdemoactive0000001")
    window.page.show_raw_response()
    await capture(window, "aids-raw")
    window.page.show_raw_response()
    changing = "e3vdemochanged000001"
    before: dict[str, object] = {
        "id": changing,
        "folderId": FOLDER_ID,
        "createdAt": "2026-11-26T10:00:00Z",
        "status": "ACTIVE",
        "name": "office-golden",
        "labels": {"os": "ubuntu", "env": "staging", "owner": "p-ivanov"},
        "storageSize": "21474836480",
        "minDiskSize": "64424509440",
    }
    server.put_image(changing, before)
    await fetch(window, changing)
    labels = {"os": "ubuntu", "env": "production", "owner": "p-ivanov", "backup": "daily"}
    server.put_image(changing, {**before, "name": "office-golden-v2", "labels": labels})
    await fetch(window, changing)
    await capture(window, "aids-changed")
    await fetch(window, "e3vdemocreating00001")
    await capture(window, "aids-watch")
    window.page.stopWatchRequested.emit()
    await fetch(window, "e3vdemoactive0000001")
    window.toggle_history()
    window.set_presenting(True)
    await capture(window, "aids-presenting")
    window.set_presenting(False)
    window.history_dock.hide()
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    tab = session.tabs.current
    assert tab is not None
    bundle = Path(tempfile.mkdtemp()) / (tab.bundle_file_name() or "bundle.inspector.json")
    tab.save_support_bundle(bundle, qVersion(), pyside_version)
    window.openFileChosen.emit(str(bundle))
    await capture(window, "aids-offline")


POLICY = b"""
[labels.env]
allowed = ["prod", "test", "dev"]
message = "env is one of three"
[labels.cost-center]
required = true
pattern = "^cc-[0-9]{4}$"
[labels.gpu]
forbidden = true
"""


async def aids_round_two(window: MainWindow, session: WindowSession) -> None:
    """A failed call's bundle opened offline, a comparison, and label policy violations."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from inspector.core.policy import parse_policy

    await fetch(window, "e3vdemoerror50300001")  # 503 three times, retried
    for _ in range(100):
        await asyncio.sleep(0.05)
        if not window.page.busy:
            break
    tab = session.tabs.current
    assert tab is not None
    bundle = Path(tempfile.mkdtemp()) / (tab.bundle_file_name() or "failed.inspector.json")
    tab.save_support_bundle(bundle, qVersion(), pyside_version)
    window.openFileChosen.emit(str(bundle))
    await capture(window, "aids-failed-offline")
    window.set_policy(parse_policy(POLICY, Path("policy.toml")))
    window.new_tab()
    await fetch(window, "e3vdemoactive0000001")
    await capture(window, "aids-policy")
    window.open_compare()
    dialog = window.compare_dialog
    assert dialog is not None
    dialog.resize(900, 560)
    dialog.right_edit.setText("e3vdemocreating00001")
    dialog.request()
    await settle(1.0)
    dialog.repaint()
    await settle(0.3)
    path = OUT / "aids-compare.png"
    dialog.grab().save(str(path))
    print(path)
    dialog.close()


async def round_two_script(window: MainWindow, session: WindowSession) -> None:
    task = asyncio.ensure_future(session.run())
    for _ in range(200):
        if session.controller is not None:
            break
        await asyncio.sleep(0.05)
    await aids_round_two(window, session)
    window.close()
    await task


async def script(
    window: MainWindow, session: WindowSession, demo_url: str, server: DemoServer
) -> None:
    task = asyncio.ensure_future(session.run())
    for _ in range(200):  # the backend loads after the first paint
        if session.controller is not None:
            break
        await asyncio.sleep(0.05)
    await capture(window, "empty")
    window.set_demo(demo_url, [(i.image_id, i.summary) for i in DEMO_IMAGES.values()])
    await fetch(window, "e3vdemoactive0000001")
    await capture(window, "demo-loaded")
    theme.manager().set_choice(theme.Scheme.DARK)
    await capture(window, "demo-loaded-dark")
    await fetch(window, "e3vdemoerror40100001")
    await capture(window, "error-401-dark")
    theme.manager().set_choice(theme.Scheme.SYSTEM)
    await capture(window, "error-401")
    await fetch(window, "e3vdemounicode000001")
    await capture(window, "unicode-labels")
    await fetch(window, "e3vdemoarchived00001")
    await capture(window, "unknown-status")
    await aids(window, session, server)
    await aids_round_two(window, session)
    window.close()
    await task


async def in_russian(app: QApplication, server: DemoServer) -> None:
    """The same window in Russian: the translators go in before the widgets are made."""
    translations.install(app, "ru")
    window, session = open_window(server)
    task = asyncio.ensure_future(session.run())
    for _ in range(200):
        if session.controller is not None:
            break
        await asyncio.sleep(0.05)
    window.set_demo(server.base_url, [(i.image_id, i.summary) for i in DEMO_IMAGES.values()])
    await fetch(window, "e3vdemoactive0000001")
    await capture(window, "demo-loaded-ru")
    await fetch(window, "e3vdemoerror40100001")
    await capture(window, "error-401-ru")
    theme.manager().set_choice(theme.Scheme.LIGHT)
    await fetch(window, "e3vdemodefaults00001")
    await capture(window, "defaults-ru")
    theme.manager().set_choice(theme.Scheme.SYSTEM)
    window.close()
    await task


def open_window(server: DemoServer) -> tuple[MainWindow, WindowSession]:
    connection = resolve_connection(demo_url=server.base_url)
    window = MainWindow()
    window.set_connection(connection.endpoint.base_url, connection.token_source)
    window.resize(1180, 760)
    window.show()
    return window, WindowSession(window, connection, None)


def main() -> int:
    os.environ["XDG_STATE_HOME"] = tempfile.mkdtemp()  # a history of its own, not the user's
    app = QApplication(sys.argv)
    app.setQuitOnLastWindowClosed(False)
    with DemoServer() as server:
        window, session = open_window(server)
        loop = qasync.QEventLoop(app)
        asyncio.set_event_loop(loop)
        with loop:
            if "--round-two" in sys.argv:  # only the second round of aids' screenshots
                loop.run_until_complete(round_two_script(window, session))
                return 0
            loop.run_until_complete(script(window, session, server.base_url, server))
            loop.run_until_complete(in_russian(app, server))
    return 0


if __name__ == "__main__":
    sys.exit(main())
