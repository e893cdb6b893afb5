"""The error of a source that could not give a token, naming the source and what to do."""

from __future__ import annotations

from inspector.api.errors import APIError


class CredentialError(APIError):
    """No IAM token could be had from ``source``; ``hint`` says what to try instead.

    The message never holds the secret: texts from a server or from ``yc`` pass through
    :func:`scrub` with the secret that was sent.
    """

    def __init__(
        self, message: str, *, source: str, hint: str, details: list[str] | None = None
    ) -> None:
        super().__init__(message)
        self.source = source
        self.hint = hint
        self.details = details or []


def scrub(text: str, *secrets: str | None) -> str:
    """``text`` without any of ``secrets``, in case a server or a program echoed one back."""
    for secret in secrets:
        if secret:
            text = text.replace(secret, "[redacted]")
    return text
