"""The running window's side of "one window per user": requests from later launches.

A QSocketNotifier on the plain listening socket (QtCore only: QtNetwork would cost every start
its import). Each request is read, handed to ``requestReceived``'s slots, and only then
acknowledged, so the launch that sent it exits once its tab exists.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QSocketNotifier, Signal

from inspector.core.instance import Listening, acknowledge, read_request

log = logging.getLogger(__name__)


class InstanceListener(QObject):
    """Turns connections on ``listening`` into ``requestReceived(Request)``."""

    requestReceived = Signal(object)  # an inspector.core.instance.Request

    def __init__(self, listening: Listening, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._listening = listening
        self._notifier = QSocketNotifier(listening.server.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._accept)

    def _accept(self) -> None:
        while True:
            try:
                connection, _address = self._listening.server.accept()
            except BlockingIOError:
                return
            except OSError as error:
                log.warning("cannot accept a hand-over: %s", error)
                return
            request = read_request(connection)
            if request is None:
                log.warning("ignored a malformed hand-over")
                connection.close()
                continue
            log.info(
                "handed over: %d file(s), an ID: %s", len(request.files), bool(request.image_id)
            )
            self.requestReceived.emit(request)
            acknowledge(connection)

    def close(self) -> None:
        self._notifier.setEnabled(False)
        self._listening.close()
