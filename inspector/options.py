"""Command-line options shared by the window and the headless commands.

Shared options work before or after the subcommand (``--demo get ID`` and ``get ID --demo``):
they are declared on the main parser with real defaults and again on each subcommand with
``SUPPRESS`` defaults, so a value given after the subcommand wins and an absent one does not
overwrite the main parser's.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

from inspector import APP_NAME, __version__

LOG_LEVELS = ("debug", "info", "warning", "error")
OUTPUTS = ("table", "json")


@dataclass(frozen=True, slots=True)
class Options:
    """Parsed command line, independent of argparse."""

    command: str | None
    image_id: str | None
    endpoint: str | None
    token_file: Path | None
    demo: bool
    demo_port: int
    log_level: str
    output: str


def _add_shared(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    group = parser.add_argument_group("connection and logging (before or after the command)")
    group.add_argument(
        "--endpoint",
        metavar="URL",
        default=default(None),
        help="API base URL, scheme://host[:port] (default: "
        "https://cloud-desktop.api.cloud.yandex.net); plain http only for loopback",
    )
    group.add_argument(
        "--token-file",
        metavar="PATH",
        type=Path,
        default=default(None),
        help="read the IAM token from this file (default: the YC_IAM_TOKEN variable)",
    )
    group.add_argument(
        "--demo",
        action="store_true",
        default=default(False),
        help="run against the built-in demo API on 127.0.0.1 (no account needed)",
    )
    group.add_argument(
        "--demo-port",
        metavar="N",
        type=int,
        default=default(0),
        help="port for the demo API (default: a free one)",
    )
    group.add_argument(
        "--log-level",
        choices=LOG_LEVELS,
        default=default("warning"),
        help="how much to log (default: warning)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=APP_NAME,
        description="Inspect a Yandex Cloud Desktop image. With no command, opens the window.",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument(
        "--image-id", metavar="ID", help="window: fetch this image as soon as it opens"
    )
    _add_shared(parser, suppress=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    get = commands.add_parser(
        "get",
        help="fetch one image and print it (headless)",
        description="Fetch one desktop image (DesktopImage.Get) and print it.",
        allow_abbrev=False,
    )
    get.add_argument("image_id", metavar="IMAGE_ID", help="the image ID, e.g. e3vc67qdve8q12345678")
    get.add_argument(
        "--output",
        "-o",
        choices=OUTPUTS,
        default="table",
        help="table: for a person (default); json: the body exactly as the server sent it",
    )
    _add_shared(get, suppress=True)
    return parser


def parse_options(argv: list[str]) -> Options:
    """Parse ``argv``; argparse exits with code 2 on bad usage, as the conventions want."""
    parser = build_parser()
    namespace = parser.parse_args(argv)
    if not 0 <= namespace.demo_port <= 65535:
        parser.error("--demo-port must be between 0 and 65535")
    return Options(
        command=namespace.command,
        image_id=getattr(namespace, "image_id", None),
        endpoint=namespace.endpoint,
        token_file=namespace.token_file,
        demo=namespace.demo,
        demo_port=namespace.demo_port,
        log_level=namespace.log_level,
        output=getattr(namespace, "output", "table"),
    )
