"""The status badge: colour, a shape and the text, so it never relies on colour alone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

if TYPE_CHECKING:
    from inspector.present.status import StatusView

# (background, foreground, shape) per badge kind; the shape carries the meaning without colour.
_STYLES: dict[str, tuple[str, str, str]] = {
    "ready": ("#1e7b34", "#ffffff", "\u2714"),  # check mark
    "progress": ("#9a5b00", "#ffffff", "\u25d4"),  # circle with a quarter filled
    "neutral": ("#5f6368", "#ffffff", "\u25cb"),  # empty circle
    "unknown": ("#5f6368", "#ffffff", "?"),
    "missing": ("transparent", "palette(mid)", "\u2013"),
}


class StatusBadge(QLabel):
    """A rounded label showing one :class:`StatusView`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBadge")
        self.setAccessibleName("Status")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind = ""
        self.clear_status()

    def clear_status(self) -> None:
        self.kind = ""
        self.setText("")
        self.setToolTip("")
        self.setStyleSheet("")

    def show_status(self, status: StatusView) -> None:
        background, foreground, shape = _STYLES.get(str(status.kind), _STYLES["unknown"])
        self.kind = str(status.kind)
        suffix = " (unknown status)" if self.kind == "unknown" else ""
        self.setText(f"{shape} {status.text}{suffix}")
        self.setToolTip(status.description)
        self.setAccessibleDescription(f"{status.text}: {status.description}")
        self.setStyleSheet(
            f"QLabel#statusBadge {{ background: {background}; color: {foreground};"
            " border-radius: 9px; padding: 2px 10px; font-weight: 600; }"
        )
