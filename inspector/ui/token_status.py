"""Where the token comes from and until when it is valid, as the window says it.

The status bar shows the endpoint, the token's source and, once a token has come, its
expiry; the Connection dialog opens with the same words. Never the token itself.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from inspector.i18n import _

if TYPE_CHECKING:
    from inspector.api.credentials.cache import TokenStatus
    from inspector.config.connection import Connection
    from inspector.ui.window.main_window import MainWindow


class TokenLine:
    """What ``window`` says of the current connection's token; ``connection`` is that one."""

    def __init__(self, window: MainWindow, connection: Callable[[], Connection]) -> None:
        self._window = window
        self._connection = connection
        self._status: TokenStatus | None = None

    def reset(self) -> None:
        """A new connection: its endpoint and source, no expiry until its first token."""
        connection = self._connection()
        self._status = None
        self._window.set_connection(connection.endpoint.base_url, connection.token_source)

    def show(self, status: TokenStatus) -> None:
        """A new token came: show its source and expiry (never the token) in the status bar."""
        from inspector.present.credentials import expiry_text

        self._status = status
        expiry = expiry_text(status.expires_at, time.time())
        base_url = self._connection().endpoint.base_url
        self._window.set_connection(base_url, status.source, expiry)

    def describe(self) -> str:
        """The connection in use, in one line, for the Connection dialog."""
        connection = self._connection()
        source = connection.token_source or _("no token")
        text = _("profile {profile}: {endpoint}, {source}").format(
            profile=connection.profile, endpoint=connection.endpoint.base_url, source=source
        )
        if self._status is not None and self._status.expires_at is not None:
            from inspector.present.credentials import expiry_text

            expiry = expiry_text(self._status.expires_at, time.time())
            text += ", " + _("token {expiry}").format(expiry=expiry)
        return _("the demo API (credentials are not used)") if connection.demo else text
