"""One image inspector: the ID bar, progress, the error banner, the form and the labels.

Self-contained so several can later live in tabs. It never does HTTP: it emits
``fetchRequested`` / ``cancelRequested`` and is told what to show through the methods that
make up the controller's ``PageView`` protocol.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

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
    QVBoxLayout,
    QWidget,
)

from inspector.ui.error_banner import ErrorBanner
from inspector.ui.image_form import ImageForm
from inspector.ui.labels_table import LabelsPanel

if TYPE_CHECKING:
    from inspector.present.errors import Explanation
    from inspector.present.image import ImageView


class ImagePage(QWidget):
    """The inspector for one image at a time."""

    fetchRequested = Signal(str)
    cancelRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("imagePage")
        self.id_edit = QLineEdit(self)
        self.id_edit.setObjectName("imageIdEdit")
        self.id_edit.setAccessibleName("Image ID")
        self.id_edit.setPlaceholderText("Paste an image ID, e.g. e3vc67qdve8q12345678")
        self.id_edit.setClearButtonEnabled(True)
        self.id_edit.returnPressed.connect(self.request_fetch)
        id_label = QLabel("Image &ID:", self)
        id_label.setBuddy(self.id_edit)
        self.fetch_button = QPushButton("&Fetch", self)
        self.fetch_button.setObjectName("fetchButton")
        self.fetch_button.setToolTip("Fetch the image (Enter)")
        self.fetch_button.clicked.connect(self.request_fetch)
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.setToolTip("Cancel the running fetch (Esc)")
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancelRequested)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("fetchProgress")
        self.progress.setAccessibleName("Fetch in progress")
        self.progress.setRange(0, 0)
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress_label = QLabel(self)
        self.progress_label.setObjectName("fetchProgressLabel")
        self._progress_timer = QTimer(self)
        self._progress_timer.setInterval(100)
        self._progress_timer.timeout.connect(self._tick)
        self._loading_id = ""
        self._loading_since = 0.0

        self.banner = ErrorBanner(self)
        self.form = ImageForm(self)
        self.labels = LabelsPanel(self)
        self.shown_id: str | None = None
        self._shown_caption = ""

        bar = QHBoxLayout()
        bar.addWidget(id_label)
        bar.addWidget(self.id_edit, 1)
        bar.addWidget(self.fetch_button)
        bar.addWidget(self.cancel_button)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.splitter.setObjectName("imageSplitter")
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(self.labels)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.banner)
        layout.addWidget(self.splitter, 1)

        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence(Qt.Key.Key_Escape), self.cancelRequested.emit),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_L), self.focus_id),
            (QKeySequence(QKeySequence.StandardKey.Refresh), self.refetch),
            (QKeySequence(QKeySequence.StandardKey.Find), self.labels.filter.setFocus),
        ):
            shortcut = QShortcut(keys, self, slot)
            shortcut.setContext(context)
        self._set_busy(False)
        self.form.clear_image("No image yet: paste an ID above and press Enter.")
        self.labels.setEnabled(False)

    # -- user actions ---------------------------------------------------------------------
    def request_fetch(self) -> None:
        self.fetchRequested.emit(self.id_edit.text())

    def refetch(self) -> None:
        if self.shown_id and not self.id_edit.text().strip():
            self.id_edit.setText(self.shown_id)
        self.request_fetch()

    def focus_id(self) -> None:
        self.id_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.id_edit.selectAll()

    # -- PageView ---------------------------------------------------------------------------
    def show_loading(self, image_id: str) -> None:
        self.banner.hide()
        self._loading_id = image_id
        self._loading_since = time.monotonic()
        self._set_busy(True)
        if image_id == self.shown_id:
            self.form.caption.setText(f"Refreshing {image_id}\u2026 (below: {self._shown_caption})")
            self.form.setEnabled(False)
            self.labels.setEnabled(False)
        else:
            self._clear(f"Fetching {image_id}\u2026")

    def show_image(self, image_id: str, view: ImageView, caption: str) -> None:
        self._set_busy(False)
        self.banner.hide()
        self.shown_id = image_id
        self._shown_caption = caption
        self.form.setEnabled(True)
        self.form.show_image(view, caption)
        self.labels.setEnabled(True)
        self.labels.set_labels(view.labels, sent=view.labels_sent)

    def show_error(
        self, image_id: str | None, explanation: Explanation, copy_text: str, *, keep_result: bool
    ) -> None:
        self._set_busy(False)
        if not keep_result:
            self._clear(f"No image: fetching {image_id} failed (see above).")
        self.banner.show_error(explanation, copy_text)

    def show_cancelled(self, image_id: str) -> None:
        self._set_busy(False)
        if image_id == self.shown_id:
            self.form.setEnabled(True)
            self.labels.setEnabled(True)
            self.form.caption.setText(f"Refresh cancelled; showing {self._shown_caption}")
        else:
            self._clear(f"Fetching {image_id} was cancelled.")

    # -- internals --------------------------------------------------------------------------
    def _clear(self, caption: str) -> None:
        self.shown_id = None
        self._shown_caption = ""
        self.form.setEnabled(True)
        self.form.clear_image(caption)
        self.labels.set_labels([], sent=None)
        self.labels.setEnabled(False)

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
        elapsed = time.monotonic() - self._loading_since
        self.progress_label.setText(f"Fetching {self._loading_id}\u2026 {elapsed:.1f} s")
