"""``cloud-desktop-inspector desktop install|uninstall``: what was done, in the user's words."""

from __future__ import annotations

import sys
from typing import TextIO

from inspector.desktop.install import data_home, install, installed, running_command, uninstall
from inspector.i18n import _, ngettext


def run_desktop(installing: bool, out: TextIO, err: TextIO) -> int:
    """Install or remove the desktop files for the current user; 0 on success, 1 if not."""
    if not sys.platform.startswith("linux"):
        print(_("error: desktop entries are for Linux desktops only"), file=err)
        return 1
    target = data_home()
    try:
        if installing:
            command = running_command()
            written = install(target, command)
            count = ngettext("{count} file written", "{count} files written", len(written))
            print(
                _("Added to the desktop menu ({files} under {folder}); it runs {command}").format(
                    files=count.format(count=len(written)), folder=target, command=command[0]
                ),
                file=out,
            )
            return 0
        if not installed(target):
            print(_("Not in the desktop menu: nothing to remove."), file=out)
        removed = uninstall(target)
        if removed:
            count = ngettext("{count} file removed", "{count} files removed", len(removed))
            print(
                _("Removed from the desktop menu ({files} under {folder}).").format(
                    files=count.format(count=len(removed)), folder=target
                ),
                file=out,
            )
    except OSError as error:
        reason = error.strerror or str(error)
        where = error.filename or target
        print(
            _("error: cannot change {path}: {reason}").format(path=where, reason=reason), file=err
        )
        return 1
    return 0
