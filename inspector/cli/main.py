"""The ``cloud-desktop-inspector`` entry point: picks the language, parses the command line and
hands over to the command's module: the window (:mod:`~inspector.cli.open`), the headless
:mod:`~inspector.cli.get` and :mod:`~inspector.cli.list`, ``diff`` and ``show``
(:mod:`~inspector.cli.aids`), and ``desktop install|uninstall``.

Importing this module stays cheap (argparse only): the window path must paint before httpx and
pydantic load, so each command's module is imported when that command runs.
"""

from __future__ import annotations

import sys

from inspector.cli.common import EXIT_INTERRUPTED, EXIT_OK
from inspector.cli.open import handed_over, run_open
from inspector.cli.parser import parse_options
from inspector.config.language import saved_language
from inspector.config.options import Options
from inspector.i18n import (
    _,
    choose_language,
    language_from_argv,
    localize_argparse,
    system_languages,
    use_language,
)

HEADLESS = ("get", "list", "diff", "show")


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    arguments = sys.argv[1:] if argv is None else argv
    # Chosen before argparse runs, so that --help and usage errors are in it too.
    use_language(
        choose_language(language_from_argv(arguments) or saved_language(), system_languages())
    )
    localize_argparse()
    options = parse_options(arguments)
    if handed_over(options):
        print(_("Handed over to the window already open (--new-instance opens another)."))
        return EXIT_OK
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    from inspector.config.logs import setup_logging, shutdown_logging

    try:
        if options.command in HEADLESS:
            setup_logging(options.log_level, console=sys.stderr)
        return _run(options)
    except KeyboardInterrupt:
        print(_("interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    finally:
        shutdown_logging()


def _run(options: Options) -> int:
    """The command's own module does the work."""
    if options.command == "get":
        from inspector.cli.get import run_get

        return run_get(options, sys.stdout, sys.stderr)
    if options.command == "list":
        from inspector.cli.list import run_list

        return run_list(options, sys.stdout, sys.stderr)
    if options.command in ("diff", "show"):
        from inspector.cli.aids import run_diff, run_show

        run = run_diff if options.command == "diff" else run_show
        return run(options, sys.stdout, sys.stderr)
    if options.command == "desktop":
        from inspector.desktop.command import run_desktop

        return run_desktop(options.desktop_action == "install", sys.stdout, sys.stderr)
    return run_open(options)  # the window opens the log after its first paint
