"""Text that came from outside the app (a server, a bundle, a file) shown as text, never markup.

Qt guesses whether a string is rich text (``Qt.AutoText``, and always for tooltips): a status of
``<b></b>ACTIVE`` would then render bold with the rest hidden, ``<img src=...>`` would draw a
local file, and a few hundred bytes of nested ``<table>`` take seconds to lay out. Labels that
can hold such text are set to :data:`Qt.TextFormat.PlainText`; tooltips cannot be, so a
tooltip Qt would read as rich text is escaped into a paragraph that shows it literally.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel, QWidget

from inspector.ui.qt_namespace import Qt, set_enum_property

L = TypeVar("L", bound=QLabel)
W = TypeVar("W", bound=QWidget)
_PARAGRAPH = '<p style="white-space:pre-wrap">{}</p>'  # untranslated: markup


def plain(label: L) -> L:
    """``label`` set to show its text literally, whatever it holds."""
    set_enum_property(label, "textFormat", "PlainText")  # by name: see qt_namespace
    return label


def readable(label: L) -> L:
    """``label`` as a read-only value: plain text that wraps, that the keyboard reaches and
    selects, and that a screen reader names by what it shows (Qt's default for a label)."""
    plain(label)
    label.setWordWrap(True)
    selectable(label)
    set_enum_property(label, "focusPolicy", "StrongFocus")
    return label


def selectable(label: L, *, by_keyboard: bool = True) -> L:
    """``label``'s text selectable with the mouse (and the keyboard, unless ``by_keyboard`` is
    False). Set by name: see :mod:`inspector.ui.qt_namespace`."""
    keyboard = "|TextSelectableByKeyboard" if by_keyboard else ""
    set_enum_property(label, "textInteractionFlags", "TextSelectableByMouse" + keyboard)
    return label


def shrinkable(label: W) -> W:
    """``label`` may be narrower than its longest unbreakable run (300 characters of markup
    with no space would otherwise set the window's minimum width past the screen's)."""
    label.setMinimumWidth(1)
    return label


def plain_labels(widget: QWidget) -> None:
    """Every label inside ``widget`` (a message box builds its own) shows plain text."""
    for label in widget.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def tooltip_text(text: str) -> str:
    """``text`` as a tooltip shows it: as is, unless Qt would take it for markup (escaped).

    Qt's guess needs a ``<`` or an ``&`` (``&lt;``) to say yes; text with neither is returned
    without asking it (the first frame's tooltips, before Qt's namespace is built).
    """
    if ("<" not in text and "&" not in text) or not _might_be_rich_text(text):
        return text
    import html  # its entity table loads only for a tooltip that needs escaping

    return _PARAGRAPH.format(html.escape(text, quote=False))


def _might_be_rich_text(text: str) -> bool:
    from PySide6.QtGui import Qt as GuiQt  # the namespace, with QtGui's functions

    return GuiQt.mightBeRichText(text)


def set_tooltip(widget: QWidget, text: str) -> None:
    widget.setToolTip(tooltip_text(text))


def tooltip_of(widget: QWidget) -> str:
    """The text a tooltip set by :func:`set_tooltip` shows (the inverse of the escaping)."""
    tip = widget.toolTip()
    head, tail = _PARAGRAPH.split("{}")
    if tip.startswith(head) and tip.endswith(tail):
        import html

        return html.unescape(tip[len(head) : -len(tail)])
    return tip
