"""``desktop install`` / ``desktop uninstall``: the desktop files for the current user.

They go where the XDG base directory specification says (``$XDG_DATA_HOME``, by default
``~/.local/share``), point at the copy of the app that is running (the venv's script or the
standalone build), and the desktop's caches are refreshed with its own tools when it has them.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from inspector import APP_NAME
from inspector.config.files import write_atomically
from inspector.desktop.entries import DESKTOP_FILE, desktop_files

# Each tool and the data subfolder it refreshes; absent tools are skipped.
CACHE_TOOLS: tuple[tuple[str, str, list[str]], ...] = (
    ("update-desktop-database", "applications", ["-q"]),
    ("update-mime-database", "mime", []),
    ("gtk-update-icon-cache", "icons/hicolor", ["-q", "-t", "-f"]),
)
TOOL_TIMEOUT_SECONDS = 60


def data_home(environ: dict[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` when it is an absolute path (the specification ignores others)."""
    environ = dict(os.environ) if environ is None else environ
    value = environ.get("XDG_DATA_HOME", "")
    if os.path.isabs(value):
        return Path(value)
    return Path(environ.get("HOME") or Path.home()) / ".local" / "share"


def running_command() -> list[str]:
    """How to start the copy of the app that runs now: the standalone executable, the venv's
    ``cloud-desktop-inspector`` script, or this Python with ``-m inspector``."""
    if getattr(sys, "frozen", False):
        return [os.path.abspath(sys.executable)]
    # Not resolved: a venv's python is a link out of the venv, and the venv is what counts.
    script = Path(os.path.abspath(sys.executable)).parent / APP_NAME
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [os.path.abspath(sys.executable), "-m", "inspector"]


def install(target: Path, command: list[str]) -> list[Path]:
    """Write every desktop file under ``target`` (a data folder); returns what was written."""
    written = []
    for relative, data in desktop_files(command).items():
        path = target / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
        path.chmod(0o644)
        written.append(path)
    refresh_caches(target)
    return written


def uninstall(target: Path) -> list[Path]:
    """Remove the desktop files under ``target``; returns what was removed."""
    removed = []
    for relative in desktop_files([APP_NAME]):
        path = target / relative
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
            removed.append(path)
    refresh_caches(target)
    return removed


def installed(target: Path) -> bool:
    return (target / DESKTOP_FILE).is_file()


def refresh_caches(target: Path) -> None:
    """Let the desktop see the change now: its menu, file type and icon caches."""
    for tool, folder, arguments in CACHE_TOOLS:
        program = shutil.which(tool)
        if program is None or not (target / folder).is_dir():
            continue
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            subprocess.run(
                [program, *arguments, str(target / folder)],
                check=False,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=TOOL_TIMEOUT_SECONDS,
            )
