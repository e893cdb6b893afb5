"""The image as a form: one selectable row per field, the status as a badge."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from inspector.i18n import N_, _
from inspector.ui import theme
from inspector.ui.page.field_note import FieldNote
from inspector.ui.page.policy_badge import PolicyBadge
from inspector.ui.qt_namespace import Qt, set_enum_property
from inspector.ui.widgets.inert import plain, readable, set_tooltip, tooltip_of
from inspector.ui.widgets.status_badge import StatusBadge

if TYPE_CHECKING:
    from inspector.present.image import ImageView
    from inspector.ui.widgets.value_label import ValueLabel


def _before(old: str) -> str:
    return _("Before: {value}").format(value=old)


def _without_before(tooltip: str) -> str:
    """A tooltip without the old value :meth:`ImageForm.mark_changed` added to it."""
    marker = _before("")
    if tooltip.startswith(marker):
        return ""
    return tooltip.split("\n\n" + marker)[0]


# Wire name -> row label, in the order operators read them; translated where shown.
FIELDS: tuple[tuple[str, str], ...] = (
    ("id", N_("ID")),
    ("folderId", N_("Folder ID")),
    ("name", N_("Name")),
    ("description", N_("Description")),
    ("status", N_("Status")),
    ("createdAt", N_("Created")),
    ("storageSize", N_("Storage size")),
    ("minDiskSize", N_("Min disk size")),
)


# What the detail beside a value shows, as a screen reader names it.
DETAILS: dict[str, str] = {
    "createdAt": N_("Created, in UTC, and age"),
    "storageSize": N_("Storage size in bytes"),
    "minDiskSize": N_("Min disk size in bytes"),
}


def field_label(key: str) -> str:
    """The translated row label of a wire field (``folderId -> Folder ID``)."""
    return _(dict(FIELDS)[key])


class ImageForm(QWidget):
    """Shows one presented image; ``clear_image`` leaves it blank (no stale values).

    With ``values_later`` the rows start with their names only: the value widgets (read-only
    text edits, whose Qt classes cost more to set up than anything else in the first frame) are
    made by :meth:`build_values`, which the window calls once its first frame is on screen, or
    at the first use of :attr:`values`, :attr:`details` or :attr:`other`. A blank value shows
    nothing and is as high as its row's name, so the form looks the same before and after.
    """

    def __init__(self, parent: QWidget | None = None, *, values_later: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("imageForm")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.caption = readable(QLabel(self))  # an opened file's ID and name
        self.caption.setObjectName("resultCaption")
        outer.addWidget(self.caption)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        set_enum_property(form, "labelAlignment", "AlignRight")
        outer.addLayout(form)
        self._form = form
        self._values: dict[str, ValueLabel] = {}
        self._details: dict[str, ValueLabel] = {}
        self._other: ValueLabel | None = None
        self.row_labels: dict[str, QLabel] = {}
        self.notes: dict[str, FieldNote] = {}
        self.rows: dict[str, QHBoxLayout] = {}
        self.changed: dict[str, str] = {}
        self.badge = StatusBadge(self)
        self.policy_badge = PolicyBadge(self)
        for key, _english in FIELDS:
            self._add_row(form, key)
        self.other_label = plain(QLabel(_("Other fields:"), self))
        self.other_label.setToolTip(_("Fields this build does not know, exactly as they came"))
        self.other_label.setObjectName("unknownFieldsRow")
        self.other_label.setVisible(False)
        self.row_labels["unknownFields"] = self.other_label
        if not values_later:
            self.build_values()
        self.clear_image("")
        theme.watch(self._restyle_changes)

    @property
    def values(self) -> dict[str, ValueLabel]:
        """Each field's value (the status aside: its badges), by wire name."""
        self.build_values()
        return self._values

    @property
    def details(self) -> dict[str, ValueLabel]:
        """The detail beside a value (the exact bytes, the time in UTC and age), by wire name."""
        self.build_values()
        return self._details

    @property
    def other(self) -> ValueLabel:
        """The fields this build does not know, exactly as they came."""
        self.build_values()
        assert self._other is not None
        return self._other

    def build_values(self) -> None:
        """Make the value widgets, blank, in their rows (once)."""
        if self._other is not None:
            return
        from inspector.ui.widgets.value_label import ValueLabel

        for key, label in ((key, field_label(key)) for key, _english in FIELDS):
            if key == "status":
                continue
            row, row_label = self.rows[key], self.row_labels[key]
            row.setAlignment(self.notes[key], Qt.AlignmentFlag.AlignTop)
            value = ValueLabel(f"{key}Value", label, self, row_label=row_label)
            self._values[key] = value
            row.insertWidget(0, value)
            if key in DETAILS:
                value.setWordWrap(False)  # the detail beside it takes the remaining width
                detail = ValueLabel(f"{key}Detail", _(DETAILS[key]), self)
                self._details[key] = detail
                row.insertWidget(1, detail)
            self._widen(key, marked=self.notes[key].isVisibleTo(self))
        self._other = ValueLabel(
            "unknownFieldsValue", _("Other fields"), self, row_label=self.other_label
        )
        self._other.setVisible(False)
        self._form.addRow(self.other_label, self._other)
        self._restyle_changes()

    def _add_row(self, form: QFormLayout, key: str) -> None:
        """Field ``key``'s row: its name, its value (the status: the badges), a detail for
        the sizes and the creation time, and its note."""
        label = field_label(key)
        row_label = plain(QLabel(_("{label}:").format(label=label), self))
        row_label.setObjectName(f"{key}Row")
        self.row_labels[key] = row_label
        note = FieldNote(f"{key}Note", self)
        self.notes[key] = note
        row = QHBoxLayout()
        if key == "status":
            row.addWidget(self.badge)
            row.addWidget(note)
            row.addWidget(self.policy_badge)
            row.addStretch(1)
            form.addRow(row_label, row)
            return
        # The value (and its detail) go first, when built (build_values), which also puts the
        # note at the top of its row (hidden until then: no alignment read before the paint).
        row.addWidget(note)
        row.addStretch()
        self.rows[key] = row
        form.addRow(row_label, row)

    def clear_image(self, caption: str) -> None:
        self.mark_changed({})
        self.caption.setText(caption)
        self.badge.clear_status()
        self.policy_badge.show_violations([], str)
        for widget in (*self._values.values(), *self._details.values()):
            widget.set_value(None, blank=True)
        for note in self.notes.values():
            note.clear_note()
        if self._other is not None:
            self._other.set_value(None, blank=True)
            self._other.setVisible(False)
        self.other_label.setVisible(False)

    def show_image(self, view: ImageView, caption: str) -> None:
        self.build_values()
        self.caption.setText(caption)
        self.badge.show_status(view.status)
        for field in view.fields:
            tooltip = field.tooltip or ""
            note = self.notes[field.key]
            if field.problem:
                note.show_problem(field.problem)
                tooltip = tooltip or field.problem
            elif field.default:
                note.show_default()
                tooltip = tooltip or note.toolTip()
            else:
                note.clear_note()
            if field.key in self.rows:
                self._widen(field.key, marked=note.isVisibleTo(self))
            if field.key in self.values:
                self.values[field.key].set_value(field.value, tooltip=tooltip)
            if field.key in self.details:
                # An unset time has no detail: blank, never an empty quoted string.
                self.details[field.key].set_value(
                    field.detail, blank=field.value is None, tooltip=tooltip
                )
        others = "\n".join(f"{name}: {text}" for name, text in view.unknown_fields)
        self.other.set_value(others or None, blank=not others)
        self.other.setVisible(bool(others))
        self.other_label.setVisible(bool(others))

    def _widen(self, key: str, *, marked: bool) -> None:
        """A value takes the row's width (long text wraps wide); a marked one, which is short
        (a default), leaves it to the end so that its mark stays right beside it."""
        row = self.rows[key]
        text_index = row.count() - 3  # the value, or the detail after it; then mark, stretch
        row.setStretch(text_index, 0 if marked else 1)
        row.setStretch(row.count() - 1, 1 if marked else 0)

    def mark_changed(self, old_values: dict[str, str]) -> None:
        """Highlight the rows whose value changed since the previous fetch (wire name -> the
        old value as it was shown); hovering the value shows the old one."""
        for key in self.changed.keys() - old_values.keys():
            if (target := self._holder(key)) is not None:
                set_tooltip(target, _without_before(tooltip_of(target)))
                target.setAccessibleDescription(tooltip_of(target))
        self.changed = dict(old_values)
        for key, old in old_values.items():
            if (target := self._holder(key)) is not None:
                current = _without_before(tooltip_of(target))
                text = old.replace("\n", " \u00b7 ")
                before = _before(text)
                set_tooltip(target, f"{current}\n\n{before}" if current else before)
                target.setAccessibleDescription(tooltip_of(target))
        self._restyle_changes()

    def _holder(self, key: str) -> QWidget | None:
        """The widget that shows the value of ``key``, where its old value goes on hover."""
        if key == "status":
            return self.badge
        if key == "unknownFields":
            return self.other
        return self.values.get(key)

    def _restyle_changes(self) -> None:
        scheme = theme.colours()
        for detail in self._details.values():
            theme.set_style(detail, f"#{detail.objectName()} {{ color: {scheme.secondary_text}; }}")
        pair = scheme.changed
        for key, row_label in self.row_labels.items():
            style = ""
            if key in self.changed:
                style = (
                    f"QLabel#{row_label.objectName()} {{ background: {pair.background};"
                    f" color: {pair.text}; border: 1px solid {pair.border}; border-radius: 3px;"
                    " padding: 0 3px; font-weight: 600; }"
                )
            theme.set_style(row_label, style)
            value = self._values.get(key)
            if value is not None:
                theme.set_style(
                    value,
                    f"#{value.objectName()} {{ background: {pair.background};"
                    f" color: {pair.text}; }}"
                    if key in self.changed
                    else "",
                )
