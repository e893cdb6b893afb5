"""Command-line options shared by the window and the headless commands.

Shared options work before or after the subcommand (``--demo get ID`` and ``get ID --demo``):
they are declared on the main parser with real defaults and again on each subcommand with
``SUPPRESS`` defaults, so a value given after the subcommand wins and an absent one does not
overwrite the main parser's.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from inspector import APP_NAME, __version__
from inspector.i18n import LANGUAGES, _

LOG_LEVELS = ("debug", "info", "warning", "error")
DEFAULT_TIMEOUT = 20.0
MAX_TIMEOUT = 600.0
OUTPUTS = ("table", "json")
LIST_OUTPUTS = ("table", "jsonl", "csv")
DEFAULT_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class ConnectionOptions:
    """What the command line says about endpoints, credentials and the network (None: unsaid)."""

    endpoint: str | None = None
    profile: str | None = None
    iam_endpoint: str | None = None
    ca_file: Path | None = None
    proxy: str | None = None
    token_file: Path | None = None
    oauth_token_file: Path | None = None
    sa_key: Path | None = None
    use_yc: bool = False
    yc_profile: str | None = None
    yc_path: str | None = None
    use_metadata: bool = False
    metadata_url: str | None = None


@dataclass(frozen=True, slots=True)
class Options:
    """Parsed command line, independent of argparse."""

    command: str | None
    image_id: str | None
    demo: bool
    demo_port: int
    log_level: str
    output: str
    timeout: float = DEFAULT_TIMEOUT
    folder_id: str | None = None
    name: str | None = None
    order_by: str | None = None
    page_size: int = DEFAULT_PAGE_SIZE
    self_test: bool = False
    connection: ConnectionOptions = field(default_factory=ConnectionOptions)
    lang: str | None = None
    policy: Path | None = None
    check: bool = False
    save: Path | None = None
    sources: tuple[str, ...] = ()
    show_equal: bool = False
    files: tuple[str, ...] = ()
    new_instance: bool = False
    desktop_action: str | None = None


def _add_shared(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group(_("connection and logging (before or after the command)"))
    group.add_argument(
        "--endpoint",
        metavar="URL",
        default=default(None),
        help=_(
            "API base URL, scheme://host[:port] (default: "
            "https://cloud-desktop.api.cloud.yandex.net); plain http only for loopback"
        ),
    )
    group.add_argument(
        "--token-file",
        metavar="PATH",
        type=Path,
        default=default(None),
        help=_("read the IAM token from this file (default: the YC_IAM_TOKEN variable)"),
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=default(False),
        help=_("run against the built-in demo API on 127.0.0.1 (no account needed)"),
    )
    group.add_argument(
        "--demo-port",
        metavar="N",
        type=int,
        default=default(0),
        help=_("port for the demo API (default: a free one)"),
    )
    group.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=float,
        default=default(DEFAULT_TIMEOUT),
        help=_("give up on a request after this long (default: {seconds})").format(
            seconds=f"{DEFAULT_TIMEOUT:g}"
        ),
    )
    group.add_argument(
        "--log-level",
        choices=LOG_LEVELS,
        default=default("warning"),
        help=_("how much to log (default: warning)"),
    )
    group.add_argument(
        "--lang",
        choices=sorted(LANGUAGES),
        default=default(None),
        help=_("the language to speak (default: the one chosen in the window, else the system's)"),
    )
    group.add_argument(
        "--policy",
        metavar="FILE",
        type=Path,
        default=default(None),
        help=_("the label policy (default: policy.toml in the config folder, if there is one)"),
    )
    _add_credentials(parser, default)


# Each credential source and the options that choose it; the first one names it in errors.
CREDENTIAL_SOURCES = (
    ("token_file",),
    ("oauth_token_file",),
    ("sa_key",),
    ("use_yc", "yc_profile", "yc_path"),
    ("use_metadata", "metadata_url"),
)


def _add_credentials(parser: argparse.ArgumentParser, default: Callable[[object], object]) -> None:
    group = parser.add_argument_group(
        _("credentials, profiles and network (before or after the command; one source at most)")
    )
    group.add_argument(
        "--profile",
        metavar="NAME",
        default=default(None),
        help=_("use this saved connection profile (default: the one chosen last in the window)"),
    )
    group.add_argument(
        "--oauth-token-file",
        metavar="PATH",
        type=Path,
        default=default(None),
        help=_("exchange the OAuth token in this file for IAM tokens (default: YC_OAUTH_TOKEN)"),
    )
    group.add_argument(
        "--sa-key",
        metavar="FILE",
        type=Path,
        default=default(None),
        help=_("sign in as a service account with its authorized key (`yc iam key create`)"),
    )
    group.add_argument(
        "--use-yc",
        action="store_true",
        default=default(False),
        help=_("get tokens from `yc iam create-token`"),
    )
    group.add_argument(
        "--yc-profile", metavar="NAME", default=default(None), help=_("yc's profile (--use-yc)")
    )
    group.add_argument(
        "--yc-path", metavar="PATH", default=default(None), help=_("the yc program (--use-yc)")
    )
    group.add_argument(
        "--use-metadata",
        action="store_true",
        default=default(False),
        help=_("get tokens from the metadata service of this Yandex Cloud VM"),
    )
    group.add_argument(
        "--metadata-url",
        metavar="URL",
        default=default(None),
        help=_("the metadata token URL (--use-metadata; default: the VM's 169.254.169.254)"),
    )
    group.add_argument(
        "--iam-endpoint",
        metavar="URL",
        default=default(None),
        help=_(
            "IAM base URL for OAuth and key exchanges (default: https://iam.api.cloud.yandex.net)"
        ),
    )
    group.add_argument(
        "--ca-file",
        metavar="PEM",
        type=Path,
        default=default(None),
        help=_("also trust the CA certificates in this file (the OS store is always trusted)"),
    )
    group.add_argument(
        "--proxy",
        metavar="URL",
        default=default(None),
        help=_("HTTP(S) proxy, http://host:port (default: HTTPS_PROXY; loopback never uses one)"),
    )


def _add_new_instance(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--new-instance",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=_("open a window of its own instead of handing over to the running one"),
    )


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
    _add_new_instance(parser, suppress=False)
    _add_shared(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
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
    _add_new_instance(opening, suppress=True)
    _add_shared(opening, suppress=True)
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
    _add_shared(desktop, suppress=True)
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
    _add_shared(get, suppress=True)
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
    _add_shared(listing, suppress=True)
    _add_aid_commands(commands)
    return parser


def _add_check(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help=_(
            "check the labels against the label policy instead of printing the images: each "
            "violation is printed, and the exit code is 1 when there is any"
        ),
    )


def _add_aid_commands(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``diff`` and ``show``: the window's comparison and offline view, for terminals."""
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
    _add_shared(diff, suppress=True)
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
    _add_shared(show, suppress=True)


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
            **{name: getattr(namespace, name) for name in ConnectionOptions.__dataclass_fields__}
        ),
    )


def _given(namespace: argparse.Namespace, names: tuple[str, ...]) -> str | None:
    """The first of ``names`` given on the command line, spelled as an option."""
    for name in names:
        if getattr(namespace, name) not in (None, False):
            return "--" + name.replace("_", "-")
    return None
