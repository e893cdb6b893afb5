"""Which credential source to use and with what, as plain data (no HTTP, no crypto).

The command line, the environment and a profile all end up as one :class:`CredentialPlan`;
the source objects are built from it only when the first token is needed, so resolving it
stays cheap enough to happen before the window paints.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Final
from urllib.parse import urlsplit

from inspector.api.errors import UsageError
from inspector.api.inputs import Endpoint, parse_endpoint
from inspector.i18n import _

DEFAULT_IAM_ENDPOINT: Final = "https://iam.api.cloud.yandex.net"
DEFAULT_METADATA_URL: Final = (
    "http://169.254.169.254/computeMetadata/v1/instance/service-accounts/default/token"
)
TOKENS_PATH: Final = "/iam/v1/tokens"


class SourceKind(StrEnum):
    """The ways a Yandex Cloud user already gets an IAM token, plus "none"."""

    NONE = "none"
    IAM_TOKEN = "iam-token"
    OAUTH_TOKEN = "oauth-token"
    SA_KEY = "sa-key"
    YC = "yc"
    METADATA = "metadata"


def tokens_url(iam_endpoint: Endpoint) -> str:
    """The exchange URL; also the ``aud`` a service account JWT must carry."""
    return f"{iam_endpoint.base_url}{TOKENS_PATH}"


@dataclass(frozen=True, slots=True)
class CredentialPlan:
    """One chosen source and what it needs. ``secret`` (an IAM or OAuth token) is never shown.

    ``origin`` says where the choice came from (``--sa-key``, ``YC_OAUTH_TOKEN``, a profile),
    so every message about the source can name it.
    """

    kind: SourceKind
    origin: str = ""
    secret: str | None = field(default=None, repr=False)
    key_file: Path | None = None
    yc_profile: str | None = None
    yc_path: str | None = None
    metadata_url: str = DEFAULT_METADATA_URL
    iam_endpoint: Endpoint = field(
        default_factory=lambda: parse_endpoint(DEFAULT_IAM_ENDPOINT, "--iam-endpoint")
    )

    @property
    def label(self) -> str:
        """What the status bar and error messages call this source; never the secret."""
        if self.kind is SourceKind.IAM_TOKEN:
            return _("IAM token from {origin}").format(origin=self.origin)
        if self.kind is SourceKind.OAUTH_TOKEN:
            return _("OAuth token from {origin}").format(origin=self.origin)
        if self.kind is SourceKind.SA_KEY:
            return _("service account key {file}").format(file=self.key_file)
        if self.kind is SourceKind.YC:
            if self.yc_profile:
                return _("yc CLI (profile {profile})").format(profile=self.yc_profile)
            return _("yc CLI (its current profile)")
        if self.kind is SourceKind.METADATA:
            return _("metadata service ({url})").format(url=self.metadata_url)
        return _("no token")


NO_CREDENTIALS: Final = CredentialPlan(SourceKind.NONE)


def parse_metadata_url(raw: str, option: str = "--metadata-url") -> str:
    """A full http(s) URL of the token endpoint; plain http is normal here (no token is sent)."""
    value = raw.strip()
    try:
        parts = urlsplit(value)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as error:
        raise UsageError(
            _("{option} {value} is not a URL: {reason}").format(
                option=option, value=repr(value), reason=error
            )
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.username:
        raise UsageError(
            _("{option} must look like http://host[:port]/path, got {value}").format(
                option=option, value=repr(value)
            )
        )
    return value
