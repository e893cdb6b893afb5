"""Keep PySide6 from reading the source of every module imported after it.

For each module imported once PySide6 is loaded, PySide6's ``__feature__`` support asks whether
the module's source mentions PySide6, to give it a default feature selection: "no features"
for a module that does, "leave the selection alone" for one that does not. It reads the source
with ``inspect.getsource``, and ``linecache`` then keeps every line of it for the life of the
process: about 13 MiB once the client stack is loaded, and reading, decoding and splitting the
files of the 300-odd modules the window loads costs about 10 ms of its start. No module in
this process selects a feature (``from __feature__ import ...``), so the two defaults mean the
same here; every module is given "no features" without reading anything, which is also what
PySide6 assumes for a module it never classified. A module that does select features still
gets them: that import sets its selection whatever the default was. With a PySide6 that has no
such check, nothing is changed.
"""

from __future__ import annotations

import sys
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"


def _no_features(_module: ModuleType) -> bool:
    """Every module's default: Qt's names as they are (``True``: "no feature selected")."""
    return True


def forget_sources_read_by_pyside() -> None:
    """From now on, answer PySide6's per-module check without reading; safe to call again."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, _CHECK, None)):
        return
    setattr(feature, _CHECK, _no_features)
