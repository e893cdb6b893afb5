"""What the headless commands share: exit codes, the connection (the demo's too), the client,
the retry notices and how an error is told on stderr.

Like every module of :mod:`inspector.cli`, it imports the API layer only inside the functions
that need it: the window path must paint before httpx and pydantic load.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, TextIO

from inspector.i18n import _, conventions

if TYPE_CHECKING:
    from collections.abc import AsyncIterator
    from contextlib import ExitStack

    from inspector.api.client import ImageClient, RetryObserver
    from inspector.api.errors import InspectorError
    from inspector.config.connection import Connection
    from inspector.config.options import Options

EXIT_OK = 0
EXIT_API_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


def report(error: InspectorError, endpoint: str | None, err: TextIO) -> int:
    """Explain ``error`` on stderr; the exit code says whether the input or the call failed."""
    from inspector.api.errors import UsageError
    from inspector.present.errors import explanation_lines
    from inspector.present.listing import explain_listing

    for line in explanation_lines(explain_listing(error, endpoint=endpoint)):
        print(line, file=err)
    return EXIT_USAGE if isinstance(error, UsageError) else EXIT_API_ERROR


def report_os_error(error: OSError, err: TextIO) -> int:
    """A local file or socket that failed the command (the demo's port, a token file...)."""
    print(_("error: {title}").format(title=error.strerror or error), file=err)
    return EXIT_API_ERROR


def connect(options: Options, stack: ExitStack, err: TextIO) -> Connection:
    """The connection the options ask for; with ``--demo``, the demo API runs in ``stack``."""
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


@asynccontextmanager
async def open_client(connection: Connection, deadline: float) -> AsyncIterator[ImageClient]:
    """One client for the whole command, every request within ``deadline`` seconds."""
    from inspector.api.client import ImageClient
    from inspector.api.transport import Timeouts

    timeouts = Timeouts.within(deadline)
    async with connection.http_client(timeouts) as http:
        tokens = connection.token_cache(http)
        yield ImageClient(http, connection.endpoint, tokens, timeouts=timeouts)


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
