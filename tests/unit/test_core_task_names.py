"""Each job's task carries the name it was started with, so asyncio's report of a task that
failed or was left running says which job it was (``fetch e3v1``, ``list b1g...``)."""

from __future__ import annotations

import asyncio

from inspector.core.latest import Background, LatestTask


def test_the_latest_task_and_background_jobs_run_under_their_names() -> None:
    names: list[str] = []

    async def record(_generation: int = 0) -> None:
        task = asyncio.current_task()
        assert task is not None
        names.append(task.get_name())

    async def main() -> None:
        latest = LatestTask()
        latest.start(record, name="fetch e3v1")
        background = Background()
        background.start(record(), name="close tab 2")
        await background.wait()
        await latest.aclose()

    asyncio.run(main())
    assert sorted(names) == ["close tab 2", "fetch e3v1"]
