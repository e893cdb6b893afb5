"""The history file: remembered between runs, bounded, searchable, and safe when broken."""

from __future__ import annotations

import json
from pathlib import Path

from inspector.config.history import History, history_path
from inspector.i18n import use_language

ENDPOINT = "https://cloud-desktop.api.cloud.yandex.net"


def record(
    history: History, image_id: str, name: str = "n", status: str = "ACTIVE", *, at: float = 1e3
) -> None:
    """Record a fetch and save it, as the window does soon after each fetch."""
    history.record(image_id, name=name, status=status, endpoint=ENDPOINT, fetched_at=at)
    history.flush()


def test_the_file_lives_in_the_user_state_folder(isolated_home: Path) -> None:
    assert history_path().is_relative_to(isolated_home / ".local/state")


def test_entries_are_remembered_between_runs(tmp_path: Path) -> None:
    path = tmp_path / "h" / "history.json"
    history = History(path)
    record(history, "e3vaaa", name="alpha", at=1000.0)
    record(history, "e3vbbb", name="beta", status="CREATING", at=1001.0)
    record(history, "e3vaaa", name="alpha-renamed", at=1002.0)
    again = History(path)
    assert [(e.image_id, e.name) for e in again.entries] == [
        ("e3vaaa", "alpha-renamed"),
        ("e3vbbb", "beta"),
    ]
    assert again.entries[1].status == "CREATING"
    assert again.problem is None
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert set(saved["entries"][0]) == {"imageId", "name", "status", "fetchedAt", "endpoint"}
    assert saved["entries"][0]["fetchedAt"] == "1970-01-01T00:16:42Z"


def test_bounded(tmp_path: Path) -> None:
    history = History(tmp_path / "history.json", max_entries=3)
    for index in range(5):
        record(history, f"e3v{index}", at=1000.0 + index)
    assert [e.image_id for e in History(tmp_path / "history.json").entries] == [
        "e3v4",
        "e3v3",
        "e3v2",
    ]


def test_search_matches_every_word_anywhere(tmp_path: Path) -> None:
    history = History(tmp_path / "history.json")
    record(history, "e3vaaa", name="Ubuntu office", status="ACTIVE", at=1000.0)
    record(history, "e3vbbb", name="debian", status="CREATING", at=1001.0)
    assert [e.image_id for e in history.search("ubuntu")] == ["e3vaaa"]
    assert [e.image_id for e in history.search("creat deb")] == ["e3vbbb"]
    assert [e.image_id for e in history.search("E3V")] == ["e3vbbb", "e3vaaa"]
    assert history.search("nothing-like-it") == []
    assert len(history.search("")) == 2


def test_clear(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    history = History(path)
    record(history, "e3vaaa")
    history.clear()
    assert history.entries == []
    assert History(path).entries == []


def test_two_windows_keep_each_others_entries(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    first, second = History(path), History(path)
    record(first, "e3vaaa", at=1000.0)
    record(second, "e3vbbb", at=1001.0)
    assert [e.image_id for e in History(path).entries] == ["e3vbbb", "e3vaaa"]


def test_a_broken_file_is_kept_aside_and_history_starts_empty(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    for content in (
        b"{not json",
        b"\x00\x01\x02",
        b'{"version": 1, "entries": [{"imageId": "a/b"}]}',
    ):
        path.write_bytes(content)
        history = History(path)
        assert history.entries == []
        assert history.problem is not None
        assert "could not be read" in history.problem
        backups = list(tmp_path.glob("history.json.broken-*"))
        assert backups, content
        assert backups[0].read_bytes() == content
        backups[0].unlink()
        record(history, "e3vaaa")
        assert [e.image_id for e in History(path).entries] == ["e3vaaa"]


def test_a_newer_format_is_not_overwritten_silently(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text('{"version": 2, "entries": []}', encoding="utf-8")
    history = History(path)
    assert history.problem is not None
    assert "version" in history.problem
    assert list(tmp_path.glob("history.json.broken-*"))


def test_the_note_about_a_damaged_file_speaks_the_chosen_language(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text('{"version": 2, "entries": []}', encoding="utf-8")
    assert use_language("ru") == "ru", "run `python -m tools.i18n_build` first"
    try:
        history = History(path)
    finally:
        use_language("en")
    backup = next(tmp_path.glob("history.json.broken-*"))
    assert history.problem == (
        f"Файл истории {path} не удалось прочитать (его версия — 2); "  # noqa: RUF001
        f"его копия сохранена как {backup}."  # noqa: RUF001
    )


def test_an_unwritable_folder_is_reported_not_raised(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    history = History(blocker / "history.json")
    record(history, "e3vaaa")
    assert history.entries[0].image_id == "e3vaaa"
    assert history.problem is not None
    assert "cannot save the history" in history.problem


def test_a_fetch_touches_the_disk_only_when_flushed(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    history = History(path)
    history.record("e3vaaa", name="n", status="CREATING", endpoint=ENDPOINT, fetched_at=1000.0)
    history.record("e3vaaa", name="n", status="ACTIVE", endpoint=ENDPOINT, fetched_at=1005.0)
    assert [(e.status, e.fetched_at) for e in history.entries] == [("ACTIVE", 1005.0)]
    assert not path.exists()
    history.flush()
    assert [(e.status, e.fetched_at) for e in History(path).entries] == [("ACTIVE", 1005.0)]
    modified = path.stat().st_mtime_ns
    history.flush()  # nothing new: not written again
    assert path.stat().st_mtime_ns == modified
