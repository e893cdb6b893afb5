"""The troubleshooting aids on the command line: ``diff``, ``show``, the label policy's
``--check``, ``get --save`` and what they print.

Kept apart from :mod:`inspector.cli.get` and :mod:`inspector.cli.list`; like them, this
module imports the API layer only inside the functions that need it.
"""

from __future__ import annotations

import asyncio
import json
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from inspector.i18n import _

if TYPE_CHECKING:
    from inspector.api.client import Attempt, FetchResult
    from inspector.api.errors import InspectorError
    from inspector.api.models import DesktopImage
    from inspector.config.options import Options
    from inspector.core.bundle import CaptureError, OfflineResult
    from inspector.core.failed_call import FailedCapture
    from inspector.core.policy import Policy
    from inspector.present.policy import Violation

EXIT_OK = 0
EXIT_DIFFERENT = 1
EXIT_FAILED = 1
EXIT_TROUBLE = 2


def check_policy(options: Options) -> Policy:
    """The policy ``--check`` checks against; a missing or broken one is a usage error."""
    from inspector.core.policy import PolicyError, default_policy_path, find_policy

    policy = find_policy(options.policy)
    if policy is None:
        raise PolicyError(
            _("no label policy: write {path} or give --policy FILE").format(
                path=default_policy_path()
            )
        )
    return policy


def print_violations(
    found: list[tuple[str, Violation]], images: int, output: str, out: TextIO, err: TextIO
) -> int:
    """Each violation (table, or JSON Lines for ``-o json``/``jsonl``); 1 when there is any."""
    from inspector.present.policy import format_violations, violations_summary

    if output == "table":
        out.write(format_violations(found))
    else:
        for image, item in found:
            record = {"image": image, "key": item.key, "rule": str(item.rule)}
            record["message"] = item.message
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    out.flush()
    offending = len({image for image, _item in found})
    print(violations_summary(len(found), offending if found else images), file=err)
    return EXIT_FAILED if found else EXIT_OK


def image_violations(policy: Policy, image: DesktopImage) -> list[tuple[str, Violation]]:
    name = image.id or _("(no ID)")
    return [(name, item) for item in policy.check(image.labels)]


# -- get --save ---------------------------------------------------------------------------


def save_success(path: Path, result: FetchResult, image_id: str, endpoint: str) -> None:
    from inspector.core.bundle import build_bundle, environment, save_bundle
    from inspector.present.times import now_ns

    bundle = build_bundle(
        result,
        image_id=image_id or result.image.id or "",
        endpoint=endpoint,
        received_at_ns=now_ns(),
        versions=environment(),
    )
    save_bundle(path, bundle)


def save_failure(
    path: Path, error: InspectorError, attempts: list[Attempt], image_id: str, endpoint: str
) -> None:
    from inspector.api.client import IMAGES_PATH
    from inspector.core.bundle import environment, save_bundle
    from inspector.core.failed_call import build_failure_bundle
    from inspector.present.listing import explain_listing
    from inspector.present.times import now_ns

    last = next((item.exchange for item in reversed(attempts) if item.exchange), None)
    url = last.url if last else f"{endpoint}{IMAGES_PATH}/{image_id}"
    bundle = build_failure_bundle(
        explain_listing(error, endpoint=endpoint),
        attempts,
        image_id=image_id,
        endpoint=endpoint,
        url=url,
        captured_at_ns=now_ns(),
        versions=environment(),
    )
    save_bundle(path, bundle)


# -- show ---------------------------------------------------------------------------------


def run_show(options: Options, out: TextIO, err: TextIO) -> int:
    """``show FILE``: a bundle or a saved body printed as ``get`` prints a live answer."""
    from inspector.api.errors import UsageError
    from inspector.core.bundle import CaptureError
    from inspector.core.failed_call import FailedCapture, load_any

    try:
        policy = check_policy(options) if options.check else None
        capture = load_any(Path(options.sources[0]))
    except UsageError as error:
        print(_("error: {title}").format(title=error), file=err)
        return EXIT_TROUBLE
    except CaptureError as error:
        print(_("error: {title}").format(title=_capture_error(error)), file=err)
        return EXIT_TROUBLE
    if isinstance(capture, FailedCapture):
        for line in failed_lines(capture):
            print(line, file=err)
        return EXIT_FAILED
    print(_offline_line(capture), file=err)
    if policy is not None:
        return print_violations(
            image_violations(policy, capture.image), 1, options.output, out, err
        )
    _print_offline(capture, options.output, out)
    return EXIT_OK


def _capture_error(error: CaptureError) -> str:
    return _("cannot open {file}: {reason}").format(file=error.path, reason=error.reason)


def _offline_line(capture: OfflineResult) -> str:
    from inspector.core.answers import offline_note
    from inspector.present.times import now_ns

    return offline_note(capture, now_ns())


def _print_offline(capture: OfflineResult, output: str, out: TextIO) -> None:
    if output == "json":
        out.write(capture.text if capture.text.endswith("\n") else capture.text + "\n")
        return
    from inspector.present.image import format_image_text, present_image
    from inspector.present.times import now_ns

    out.write(format_image_text(present_image(capture.image, now_ns())))


def failed_lines(capture: FailedCapture) -> list[str]:
    """The error as the window showed it, then one line per attempt."""
    from inspector.present.errors import explanation_lines
    from inspector.present.failed_call import attempt_lines, failed_heading

    return [
        failed_heading(capture.image_id, capture.source.name, capture.captured_at_ns),
        *explanation_lines(capture.explanation),
        *attempt_lines(capture.attempts),
    ]


# -- diff ---------------------------------------------------------------------------------


def run_diff(options: Options, out: TextIO, err: TextIO) -> int:
    """``diff A B``: 0 when the images are equal, 1 when they differ, 2 on any trouble."""
    from inspector.api.errors import InspectorError, UsageError
    from inspector.core.bundle import CaptureError
    from inspector.present.compare import format_comparison
    from inspector.present.comparison import compare_images

    endpoint: list[str] = []
    try:
        images = _diff_images(options, err, endpoint)
    except CaptureError as error:
        print(_("error: {title}").format(title=_capture_error(error)), file=err)
        return EXIT_TROUBLE
    except UsageError as error:
        print(_("error: {title}").format(title=error), file=err)
        return EXIT_TROUBLE
    except InspectorError as error:
        from inspector.present.errors import explanation_lines
        from inspector.present.listing import explain_listing

        for line in explanation_lines(explain_listing(error, endpoint=endpoint[-1])):
            print(line, file=err)
        return EXIT_TROUBLE
    except OSError as error:
        print(_("error: {title}").format(title=error.strerror or error), file=err)
        return EXIT_TROUBLE
    first, second = options.sources
    comparison = compare_images(images[0], images[1])
    if options.output == "json":
        data = comparison.as_data(first, second)
        out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(format_comparison(comparison, first, second, show_equal=options.show_equal))
    return EXIT_DIFFERENT if comparison.differs else EXIT_OK


def _diff_images(options: Options, err: TextIO, endpoint: list[str]) -> list[DesktopImage]:
    """Both images: files are read, IDs are fetched over one connection."""
    from inspector.api.inputs import validate_resource_id
    from inspector.core.bundle import load_capture
    from inspector.core.compare_session import is_file_source

    images: dict[int, DesktopImage] = {}
    wanted: dict[int, str] = {}
    for index, source in enumerate(options.sources):
        if is_file_source(source):
            images[index] = load_capture(Path(source)).image
        else:
            wanted[index] = validate_resource_id(source)
    if wanted:
        fetched = _fetch_all(options, list(wanted.values()), err, endpoint)
        images.update(zip(wanted, fetched, strict=True))
    return [images[0], images[1]]


def _fetch_all(
    options: Options, image_ids: list[str], err: TextIO, endpoint: list[str]
) -> list[DesktopImage]:
    from inspector.cli.common import connect, open_client, retry_printer

    async def fetch() -> list[DesktopImage]:
        async with open_client(connection, options.timeout) as client:
            results = [await client.get_image(i, on_retry=retry_printer(err)) for i in image_ids]
        return [result.image for result in results]

    with ExitStack() as stack:
        connection = connect(options, stack, err)
        endpoint.append(connection.endpoint.base_url)
        return asyncio.run(fetch())
