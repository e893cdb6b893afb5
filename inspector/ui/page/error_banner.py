"""The in-window error banner: everything support asks for, selectable, one click to copy.

A banner rather than a modal dialog: the operator keeps typing, and a modal ``exec()`` inside
the asyncio loop would nest event loops.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import _, pgettext
from inspector.ui import theme
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets import accessibility
from inspector.ui.widgets.inert import plain, readable, shrinkable

if TYPE_CHECKING:
    from inspector.present.errors import Explanation
    from inspector.ui.widgets.value_label import ValueLabel

_ID_OBJECT_NAMES = {
    "x-client-request-id": "clientRequestIdValue",
    "x-request-id": "requestIdValue",
    "x-server-trace-id": "serverTraceIdValue",
}


class ErrorBanner(QFrame):
    """Hidden until :meth:`show_error`; rebuilt for each error (a handful of rows).

    Exposed to screen readers as an alert; its title, values and hint are Tab stops in the
    order shown (:meth:`focus_order`), each value named by its row ("HTTP status: 404").
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorBanner")
        self.setAccessibleName(_("Error"))
        accessibility.mark_alert(self)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.title = shrinkable(plain(QLabel(self)))  # a redirect's target, a server's words
        self.title.setObjectName("errorTitle")
        readable(self.title)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.copy_ids_button = QPushButton(_("Copy request I&Ds"), self)
        self.copy_ids_button.setToolTip(_("Copy the request IDs support asks for"))
        self.copy_ids_button.setObjectName("copyRequestIdsButton")
        self.copy_ids_button.clicked.connect(self.copy_request_ids)
        self.copy_all_button = QPushButton(_("Copy err&or"), self)
        self.copy_all_button.setToolTip(_("Copy the whole error as text"))
        self.copy_all_button.setObjectName("copyErrorButton")
        self.copy_all_button.clicked.connect(self.copy_error)
        close = QToolButton(self)
        close.setObjectName("dismissErrorButton")
        close.setText("\u2715")
        close.setToolTip(_("Dismiss"))
        close.setAccessibleName(_("Dismiss error"))
        close.clicked.connect(self.hide)
        self.dismiss_button = close
        top.addWidget(self.title, 1)
        top.addWidget(self.copy_ids_button)
        top.addWidget(self.copy_all_button)
        top.addWidget(close)
        layout.addLayout(top)
        self._rows_host = QWidget(self)
        self._grid = QGridLayout(self._rows_host)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        layout.addWidget(self._rows_host)
        self.hint = plain(QLabel(self))
        self.hint.setObjectName("errorHint")
        readable(self.hint)
        layout.addWidget(self.hint)
        self.values: dict[str, ValueLabel] = {}
        self._ids: list[tuple[str, str]] = []
        self._copy_text = ""
        self.hide()
        theme.watch(self._restyle)

    def focus_order(self) -> list[QWidget]:
        """The banner's Tab stops in reading order: title, buttons, the values, the hint."""
        return [
            self.title,
            self.copy_ids_button,
            self.copy_all_button,
            self.dismiss_button,
            *self.values.values(),
            self.hint,
        ]

    def spoken_summary(self) -> str:
        """What is announced when the error appears: the title and what to do."""
        title, hint = self.title.text(), self.hint.text()
        if not hint:
            return title
        return f"{title} {hint}" if title.endswith((".", "!", "?", ":")) else f"{title}. {hint}"

    def _restyle(self) -> None:
        self.setStyleSheet(theme.banner_style("QFrame#errorBanner", theme.colours().error))

    def show_error(self, explanation: Explanation, copy_text: str) -> None:
        """Show ``explanation``; ``copy_text`` is what *Copy error* puts on the clipboard."""
        from inspector.ui.widgets.value_label import ValueLabel  # after the first frame

        while self._grid.count():
            item = self._grid.takeAt(0)
            if item is not None and (widget := item.widget()):
                widget.deleteLater()
        self.values = {}
        self.title.setText(explanation.title)
        rows: list[tuple[str, str, str]] = []
        if explanation.http_status:
            rows.append(("httpStatusValue", _("HTTP status"), explanation.http_status))
        if explanation.grpc_code:
            rows.append(
                ("grpcCodeValue", pgettext("error row", "gRPC code"), explanation.grpc_code)
            )
        if explanation.message:
            rows.append(("errorMessageValue", _("Message"), explanation.message))
        if explanation.details:
            details = "\n".join(explanation.details)
            rows.append(("errorDetailsValue", _("Details"), details))
        for name, value in explanation.request_ids:
            rows.append((_ID_OBJECT_NAMES.get(name, f"{name}Value"), name, value))
        for row, (object_name, label, value) in enumerate(rows):
            caption = plain(QLabel(_("{label}:").format(label=label), self._rows_host))
            caption.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
            widget = shrinkable(ValueLabel(object_name, label, self._rows_host, row_label=caption))
            widget.set_value(value)
            self.values[object_name] = widget
            self._grid.addWidget(caption, row, 0)
            self._grid.addWidget(widget, row, 1)
        hint = _("What to do: {hint}").format(hint=explanation.hint)
        self.hint.setText(hint if explanation.hint else "")
        self.hint.setVisible(bool(explanation.hint))
        self._ids = list(explanation.request_ids)
        self.copy_ids_button.setVisible(bool(self._ids))
        self._copy_text = copy_text
        self.setAccessibleDescription(copy_text)
        self.show()

    def request_ids_text(self) -> str:
        return "".join(f"{name}: {value}\n" for name, value in self._ids)

    def copy_request_ids(self) -> None:
        QGuiApplication.clipboard().setText(self.request_ids_text())

    def copy_error(self) -> None:
        QGuiApplication.clipboard().setText(self._copy_text)
