"""The widgets of an image page, built here so the page itself only renders and sends intents.

Each builder makes one part (the ID bar, the progress line, the notes above the form, the
views of the image) with its names and descriptions for a screen reader; the page lays them
out and connects them.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import _
from inspector.ui.on_first_use import OnFirstUse
from inspector.ui.page.image_form import ImageForm
from inspector.ui.page.labels_table import LabelsPanel
from inspector.ui.qt_namespace import set_enum_property
from inspector.ui.widgets.accessibility import name_clear_button
from inspector.ui.widgets.inert import plain, readable, selectable

if TYPE_CHECKING:
    from inspector.ui.page.error_banner import ErrorBanner


class IdBar(NamedTuple):
    label: QLabel
    edit: QLineEdit
    fetch: QPushButton
    cancel: QPushButton


def build_id_bar(parent: QWidget) -> IdBar:
    """The ID field with its label, Fetch and Cancel (off until a fetch runs)."""
    edit = QLineEdit(parent)
    edit.setObjectName("imageIdEdit")
    edit.setAccessibleName(_("Image ID"))
    edit.setAccessibleDescription(
        _("The ID of the image to fetch; Enter fetches it, Ctrl+L comes back here")
    )
    edit.setPlaceholderText(_("Paste an image ID, e.g. e3vc67qdve8q12345678"))
    name_clear_button(edit, _("Clear the image ID"))
    label = plain(QLabel(_("Image &ID:"), parent))
    label.setBuddy(edit)
    # The parent by keyword: a second positional argument makes Qt check the overload that
    # takes an icon first, and that makes Qt's QIcon type (2.4 ms) for the first frame.
    fetch = QPushButton(_("Fe&tch"), parent=parent)
    fetch.setObjectName("fetchButton")
    fetch.setToolTip(_("Fetch the image (Enter)"))
    cancel = QPushButton(_("&Cancel"), parent=parent)
    cancel.setObjectName("cancelButton")
    cancel.setToolTip(_("Cancel the running fetch (Esc)"))
    cancel.setEnabled(False)
    return IdBar(label, edit, fetch, cancel)


def build_progress(parent: QWidget) -> tuple[QProgressBar, QLabel]:
    """The busy bar and the line that says what the fetch is doing."""
    progress = QProgressBar(parent)
    progress.setObjectName("fetchProgress")
    progress.setAccessibleName(_("Fetch in progress"))
    progress.setRange(0, 0)
    progress.setMaximumHeight(6)
    progress.setTextVisible(False)
    label = QLabel(parent)
    label.setObjectName("fetchProgressLabel")
    plain(label)
    # Labels whose text changes are named by that text (Qt's default for a label), and
    # described by what they are: a fixed name would hide what they say.
    label.setAccessibleDescription(_("Progress"))
    return progress, label


def build_offline_banner(parent: QWidget) -> QLabel:
    banner = QLabel(parent)
    banner.setObjectName("offlineBanner")
    banner.setAccessibleDescription(_("Offline"))
    plain(banner)
    banner.setWordWrap(True)
    selectable(banner, by_keyboard=False)
    banner.hide()
    return banner


def build_changes_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName("changesSummary")
    label.setAccessibleDescription(_("What changed"))
    readable(label)
    label.hide()
    return label


def build_raw_tab(parent: QWidget) -> QWidget:
    """The Raw response tab, empty until it is first looked at (its view is built then)."""
    tab = QWidget(parent)
    tab.setObjectName("rawResponseTab")
    layout = QVBoxLayout(tab)
    layout.setContentsMargins(0, 0, 0, 0)
    return tab


def build_views(
    parent: QWidget, form: ImageForm, labels: LabelsPanel, raw_tab: QWidget
) -> tuple[QSplitter, QTabWidget]:
    """The form over the labels in a splitter, as one tab beside the raw answer."""
    scroll = QScrollArea(parent)
    scroll.setObjectName("imageFormScroll")
    scroll.setAccessibleName(_("The image's fields"))
    set_enum_property(scroll, "focusPolicy", "NoFocus")  # the values inside are the stops
    scroll.setWidgetResizable(True)
    scroll.setWidget(form)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    splitter = QSplitter(parent=parent)  # by keyword: QSplitter(parent) would build Qt's
    set_enum_property(splitter, "orientation", "Vertical")  # namespace (see qt_namespace)
    splitter.setObjectName("imageSplitter")
    splitter.addWidget(scroll)
    splitter.addWidget(labels)
    splitter.setStretchFactor(0, 2)
    splitter.setStretchFactor(1, 3)
    views = QTabWidget(parent)
    views.setObjectName("pageViews")
    views.setDocumentMode(True)
    views.setAccessibleName(_("Views of the image"))
    views.addTab(splitter, _("Image"))
    views.addTab(raw_tab, _("Raw response"))
    views.setTabToolTip(0, _("The image as a form and its labels"))
    views.setTabToolTip(1, _("The answer exactly as it came over the wire (Ctrl+U)"))
    return splitter, views


def lay_out_page(page: QWidget, bar: IdBar, notes: list[QWidget], views: QTabWidget) -> None:
    """The ID bar on top, the progress and notes under it, the views taking the rest."""
    row = QHBoxLayout()
    row.addWidget(bar.label)
    row.addWidget(bar.edit, 1)
    row.addWidget(bar.fetch)
    row.addWidget(bar.cancel)
    layout = QVBoxLayout(page)
    layout.addLayout(row)
    for widget in notes:
        layout.addWidget(widget)
    layout.addWidget(views, 1)


def lazy_error_banner(page: QWidget, *, above: QWidget) -> OnFirstUse[ErrorBanner]:
    """The error banner, made (hidden) at the page's first error, just above ``above``: most
    pages never show one, and it is not needed for the first frame."""

    def build() -> ErrorBanner:
        from inspector.ui.page.error_banner import ErrorBanner

        banner = ErrorBanner(page)
        layout = page.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(above), banner)
        return banner

    return OnFirstUse(build)


def add_shortcuts(
    page: QWidget, keys: list[tuple[QKeySequence.StandardKey, Callable[[], object], str]]
) -> None:
    """Shortcuts that work anywhere inside ``page`` (and only there: each tab has its own)."""
    for key, slot, description in keys:
        shortcut = QShortcut(QKeySequence(key), page, slot)
        set_enum_property(shortcut, "context", "WidgetWithChildrenShortcut")
        shortcut.setWhatsThis(description)
