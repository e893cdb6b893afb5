"""What is inside the frozen build: one Qt binding, only the Qt plugins and translations it
uses, a notice for everything bundled, the release files; and it draws on X11 too."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tarfile
from collections.abc import Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

import pytest

from tests.frozen.runner import FROZEN_APP, ROOT, frozen_folder, run_app

PLATFORMS = {"libqoffscreen.so", "libqxcb.so"}
INPUT_METHODS = {"libcomposeplatforminputcontextplugin.so", "libibusplatforminputcontextplugin.so"}
NOTICES = ROOT / "THIRD_PARTY_NOTICES.md"
LOCALE = ROOT / "inspector" / "locale"


@pytest.fixture
def folder() -> Path:
    return frozen_folder()


def test_only_pyside6_is_inside(folder: Path) -> None:
    internal = folder / "_internal"
    assert (internal / "PySide6").is_dir()
    for other in ("PyQt5", "PyQt6", "PySide2", "shiboken2"):
        assert not (internal / other).exists(), other


def test_only_the_qt_plugins_it_uses_and_qt_words_only_in_the_app_languages(
    folder: Path,
) -> None:
    qt = folder / "_internal" / "PySide6" / "Qt"
    plugins = {path.relative_to(qt / "plugins") for path in (qt / "plugins").rglob("*.so")}
    assert {Path("platforms", name) for name in PLATFORMS} <= plugins
    allowed = {Path("platforms", name) for name in PLATFORMS}
    allowed |= {Path("platforminputcontexts", name) for name in INPUT_METHODS}
    assert plugins <= allowed
    assert not list(qt.glob("translations/*.qm"))
    languages = [path.parent.parent.name for path in LOCALE.glob("*/LC_MESSAGES/inspector.mo")]
    assert languages
    for language in languages:
        locale = folder / "_internal" / "inspector" / "locale"
        assert (locale / language / "LC_MESSAGES" / "inspector.mo").is_file()
        assert (locale / f"qtbase_{language}.qm").is_file()


def test_every_bundled_library_and_package_has_a_notice(folder: Path) -> None:
    named = {_normalized(name) for name in re.findall(r"`([^`]+)`", NOTICES.read_text("utf-8"))}
    libraries = {
        re.sub(r"\.so(\.\d+)*$", "", path.name)
        for path in (folder / "_internal").rglob("lib*.so*")
        if "plugins" not in path.parts and ".abi3" not in path.name
    }
    distributions = {
        distribution
        for module in _bundled_top_level_modules(folder)
        for distribution in packages_distributions().get(module, [])
    } - {"cloud-desktop-inspector"}
    assert distributions >= {"httpx", "pydantic", "qasync", "shiboken6"}
    missing = sorted(name for name in libraries | distributions if _normalized(name) not in named)
    assert not missing, f"shipped without a notice in THIRD_PARTY_NOTICES.md: {missing}"
    licenses = folder / "licenses"
    for text in ("LGPL-3.0.txt", "GPL-3.0.txt", "ICU.txt", "Python.txt"):
        assert (licenses / text).is_file(), text


def _normalized(name: str) -> str:
    """Package names compare as pip compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def _bundled_top_level_modules(folder: Path) -> set[str]:
    """Top-level Python modules inside the executable's archive and beside it."""
    readers = pytest.importorskip("PyInstaller.archive.readers")
    executable = readers.CArchiveReader(str(folder / FROZEN_APP.name))
    archive = executable.open_embedded_archive("PYZ.pyz")
    modules = {name.split(".")[0] for name in archive.toc}
    modules |= {path.name for path in (folder / "_internal").iterdir() if path.is_dir()}
    return modules


def test_release_files_and_the_checksum_of_the_tarball(folder: Path) -> None:
    for name in ("LICENSE", "THIRD_PARTY_NOTICES.md"):
        assert (folder / name).is_file(), name
    assert (folder / "cloud-desktop-inspector.png").read_bytes().startswith(b"\x89PNG")
    archives = sorted(folder.parent.glob("cloud-desktop-inspector-*.tar.gz"))
    if not archives:
        pytest.skip("no tarball beside the folder")
    archive = archives[-1]
    recorded = archive.with_name(archive.name + ".sha256").read_text(encoding="ascii")
    assert recorded == f"{hashlib.sha256(archive.read_bytes()).hexdigest()}  {archive.name}\n"
    with tarfile.open(archive) as tar:
        executable = tar.getmember(f"cloud-desktop-inspector/{FROZEN_APP.name}")
    assert executable.mode & 0o111


@pytest.fixture
def x_display(tmp_path: Path) -> Iterator[str]:
    """A virtual X server (Xvfb) for one test; skips where none is installed."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        with os.fdopen(read_end) as reader:
            number = reader.readline().strip()
        assert number, "Xvfb did not say which display it took"
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_self_test_on_an_x11_display(
    app_command: list[str], x_display: str, tmp_path: Path
) -> None:
    on_x11 = {"QT_QPA_PLATFORM": None, "WAYLAND_DISPLAY": None, "DISPLAY": x_display}
    run = run_app(app_command, ["--demo", "--self-test"], tmp_path, on_x11)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "self-test passed" in run.stdout
    assert not run.leftover_processes
