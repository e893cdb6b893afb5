"""One image inspector: the ID bar, progress, the error banner, the form and the labels.

Self-contained, so each tab of the window has its own. It never does HTTP: it emits
``fetchRequested`` / ``cancelRequested`` / ``stopWatchRequested`` and is told what to show
through the methods that make up the tab controller's ``TabPage`` protocol. The copy and save
actions of the window reach the tab's controller through :attr:`ImagePage.tab_actions`. In
presenting mode every text it shows goes through the window's masker first.
"""

from __future__ import annotations

import dataclasses
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import _, conventions
from inspector.ui import theme
from inspector.ui.dialogs.pasted_ids import PastedIds
from inspector.ui.on_first_use import OnFirstUse
from inspector.ui.page.error_banner import ErrorBanner
from inspector.ui.page.image_form import FIELDS, ImageForm, field_label
from inspector.ui.page.labels_table import LabelsPanel
from inspector.ui.page.watch_bar import WatchBar
from inspector.ui.widgets.accessibility import announce, name_clear_button
from inspector.ui.widgets.inert import plain, set_tooltip

if TYPE_CHECKING:
    from inspector.core.policy import Policy
    from inspector.core.tab import WatchProgress
    from inspector.present.diff import ImageChanges
    from inspector.present.errors import Explanation
    from inspector.present.image import ImageView
    from inspector.present.presenting import Masker
    from inspector.present.raw import RawView
    from inspector.ui.page.raw_view import RawResponseView


def _field_labels() -> dict[str, str]:
    """Wire name -> the label the form shows, for the summary of what changed."""
    labels = {key: field_label(key) for key, _english in FIELDS}
    labels["labels"] = _("Labels")
    labels["unknownFields"] = _("Other fields")
    return labels


class PageActions(Protocol):
    """What the window's copy and save actions ask of the tab behind the page."""

    def curl_text(self) -> str | None: ...

    def yc_text(self) -> str | None: ...

    def image_json_text(self) -> str | None: ...

    def request_ids_text(self) -> str | None: ...

    def bundle_file_name(self) -> str | None: ...

    def export_problem(self) -> str | None: ...

    def compare_source(self) -> str | None: ...

    def save_support_bundle(self, path: Path, qt_version: str, pyside_version: str) -> bool: ...


class ImagePage(QWidget):
    """The inspector for one image at a time."""

    fetchRequested = Signal(str)
    browseFolderRequested = Signal(str)  # a folder ID found in pasted text
    cancelRequested = Signal()
    stopWatchRequested = Signal()
    titleChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePage")
        self.id_edit = QLineEdit(self)
        self.id_edit.setObjectName("imageIdEdit")
        self.id_edit.setAccessibleName(_("Image ID"))
        self.id_edit.setAccessibleDescription(
            _("The ID of the image to fetch; Enter fetches it, Ctrl+L comes back here")
        )
        self.id_edit.setPlaceholderText(_("Paste an image ID, e.g. e3vc67qdve8q12345678"))
        name_clear_button(self.id_edit, _("Clear the image ID"))
        self.id_edit.returnPressed.connect(self.request_fetch)
        self.pasted = PastedIds(self.id_edit, lambda text: self._mask(text))
        self.pasted.fetchChosen.connect(self.fetchRequested)
        self.pasted.folderChosen.connect(self.browseFolderRequested)
        id_label = plain(QLabel(_("Image &ID:"), self))
        id_label.setBuddy(self.id_edit)
        self.fetch_button = QPushButton(_("Fe&tch"), self)
        self.fetch_button.setObjectName("fetchButton")
        self.fetch_button.setToolTip(_("Fetch the image (Enter)"))
        self.fetch_button.clicked.connect(self.request_fetch)
        self.cancel_button = QPushButton(_("&Cancel"), self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip(_("Cancel the running fetch (Esc)"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancelRequested)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("fetchProgress")
        self.progress.setAccessibleName(_("Fetch in progress"))
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("fetchProgressLabel")
        self.progress_label.setTextFormat(Qt.TextFormat.PlainText)
        # Labels whose text changes are named by that text (Qt's default for a label), and
        # described by what they are: a fixed name would hide what they say.
        self.progress_label.setAccessibleDescription(_("Progress"))
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(100)
        self._progress_timer.timeout.connect(self._tick)
        self._loading_id = ""
        self._loading_since = 0.0
        self._retry: _RetryWait | None = None
        self._announce_result = False

        self.banner = ErrorBanner(self)
        self.form = ImageForm(self)
        self.labels = LabelsPanel(self)
        self.shown_id: str | None = None
        self._shown_caption = ""
        self.tab_actions: PageActions | None = None
        # The raw view is built when its tab is first looked at; until then the tab is empty.
        self._raw_tab = QWidget(self)
        self._raw_tab.setObjectName("rawResponseTab")
        raw_layout = QVBoxLayout(self._raw_tab)
        raw_layout.setContentsMargins(0, 0, 0, 0)
        self._raw_part = OnFirstUse(self._build_raw_view)
        self.watch_bar = WatchBar(self)
        self.watch_bar.stopRequested.connect(self.stopWatchRequested)
        self.offline_banner = QLabel(self)
        self.offline_banner.setObjectName("offlineBanner")
        self.offline_banner.setAccessibleDescription(_("Offline"))
        self.offline_banner.setTextFormat(Qt.TextFormat.PlainText)
        self.offline_banner.setWordWrap(True)
        self.offline_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.offline_banner.hide()
        self.changes_label = QLabel(self)
        self.changes_label.setObjectName("changesSummary")
        self.changes_label.setAccessibleDescription(_("What changed"))
        self.changes_label.setTextFormat(Qt.TextFormat.PlainText)
        self.changes_label.setWordWrap(True)
        self.changes_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.changes_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.changes_label.hide()
        self._masker: Masker | None = None
        self._view: ImageView | None = None
        self._changes: tuple[ImageChanges, str] | None = None
        self._offline: str | None = None
        self._raw: Callable[[], RawView] | None = None
        self._raw_view: RawView | None = None
        self._error: tuple[Explanation, str] | None = None
        self._policy: Policy | None = None

        bar = QHBoxLayout()
        bar.addWidget(id_label)
        bar.addWidget(self.id_edit, 1)
        bar.addWidget(self.fetch_button)
        bar.addWidget(self.cancel_button)
        scroll = QScrollArea(self)
        scroll.setObjectName("imageFormScroll")
        scroll.setAccessibleName(_("The image's fields"))
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the values inside are the stops
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("imageSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.labels)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.views = QTabWidget(self)
        self.views.setObjectName("pageViews")
        self.views.setDocumentMode(True)
        self.views.setAccessibleName(_("Views of the image"))
        self.views.addTab(self.splitter, _("Image"))
        self.views.addTab(self._raw_tab, _("Raw response"))
        self.views.setTabToolTip(0, _("The image as a form and its labels"))
        self.views.setTabToolTip(1, _("The answer exactly as it came over the wire (Ctrl+U)"))
        self.views.currentChanged.connect(self._view_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.watch_bar)
        layout.addWidget(self.offline_banner)
        layout.addWidget(self.banner)
        layout.addWidget(self.changes_label)
        layout.addWidget(self.views, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot, description in (
            (
                QKeySequence(QKeySequence.StandardKey.Cancel),
                self.cancelRequested.emit,
                _("Cancel the running fetch"),
            ),
            (
                QKeySequence(QKeySequence.StandardKey.Find),
                self.labels.filter.setFocus,
                _("Go to the labels filter"),
            ),
        ):
            shortcut = QShortcut(keys, self, slot)
            shortcut.setContext(context)
            shortcut.setWhatsThis(description)
        self._view_changed(0)
        self._set_busy(False)
        self.form.clear_image(_("No image yet: paste an ID above and press Enter."))
        self.labels.setEnabled(False)
        theme.watch(self._restyle)

    # -- user actions ---------------------------------------------------------------------
    def request_fetch(self) -> None:
        self._announce_result = True
        text = self.id_edit.text()
        if not self.pasted.take(text, fetch=True):  # not text holding IDs: fetch it as typed
            self.fetchRequested.emit(text)

    def refetch(self) -> None:
        if self.shown_id and not self.id_edit.text().strip():
            self.id_edit.setText(self.shown_id)
        self.request_fetch()

    def focus_order(self) -> list[QWidget]:
        """Every possible Tab stop of the page, top to bottom as shown; the window skips the
        hidden ones."""
        form = self.form
        return [
            self.id_edit,
            self.fetch_button,
            self.cancel_button,
            self.watch_bar.stop_button,
            self.watch_bar.dismiss_button,
            *self.banner.focus_order(),
            self.changes_label,
            self.views.tabBar(),
            form.caption,
            *(
                widget
                for key, _english in FIELDS
                for widget in (
                    form.badge if key == "status" else form.values[key],
                    form.details.get(key),
                )
                if widget is not None
            ),
            form.other,
            *self.labels.focus_order(),
            *(raw.focus_order() if (raw := self._raw_part.if_built()) is not None else []),
        ]

    def focus_id(self) -> None:
        self.id_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.id_edit.selectAll()

    @property
    def busy(self) -> bool:
        """A fetch is running in this page."""
        return self.cancel_button.isEnabled()

    def show_raw_response(self) -> None:
        """Switch between the image and the raw answer it came in."""
        self.views.setCurrentWidget(
            self.splitter if self.views.currentWidget() is self._raw_tab else self._raw_tab
        )

    @property
    def raw_view(self) -> RawResponseView:
        """The Raw response tab's view (built on first use)."""
        return self._raw_part.get()

    def _build_raw_view(self) -> RawResponseView:
        from inspector.ui.page.raw_view import RawResponseView

        view = RawResponseView(self._raw_tab)
        view.clear(_("No answer yet."))
        layout = self._raw_tab.layout()
        assert layout is not None
        layout.addWidget(view)
        view.show()  # at once, not on the next turn of the loop: Tab may reach it right away
        return view

    def title(self) -> str:
        """The tab's title: the image's name, else its ID (masked while presenting)."""
        if self.shown_id is None or self._view is None:
            # Nothing shown but an OFFLINE note: a failed call opened from its bundle.
            return _("OFFLINE \u00b7 failed call") if self._offline else _("New tab")
        name = next((f.value for f in self._view.fields if f.key == "name" and f.value), None)
        text = self._mask(name or self.shown_id)
        return _("OFFLINE \u00b7 {title}").format(title=text) if self._offline else text

    def set_policy(self, policy: Policy | None) -> None:
        """Check the shown labels against ``policy`` (None: no policy in use)."""
        self._policy = policy
        if self._view is not None:
            self._render()

    def set_masker(self, masker: Masker | None) -> None:
        """Presenting mode on (a masker) or off (None): everything shown is drawn again."""
        self._masker = masker
        self.id_edit.setEchoMode(
            QLineEdit.EchoMode.Password if masker else QLineEdit.EchoMode.Normal
        )
        if self._view is not None and self.shown_id is not None:
            self._render()
        if self._error is not None and self.banner.isVisible():
            self._show_banner(*self._error)
        self.watch_bar.set_mask(self._mask)
        self.show_offline(self._offline)
        self._raw_view = None
        self._show_raw_if_visible()
        self.titleChanged.emit(self.title())

    def _mask(self, text: str) -> str:
        if self._masker is None or self._view is None:
            return text if self._masker is None else self._masker.text(text)
        folder = next((f.value for f in self._view.fields if f.key == "folderId"), None)
        return self._masker.with_folder(folder).text(text)

    # -- PageView ---------------------------------------------------------------------------
    def show_loading(self, image_id: str) -> None:
        self.banner.hide()
        self.show_offline(None)
        if image_id != self.shown_id and not self.watch_bar.watching:
            self.watch_bar.hide()
        self._loading_id = image_id
        self._loading_since = time.monotonic()
        self._retry = None
        self._set_busy(True)
        if image_id == self.shown_id:
            self.form.caption.setText(
                self._mask(
                    _("Refreshing {id}\u2026 (below: {caption})").format(
                        id=image_id, caption=self._shown_caption
                    )
                )
            )
            self.form.setEnabled(False)
            self.labels.setEnabled(False)
        else:
            self._clear(_("Fetching {id}\u2026").format(id=image_id))

    def show_image(self, image_id: str, view: ImageView, caption: str) -> None:
        self._set_busy(False)
        self.banner.hide()
        self.shown_id = image_id
        self._shown_caption = caption
        self._view = view
        self._changes = None
        self.form.setEnabled(True)
        self.labels.setEnabled(True)
        self._render()
        self.titleChanged.emit(self.title())
        if self._announce_result:
            self._announce_result = False
            name = next((f.value for f in view.fields if f.key == "name" and f.value), None)
            spoken = _("Loaded {name}. {status}").format(
                name=self._mask(name or image_id), status=self.form.badge.accessibleName()
            )
            announce(self, spoken, fallback=self.form.caption)

    def show_raw(self, raw: Callable[[], RawView] | None) -> None:
        """The raw answer, built when the Raw response tab is first looked at."""
        self._raw = raw
        self._raw_view = None
        raw_view = self._raw_part.if_built()
        if raw is None and raw_view is not None:
            raw_view.clear(_("No answer yet."))
        self._show_raw_if_visible()

    def show_changes(self, changes: ImageChanges | None, since: str) -> None:
        """Highlight what changed since ``since`` (None: nothing to compare with)."""
        self._changes = None if changes is None else (changes, since)
        self._render_changes()
        if changes:
            announce(self, self.changes_label.text(), fallback=self.changes_label)

    def show_watch(self, progress: Callable[[], WatchProgress] | None, message: str) -> None:
        self.watch_bar.show_watch(progress, message)

    def show_offline(self, note: str | None) -> None:
        """Mark what is shown as read from a file (``note`` says which and when), or not."""
        self._offline = note
        self.offline_banner.setText(self._mask(note or ""))
        self.offline_banner.setVisible(bool(note))
        self.titleChanged.emit(self.title())

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None:
        self._set_busy(False)
        if not keep_result:
            self._clear(_("No image: fetching {id} failed (see above).").format(id=image_id))
        self._error = (explanation, copy_text)
        self._show_banner(explanation, copy_text)
        self._announce_result = False
        announce(self, self.banner.spoken_summary(), assertive=True, fallback=self.banner.title)

    def show_cancelled(self, image_id: str) -> None:
        self._set_busy(False)
        if image_id == self.shown_id:
            self.form.setEnabled(True)
            self.labels.setEnabled(True)
            self.form.caption.setText(
                self._mask(
                    _("Refresh cancelled; showing {caption}").format(caption=self._shown_caption)
                )
            )
        else:
            self._clear(_("Fetching {id} was cancelled.").format(id=image_id))
        self._announce_result = False
        announce(self, self.form.caption.text(), fallback=self.form.caption)

    def show_retrying(
        self, image_id: str, attempt: int, attempts: int, delay_s: float, *, reason: str
    ) -> None:
        """Count down to the next attempt; Cancel stays enabled throughout the wait."""
        self._retry = _RetryWait(attempt, attempts, time.monotonic() + delay_s, reason)
        self.progress_label.setText(self._retry.text(delay_s))
        announce(self, self.progress_label.text())

    # -- internals --------------------------------------------------------------------------
    def _render(self) -> None:
        """The shown image, through the masker while presenting, with what changed."""
        view = self._view
        assert view is not None
        if self._masker is not None:
            folder = next((f.value for f in view.fields if f.key == "folderId"), None)
            view = self._masker.with_folder(folder).image_view(view)
        self.form.show_image(view, self._mask(self._shown_caption))
        self.labels.set_labels(view.labels, default=view.labels_default)
        self._render_changes()
        self._render_policy()

    def _render_policy(self) -> None:
        """Mark the labels that break the policy, and count them in the badge row."""
        view = self._view
        if self._policy is None or view is None:
            self.form.policy_badge.show_violations([], self._mask)
            self.labels.mark_violations({})
            return
        violations = self._policy.check(dict(view.labels))
        self.form.policy_badge.show_violations(violations, self._mask)
        by_key: dict[str, list[str]] = {}
        for item in violations:
            by_key.setdefault(self._mask(item.key), []).append(self._mask(item.message))
        self.labels.mark_violations({key: "\n".join(found) for key, found in by_key.items()})

    def _render_changes(self) -> None:
        mask = self._mask
        if self._changes is None:
            self.form.mark_changed({})
            self.labels.mark_changed({})
            self.changes_label.hide()
            return
        changes, since = self._changes
        self.form.mark_changed({key: mask(old) for key, old in changes.fields.items()})
        self.labels.mark_changed(
            {mask(key): None if old is None else mask(old) for key, old in changes.labels.items()}
        )
        self.changes_label.setText(mask(changes.summary(_field_labels(), since)))
        removed = "\n".join(f"{key} = {value}" for key, value in changes.removed_labels)
        removed_text = _("Removed labels:\n{labels}").format(labels=removed)
        set_tooltip(self.changes_label, mask(removed_text) if removed else "")
        self.changes_label.setProperty("changed", bool(changes))
        self._restyle()
        self.changes_label.show()

    def _restyle(self) -> None:
        scheme = theme.colours()
        self.offline_banner.setStyleSheet(
            theme.banner_style("QLabel#offlineBanner", scheme.demo)
            + " QLabel#offlineBanner { padding: 6px; font-weight: 600; }"
        )
        pair = scheme.changed if self.changes_label.property("changed") else scheme.info
        self.changes_label.setStyleSheet(
            theme.banner_style("QLabel#changesSummary", pair)
            + " QLabel#changesSummary { padding: 4px; }"
        )

    def _show_banner(self, explanation: Explanation, copy_text: str) -> None:
        if self._masker is not None:
            mask = self._mask
            explanation = dataclasses.replace(
                explanation,
                title=mask(explanation.title),
                message=None if explanation.message is None else mask(explanation.message),
                details=[mask(detail) for detail in explanation.details],
            )
        self.banner.show_error(explanation, copy_text)

    def _view_changed(self, index: int) -> None:
        """Name the pages' stack after the view shown, so it is not an unnamed pane."""
        stack = self.views.findChild(
            QStackedWidget, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if stack is not None:
            stack.setAccessibleName(self.views.tabText(index))
        self._show_raw_if_visible()

    def _show_raw_if_visible(self) -> None:
        if self.views.currentWidget() is not self._raw_tab:
            return
        raw_view = self.raw_view  # built now, when it is first looked at
        if self._raw is None:
            return
        if self._raw_view is None:
            self._raw_view = self._raw()
        raw_view.show_view(self._raw_view, self._mask)

    def _clear(self, caption: str) -> None:
        self.shown_id = None
        self._shown_caption = ""
        self._view = None
        self._changes = None
        self.form.setEnabled(True)
        self.form.clear_image(caption)
        self.labels.set_labels([], default=None)
        self.labels.setEnabled(False)
        self.changes_label.hide()
        self.show_raw(None)
        self.titleChanged.emit(self.title())

    def _set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        self.progress_label.setVisible(busy)
        if busy:
            self._tick()
            self._progress_timer.start()
        else:
            self._progress_timer.stop()

    def _tick(self) -> None:
        now = time.monotonic()
        retry = self._retry
        if retry is not None and now < retry.at:
            self.progress_label.setText(retry.text(retry.at - now))
            return
        elapsed = f"{now - self._loading_since:.1f}".replace(".", conventions().decimal)
        if retry:
            text = _("Fetching {id} (attempt {attempt} of {attempts})\u2026 {seconds} s")
            text = text.format(
                id=self._loading_id,
                attempt=retry.attempt,
                attempts=retry.attempts,
                seconds=elapsed,
            )
        else:
            text = _("Fetching {id}\u2026 {seconds} s").format(id=self._loading_id, seconds=elapsed)
        self.progress_label.setText(text)


@dataclass(frozen=True, slots=True)
class _RetryWait:
    """The wait before a retry, as the progress label counts it down."""

    attempt: int
    attempts: int
    at: float
    reason: str

    def text(self, seconds_left: float) -> str:
        """Whole seconds, rounded up: a wait of 0.3 s reads "Retrying in 1 s"."""
        seconds = max(1, math.ceil(seconds_left))
        return _("Retrying in {seconds} s (attempt {attempt} of {attempts}): {reason}").format(
            seconds=seconds, attempt=self.attempt, attempts=self.attempts, reason=self.reason
        )
