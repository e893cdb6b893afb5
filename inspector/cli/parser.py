"""The argument parser of ``cloud-desktop-inspector`` and its commands, and the checks argparse
cannot express; the result is an :class:`~inspector.config.options.Options`.

Shared options work before or after the subcommand (``--demo get ID`` and ``get ID --demo``):
they are declared on the main parser with real defaults and again on each subcommand with
``SUPPRESS`` defaults, so a value given after the subcommand wins and an absent one does not
overwrite the main parser's.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from inspector import APP_NAME, __version__
from inspector.cli.shared_options import CREDENTIAL_SOURCES, add_new_instance, add_shared
from inspector.config.options import (
    DEFAULT_PAGE_SIZE,
    ConnectionOptions,
    Options,
)
from inspector.i18n import _

MAX_TIMEOUT = 600.0
OUTPUTS = ("table", "json")
LIST_OUTPUTS = ("table", "jsonl", "csv")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description=_("Inspect a Yandex Cloud Desktop image. With no command, opens the window."),
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--image-id", metavar="ID", help=_("window: fetch this image as soon as it opens")
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_(
            "window: fetch a demo image (or --image-id) through the window, print each check "
            "of what it shows and exit, 0 if all pass; runs offscreen when there is no display"
        ),
    )
    add_new_instance(parser, suppress=False)
    add_shared(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in (_add_open, _add_desktop, _add_get, _add_list, _add_diff, _add_show):
        add_shared(add(commands), suppress=True)  # last: its groups close each --help
    return parser


def _add_open(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """``open FILE...``: the window, with files to show."""
    opening = commands.add_parser(
        "open",
        help=_("open support bundles or saved JSON bodies in the window, one tab each"),
        description=_(
            "Open each support bundle or saved JSON body in its own tab of the window "
            "(the running window, if there is one)."
        ),
        allow_abbrev=False,
    )
    opening.add_argument(
        "files", metavar="FILE", nargs="*", help=_("a support bundle or a saved JSON body")
    )
    add_new_instance(opening, suppress=True)
    return opening


def _add_desktop(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """``desktop install|uninstall``."""
    desktop = commands.add_parser(
        "desktop",
        help=_("add the app to this user's desktop menu, or take it out"),
        description=_(
            "Install or remove, for the current user, the desktop entry, the icons, the "
            "AppStream metadata and the support bundle file type, pointing at this copy of the app."
        ),
        allow_abbrev=False,
    )
    desktop.add_argument("desktop_action", choices=("install", "uninstall"), metavar="ACTION")
    return desktop


def _add_get(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """``get IMAGE_ID`` (or ``--folder`` and ``--name``)."""
    get = commands.add_parser(
        "get",
        help=_("fetch one image and print it (headless)"),
        description=_("Fetch one desktop image (DesktopImage.Get) and print it."),
        allow_abbrev=False,
    )
    get.add_argument(
        "image_id",
        metavar="IMAGE_ID",
        nargs="?",
        help=_("the image ID, e.g. e3vc67qdve8q12345678 (or give --folder and --name)"),
    )
    get.add_argument(
        "--folder", dest="folder_id", metavar="FOLDER_ID", help=_("find the image by name here")
    )
    get.add_argument("--name", metavar="NAME", help=_("the image's exact name (with --folder)"))
    get.add_argument(
        "--output",
        "-o",
        choices=OUTPUTS,
        default="table",
        help=_("table: for a person (default); json: the body exactly as the server sent it"),
    )
    _add_check(get)
    get.add_argument(
        "--save",
        metavar="FILE",
        type=Path,
        help=_("also write a support bundle of the call to FILE, whether it succeeds or fails"),
    )
    return get


def _add_list(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """``list FOLDER_ID``."""
    listing = commands.add_parser(
        "list",
        help=_("list a folder's images (headless)"),
        description=_("List a folder's desktop images (DesktopImageService.List), every page."),
        allow_abbrev=False,
    )
    listing.add_argument("folder_id", metavar="FOLDER_ID", help=_("the folder ID"))
    listing.add_argument(
        "--output",
        "-o",
        choices=LIST_OUTPUTS,
        default="table",
        help=_(
            "table: for a person (default); jsonl: each image as sent, one JSON object a line; "
            "csv: RFC 4180 with a header row, sizes in bytes, labels as one JSON column"
        ),
    )
    _add_check(listing)
    listing.add_argument("--name", metavar="NAME", help=_("only images with exactly this name"))
    listing.add_argument(
        "--order-by",
        metavar="FIELD",
        help=_('server-side order: name, createdAt or status, then asc or desc ("createdAt desc")'),
    )
    listing.add_argument(
        "--page-size",
        metavar="N",
        type=int,
        default=DEFAULT_PAGE_SIZE,
        help=_("images per request, 1 to 1000 (default: {count})").format(count=DEFAULT_PAGE_SIZE),
    )
    return listing


def _add_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help=_(
            "check the labels against the label policy instead of printing the images: each "
            "violation is printed, and the exit code is 1 when there is any"
        ),
    )


def _add_diff(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """``diff A B``: the window's comparison, for terminals."""
    diff = commands.add_parser(
        "diff",
        help=_("compare two images, each an ID or a saved file (headless)"),
        description=_(
            "Compare two images, each an image ID (fetched) or a file (a support bundle or a "
            "saved JSON body). Exit codes as diff(1): 0 equal, 1 different, 2 trouble."
        ),
        allow_abbrev=False,
    )
    diff.add_argument("first", metavar="A", help=_("the first image: an ID or a file"))
    diff.add_argument("second", metavar="B", help=_("the second image: an ID or a file"))
    diff.add_argument(
        "--output",
        "-o",
        choices=OUTPUTS,
        default="table",
        help=_("table: the differences for a person (default); json: the differences as data"),
    )
    diff.add_argument(
        "--all", dest="show_equal", action="store_true", help=_("also print the equal rows")
    )
    return diff


def _add_show(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
) -> argparse.ArgumentParser:
    """``show FILE``: the window's offline view, for terminals."""
    show = commands.add_parser(
        "show",
        help=_("print a support bundle or a saved JSON body as get would (headless)"),
        description=_(
            "Print a support bundle or a saved image body (REST or yc JSON) as get would; "
            "for a bundle of a failed call, print its error and attempts (exit 1)."
        ),
        allow_abbrev=False,
    )
    show.add_argument("file", metavar="FILE", help=_("the file to print"))
    show.add_argument(
        "--output",
        "-o",
        choices=OUTPUTS,
        default="table",
        help=_("table: for a person (default); json: the body exactly as it was received"),
    )
    _add_check(show)
    return show


def _check_get_target(parser: argparse.ArgumentParser, namespace: argparse.Namespace) -> None:
    """``get`` takes an IMAGE_ID, or ``--folder`` and ``--name`` together: exactly one way."""
    by_name = namespace.folder_id is not None or namespace.name is not None
    if by_name and namespace.image_id is not None:
        parser.error(_("get: give an IMAGE_ID or --folder and --name, not both"))
    if by_name and (namespace.folder_id is None or namespace.name is None):
        parser.error(_("get: --folder and --name go together"))
    if not by_name and namespace.image_id is None:
        parser.error(_("get: give an IMAGE_ID, or --folder FOLDER_ID --name NAME"))


def parse_options(argv: list[str]) -> Options:
    """Parse ``argv``; argparse exits with code 2 on bad usage, as the conventions want."""
    parser = build_parser()
    namespace = parser.parse_args(argv)
    if not 0 <= namespace.demo_port <= 65535:
        parser.error(_("--demo-port must be between 0 and 65535"))
    if not 0 < namespace.timeout <= MAX_TIMEOUT:
        parser.error(
            _("--timeout must be more than 0 and at most {seconds} seconds").format(
                seconds=f"{MAX_TIMEOUT:g}"
            )
        )
    if namespace.command == "get":
        _check_get_target(parser, namespace)
    if getattr(namespace, "check", False) and namespace.output == "csv":
        parser.error(_("--check prints violations: it does not go with -o csv"))
    if not 1 <= getattr(namespace, "page_size", DEFAULT_PAGE_SIZE) <= 1000:
        parser.error(_("--page-size must be between 1 and 1000"))
    chosen = [_given(namespace, names) for names in CREDENTIAL_SOURCES]
    named = [name for name in chosen if name is not None]
    if len(named) > 1:
        parser.error(
            _("choose one credential source: {first} and {second} were both given").format(
                first=named[0], second=named[1]
            )
        )
    return Options(
        command=namespace.command,
        image_id=getattr(namespace, "image_id", None),
        demo=namespace.demo,
        demo_port=namespace.demo_port,
        log_level=namespace.log_level,
        timeout=namespace.timeout,
        output=getattr(namespace, "output", "table"),
        folder_id=getattr(namespace, "folder_id", None),
        name=getattr(namespace, "name", None),
        order_by=getattr(namespace, "order_by", None),
        page_size=getattr(namespace, "page_size", DEFAULT_PAGE_SIZE),
        self_test=namespace.self_test,
        lang=namespace.lang,
        policy=namespace.policy,
        check=getattr(namespace, "check", False),
        save=getattr(namespace, "save", None),
        sources=tuple(
            value
            for name in ("first", "second", "file")
            if (value := getattr(namespace, name, None)) is not None
        ),
        show_equal=getattr(namespace, "show_equal", False),
        files=tuple(getattr(namespace, "files", ())),
        new_instance=namespace.new_instance,
        desktop_action=getattr(namespace, "desktop_action", None),
        connection=ConnectionOptions(
            **{name: getattr(namespace, name) for name in ConnectionOptions._fields}
        ),
    )


def _given(namespace: argparse.Namespace, names: tuple[str, ...]) -> str | None:
    """The first of ``names`` given on the command line, spelled as an option."""
    for name in names:
        if getattr(namespace, name) not in (None, False):
            return "--" + name.replace("_", "-")
    return None
