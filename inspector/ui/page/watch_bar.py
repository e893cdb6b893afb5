"""The watch line under the ID bar: what the watch sees, ticking every second, and Stop.

It renders a :class:`~inspector.core.watch_state.WatchState` and decides nothing itself. While
watching, it asks for the next state every second (``tickRequested``: the times since
``createdAt`` and since watching began, the next check) and turns amber when the state says it
takes longer than usual. When the watch ends, its last message stays until dismissed or until
another image is fetched.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget

from inspector.core.watch_state import WatchState
from inspector.i18n import _
from inspector.ui import theme
from inspector.ui.widgets.accessibility import announce
from inspector.ui.widgets.inert import plain, selectable


class WatchBar(QFrame):
    """Hidden until a watch starts or ends with something to say."""

    stopRequested = Signal()
    tickRequested = Signal()  # a second has passed while watching: the next state, please

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("watchBar")
        self.setAccessibleName(_("Watch"))
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("watchProgress")
        # Named by the text they show (Qt's default for a label), described by what they are.
        self.progress_label.setAccessibleDescription(_("Watch progress"))
        plain(self.progress_label)
        self.progress_label.setWordWrap(True)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("watchMessage")
        self.message_label.setAccessibleDescription(_("Watch message"))
        plain(self.message_label)
        self.message_label.setWordWrap(True)
        selectable(self.message_label, by_keyboard=False)
        self.stop_button = QPushButton(_("&Stop watching"), parent=self)
        self.stop_button.setObjectName("stopWatchButton")
        self.stop_button.clicked.connect(self.stopRequested)
        close = QToolButton(self)
        close.setObjectName("dismissWatchButton")
        close.setText("\u2715")
        close.setToolTip(_("Dismiss"))
        close.setAccessibleName(_("Dismiss watch message"))
        close.clicked.connect(self.dismiss)
        self.dismiss_button = close
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.progress_label, 2)
        layout.addWidget(self.message_label, 1)
        layout.addWidget(self.stop_button)
        layout.addWidget(close)
        self.state = WatchState()
        self._mask: Callable[[str], str] = str
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tickRequested)
        theme.watch(self._restyle)
        self.hide()

    def show_state(self, state: WatchState) -> None:
        """Show ``state``: the progress and Stop while watching, else how it ended."""
        previous, self.state = self.state, state
        if state.message and state.message != previous.message:
            announce(self, self._mask(state.message), fallback=self.message_label)
        if state.slow != previous.slow:
            self._restyle()
        self._draw_texts()
        self.message_label.setVisible(bool(state.message))
        self.progress_label.setVisible(state.watching)
        self.stop_button.setVisible(state.watching)
        self.dismiss_button.setVisible(not state.watching)
        if not state.watching:
            self._timer.stop()
        elif not self._timer.isActive():
            self._timer.start()
        self.setVisible(state.visible)

    def dismiss(self) -> None:
        """Put away the note of an ended watch (a running one stays)."""
        self.show_state(self.state.dismissed())

    def set_mask(self, mask: Callable[[str], str]) -> None:
        self._mask = mask
        self._draw_texts()

    def _draw_texts(self) -> None:
        state = self.state
        self.message_label.setText(self._mask(state.message))
        if state.watching:
            progress = self._mask(state.progress)
            self.progress_label.setText(_("Watching: {progress}").format(progress=progress))
        else:
            self.progress_label.clear()

    def _restyle(self) -> None:
        """Blue while all is well; amber once it takes longer than usual."""
        scheme = theme.colours()
        self.setStyleSheet(
            theme.banner_style("QFrame#watchBar", scheme.demo if self.state.slow else scheme.info)
        )
