"""File, Open and File, Save for Support: the file choosers, and the folder they start in.

Both open with ``open()``, never ``exec()``: a nested event loop inside the qasync loop breaks
running tasks. The folder of the last file opened or saved is where the next chooser starts.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from inspector.i18n import _

if TYPE_CHECKING:
    from PySide6.QtWidgets import QFileDialog

    from inspector.ui.page.page_actions import PageActions


class FileDialogs:
    """The choosers of ``window``. ``say`` puts a line in the status bar, ``file_error``
    warns that a file could not be saved, ``chosen`` takes a file to open."""

    def __init__(
        self,
        window: QWidget,
        say: Callable[[str], None],
        file_error: Callable[[str, str], None],
        chosen: Callable[[str], None],
    ) -> None:
        self._window = window
        self._say = say
        self._file_error = file_error
        self._chosen = chosen
        self._folder = ""

    def _dialog(self, title: str, name: str, saving: bool, filters: list[str]) -> QFileDialog:
        from PySide6.QtWidgets import QFileDialog

        dialog = QFileDialog(self._window, title)
        dialog.setObjectName(name)
        if saving:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        else:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptOpen)
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilters(filters)
        if self._folder:
            dialog.setDirectory(self._folder)
        dialog.finished.connect(dialog.deleteLater)
        return dialog

    def save_for_support(self, actions: PageActions | None) -> None:
        """Ask where to save the tab's answer as a support bundle."""
        name = None if actions is None else actions.bundle_file_name()
        if actions is None or name is None:
            self._say(_("Nothing to save: fetch an image first (an opened file is saved)"))
            return
        filters = [_("Support bundles (*.inspector.json)"), _("JSON files (*.json)")]
        dialog = self._dialog(_("Save for Support"), "saveBundleDialog", True, filters)
        dialog.selectFile(name)
        dialog.fileSelected.connect(lambda path: self._save_bundle(actions, path))
        dialog.open()

    def _save_bundle(self, actions: PageActions, path_text: str) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion

        path = Path(path_text)
        self._folder = str(path.parent)
        try:
            saved = actions.save_support_bundle(path, qVersion(), pyside_version)
        except OSError as error:
            message = _("Cannot save {file}: {reason}")
            reason = error.strerror or error
            self._file_error(message.format(file=path.name, reason=reason), path_text)
            return
        saved_text = _("Saved for support: {path}").format(path=path)
        self._say(saved_text if saved else _("Nothing to save"))

    def open_file(self) -> None:
        """Ask for a bundle or a JSON body to show offline."""
        filters = [_("Bundles and JSON (*.json)"), _("All files (*)")]
        dialog = self._dialog(_("Open a Bundle or JSON File"), "openFileDialog", False, filters)
        dialog.fileSelected.connect(self._file_chosen)
        dialog.open()

    def _file_chosen(self, path_text: str) -> None:
        self._folder = str(Path(path_text).parent)
        self._chosen(path_text)
