"""Presenting mode: IDs masked the way the Yandex Cloud docs print them, folder IDs hidden.

For screen sharing and screenshots. Masking is done on text, so every view (the form, the raw
body, captions, the history, notifications) can pass what it shows through one :class:`Masker`
and nothing needs to know where an ID might appear. Besides the IDs it is told about, anything
shaped like a Yandex Cloud ID (16 to 50 lowercase letters and digits, at least one digit) is
masked too: a label or a description may hold the ID of a source image or a disk. It imports
nothing heavy, so the window can use it before the API layer has loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from inspector.i18n import N_, _

if TYPE_CHECKING:
    from inspector.present.image import FieldView, ImageView

MASK: Final = "********"
SHOWN_PREFIX: Final = 8
HIDDEN_FOLDER: Final = N_("hidden while presenting")  # translated where shown
# Folder and cloud IDs start with b1g; they say whose resources these are, so none of it shows.
_FOLDER_PREFIX: Final = "b1g"
_ID_SHAPED = re.compile(r"(?<![A-Za-z0-9_])(?=[a-z0-9]*[0-9])[a-z][a-z0-9]{15,49}(?![A-Za-z0-9_])")


def mask_id(value: str) -> str:
    """``e3vc67qdve8q12345678 -> e3vc67qd********``; short values keep at most half."""
    shown = min(SHOWN_PREFIX, len(value) // 2)
    return value[:shown] + MASK


@dataclass(frozen=True)
class Masker:
    """Masks what is shown; an inactive masker returns everything unchanged."""

    active: bool = False
    folder_ids: frozenset[str] = frozenset()

    def with_folder(self, folder_id: str | None) -> Masker:
        """This masker, also hiding ``folder_id`` wherever it appears."""
        if not folder_id:
            return self
        return Masker(self.active, self.folder_ids | {folder_id})

    def id(self, value: str) -> str:
        """One ID as shown: masked, or hidden entirely if it is a folder's."""
        if not self.active:
            return value
        if value in self.folder_ids or value.startswith(_FOLDER_PREFIX):
            return MASK
        return mask_id(value)

    def text(self, value: str) -> str:
        """``value`` with every known folder ID hidden and every ID-shaped word masked."""
        if not self.active:
            return value
        for folder_id in sorted(self.folder_ids, key=len, reverse=True):
            value = value.replace(folder_id, MASK)
        return _ID_SHAPED.sub(lambda match: self.id(match.group()), value)

    def field(self, field: FieldView) -> FieldView:
        if not self.active or field.value is None:
            return field
        if field.key == "folderId":
            return field._replace(value=_(HIDDEN_FOLDER), tooltip=None)
        return field._replace(
            value=self.text(field.value),
            detail=None if field.detail is None else self.text(field.detail),
            tooltip=None if field.tooltip is None else self.text(field.tooltip),
        )

    def image_view(self, view: ImageView) -> ImageView:
        """The whole image as shown while presenting."""
        if not self.active:
            return view
        return view._replace(
            fields=[self.field(field) for field in view.fields],
            labels=[(self.text(key), self.text(value)) for key, value in view.labels],
            unknown_fields=[(name, self.text(text)) for name, text in view.unknown_fields],
        )
