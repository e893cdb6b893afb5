"""One image inspector: the ID bar, progress, the error banner, the form and the labels.

Self-contained, so each tab of the window has its own. It never does HTTP: it emits
``fetchRequested`` / ``cancelRequested`` / ``stopWatchRequested`` / ``watchTickRequested`` and is
told what to show through the methods that make up the tab controller's ``TabPage`` protocol,
each of which moves the page's :class:`~inspector.core.page_state.PageState` on and draws it (the
watch line draws the :class:`~inspector.core.watch_state.WatchState` it is given). Whoever opens
an ID in it calls :meth:`ImagePage.open`. The page knows nothing of its controller: the window's
tab set keeps which controller belongs to which page. In presenting mode every text it shows goes
through the window's masker first.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QLineEdit,
    QWidget,
)

from inspector.core.page_state import PageState
from inspector.i18n import _
from inspector.ui import theme
from inspector.ui.dialogs.pasted_ids import PastedIds
from inspector.ui.page.fetch_progress import FetchProgress
from inspector.ui.page.image_form import FIELDS, ImageForm
from inspector.ui.page.labels_table import LabelsPanel
from inspector.ui.page.marks import mark_changes, mark_violations, masked_explanation
from inspector.ui.page.page_parts import (
    add_shortcuts,
    build_changes_label,
    build_id_bar,
    build_offline_banner,
    build_views,
    lay_out_page,
    lazy_error_banner,
)
from inspector.ui.page.raw_tab import RawTab
from inspector.ui.page.watch_bar import WatchBar
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.accessibility import announce, name_tab_stack

if TYPE_CHECKING:
    from inspector.core.policy import Policy
    from inspector.core.watch_state import WatchState
    from inspector.present.diff import ImageChanges
    from inspector.present.errors import Explanation
    from inspector.present.image import ImageView
    from inspector.present.presenting import Masker
    from inspector.present.raw import RawView
    from inspector.ui.page.error_banner import ErrorBanner
    from inspector.ui.page.raw_view import RawResponseView

Key = QKeySequence.StandardKey


class ImagePage(QWidget):
    """The inspector for one image at a time."""

    fetchRequested = Signal(str)
    browseFolderRequested = Signal(str)  # a folder ID found in pasted text
    cancelRequested = Signal()
    stopWatchRequested = Signal()
    watchTickRequested = Signal()  # a second has passed on the watch line
    titleChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, values_later: bool = False) -> None:
        """``values_later``: the form's values and the labels model wait for
        :meth:`build_later_parts` (the first page: its first frame paints sooner)."""
        super().__init__(parent)
        self.setObjectName("imagePage")
        self.state = PageState()
        bar = build_id_bar(self)
        self.id_edit, self.fetch_button, self.cancel_button = bar.edit, bar.fetch, bar.cancel
        self.id_edit.returnPressed.connect(self.request_fetch)
        self.pasted = PastedIds(self.id_edit, lambda text: self._mask(text))
        self.pasted.fetchChosen.connect(self.fetchRequested)
        self.pasted.folderChosen.connect(self.browseFolderRequested)
        self.fetch_button.clicked.connect(self.request_fetch)
        self.cancel_button.clicked.connect(self.cancelRequested)
        self.fetch_progress = FetchProgress(self, lambda: self.state)
        self.progress, self.progress_label = self.fetch_progress.bar, self.fetch_progress.label
        self._announce_result = False
        self.form = ImageForm(self, values_later=values_later)
        self.labels = LabelsPanel(self, model_later=values_later)
        self._raw = RawTab(self)
        self.watch_bar = WatchBar(self)
        self.watch_bar.stopRequested.connect(self.stopWatchRequested)
        self.watch_bar.tickRequested.connect(self.watchTickRequested)
        self.offline_banner = build_offline_banner(self)
        self.changes_label = build_changes_label(self)
        self._banner = lazy_error_banner(self, above=self.changes_label)
        self._masker: Masker | None = None
        self._policy: Policy | None = None
        self.splitter, self.views = build_views(self, self.form, self.labels, self._raw.tab)
        self.views.currentChanged.connect(self._view_changed)
        notes = [self.progress, self.progress_label, self.watch_bar, self.offline_banner]
        lay_out_page(self, bar, [*notes, self.changes_label], self.views)
        cancel = (Key.Cancel, self.cancelRequested.emit, _("Cancel the running fetch"))
        find = (Key.Find, self.labels.filter.setFocus, _("Go to the labels filter"))
        add_shortcuts(self, [cancel, find])
        self._view_changed(0)
        self._set_busy(False)
        self.form.clear_image(_("No image yet: paste an ID above and press Enter."))
        self.labels.setEnabled(False)
        theme.watch(self._restyle)

    def build_later_parts(self) -> None:
        """What a page made with ``values_later`` left out of the first frame: the form's
        value widgets and the labels model (which builds Qt's namespace: see qt_namespace)."""
        self.form.build_values()
        self.labels.attach_model()

    # -- user actions ---------------------------------------------------------------------
    def request_fetch(self) -> None:
        self._announce_result = True
        text = self.id_edit.text()
        if not self.pasted.take(text, fetch=True):  # not text holding IDs: fetch it as typed
            self.fetchRequested.emit(text)

    def open(self, image_id: str) -> None:
        """Fetch ``image_id`` (or text holding IDs) as if typed into the ID field: the one way
        in for an ID from elsewhere (the demo list, the history, the browser, a launch)."""
        self.id_edit.setText(image_id)
        self.request_fetch()

    def refetch(self) -> None:
        if self.shown_id and not self.id_edit.text().strip():
            self.id_edit.setText(self.shown_id)
        self.request_fetch()

    @property
    def shown_id(self) -> str | None:
        """The ID of the image the form shows, if any."""
        return self.state.shown_id

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
            *(banner.focus_order() if (banner := self._banner.if_built()) else []),
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
            *(raw.focus_order() if (raw := self._raw.part.if_built()) is not None else []),
        ]

    def focus_id(self) -> None:
        self.id_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.id_edit.selectAll()

    @property
    def busy(self) -> bool:
        """A fetch is running in this page."""
        return self.state.busy

    @property
    def free(self) -> bool:
        """Nothing shown, nothing running and nothing typed: an ID handed over may use it."""
        return self.shown_id is None and not self.busy and not self.id_edit.text().strip()

    def show_raw_response(self) -> None:
        """Switch between the image and the raw answer it came in."""
        self.views.setCurrentWidget(
            self.splitter if self.views.currentWidget() is self._raw.tab else self._raw.tab
        )

    @property
    def raw_view(self) -> RawResponseView:
        """The Raw response tab's view (built on first use)."""
        return self._raw.part.get()

    def title(self) -> str:
        """The tab's title: the image's name, else its ID (masked while presenting)."""
        shown, offline = self.state.shown, self.state.offline
        if shown is None:
            # Nothing shown but an OFFLINE note: a failed call opened from its bundle.
            return _("OFFLINE \u00b7 failed call") if offline else _("New tab")
        name = next((f.value for f in shown.view.fields if f.key == "name" and f.value), None)
        text = self._mask(name or shown.image_id)
        return _("OFFLINE \u00b7 {title}").format(title=text) if offline else text

    def set_policy(self, policy: Policy | None) -> None:
        """Check the shown labels against ``policy`` (None: no policy in use)."""
        self._policy = policy
        if self.state.shown is not None:
            self._render()

    def set_masker(self, masker: Masker | None) -> None:
        """Presenting mode on (a masker) or off (None): everything shown is drawn again."""
        self._masker = masker
        self.id_edit.setEchoMode(
            QLineEdit.EchoMode.Password if masker else QLineEdit.EchoMode.Normal
        )
        if self.state.shown is not None:
            self._render()
        banner = self._banner.if_built()
        if self.state.error is not None and banner is not None and banner.isVisible():
            self._show_banner(*self.state.error)
        self.watch_bar.set_mask(self._mask)
        self.show_offline(self.state.offline)
        self._raw.forget_built()
        self._show_raw_if_visible()
        self.titleChanged.emit(self.title())

    def _mask(self, text: str) -> str:
        shown = self.state.shown
        if self._masker is None or shown is None:
            return text if self._masker is None else self._masker.text(text)
        folder = next((f.value for f in shown.view.fields if f.key == "folderId"), None)
        return self._masker.with_folder(folder).text(text)

    # -- PageView ---------------------------------------------------------------------------
    def show_loading(self, image_id: str) -> None:
        if (banner := self._banner.if_built()) is not None:
            banner.hide()
        self.show_offline(None)
        if image_id != self.shown_id:
            self.watch_bar.dismiss()  # an ended watch's note is about the image going away
        self.state = self.state.loading(image_id, time.monotonic())
        self._set_busy(True)
        if (shown := self.state.shown) is not None:
            self.form.caption.setText(
                self._mask(
                    _("Refreshing {id}\u2026 (below: {caption})").format(
                        id=image_id, caption=shown.caption
                    )
                )
            )
            self.form.setEnabled(False)
            self.labels.setEnabled(False)
        else:
            self._clear(_("Fetching {id}\u2026").format(id=image_id))

    def show_image(self, image_id: str, view: ImageView, caption: str) -> None:
        self.state = self.state.answered(image_id, view, caption)
        self._set_busy(False)
        if (banner := self._banner.if_built()) is not None:
            banner.hide()
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
        self._raw.set_source(raw)
        self._show_raw_if_visible()

    def show_changes(self, changes: ImageChanges | None, since: str) -> None:
        """Highlight what changed since ``since`` (None: nothing to compare with)."""
        self.state = self.state.with_changes(changes, since)
        self._render_changes()
        if changes:
            announce(self, self.changes_label.text(), fallback=self.changes_label)

    def show_watch(self, state: WatchState) -> None:
        self.watch_bar.show_state(state)

    def show_offline(self, note: str | None) -> None:
        """Mark what is shown as read from a file (``note`` says which and when), or not."""
        self.state = self.state.with_offline(note)
        self.offline_banner.setText(self._mask(note or ""))
        self.offline_banner.setVisible(bool(note))
        self.titleChanged.emit(self.title())

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None:
        self.state = self.state.failed(explanation, copy_text, keep_result=keep_result)
        self._set_busy(False)
        if not keep_result:
            self._clear(_("No image: fetching {id} failed (see above).").format(id=image_id))
        self._show_banner(explanation, copy_text)
        self._announce_result = False
        announce(self, self.banner.spoken_summary(), assertive=True, fallback=self.banner.title)

    def show_cancelled(self, image_id: str) -> None:
        self.state = self.state.cancelled(image_id)
        self._set_busy(False)
        if (shown := self.state.shown) is not None:
            self.form.setEnabled(True)
            self.labels.setEnabled(True)
            self.form.caption.setText(
                self._mask(_("Refresh cancelled; showing {caption}").format(caption=shown.caption))
            )
        else:
            self._clear(_("Fetching {id} was cancelled.").format(id=image_id))
        self._announce_result = False
        announce(self, self.form.caption.text(), fallback=self.form.caption)

    def show_retrying(
        self, image_id: str, attempt: int, attempts: int, delay_s: float, *, reason: str
    ) -> None:
        """Count down to the next attempt; Cancel stays enabled throughout the wait."""
        self.state = self.state.retrying(attempt, attempts, time.monotonic() + delay_s, reason)
        assert self.state.retry is not None
        self.progress_label.setText(self.state.retry.text(delay_s))
        announce(self, self.progress_label.text())

    # -- internals --------------------------------------------------------------------------
    def _render(self) -> None:
        """The shown image, through the masker while presenting, with what changed."""
        shown = self.state.shown
        assert shown is not None
        view = shown.view
        if self._masker is not None:
            folder = next((f.value for f in view.fields if f.key == "folderId"), None)
            view = self._masker.with_folder(folder).image_view(view)
        self.form.show_image(view, self._mask(shown.caption))
        self.labels.set_labels(view.labels, default=view.labels_default)
        self._render_changes()
        self._render_policy()

    def _render_policy(self) -> None:
        """Mark the labels that break the policy (nothing without a policy or an image)."""
        shown, policy = self.state.shown, self._policy
        found = [] if policy is None or shown is None else policy.check(dict(shown.view.labels))
        mark_violations(self.form, self.labels, found, self._mask)

    def _render_changes(self) -> None:
        mark_changes(self.form, self.labels, self.changes_label, self.state.changes, self._mask)
        if self.state.changes is not None:
            self._restyle()
            self.changes_label.show()

    def _restyle(self) -> None:
        scheme = theme.colours()
        theme.set_style(
            self.offline_banner,
            theme.banner_style("QLabel#offlineBanner", scheme.demo)
            + " QLabel#offlineBanner { padding: 6px; font-weight: 600; }",
        )
        pair = scheme.changed if self.changes_label.property("changed") else scheme.info
        theme.set_style(
            self.changes_label,
            theme.banner_style("QLabel#changesSummary", pair)
            + " QLabel#changesSummary { padding: 4px; }",
        )

    @property
    def banner(self) -> ErrorBanner:
        """The error banner, above the views (built, hidden, at the first error)."""
        return self._banner.get()

    def _show_banner(self, explanation: Explanation, copy_text: str) -> None:
        if self._masker is not None:
            explanation = masked_explanation(explanation, self._mask)
        self.banner.show_error(explanation, copy_text)

    def _view_changed(self, _index: int) -> None:
        """Name the pages' stack after the view shown, so it is not an unnamed pane."""
        name_tab_stack(self.views)
        self._show_raw_if_visible()

    def _show_raw_if_visible(self) -> None:
        self._raw.show_if_visible(self.views.currentWidget(), self._mask)

    def _clear(self, caption: str) -> None:
        """Nothing shown (the state has already dropped the answer): ``caption`` says why."""
        self.form.setEnabled(True)
        self.form.clear_image(caption)
        self.labels.set_labels([], default=None)
        self.labels.setEnabled(False)
        self.changes_label.hide()
        self.show_raw(None)
        self.titleChanged.emit(self.title())

    def _set_busy(self, busy: bool) -> None:
        self.cancel_button.setEnabled(busy)
        self.fetch_progress.show(busy)
