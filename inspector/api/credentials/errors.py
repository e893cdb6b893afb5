"""The error of a source that could not give a token: which source, and what to try instead.

The advice is data (:class:`Hint` and its values): the present layer words it in the user's
language. The message never holds the secret: texts from a server or from ``yc`` pass through
:func:`inspector.api.redaction.scrub` with the secret that was sent.
"""

from __future__ import annotations

from enum import StrEnum

from inspector.api.errors import APIError


class Hint(StrEnum):
    """What to try when a source fails; the values an advice needs travel beside it."""

    IAM_UNREACHABLE = "iam-unreachable"  # endpoint
    IAM_REDIRECTED = "iam-redirected"
    OAUTH_REFUSED = "oauth-refused"
    SA_KEY_REFUSED = "sa-key-refused"  # key_id, account
    METADATA = "metadata"
    YC_PATH = "yc-path"
    YC_NOT_FOUND = "yc-not-found"
    YC_WAITING = "yc-waiting"
    YC_NOT_STARTED = "yc-not-started"
    YC_PROFILE = "yc-profile"  # profile
    YC_SETUP = "yc-setup"
    YC_SILENT = "yc-silent"
    YC_INSTALLATION = "yc-installation"


class CredentialError(APIError):
    """No IAM token could be had from ``source``; ``hint`` (with ``hint_values``) says what to
    try instead, ``details`` add facts such as a certificate's issuer."""

    def __init__(
        self,
        message: str,
        *,
        source: str,
        hint: Hint,
        hint_values: dict[str, str] | None = None,
        details: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.source = source
        self.hint = hint
        self.hint_values = hint_values or {}
        self.details = details or []
