"""The log file: where it goes, how it rotates, and that no token ever reaches it."""

from __future__ import annotations

import io
import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from inspector.api.redaction import REDACTED, redact
from inspector.cli.main import main
from inspector.config.logs import (
    LOG_BACKUPS,
    LOG_FILE_NAME,
    MAX_LOG_BYTES,
    hold_early_records,
    log_folder,
    log_unexpected,
    setup_logging,
    shutdown_logging,
)

IAM = "t1.9euelZqQ0123456789abcdefSECRET.signaturePART-_xyz"
OAUTH = "y0_AgAAAAAAbcdEFGhijKLmnoPQRstuVWxyz0123456789"
OAUTH_OLD = "AQAAAAAABcDeFgHiJkLmNoPqRsTuVwXyZ01234"
JWT = "eyJhbGciOiJQUzI1NiJ9.eyJpc3MiOiJhamUxMjM0NTY3ODkwIn0.c2lnbmF0dXJlX3BhcnQ"
SECRETS = (IAM, OAUTH, OAUTH_OLD, JWT, "opaque-secret-value")


@pytest.fixture(autouse=True)
def clean_logging() -> Iterator[None]:
    level = logging.getLogger().level
    yield
    shutdown_logging()
    logging.getLogger().setLevel(level)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Authorization: Bearer {IAM}", f"Authorization: Bearer {REDACTED}"),
        ("authorization=Basic Zm9vOmJhcg==", f"authorization=Basic {REDACTED}"),
        ("Authorization: opaque-secret-value; next", f"Authorization: {REDACTED}; next"),
        (f"{{'Authorization': 'Bearer {OAUTH}'}}", f"{{'Authorization': 'Bearer {REDACTED}'}}"),
        (f"[(b'authorization', b'Bearer {JWT}')]", f"[(b'authorization', b'Bearer {REDACTED}')]"),
        (f'{{"authorization": "{OAUTH_OLD}"}}', f'{{"authorization": "{REDACTED}"}}'),
        (f"token={IAM} end", f"token={REDACTED} end"),
        (f"oauth {OAUTH}.", f"oauth {REDACTED}."),
        (f"old {OAUTH_OLD}", f"old {REDACTED}"),
        (f"jwt {JWT}", f"jwt {REDACTED}"),
        (f"bearer {JWT}", f"bearer {REDACTED}"),
    ],
)
def test_redact_hides_tokens(text: str, expected: str) -> None:
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "GET https://cloud-desktop.api.cloud.yandex.net/cloud-desktop/v1/images/e3vc67qdve8q12345678",
        "no authorization header was sent",
        "x-client-request-id: 6f1c6d1e-2c7d-4f57-9b1e-0a4f3e0c9a11",
        "t1.x is too short to be a token",
        "folder b1g0123456789abcdefg, image e3vdemoactive0000001",
    ],
)
def test_redact_leaves_ordinary_text_alone(text: str) -> None:
    assert redact(text) == text


def test_the_file_is_in_the_users_log_folder(isolated_home: Path) -> None:
    path = setup_logging("info")
    assert path == log_folder() / LOG_FILE_NAME
    assert path.is_relative_to(isolated_home)
    logging.getLogger("inspector.test").info("fetched %s", "e3vdemoactive0000001")
    logging.getLogger("inspector.test").debug("not at info level")
    text = path.read_text(encoding="utf-8")
    assert "INFO inspector.test: fetched e3vdemoactive0000001" in text
    assert "not at info level" not in text


def test_what_is_logged_before_the_file_opens_reaches_it_redacted() -> None:
    """The window paints before it opens the log file; a warning from then is not lost."""
    hold_early_records("warning")
    early = logging.getLogger("inspector.test")
    early.warning("the window settings were unusable (token %s)", IAM)
    early.info("below the level: not kept")
    path = setup_logging("warning")
    assert path is not None
    logging.getLogger("inspector.test").warning("after the file opened")
    text = path.read_text(encoding="utf-8")
    assert "WARNING inspector.test: the window settings were unusable" in text
    assert text.index("unusable") < text.index("after the file opened")
    assert IAM not in text
    assert "not kept" not in text


def test_no_token_reaches_the_file_or_the_console() -> None:
    console = io.StringIO()
    path = setup_logging("debug", console=console)
    assert path is not None
    log = logging.getLogger("inspector.test")
    log.debug("headers %s", {"Authorization": "Bearer opaque-secret-value"})
    log.info("got %s and %s", IAM, OAUTH)
    try:
        raise ValueError(f"bad token {JWT} / {OAUTH_OLD}")
    except ValueError:
        log.exception("while checking")
    for text in (console.getvalue(), path.read_text(encoding="utf-8")):
        assert "Traceback" in text
        assert text.count(REDACTED) >= 5
        for secret in SECRETS:
            assert secret not in text


def test_unexpected_errors_are_logged_with_their_traceback() -> None:
    path = setup_logging("warning")
    assert path is not None
    try:
        raise KeyError(f"for {IAM}")
    except KeyError as error:
        summary = log_unexpected(KeyError, error, error.__traceback__, "in a test")
    assert summary == f"KeyError: 'for {REDACTED}'"
    text = path.read_text(encoding="utf-8")
    assert "unexpected error in a test" in text
    assert "Traceback (most recent call last)" in text
    assert IAM not in text


def test_the_file_rotates_and_keeps_a_few_backups() -> None:
    path = setup_logging("info")
    assert path is not None
    line = "x" * 100_000
    for _ in range((LOG_BACKUPS + 2) * MAX_LOG_BYTES // len(line)):
        logging.getLogger("inspector.test").info(line)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == [LOG_FILE_NAME] + [f"{LOG_FILE_NAME}.{n}" for n in range(1, LOG_BACKUPS + 1)]
    assert all(p.stat().st_size <= MAX_LOG_BYTES for p in path.parent.iterdir())


def test_an_unwritable_folder_logs_to_the_console_only(
    isolated_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = isolated_home / "not-a-folder"
    blocker.write_text("a file where the state folder should be")
    monkeypatch.setenv("XDG_STATE_HOME", str(blocker))
    console = io.StringIO()
    assert setup_logging("info", console=console) is None
    assert "cannot write the log file" in console.getvalue()


def test_setting_up_again_replaces_the_handlers() -> None:
    console = io.StringIO()
    setup_logging("info", console=console)
    setup_logging("info", console=console)
    logging.getLogger("inspector.test").info("once")
    assert console.getvalue().count("once") == 1


def test_the_cli_logs_at_the_chosen_level(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--log-level", "info", "get", "e3vdemoactive0000001", "--demo"]) == 0
    err = capsys.readouterr().err
    assert "INFO httpx: HTTP Request: GET" in err
    text = (log_folder() / LOG_FILE_NAME).read_text(encoding="utf-8")
    assert "e3vdemoactive0000001" in text
    rotating = logging.handlers.RotatingFileHandler
    assert not any(isinstance(h, rotating) for h in logging.getLogger().handlers)
