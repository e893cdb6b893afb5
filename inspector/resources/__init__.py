"""Files the app needs at run time, shipped as package data next to this module.

Found beside this module (the package's own folder), never through the working directory, so
they load the same from a source tree, an installed wheel and the frozen build, which all keep
package data as plain files. ``importlib.resources`` would find them the same way, at the cost
of importing it before the first paint.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

ICONS: Final = Path(__file__).resolve().parent / "icons"

_ICON_FILE = re.compile(r"cloud-desktop-inspector-(\d+)\.png")


def icon_files() -> list[Path]:
    """The application icon's PNG sizes (``cloud-desktop-inspector-32.png``), smallest first."""
    sizes = {}
    for item in ICONS.iterdir():
        if match := _ICON_FILE.fullmatch(item.name):
            sizes[int(match.group(1))] = item
    return [sizes[size] for size in sorted(sizes)]


def window_icon() -> QIcon:
    """The application icon with every size, for the window, the taskbar and the dock."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for item in icon_files():
        icon.addFile(str(item))
    return icon
