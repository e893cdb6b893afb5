"""The quiet note beside a value: "default" when the body left the field out, or a problem.

A default is a real value (proto3 JSON omits fields holding their default), so the note is
muted, not a warning; its tooltip and accessible description say why the value is not in the
body. A problem (an answer without an image ID) uses the same place, in the warning colour.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from inspector.i18n import _
from inspector.present.defaults import DEFAULT_EXPLANATION, DEFAULT_MARK
from inspector.ui import theme
from inspector.ui.widgets.inert import plain


class FieldNote(QLabel):
    """Hidden unless the shown value is a default (:meth:`show_default`) or abnormal."""

    def __init__(self, object_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        plain(self)
        self.problem = False
        self.clear_note()
        theme.watch(self._restyle)

    def clear_note(self) -> None:
        self.setText("")
        self.setToolTip("")
        self.setAccessibleName("")
        self.setAccessibleDescription("")
        self.setVisible(False)

    def show_default(self) -> None:
        self._show(_(DEFAULT_MARK), _(DEFAULT_EXPLANATION), problem=False)

    def show_problem(self, text: str) -> None:
        self._show(text, text, problem=True)

    def _show(self, text: str, explanation: str, *, problem: bool) -> None:
        self.problem = problem
        self.setText(text)
        self.setToolTip(explanation)
        self.setAccessibleName(text)
        self.setAccessibleDescription(explanation)
        self.setVisible(True)
        self._restyle()

    def _restyle(self) -> None:
        scheme = theme.colours()
        colour = scheme.error.text if self.problem else scheme.secondary_text
        # The italic in the rule too: reading the widget's font would make Qt's QFont type
        # for the first frame (2 ms), where every note is hidden.
        style = "normal" if self.problem else "italic"
        rule = f"QLabel#{self.objectName()} {{ color: {colour}; font-style: {style}; }}"
        theme.set_style(self, rule)
