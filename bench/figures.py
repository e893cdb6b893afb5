"""One measured figure beside its baseline, and the Markdown table and JSON made of them."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import Literal

Compare = Literal["ratio", "overhead", "none"]


def median(samples: Sequence[float]) -> float:
    return float(statistics.median(samples)) if samples else float("nan")


@dataclass
class Figure:
    """A figure: the inspector's median, its baseline's median, and a budget if there is one.

    ``compare`` says how the two are read: ``ratio`` (inspector / baseline, for start and
    memory), ``overhead`` (inspector minus baseline, for fetch times) or ``none``. The budget is
    on the ratio (``max_ratio``), on the overhead (``max_overhead``, in the figure's unit) or
    on the inspector's own value (``max_value``).
    """

    name: str
    unit: str
    samples: list[float]
    baseline_name: str = ""
    baseline_samples: list[float] = field(default_factory=list)
    compare: Compare = "ratio"
    max_ratio: float | None = None
    max_value: float | None = None
    max_overhead: float | None = None
    note: str = ""

    @property
    def value(self) -> float:
        return median(self.samples)

    @property
    def baseline(self) -> float | None:
        return median(self.baseline_samples) if self.baseline_samples else None

    @property
    def ratio(self) -> float | None:
        base = self.baseline
        return self.value / base if base else None

    @property
    def within_budget(self) -> bool | None:
        if self.max_ratio is not None:
            ratio = self.ratio
            return None if ratio is None else ratio <= self.max_ratio
        if self.max_overhead is not None:
            base = self.baseline
            return None if base is None else self.value - base <= self.max_overhead
        if self.max_value is not None:
            return self.value <= self.max_value
        return None

    def budget_text(self) -> str:
        if self.max_ratio is not None:
            return f"\u2264 {self.max_ratio:g}x"
        if self.max_overhead is not None:
            return f"\u2264 +{self.max_overhead:g} {self.unit}"
        if self.max_value is not None:
            return f"\u2264 {self.max_value:g} {self.unit}"
        return ""

    def as_json(self) -> dict[str, object]:
        data = asdict(self)
        data.update(
            value=self.value,
            baseline=self.baseline,
            ratio=self.ratio,
            budget=self.budget_text(),
            within_budget=self.within_budget,
        )
        return data


def _number(value: float, unit: str) -> str:
    if value != value:  # NaN: nothing was measured
        return "\u2013"
    digits = 0 if abs(value) >= 100 else 1
    return f"{value:,.{digits}f} {unit}"


def _comparison(figure: Figure) -> str:
    base = figure.baseline
    if base is None or figure.compare == "none":
        return ""
    if figure.compare == "overhead":
        return f"+{_number(figure.value - base, figure.unit)}"
    ratio = figure.ratio
    return f"{ratio:.2f}x" if ratio is not None else ""


def _verdict(figure: Figure) -> str:
    within = figure.within_budget
    if within is None:
        return ""
    return "ok" if within else "**over**"


def markdown_table(figures: Sequence[Figure]) -> str:
    """The table for the terminal and the README: one row per figure."""
    lines = [
        "| figure | inspector | baseline | ratio / overhead | budget | |",
        "|---|---:|---|---:|---|---|",
    ]
    for figure in figures:
        base = figure.baseline
        baseline = (
            f"{_number(base, figure.unit)} ({figure.baseline_name})"
            if base is not None
            else figure.baseline_name
        )
        lines.append(
            f"| {figure.name} | {_number(figure.value, figure.unit)} | {baseline} "
            f"| {_comparison(figure)} | {figure.budget_text()} | {_verdict(figure)} |"
        )
    return "\n".join(lines)
