"""Warnings the window gives without blocking: a file not opened, a label policy not used, a
settings file kept aside, an unexpected error; and the log folder they point to.

Every box is non-modal with plain text (a file's name or an error may hold anything) and a
Close button: the window stays usable while it is open. An unexpected error reuses one box
that counts the errors until it is closed.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMainWindow

from inspector.i18n import _, ngettext
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.inert import plain_labels

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMessageBox


class Notices:
    """The warnings of ``window``; ``say`` puts a line in its status bar (masked if need be)."""

    def __init__(self, window: QMainWindow, say: Callable[[str], None]) -> None:
        self._window = window
        self._say = say
        self.log_folder: Path | None = None
        self._file_error_box: QMessageBox | None = None
        self._unexpected_box: QMessageBox | None = None
        self._unexpected_count = 0

    def _warning_box(self, object_name: str, title: str) -> QMessageBox:
        """A non-modal warning with plain text and a Close button: the window stays usable."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self._window)
        box.setObjectName(object_name)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(title)
        box.setWindowModality(Qt.WindowModality.NonModal)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        return box

    def _show_once(self, name: str, title: str, text: str, details: str = "") -> None:
        """A box of its own, deleted when closed."""
        box = self._warning_box(name, title)
        box.setText(text)
        if details:
            box.setInformativeText(details)
        plain_labels(box)
        box.finished.connect(box.deleteLater)
        box.show()

    def file_error(self, message: str, path: str) -> None:
        """Say why a file could not be opened or saved; the tabs stay as they were."""
        box = self._file_error_box
        if box is None:
            box = self._warning_box("fileErrorBox", _("File not opened"))
            self._file_error_box = box
        box.setText(message)
        box.setInformativeText(path)
        plain_labels(box)  # the informative text's label is made on demand, rich-text capable
        box.show()
        self._say(message)

    def policy_error(self, message: str) -> None:
        """A policy file that cannot be used is said, not skipped: no label is checked."""
        details = _("Labels are not checked until the policy file is fixed and the app restarted.")
        self._show_once("policyErrorBox", _("Label policy not used"), message, details)
        self._say(message)

    def settings_notice(self, text: str) -> None:
        """Say that a damaged settings file was kept aside at start."""
        self._show_once("settingsNoticeBox", _("Settings file kept aside"), text)

    def open_log_folder(self) -> None:
        folder = self.log_folder
        if folder is None:
            return
        folder.mkdir(parents=True, exist_ok=True)
        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            self._window.statusBar().showMessage(
                _("Could not open a file manager; the logs are in {folder}").format(folder=folder)
            )

    def _unexpected_error_box(self) -> QMessageBox:
        box = self._unexpected_box
        if box is None:
            from PySide6.QtWidgets import QMessageBox

            box = self._warning_box("unexpectedErrorBox", _("Unexpected error"))
            if self.log_folder is not None:
                button = box.addButton(_("Open Log Folder"), QMessageBox.ButtonRole.ActionRole)
                button.clicked.connect(self.open_log_folder)
            box.finished.connect(self._forget_unexpected_box)
            self._unexpected_box = box
        return box

    def unexpected_error(self, summary: str) -> None:
        """Say that something failed unexpectedly; the window keeps working."""
        self._unexpected_count += 1
        box = self._unexpected_error_box()
        count = self._unexpected_count
        text = (
            _("Something went wrong that the inspector did not expect.")
            if count == 1
            else ngettext(
                "Something went wrong that the inspector did not expect ({count} so far).",
                "Something went wrong that the inspector did not expect ({count} so far).",
                count,
            ).format(count=count)
        )
        box.setText(text + " " + _("It keeps working; you can go on."))
        where = (
            _("The details are in the log file in {folder}.").format(folder=self.log_folder)
            if self.log_folder
            else _("The details are in the log file.")
        )
        box.setInformativeText(f"{summary}\n\n{where}")
        plain_labels(box)
        box.show()
        self._window.statusBar().showMessage(
            _("Unexpected error: {summary}").format(summary=summary), 10_000
        )

    def _forget_unexpected_box(self) -> None:
        if self._unexpected_box is not None:
            self._unexpected_box.deleteLater()
        self._unexpected_box = None
        self._unexpected_count = 0
