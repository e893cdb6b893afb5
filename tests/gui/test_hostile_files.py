"""Damaged local files never keep the window shut, never hang it, and are kept aside.

The window is started as a user starts it (a separate process running ``run_window``, closed at
its first paint) with a settings file that is nested 100,000 deep, 200 MB, or a named pipe.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import qasync
from pytestqt.qtbot import QtBot

from inspector.config.connection import resolve_connection
from inspector.demo.data import FOLDER_ID
from inspector.demo.server import DemoServer
from tests.gui.driver import start_window
from tests.gui.test_startup import run_probe

PAINTED = "loaded at first paint: none"
NOWHERE = ("--endpoint", "http://127.0.0.1:9")  # the window closes before any request


def config(home: Path) -> Path:
    folder = home / ".config" / "cloud-desktop-inspector"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def kept_aside(path: Path) -> list[Path]:
    return sorted(path.parent.glob(f"{path.name}.broken-*"))


def test_a_deeply_nested_profiles_file_is_kept_aside_and_the_window_opens(
    isolated_home: Path,
) -> None:
    profiles = config(isolated_home) / "profiles.json"
    profiles.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = run_probe(*NOWHERE)
    assert result.returncode == 0, result.stderr
    assert PAINTED in result.stdout
    assert "RecursionError" not in result.stderr
    assert not profiles.exists()
    assert len(kept_aside(profiles)) == 1


def test_a_huge_profiles_file_is_kept_aside_unread_and_the_window_opens(
    isolated_home: Path,
) -> None:
    profiles = config(isolated_home) / "profiles.json"
    with profiles.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    result = run_probe(*NOWHERE)
    assert result.returncode == 0, result.stderr
    assert PAINTED in result.stdout
    assert len(kept_aside(profiles)) == 1


def test_a_fifo_for_profiles_language_and_window_state_never_hangs_the_start(
    isolated_home: Path,
) -> None:
    folder = config(isolated_home)
    for name in ("profiles.json", "language", "window.ini"):
        os.mkfifo(folder / name)
    result = run_probe(*NOWHERE)  # a hang would be killed by its timeout and fail here
    assert result.returncode == 0, result.stderr
    assert PAINTED in result.stdout
    assert len(kept_aside(folder / "profiles.json")) == 1
    assert (folder / "window.ini.bak").exists()


def test_a_fifo_history_never_hangs_the_start(isolated_home: Path) -> None:
    state = isolated_home / ".local" / "state" / "cloud-desktop-inspector"
    state.mkdir(parents=True)
    os.mkfifo(state / "history.json")
    result = run_probe("--demo")
    assert result.returncode == 0, result.stderr
    assert PAINTED in result.stdout


def test_a_damaged_browse_settings_file_is_kept_aside_and_the_window_works(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, isolated_home: Path, demo_server: DemoServer
) -> None:
    browse = config(isolated_home) / "browse.json"
    browse.write_text('{"folders":' * 100_000 + "{}" + "}" * 100_000, encoding="utf-8")
    app = start_window(qtbot, resolve_connection(demo_url=demo_server.base_url))
    try:
        qtbot.waitUntil(lambda: app.window.browser.folder_edit.text() == FOLDER_ID)
        assert len(kept_aside(browse)) == 1
    finally:
        app.window.close()
        qtbot.waitUntil(app.task.done, timeout=5000)
    assert app.task.exception() is None


def test_browse_settings_nested_deep_are_kept_aside_when_read(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, isolated_home: Path
) -> None:
    from inspector.config.settings import load_folder_id, save_folder_id, settings_path

    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"folders":' * 100_000 + "{}" + "}" * 100_000, encoding="utf-8")
    assert load_folder_id("demo") == ""
    assert len(kept_aside(path)) == 1
    save_folder_id("demo", FOLDER_ID)
    assert load_folder_id("demo") == FOLDER_ID
    assert oct(path.stat().st_mode & 0o777) == "0o600"


def test_the_window_state_file_is_private(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, isolated_home: Path, demo_server: DemoServer
) -> None:
    app = start_window(qtbot, resolve_connection(demo_url=demo_server.base_url))
    app.window.close()
    qtbot.waitUntil(app.task.done, timeout=5000)
    from inspector.ui.window.window_state import WindowState

    state = WindowState()
    state.save(app.window)
    state.set_value("appearance/scheme", "dark")
    assert oct(state.path.stat().st_mode & 0o777) == "0o600"


def test_the_window_says_the_profiles_were_kept_aside(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, isolated_home: Path
) -> None:
    """What the person sees when ``run_window`` had to set a damaged profiles file aside."""
    from PySide6.QtWidgets import QMessageBox

    from inspector.config.profiles import ProfilesFileError, load_profiles
    from inspector.ui.app import _set_profiles_aside
    from inspector.ui.window.main_window import MainWindow

    profiles = config(isolated_home) / "profiles.json"
    os.mkfifo(profiles)
    with pytest.raises(ProfilesFileError) as caught:
        load_profiles()
    notice = _set_profiles_aside(caught.value)
    window = MainWindow()
    qtbot.addWidget(window)
    window.notices.settings_notice(notice)
    box = window.findChild(QMessageBox, "settingsNoticeBox")
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert not box.isModal()
    assert box.text().startswith("The profiles file could not be read (cannot read ")
    assert "named pipe" in box.text()
    assert str(kept_aside(profiles)[0]) in box.text()
    box.close()
