"""The latest task wins: one helper for every cancellable job (a fetch, a listing, a watch's
wait, a comparison, a save).

A task only the loop references can be garbage-collected mid-run, so the holder keeps it. A new
start cancels the running one and numbers a new generation: a superseded task that still
manages to answer (its last ``await`` had already returned when it was cancelled) checks
:meth:`LatestTask.is_current` with the generation it was given and drops what it has.
:meth:`LatestTask.cancel` also moves the generation on, so an answer after Cancel is dropped
too. The loop is always the running one (``asyncio.get_running_loop()``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any

Job = Callable[[int], Coroutine[Any, Any, None]]


class LatestTask:
    """Holds at most one running task; the newest started is the only one whose answer counts."""

    def __init__(self) -> None:
        self._task: asyncio.Task[None] | None = None
        self._generation = 0

    @property
    def busy(self) -> bool:
        """A task is running (started and not yet finished)."""
        return self._task is not None and not self._task.done()

    def start(self, job: Job, *, name: str) -> int:
        """Cancel the running task and run ``job(generation)``; returns that generation."""
        self._drop()
        self._generation += 1
        generation = self._generation
        self._task = asyncio.get_running_loop().create_task(job(generation), name=name)
        return generation

    def is_current(self, generation: int) -> bool:
        """True while nothing newer was started and nothing was cancelled since ``generation``."""
        return generation == self._generation

    def cancel(self) -> bool:
        """Cancel the running task, if any; True when one was running (its answer is dropped)."""
        if not self.busy:
            return False
        self._drop()
        self._generation += 1
        return True

    async def aclose(self) -> None:
        """Cancel the running task and wait until it has ended, so nothing outlives the owner."""
        task = self._task
        self._drop()
        if task is not None:
            await asyncio.gather(task, return_exceptions=True)

    def _drop(self) -> None:
        if self._task is not None and not self._task.done():
            self._task.cancel()
        self._task = None


class Background:
    """Jobs that must each run to their end (closing a tab), kept referenced until they do."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()

    def start(self, job: Coroutine[Any, Any, None], *, name: str) -> None:
        task = asyncio.get_running_loop().create_task(job, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def wait(self) -> None:
        """Wait for every job started so far."""
        await asyncio.gather(*self._tasks)
