"""Keep PySide6 from holding the source text of every module imported after it.

For each module imported once PySide6 is loaded, PySide6's ``__feature__`` support asks whether
the module's source mentions PySide6 (a module that does may switch features on). It reads the
source with ``inspect.getsource``, and ``linecache`` then keeps every line of it for the life of
the process: about 13 MiB once the client stack is loaded, more than any part of the inspector
itself, and each module pays for ``inspect`` finding, decoding and splitting its file. The
check is answered here the same way (does the source name PySide6?) by searching the file's
bytes; a module with no ``.py`` file (the frozen build) gets PySide6's own answer, whose cache
entries are dropped. With a PySide6 that has no such check, nothing is changed.
"""

from __future__ import annotations

import linecache
import sys
from pathlib import Path
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"
_CHECK = "_mod_uses_pyside"
_installed: list[object] = []


def forget_sources_read_by_pyside() -> None:
    """From now on, drop the lines PySide6's feature check caches; safe to call again."""
    feature = sys.modules.get(_FEATURE_MODULE)
    check = getattr(feature, _CHECK, None)
    if feature is None or not callable(check) or check in _installed:
        return

    def uses_pyside(module: ModuleType) -> bool:
        source = getattr(module, "__file__", None)
        if isinstance(source, str) and source.endswith(".py"):
            try:
                return b"PySide6" in Path(source).read_bytes()
            except OSError:
                return False  # as PySide6 answers for a source it cannot read
        cached = set(linecache.cache)
        try:
            return bool(check(module))
        finally:
            for name in set(linecache.cache) - cached:
                linecache.cache.pop(name, None)

    _installed.append(uses_pyside)
    setattr(feature, _CHECK, uses_pyside)
