"""Build a part of the window the first time it is needed, not at start.

Every part built before the first paint delays it, and most start-ups never open the folder
browser, the history or the raw view. One small helper, so each lazy part works the same way:
``get()`` builds it (once), ``if_built()`` looks without building, and ``when_built()`` lets
the code that wires a part (signals, data) wait for it instead of forcing it into existence.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class OnFirstUse(Generic[T]):
    """Holds ``build`` until the part is first asked for, then the part itself."""

    def __init__(self, build: Callable[[], T]) -> None:
        self._build: Callable[[], T] | None = build
        self._part: T | None = None
        self._waiting: list[Callable[[T], object]] = []

    def get(self) -> T:
        """The part, built now if this is its first use."""
        if self._part is None:
            build, self._build = self._build, None
            assert build is not None
            part = build()
            self._part = part
            waiting, self._waiting = self._waiting, []
            for callback in waiting:
                callback(part)
        return self._part

    def if_built(self) -> T | None:
        """The part if it exists already; never builds it."""
        return self._part

    def when_built(self, callback: Callable[[T], object]) -> None:
        """Call ``callback(part)`` once the part exists: now if it does, else when it is built."""
        if self._part is not None:
            callback(self._part)
        else:
            self._waiting.append(callback)
