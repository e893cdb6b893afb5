"""Image, Compare with... through the real window against the demo API: a live image beside
another live one or a file, differences marked, equal rows folded, presenting mode kept."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QTableWidget
from pytestqt.qtbot import QtBot

from inspector.present.presenting import HIDDEN_FOLDER
from inspector.ui import theme
from inspector.ui.dialogs.compare_view import CompareDialog
from tests.gui.test_aids import ACTIVE, ACTIVE_BODY, Aids, aids, fetch, keys

__all__ = ["aids"]  # the fixture, shared with the first round of aids
CREATING = "e3vdemocreating00001"


def open_dialog(qtbot: QtBot, aids: Aids) -> CompareDialog:
    keys(qtbot, aids, "Ctrl+Shift+D")
    dialog = aids.window.compare_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def compare(qtbot: QtBot, dialog: CompareDialog, right: str) -> dict[str, tuple[str, ...]]:
    dialog.right_edit.setText(right)
    qtbot.keyClick(dialog.right_edit, Qt.Key.Key_Return)
    summary = dialog.findChild(QLabel, "compareSummary")
    assert summary is not None
    qtbot.waitUntil(lambda: summary.text() not in ("", "Comparing\u2026"), timeout=10_000)
    return rows(dialog)


def rows(dialog: CompareDialog) -> dict[str, tuple[str, ...]]:
    table = dialog.findChild(QTableWidget, "compareTable")
    assert table is not None
    found = {}
    for index in range(table.rowCount()):
        cells = tuple(table.item(index, column).text() for column in range(4))  # type: ignore[union-attr]
        found[cells[1]] = (*cells, "hidden" if table.isRowHidden(index) else "shown")
    return found


def test_two_live_images_side_by_side(qtbot: QtBot, aids: Aids) -> None:
    fetch(qtbot, aids, ACTIVE)
    dialog = open_dialog(qtbot, aids)
    assert dialog.left_edit.text() == ACTIVE  # the current tab's image is A
    found = compare(qtbot, dialog, CREATING)
    assert dialog.findChild(QLabel, "compareSummary").text().startswith("16 differences")  # type: ignore[union-attr]
    assert found["Status"][:4] == ("~", "Status", "ACTIVE", "CREATING")
    assert found["label owner"][:4] == ("-", "label owner", "p-ivanov", "(absent)")
    assert found["Storage size"][2] == "21,474,836,480 bytes (20 GiB)"
    table = dialog.findChild(QTableWidget, "compareTable")
    assert table is not None
    status_row = next(i for i in range(table.rowCount()) if table.item(i, 1).text() == "Status")  # type: ignore[union-attr]
    item = table.item(status_row, 2)
    assert item is not None
    assert item.background().color() == QColor(theme.colours().changed.background)
    assert found["label os"][-1] == "hidden"  # equal rows are folded
    dialog.hide_equal.setChecked(False)
    assert rows(dialog)["label os"][-1] == "shown"
    dialog.close()


def test_a_live_image_beside_a_file_and_presenting_mode(
    qtbot: QtBot, aids: Aids, tmp_path: Path
) -> None:
    assert ACTIVE_BODY is not None
    labels = ACTIVE_BODY["labels"]
    assert isinstance(labels, dict)
    changed = {**ACTIVE_BODY, "labels": {**labels, "env": "test", "new": "x"}}
    path = tmp_path / "image.json"
    path.write_text(json.dumps(changed), encoding="utf-8")
    fetch(qtbot, aids, ACTIVE)
    dialog = open_dialog(qtbot, aids)
    found = compare(qtbot, dialog, str(path))
    assert set(key for key, row in found.items() if row[-1] == "shown") == {
        "label env",
        "label new",
    }
    assert found["label new"][:4] == ("+", "label new", "(absent)", "x")
    aids.window.set_presenting(True)
    masked = rows(dialog)
    assert masked["Folder ID"][2] == HIDDEN_FOLDER
    assert ACTIVE not in masked["ID"][2]
    aids.window.set_presenting(False)
    dialog.close()


def test_a_broken_file_is_said_in_the_dialog(qtbot: QtBot, aids: Aids, tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text("{", encoding="utf-8")
    dialog = open_dialog(qtbot, aids)
    dialog.left_edit.setText(ACTIVE)
    compare(qtbot, dialog, str(path))
    assert "broken.json" in dialog.findChild(QLabel, "compareSummary").text()  # type: ignore[union-attr]
    assert rows(dialog) == {}
    dialog.close()


def test_policy_violations_are_marked_on_each_side(qtbot: QtBot, aids: Aids) -> None:
    from inspector.core.policy import parse_policy

    policy = b"[labels.gpu]\nforbidden = true\n[labels.owner]\nrequired = true\n"
    aids.window.set_policy(parse_policy(policy, Path("policy.toml")))
    fetch(qtbot, aids, ACTIVE)
    dialog = open_dialog(qtbot, aids)
    found = compare(qtbot, dialog, CREATING)
    summary = dialog.findChild(QLabel, "compareSummary")
    assert summary is not None
    assert summary.text().splitlines()[-1] == (
        "Label policy: A 1 policy violation, B 1 policy violation"
    )
    assert found["label gpu"][2:4] == ("\u26a0 none", "(absent)")
    table = dialog.findChild(QTableWidget, "compareTable")
    assert table is not None
    row = next(i for i in range(table.rowCount()) if table.item(i, 1).text() == "label gpu")  # type: ignore[union-attr]
    assert "the label is not allowed on an image" in table.item(row, 2).toolTip()  # type: ignore[union-attr]
    dialog.close()
