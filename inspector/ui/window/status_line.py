"""The window's status bar: passing messages, where requests go, and the presenting mark.

A message is the status bar's accessible name and is announced as it appears, so a screen
reader says what the window just did. The connection line names the endpoint, where the token
comes from and until when (never the token itself).
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QMainWindow

from inspector.i18n import _
from inspector.ui.widgets.accessibility import announce
from inspector.ui.widgets.inert import plain, selectable


class StatusLine:
    """The permanent parts of ``window``'s status bar and what its messages do."""

    def __init__(self, window: QMainWindow) -> None:
        self._window = window
        self.endpoint = plain(QLabel(window))  # from a profile the user may not have written
        self.endpoint.setObjectName("endpointLabel")
        selectable(self.endpoint, by_keyboard=False)
        self.endpoint.setAccessibleDescription(_("Connection"))
        self.presenting = plain(QLabel(_("PRESENTING: IDs masked"), window))
        self.presenting.setObjectName("presentingIndicator")
        self.presenting.hide()
        bar = window.statusBar()
        bar.addPermanentWidget(self.presenting)
        bar.addPermanentWidget(self.endpoint)
        bar.setAccessibleDescription(_("Status bar"))
        bar.messageChanged.connect(self._message_changed)
        bar.showMessage(_("Loading\u2026"))

    def _message_changed(self, message: str) -> None:
        """The status bar's message is its name, and is said as it appears (the ones set before
        the window is shown are not said: nothing is on screen to say them from)."""
        self._window.statusBar().setAccessibleName(message)
        if self._window.isVisible():
            announce(self._window, message)

    def set_connection(self, endpoint: str, token_source: str | None, expiry: str | None) -> None:
        token = token_source or _("no token")
        self.endpoint.setText(" \u00b7 ".join(part for part in (endpoint, token, expiry) if part))
