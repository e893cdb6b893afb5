"""Help > Keyboard Shortcuts: every shortcut of the window, read from the window itself.

The list is collected from the window's actions and shortcuts when it opens, so it cannot
drift from what the keys really do; a shortcut without a description is a bug the tests catch.
"""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector.i18n import N_, _
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.inert import plain


def _keys_text(sequences: list[QKeySequence]) -> str:
    """The first binding, as menus show it, in the platform's own notation (``Ctrl+Q``, ``⌘Q``).

    Further bindings are mostly dedicated keys few keyboards have (``Copy``, ``Refresh``).
    """
    for sequence in sequences:
        if text := sequence.toString(QKeySequence.SequenceFormat.NativeText):
            return text
    return ""


# Keys the window understands that no action or shortcut names: Qt's own, and the page's.
_KEYS_WITHOUT_ACTIONS = (
    (N_("Enter"), N_("Fetch the ID typed; list the folder typed; open a row")),
    (N_("Tab, Shift+Tab"), N_("Move between fields, buttons and tables")),
    (N_("Alt+underlined letter"), N_("Press that button or go to that field")),
    (N_("Ctrl+Tab, Ctrl+Shift+Tab"), N_("Next or previous tab")),
    (N_("Menu key, Shift+F10"), N_("A value's menu: copy it whole")),
)


def keys_without_actions() -> list[tuple[str, str]]:
    """The window's keys that no action names, with what they do, in the language in use."""
    return [(_(keys), _(what)) for keys, what in _KEYS_WITHOUT_ACTIONS]


def action_text(action: QAction) -> str:
    """An action's menu text without its mnemonic marks (``&Quit -> Quit``)."""
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&")


def shortcut_entries(root: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) of every action and shortcut under ``root``, each once.

    An action says what it does with its text; a bare ``QShortcut`` with its ``whatsThis``.
    """
    entries: list[tuple[str, str]] = []
    for action in root.findChildren(QAction):
        if keys := _keys_text(action.shortcuts()):
            entries.append((keys, action_text(action)))
    for shortcut in root.findChildren(QShortcut):
        if keys := _keys_text([shortcut.key()]):
            entries.append((keys, shortcut.whatsThis()))
    return list(dict.fromkeys(entries))


class ShortcutsDialog(QDialog):
    """A read-only table of keys and what they do; opened with ``open()``, never ``exec()``."""

    def __init__(self, window: QWidget, extra: list[tuple[str, str]] | None = None) -> None:
        super().__init__(window)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(_("Keyboard Shortcuts"))
        self.setAccessibleName(_("Keyboard shortcuts"))
        self.setAccessibleDescription(_("Every key combination the window understands"))
        entries = shortcut_entries(window) + list(extra or [])
        intro = plain(QLabel(_("Everything in the window can be reached with the keyboard:"), self))
        intro.setWordWrap(True)
        self.table = QTableWidget(len(entries), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(_("Shortcuts"))
        self.table.setAccessibleDescription(
            _("Keys in the first column, what they do in the second")
        )
        self.table.setHorizontalHeaderLabels([_("Keys"), _("Action")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.horizontalHeader().setStretchLastSection(True)
        for row, (keys, description) in enumerate(entries):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(description))
        self.entries = entries
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(560, 420)
