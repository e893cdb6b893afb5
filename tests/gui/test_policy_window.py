"""The label policy in the window: the badge row counts the violations, the label table marks
them, and a broken policy file is said in a warning, never skipped in silence."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QMessageBox, QTableView
from pytestqt.qtbot import QtBot

from inspector.core.policy import default_policy_path
from inspector.ui import theme
from inspector.ui.app import load_policy
from tests.gui.test_aids import ACTIVE, Aids, aids, fetch, in_page, label

__all__ = ["aids"]  # the fixture, shared with the first round of aids

POLICY = """\
[labels.owner]
required = true
[labels.env]
allowed = ["prod", "test", "dev"]
message = "env is one of three"
[labels.tmp]
forbidden = true
"""


def write_policy(text: str) -> Path:
    path = default_policy_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_violations_are_counted_in_the_badge_row_and_marked_in_the_table(
    qtbot: QtBot, aids: Aids
) -> None:
    write_policy(POLICY)
    load_policy(aids.window, None)
    fetch(qtbot, aids, ACTIVE)  # env = production
    badge = in_page(aids, QLabel, "policyBadge")
    assert badge.isVisible()
    assert badge.text() == "\u26a0 1 policy violation"
    assert "env (allowed): env is one of three" in badge.toolTip()
    assert badge.textFormat() == Qt.TextFormat.PlainText
    table = in_page(aids, QTableView, "labelsTable")
    model = table.model()
    rows = {model.index(row, 0).data(): row for row in range(model.rowCount())}
    env = model.index(rows["env"], 1)
    owner = model.index(rows["owner"], 1)
    error = QColor(theme.colours().error.background)
    assert env.data(Qt.ItemDataRole.BackgroundRole) == error
    assert "Label policy: env is one of three" in env.data(Qt.ItemDataRole.ToolTipRole)
    assert owner.data(Qt.ItemDataRole.BackgroundRole) is None


def test_an_image_that_complies_shows_no_badge(qtbot: QtBot, aids: Aids) -> None:
    write_policy('[labels.owner]\nrequired = true\npattern = "p-.*"\n')
    load_policy(aids.window, None)
    fetch(qtbot, aids, ACTIVE)
    assert not label(aids, "policyBadge").isVisible()


def test_a_broken_policy_is_said_and_nothing_is_checked(qtbot: QtBot, aids: Aids) -> None:
    write_policy("[labels.env]\nallowd = []\n")
    load_policy(aids.window, None)
    box = aids.window.findChild(QMessageBox, "policyErrorBox")
    assert box is not None and box.isVisible()
    assert "labels.env.allowd" in box.text()
    assert "policy.toml" in box.text()
    fetch(qtbot, aids, ACTIVE)
    assert not label(aids, "policyBadge").isVisible()
    box.close()
