"""Where to connect and with which token, resolved once from the options and the environment.

Both the CLI and the window call this, so the rules (explicit option beats the environment,
tokens validated before use, the demo ignores credentials) live in one place.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from inspector.api.errors import UsageError
from inspector.api.inputs import DEFAULT_ENDPOINT, Endpoint, parse_endpoint, validate_token

TOKEN_ENV = "YC_IAM_TOKEN"
_MAX_TOKEN_FILE_BYTES = 64 * 1024


@dataclass(frozen=True, slots=True)
class Connection:
    """The endpoint to call and the token to send (``None``: send no Authorization)."""

    endpoint: Endpoint
    token: str | None
    token_source: str | None
    demo: bool = False


def read_token_file(path: Path) -> str:
    """The validated token in ``path``; the error names the file, never its content."""
    source = f"--token-file {path}"
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_TOKEN_FILE_BYTES + 1)
    except OSError as error:
        raise UsageError(f"cannot read {source}: {error.strerror or error}") from None
    if len(data) > _MAX_TOKEN_FILE_BYTES:
        raise UsageError(f"{source} is larger than 64 KiB; an IAM token is a few hundred bytes")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(f"the token from {source} is not UTF-8 text") from None
    return validate_token(text, source)


def resolve_connection(
    *,
    endpoint: str | None,
    token_file: Path | None,
    environ: Mapping[str, str] | None = None,
    demo_url: str | None = None,
) -> Connection:
    """Endpoint and token from the options; ``demo_url`` (the running demo API) overrides both."""
    env = os.environ if environ is None else environ
    if demo_url is not None:
        return Connection(parse_endpoint(demo_url), token=None, token_source=None, demo=True)
    parsed = parse_endpoint(endpoint or DEFAULT_ENDPOINT)
    if token_file is not None:
        return Connection(parsed, read_token_file(token_file), f"--token-file {token_file}")
    if env.get(TOKEN_ENV, "").strip():
        return Connection(parsed, validate_token(env[TOKEN_ENV], TOKEN_ENV), TOKEN_ENV)
    return Connection(parsed, token=None, token_source=None)
