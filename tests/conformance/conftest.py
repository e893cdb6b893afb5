"""The conformance suite: the official SDK's messages against the real client, CLI and window.

The window's fixtures are the GUI suite's (a qasync loop on the Qt event loop, the demo API on
127.0.0.1). The numbers the suite reports at the end (messages generated, fields compared) are
the ones its note quotes.
"""

from __future__ import annotations

import pytest

from tests.conformance.oracle import TALLY, THOROUGH
from tests.gui.conftest import demo_server, pytest_runtest_protocol, qt_loop, running

__all__ = ["demo_server", "pytest_runtest_protocol", "qt_loop", "running"]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/conformance/" in item.nodeid:
            item.add_marker(pytest.mark.conformance)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if TALLY.messages:
        run = "thorough" if THOROUGH else "CI budget, fixed seed"
        failed = [
            report
            for report in terminalreporter.stats.get("failed", [])
            if "tests/conformance/" in report.nodeid
        ]
        terminalreporter.write_line(
            f"conformance ({run}): {TALLY.messages:,} messages generated, "
            f"{TALLY.fields:,} fields compared, {len(failed)} failing tests"
        )
