"""Desktop notifications through the system tray, with a fallback where there is no tray.

Implements :class:`inspector.core.notify.Notifier`. The tray icon appears only while there is
something to say and goes with the window; without a tray (some desktops, the offscreen
platform) the message goes to the status bar and the taskbar entry asks for attention.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QSystemTrayIcon

MESSAGE_MILLISECONDS = 10_000


class TrayNotifier(QObject):
    """Shows notifications for ``window``; never raises, never blocks."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._tray: QSystemTrayIcon | None = None

    def notify(self, title: str, message: str) -> None:
        if QSystemTrayIcon.isSystemTrayAvailable() and QSystemTrayIcon.supportsMessages():
            tray = self._tray
            if tray is None:
                tray = QSystemTrayIcon(self._window.windowIcon(), self)
                tray.setToolTip(QApplication.applicationDisplayName())
                tray.messageClicked.connect(self._bring_window_up)
                self._tray = tray
            tray.show()
            tray.showMessage(
                title, message, QSystemTrayIcon.MessageIcon.Information, MESSAGE_MILLISECONDS
            )
        else:
            self._window.statusBar().showMessage(f"{title}: {message}", MESSAGE_MILLISECONDS)
        QApplication.alert(self._window)

    def _bring_window_up(self) -> None:
        self._window.showNormal()
        self._window.raise_()
        self._window.activateWindow()

    def hide(self) -> None:
        """Take the tray icon away (the window is closing)."""
        if self._tray is not None:
            self._tray.hide()
