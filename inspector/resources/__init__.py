"""Files the app needs at run time, shipped as package data next to this module.

Found through the package itself, never the working directory, so they load the same from a
source tree, an installed wheel and the frozen build.
"""

from __future__ import annotations

import re
from importlib.resources import files
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from PySide6.QtGui import QIcon

_ICON_FILE = re.compile(r"cloud-desktop-inspector-(\d+)\.png")


def icon_files() -> list[Traversable]:
    """The application icon's PNG sizes (``cloud-desktop-inspector-32.png``), smallest first."""
    sizes = {}
    for item in (files(__name__) / "icons").iterdir():
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
