"""The credential sources, the token cache, the proxy rules, profiles and how they resolve."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import TypeVar

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec

from inspector.api.client import ImageClient
from inspector.api.credentials.cache import TokenCache, renew_at
from inspector.api.credentials.errors import CredentialError
from inspector.api.credentials.factory import plan_source
from inspector.api.credentials.metadata import MetadataSource
from inspector.api.credentials.oauth import OAuthTokenSource
from inspector.api.credentials.plan import CredentialPlan, SourceKind
from inspector.api.credentials.service_account import (
    JWT_LIFETIME_SECONDS,
    ServiceAccountSource,
    load_key_file,
    signed_jwt,
)
from inspector.api.credentials.tokens import IssuedToken
from inspector.api.credentials.yc_cli import YcCliSource
from inspector.api.errors import UsageError
from inspector.api.inputs import parse_endpoint
from inspector.api.network.proxy import NetworkSettings, ProxyRoutes, parse_proxy, proxy_display
from inspector.api.network.transport import NetworkTransport, PlainHttpRefused
from inspector.api.retry import RetryPolicy
from inspector.cli.parser import parse_options
from inspector.config.connection import connect_profile, resolve_connection
from inspector.config.options import ConnectionOptions
from inspector.config.profiles import (
    Profile,
    ProfileBook,
    load_profiles,
    profiles_path,
    recall_secret,
    remember_secret,
    save_profiles,
    validate_profile,
)
from inspector.present.credentials import credential_hint, expiry_text
from inspector.present.errors import explain, explanation_lines
from tests.integration.fake_iam import (
    FakeIam,
    ServiceAccount,
    memory_keyring,
    write_fake_yc,
    write_key_file,
)

T = TypeVar("T")
API = "https://cloud-desktop.api.cloud.yandex.net"
IMAGE = {"id": "e3vc67qdve8q12345678", "status": "ACTIVE"}


def run(factory: Callable[[httpx.AsyncClient], Awaitable[T]]) -> T:
    """Run ``factory(http)`` with a real client of the app's stack on a fresh loop."""

    async def main() -> T:
        async with httpx.AsyncClient(transport=NetworkTransport(), trust_env=False) as http:
            return await factory(http)

    return asyncio.run(main())


@pytest.fixture(scope="module")
def account() -> ServiceAccount:
    return ServiceAccount()


@pytest.fixture
def iam(account: ServiceAccount) -> Iterator[FakeIam]:
    with FakeIam(account, accepted_oauth=("y0_good-oauth",)) as fake:
        yield fake


# --- service account key and JWT -----------------------------------------------------------


def test_jwt_is_ps256_with_kid_iss_aud_and_at_most_an_hour(
    account: ServiceAccount, tmp_path: Path
) -> None:
    key = load_key_file(write_key_file(tmp_path / "key.json", account))
    audience = "https://iam.api.cloud.yandex.net/iam/v1/tokens"
    token = signed_jwt(key, audience, 1_800_000_000.5)
    header = jwt.get_unverified_header(token)
    assert header == {"alg": "PS256", "typ": "JWT", "kid": account.key_id}
    claims = jwt.decode(
        token,
        account.private_key.public_key(),
        algorithms=["PS256"],
        audience=audience,
        options={"verify_exp": False, "verify_iat": False},
    )
    assert claims["iss"] == account.account_id
    assert claims["iat"] == 1_800_000_000
    assert 0 < claims["exp"] - claims["iat"] == JWT_LIFETIME_SECONDS <= 3600


def test_key_repr_never_shows_the_private_key(account: ServiceAccount, tmp_path: Path) -> None:
    key = load_key_file(write_key_file(tmp_path / "key.json", account))
    assert "PRIVATE" not in repr(key)
    assert "private_key" not in repr(key)


def _ec_pem() -> str:
    return (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "cannot read"),
        ("{not json", "is not JSON (the JSON is broken or truncated"),
        ("[1, 2]", "expected a JSON object"),
        ('{"id": "ajek1"}', "lacks service_account_id, private_key"),
        (
            '{"id": "a/b", "service_account_id": "aje1", "private_key": "x"}',
            "key id in the service account key file",
        ),
        (
            '{"id": "ajek1", "service_account_id": "aje1", "private_key": "MIIEsecretbody"}',
            "is not a PEM key",
        ),
        (
            json.dumps(
                {
                    "id": "ajek1",
                    "service_account_id": "aje1",
                    "private_key": "-----BEGIN PRIVATE KEY-----\nMIIEsecretbody\n"
                    "-----END PRIVATE KEY-----\n",
                }
            ),
            "cannot be read",
        ),
        (
            json.dumps({"id": "ajek1", "service_account_id": "aje1", "private_key": _ec_pem()}),
            "not an RSA key",
        ),
    ],
)
def test_a_malformed_key_file_is_named_and_never_quoted(
    tmp_path: Path, content: str | None, says: str
) -> None:
    path = tmp_path / "key.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError) as caught:
        load_key_file(path)
    message = str(caught.value)
    assert str(path) in message
    assert says in message
    assert "secretbody" not in message
    assert "BEGIN" not in message


def test_service_account_source_gets_a_token_from_iam(
    iam: FakeIam, account: ServiceAccount, tmp_path: Path
) -> None:
    source = ServiceAccountSource(
        write_key_file(tmp_path / "key.json", account),
        parse_endpoint(iam.base_url),
        "service account key",
    )
    token = run(source.issue)
    assert token.value == iam.iam_token
    assert token.expires_at is not None
    assert time.gmtime(token.expires_at)[:6] == (2099, 1, 2, 3, 4, 5)
    assert iam.seen[-1].path == "/iam/v1/tokens"
    assert set(iam.seen[-1].body or {}) == {"jwt"}


def test_iam_refuses_a_key_it_does_not_know(
    iam: FakeIam, account: ServiceAccount, tmp_path: Path
) -> None:
    key_file = write_key_file(tmp_path / "key.json", account, key_id="ajeunknownkey0000001")
    source = ServiceAccountSource(key_file, parse_endpoint(iam.base_url), "service account key")
    with pytest.raises(CredentialError) as caught:
        run(source.issue)
    assert "refused it: HTTP 401: unknown key id ajeunknownkey0000001" in str(caught.value)
    assert "ajeunknownkey0000001" in credential_hint(caught.value)
    assert "yc iam key create" in credential_hint(caught.value)


def test_iam_refuses_a_jwt_for_another_audience(
    iam: FakeIam, account: ServiceAccount, tmp_path: Path
) -> None:
    """The fake checks ``aud``: a JWT made for the real IAM host is refused by it."""
    key = load_key_file(write_key_file(tmp_path / "key.json", account))
    wrong = signed_jwt(key, "https://iam.api.cloud.yandex.net/iam/v1/tokens", time.time())
    assert "InvalidAudienceError" in (iam.check_jwt(wrong) or "")
    right = signed_jwt(key, f"{iam.base_url}/iam/v1/tokens", time.time())
    assert iam.check_jwt(right) is None


def test_iam_refuses_a_jwt_living_longer_than_an_hour(
    iam: FakeIam, account: ServiceAccount
) -> None:
    now = int(time.time())
    claims = {
        "iss": account.account_id,
        "aud": f"{iam.base_url}/iam/v1/tokens",
        "iat": now,
        "exp": now + 3601,
    }
    token = jwt.encode(
        claims, account.private_key, algorithm="PS256", headers={"kid": account.key_id}
    )
    assert iam.check_jwt(token) == "the JWT lives longer than an hour"


# --- OAuth and the exchange's failures -----------------------------------------------------


def _oauth(iam: FakeIam, token: str) -> OAuthTokenSource:
    return OAuthTokenSource(token, parse_endpoint(iam.base_url), "OAuth token from YC_OAUTH_TOKEN")


def test_oauth_token_is_exchanged(iam: FakeIam) -> None:
    assert run(_oauth(iam, "y0_good-oauth").issue).value == iam.iam_token
    assert iam.seen[-1].body == {"yandexPassportOauthToken": "y0_good-oauth"}


@pytest.mark.parametrize("status", [400, 401, 403])
def test_a_refused_oauth_token_names_the_replacements(iam: FakeIam, status: int) -> None:
    iam.oauth_refusal = status
    with pytest.raises(CredentialError) as caught:
        run(_oauth(iam, "y0_revoked-SECRET").issue)
    error = caught.value
    assert f"HTTP {status}" in str(error)
    assert "--sa-key" in credential_hint(error)
    assert "--use-yc" in credential_hint(error)
    assert "SECRET" not in str(error) + credential_hint(error)
    lines = "\n".join(explanation_lines(explain(error)))
    assert "Could not get an IAM token (OAuth token from YC_OAUTH_TOKEN)" in lines


@pytest.mark.parametrize(
    ("answer", "says"),
    [
        ((500, "application/json", b'{"code": 13, "message": "internal"}'), "failed: HTTP 500"),
        ((502, "text/html", b"<html>Bad gateway</html>"), "failed: HTTP 502: <html>Bad"),
        ((200, "text/html", b"<html>login</html>"), "without an iamToken"),
        ((200, "application/json", b'{"iamToken": "bad token"}'), "contains a space"),
        ((200, "application/json", b"{}garbage"), "without an iamToken"),
        ((302, "text/plain", b""), "redirected (HTTP 302)"),
    ],
)
def test_a_misbehaving_iam_endpoint_is_explained(
    iam: FakeIam, answer: tuple[int, str, bytes], says: str
) -> None:
    iam.answer = answer
    with pytest.raises(CredentialError) as caught:
        run(_oauth(iam, "y0_good-oauth").issue)
    assert says in str(caught.value)
    assert caught.value.source == "OAuth token from YC_OAUTH_TOKEN"


def test_an_echoed_secret_is_scrubbed(iam: FakeIam) -> None:
    iam.answer = (400, "application/json", b'{"message": "bad token y0_revoked-SECRET"}')
    with pytest.raises(CredentialError) as caught:
        run(_oauth(iam, "y0_revoked-SECRET").issue)
    assert "[redacted]" in str(caught.value)
    assert "SECRET" not in str(caught.value)


def test_an_unreachable_iam_endpoint_is_a_credential_error() -> None:
    source = OAuthTokenSource("y0_x", parse_endpoint("http://127.0.0.1:9"), "OAuth token")
    with pytest.raises(CredentialError) as caught:
        run(source.issue)
    assert "the IAM endpoint 127.0.0.1 could not be reached" in str(caught.value)
    assert "--iam-endpoint" in credential_hint(caught.value)


# --- metadata ------------------------------------------------------------------------------


def test_metadata_service_gives_the_vm_token_with_its_lifetime(iam: FakeIam) -> None:
    source = MetadataSource(iam.metadata_url, "metadata service", clock=lambda: 1000.0)
    token = run(source.issue)
    assert token == IssuedToken(iam.metadata_token, 4600.0)
    assert iam.seen[-1].headers["Metadata-Flavor"] == "Google"


def test_metadata_service_outside_a_vm_says_so() -> None:
    url = "http://127.0.0.1:9/computeMetadata/v1/instance/service-accounts/default/token"
    with pytest.raises(CredentialError) as caught:
        run(MetadataSource(url, "metadata service").issue)
    assert "could not be reached" in str(caught.value)
    assert "only inside a Yandex Cloud VM" in credential_hint(caught.value)


# --- yc --------------------------------------------------------------------------------------


def _yc(tmp_path: Path, script: str, profile: str | None = None, timeout: float = 30) -> str:
    yc = write_fake_yc(tmp_path, script)
    source = YcCliSource(str(yc), profile, "yc CLI", timeout=timeout)
    return run(source.issue).value


def test_yc_prints_a_token_and_gets_the_profile_as_an_argument(tmp_path: Path) -> None:
    script = (
        "pathlib.Path(sys.argv[0]).with_name('argv.json').write_text(repr(argv))\n"
        "print('t1.from-yc')"
    )
    assert _yc(tmp_path, script, profile="prod") == "t1.from-yc"
    assert (tmp_path / "argv.json").read_text() == repr(
        ["iam", "create-token", "--profile", "prod"]
    )


@pytest.mark.parametrize(
    ("script", "says"),
    [
        ("", "printed nothing"),
        ("print('not a token')", "contains a space"),
        (
            "print('ERROR: profile \"nope\" does not exist', file=sys.stderr); sys.exit(1)",
            'failed with exit code 1: ERROR: profile "nope" does not exist',
        ),
        ("time.sleep(30)", "did not finish within 0.5 s"),
    ],
)
def test_yc_failures_are_named(tmp_path: Path, script: str, says: str) -> None:
    with pytest.raises(CredentialError) as caught:
        _yc(tmp_path, script, profile="nope", timeout=0.5)
    assert says in str(caught.value)
    assert caught.value.source == "yc CLI"


def test_a_missing_yc_is_a_clear_message(tmp_path: Path) -> None:
    source = YcCliSource(str(tmp_path / "no-such-yc"), None, "yc CLI")
    with pytest.raises(CredentialError) as caught:
        run(source.issue)
    assert "is not an executable program" in str(caught.value)


def test_a_yc_profile_that_looks_like_an_option_is_refused() -> None:
    with pytest.raises(UsageError, match="not starting with '-'"):
        YcCliSource(None, "--token=x", "yc CLI")


# --- the cache -------------------------------------------------------------------------------


class CountingSource:
    """Issues ``t1.token-N`` with the given lifetime; counts how often it was asked."""

    label = "counting source"

    def __init__(self, lifetime: float | None, clock: Callable[[], float], renewable: bool) -> None:
        self.lifetime = lifetime
        self.clock = clock
        self.renewable = renewable
        self.calls = 0

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken:
        self.calls += 1
        await asyncio.sleep(0)
        expires = None if self.lifetime is None else self.clock() + self.lifetime
        return IssuedToken(f"t1.token-{self.calls}", expires)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("lifetime", "renewable", "renews_after"),
    [
        (12 * 3600, True, 3600),  # hourly, as Yandex recommends
        (1800, True, 1500),  # five minutes before a short expiry
        (400, True, 200),  # half-way through a very short one
        (None, True, 3600),  # yc does not say: hourly
        (None, False, None),  # a pasted token cannot be renewed
    ],
)
def test_renewal_time(lifetime: float | None, renewable: bool, renews_after: float | None) -> None:
    token = IssuedToken("t1.x", None if lifetime is None else 100.0 + lifetime)
    expected = None if renews_after is None else 100.0 + renews_after
    assert renew_at(100.0, token, renewable) == expected


def test_cache_issues_once_then_renews_when_due() -> None:
    clock = Clock()
    source = CountingSource(12 * 3600, clock, renewable=True)
    seen: list[float | None] = []

    async def scenario(http: httpx.AsyncClient) -> list[str | None]:
        cache = TokenCache(source, http, clock=clock, on_change=lambda s: seen.append(s.expires_at))
        assert not cache.status.issued
        first = await asyncio.gather(cache.get_token(), cache.get_token())
        clock.now += 3599
        same = await cache.get_token()
        clock.now += 2
        renewed = await cache.get_token()
        assert cache.status.source == "counting source"
        assert cache.status.expires_at == clock.now + 12 * 3600
        return [*first, same, renewed]

    assert run(scenario) == ["t1.token-1", "t1.token-1", "t1.token-1", "t1.token-2"]
    assert source.calls == 2
    assert len(seen) == 2


def test_status_never_holds_the_token() -> None:
    clock = Clock()

    async def scenario(http: httpx.AsyncClient) -> str:
        cache = TokenCache(CountingSource(60, clock, True), http, clock=clock)
        await cache.get_token()
        return repr(cache.status)

    assert "t1.token" not in run(scenario)


def _api(statuses: list[int], seen: list[str]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers.get("authorization", ""))
        status = statuses.pop(0)
        body = IMAGE if status == 200 else {"code": 16, "message": "Token is invalid"}
        return httpx.Response(status, json=body)

    return httpx.MockTransport(handler)


def _fetch_through(source: CountingSource, statuses: list[int]) -> tuple[bool, list[str]]:
    seen: list[str] = []

    async def main() -> bool:
        async with httpx.AsyncClient(transport=_api(statuses, seen)) as http:
            client = ImageClient(
                http,
                parse_endpoint(API),
                TokenCache(source, http),
                retry=RetryPolicy(attempts=3),
                sleep=lambda _delay: asyncio.sleep(0),
            )
            try:
                await client.get_image(IMAGE["id"])
            except Exception:
                return False
            return True

    return asyncio.run(main()), seen


def test_a_401_renews_the_token_once_without_using_a_retry_attempt() -> None:
    source = CountingSource(3600, time.time, renewable=True)
    ok, seen = _fetch_through(source, [401, 503, 503, 200])
    assert ok
    assert seen == ["Bearer t1.token-1", *["Bearer t1.token-2"] * 3]


def test_a_second_401_is_final() -> None:
    source = CountingSource(3600, time.time, renewable=True)
    ok, seen = _fetch_through(source, [401, 401, 200])
    assert not ok
    assert seen == ["Bearer t1.token-1", "Bearer t1.token-2"]


def test_a_pasted_token_is_not_asked_for_again_after_a_401() -> None:
    source = CountingSource(None, time.time, renewable=False)
    ok, seen = _fetch_through(source, [401, 200])
    assert not ok
    assert seen == ["Bearer t1.token-1"]


def test_a_plan_builds_its_source_only_when_the_first_token_is_needed(tmp_path: Path) -> None:
    plan = CredentialPlan(SourceKind.SA_KEY, "--sa-key", key_file=tmp_path / "missing.json")
    source = plan_source(plan)
    assert source is not None and source.renewable
    with pytest.raises(UsageError, match=r"missing\.json"):
        run(source.issue)
    assert plan_source(CredentialPlan(SourceKind.NONE)) is None


# --- proxies and plain http ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "url", "expected"),
    [
        ({}, "https://api.example", None),
        ({"HTTPS_PROXY": "http://proxy:3128"}, "https://api.example", "http://proxy:3128"),
        ({"https_proxy": "proxy:3128"}, "https://api.example", "http://proxy:3128"),
        ({"HTTP_PROXY": "http://p:1"}, "https://api.example", None),
        ({"ALL_PROXY": "http://p:1"}, "https://api.example", "http://p:1"),
        ({"HTTPS_PROXY": "http://p:1"}, "https://127.0.0.1:8443", None),
        ({"HTTPS_PROXY": "http://p:1"}, "http://localhost:8080", None),
        ({"HTTPS_PROXY": "http://p:1"}, "https://[::1]:8443", None),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "example"}, "https://api.example", None),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": ".example"}, "https://api.example", None),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "*.example"}, "https://a.b.example", None),
        ({"HTTPS_PROXY": "http://p:1", "no_proxy": "*"}, "https://api.example", None),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "ample"}, "https://api.example", "http://p:1"),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "10.0.0.0/8"}, "https://10.1.2.3", None),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "10.0.0.0/8"}, "https://11.1.2.3", "http://p:1"),
        ({"HTTPS_PROXY": "http://p:1", "NO_PROXY": "api.example:443"}, "https://api.example", None),
    ],
)
def test_proxy_routes(env: dict[str, str], url: str, expected: str | None) -> None:
    target = httpx.URL(url)
    assert ProxyRoutes(NetworkSettings(), env).proxy_for(target.scheme, target.host) == expected


def test_a_profile_proxy_beats_the_environment_and_keeps_no_proxy() -> None:
    env = {"HTTPS_PROXY": "http://env:1", "NO_PROXY": "internal.example"}
    routes = ProxyRoutes(NetworkSettings(proxy="http://corp:8080"), env)
    assert routes.proxy_for("https", "api.example") == "http://corp:8080"
    assert routes.proxy_for("https", "iam.internal.example") is None


def test_the_metadata_host_is_always_reached_directly() -> None:
    settings = NetworkSettings(direct_hosts=frozenset({"169.254.169.254"}))
    routes = ProxyRoutes(settings, {"HTTP_PROXY": "http://p:1"})
    assert routes.proxy_for("http", "169.254.169.254") is None


@pytest.mark.parametrize(
    ("value", "says"),
    [("socks5://p:1080", "SOCKS proxies are not supported"), ("http://p:notaport", "not a URL")],
)
def test_an_unusable_proxy_names_its_variable(value: str, says: str) -> None:
    with pytest.raises(UsageError) as caught:
        ProxyRoutes(NetworkSettings(), {"ALL_PROXY": value})
    assert "ALL_PROXY" in str(caught.value)
    assert says in str(caught.value)


def test_proxy_display_hides_the_password() -> None:
    assert proxy_display("http://user:hunter2@proxy:3128") == "http://proxy:3128"
    assert parse_proxy("proxy:3128", "--proxy") == "http://proxy:3128"


def test_a_token_is_never_sent_over_plain_http_to_another_host() -> None:
    async def send(http: httpx.AsyncClient) -> httpx.Response:
        return await http.get("http://api.example/", headers={"Authorization": "Bearer t1.x"})

    with pytest.raises(PlainHttpRefused, match=r"plain http:// to api\.example"):
        run(send)


# --- options, profiles and resolution --------------------------------------------------------


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["--token-file", "t", "get", "x", "--sa-key", "k"], "--token-file and --sa-key"),
        (["get", "x", "--use-yc", "--use-metadata"], "--use-yc and --use-metadata"),
        (["--oauth-token-file", "o", "--yc-profile", "p"], "--oauth-token-file and --yc-profile"),
        (["--metadata-url", "http://m", "--sa-key", "k"], "--sa-key and --metadata-url"),
    ],
)
def test_two_explicit_sources_are_a_usage_error_naming_both(
    argv: list[str], named: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as caught:
        parse_options(argv)
    assert caught.value.code == 2
    assert named in capsys.readouterr().err


def test_credential_options_work_after_the_command() -> None:
    options = parse_options(["get", "x", "--use-yc", "--yc-profile", "p", "--profile", "stand"])
    assert options.connection.use_yc
    assert options.connection.yc_profile == "p"
    assert options.connection.profile == "stand"


def test_an_explicit_option_beats_the_environment(tmp_path: Path) -> None:
    env = {"YC_IAM_TOKEN": "t1.from-env", "YC_OAUTH_TOKEN": "y0_env"}
    key = tmp_path / "key.json"
    chosen = resolve_connection(ConnectionOptions(sa_key=key), environ=env)
    assert chosen.credentials.kind is SourceKind.SA_KEY
    assert chosen.token_source == f"service account key {key}"
    from_env = resolve_connection(environ=env)
    assert from_env.credentials.kind is SourceKind.IAM_TOKEN
    assert from_env.token_source == "IAM token from YC_IAM_TOKEN"
    oauth = resolve_connection(environ={"YC_OAUTH_TOKEN": "y0_env"})
    assert oauth.token_source == "OAuth token from YC_OAUTH_TOKEN"
    assert resolve_connection(environ={}).token_source is None


def test_a_profile_source_beats_the_environment_and_options_beat_the_profile(
    tmp_path: Path,
) -> None:
    profile = Profile(
        "stand",
        endpoint="https://desktops.stand.example",
        iam_endpoint="https://iam.stand.example",
        source="yc",
        yc_profile="stand",
        proxy="http://corp:3128",
    )
    book = ProfileBook().with_profile(profile)
    env = {"YC_IAM_TOKEN": "t1.from-env"}
    connection = resolve_connection(environ=env, profiles=book)
    assert connection.profile == "stand"
    assert connection.endpoint.base_url == "https://desktops.stand.example"
    assert connection.token_source == "yc CLI (profile stand)"
    assert connection.network.proxy == "http://corp:3128"
    overridden = resolve_connection(
        ConnectionOptions(endpoint="https://other.example", proxy="http://p:1", use_metadata=True),
        environ=env,
        profiles=book,
    )
    assert overridden.endpoint.base_url == "https://other.example"
    assert overridden.network.proxy == "http://p:1"
    assert overridden.credentials.kind is SourceKind.METADATA
    assert overridden.network.direct_hosts == frozenset({"169.254.169.254"})


def test_an_unknown_profile_lists_the_known_ones() -> None:
    with pytest.raises(UsageError, match="no profile named 'nope'; known: default"):
        resolve_connection(ConnectionOptions(profile="nope"), environ={}, profiles=ProfileBook())


def test_plain_http_iam_endpoint_is_refused() -> None:
    with pytest.raises(UsageError, match=r"--iam-endpoint uses plain http:// to iam\.example"):
        resolve_connection(ConnectionOptions(iam_endpoint="http://iam.example"), environ={})


def test_profiles_round_trip_without_secrets(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    profile = validate_profile(
        Profile("test stand", source="sa-key", key_file=" /keys/sa.json ", proxy="  ")
    )
    assert profile.key_file == "/keys/sa.json"
    assert profile.proxy is None
    save_profiles(ProfileBook().with_profile(profile), path)
    book = load_profiles(path)
    assert book.current == "test stand"
    assert book.names() == ["default", "test stand"]
    assert book.get("test stand") == profile
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["profiles"] == [{"name": "test stand", **_non_defaults(profile)}]
    assert load_profiles(tmp_path / "absent.json") == ProfileBook()


def _non_defaults(profile: Profile) -> dict[str, object]:
    return {
        "endpoint": profile.endpoint,
        "iam_endpoint": profile.iam_endpoint,
        "source": "sa-key",
        "key_file": "/keys/sa.json",
    }


def test_profiles_live_in_the_user_config_folder(isolated_home: Path) -> None:
    assert profiles_path() == (
        isolated_home / ".config" / "cloud-desktop-inspector" / "profiles.json"
    )


@pytest.mark.parametrize(
    ("profile", "says"),
    [
        (Profile(""), "a profile name is 1 to 64"),
        (Profile("p", endpoint="http://api.example"), "the API endpoint uses plain http://"),
        (Profile("p", source="magic"), "unknown credential source"),
        (Profile("p", source="sa-key"), "a service account key file is needed"),
        (Profile("p", proxy="http://u:pw@proxy:3128"), "cannot hold a password"),
    ],
)
def test_a_bad_profile_is_refused(profile: Profile, says: str) -> None:
    with pytest.raises(UsageError, match=says):
        validate_profile(profile)


def test_a_broken_profiles_file_is_named(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    path.write_text("{oops", encoding="utf-8")
    with pytest.raises(UsageError, match=r"profiles\.json is not valid JSON"):
        load_profiles(path)


def test_a_remembered_token_comes_from_the_keyring_only() -> None:
    profile = Profile("stand", source="iam-token", remember=True)
    with memory_keyring() as backend:
        remember_secret("stand", "iam-token", "t1.remembered")
        assert recall_secret("stand", "iam-token") == "t1.remembered"
        connection = connect_profile(profile, environ={})
        assert connection.credentials.secret == "t1.remembered"
        assert connection.token_source == "IAM token from the keyring (profile stand)"
        assert backend.secrets == {("cloud-desktop-inspector", "stand/iam-token"): "t1.remembered"}
    typed = connect_profile(profile, secret=" t1.typed ", environ={})
    assert typed.credentials.secret == "t1.typed"
    assert "t1.typed" not in repr(typed)


# --- what the window shows -------------------------------------------------------------------


def test_expiry_text() -> None:
    now = time.mktime((2026, 5, 1, 9, 0, 0, 0, 0, -1))
    assert expiry_text(None, now) is None
    assert expiry_text(now + 3 * 3600 + 25 * 60, now) == "expires 12:25"
    assert expiry_text(now + 20 * 3600, now) == "expires 02 May 05:00"
    assert expiry_text(now - 60, now) == "expired at 08:59"
    # A token is no longer good at the second it expires.
    assert expiry_text(now, now) == "expired at 09:00"
