"""The options every command takes, before or after it: connection, logging, language, policy,
credentials and network; and ``--new-instance`` of the window and ``open``.

Each is declared twice, on the main parser with real defaults and on each subcommand with
``SUPPRESS`` defaults (``suppress=True``), so a value given after the subcommand wins and an
absent one does not overwrite the main parser's.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from inspector.config.options import DEFAULT_TIMEOUT
from inspector.i18n import LANGUAGES, _

LOG_LEVELS = ("debug", "info", "warning", "error")


def add_shared(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
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
    _add_run_options(group, default)
    _add_credentials(parser, default)


def _add_run_options(group: argparse._ArgumentGroup, default: Callable[[object], object]) -> None:
    """How long to wait, how much to log, which language and which label policy."""
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
    _add_network(group, default)


def _add_network(group: argparse._ArgumentGroup, default: Callable[[object], object]) -> None:
    """The metadata service, the IAM endpoint, the CA file and the proxy."""
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


def add_new_instance(parser: argparse.ArgumentParser, *, suppress: bool) -> None:
    parser.add_argument(
        "--new-instance",
        action="store_true",
        default=argparse.SUPPRESS if suppress else False,
        help=_("open a window of its own instead of handing over to the running one"),
    )
