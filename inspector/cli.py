"""The ``cloud-desktop-inspector`` entry point: the window, or the headless ``get`` command.

Importing this module stays cheap (argparse only): the window path must paint before httpx and
pydantic load, so the API layer is imported inside the command that needs it.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from contextlib import ExitStack
from typing import TYPE_CHECKING, TextIO

from inspector.options import Options, parse_options

if TYPE_CHECKING:
    from inspector.api.client import FetchResult
    from inspector.connection import Connection

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

log = logging.getLogger(__name__)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    options = parse_options(sys.argv[1:] if argv is None else argv)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    logging.basicConfig(
        level=options.log_level.upper(), format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        if options.command == "get":
            return run_get(options, sys.stdout, sys.stderr)
        from inspector.app import run_window

        return run_window(options)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def run_get(options: Options, out: TextIO, err: TextIO) -> int:
    """``get IMAGE_ID``: print the image (table or exact JSON) or explain why not."""
    from inspector.api.errors import InspectorError, UsageError
    from inspector.api.inputs import validate_resource_id
    from inspector.present.errors import explain, explanation_lines

    endpoint_text: str | None = None
    try:
        image_id = validate_resource_id(options.image_id or "")
        with ExitStack() as stack:
            connection = _connect(options, stack, err)
            endpoint_text = connection.endpoint.base_url
            result = asyncio.run(_fetch(connection, image_id))
    except InspectorError as error:
        for line in explanation_lines(explain(error, endpoint=endpoint_text)):
            print(line, file=err)
        return EXIT_USAGE if isinstance(error, UsageError) else EXIT_API_ERROR
    except OSError as error:
        print(f"error: {error.strerror or error}", file=err)
        return EXIT_API_ERROR
    _print_result(result, options.output, out)
    return EXIT_OK


def _connect(options: Options, stack: ExitStack, err: TextIO) -> Connection:
    from inspector.connection import resolve_connection

    demo_url = None
    if options.demo:
        from inspector.demo.server import DemoServer

        try:
            server = stack.enter_context(DemoServer(port=options.demo_port))
        except OSError as error:
            port = options.demo_port or "a free port"
            raise OSError(
                error.errno, f"the demo API could not listen on 127.0.0.1:{port}: {error.strerror}"
            ) from None
        demo_url = server.base_url
    connection = resolve_connection(
        endpoint=options.endpoint, token_file=options.token_file, demo_url=demo_url
    )
    if connection.token is None and not connection.demo:
        print(
            "warning: no IAM token (set YC_IAM_TOKEN or --token-file; "
            "`yc iam create-token` prints one); sending the request without one",
            file=err,
        )
    return connection


async def _fetch(connection: Connection, image_id: str) -> FetchResult:
    from inspector.api.client import ImageClient, static_token
    from inspector.api.transport import make_http_client

    async with make_http_client(connection.endpoint) as http:
        client = ImageClient(http, connection.endpoint, static_token(connection.token))
        return await client.get_image(image_id)


def _print_result(result: FetchResult, output: str, out: TextIO) -> None:
    if output == "json":
        data = result.text.encode("utf-8")
        if out.isatty() and not result.text.endswith("\n"):
            data += b"\n"
        out.flush()
        out.buffer.write(data)
        out.flush()
        return
    from inspector.present.image import format_image_text, present_image
    from inspector.present.times import now_ns

    text = format_image_text(present_image(result.image, now_ns()))
    out.write(text if text.endswith("\n") else text + "\n")
