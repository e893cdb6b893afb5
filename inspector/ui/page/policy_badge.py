"""The label policy's mark in the badge row: how many rules the shown image breaks, and which
in the tooltip. Hidden when the image complies or no policy is in use."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from inspector.i18n import ngettext
from inspector.ui import theme
from inspector.ui.qt_namespace import set_enum_property
from inspector.ui.widgets.inert import plain, set_tooltip

if TYPE_CHECKING:
    from inspector.present.policy import Violation


class PolicyBadge(QLabel):
    """``⚠ 2 policy violations``, coloured as an error, the details in the tooltip."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("policyBadge")
        plain(self)
        set_enum_property(self, "focusPolicy", "TabFocus")  # reachable, so its text can be read
        self.hide()
        theme.watch(self._restyle)

    def _restyle(self) -> None:
        self.setStyleSheet(
            theme.banner_style("QLabel#policyBadge", theme.colours().error)
            + " QLabel#policyBadge { padding: 2px 6px; }"
        )

    def show_violations(self, violations: list[Violation], mask: Callable[[str], str]) -> None:
        """Show the count (hide when none); the tooltip lists each violation, through ``mask``
        (presenting mode hides IDs)."""
        if not violations:
            self.hide()
            self.setToolTip("")
            return
        count = len(violations)
        text = ngettext("{count} policy violation", "{count} policy violations", count)
        self.setText("\u26a0 " + text.format(count=count))
        from inspector.present.policy import violations_tooltip

        details = mask(violations_tooltip(violations))
        set_tooltip(self, details)
        self.setAccessibleName(self.text())
        self.setAccessibleDescription(details)
        self.show()
