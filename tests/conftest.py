"""Shared test set-up: every test gets its own empty home, config, state and log folders."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.i18n import SOURCE_LANGUAGE, use_language

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_API"] = "pyside6"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point HOME and XDG_* at a temporary folder and clear credentials from the environment."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    for name, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_STATE_HOME", ".local/state"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_CACHE_HOME", ".cache"),
    ):
        monkeypatch.setenv(name, str(home / sub))
    for name in ("YC_IAM_TOKEN", "YC_OAUTH_TOKEN", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)
    return home


@pytest.fixture(autouse=True)
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A private ``XDG_RUNTIME_DIR`` per test, so no window a test starts hands over to another
    (or to one the developer has open). Short: a Unix socket's path is limited to 107 bytes."""
    folder = Path(tempfile.mkdtemp(prefix="cdi-run-"))
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Tests read English whatever the machine's locale, and a test that switches goes back."""
    monkeypatch.setenv("LANGUAGE", "en")
    yield
    use_language(SOURCE_LANGUAGE)


@pytest.fixture
def russian() -> None:
    """The test reads Russian (``english`` puts the source language back after it)."""
    assert use_language("ru") == "ru", "run `python -m tools.i18n_build` first"
