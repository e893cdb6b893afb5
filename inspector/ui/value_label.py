"""A read-only value that can be selected, copied whole, and says when it was not sent."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QLabel, QMenu, QWidget

NOT_SENT_TEXT = "not sent"


class ValueLabel(QLabel):
    """Selectable text; ``None`` renders as a greyed *not sent*, never as an empty string."""

    def __init__(self, object_name: str, accessible_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setAccessibleName(accessible_name)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setWordWrap(True)
        self.value: str | None = None
        self.set_value(None, blank=True)

    def set_value(self, value: str | None, *, blank: bool = False, tooltip: str = "") -> None:
        """Show ``value``; ``None`` is *not sent*, unless ``blank`` (no image shown at all)."""
        self.value = value
        font = self.font()
        font.setItalic(value is None and not blank)
        self.setFont(font)
        self.setEnabled(value is not None or blank)
        if value is None:
            self.setText("" if blank else NOT_SENT_TEXT)
        else:
            self.setText(value if value else '""')
        self.setToolTip(tooltip)
        self.setAccessibleDescription(tooltip or self.text())

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        whole = menu.addAction("Copy whole value")
        whole.setEnabled(self.value is not None)
        whole.triggered.connect(self.copy_value)
        if self.hasSelectedText():
            selection = menu.addAction("Copy selection")
            selection.triggered.connect(
                lambda: QGuiApplication.clipboard().setText(self.selectedText())
            )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def copy_value(self) -> None:
        if self.value is not None:
            QGuiApplication.clipboard().setText(self.value)
