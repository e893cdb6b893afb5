"""``list FOLDER_ID``: every image of a folder, page after page, as a table, JSON Lines or CSV;
with ``--check``, only the label policy's violations."""

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
from inspector.i18n import _, ngettext

if TYPE_CHECKING:
    from inspector.api.list_query import ListQuery
    from inspector.api.listing import ListedImage
    from inspector.api.models import DesktopImage
    from inspector.config.connection import Connection
    from inspector.config.options import Options
    from inspector.core.policy import Policy
    from inspector.present.listing import ImageRow
    from inspector.present.policy import Violation


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
            connection = connect(options, stack, err)
            endpoint_text = connection.endpoint.base_url
            import asyncio

            checked = Checked(policy) if policy is not None else None
            unreadable = asyncio.run(_list(connection, query, options, out, err, checked))
    except InspectorError as error:
        return report(error, endpoint_text, err)
    except OSError as error:
        return report_os_error(error, err)
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


class _Listed:
    """Where each listed image goes: the policy check, a CSV or JSON line printed at once (never
    twice, even when the listing restarts), or a row of the table printed at the end."""

    def __init__(self, output: str, out: TextIO, checked: Checked | None) -> None:
        from inspector.core.csv_export import CsvWriter
        from inspector.present.times import now_ns

        self.output = output
        self.out = out
        self.checked = checked
        self.csv_out = CsvWriter(out) if output == "csv" and checked is None else None
        self.rows: list[ImageRow] = []
        self.printed: set[str] = set()  # lines already out: a restart must not repeat them
        self.lines = self.unreadable = 0
        self.now = now_ns()

    def restart(self) -> None:
        """The server's listing started over: forget what only the rows and the check hold."""
        self.rows.clear()
        self.unreadable = 0
        if self.checked is not None:
            self.checked.found.clear()
            self.checked.images = 0

    def add(self, item: ListedImage) -> None:
        from inspector.present.listing import json_line, present_listed

        self.unreadable += item.image is None
        if self.checked is not None:
            if item.image is not None:
                self.checked.add(item.image)
        elif self.csv_out is not None or self.output == "jsonl":
            if item.image_id not in self.printed:
                if self.csv_out is not None:
                    self.csv_out.write_listed(item)
                else:
                    self.out.write(json_line(item.wire) + "\n")
                self.lines += 1
            if item.image_id is not None:
                self.printed.add(item.image_id)
        else:
            self.rows.append(present_listed(item, self.now))

    def count(self) -> int:
        """How many images the summary line counts."""
        if self.checked is not None:
            return self.checked.images
        return self.lines if self.output in ("jsonl", "csv") else len(self.rows)


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
    from inspector.present.listing import format_rows_table, restart_note
    from inspector.present.text import printable

    listed = _Listed(options.output, out, checked)
    async with open_client(connection, options.timeout) as client:
        pager = Pager(client, query, on_retry=retry_printer(err))
        try:
            async for page in pager.pages():
                if page.restart is not None:
                    note = restart_note(page.restart)
                    print(_("note: {note}").format(note=printable(note)), file=err)
                    listed.restart()
                for item in page.images:
                    listed.add(item)
                out.flush()
                if page.stop is not None:
                    raise PagingStoppedError(page.stop, request_ids=page.exchange.request_ids)
        finally:
            if listed.rows:
                out.write(format_rows_table(listed.rows))
                out.flush()
    _summarize(listed.count(), listed.unreadable, query, err)
    return listed.unreadable


def _summarize(count: int, unreadable: int, query: ListQuery, err: TextIO) -> None:
    """How many images, where, and how many of them could not be read."""
    from inspector.present.listing import describe_query

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
