"""Qt's ``Qt`` namespace (alignments, roles, keys...), made the first time a name is read.

PySide6 builds the namespace's 93 Python enums (about 1,200 members) all at once, on first
access to ``QtCore.Qt``: 26 ms on the 2-core machine, a sixth of a bare window's start. Modules
of the first frame import ``Qt`` from here, so importing them does not build it; the window's
first frame avoids reading it (alignments, orientations and text formats are set as Qt
properties by name: :func:`set_enum_property`), and it is built after the first paint, when a
name is first read. Type checkers see the real namespace.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6 import QtCore
from PySide6.QtCore import QObject

if TYPE_CHECKING:
    from PySide6.QtCore import Qt as Qt
else:

    class _Namespace:
        """Reads each name from ``PySide6.QtCore.Qt``, which is built on the first read, and
        keeps it: the next read of that name is a plain attribute (a model's ``data()`` reads
        its roles thousands of times a second)."""

        def __getattr__(self, name: str) -> Any:
            value = getattr(QtCore.Qt, name)
            setattr(self, name, value)
            return value

    Qt = _Namespace()


def set_enum_property(target: QObject, name: str, keys: str) -> None:
    """Set Qt property ``name`` of ``target`` to the enum or flags value named ``keys``
    (``"AlignRight|AlignVCenter"``): Qt reads the names itself, so no Python enum is built.

    A misspelt property or key raises, rather than leaving a dynamic property behind.
    """
    if not target.setProperty(name, keys):
        message = f"{type(target).__name__} has no property {name} = {keys}"  # untranslated
        raise ValueError(message)
