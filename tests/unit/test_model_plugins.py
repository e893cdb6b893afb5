"""The wire's models are made without looking for pydantic plugins (the inspector uses none):
the search reads the entry points of every installed distribution, on every start."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import inspector.api.models
import pydantic.plugin._loader as loader
print(loader._plugins is None)
"""


def test_no_plugin_search_when_the_models_are_made() -> None:
    environment = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    result = subprocess.run(
        [sys.executable, "-c", PROBE], env=environment, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
