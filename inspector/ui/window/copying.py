"""What Edit's copy actions put on the clipboard, in one table.

Each kind of copy names its menu text, where its text comes from, what the status bar says
once it is copied and whether it is a command built from the image ID (such a command cannot
be made while the tab shows a file whose ID is not valid).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto
from typing import TYPE_CHECKING, Final, NamedTuple

from PySide6.QtGui import QGuiApplication

from inspector.i18n import N_, _

if TYPE_CHECKING:
    from inspector.ui.page.page_actions import PageActions


class CopyKind(Enum):
    CURL = auto()
    YC = auto()
    JSON = auto()
    IDS = auto()


class CopySpec(NamedTuple):
    menu_text: str
    take: Callable[[PageActions], str | None]
    copied: str
    command: bool = False
    tip: str = ""


COPIES: Final = {
    CopyKind.CURL: CopySpec(
        N_("Copy as &curl"),
        lambda actions: actions.curl_text(),
        N_("Copied the curl command"),
        command=True,
        tip=N_("The same request as a curl command; the token comes from `yc iam create-token`"),
    ),
    CopyKind.YC: CopySpec(
        N_("Copy as &yc Command"),
        lambda actions: actions.yc_text(),
        N_("Copied the yc command"),
        command=True,
    ),
    CopyKind.JSON: CopySpec(
        N_("Copy Image as &JSON"),
        lambda actions: actions.image_json_text(),
        N_("Copied the image as JSON"),
    ),
    CopyKind.IDS: CopySpec(
        N_("Copy Request &IDs"),
        lambda actions: actions.request_ids_text(),
        N_("Copied the request IDs"),
    ),
}


def copy_to_clipboard(actions: PageActions | None, kind: CopyKind) -> str:
    """Put the tab's text of ``kind`` on the clipboard, exact (even while presenting: what is
    pasted must still work); returns what the status bar says about it."""
    copy = COPIES[kind]
    problem = None if actions is None else actions.export_problem()
    if problem is not None and copy.command:
        return problem
    text = None if actions is None else copy.take(actions)
    if text is None:
        return _("Nothing to copy yet: fetch an image first")
    QGuiApplication.clipboard().setText(text)
    return _(copy.copied)
