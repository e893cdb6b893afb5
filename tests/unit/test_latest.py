"""The latest task wins: a new start supersedes, cancel drops, close waits."""

from __future__ import annotations

import asyncio

from inspector.core.latest import Background, LatestTask


def test_a_new_start_cancels_the_old_task_and_moves_the_generation_on() -> None:
    async def main() -> None:
        latest = LatestTask()
        first_cancelled = asyncio.Event()

        async def first(_generation: int) -> None:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                first_cancelled.set()
                raise

        async def second(_generation: int) -> None:
            await asyncio.sleep(0)

        old = latest.start(first, name="first")
        await asyncio.sleep(0)
        new = latest.start(second, name="second")
        assert new == old + 1
        assert latest.is_current(new) and not latest.is_current(old)
        await asyncio.wait_for(first_cancelled.wait(), 1)
        await latest.aclose()
        assert not latest.busy

    asyncio.run(main())


def test_cancel_makes_the_running_generation_stale_and_says_whether_it_ran() -> None:
    async def main() -> None:
        latest = LatestTask()
        assert not latest.cancel()
        generation = latest.start(lambda _generation: asyncio.sleep(10), name="slow")
        assert latest.busy
        assert latest.cancel()
        assert not latest.busy
        assert not latest.is_current(generation)
        assert not latest.cancel()

    asyncio.run(main())


def test_a_finished_task_is_not_busy_and_its_generation_still_counts() -> None:
    async def main() -> None:
        latest = LatestTask()
        generation = latest.start(lambda _generation: asyncio.sleep(0), name="quick")
        await asyncio.sleep(0.01)
        assert not latest.busy
        assert latest.is_current(generation)
        assert not latest.cancel()
        assert latest.is_current(generation)

    asyncio.run(main())


def test_close_waits_until_the_task_has_ended() -> None:
    ended: list[str] = []

    async def main() -> None:
        latest = LatestTask()

        async def job(_generation: int) -> None:
            try:
                await asyncio.sleep(10)
            finally:
                ended.append("job")

        latest.start(job, name="job")
        await asyncio.sleep(0)
        await latest.aclose()
        assert ended == ["job"]

    asyncio.run(main())


def test_background_jobs_each_run_to_their_end() -> None:
    done: list[int] = []

    async def main() -> None:
        background = Background()

        async def job(number: int) -> None:
            await asyncio.sleep(0.01 * number)
            done.append(number)

        for number in (2, 1):
            background.start(job(number), name=f"job {number}")
        await background.wait()

    asyncio.run(main())
    assert done == [1, 2]
