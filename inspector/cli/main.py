"""The ``cloud-desktop-inspector`` entry point: the window (``open FILE...`` too), the headless
``get`` and ``list``, and ``desktop install|uninstall``.

Importing this module stays cheap (argparse only): the window path must paint before httpx and
pydantic load, so the API layer is imported inside the command that needs it.
"""

from __future__ import annotations

import sys
from contextlib import ExitStack, asynccontextmanager
from typing import TYPE_CHECKING, TextIO

from inspector.config.options import Options, parse_options
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

if TYPE_CHECKING:
    from collections.abc import AsyncIterator, Callable
    from pathlib import Path

    from inspector.api.client import (
        Attempt,
        AttemptObserver,
        FetchResult,
        ImageClient,
        RetryObserver,
    )
    from inspector.api.errors import InspectorError
    from inspector.api.list_query import ListQuery
    from inspector.api.models import DesktopImage
    from inspector.config.connection import Connection
    from inspector.core.policy import Policy, Violation

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
    if _handed_over(options):
        print(_("Handed over to the window already open (--new-instance opens another)."))
        return EXIT_OK
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    from inspector.config.logs import setup_logging, shutdown_logging

    try:
        if options.command in ("get", "list", "diff", "show"):
            setup_logging(options.log_level, console=sys.stderr)
        if options.command == "get":
            return run_get(options, sys.stdout, sys.stderr)
        if options.command == "list":
            return run_list(options, sys.stdout, sys.stderr)
        if options.command in ("diff", "show"):
            from inspector.cli.aids import run_diff, run_show

            run = run_diff if options.command == "diff" else run_show
            return run(options, sys.stdout, sys.stderr)
        if options.command == "desktop":
            from inspector.desktop.command import run_desktop

            return run_desktop(options.desktop_action == "install", sys.stdout, sys.stderr)
        from inspector.ui.app import run_window

        return run_window(options)  # it opens the log after the window's first paint
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        shutdown_logging()


def _handed_over(options: Options) -> bool:
    """A window is already open: give it this launch's ID or files (a new tab each) instead of
    opening another. Tried first, before logging or Qt load, so the launch ends at once."""
    if options.command not in (None, "open") or options.new_instance or options.self_test:
        return False
    from inspector.core.instance import hand_over_launch

    return hand_over_launch(options.image_id, options.files)


def run_get(options: Options, out: TextIO, err: TextIO) -> int:
    """``get IMAGE_ID``: print the image (table or exact JSON) or explain why not.

    ``get --folder FOLDER_ID --name NAME`` first finds the one image with that name.
    """
    from inspector.api.errors import InspectorError, UsageError
    from inspector.api.inputs import validate_resource_id
    from inspector.api.list_query import make_query
    from inspector.cli.aids import check_policy, save_failure, save_success

    endpoint_text: str | None = None
    image_id = ""
    attempts: list[Attempt] = []
    try:
        policy = check_policy(options) if options.check else None
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

            result = asyncio.run(
                _fetch(connection, image_id, options.timeout, err, by_name, attempts.append)
            )
    except InspectorError as error:
        if options.save is not None and endpoint_text is not None:
            failure = error
            where = endpoint_text
            _save(
                options.save,
                lambda path: save_failure(path, failure, attempts, image_id, where),
                err,
            )
        return _report(error, endpoint_text, err)
    except OSError as error:
        print(_("error: {title}").format(title=error.strerror or error), file=err)
        return EXIT_API_ERROR
    if options.save is not None and endpoint_text is not None:
        where = endpoint_text
        if not _save(options.save, lambda path: save_success(path, result, image_id, where), err):
            return EXIT_API_ERROR
    if policy is not None:
        from inspector.cli.aids import image_violations, print_violations

        return print_violations(image_violations(policy, result.image), 1, options.output, out, err)
    _print_result(result, options.output, out)
    return EXIT_OK


def run_list(options: Options, out: TextIO, err: TextIO) -> int:
    """``list FOLDER_ID``: every image of the folder, page after page, as a table or JSON Lines."""
    from inspector.api.errors import InspectorError
    from inspector.api.list_query import make_query
    from inspector.cli.aids import check_policy

    endpoint_text: str | None = None
    checked: Checked | None = None
    try:
        policy = check_policy(options) if options.check else None
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

            checked = Checked(policy) if policy is not None else None
            unreadable = asyncio.run(_list(connection, query, options, out, err, checked))
    except InspectorError as error:
        return _report(error, endpoint_text, err)
    except OSError as error:
        print(_("error: {title}").format(title=error.strerror or error), file=err)
        return EXIT_API_ERROR
    if checked is not None:
        from inspector.cli.aids import print_violations

        verdict = print_violations(checked.found, checked.images, options.output, out, err)
        return EXIT_API_ERROR if unreadable else verdict
    return EXIT_API_ERROR if unreadable else EXIT_OK


class Checked:
    """``list --check``: the policy, and what it found in the images so far."""

    def __init__(self, policy: Policy) -> None:
        self.policy = policy
        self.found: list[tuple[str, Violation]] = []
        self.images = 0

    def add(self, image: DesktopImage) -> None:
        from inspector.cli.aids import image_violations

        self.images += 1
        self.found += image_violations(self.policy, image)


def _save(path: Path, write: Callable[[Path], None], err: TextIO) -> bool:
    """Write a support bundle with ``write``; say where, or why it could not be written."""
    try:
        write(path)
    except OSError as error:
        message = _("error: cannot write {path}: {reason}")
        print(message.format(path=path, reason=error.strerror or error), file=err)
        return False
    print(_("saved a support bundle to {path}").format(path=path), file=err)
    return True


def _report(error: InspectorError, endpoint: str | None, err: TextIO) -> int:
    """Explain ``error`` on stderr; the exit code says whether the input or the call failed."""
    from inspector.api.errors import UsageError
    from inspector.present.errors import explanation_lines
    from inspector.present.listing import explain_listing

    for line in explanation_lines(explain_listing(error, endpoint=endpoint)):
        print(line, file=err)
    return EXIT_USAGE if isinstance(error, UsageError) else EXIT_API_ERROR


def _connect(options: Options, stack: ExitStack, err: TextIO) -> Connection:
    from inspector.config.connection import resolve_connection

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
    on_attempt: AttemptObserver | None = None,
) -> FetchResult:
    """Get the image; with ``by_name``, first find the one image with that name, same client."""
    from inspector.api.listing import find_by_name

    async with _open_client(connection, deadline) as client:
        if by_name is not None:
            image_id = await find_by_name(client, by_name.folder_id, by_name.name or "")
        return await client.get_image(image_id, on_retry=retry_printer(err), on_attempt=on_attempt)


def retry_printer(err: TextIO) -> RetryObserver:
    """Prints each retry notice on ``err``, the same for ``get``, ``list`` and ``diff``."""
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

    return say_retrying


def _print_result(result: FetchResult, output: str, out: TextIO) -> None:
    if output == "json":
        if out.isatty():  # for eyes: escaped; to a pipe or a file: the exact bytes
            from inspector.present.text import printable_lines

            text = printable_lines(result.text)
            out.write(text if text.endswith("\n") else text + "\n")
            out.flush()
            return
        out.flush()
        out.buffer.write(result.text.encode("utf-8"))
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
    connection: Connection,
    query: ListQuery,
    options: Options,
    out: TextIO,
    err: TextIO,
    checked: Checked | None = None,
) -> int:
    """Print pages as they come (JSON Lines, CSV) or all at the end (a table, even after an
    error); with ``checked``, only collect the policy's violations.

    Returns how many images of the listing could not be read (each still has its row or line).
    """
    from inspector.api.listing import Pager, PagingStoppedError
    from inspector.core.csv_export import CsvWriter
    from inspector.present.listing import (
        ImageRow,
        describe_query,
        format_rows_table,
        json_line,
        present_listed,
        restart_note,
    )
    from inspector.present.text import printable
    from inspector.present.times import now_ns

    rows: list[ImageRow] = []
    printed: set[str] = set()  # lines already out: a restart must not repeat them
    lines = unreadable = 0
    now = now_ns()
    csv_out = CsvWriter(out) if options.output == "csv" and checked is None else None
    async with _open_client(connection, options.timeout) as client:
        pager = Pager(client, query, on_retry=retry_printer(err))
        try:
            async for page in pager.pages():
                if page.restart is not None:
                    note = restart_note(page.restart)
                    print(_("note: {note}").format(note=printable(note)), file=err)
                    rows.clear()
                    unreadable = 0
                    if checked is not None:
                        checked.found.clear()
                        checked.images = 0
                for item in page.images:
                    unreadable += item.image is None
                    if checked is not None:
                        if item.image is not None:
                            checked.add(item.image)
                    elif csv_out is not None:
                        if item.image_id not in printed:
                            csv_out.write_listed(item)
                            lines += 1
                        if item.image_id is not None:
                            printed.add(item.image_id)
                    elif options.output == "jsonl":
                        if item.image_id not in printed:
                            out.write(json_line(item.wire) + "\n")
                            lines += 1
                        if item.image_id is not None:
                            printed.add(item.image_id)
                    else:
                        rows.append(present_listed(item, now))
                out.flush()
                if page.stop is not None:
                    raise PagingStoppedError(page.stop, request_ids=page.exchange.request_ids)
        finally:
            if rows:
                out.write(format_rows_table(rows))
                out.flush()
    if checked is not None:
        count = checked.images
    else:
        count = lines if options.output in ("jsonl", "csv") else len(rows)
    if count == 0:
        print(_("No images in {where}.").format(where=describe_query(query)), file=err)
    else:
        summary = ngettext("{count} image in {where}.", "{count} images in {where}.", count)
        print(summary.format(count=count, where=describe_query(query)), file=err)
    if unreadable:
        note = ngettext(
            "{count} image could not be read; its row says why.",
            "{count} images could not be read; their rows say why.",
            unreadable,
        )
        print(_("error: {title}").format(title=note.format(count=unreadable)), file=err)
    return unreadable
