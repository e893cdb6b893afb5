"""Running the real client and the real CLI commands in-process against a loopback server."""

from __future__ import annotations

import asyncio
import io
import itertools
from collections.abc import Awaitable, Callable
from typing import TypeVar

import httpx

from inspector.api.client import ImageClient, static_token
from inspector.api.inputs import parse_endpoint
from inspector.api.retry import RetryPolicy
from inspector.cli.get import run_get
from inspector.cli.list import run_list
from inspector.cli.parser import parse_options
from inspector.demo.server import DemoServer

T = TypeVar("T")
_serial = itertools.count()


def fresh_id(prefix: str) -> str:
    """A new valid ID per example, so no fetch is compared with the one before it."""
    return f"{prefix}{next(_serial):010d}"


def with_client(server: DemoServer, call: Callable[[ImageClient], Awaitable[T]]) -> T:
    """``call`` with the real client over real HTTP, retries off so errors come at once."""

    async def run() -> T:
        async with httpx.AsyncClient(trust_env=False) as http:
            client = ImageClient(
                http,
                parse_endpoint(server.base_url),
                static_token(None),
                retry=RetryPolicy(attempts=1),
            )
            return await call(client)

    return asyncio.run(run())


def run_cli(*args: str) -> tuple[int, bytes, str]:
    """A ``get`` or ``list`` command line, its exit code, stdout bytes and stderr text."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.StringIO()
    options = parse_options(list(args))
    command = run_get if options.command == "get" else run_list
    code = command(options, out, err)
    out.flush()
    buffer = out.buffer
    assert isinstance(buffer, io.BytesIO)
    return code, buffer.getvalue(), err.getvalue()
