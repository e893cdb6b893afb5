"""Every credential path runs with known secrets; none may appear in anything the app wrote.

The secrets are deliberately not shaped like Yandex tokens, so the log redaction (which knows
those shapes) cannot hide a leak: a secret must simply never be written. The search covers
stdout, stderr and every file under the test's home (config, state and log folders, caches).
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.demo.server import DemoServer
from tests.integration.fake_iam import FakeIam, ServiceAccount, write_fake_yc, write_key_file

IAM_SECRET = "IAMSECRET0123456789iam"
OAUTH_SECRET = "OAUTHSECRET0123456789"
REFUSED_OAUTH_SECRET = "REFUSEDOAUTHSECRET0123"
ISSUED_SECRET = "ISSUEDSECRET0123456789"
YC_SECRET = "YCSECRET0123456789yc"
METADATA_SECRET = "METADATASECRET0123456"
OK_IMAGE = "e3vdemoactive0000001"
REFUSING_IMAGE = "e3vdemoerror40100001"
_CALLS = itertools.count()


@pytest.fixture(scope="module")
def api() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        yield demo


def _secrets(account: ServiceAccount, iam: FakeIam) -> list[str]:
    pem_body = account.private_pem().splitlines()[1:-1]
    jwts = [str(seen.body["jwt"]) for seen in iam.seen if seen.body and "jwt" in seen.body]
    assert jwts, "the service account path never ran"
    return [
        IAM_SECRET,
        OAUTH_SECRET,
        REFUSED_OAUTH_SECRET,
        ISSUED_SECRET,
        YC_SECRET,
        METADATA_SECRET,
        *pem_body,
        *jwts,
    ]


def test_no_secret_is_written_anywhere(
    api: DemoServer, tmp_path: Path, isolated_home: Path
) -> None:
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    account = ServiceAccount()
    key = write_key_file(inputs / "key.json", account)
    token_file = inputs / "iam-token"
    token_file.write_text(IAM_SECRET, encoding="utf-8")
    oauth_file = inputs / "oauth-token"
    oauth_file.write_text(OAUTH_SECRET, encoding="utf-8")
    yc = write_fake_yc(inputs, f"print({YC_SECRET!r})")
    failing_yc = inputs / "failing"
    failing_yc.mkdir()
    write_fake_yc(failing_yc, "print('ERROR: nope', file=sys.stderr); sys.exit(1)")

    outputs: list[str] = []
    with FakeIam(
        account,
        iam_token=ISSUED_SECRET,
        accepted_oauth=(OAUTH_SECRET,),
        metadata_token=METADATA_SECRET,
    ) as iam:
        iam_endpoint = ("--iam-endpoint", iam.base_url)
        runs: list[tuple[list[str], dict[str, str]]] = [
            ([], {"YC_IAM_TOKEN": IAM_SECRET}),
            (["--token-file", str(token_file)], {}),
            (["--oauth-token-file", str(oauth_file), *iam_endpoint], {}),
            ([*iam_endpoint], {"YC_OAUTH_TOKEN": OAUTH_SECRET}),
            ([*iam_endpoint], {"YC_OAUTH_TOKEN": REFUSED_OAUTH_SECRET}),
            (["--sa-key", str(key), *iam_endpoint], {}),
            (["--use-yc", "--yc-path", str(yc)], {}),
            (["--use-yc", "--yc-path", str(failing_yc / "yc")], {}),
            (["--use-metadata", "--metadata-url", iam.metadata_url], {}),
        ]
        for options, env in runs:
            outputs.append(_run(api, OK_IMAGE, "json", options, env))
            outputs.append(_run(api, REFUSING_IMAGE, "table", options, env))
        iam.answer = (500, "application/json", b'{"code": 13, "message": "down"}')
        outputs.append(_run(api, OK_IMAGE, "table", ["--sa-key", str(key), *iam_endpoint], {}))
        secrets = _secrets(account, iam)

    written = [
        (path, path.read_bytes().decode("utf-8", "replace"))
        for path in isolated_home.rglob("*")
        if path.is_file()
    ]
    assert any("log" in str(path) for path, _ in written), "expected the app to write a log"
    bundles = [path for path, _ in written if path.name.endswith(".inspector.json")]
    assert len(bundles) == 2 * len(runs) + 1, "expected a support bundle of every call"
    for secret in secrets:
        for text in outputs:
            assert secret not in text
        for path, content in written:
            assert secret not in content, f"{path} holds a secret"


def _run(
    api: DemoServer, image_id: str, output: str, options: list[str], env: dict[str, str]
) -> str:
    # Every call, failed or not, is also saved for support: the bundle must hold no secret.
    bundle = Path(os.environ["HOME"]) / f"call-{next(_CALLS)}.inspector.json"
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "get", image_id, "-o", output,
         "--endpoint", api.base_url, "--log-level", "debug", "--save", str(bundle), *options],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "PYTHONIOENCODING": "utf-8", **env},
        timeout=60,
        check=False,
    )  # fmt: skip
    assert result.returncode in (0, 1), result.stderr
    assert "Traceback" not in result.stderr
    return result.stdout + result.stderr
