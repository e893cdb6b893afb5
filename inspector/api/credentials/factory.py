"""From a :class:`CredentialPlan` to the source object that gives tokens.

:func:`plan_source` defers building it to the first token: a broken key file or a missing yc
then shows up where the user looks (the error banner, the CLI's error), not as a crash while
the window starts. Each source's module is imported only when a plan needs it: PyJWT and
``cryptography`` (the service account key) and the IAM exchange cost every start that does not
use them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from inspector.api.credentials.plan import CredentialPlan, SourceKind
from inspector.api.errors import UsageError
from inspector.i18n import _

if TYPE_CHECKING:
    import httpx

    from inspector.api.credentials.tokens import CredentialSource, IssuedToken


def _secret(plan: CredentialPlan) -> str:
    if not plan.secret:
        raise UsageError(
            _(
                "{source}: no token was given; type it in File \u203a Connection\u2026 "
                "or choose another source"
            ).format(source=plan.label)
        )
    return plan.secret


def build_source(plan: CredentialPlan) -> CredentialSource | None:
    """The source for ``plan`` (None: send no token); a broken key file raises UsageError."""
    if plan.kind is SourceKind.IAM_TOKEN:
        from inspector.api.credentials.static import StaticTokenSource

        return StaticTokenSource(_secret(plan), plan.label)
    if plan.kind is SourceKind.OAUTH_TOKEN:
        from inspector.api.credentials.oauth import OAuthTokenSource

        return OAuthTokenSource(_secret(plan), plan.iam_endpoint, plan.label)
    if plan.kind is SourceKind.SA_KEY:
        if plan.key_file is None:
            raise UsageError(
                _("{origin} names no service account key file").format(origin=plan.origin)
            )
        from inspector.api.credentials.service_account import ServiceAccountSource

        return ServiceAccountSource(plan.key_file, plan.iam_endpoint, plan.label)
    if plan.kind is SourceKind.YC:
        from inspector.api.credentials.yc_cli import YcCliSource

        return YcCliSource(plan.yc_path, plan.yc_profile, plan.label)
    if plan.kind is SourceKind.METADATA:
        from inspector.api.credentials.metadata import MetadataSource

        return MetadataSource(plan.metadata_url, plan.label)
    return None


_RENEWABLE = frozenset(
    {SourceKind.OAUTH_TOKEN, SourceKind.SA_KEY, SourceKind.YC, SourceKind.METADATA}
)


class _Deferred:
    """Builds the real source on the first :meth:`issue` and then delegates to it."""

    def __init__(self, plan: CredentialPlan) -> None:
        self._plan = plan
        self._source: CredentialSource | None = None
        self.label = plan.label
        self.renewable = plan.kind in _RENEWABLE

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken:
        if self._source is None:
            self._source = build_source(self._plan)
        if self._source is None:
            raise UsageError(_("{source}: nothing to ask for a token").format(source=self.label))
        return await self._source.issue(http)


def plan_source(plan: CredentialPlan) -> CredentialSource | None:
    """The source for ``plan``, built when first asked; None when no token is to be sent."""
    return None if plan.kind is SourceKind.NONE else _Deferred(plan)
