"""What the command line asked for, as plain data the window and the headless commands share.

:mod:`inspector.cli.parser` builds these from ``argv``; the window, the connection rules and
the tests take them without argparse.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

DEFAULT_TIMEOUT = 20.0
DEFAULT_PAGE_SIZE = 100


class ConnectionOptions(NamedTuple):
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


class Options(NamedTuple):
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
    connection: ConnectionOptions = ConnectionOptions()
    lang: str | None = None
    policy: Path | None = None
    check: bool = False
    save: Path | None = None
    sources: tuple[str, ...] = ()
    show_equal: bool = False
    files: tuple[str, ...] = ()
    new_instance: bool = False
    desktop_action: str | None = None
