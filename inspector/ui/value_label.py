"""A read-only value that can be selected, copied whole, and says when it is not set.

A screen reader says a widget's label (its labelled-by relation) and accessible name when it gets
the focus. A value with a row label is that label's buddy and is named by what it shows alone:
Orca says "Name: ubuntu-22-04-office", not the field twice. A value without one carries its field
in its name ("Storage size in bytes: 21,474,836,480 bytes"). The tooltip, when there is one, is
its description. A blank value (no image shown) has no name or label and is no Tab stop.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QGuiApplication, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QWidget

from inspector.i18n import _
from inspector.present.defaults import NOT_SET
from inspector.ui import theme
from inspector.ui.inert import set_tooltip, tooltip_of


class ValueLabel(QLabel):
    """Selectable text; ``None`` renders as a greyed *not set*, never as an empty string.

    The grey is the theme's secondary text, which stays readable (WCAG AA) in light and dark:
    a disabled label's grey would not, and would drop the value from the keyboard's reach.
    """

    def __init__(
        self,
        object_name: str,
        field_name: str,
        parent: QWidget | None = None,
        *,
        row_label: QLabel | None = None,
    ):
        super().__init__(parent)
        self.setObjectName(object_name)
        self.field_name = field_name
        self.row_label = row_label
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setWordWrap(True)
        self.value: str | None = None
        self.set_value(None, blank=True)
        theme.watch(self._restyle)

    def set_value(self, value: str | None, *, blank: bool = False, tooltip: str = "") -> None:
        """Show ``value``; ``None`` is *not set*, unless ``blank`` (nothing to show there)."""
        self.value = value
        font = self.font()
        font.setItalic(value is None and not blank)
        self.setFont(font)
        if value is None:
            self.setText("" if blank else _(NOT_SET))
        else:
            self.setText(value if value else '""')
        set_tooltip(self, tooltip)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.text() else Qt.FocusPolicy.NoFocus)
        self._speak()
        self._restyle()

    def _speak(self) -> None:
        text = self.text()
        if self.row_label is not None:
            # Blank: unlabelled and unnamed, as nothing is shown, so nothing is said.
            self.row_label.setBuddy(self if text else None)  # type: ignore[arg-type]  # None unsets
        if not text or self.row_label is not None:
            self.setAccessibleName(text)
        else:
            self.setAccessibleName(
                self.tr("{field}: {value}").format(field=self.field_name, value=text)
            )
        self.setAccessibleDescription(tooltip_of(self))

    def _restyle(self) -> None:
        palette = QPalette()  # sets nothing: the application's palette, whatever the scheme
        if self.value is None and self.text():
            secondary = QColor(theme.colours().secondary_text)
            palette.setColor(QPalette.ColorRole.WindowText, secondary)
        self.setPalette(palette)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        whole = menu.addAction(self.tr("Copy whole value"))
        whole.setEnabled(self.value is not None)
        whole.triggered.connect(self.copy_value)
        if self.hasSelectedText():
            selection = menu.addAction(self.tr("Copy selection"))
            selection.triggered.connect(
                lambda: QGuiApplication.clipboard().setText(self.selectedText())
            )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def copy_value(self) -> None:
        if self.value is not None:
            QGuiApplication.clipboard().setText(self.value)
