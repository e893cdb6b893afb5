"""IDs, tokens and endpoints are checked before anything is sent, and tokens never echoed."""

from __future__ import annotations

import pytest

from inspector.api.errors import UsageError
from inspector.api.inputs import parse_endpoint, path_segment, validate_resource_id, validate_token


def test_id_is_trimmed() -> None:
    assert validate_resource_id("  e3vc67qdve8q12345678\n") == "e3vc67qdve8q12345678"


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("a/b", "'/'"),
        ("a?b", "'?'"),
        ("a#b", "'#'"),
        ("a%2F", "'%'"),
        ("..", "'.'"),
        ("a b", "a space"),
        ("a\x00b", "control character"),
        ("образ", "non-ASCII"),
        ("a" * 51, "at most 50"),
    ],
)
def test_malformed_ids(raw: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        validate_resource_id(raw)


def test_path_segment_encodes_everything() -> None:
    assert path_segment("a/b?c") == "a%2Fb%3Fc"


def test_token_is_stripped() -> None:
    assert validate_token("  t1.abc.def\n", "YC_IAM_TOKEN") == "t1.abc.def"


@pytest.mark.parametrize("bad", ["t1.abc\r\nX-Evil: 1", "t1.ab c", "t1.абв", "t1.\x7f"])
def test_bad_token_is_refused_without_echo(bad: str) -> None:
    with pytest.raises(UsageError) as caught:
        validate_token(bad, "--token-file /tmp/t")
    message = str(caught.value)
    assert "--token-file /tmp/t" in message
    assert "t1." not in message and "абв" not in message


@pytest.mark.parametrize(
    ("raw", "base"),
    [
        (
            "https://cloud-desktop.api.cloud.yandex.net",
            "https://cloud-desktop.api.cloud.yandex.net",
        ),
        ("https://example.com:8443/", "https://example.com:8443"),
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080"),
        ("http://localhost:1", "http://localhost:1"),
        ("http://[::1]:9", "http://[::1]:9"),
    ],
)
def test_good_endpoints(raw: str, base: str) -> None:
    assert parse_endpoint(raw).base_url == base


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        ("http://example.com", "plain http"),
        ("ftp://example.com", "must look like"),
        ("example.com", "must look like"),
        ("https://example.com/cloud-desktop/v1", "base URL"),
        ("https://user@example.com", "base URL"),
        ("https://example.com:99999", "not a URL"),
    ],
)
def test_bad_endpoints(raw: str, reason: str) -> None:
    with pytest.raises(UsageError, match=reason):
        parse_endpoint(raw)
