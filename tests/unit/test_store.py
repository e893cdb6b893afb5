"""The one store: every remembered file where it always was, and one rule for a damaged one."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from inspector.config import store
from inspector.config.store import DamagedFile, parse_object, read_bounded, set_aside


def test_every_file_stays_where_earlier_versions_kept_it(isolated_home: Path) -> None:
    config = isolated_home / ".config" / "cloud-desktop-inspector"
    state = isolated_home / ".local" / "state" / "cloud-desktop-inspector"
    assert store.PROFILES.path == config / "profiles.json"
    assert store.BROWSE.path == config / "browse.json"
    assert store.LANGUAGE.path == config / "language"
    assert store.WINDOW.path == config / "window.ini"
    assert store.POLICY.path == config / "policy.toml"
    assert store.HISTORY.path == state / "history.json"


def test_a_missing_file_reads_as_none_a_fifo_or_a_list_as_damaged(tmp_path: Path) -> None:
    assert read_bounded(tmp_path / "absent.json", 100) is None
    pipe = tmp_path / "pipe.json"
    os.mkfifo(pipe)
    with pytest.raises(DamagedFile, match="named pipe"):
        read_bounded(pipe, 100)
    with pytest.raises(DamagedFile, match="object"):
        parse_object(tmp_path / "list.json", b"[1]")


def test_a_damaged_file_is_set_aside_under_its_name_and_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "window.ini"
    path.write_text("garbage", encoding="utf-8")
    backup = tmp_path / "window.ini.bak"
    with caplog.at_level(logging.WARNING):
        assert set_aside(DamagedFile(path, "it is not a settings file"), backup=backup) == backup
    assert not path.exists()
    assert backup.read_text(encoding="utf-8") == "garbage"
    assert str(backup) in caplog.text


def test_a_file_that_cannot_be_moved_is_left_and_reported(tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    assert set_aside(DamagedFile(missing, "it is not JSON")) is None
