"""Where to connect, how to get a token and through which network, resolved in one place.

Both the CLI and the window call this, so the rules live here: an explicit option beats the
chosen profile's source, which beats ``YC_IAM_TOKEN`` / ``YC_OAUTH_TOKEN``; options override a
profile's endpoints, CA file and proxy; the demo ignores credentials. Everything here is plain
data and cheap: httpx, PyJWT and the sources load only when the first token is needed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple
from urllib.parse import urlsplit

from inspector.api.credentials.plan import (
    NO_CREDENTIALS,
    CredentialPlan,
    SourceKind,
    parse_metadata_url,
)
from inspector.api.errors import UsageError
from inspector.api.inputs import Endpoint, parse_endpoint, validate_token
from inspector.api.local_files import read_named_file
from inspector.api.network.proxy import NetworkSettings, ProxyRoutes, parse_proxy
from inspector.config.options import ConnectionOptions
from inspector.config.profiles import (
    AUTO_SOURCE,
    DEFAULT_PROFILE,
    Profile,
    ProfileBook,
    load_profiles,
    recall_secret,
)
from inspector.i18n import _

if TYPE_CHECKING:
    from inspector.api.credentials.cache import TokenCache, TokenStatus
    from inspector.api.transport import HttpClient, Timeouts

TOKEN_ENV = "YC_IAM_TOKEN"
OAUTH_TOKEN_ENV = "YC_OAUTH_TOKEN"
_MAX_TOKEN_FILE_BYTES = 64 * 1024


class Connection(NamedTuple):
    """The API endpoint, the credential source and the network settings to use."""

    endpoint: Endpoint
    credentials: CredentialPlan = NO_CREDENTIALS
    network: NetworkSettings = NetworkSettings()
    profile: str = DEFAULT_PROFILE
    demo: bool = False

    @property
    def token_source(self) -> str | None:
        """Where the token comes from, for the status bar (never the token)."""
        return None if self.credentials.kind is SourceKind.NONE else self.credentials.label

    def http_client(self, timeouts: Timeouts | None = None) -> HttpClient:
        """The one AsyncClient for the API and the token exchanges; the caller closes it."""
        from inspector.api.transport import make_http_client

        return make_http_client(self.endpoint, timeouts, network=self.network)

    def token_cache(
        self,
        http: HttpClient,
        on_change: Callable[[TokenStatus], None] | None = None,
    ) -> TokenCache:
        """The token provider for ``ImageClient``; the source is built at the first token."""
        from inspector.api.credentials.cache import TokenCache
        from inspector.api.credentials.factory import plan_source

        return TokenCache(plan_source(self.credentials), http, on_change=on_change)


def read_token_file(path: Path, option: str = "--token-file") -> str:
    """The validated token in ``path``; the error names the file, never its content."""
    source = f"{option} {path}"
    too_large = _("{source} is larger than 64 KiB; a token is a few hundred bytes")
    data = read_named_file(
        path, _MAX_TOKEN_FILE_BYTES, source, too_large=too_large.format(source=source)
    )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(
            _("the token from {source} is not UTF-8 text").format(source=source)
        ) from None
    return validate_token(text, source)


def _plan_from_options(options: ConnectionOptions, iam: Endpoint) -> CredentialPlan | None:
    """The source an explicit option names (the parser already refused two at once)."""
    if options.token_file is not None:
        origin = f"--token-file {options.token_file}"
        secret = read_token_file(options.token_file)
        return CredentialPlan(SourceKind.IAM_TOKEN, origin, secret, iam_endpoint=iam)
    if options.oauth_token_file is not None:
        origin = f"--oauth-token-file {options.oauth_token_file}"
        secret = read_token_file(options.oauth_token_file, "--oauth-token-file")
        return CredentialPlan(SourceKind.OAUTH_TOKEN, origin, secret, iam_endpoint=iam)
    if options.sa_key is not None:
        origin = f"--sa-key {options.sa_key}"
        return CredentialPlan(SourceKind.SA_KEY, origin, key_file=options.sa_key, iam_endpoint=iam)
    if options.use_yc or options.yc_profile or options.yc_path:
        return CredentialPlan(
            SourceKind.YC, "--use-yc", yc_profile=options.yc_profile, yc_path=options.yc_path
        )
    if options.use_metadata or options.metadata_url:
        plan = CredentialPlan(SourceKind.METADATA, "--use-metadata", iam_endpoint=iam)
        if options.metadata_url:
            return replace(plan, metadata_url=parse_metadata_url(options.metadata_url))
        return plan
    return None


def _plan_from_profile(
    profile: Profile, iam: Endpoint, secret: str | None
) -> CredentialPlan | None:
    """The profile's own source; ``secret`` is a token typed in the Connection dialog."""
    if profile.source == AUTO_SOURCE:
        return None
    kind = SourceKind(profile.source)
    origin = _("profile {name}").format(name=profile.name)
    if kind in (SourceKind.IAM_TOKEN, SourceKind.OAUTH_TOKEN):
        if secret is not None:
            origin = _("the Connection dialog ({profile})").format(profile=origin)
            secret = validate_token(secret, origin)
        elif profile.token_file:
            option = _("the token file of {profile}:").format(profile=origin)
            secret = read_token_file(Path(profile.token_file).expanduser(), option)
            origin = f"{profile.token_file} ({origin})"
        elif profile.remember:
            secret = recall_secret(profile.name, profile.source)
            origin = _("the keyring ({profile})").format(profile=origin)
        return CredentialPlan(kind, origin, secret, iam_endpoint=iam)
    if kind is SourceKind.SA_KEY:
        key_file = Path(profile.key_file).expanduser() if profile.key_file else None
        return CredentialPlan(kind, origin, key_file=key_file, iam_endpoint=iam)
    if kind is SourceKind.YC:
        return CredentialPlan(kind, origin, yc_profile=profile.yc_profile, yc_path=profile.yc_path)
    plan = CredentialPlan(kind, origin, iam_endpoint=iam)
    return replace(plan, metadata_url=profile.metadata_url) if profile.metadata_url else plan


def _plan_from_environment(env: Mapping[str, str], iam: Endpoint) -> CredentialPlan:
    if env.get(TOKEN_ENV, "").strip():
        secret = validate_token(env[TOKEN_ENV], TOKEN_ENV)
        return CredentialPlan(SourceKind.IAM_TOKEN, TOKEN_ENV, secret, iam_endpoint=iam)
    if env.get(OAUTH_TOKEN_ENV, "").strip():
        secret = validate_token(env[OAUTH_TOKEN_ENV], OAUTH_TOKEN_ENV)
        return CredentialPlan(SourceKind.OAUTH_TOKEN, OAUTH_TOKEN_ENV, secret, iam_endpoint=iam)
    return NO_CREDENTIALS


def _network(
    ca_file: Path | None, proxy: str | None, plan: CredentialPlan, env: Mapping[str, str]
) -> NetworkSettings:
    if ca_file is not None and not ca_file.is_file():
        raise UsageError(_("the CA file {file} does not exist").format(file=ca_file))
    direct: frozenset[str] = frozenset()
    if plan.kind is SourceKind.METADATA:
        direct = frozenset({urlsplit(plan.metadata_url).hostname or ""})
    settings = NetworkSettings(ca_file=ca_file, proxy=proxy, direct_hosts=direct)
    ProxyRoutes(settings, env)  # a malformed HTTPS_PROXY is a usage error now, not mid-fetch
    return settings


def _build(
    profile: Profile,
    options: ConnectionOptions,
    env: Mapping[str, str],
    secret: str | None,
) -> Connection:
    endpoint = parse_endpoint(options.endpoint or profile.endpoint)
    iam = parse_endpoint(options.iam_endpoint or profile.iam_endpoint, "--iam-endpoint")
    plan = (
        _plan_from_options(options, iam)
        or _plan_from_profile(profile, iam, secret)
        or _plan_from_environment(env, iam)
    )
    if options.proxy:
        proxy: str | None = parse_proxy(options.proxy, "--proxy")
    else:
        proxy = parse_proxy(profile.proxy, f"profile {profile.name}") if profile.proxy else None
    ca_file = options.ca_file or (Path(profile.ca_file).expanduser() if profile.ca_file else None)
    return Connection(endpoint, plan, _network(ca_file, proxy, plan, env), profile.name)


def resolve_connection(
    options: ConnectionOptions | None = None,
    *,
    environ: Mapping[str, str] | None = None,
    demo_url: str | None = None,
    profiles: ProfileBook | None = None,
) -> Connection:
    """The connection the command line asks for; ``demo_url`` (the running demo) wins."""
    if demo_url is not None:
        return Connection(parse_endpoint(demo_url), demo=True)
    options = options or ConnectionOptions()
    book = load_profiles() if profiles is None else profiles
    profile = book.get(options.profile or book.current)
    return _build(profile, options, os.environ if environ is None else environ, None)


def connect_profile(
    profile: Profile, *, secret: str | None = None, environ: Mapping[str, str] | None = None
) -> Connection:
    """The connection for a profile chosen in the Connection dialog (options do not apply)."""
    env = os.environ if environ is None else environ
    return _build(profile, ConnectionOptions(), env, secret)
