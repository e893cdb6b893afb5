"""Tests that take ``app_command`` run twice: the app from the virtual environment, and the
frozen build in dist/ (skipped when there is none; a failure instead when
INSPECTOR_REQUIRE_FROZEN=1, as in CI after the build)."""

from __future__ import annotations

import sys

import pytest

from tests.frozen.runner import FROZEN_APP, frozen_folder


@pytest.fixture(params=["venv", "frozen"])
def app_command(request: pytest.FixtureRequest) -> list[str]:
    """How to start the app: ``python -m inspector``, or the frozen executable."""
    if request.param == "venv":
        return [sys.executable, "-m", "inspector"]
    frozen_folder()
    return [str(FROZEN_APP)]
