"""The ``cloud-desktop-inspector`` entry point: the window, or the headless ``get`` and ``list``.

Importing this module stays cheap (argparse only): the window path must paint before httpx and
pydantic load, so the API layer is imported inside the command that needs it.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack, asynccontextmanager
from typing import TYPE_CHECKING, TextIO

from inspector.i18n import (
    _,
    choose_language,
    conventions,
    language_from_argv,
    localize_argparse,
    ngettext,
    saved_language,
    system_languages,
    use_language,
)
from inspector.options import Options, parse_options

if TYPE_CHECKING:
    from collections.abc import AsyncIterator

    from inspector.api.client import FetchResult, ImageClient
    from inspector.api.errors import InspectorError
    from inspector.api.listing import ListQuery
    from inspector.connection import Connection

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    arguments = sys.argv[1:] if argv is None else argv
    # Chosen before argparse runs, so that --help and usage errors are in it too.
    use_language(
        choose_language(language_from_argv(arguments) or saved_language(), system_languages())
    )
    localize_argparse()
    options = parse_options(arguments)
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    from inspector.logs import setup_logging, shutdown_logging

    try:
        if options.command == "get":
            setup_logging(options.log_level, console=sys.stderr)
            return run_get(options, sys.stdout, sys.stderr)
        if options.command == "list":
            setup_logging(options.log_level, console=sys.stderr)
            return run_list(options, sys.stdout, sys.stderr)
        from inspector.app import run_window

        return run_window(options)  # it opens the log after the window's first paint
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        shutdown_logging()


def run_get(options: Options, out: TextIO, err: TextIO) -> int:
    """``get IMAGE_ID``: print the image (table or exact JSON) or explain why not.

    ``get --folder FOLDER_ID --name NAME`` first finds the one image with that name.
    """
    from inspector.api.errors import InspectorError, UsageError
    from inspector.api.inputs import validate_resource_id
    from inspector.api.listing import make_query

    endpoint_text: str | None = None
    try:
        by_name = None
        if options.folder_id is not None:
            by_name = make_query(options.folder_id, name=options.name or "")
            if by_name.name is None:
                raise UsageError(_("the name is empty"))
        image_id = validate_resource_id(options.image_id or "") if by_name is None else ""
        with ExitStack() as stack:
            connection = _connect(options, stack, err)
            endpoint_text = connection.endpoint.base_url
            import asyncio

            result = asyncio.run(_fetch(connection, image_id, options.timeout, err, by_name))
    except InspectorError as error:
        return _report(error, endpoint_text, err)
    except OSError as error:
        print(_("error: {title}").format(title=error.strerror or error), file=err)
        return EXIT_API_ERROR
    _print_result(result, options.output, out)
    return EXIT_OK


def run_list(options: Options, out: TextIO, err: TextIO) -> int:
    """``list FOLDER_ID``: every image of the folder, page after page, as a table or JSON Lines."""
    from inspector.api.errors import InspectorError
    from inspector.api.listing import make_query

    endpoint_text: str | None = None
    try:
        query = make_query(
            options.folder_id or "",
            name=options.name,
            order_by=options.order_by,
            page_size=options.page_size,
        )
        with ExitStack() as stack:
            connection = _connect(options, stack, err)
            endpoint_text = connection.endpoint.base_url
            import asyncio

            asyncio.run(_list(connection, query, options, out, err))
    except InspectorError as error:
        return _report(error, endpoint_text, err)
    except OSError as error:
        print(_("error: {title}").format(title=error.strerror or error), file=err)
        return EXIT_API_ERROR
    return EXIT_OK


def _report(error: InspectorError, endpoint: str | None, err: TextIO) -> int:
    """Explain ``error`` on stderr; the exit code says whether the input or the call failed."""
    from inspector.api.errors import UsageError
    from inspector.present.errors import explanation_lines
    from inspector.present.listing import explain_listing

    for line in explanation_lines(explain_listing(error, endpoint=endpoint)):
        print(line, file=err)
    return EXIT_USAGE if isinstance(error, UsageError) else EXIT_API_ERROR


def _connect(options: Options, stack: ExitStack, err: TextIO) -> Connection:
    from inspector.connection import resolve_connection

    demo_url = None
    if options.demo:
        from inspector.demo.server import DemoServer

        try:
            server = stack.enter_context(DemoServer(port=options.demo_port))
        except OSError as error:
            port = options.demo_port or _("a free port")
            message = _("the demo API could not listen on 127.0.0.1:{port}: {reason}")
            raise OSError(error.errno, message.format(port=port, reason=error.strerror)) from None
        demo_url = server.base_url
    connection = resolve_connection(options.connection, demo_url=demo_url)
    if connection.token_source is None and not connection.demo:
        print(
            _(
                "warning: no IAM token (set YC_IAM_TOKEN, or use --token-file, --sa-key, --use-yc "
                "or --profile); sending the request without one"
            ),
            file=err,
        )
    return connection


async def _fetch(
    connection: Connection,
    image_id: str,
    deadline: float,
    err: TextIO,
    by_name: ListQuery | None = None,
) -> FetchResult:
    """Get the image; with ``by_name``, first find the one image with that name, same client."""
    from inspector.api.listing import find_by_name
    from inspector.api.retry import RetryNotice

    def say_retrying(notice: RetryNotice) -> None:
        delay = f"{notice.delay:.1f}".replace(".", conventions().decimal)
        message = _("retrying in {seconds} s (attempt {attempt} of {attempts}): {reason}")
        print(
            message.format(
                seconds=delay,
                attempt=notice.attempt,
                attempts=notice.attempts,
                reason=notice.reason,
            ),
            file=err,
        )

    async with _open_client(connection, deadline) as client:
        if by_name is not None:
            image_id = await find_by_name(client, by_name.folder_id, by_name.name or "")
        return await client.get_image(image_id, on_retry=say_retrying)


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


@asynccontextmanager
async def _open_client(connection: Connection, deadline: float) -> AsyncIterator[ImageClient]:
    from inspector.api.client import ImageClient
    from inspector.api.transport import Timeouts

    timeouts = Timeouts.within(deadline)
    async with connection.http_client(timeouts) as http:
        tokens = connection.token_cache(http)
        yield ImageClient(http, connection.endpoint, tokens, timeouts=timeouts)


async def _list(
    connection: Connection, query: ListQuery, options: Options, out: TextIO, err: TextIO
) -> None:
    """Print pages as they come (JSON Lines) or all at the end (a table, even after an error)."""
    from inspector.api.listing import Pager, PagingStoppedError
    from inspector.present.listing import ImageRow, format_rows_table, json_line, present_row
    from inspector.present.text import printable
    from inspector.present.times import now_ns

    rows: list[ImageRow] = []
    printed: set[str] = set()  # JSON Lines already out: a restart must not repeat them
    lines = 0
    now = now_ns()
    async with _open_client(connection, options.timeout) as client:
        pager = Pager(client, query)
        try:
            async for page in pager.pages():
                if page.restart_note:
                    print(_("note: {note}").format(note=printable(page.restart_note)), file=err)
                    rows.clear()
                for item in page.images:
                    if options.output == "jsonl":
                        if item.image.id not in printed:
                            out.write(json_line(item.wire) + "\n")
                            lines += 1
                        if item.image.id is not None:
                            printed.add(item.image.id)
                    else:
                        rows.append(present_row(item.image, now))
                out.flush()
                if page.stop_note:
                    raise PagingStoppedError(page.stop_note, request_ids=page.exchange.request_ids)
        finally:
            if rows:
                out.write(format_rows_table(rows))
                out.flush()
    count = lines if options.output == "jsonl" else len(rows)
    if count == 0:
        print(_("No images in {where}.").format(where=query.describe()), file=err)
    else:
        summary = ngettext("{count} image in {where}.", "{count} images in {where}.", count)
        print(summary.format(count=count, where=query.describe()), file=err)
