"""What changed between two fetches of the same image, with the old values to show on hover.

Fields are compared as they came over the wire (a size that moved by one byte is a change even
when "20 GiB" reads the same), and the old value is given as the old fetch showed it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from inspector.api.models import DesktopImage
from inspector.i18n import _, ngettext
from inspector.present.defaults import with_mark
from inspector.present.image import FieldView, ImageView, field_text

# Wire name -> attribute of DesktopImage.
_FIELDS: Final = (
    ("id", "id"),
    ("folderId", "folder_id"),
    ("name", "name"),
    ("description", "description"),
    ("status", "status"),
    ("createdAt", "created_at"),
    ("storageSize", "storage_size"),
    ("minDiskSize", "min_disk_size"),
)
LABELS_KEY: Final = "labels"
UNKNOWN_FIELDS_KEY: Final = "unknownFields"


@dataclass(frozen=True)
class ImageChanges:
    """Changes since the previous fetch; every value is the old one, as it was shown.

    ``fields`` maps a wire name (or ``labels`` when the map came or went, ``unknownFields``)
    to its old text; ``labels`` maps each added or changed label key to its old value (``None``
    when the label is new); ``removed_labels`` are the labels that are gone.
    """

    fields: dict[str, str] = field(default_factory=dict)
    labels: dict[str, str | None] = field(default_factory=dict)
    removed_labels: list[tuple[str, str]] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.fields or self.labels or self.removed_labels)

    def summary(self, field_labels: dict[str, str], since: str) -> str:
        """``Changed since the previous fetch: Status, Name; labels: 1 added, 2 changed``."""
        if not self:
            return _("Nothing changed since {since}.").format(since=since)
        names = [field_labels.get(key, key) for key in self.fields]
        added = sum(1 for old in self.labels.values() if old is None)
        changed = len(self.labels) - added
        removed = len(self.removed_labels)
        counts = [
            phrase.format(count=count)
            for count, phrase in (
                (added, ngettext("{count} added", "{count} added", added)),
                (changed, ngettext("{count} changed", "{count} changed", changed)),
                (removed, ngettext("{count} removed", "{count} removed", removed)),
            )
            if count
        ]
        parts = [", ".join(names)] if names else []
        if counts:
            parts.append(_("labels: {counts}").format(counts=", ".join(counts)))
        return _("Changed since {since}: {changes}").format(since=since, changes="; ".join(parts))


def old_text(view: ImageView, field_view: FieldView) -> str:
    """A field's old value as one line, ``20 GiB (21,474,836,480 bytes)``, marked if a default."""
    if field_view.key == "createdAt" and field_view.value is not None:
        return field_view.tooltip or field_view.value
    text = " ".join(field_text(view, field_view))
    return with_mark(text) if field_view.default else text


def _labels_text(labels: dict[str, str], default: bool) -> str:
    count = ngettext("{count} label", "{count} labels", len(labels)).format(count=len(labels))
    return with_mark(count) if default else count


def image_changes(old: DesktopImage, new: DesktopImage, old_view: ImageView) -> ImageChanges:
    """What differs in ``new`` from ``old``; ``old_view`` is how ``old`` was shown."""
    shown = {field_view.key: field_view for field_view in old_view.fields}
    fields: dict[str, str] = {}
    for key, attribute in _FIELDS:
        if getattr(old, attribute) != getattr(new, attribute):
            fields[key] = old_text(old_view, shown[key])
    if not old.labels and not new.labels and old_view.labels_default != ("labels" in new.omitted):
        fields[LABELS_KEY] = _labels_text(old.labels, old_view.labels_default)
    if old.unknown_fields != new.unknown_fields:
        fields[UNKNOWN_FIELDS_KEY] = "\n".join(
            f"{name}: {text}" for name, text in old_view.unknown_fields
        ) or _("none")
    old_labels = old.labels
    new_labels = new.labels
    labels: dict[str, str | None] = {
        key: old_labels.get(key)
        for key, value in new_labels.items()
        if key not in old_labels or old_labels[key] != value
    }
    removed = sorted((key, value) for key, value in old_labels.items() if key not in new_labels)
    return ImageChanges(fields=fields, labels=labels, removed_labels=removed)
