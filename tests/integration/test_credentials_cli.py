"""Every credential source from the command line, against the demo API and a fake IAM.

Each test runs the real program in a subprocess: the token the demo API receives must be the
one the source produced, and failures must say which source failed and what to do.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.demo.server import DemoServer
from tests.integration.fake_iam import FakeIam, ServiceAccount, write_fake_yc, write_key_file

IMAGE_ID = "e3vdemoactive0000001"
IAM_TOKEN = "t1.issued-by-the-fake-iam"


@pytest.fixture(scope="module")
def api() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        yield demo


@pytest.fixture(scope="module")
def account() -> ServiceAccount:
    return ServiceAccount()


@pytest.fixture
def iam(account: ServiceAccount) -> Iterator[FakeIam]:
    with FakeIam(account, iam_token=IAM_TOKEN, accepted_oauth=("y0_accepted",)) as fake:
        yield fake


def run_cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {
        **os.environ,
        "PYTHONIOENCODING": "utf-8",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        **(env or {}),
    }
    return subprocess.run(
        [sys.executable, "-m", "inspector", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=full_env,
        timeout=60,
        check=False,
    )


def get(
    api: DemoServer, *args: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return run_cli("get", IMAGE_ID, "--endpoint", api.base_url, *args, env=env)


def sent_token(api: DemoServer) -> str:
    return api.requests[-1].headers.get("authorization", "")


def test_service_account_key(
    api: DemoServer, iam: FakeIam, account: ServiceAccount, tmp_path: Path
) -> None:
    key = write_key_file(tmp_path / "key.json", account)
    result = get(api, "--sa-key", str(key), "--iam-endpoint", iam.base_url)
    assert result.returncode == 0, result.stderr
    assert IMAGE_ID in result.stdout
    assert sent_token(api) == f"Bearer {IAM_TOKEN}"
    assert iam.issued == 1


def test_service_account_key_with_a_key_iam_does_not_know(
    api: DemoServer, iam: FakeIam, account: ServiceAccount, tmp_path: Path
) -> None:
    key = write_key_file(tmp_path / "key.json", account, key_id="ajedeletedkey0000001")
    before = len(api.requests)
    result = get(api, "--sa-key", str(key), "--iam-endpoint", iam.base_url)
    assert result.returncode == 1
    assert f"Could not get an IAM token (service account key {key})" in result.stderr
    assert "unknown key id ajedeletedkey0000001" in result.stderr
    assert "yc iam key create" in result.stderr
    assert len(api.requests) == before


def test_a_malformed_key_file_is_a_usage_error(api: DemoServer, tmp_path: Path) -> None:
    key = tmp_path / "key.json"
    key.write_text('{"id": "ajek", "private_key": "-----BEGIN PRIVATE KEY-----\\nSECRET"}')
    result = get(api, "--sa-key", str(key))
    assert result.returncode == 2
    assert str(key) in result.stderr
    assert "lacks service_account_id" in result.stderr
    assert "SECRET" not in result.stderr


def test_oauth_token_from_the_environment(api: DemoServer, iam: FakeIam) -> None:
    env = {"YC_OAUTH_TOKEN": "y0_accepted"}
    result = get(api, "--iam-endpoint", iam.base_url, env=env)
    assert result.returncode == 0, result.stderr
    assert sent_token(api) == f"Bearer {IAM_TOKEN}"
    assert iam.seen[-1].body == {"yandexPassportOauthToken": "y0_accepted"}


def test_oauth_token_file(api: DemoServer, iam: FakeIam, tmp_path: Path) -> None:
    token_file = tmp_path / "oauth"
    token_file.write_text("y0_accepted\n", encoding="utf-8")
    result = get(api, "--oauth-token-file", str(token_file), "--iam-endpoint", iam.base_url)
    assert result.returncode == 0, result.stderr
    assert sent_token(api) == f"Bearer {IAM_TOKEN}"


def test_a_refused_oauth_token_names_the_replacements(api: DemoServer, iam: FakeIam) -> None:
    result = get(api, "--iam-endpoint", iam.base_url, env={"YC_OAUTH_TOKEN": "y0_revokedSECRET"})
    assert result.returncode == 1
    err = result.stderr
    assert "Could not get an IAM token (OAuth token from YC_OAUTH_TOKEN)" in err
    assert "HTTP 401" in err
    assert "--sa-key FILE" in err
    assert "--use-yc" in err
    assert "SECRET" not in err + result.stdout


def test_yc_with_a_profile(api: DemoServer, tmp_path: Path) -> None:
    script = (
        "pathlib.Path(sys.argv[0]).with_name('argv.json').write_text(repr(argv))\n"
        "print('t1.printed-by-yc')"
    )
    yc = write_fake_yc(tmp_path, script)
    result = get(api, "--use-yc", "--yc-profile", "prod", "--yc-path", str(yc))
    assert result.returncode == 0, result.stderr
    assert sent_token(api) == "Bearer t1.printed-by-yc"
    assert (tmp_path / "argv.json").read_text() == repr(
        ["iam", "create-token", "--profile", "prod"]
    )


def test_yc_with_a_failing_profile(api: DemoServer, tmp_path: Path) -> None:
    script = "print('ERROR: profile \"nope\" is not found', file=sys.stderr); sys.exit(1)"
    yc = write_fake_yc(tmp_path, script)
    result = get(api, "--yc-profile", "nope", "--yc-path", str(yc))
    assert result.returncode == 1
    assert "Could not get an IAM token (yc CLI (profile nope))" in result.stderr
    assert 'profile "nope" is not found' in result.stderr
    assert "yc config profile list" in result.stderr


def test_a_missing_yc(api: DemoServer, tmp_path: Path) -> None:
    result = get(api, "--use-yc", env={"PATH": str(tmp_path), "HOME": str(tmp_path)})
    assert result.returncode == 1
    assert "the yc CLI was not found on PATH" in result.stderr


def test_metadata_service(api: DemoServer, iam: FakeIam) -> None:
    result = get(api, "--use-metadata", "--metadata-url", iam.metadata_url)
    assert result.returncode == 0, result.stderr
    assert sent_token(api) == f"Bearer {iam.metadata_token}"


def test_the_metadata_service_is_never_asked_unless_chosen(api: DemoServer, iam: FakeIam) -> None:
    result = get(api, "--iam-endpoint", iam.base_url)
    assert result.returncode == 0
    assert "warning: no IAM token" in result.stderr
    assert iam.seen == []


def test_two_sources_are_a_usage_error(api: DemoServer, tmp_path: Path) -> None:
    result = run_cli("--use-yc", "get", IMAGE_ID, "--sa-key", str(tmp_path / "k.json"))
    assert result.returncode == 2
    assert "--sa-key and --use-yc were both given" in result.stderr


def test_an_explicit_source_beats_the_environment(api: DemoServer, tmp_path: Path) -> None:
    yc = write_fake_yc(tmp_path, "print('t1.from-yc')")
    result = get(api, "--yc-path", str(yc), env={"YC_IAM_TOKEN": "t1.from-env"})
    assert result.returncode == 0, result.stderr
    assert sent_token(api) == "Bearer t1.from-yc"


def test_a_profile_chosen_by_name(
    api: DemoServer, iam: FakeIam, account: ServiceAccount, tmp_path: Path, isolated_home: Path
) -> None:
    key = write_key_file(tmp_path / "key.json", account)
    config = isolated_home / ".config" / "cloud-desktop-inspector"
    config.mkdir(parents=True)
    profile = {
        "name": "stand",
        "endpoint": api.base_url,
        "iam_endpoint": iam.base_url,
        "source": "sa-key",
        "key_file": str(key),
    }
    (config / "profiles.json").write_text(json.dumps({"profiles": [profile]}), encoding="utf-8")
    result = run_cli("get", IMAGE_ID, "--profile", "stand", env={"YC_IAM_TOKEN": "t1.env"})
    assert result.returncode == 0, result.stderr
    assert sent_token(api) == f"Bearer {IAM_TOKEN}"
    unknown = run_cli("get", IMAGE_ID, "--profile", "gone")
    assert unknown.returncode == 2
    assert "no profile named 'gone'; known: default, stand" in unknown.stderr


def test_info_log_names_the_source_and_never_the_token(api: DemoServer, tmp_path: Path) -> None:
    yc = write_fake_yc(tmp_path, "print('t1.from-yc-0123456789')")
    result = get(api, "--yc-path", str(yc), "--log-level", "debug")
    assert result.returncode == 0, result.stderr
    assert "new IAM token from yc CLI (its current profile)" in result.stderr
    assert "from-yc-0123456789" not in result.stderr
