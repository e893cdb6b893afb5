"""``desktop install`` / ``uninstall``: the files a Linux desktop reads, valid and complete.

Checked with ``desktop-file-validate`` and ``appstreamcli validate`` where they are installed
(CI installs them), and by parsing the files in any case.
"""

from __future__ import annotations

import configparser
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from inspector.cli.main import main
from inspector.desktop.entries import BUNDLE_TYPE, exec_line
from inspector.desktop.install import data_home, running_command
from inspector.resources import icon_files

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"


def install(home: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    assert main(["desktop", "install"]) == 0
    out = capsys.readouterr().out
    target = home / ".local" / "share"
    assert f"under {target}" in out
    return target


def read_entry(path: Path) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(path.read_text(encoding="utf-8"))
    return parser


def test_the_desktop_entry_runs_this_copy_with_open(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = install(isolated_home, capsys)
    entry = read_entry(target / "applications" / "cloud-desktop-inspector.desktop")
    main_group = entry["Desktop Entry"]
    command = running_command()
    assert command[0] == str(Path(sys.executable).parent / "cloud-desktop-inspector")
    assert main_group["Exec"] == f"{exec_line(command)} open %F"
    assert main_group["TryExec"] == command[0]
    assert main_group["Type"] == "Application"
    assert main_group["Icon"] == "cloud-desktop-inspector"
    assert main_group["MimeType"] == f"{BUNDLE_TYPE};"
    assert "Network" in main_group["Categories"].split(";")
    assert main_group["Name"] == "Cloud Desktop Image Inspector"
    assert main_group["Name[ru]"] == "Инспектор образов Cloud Desktop"
    assert main_group["Comment[ru]"].startswith("Получить образ Yandex Cloud Desktop по ID")
    assert "VDI" in main_group["Keywords"].split(";")
    assert "образ" in main_group["Keywords[ru]"].split(";")
    assert entry["Desktop Action demo"]["Exec"].endswith("--demo --new-instance")
    if validator := shutil.which("desktop-file-validate"):
        result = subprocess.run(
            [validator, str(target / "applications" / "cloud-desktop-inspector.desktop")],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert not result.stdout.strip(), result.stdout  # not even a warning


def test_icons_metainfo_and_the_bundle_type(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = install(isolated_home, capsys)
    sizes = [item.name.split("-")[-1].removesuffix(".png") for item in icon_files()]
    assert sizes == ["16", "24", "32", "48", "64", "128", "256", "512"]
    for size in sizes:
        icon = (
            target / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "cloud-desktop-inspector.png"
        )
        assert icon.read_bytes().startswith(b"\x89PNG")
    metainfo = target / "metainfo" / "io.github.cloud_desktop_inspector.metainfo.xml"
    component = ET.parse(metainfo).getroot()
    assert component.get("type") == "desktop-application"
    assert component.findtext("id") == "io.github.cloud_desktop_inspector"
    assert component.findtext("launchable") == "cloud-desktop-inspector.desktop"
    assert component.findtext("project_license") == "MIT"
    summaries = {s.get(XML_LANG): s.text for s in component.findall("summary")}
    assert summaries == {
        None: "Cloud desktop image inspector",
        "ru": "Инспектор образов облачных рабочих столов",
    }
    if validator := shutil.which("appstreamcli"):
        result = subprocess.run(
            [validator, "validate", "--no-net", str(metainfo)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, result.stdout + result.stderr
    mime = ET.parse(target / "mime" / "packages" / "cloud-desktop-inspector.xml").getroot()
    kind = mime.find(f"{MIME_NS}mime-type")
    assert kind is not None
    assert kind.get("type") == BUNDLE_TYPE
    glob = kind.find(f"{MIME_NS}glob")
    assert glob is not None
    assert glob.get("pattern") == "*.inspector.json"
    comments = {c.get(XML_LANG) for c in kind.findall(f"{MIME_NS}comment")}
    assert comments == {None, "ru"}


def test_uninstall_removes_every_file_it_wrote(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = install(isolated_home, capsys)
    ours = {
        path
        for path in target.rglob("*")
        if path.is_file()
        and ("cloud-desktop-inspector" in path.name or "cloud_desktop" in path.name)
    }
    assert len(ours) >= 11  # and the desktop database's own entry for the type, where it runs
    assert main(["desktop", "uninstall"]) == 0
    assert "Removed from the desktop menu (11 files removed" in capsys.readouterr().out
    assert not [path for path in ours if path.exists()]
    assert main(["desktop", "uninstall"]) == 0
    assert "nothing to remove" in capsys.readouterr().out


def test_a_folder_that_cannot_be_written_is_an_error(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocked = isolated_home / ".local" / "share"
    blocked.mkdir(parents=True)
    (blocked / "applications").write_text("a file where a folder should be")
    assert main(["desktop", "install"]) == 1
    assert "error: cannot change" in capsys.readouterr().err


def test_xdg_data_home_is_honoured_only_when_absolute() -> None:
    assert data_home({"XDG_DATA_HOME": "/srv/data", "HOME": "/home/u"}) == Path("/srv/data")
    assert data_home({"XDG_DATA_HOME": "relative", "HOME": "/home/u"}) == Path(
        "/home/u/.local/share"
    )


@pytest.mark.parametrize(
    ("argv", "line"),
    [
        (["/opt/app/run"], "/opt/app/run"),
        (
            ["/home/o p/.venv/bin/python", "-m", "inspector"],
            '"/home/o p/.venv/bin/python" -m inspector',
        ),
        (['/a"b$c'], '"/a\\\\"b\\\\$c"'),
        (["/100%/x"], "/100%%/x"),
    ],
)
def test_exec_is_quoted_as_the_specification_says(argv: list[str], line: str) -> None:
    assert exec_line(argv) == line


def test_the_desktop_stays_english_without_the_catalogue(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from inspector.desktop import entries

    monkeypatch.setattr(entries, "catalogue_path", lambda _language: isolated_home / "none.mo")
    text = entries.desktop_entry(["/x"], entries.translations())
    assert "[ru]" not in text
    assert "Name=Cloud Desktop Image Inspector" in text
