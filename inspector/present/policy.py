"""Label policy violations as text for people: the CLI's ``--check`` table and the window's
badge tooltip. Keys, values and messages are untrusted and escaped for the terminal.

A violation is defined here, beside its wording, so that the views that show one need not
reach up into ``core/``, which reads the policy file and checks the labels.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from inspector.i18n import _, ngettext
from inspector.present.text import display_width, pad, printable

_GAP: Final = 2


class Rule(StrEnum):
    """The rule a label broke; the value is what the CLI prints in its ``rule`` column."""

    REQUIRED = "required"
    ALLOWED = "allowed"
    PATTERN = "pattern"
    FORBIDDEN = "forbidden"


@dataclass(frozen=True, slots=True)
class Violation:
    """One broken rule: the label, the rule, and what to tell the operator."""

    key: str
    rule: Rule
    value: str | None
    message: str


def format_violations(found: list[tuple[str, Violation]]) -> str:
    """``IMAGE  KEY  RULE  MESSAGE`` rows, one per (image ID, violation); empty when none."""
    if not found:
        return ""
    header = (_("image"), _("key"), _("rule"), _("message"))
    rows = [
        (printable(image), printable(item.key), str(item.rule), printable(item.message))
        for image, item in found
    ]
    widths = [max(display_width(cells[column]) for cells in [header, *rows]) for column in range(3)]
    lines = [
        "".join(pad(cells[column], widths[column] + _GAP) for column in range(3)) + cells[3]
        for cells in [header, *rows]
    ]
    return "\n".join(lines) + "\n"


def violations_summary(count: int, images: int) -> str:
    """``3 policy violations in 2 images.`` or ``No policy violations.``"""
    if count == 0:
        return _("No policy violations.")
    head = ngettext("{count} policy violation", "{count} policy violations", count).format(
        count=count
    )
    return ngettext("{head} in {images} image.", "{head} in {images} images.", images).format(
        head=head, images=images
    )


def violations_tooltip(violations: list[Violation]) -> str:
    """One line per violation: ``owner (required): the label is required and missing``."""
    return "\n".join(
        _("{key} ({rule}): {message}").format(key=item.key, rule=item.rule, message=item.message)
        for item in violations
    )
