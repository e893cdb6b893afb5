"""Local files: only regular files are read, each up to a cap, through the API's JSON decoder;
every write is atomic, private (0600) and never follows a symlink an attacker left."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from inspector.api.local_files import (
    FileTooLarge,
    LocalFileError,
    file_reason,
    read_json_object,
    read_regular,
)
from inspector.api.wire_json import BodyError, BodyReason
from inspector.config.files import write_atomically
from inspector.config.history import History
from inspector.config.language import save_language, saved_language
from inspector.config.profiles import Profile, ProfileBook, load_profiles, save_profiles
from inspector.core.bundle import save_bundle


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(LocalFileError, match=r"it is a named pipe \(FIFO\), not a regular file"):
        read_regular(fifo, 1024)


def test_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LocalFileError, match="it is a device, not a regular file"):
        read_regular(Path("/dev/zero"), 1024)


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LocalFileError, match="it is a folder, not a file") as caught:
        read_regular(tmp_path, 1024)
    assert caught.value.filename == str(tmp_path)


def test_a_file_over_its_cap_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big"
    with path.open("wb") as handle:
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(FileTooLarge, match=r"it is 200\.0 MiB; at most 1\.0 MiB is read"):
        read_regular(path, 1024 * 1024)


def test_a_missing_file_is_the_usual_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        read_regular(tmp_path / "nope", 10)


def test_a_small_regular_file_is_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "ok"
    path.write_bytes(b"x" * 1024)
    assert read_regular(path, 1024) == b"x" * 1024


def test_json_nested_100000_deep_is_a_body_error_not_a_recursion_error(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(BodyError, match="nested too deeply"):
        read_json_object(path, 1024 * 1024)


@pytest.mark.parametrize(
    ("content", "reason", "about_the_body", "about_a_file"),
    [
        (b"", BodyReason.EMPTY, "the body is empty", "the file is empty"),
        (
            b"\xff",
            BodyReason.NOT_UTF8,
            "the body is not valid UTF-8",
            "the file is not valid UTF-8",
        ),
        (b"<html>", BodyReason.HTML, "the body is HTML, not JSON", "the file is HTML, not JSON"),
        (b"nope", BodyReason.NOT_JSON, "the body is not JSON", "the file is not JSON"),
        (b"[" * 100_000, BodyReason.TOO_DEEP, "an API answer", "a file of this kind"),
        (b'"x"', BodyReason.NOT_OBJECT, "got a string", "got a string"),
    ],
)
def test_the_decoder_gives_a_reason_code_worded_for_a_body_or_a_file(
    tmp_path: Path, content: bytes, reason: BodyReason, about_the_body: str, about_a_file: str
) -> None:
    path = tmp_path / "file.json"
    path.write_bytes(content)
    with pytest.raises(BodyError) as caught:
        read_json_object(path, 1024 * 1024)
    assert caught.value.reason is reason
    assert about_the_body in str(caught.value)
    assert about_a_file in file_reason(caught.value)


def test_atomic_writes_are_private_whatever_the_umask(tmp_path: Path) -> None:
    previous = os.umask(0)
    try:
        path = tmp_path / "new" / "file.json"
        write_atomically(path, b"{}")
    finally:
        os.umask(previous)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["file.json"]  # no temporary left


def test_an_atomic_write_replaces_a_symlink_and_never_writes_through_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    path = tmp_path / "settings.json"
    path.symlink_to(victim)
    write_atomically(path, b"new")
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not path.is_symlink()
    assert path.read_bytes() == b"new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    folder.mkdir()
    path = folder / "file.json"
    path.write_bytes(b"old")
    with pytest.raises(TypeError):
        write_atomically(path, None)  # type: ignore[arg-type]  # the write itself fails
    assert path.read_bytes() == b"old"
    assert [p.name for p in folder.iterdir()] == ["file.json"]


def test_the_language_choice_uses_no_fixed_partial_name_and_no_symlink(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("keep me", encoding="utf-8")
    path = tmp_path / "language"
    (tmp_path / "language.partial").symlink_to(victim)  # the old fixed name, as a trap
    path.symlink_to(victim)
    save_language("ru", path)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not path.is_symlink()
    assert mode(path) == 0o600
    assert saved_language(path) == "ru"


def test_a_fifo_language_file_reads_as_no_choice(tmp_path: Path) -> None:
    path = tmp_path / "language"
    os.mkfifo(path)
    assert saved_language(path) is None


def test_profiles_history_and_bundles_are_written_private(tmp_path: Path) -> None:
    profiles = save_profiles(ProfileBook().with_profile(Profile("work")), tmp_path / "p.json")
    assert mode(profiles) == 0o600
    assert load_profiles(profiles).current == "work"
    history = History(tmp_path / "history.json")
    history.record("e3vc67qdve8q12345678", name="n", status="ACTIVE", endpoint="https://x")
    history.flush()
    assert mode(tmp_path / "history.json") == 0o600
    save_bundle(tmp_path / "b.inspector.json", {"format": "x"})
    assert mode(tmp_path / "b.inspector.json") == 0o600


def test_a_fifo_history_is_kept_aside_and_reads_empty(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    os.mkfifo(path)
    history = History(path)
    assert history.entries == []
    assert history.problem is not None
    assert "named pipe" in history.problem
    assert list(tmp_path.glob("history.json.broken-*"))
