"""What a screen reader is told beyond names: announcements, and banners exposed as alerts.

Qt gives every widget a role from its class; a ``QFrame`` is a plain panel, so a screen reader
would not treat the error banner as an alert. :func:`install` adds an accessibility factory that
gives the alert role to the widgets :func:`mark_alert` marked. :func:`announce` says a result
aloud without moving the keyboard focus, through Qt's announcement events (Qt 6.8 and later);
with an older Qt it moves the focus to the widget given instead, so the result is still read.

Qt's accessibility classes are imported when first used (the first announcement or alert):
the window's first frame needs none of them, and their Python types take milliseconds to make.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any, Final

from PySide6.QtWidgets import QLineEdit, QStackedWidget, QTabWidget, QToolButton, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QObject
    from PySide6.QtGui import QAccessibleInterface
    from PySide6.QtWidgets import QAccessibleWidget

_ROLE_PROPERTY: Final = "accessibleRole"
_ALERT: Final = "alert"

# Qt owns the interfaces it asked the factory for; the wrappers are kept here as long as they
# are valid, so that Python does not collect an interface Qt still uses.
_made: list[QAccessibleInterface] = []
_installed = False


@cache
def _alert_class() -> type[QAccessibleWidget]:
    """A widget interface that screen readers present as an alert (AT-SPI role ``alert``)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAccessibleWidget

    class AlertAccessible(QAccessibleWidget):
        def __init__(self, widget: QWidget) -> None:
            super().__init__(widget, QAccessible.Role.AlertMessage)

    return AlertAccessible


def _factory(_class_name: str, obj: QObject) -> QAccessibleInterface | None:
    if not (isinstance(obj, QWidget) and obj.property(_ROLE_PROPERTY) == _ALERT):
        return None
    import shiboken6

    _made[:] = [made for made in _made if shiboken6.isValid(made)]
    interface = _alert_class()(obj)
    _made.append(interface)
    return interface


def install() -> None:
    """Add the factory once per process, before the marked widgets are first looked at."""
    global _installed
    if not _installed:
        from PySide6.QtGui import QAccessible

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


@cache
def name_tab_stack(tabs: QTabWidget) -> None:
    """Name ``tabs``' page stack after the tab shown, so it is not an unnamed pane. (Its stack
    is found among its own children: ``findChild`` with a "direct children only" option
    would read Qt's namespace, which the first frame does without: see qt_namespace.)"""
    stack = next((child for child in tabs.children() if isinstance(child, QStackedWidget)), None)
    if stack is not None and tabs.count():
        stack.setAccessibleName(tabs.tabText(tabs.currentIndex()))


def _announcement_event() -> Any:
    """Qt's announcement event class, or None before Qt 6.8."""
    from PySide6 import QtGui

    return getattr(QtGui, "QAccessibleAnnouncementEvent", None)


def announce(
    widget: QWidget, text: str, *, assertive: bool = False, fallback: QWidget | None = None
) -> None:
    """Have a screen reader say ``text`` (``assertive``: interrupting what it is saying).

    Without announcement events the focus moves to ``fallback`` (when it can take focus), whose
    name and text the screen reader then reads.
    """
    if not text:
        return
    from PySide6.QtGui import QAccessible

    announcement = _announcement_event()
    if announcement is None:
        if fallback is not None and fallback.isVisible():
            from inspector.ui.qt_namespace import Qt

            fallback.setFocus(Qt.FocusReason.OtherFocusReason)
        return
    if not QAccessible.isActive():
        return
    event = announcement(widget, text)
    if assertive:
        event.setPoliteness(QAccessible.AnnouncementPoliteness.Assertive)
    QAccessible.updateAccessibility(event)
