"""The raw answer: status, timing, headers, the body exactly as received and a coloured pretty copy.

The exact body and the pretty one sit side by side: the left is what support compares byte
for byte, the right is what a person reads. Colouring is a QSyntaxHighlighter over the pretty
text; a body too large to colour quickly is shown plain.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import _
from inspector.present.sizes import exact_bytes
from inspector.ui import theme
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.inert import plain, readable, tooltip_text

if TYPE_CHECKING:
    from inspector.present.raw import RawView

MAX_HIGHLIGHT_CHARS: Final = 512 * 1024
_TOKENS = re.compile(
    r'(?P<key>"(?:[^"\\]|\\.)*"(?=\s*:))'
    r'|(?P<string>"(?:[^"\\]|\\.)*"?)'
    r"|(?P<number>-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)"
    r"|(?P<literal>\b(?:true|false|null)\b)"
    r"|(?P<punct>[{}\[\],:])"
)
# (light background, dark background) colours per token kind.
_COLOURS: Final = {
    "key": ("#1a4f9c", "#8ab4f8"),
    "string": ("#1e7b34", "#81c995"),
    "number": ("#a5460a", "#fcad70"),
    "literal": ("#8e24aa", "#d7aefb"),
    "punct": ("#5f6368", "#9aa0a6"),
}


class JsonHighlighter(QSyntaxHighlighter):
    """Colours JSON keys, strings, numbers and literals, line by line (pretty text has one
    token per line at most, so no state carries across lines)."""

    def __init__(self, document: QTextDocument, *, dark: bool) -> None:
        super().__init__(document)
        self.formats: dict[str, QTextCharFormat] = {}
        self.set_dark(dark)

    def set_dark(self, dark: bool) -> None:
        """Colours that read well on the palette's base (light or dark)."""
        for kind, (light, dark_colour) in _COLOURS.items():
            text_format = QTextCharFormat()
            text_format.setForeground(QColor(dark_colour if dark else light))
            if kind == "key":
                text_format.setFontWeight(QFont.Weight.DemiBold)
            self.formats[kind] = text_format
        if self.document() is not None:
            self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        for match in _TOKENS.finditer(text):
            kind = match.lastgroup
            if kind is not None:
                self.setFormat(match.start(), match.end() - match.start(), self.formats[kind])


def _text_box(object_name: str, accessible_name: str, parent: QWidget) -> QPlainTextEdit:
    box = QPlainTextEdit(parent)
    box.setObjectName(object_name)
    box.setAccessibleName(accessible_name)
    box.setReadOnly(True)
    box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    box.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return box


def _caption(text: str, parent: QWidget) -> QLabel:
    label = plain(QLabel(text, parent))
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class RawResponseView(QWidget):
    """Everything that came over the wire for the shown image."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rawView")
        self.summary = self._label("rawSummary", _("Status, time and size"))
        bold = self.summary.font()
        bold.setBold(True)
        self.summary.setFont(bold)
        self.url = self._label("rawUrl", _("Request URL"))
        self.note = self._label("rawNote", _("Where this answer came from"))
        self.clock = self._label("rawClock", _("Clock compared with the server's"))
        self.ids = self._label("rawRequestIds", _("Request IDs"))

        self.headers = self._headers_table()

        self.raw_body = _text_box("rawBody", _("Body exactly as received"), self)
        self.raw_body.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.raw_body.setWordWrapMode(self.raw_body.wordWrapMode().WrapAnywhere)
        self.pretty_body = _text_box("prettyBody", _("Body, pretty-printed"), self)
        self.pretty_body.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.highlighter = JsonHighlighter(self.pretty_body.document(), dark=False)
        self.raw_size = plain(QLabel(self))
        self.raw_size.setObjectName("rawBodySize")
        self.raw_size.setAccessibleDescription(_("Body size"))
        copy_raw = QPushButton(_("Copy raw &body"), self)
        copy_raw.setToolTip(_("Copy the body exactly as it came, even while presenting"))
        copy_raw.setObjectName("copyRawBodyButton")
        copy_raw.clicked.connect(self.copy_raw_body)
        self.copy_raw_button = copy_raw

        outer = self._panes(copy_raw)

        layout = QVBoxLayout(self)
        for label in (self.summary, self.url, self.note, self.clock, self.ids):
            layout.addWidget(label)
        layout.addWidget(outer, 1)
        self.shown: RawView | None = None
        self.clear(_("No answer yet."))
        theme.watch(self._restyle)

    def _headers_table(self) -> QTableWidget:
        """The response headers, name and value, one Tab stop."""
        headers = QTableWidget(0, 2, self)
        headers.setObjectName("rawHeaders")
        headers.setAccessibleName(_("Response headers"))
        headers.setHorizontalHeaderLabels([_("Header"), _("Value")])
        headers.verticalHeader().setVisible(False)
        headers.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        headers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        headers.setTabKeyNavigation(False)  # one Tab stop; the arrows move inside
        headers.setWordWrap(False)
        headers.horizontalHeader().setStretchLastSection(True)
        headers.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        return headers

    def _panes(self, copy_raw: QPushButton) -> QSplitter:
        """The headers above the two bodies, as received (left) and pretty-printed (right)."""
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_top = QHBoxLayout()
        left_top.addWidget(_caption(_("Body as received"), left))
        left_top.addWidget(self.raw_size, 1)
        left_top.addWidget(copy_raw)
        left_layout.addLayout(left_top)
        left_layout.addWidget(self.raw_body, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(_caption(_("Pretty-printed"), right))
        right_layout.addWidget(self.pretty_body, 1)
        bodies = QSplitter(Qt.Orientation.Horizontal, self)
        bodies.setObjectName("rawBodySplitter")
        bodies.addWidget(left)
        bodies.addWidget(right)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.setObjectName("rawSplitter")
        outer.addWidget(self.headers)
        outer.addWidget(bodies)
        outer.setStretchFactor(0, 1)
        outer.setStretchFactor(1, 3)
        return outer

    def _restyle(self) -> None:
        scheme = theme.colours()
        self.note.setStyleSheet(theme.banner_style("QLabel#rawNote", scheme.demo))
        self.highlighter.set_dark(scheme.dark)

    def focus_order(self) -> list[QWidget]:
        """The Tab stops in reading order: the summary lines, the headers, then the bodies."""
        return [
            self.summary,
            self.url,
            self.note,
            self.clock,
            self.ids,
            self.headers,
            self.copy_raw_button,
            self.raw_body,
            self.pretty_body,
        ]

    def _label(self, object_name: str, purpose: str) -> QLabel:
        """A summary line: named by the text it shows (Qt's default for a label), described
        by ``purpose``, and reached by Tab."""
        label = readable(QLabel(self))
        label.setObjectName(object_name)
        label.setAccessibleDescription(purpose)
        return label

    def clear(self, message: str) -> None:
        self.shown = None
        self.summary.setText(message)
        for label in (self.url, self.note, self.clock, self.ids):
            label.hide()
        self.headers.setRowCount(0)
        self.raw_body.clear()
        self.pretty_body.clear()
        self.raw_size.clear()
        self.copy_raw_button.setEnabled(False)

    def show_view(self, view: RawView, mask: Callable[[str], str] = str) -> None:
        """Show ``view``, its texts passed through ``mask`` (presenting mode); copies stay exact."""
        self.shown = view
        self.summary.setText(view.summary)
        for label, text in (
            (self.url, f"GET {mask(view.url)}" if view.url else ""),
            (self.note, mask(view.note or "")),
            (self.clock, _("Clock: {clock}").format(clock=view.clock) if view.clock else ""),
            (self.ids, "   ".join(f"{name}: {value}" for name, value in view.request_ids)),
        ):
            label.setText(text)
            label.setVisible(bool(text))
        self.headers.setRowCount(len(view.headers))
        for row, (name, value) in enumerate(view.headers):
            self.headers.setItem(row, 0, QTableWidgetItem(name))
            # The row header is hidden on screen; a screen reader names each row by it.
            self.headers.setVerticalHeaderItem(row, QTableWidgetItem(name))
            item = QTableWidgetItem(mask(value))
            item.setToolTip(tooltip_text(item.text()))
            self.headers.setItem(row, 1, item)
        self.headers.setVisible(bool(view.headers))
        self.raw_body.setPlainText(mask(view.body_text))
        self.raw_size.setText(exact_bytes(view.body_bytes))
        self.highlighter.setDocument(
            self.pretty_body.document() if len(view.pretty) <= MAX_HIGHLIGHT_CHARS else None
        )
        self.pretty_body.setPlainText(mask(view.pretty))
        self.copy_raw_button.setEnabled(True)

    def copy_raw_body(self) -> None:
        """The exact body, even while presenting: what is pasted must still be true."""
        if self.shown is not None:
            QGuiApplication.clipboard().setText(self.shown.body_text)
