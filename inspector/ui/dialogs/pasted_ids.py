"""Paste anything into the ID field: the image ID inside is found and used.

A paste (Ctrl+V, Shift+Insert) or a fetch of text that is not an ID by itself is searched for
IDs (``inspector.api.pasted``): exactly one image ID replaces the text (and a fetch goes on with
it); several give a short chooser, which also offers any folder to the folder browser; only
folders give the chooser with those; nothing at all leaves the text as it is, so the usual
message about a malformed ID follows.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QMenu

from inspector.api.errors import UsageError
from inspector.api.inputs import validate_resource_id
from inspector.api.pasted import find_ids
from inspector.i18n import _

# A chooser longer than this would not be "short": the rest are left out.
MAX_CHOICES = 9


class PastedIds(QObject):
    """Watches ``edit`` for pastes; ``take`` resolves text about to be fetched. ``mask`` is how
    the page shows an ID (masked in presenting mode); the chosen ID itself stays exact."""

    fetchChosen = Signal(str)  # an image ID to fetch now
    folderChosen = Signal(str)  # a folder ID to open in the folder browser

    def __init__(self, edit: QLineEdit, mask: Callable[[str], str]) -> None:
        super().__init__(edit)
        self._edit = edit
        self._mask = mask
        self.chooser: QMenu | None = None
        edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self._edit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Paste)
        ):
            return self.take(QGuiApplication.clipboard().text(), fetch=False)
        return super().eventFilter(watched, event)

    def take(self, text: str, *, fetch: bool) -> bool:
        """Use the IDs in ``text``; False when it is one ID already, or holds none."""
        try:
            validate_resource_id(text)
        except UsageError:
            pass
        else:
            return False
        found = find_ids(text)
        if len(found.images) == 1:
            self._edit.setText(found.images[0])
            if fetch:
                self.fetchChosen.emit(found.images[0])
            return True
        if not found.images and not found.folders:
            return False
        self._choose(found.images, found.folders)
        return True

    def _choose(self, images: tuple[str, ...], folders: tuple[str, ...]) -> None:
        if self.chooser is not None:
            self.chooser.close()
            self.chooser.deleteLater()
        menu = QMenu(self._edit)
        menu.setObjectName("pastedIdChooser")
        menu.setAccessibleName(_("IDs found in the pasted text"))
        menu.setToolTipsVisible(True)
        for image_id in images[:MAX_CHOICES]:
            action = menu.addAction(_("Fetch image {id}").format(id=self._mask(image_id)))
            action.setObjectName("pastedImageAction")
            action.setData(image_id)
            action.triggered.connect(lambda _checked=False, i=image_id: self._fetch(i))
        if images and folders:
            menu.addSeparator()
        for folder_id in folders[:MAX_CHOICES]:
            action = menu.addAction(_("Browse folder {id}").format(id=self._mask(folder_id)))
            action.setObjectName("pastedFolderAction")
            action.setData(folder_id)
            action.triggered.connect(lambda _checked=False, f=folder_id: self.folderChosen.emit(f))
        self.chooser = menu
        menu.popup(self._edit.mapToGlobal(QPoint(0, self._edit.height())))

    def _fetch(self, image_id: str) -> None:
        self._edit.setText(image_id)
        self.fetchChosen.emit(image_id)
