"""The baseline window: a bare ``QMainWindow`` with a line edit and a table, nothing else.

It is what any PySide6 app of this shape costs, so the inspector's figures are read as ratios
against it. Same size as the inspector's window, because painting costs by the pixel.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QTableView,
    QVBoxLayout,
    QWidget,
)


def make_bare_window() -> QMainWindow:
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1000, 720)
    central = QWidget(window)
    layout = QVBoxLayout(central)
    layout.addWidget(QLineEdit(central))
    table = QTableView(central)
    table.setModel(QStandardItemModel(0, 2, table))
    layout.addWidget(table, 1)
    window.setCentralWidget(central)
    return window


def run_bare_window(on_built: Callable[[QMainWindow], None]) -> int:
    """Start the bare window the way the inspector starts: an app, a window, show, the loop.

    ``on_built`` sees the window before it is shown (the probe hooks in there).
    """
    app = QApplication.instance() or QApplication([sys.argv[0]])
    window = make_bare_window()
    on_built(window)
    window.show()
    return app.exec()
