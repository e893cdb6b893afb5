"""Tab order as the window reads: an explicit list instead of the order widgets were created in.

Qt's default Tab chain follows creation order, so widgets made later (an error's values, a new
tab's page) land at its end, far from where they are shown. The window lists its widgets in
reading order instead; :func:`move_focus` walks that list, skipping whatever is hidden, disabled
or does not take Tab focus, and wraps around, so Tab always comes back to where it started.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QApplication, QWidget

from inspector.ui.qt_namespace import Qt


def is_tab_stop(widget: QWidget) -> bool:
    """Shown, enabled and taking focus from Tab."""
    return (
        widget.isVisible()
        and widget.isEnabled()
        and bool(widget.focusPolicy() & Qt.FocusPolicy.TabFocus)
    )


def in_creation_order(root: QWidget) -> list[QWidget]:
    """The descendants of ``root`` in Qt's own Tab chain (for panes laid out as created)."""
    found: list[QWidget] = []
    widget = root.nextInFocusChain()
    while widget is not None and widget is not root and widget not in found:
        if root.isAncestorOf(widget):
            found.append(widget)
        widget = widget.nextInFocusChain()
    return found


def tab_stops(widgets: Iterable[QWidget]) -> list[QWidget]:
    """The widgets Tab stops at now, in the order given, each once."""
    stops: list[QWidget] = []
    for widget in widgets:
        if is_tab_stop(widget) and widget not in stops:
            stops.append(widget)
    return stops


def move_focus(order: Iterable[QWidget], forward: bool) -> bool:
    """Focus the stop after (or before) the focused one; False when the focus is outside."""
    stops = tab_stops(order)
    focus = QApplication.focusWidget()
    if not stops or focus is None:
        return False
    index = next((i for i, widget in enumerate(stops) if widget is focus), None)
    if index is None:
        index = next((i for i, widget in enumerate(stops) if widget.isAncestorOf(focus)), None)
    if index is None:
        return False
    target = stops[(index + (1 if forward else -1)) % len(stops)]
    reason = Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason
    target.setFocus(reason)
    return True
