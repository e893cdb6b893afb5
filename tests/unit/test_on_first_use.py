"""Parts of the window built on first use: once, and the code that wires them waits for them."""

from __future__ import annotations

from inspector.ui.on_first_use import OnFirstUse


def test_a_part_is_built_once_on_first_use_and_never_by_looking() -> None:
    built: list[str] = []

    def build() -> str:
        built.append("part")
        return "part"

    part = OnFirstUse(build)
    assert part.if_built() is None
    assert built == []
    assert part.get() == "part"
    assert part.get() == "part"
    assert built == ["part"]
    assert part.if_built() == "part"


def test_wiring_waits_for_the_part_or_runs_at_once() -> None:
    part = OnFirstUse(lambda: ["part"])
    wired: list[object] = []
    part.when_built(lambda built: wired.append(("before", built)))
    assert wired == []
    built = part.get()
    assert wired == [("before", built)]
    part.when_built(lambda again: wired.append(("after", again)))
    assert wired == [("before", built), ("after", built)]
    part.get()
    assert len(wired) == 2  # each callback once
