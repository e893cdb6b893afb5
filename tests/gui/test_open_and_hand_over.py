"""Files from the command line, a second launch handing over to the running window, and
pasting anything into the ID field: through the real window and, for the hand-over, a second
real process of the app."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from inspector.config.connection import resolve_connection
from inspector.core.instance import listen, socket_path
from inspector.demo.data import DEMO_IMAGES, FOLDER_ID
from inspector.demo.server import DemoServer
from inspector.ui.app import serve_later_launches
from inspector.ui.widgets.value_label import ValueLabel
from inspector.ui.window.instance_listener import InstanceListener
from tests.gui.driver import Running, start_window

ACTIVE = "e3vdemoactive0000001"
SPARSE = "e3vdemosparse0000001"


def body_file(folder: Path, image_id: str, name: str) -> Path:
    path = folder / name
    path.write_text(json.dumps(DEMO_IMAGES[image_id].body), encoding="utf-8")
    return path


def shown_id(running: Running, index: int) -> str:
    page = running.window.pages()[index]
    value = page.findChild(ValueLabel, "idValue")
    assert value is not None
    return value.text()


def close(qtbot: QtBot, running: Running) -> None:
    running.window.close()
    qtbot.waitUntil(running.task.done, timeout=5000)
    assert running.task.exception() is None


def test_open_shows_each_file_in_its_own_tab_and_names_the_bad_one(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer, tmp_path: Path
) -> None:
    first = body_file(tmp_path, ACTIVE, "active.inspector.json")
    broken = tmp_path / "broken.json"
    broken.write_bytes(b'{"id": "e3v1", "status": "ACT')
    second = body_file(tmp_path, SPARSE, "sparse.json")
    connection = resolve_connection(demo_url=demo_server.base_url)
    running = start_window(qtbot, connection, files=(str(first), str(broken), str(second)))
    window = running.window
    qtbot.waitUntil(lambda: window.tabs.count() == 2)
    assert [shown_id(running, i) for i in range(2)] == [ACTIVE, SPARSE]
    assert window.tabs.tabText(0) == "OFFLINE \u00b7 ubuntu-22-04-office"
    box = window.findChild(QMessageBox, "fileErrorBox")
    assert box is not None
    assert box.isVisible()
    assert box.text().startswith("Cannot open broken.json: ")  # as File > Open says it
    assert box.informativeText() == str(broken)
    box.close()
    close(qtbot, running)


@pytest.fixture
def listening_window(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer
) -> Iterator[Running]:
    running = start_window(qtbot, resolve_connection(demo_url=demo_server.base_url))
    path = socket_path()
    assert path is not None
    listener = serve_later_launches(running.window, running.session, listen(path))
    assert isinstance(listener, InstanceListener)
    yield running
    listener.close()
    close(qtbot, running)


def second_launch(
    qtbot: QtBot, *arguments: str, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run the app again as a person would, while the test's window keeps serving Qt events."""
    process = subprocess.Popen(
        [sys.executable, "-m", "inspector", *arguments],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    qtbot.waitUntil(lambda: process.poll() is not None, timeout=30_000)
    out, err = process.communicate()
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def test_a_second_launch_hands_its_id_to_the_running_window(
    qtbot: QtBot, listening_window: Running
) -> None:
    window = listening_window.window
    window.page.id_edit.setText(ACTIVE)
    window.page.request_fetch()
    qtbot.waitUntil(lambda: shown_id(listening_window, 0) == ACTIVE, timeout=10_000)
    done = second_launch(qtbot, "--image-id", SPARSE, "--demo")
    assert done.returncode == 0, done.stderr
    assert "Handed over to the window already open" in done.stdout
    assert window.tabs.count() == 2  # the tab exists before the launch is told "ok"
    assert window.tabs.currentIndex() == 1
    qtbot.waitUntil(lambda: shown_id(listening_window, 1) == SPARSE, timeout=10_000)
    assert shown_id(listening_window, 0) == ACTIVE


def test_a_second_launch_hands_over_its_files_and_a_pasted_link(
    qtbot: QtBot, listening_window: Running, tmp_path: Path
) -> None:
    window = listening_window.window
    body_file(tmp_path, ACTIVE, "active.inspector.json")
    body_file(tmp_path, SPARSE, "sparse.json")
    # Names relative to where the launch ran, as a file manager or a shell gives them.
    done = second_launch(qtbot, "open", "active.inspector.json", "sparse.json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert window.tabs.count() == 2
    assert [shown_id(listening_window, i) for i in range(2)] == [ACTIVE, SPARSE]
    link = f"https://console.yandex.cloud/folders/{FOLDER_ID}/vdi/desktop-images/{SPARSE}"
    done = second_launch(qtbot, "--image-id", link)
    assert done.returncode == 0, done.stderr
    assert window.tabs.count() == 3
    qtbot.waitUntil(lambda: shown_id(listening_window, 2) == SPARSE, timeout=10_000)
    assert window.page.id_edit.text() == SPARSE


def test_new_instance_does_not_hand_over(qtbot: QtBot, listening_window: Running) -> None:
    done = second_launch(qtbot, "--new-instance", "--self-test", "--demo")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Handed over" not in done.stdout
    assert listening_window.window.tabs.count() == 1


# -- paste anything ------------------------------------------------------------------------------
def paste(qtbot: QtBot, running: Running, text: str) -> None:
    QGuiApplication.clipboard().setText(text)
    edit = running.window.page.id_edit
    edit.clear()
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def test_pasting_a_console_link_keeps_the_image_id(qtbot: QtBot, running: Running) -> None:
    paste(qtbot, running, f"see https://console.yandex.cloud/folders/{FOLDER_ID}/images/{ACTIVE}")
    assert running.window.page.id_edit.text() == ACTIVE
    qtbot.keyClick(running.window.page.id_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown_id(running, 0) == ACTIVE, timeout=10_000)


def test_pasting_an_id_alone_is_an_ordinary_paste(qtbot: QtBot, running: Running) -> None:
    paste(qtbot, running, f"  {ACTIVE}  ")
    assert running.window.page.id_edit.text() == f"  {ACTIVE}  "
    assert running.window.page.pasted.chooser is None


def test_several_ids_give_a_chooser(qtbot: QtBot, running: Running) -> None:
    yaml_output = (
        f"- id: {ACTIVE}\n  folder_id: {FOLDER_ID}\n- id: {SPARSE}\n  folder_id: {FOLDER_ID}\n"
    )
    paste(qtbot, running, yaml_output)
    chooser = running.window.page.findChild(QMenu, "pastedIdChooser")
    assert chooser is not None
    qtbot.waitUntil(chooser.isVisible)
    texts = [action.text() for action in chooser.actions() if not action.isSeparator()]
    assert texts == [
        f"Fetch image {ACTIVE}",
        f"Fetch image {SPARSE}",
        f"Browse folder {FOLDER_ID}",
    ]
    chooser.actions()[1].trigger()
    assert running.window.page.id_edit.text() == SPARSE
    qtbot.waitUntil(lambda: shown_id(running, 0) == SPARSE, timeout=10_000)


def test_a_folder_id_is_offered_to_the_folder_browser(qtbot: QtBot, running: Running) -> None:
    window = running.window
    window.page.id_edit.setText(f"folder_id: {FOLDER_ID}")
    window.page.request_fetch()  # Enter on text holding only a folder ID
    chooser = window.page.findChild(QMenu, "pastedIdChooser")
    assert chooser is not None
    [action] = chooser.actions()
    assert action.text() == f"Browse folder {FOLDER_ID}"
    action.trigger()
    assert window.browser_dock.isVisible()
    assert window.browser.folder_edit.text() == FOLDER_ID
    qtbot.waitUntil(lambda: window.browser.table.model().rowCount() > 0, timeout=10_000)


def test_text_without_an_id_gets_the_usual_message(qtbot: QtBot, running: Running) -> None:
    page = running.window.page
    page.id_edit.setText("the image from yesterday's ticket")
    page.request_fetch()
    assert page.pasted.chooser is None
    qtbot.waitUntil(lambda: page.banner.isVisible(), timeout=10_000)
    title = page.findChild(QLabel, "errorTitle")
    message = page.findChild(ValueLabel, "errorMessageValue")
    assert title is not None
    assert message is not None
    assert title.text() == "Bad input"
    assert "the image ID contains a space" in message.text()


def test_the_chooser_masks_ids_while_presenting(qtbot: QtBot, running: Running) -> None:
    running.window.set_presenting(True)
    paste(qtbot, running, f"{ACTIVE} {SPARSE} folder {FOLDER_ID}")
    chooser = running.window.page.findChild(QMenu, "pastedIdChooser")
    assert chooser is not None
    texts = [action.text() for action in chooser.actions() if not action.isSeparator()]
    assert texts == [
        "Fetch image e3vdemoa********",
        "Fetch image e3vdemos********",
        "Browse folder ********",
    ]
    chooser.actions()[0].trigger()  # the copy stays exact: the real ID is fetched
    qtbot.waitUntil(lambda: running.session.tabs.current is not None)
    qtbot.waitUntil(lambda: not running.window.page.busy, timeout=10_000)
    assert running.window.page.shown_id == ACTIVE
