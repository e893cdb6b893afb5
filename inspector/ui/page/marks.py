"""What a page marks on the form and the labels: what changed, and what breaks the policy.

Both are drawn from data the page holds (the changes in its state, the policy's violations),
through the presenting mode's masker, so nothing here keeps anything of its own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from inspector.i18n import _
from inspector.ui.page.image_form import FIELDS, ImageForm, field_label
from inspector.ui.page.labels_table import LabelsPanel
from inspector.ui.widgets.inert import set_tooltip

if TYPE_CHECKING:
    from inspector.present.diff import ImageChanges
    from inspector.present.errors import Explanation
    from inspector.present.policy import Violation

Mask = Callable[[str], str]


def field_labels() -> dict[str, str]:
    """Wire name -> the label the form shows, for the summary of what changed."""
    labels = {key: field_label(key) for key, _english in FIELDS}
    labels["labels"] = _("Labels")
    labels["unknownFields"] = _("Other fields")
    return labels


def mark_violations(
    form: ImageForm, labels: LabelsPanel, violations: list[Violation], mask: Mask
) -> None:
    """Mark the labels that break the policy, and count them in the badge row."""
    form.policy_badge.show_violations(violations, mask)
    by_key: dict[str, list[str]] = {}
    for item in violations:
        by_key.setdefault(mask(item.key), []).append(mask(item.message))
    labels.mark_violations({key: "\n".join(found) for key, found in by_key.items()})


def mark_changes(
    form: ImageForm,
    labels: LabelsPanel,
    summary: QLabel,
    changes: tuple[ImageChanges, str] | None,
    mask: Mask,
) -> None:
    """Highlight what changed and say it in ``summary`` (hidden when there is nothing)."""
    if changes is None:
        form.mark_changed({})
        labels.mark_changed({})
        summary.hide()
        return
    found, since = changes
    form.mark_changed({key: mask(old) for key, old in found.fields.items()})
    labels.mark_changed(
        {mask(key): None if old is None else mask(old) for key, old in found.labels.items()}
    )
    summary.setText(mask(found.summary(field_labels(), since)))
    removed = "\n".join(f"{key} = {value}" for key, value in found.removed_labels)
    removed_text = _("Removed labels:\n{labels}").format(labels=removed)
    set_tooltip(summary, mask(removed_text) if removed else "")
    summary.setProperty("changed", bool(found))


def masked_explanation(explanation: Explanation, mask: Mask) -> Explanation:
    """The error banner's text as presenting mode shows it."""
    return dataclasses.replace(
        explanation,
        title=mask(explanation.title),
        message=None if explanation.message is None else mask(explanation.message),
        details=[mask(detail) for detail in explanation.details],
    )
