"""The quiet "default" mark: a value the body left out because it holds its default.

proto3 JSON omits every field holding its default value, so an omitted size *is* 0 bytes and an
omitted status *is* STATUS_UNSPECIFIED. Calling such a field "missing" would make a quarter of
real answers look broken; the mark says why the value is not in the body instead. Every place
that shows an image (window, CLI table, list, folder browser, diff, history, bundles) uses these
same words.
"""

from __future__ import annotations

from typing import Final

from inspector.i18n import N_, _

# Marked here, translated where shown.
DEFAULT_MARK: Final = N_("default")
DEFAULT_EXPLANATION: Final = N_(
    "Not in the body: the API leaves out fields that hold their default value."
)
NOT_SET: Final = N_("not set")
NO_ID_PROBLEM: Final = N_("abnormal: the answer has no image ID")


def with_mark(text: str) -> str:
    """``0 B (default)``: a value followed by the mark, for one-line text (tables, tooltips)."""
    return _("{value} ({mark})").format(value=text, mark=_(DEFAULT_MARK))


def mark_legend() -> str:
    """The line under a table that explains the mark once."""
    return _("{mark}: {explanation}").format(
        mark=_(DEFAULT_MARK), explanation=_(DEFAULT_EXPLANATION)
    )
