"""The folder browser's aids of the second round, in the real window against the demo API:
the label policy column and Export CSV..."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from inspector.core.policy import default_policy_path
from inspector.demo.data import FOLDER_ID
from inspector.ui.app import load_policy
from inspector.ui.browser.rows_model import POLICY_COLUMN
from tests.gui.driver import Running
from tests.gui.test_folder_browser import FOLDER_SIZE, list_folder, open_browser, shown_column

ACTIVE = "e3vdemoactive0000001"


def test_the_policy_column_counts_each_rows_violations(qtbot: QtBot, running: Running) -> None:
    path = default_policy_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('[labels.env]\nallowed = ["prod", "test", "dev"]\n', encoding="utf-8")
    load_policy(running.window, None)
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, FOLDER_ID)
    header = browser.proxy.headerData(POLICY_COLUMN, Qt.Orientation.Horizontal)
    assert header == "Policy"
    cells = dict(zip(shown_column(browser, 0), shown_column(browser, POLICY_COLUMN), strict=True))
    assert cells[ACTIVE] == "\u26a0 1"  # env = production
    assert "\u2713" in cells.values()  # an image without a wrong env label
    row = shown_column(browser, 0).index(ACTIVE)
    tooltip = browser.proxy.index(row, POLICY_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert "env (allowed): 'production' is not one of: prod, test, dev" in tooltip


def test_export_csv_saves_every_loaded_row(qtbot: QtBot, running: Running, tmp_path: Path) -> None:
    browser = open_browser(qtbot, running)
    list_folder(qtbot, browser, FOLDER_ID)
    qtbot.waitUntil(lambda: browser.model.rowCount() == FOLDER_SIZE or browser.state.more)
    while browser.state.more:
        browser.load_all_button.click()
        qtbot.waitUntil(lambda: not browser.state.more, timeout=10_000)
    target = tmp_path / "folder.csv"
    qtbot.mouseClick(browser.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: browser.findChild(QFileDialog, "exportCsvDialog") is not None)
    dialog = browser.findChild(QFileDialog, "exportCsvDialog")
    assert dialog is not None
    dialog.selectFile(str(target))
    dialog.accept()
    qtbot.waitUntil(target.exists)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    raw = target.read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert len(rows) == FOLDER_SIZE
    active = next(row for row in rows if row["id"] == ACTIVE)
    assert active["storageSize"] == "21474836480"
    assert json.loads(active["labels"])["owner"] == "p-ivanov"
    assert f"Exported {FOLDER_SIZE} images" in browser.message.text()
