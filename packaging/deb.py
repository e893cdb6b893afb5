"""The standalone build as a Debian package: ``python packaging/build.py --deb``.

``cloud-desktop-inspector_<version>_amd64.deb`` holds:

- the one-folder build in ``/opt/cloud-desktop-inspector``, and ``/usr/bin/cloud-desktop-inspector``
  linking to its executable;
- the desktop entry, the hicolor icons, the AppStream metainfo and the support bundle MIME type
  under ``/usr/share`` (the same files ``desktop install`` writes, from the same code);
- ``/usr/share/doc/cloud-desktop-inspector/copyright``: the app's licence, the third-party
  notices and every licence text the build ships.

``Depends:`` is derived, not written by hand: every library an ELF file of the build needs
(``NEEDED``) that the build does not carry itself is one it takes from the system; ``dpkg -S``
names the package that holds it on the build machine, and the newest glibc symbol version any
file needs gives libc6's lower bound. dpkg's own triggers refresh the desktop, MIME and icon
caches, so the package needs no maintainer scripts, and removing it leaves nothing behind.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "cloud-desktop-inspector"
PREFIX = Path("/opt") / APP
MAINTAINER = (
    "Cloud Desktop Image Inspector developers <cloud-desktop-inspector@users.noreply.github.com>"
)
HOMEPAGE = "https://github.com/cloud-desktop-inspector/cloud-desktop-inspector"
_NEEDED = re.compile(r"^\s*NEEDED\s+(\S+)", re.MULTILINE)
_GLIBC = re.compile(r"\bGLIBC_(\d+)\.(\d+)(?:\.(\d+))?\b")


def elf_files(folder: Path) -> list[Path]:
    found = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    found.append(path)
    return found


def system_needs(folder: Path) -> tuple[set[str], tuple[int, ...]]:
    """The libraries the build needs but does not carry, and the newest glibc version it needs."""
    carried = {path.name for path in folder.rglob("*")}
    needed: set[str] = set()
    newest: tuple[int, ...] = (0,)
    for path in elf_files(folder):
        headers = subprocess.run(
            ["objdump", "-p", str(path)], capture_output=True, text=True, check=True
        ).stdout
        needed |= set(_NEEDED.findall(headers))
        for match in _GLIBC.finditer(headers):
            newest = max(newest, tuple(int(part) for part in match.groups() if part))
    return needed - carried, newest


def library_paths() -> dict[str, str]:
    """The dynamic linker's cache on this machine: library name to path, for x86-64."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    paths: dict[str, str] = {}
    for line in listing.splitlines()[1:]:
        name, _, rest = line.strip().partition(" ")
        if "x86-64" in rest and "=>" in rest:
            paths.setdefault(name, rest.split("=>", 1)[1].strip())
    return paths


def owning_package(path: str) -> str | None:
    """The Debian package that installed ``path`` (tried as is and without the /usr merge)."""
    real = os.path.realpath(path)
    candidates = [path, real]
    for candidate in list(candidates):
        if candidate.startswith("/usr/lib/"):
            candidates.append(candidate.removeprefix("/usr"))
        elif candidate.startswith("/lib/"):
            candidates.append("/usr" + candidate)
    for candidate in candidates:
        found = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if found.returncode == 0:
            return found.stdout.split(":", 1)[0].split(",")[0].strip()
    return None


def depends(folder: Path) -> str:
    """The ``Depends:`` value for the build in ``folder``; stops when a library has no package."""
    libraries, glibc = system_needs(folder)
    paths = library_paths()
    packages: set[str] = set()
    missing = []
    for library in sorted(libraries):
        package = owning_package(paths[library]) if library in paths else None
        if package is None:
            missing.append(library)
        else:
            packages.add(package)
    if missing:
        raise SystemExit(f"no Debian package holds these libraries the build needs: {missing}")
    version = ".".join(str(part) for part in glibc)
    return ", ".join(
        f"{package} (>= {version})" if package == "libc6" else package
        for package in sorted(packages)
    )


def copyright_text(folder: Path) -> str:
    """The app's licence, the notices, then every licence text the build carries, in full."""
    parts = [
        "Cloud Desktop Image Inspector\n",
        "The app is under the MIT License below. The standalone build in /opt/cloud-desktop-"
        "inspector also contains the software listed in the third-party notices, each under "
        "the licence whose full text follows them.\n",
        "=== LICENSE (MIT) ===\n" + (ROOT / "LICENSE").read_text(encoding="utf-8"),
        "=== THIRD_PARTY_NOTICES.md ===\n"
        + (ROOT / "THIRD_PARTY_NOTICES.md").read_text(encoding="utf-8"),
    ]
    for path in sorted((folder / "licenses").rglob("*")):
        if path.is_file():
            text = path.read_text(encoding="utf-8", errors="replace")
            parts.append(f"=== licenses/{path.relative_to(folder / 'licenses')} ===\n{text}")
    return "\n".join(parts)


def _write(path: Path, data: bytes, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    path.chmod(mode)


def _tree_kib(root: Path) -> int:
    total = sum(p.lstat().st_size for p in root.rglob("*") if p.is_file() or p.is_symlink())
    return (total + 1023) // 1024


def build_deb(folder: Path, dist: Path, work: Path, version: str) -> Path:
    """Pack ``folder`` (the one-folder build) as ``dist/<app>_<version>_amd64.deb``."""
    sys.path.insert(0, str(ROOT))
    from inspector.desktop.entries import desktop_files

    root = work / "deb"
    shutil.rmtree(root, ignore_errors=True)
    shutil.copytree(folder, root / PREFIX.relative_to("/"), symlinks=True)
    for path in [root, *root.rglob("*")]:
        if path.is_dir() and not path.is_symlink():
            path.chmod(0o755)
        elif path.is_file() and not path.is_symlink():
            path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
    link = root / "usr" / "bin" / APP
    link.parent.mkdir(parents=True)
    link.symlink_to(PREFIX / APP)
    share = root / "usr" / "share"
    for relative, data in desktop_files([f"/usr/bin/{APP}"]).items():
        _write(share / relative, data)
    _write(share / "doc" / APP / "copyright", copyright_text(folder).encode("utf-8"))
    for path in share.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    control = "\n".join(
        [
            f"Package: {APP}",
            f"Version: {version}",
            "Architecture: amd64",
            f"Maintainer: {MAINTAINER}",
            f"Installed-Size: {_tree_kib(root)}",
            f"Depends: {depends(folder)}",
            "Section: net",
            "Priority: optional",
            f"Homepage: {HOMEPAGE}",
            "Description: inspect Yandex Cloud Desktop images",
            " Fetches a Yandex Cloud Desktop image by ID through the Cloud Desktop API and",
            " shows its status, labels, sizes and created time, or explains what went wrong",
            " with the request IDs support asks for. Opens support bundles offline.",
            "",
        ]
    )
    _write(root / "DEBIAN" / "control", control.encode("utf-8"))
    (root / "DEBIAN").chmod(0o755)
    target = dist / f"{APP}_{version}_amd64.deb"
    target.unlink(missing_ok=True)
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target
