"""Build the standalone app: one folder, its .tar.gz and the tarball's SHA-256.

    python packaging/build.py            # from the project's virtual environment
    python packaging/build.py --deb      # and the .deb (packaging/deb.py), on Debian or Ubuntu

1. Installs the pinned versions: requirements.lock, plus the `build` extra of pyproject.toml
   (PyInstaller, pinned exactly) constrained by the lock.
2. Compiles the translations (``python -m tools.i18n_build``) and runs PyInstaller on
   packaging/cloud-desktop-inspector.spec into dist/cloud-desktop-inspector/.
3. Adds the licence, the third-party notices and the icon to the folder (its own
   ``desktop install`` puts it in the desktop's menu),
   and under licenses/ the licence texts of everything bundled: each Python distribution's
   own files, Python's, the committed texts in resources/licenses/ (LGPL and GPL for Qt and
   PySide6, ICU's) and, on Debian-like hosts, the copyright files of the system libraries.
4. Packs dist/cloud-desktop-inspector-VERSION-PLATFORM.tar.gz and writes its .sha256 beside it
   (`sha256sum -c` reads it); with ``--deb``, also dist/cloud-desktop-inspector_VERSION_amd64.deb.

`--no-install` skips step 1 when the environment is known to be right.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.metadata
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = "cloud-desktop-inspector"
SPEC = ROOT / "packaging" / f"{APP}.spec"
LOCK = ROOT / "requirements.lock"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
FOLDER = DIST / APP
EXECUTABLE = FOLDER / (f"{APP}.exe" if sys.platform == "win32" else APP)
LICENSE_TEXTS = ROOT / "resources" / "licenses"
LICENSE_NAMES = ("LICENSE", "LICENCE", "COPYING", "NOTICE", "AUTHORS")
# Shipped at the top of the folder, where a person unpacking the tarball sees them.
RELEASE_FILES = {
    ROOT / "LICENSE": "LICENSE",
    ROOT / "THIRD_PARTY_NOTICES.md": "THIRD_PARTY_NOTICES.md",
    ROOT / "inspector" / "resources" / "icons" / f"{APP}-512.png": f"{APP}.png",
}


def build_requirements() -> list[str]:
    """The `build` extra of pyproject.toml: what the build needs beyond the app's own deps."""
    with (ROOT / "pyproject.toml").open("rb") as handle:
        project = tomllib.load(handle)["project"]
    return list(project["optional-dependencies"]["build"])


def install() -> None:
    command = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    command += ["-r", str(LOCK), "-c", str(LOCK), *build_requirements()]
    subprocess.run(command, check=True)


def run_pyinstaller() -> None:
    shutil.rmtree(WORK, ignore_errors=True)
    shutil.rmtree(FOLDER, ignore_errors=True)
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"]
    command += ["--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    subprocess.run(command, check=True, cwd=ROOT)


def check_plugins_resolve() -> None:
    """Stop when a kept Qt plugin links a library this machine lacks: the build would miss it.

    PyInstaller only warns; the xcb plugin then fails on every desktop without that library.
    """
    if not sys.platform.startswith("linux"):
        return
    missing = set()
    for plugin in FOLDER.glob("_internal/PySide6/Qt/plugins/*/*.so"):
        listing = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
        missing |= {line.split()[0] for line in listing.splitlines() if "not found" in line}
    if missing:
        raise SystemExit(
            f"install these libraries before building (Debian: see README): {sorted(missing)}"
        )


def add_release_files() -> None:
    for source, name in RELEASE_FILES.items():
        shutil.copyfile(source, FOLDER / name)


def collect_licenses() -> list[str]:
    """Copy the licence texts of what the folder holds into licenses/; returns warnings."""
    target = FOLDER / "licenses"
    target.mkdir()
    for text in LICENSE_TEXTS.iterdir():
        shutil.copyfile(text, target / text.name)
    version = f"{sys.version_info.major}.{sys.version_info.minor}"
    for candidate in (
        Path(sys.base_prefix, "lib", f"python{version}", "LICENSE.txt"),
        Path(sys.base_prefix, "LICENSE.txt"),
    ):
        if candidate.is_file():
            shutil.copyfile(candidate, target / "Python.txt")
            break
    for distribution in bundled_distributions():
        for file in distribution.files or []:
            in_licenses = "licenses" in file.parts[:-1]
            if in_licenses or file.name.upper().startswith(LICENSE_NAMES):
                folder = target / distribution.metadata["Name"]
                folder.mkdir(exist_ok=True)
                shutil.copyfile(Path(str(distribution.locate_file(file))), folder / file.name)
    return copy_system_copyrights(target)


def bundled_distributions() -> list[importlib.metadata.Distribution]:
    """The installed distributions whose modules the build bundles."""
    from PyInstaller.archive.readers import CArchiveReader  # type: ignore[import-untyped]

    archive = CArchiveReader(str(EXECUTABLE)).open_embedded_archive("PYZ.pyz")
    modules = {name.split(".")[0] for name in archive.toc}
    modules |= {path.name.split(".")[0] for path in (FOLDER / "_internal").iterdir()}
    owners = importlib.metadata.packages_distributions()
    names = sorted({name for module in modules for name in owners.get(module, [])} - {APP})
    return [importlib.metadata.distribution(name) for name in names]


def copy_system_copyrights(target: Path) -> list[str]:
    """Debian's copyright file of each bundled system library; warnings where none is found."""
    libraries = [
        path.name
        for path in (FOLDER / "_internal").glob("lib*.so*")
        if not path.is_symlink() and not path.name.startswith("libpython")
    ]
    if not libraries or shutil.which("dpkg") is None:
        return [f"no copyright file for {name}: not a Debian-like host" for name in libraries]
    warnings = []
    for name in sorted(libraries):
        found = subprocess.run(["dpkg", "-S", name], capture_output=True, text=True, check=False)
        package = found.stdout.split(":", 1)[0] if found.returncode == 0 else ""
        copyright_file = Path("/usr/share/doc", package, "copyright")
        if package and copyright_file.is_file():
            shutil.copyfile(copyright_file, target / f"{package}.copyright")
        else:
            warnings.append(f"no copyright file found for {name}")
    return warnings


def archive_name() -> str:
    from inspector import __version__

    system = {"win32": "windows", "darwin": "macos"}.get(sys.platform, sys.platform)
    return f"{APP}-{__version__}-{system}-{platform.machine().lower()}.tar.gz"


def pack() -> Path:
    """The folder as a .tar.gz owned by root, with its symbolic links and modes kept."""
    for old in DIST.glob(f"{APP}-*.tar.gz*"):
        old.unlink()
    archive = DIST / archive_name()

    def owned_by_root(info: tarfile.TarInfo) -> tarfile.TarInfo:
        info.uid = info.gid = 0
        info.uname = info.gname = "root"
        return info

    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(FOLDER, arcname=APP, filter=owned_by_root)
    digest = hashlib.sha256(archive.read_bytes()).hexdigest()
    archive.with_name(archive.name + ".sha256").write_text(f"{digest}  {archive.name}\n")
    return archive


def folder_bytes(folder: Path) -> int:
    """Bytes of the regular files in ``folder``; symbolic links count nothing."""
    return sum(
        path.lstat().st_size
        for path in folder.rglob("*")
        if path.is_file() and not path.is_symlink()
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-install", action="store_true", help="skip installing the pins")
    parser.add_argument("--deb", action="store_true", help="also make the Debian package")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    started = time.monotonic()
    if not args.no_install:
        install()
    # The compiled translations are package data the spec collects: build them from their sources.
    subprocess.run([sys.executable, "-m", "tools.i18n_build"], check=True, cwd=ROOT)
    run_pyinstaller()
    check_plugins_resolve()
    add_release_files()
    for warning in collect_licenses():
        print(f"warning: {warning}", file=sys.stderr)
    archive = pack()
    mib = 1024 * 1024
    print(f"folder   {FOLDER.relative_to(ROOT)}/  {folder_bytes(FOLDER) / mib:.1f} MiB")
    print(f"archive  {archive.relative_to(ROOT)}  {archive.stat().st_size / mib:.1f} MiB")
    print(f"sha256   {archive.name}.sha256")
    if args.deb:
        from deb import build_deb

        from inspector import __version__

        package = build_deb(FOLDER, DIST, WORK, __version__)
        print(f"deb      {package.relative_to(ROOT)}  {package.stat().st_size / mib:.1f} MiB")
    print(f"built in {time.monotonic() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
