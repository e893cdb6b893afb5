"""Build the window's menus from :mod:`inspector.ui.window.action_table`.

The builder knows Qt and nothing of what the actions do: each row becomes a ``QAction`` named
after its id, with its keys, tooltip and handler; a choice menu becomes a group of checkable
actions. Whether an action is enabled is asked of the window through :meth:`Menus.sync`, so
an action's condition is written once, in its row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from inspector.i18n import _
from inspector.ui.window.action_table import (
    MENUS,
    ActionId,
    ActionSpec,
    ChoiceMenu,
    Choices,
    Intents,
    When,
)


def _make_action(spec: ActionSpec, window: QMainWindow, target: Intents) -> QAction:
    action = QAction(_(spec.text), parent=window)  # by keyword: see page_parts
    action.setObjectName(spec.id.value)
    standard = QKeySequence.keyBindings(spec.standard) if spec.standard is not None else []
    action.setShortcuts(standard or ([QKeySequence(spec.keys)] if spec.keys else []))
    if spec.tip:
        action.setToolTip(_(spec.tip))
    if (run := spec.run) is not None:
        action.triggered.connect(lambda _checked=False: run(target))
    if (toggle := spec.toggle) is not None:
        action.setCheckable(True)
        action.toggled.connect(lambda on: toggle(target, on))
    return action


def _fill_choices(
    spec: ChoiceMenu[Any], menu: QMenu, window: QMainWindow, target: Intents
) -> dict[Any, QAction]:
    group = QActionGroup(window)
    actions: dict[Any, QAction] = {}
    for index, (value, text) in enumerate(spec.options()):
        action = QAction(text, parent=group)
        action.setObjectName(f"{spec.id.value}{str(value).title()}Action")
        action.setCheckable(True)
        action.setChecked(index == 0)
        action.triggered.connect(lambda _checked=False, v=value: spec.choose(target, v))
        actions[value] = action
        menu.addAction(action)
    return actions


class Menus:
    """The window's menu bar, built from the table: its actions by id, its choice groups."""

    def __init__(self, window: QMainWindow, target: Intents, on_show: Callable[[], None]) -> None:
        self.actions: dict[ActionId, QAction] = {}
        self.choices: dict[Choices, dict[Any, QAction]] = {}
        self._conditions: dict[ActionId, When] = {}
        for spec in MENUS:
            menu = window.menuBar().addMenu(_(spec.title))
            menu.aboutToShow.connect(on_show)  # what it offers is current when it opens
            for item in spec.items:
                if item is None:
                    menu.addSeparator()
                elif isinstance(item, ChoiceMenu):
                    submenu = menu.addMenu(_(item.title))
                    self.choices[item.id] = _fill_choices(item, submenu, window, target)
                else:
                    self.actions[item.id] = action = _make_action(item, window, target)
                    self._conditions[item.id] = item.enabled_when
                    menu.addAction(action)

    def __getitem__(self, action_id: ActionId) -> QAction:
        return self.actions[action_id]

    def check(self, choices: Choices, value: object) -> None:
        """Check ``value`` among ``choices`` (a saved choice, or one just made)."""
        self.choices[choices][value].setChecked(True)

    def sync(self, blocker: Callable[[When], str | None]) -> None:
        """Enable each action whose condition holds; ``blocker`` says why one does not (the
        action's status tip), None when it holds."""
        for action_id, when in self._conditions.items():
            if when is When.ALWAYS:
                continue
            reason = blocker(when)
            action = self.actions[action_id]
            action.setEnabled(reason is None)
            action.setStatusTip(reason or "")
