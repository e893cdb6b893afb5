"""Label policy violations as text for people: the CLI's ``--check`` table and the window's
badge tooltip. Keys, values and messages are untrusted and escaped for the terminal.
"""

from __future__ import annotations

from typing import Final

from inspector.core.policy import Violation
from inspector.i18n import _, ngettext
from inspector.present.text import display_width, pad, printable

_GAP: Final = 2


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
