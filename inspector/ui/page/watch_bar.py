"""The watch line under the ID bar: what the watch sees, ticking every second, and Stop.

While watching, the text comes from a progress callback (times since ``createdAt`` and since
watching began, the next check) and turns amber when it takes longer than usual. When the watch
ends, its last message stays until dismissed or until another image is fetched.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from inspector.i18n import _
from inspector.ui import theme
from inspector.ui.widgets.accessibility import announce

if TYPE_CHECKING:
    from inspector.core.tab import WatchProgress


class WatchBar(QFrame):
    """Hidden until a watch starts or ends with something to say."""

    stopRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchBar")
        self.setAccessibleName(_("Watch"))
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("watchProgress")
        # Named by the text they show (Qt's default for a label), described by what they are.
        self.progress_label.setAccessibleDescription(_("Watch progress"))
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        self.progress_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("watchMessage")
        self.message_label.setAccessibleDescription(_("Watch message"))
        self.message_label.setTextFormat(Qt.TextFormat.PlainText)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.stop_button = QPushButton(_("&Stop watching"), self)
        self.stop_button.setObjectName("stopWatchButton")
        self.stop_button.clicked.connect(self.stopRequested)
        close = QToolButton(self)
        close.setObjectName("dismissWatchButton")
        close.setText("\u2715")
        close.setToolTip(_("Dismiss"))
        close.setAccessibleName(_("Dismiss watch message"))
        close.clicked.connect(self.hide)
        self.dismiss_button = close
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.progress_label, 2)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.stop_button)
        layout.addWidget(close)
        self._progress: Callable[[], WatchProgress] | None = None
        self._message = ""
        self._slow = False
        self._mask: Callable[[str], str] = str
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._tick)
        theme.watch(self._restyle)
        self.hide()

    @property
    def watching(self) -> bool:
        return self._progress is not None

    def show_watch(self, progress: Callable[[], WatchProgress] | None, message: str) -> None:
        """While ``progress`` is given: watching. Without it, ``message`` is how it ended."""
        self._progress = progress
        if message and message != self._message:
            announce(self, self._mask(message), fallback=self.message_label)
        self._message = message
        self.message_label.setText(self._mask(message))
        self.message_label.setVisible(bool(message))
        self.stop_button.setVisible(progress is not None)
        self.dismiss_button.setVisible(progress is None)
        if progress is None:
            self._timer.stop()
            self.progress_label.clear()
            self.progress_label.setVisible(False)
            self._set_slow(False)
            self.setVisible(bool(message))
            return
        self.progress_label.setVisible(True)
        self._tick()
        self._timer.start()
        self.show()

    def set_mask(self, mask: Callable[[str], str]) -> None:
        self._mask = mask
        self.message_label.setText(mask(self._message))
        self._tick()

    def _tick(self) -> None:
        if self._progress is None:
            return
        progress = self._progress()
        self.progress_label.setText(
            _("Watching: {progress}").format(progress=self._mask(progress.text))
        )
        self._set_slow(progress.slow)

    def _set_slow(self, slow: bool) -> None:
        if slow != self._slow:
            self._slow = slow
            self._restyle()

    def _restyle(self) -> None:
        """Blue while all is well; amber once it takes longer than usual."""
        scheme = theme.colours()
        self.setStyleSheet(
            theme.banner_style("QFrame#watchBar", scheme.demo if self._slow else scheme.info)
        )
