"""A read-only value that can be selected, copied whole, and says when it is not set.

A screen reader says a widget's label (its labelled-by relation) and accessible name when it gets
the focus. A value with a row label is that label's buddy and is named by what it shows alone:
Orca says "Name: ubuntu-22-04-office", not the field twice. A value without one carries its field
in its name ("Storage size in bytes: 21,474,836,480 bytes"). The tooltip, when there is one, is
its description. A blank value (no image shown) has no name or label and is no Tab stop.

It is a frameless read-only text edit drawn like a label, not a QLabel: Qt's label accessible has
no Text interface, and that interface is what a screen reader reads a value through character by
character; the text edit's accessible has it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QGuiApplication,
    QPalette,
    QTextDocument,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QSizePolicy, QTextEdit, QWidget

from inspector.i18n import _
from inspector.present.defaults import NOT_SET
from inspector.ui import theme
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.inert import set_tooltip, tooltip_of

Role = QPalette.ColorRole


class ValueLabel(QTextEdit):
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
        self.setReadOnly(True)
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.document().setDocumentMargin(0)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        size_policy = self.sizePolicy()
        size_policy.setHeightForWidth(True)
        self.setSizePolicy(size_policy)
        self._measure = QTextDocument(self)
        self._measure.setDocumentMargin(0)
        self._measured = False  # whether _measure holds the text and font shown
        self._heights: dict[int, int] = {}
        self._ideal: int | None = None
        self._palette_key: tuple[bool, str, str] | None = None
        self.document().contentsChanged.connect(self._text_changed)
        self._wrap = True
        self.setWordWrap(True)
        self.value: str | None = None
        self.set_value(None, blank=True)
        theme.watch(self._restyle)

    def setWordWrap(self, wrap: bool) -> None:  # QLabel's name, kept for callers
        """Wrap at word boundaries (anywhere in a long unbroken run), or keep one line."""
        self.setLineWrapMode(
            QTextEdit.LineWrapMode.WidgetWidth if wrap else QTextEdit.LineWrapMode.NoWrap
        )
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self._wrap = wrap  # kept: layouts ask on every pass, and Qt's answer is an enum to build
        self._measured = False  # measured again with the new wrapping
        self.updateGeometry()

    def wordWrap(self) -> bool:
        return self._wrap

    def _text_changed(self) -> None:
        self._measured = False
        self.updateGeometry()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measured = False
        super().changeEvent(event)

    def text(self) -> str:
        return self.toPlainText()

    def hasSelectedText(self) -> bool:
        return self.textCursor().hasSelection()

    def selectedText(self) -> str:
        return self.textCursor().selection().toPlainText()

    def _measuring(self) -> QTextDocument:
        """A document of its own that holds the text as shown, to measure sizes with: laying out
        the shown document at another width would move what is on screen, and a clone per
        layout pass is never freed. Its sizes are kept until the text, the font or the wrapping
        changes (a layout pass asks for them many times over)."""
        measure = self._measure
        if not self._measured:
            measure.setDefaultFont(self.font())
            measure.setDefaultTextOption(self.document().defaultTextOption())
            measure.setPlainText(self.toPlainText())
            self._measured = True
            self._heights.clear()
            self._ideal = None
        return measure

    def _ideal_width(self) -> int:
        measure = self._measuring()
        if self._ideal is None:
            measure.setTextWidth(-1)
            self._ideal = math.ceil(measure.idealWidth())
        return self._ideal

    def _height_at(self, width: int) -> int:
        measure = self._measuring()
        width = width if self.wordWrap() else -1
        if width not in self._heights:
            measure.setTextWidth(width)
            self._heights[width] = int(measure.size().height() + 0.999)
        margins = self.contentsMargins()
        lines = max(self._heights[width], self.fontMetrics().height())
        return lines + margins.top() + margins.bottom()

    def hasHeightForWidth(self) -> bool:
        return self.wordWrap()

    def heightForWidth(self, width: int) -> int:
        margins = self.contentsMargins()
        return self._height_at(max(1, width - margins.left() - margins.right()))

    def sizeHint(self) -> QSize:
        width = self._ideal_width()
        return QSize(width, self._height_at(width))

    def minimumSizeHint(self) -> QSize:
        """One line high: the layout asks ``heightForWidth`` for the height at the real width."""
        if self.wordWrap():
            margins = self.contentsMargins()
            line = self.fontMetrics().height() + margins.top() + margins.bottom()
            narrow = min(self._ideal_width(), self.fontMetrics().averageCharWidth() * 4)
            return QSize(narrow, line)
        return self.sizeHint()

    def set_value(self, value: str | None, *, blank: bool = False, tooltip: str = "") -> None:
        """Show ``value``; ``None`` is *not set*, unless ``blank`` (nothing to show there)."""
        self.value = value
        italic = value is None and not blank
        if self.font().italic() != italic:
            font = self.font()
            font.setItalic(italic)
            self.setFont(font)
        if value is None:
            self.setPlainText("" if blank else _(NOT_SET))
        else:
            self.setPlainText(value if value else '""')
        set_tooltip(self, tooltip)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if self.text() else Qt.FocusPolicy.NoFocus)
        self._speak()
        self._restyle()
        self.updateGeometry()

    def _speak(self) -> None:
        text = self.text()
        if self.row_label is not None:
            # Blank: unlabelled and unnamed, as nothing is shown, so nothing is said.
            self.row_label.setBuddy(self if text else None)  # type: ignore[arg-type]  # None unsets
        if not text or self.row_label is not None:
            self.setAccessibleName(text)
        else:
            self.setAccessibleName(_("{field}: {value}").format(field=self.field_name, value=text))
        self.setAccessibleDescription(tooltip_of(self))

    def _restyle(self) -> None:
        """The window's colours, with a transparent Base: the viewport fills its background
        with Base, so the form shows through. (Not by turning the viewport's fill off: the first
        ``viewport()`` call of a process costs about 14 ms while the binding resolves the
        widget's type, on the way to the first image.)"""
        palette = QPalette()  # sets nothing: the application's palette, whatever the scheme
        secondary = self.value is None and bool(self.text())
        window, text = (palette.color(role).name() for role in (Role.Window, Role.WindowText))
        key = (secondary, window, text)
        if key == self._palette_key:
            return  # unchanged: a new palette would make Qt restyle and repaint it for nothing
        self._palette_key = key
        palette.setColor(QPalette.ColorRole.Base, QColor(Qt.GlobalColor.transparent))
        palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.WindowText))
        if secondary:
            palette.setColor(QPalette.ColorRole.Text, QColor(theme.colours().secondary_text))
        self.setPalette(palette)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        whole = menu.addAction(_("Copy whole value"))
        whole.setEnabled(self.value is not None)
        whole.triggered.connect(self.copy_value)
        if self.hasSelectedText():
            selection = menu.addAction(_("Copy selection"))
            selection.triggered.connect(
                lambda: QGuiApplication.clipboard().setText(self.selectedText())
            )
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(event.globalPos())

    def copy_value(self) -> None:
        if self.value is not None:
            QGuiApplication.clipboard().setText(self.value)
