"""``get IMAGE_ID`` (or ``get --folder FOLDER_ID --name NAME``): print one image, or explain why
not; with ``--check``, its label policy violations; with ``--save``, a support bundle too."""

from __future__ import annotations

from contextlib import ExitStack
from typing import TYPE_CHECKING, TextIO

from inspector.cli.common import (
    EXIT_API_ERROR,
    EXIT_OK,
    connect,
    open_client,
    report,
    report_os_error,
    retry_printer,
)
from inspector.i18n import _

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from inspector.api.client import Attempt, AttemptObserver, FetchResult
    from inspector.api.list_query import ListQuery
    from inspector.config.connection import Connection
    from inspector.config.options import Options


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
            connection = connect(options, stack, err)
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
        return report(error, endpoint_text, err)
    except OSError as error:
        return report_os_error(error, err)
    if options.save is not None and endpoint_text is not None:
        where = endpoint_text
        if not _save(options.save, lambda path: save_success(path, result, image_id, where), err):
            return EXIT_API_ERROR
    if policy is not None:
        from inspector.cli.aids import image_violations, print_violations

        return print_violations(image_violations(policy, result.image), 1, options.output, out, err)
    _print_result(result, options.output, out)
    return EXIT_OK


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

    async with open_client(connection, deadline) as client:
        if by_name is not None:
            image_id = await find_by_name(client, by_name.folder_id, by_name.name or "")
        return await client.get_image(image_id, on_retry=retry_printer(err), on_attempt=on_attempt)


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
