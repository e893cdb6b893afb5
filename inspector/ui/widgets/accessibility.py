"""What a screen reader is told beyond names: announcements, and banners exposed as alerts.

Qt gives every widget a role from its class; a ``QFrame`` is a plain panel, so a screen reader
would not treat the error banner as an alert. :func:`install` adds an accessibility factory that
gives the alert role to the widgets :func:`mark_alert` marked. :func:`announce` says a result
aloud without moving the keyboard focus, through Qt's announcement events (Qt 6.8 and later);
with an older Qt it moves the focus to the widget given instead, so the result is still read.
"""

from __future__ import annotations

from typing import Final

import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QLineEdit, QToolButton, QWidget

_ROLE_PROPERTY: Final = "accessibleRole"
_ALERT: Final = "alert"
_Announcement = getattr(QtGui, "QAccessibleAnnouncementEvent", None)


class _AlertAccessible(QAccessibleWidget):
    """A widget that screen readers present as an alert (AT-SPI role ``alert``)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget, QAccessible.Role.AlertMessage)


# Qt owns the interfaces it asked the factory for; the wrappers are kept here as long as they
# are valid, so that Python does not collect an interface Qt still uses.
_made: list[QAccessibleInterface] = []
_installed = False


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if not (isinstance(obj, QWidget) and obj.property(_ROLE_PROPERTY) == _ALERT):
        return None
    _made[:] = [made for made in _made if shiboken6.isValid(made)]
    interface = _AlertAccessible(obj)
    _made.append(interface)
    return interface


def install() -> None:
    """Add the factory once per process, before the marked widgets are first looked at."""
    global _installed
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def mark_alert(widget: QWidget) -> None:
    """Expose ``widget`` as an alert rather than a panel."""
    install()
    widget.setProperty(_ROLE_PROPERTY, _ALERT)


def name_clear_button(edit: QLineEdit, name: str) -> None:
    """Name the clear button Qt adds to ``edit`` (it has none, and a reader says "button")."""
    edit.setClearButtonEnabled(True)
    for button in edit.findChildren(QToolButton):
        button.setAccessibleName(name)


def announce(
    widget: QWidget, text: str, *, assertive: bool = False, fallback: QWidget | None = None
) -> None:
    """Have a screen reader say ``text`` (``assertive``: interrupting what it is saying).

    Without announcement events the focus moves to ``fallback`` (when it can take focus), whose
    name and text the screen reader then reads.
    """
    if not text:
        return
    if _Announcement is None:
        if fallback is not None and fallback.isVisible():
            fallback.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    if not QAccessible.isActive():
        return
    event = _Announcement(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
