"""Files the app needs at run time, shipped as package data next to this module.

Found beside this module (the package's own folder), never through the working directory, so
they load the same from a source tree, an installed wheel and the frozen build, which all keep
package data as plain files. ``importlib.resources`` would find them the same way, at the cost
of importing it before the first paint. No Qt here: the desktop install reads the icon files
without a display; ``inspector.ui.widgets.icons`` builds the window's icon from them.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Final

ICONS: Final = Path(__file__).resolve().parent / "icons"

_ICON_FILE = re.compile(r"cloud-desktop-inspector-(\d+)\.png")


def icon_files() -> list[Path]:
    """The application icon's PNG sizes (``cloud-desktop-inspector-32.png``), smallest first."""
    sizes = {}
    for item in ICONS.iterdir():
        if match := _ICON_FILE.fullmatch(item.name):
            sizes[int(match.group(1))] = item
    return [sizes[size] for size in sorted(sizes)]
