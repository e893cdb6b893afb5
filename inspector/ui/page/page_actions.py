"""What the window's copy and save actions ask of the tab behind a page.

The tab controller answers all of it; the window only knows this protocol, so it never reaches
into the controller (or the controller into the window).
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol


class PageActions(Protocol):
    """What the window's copy and save actions ask of the tab behind the page."""

    def curl_text(self) -> str | None: ...

    def yc_text(self) -> str | None: ...

    def image_json_text(self) -> str | None: ...

    def request_ids_text(self) -> str | None: ...

    def bundle_file_name(self) -> str | None: ...

    def export_problem(self) -> str | None: ...

    def compare_source(self) -> str | None: ...

    def save_support_bundle(self, path: Path, qt_version: str, pyside_version: str) -> bool: ...
