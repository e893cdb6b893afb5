"""The main window: the image page, the demo's image list, menus and the status bar.

It imports only Qt and the light ui modules, so it can paint before the HTTP and model
libraries load; ``firstPainted`` tells the app when that has happened.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector import __version__
from inspector.ui.image_page import ImagePage

WINDOW_TITLE = "Cloud Desktop Image Inspector"


class MainWindow(QMainWindow):
    """Top-level window; the app wires its signals to the controller."""

    firstPainted = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(WINDOW_TITLE)
        self.resize(1000, 720)
        self.painted = False

        self.page = ImagePage(self)
        self.demo_banner = QLabel(self)
        self.demo_banner.setObjectName("demoBanner")
        self.demo_banner.setWordWrap(True)
        self.demo_banner.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_banner.setStyleSheet(
            "QLabel#demoBanner { background: #fff4ce; color: #3d2e00;"
            " border: 1px solid #c8a600; border-radius: 6px; padding: 6px; }"
        )
        self.demo_banner.hide()
        self.demo_list = QListWidget(self)
        self.demo_list.setObjectName("demoImageList")
        self.demo_list.setAccessibleName("Demo images")
        self.demo_list.setToolTip("Sample images of the demo API: click or press Enter to fetch")
        self.demo_list.setAlternatingRowColors(True)
        self.demo_list.itemActivated.connect(self._demo_item_chosen)
        self.demo_list.itemClicked.connect(self._demo_item_chosen)
        self.demo_list.hide()

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.demo_list)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(1, 1)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.demo_banner)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.endpoint_label = QLabel(self)
        self.endpoint_label.setObjectName("endpointLabel")
        self.endpoint_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.statusBar().addPermanentWidget(self.endpoint_label)
        self.statusBar().showMessage("Loading\u2026")
        self._build_menus()
        self.page.id_edit.setFocus()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        quit_action = QAction("&Quit", self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About", self)
        about.triggered.connect(self._show_about)
        help_menu.addAction(about)

    def _show_about(self) -> None:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCore import qVersion
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(self)
        box.setWindowTitle(f"About {WINDOW_TITLE}")
        box.setText(
            f"{WINDOW_TITLE} {__version__}\n\n"
            "Fetches a Yandex Cloud Desktop image (DesktopImage.Get) and explains it.\n\n"
            f"Qt {qVersion()}, PySide6 {pyside_version}"
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def set_connection(self, endpoint: str, token_source: str | None) -> None:
        """Say in the status bar where requests go and where the token came from (never it)."""
        token = f"token from {token_source}" if token_source else "no token"
        self.endpoint_label.setText(f"{endpoint} \u00b7 {token}")

    def set_demo(self, base_url: str, images: list[tuple[str, str]]) -> None:
        """Mark the window as DEMO and list the demo's image IDs for a newcomer to click."""
        self.setWindowTitle(f"{WINDOW_TITLE} \u2014 DEMO")
        self.demo_banner.setText(
            f"DEMO \u2014 connected to the built-in demo API at {base_url}. The images are "
            "samples, not your cloud. Pick one on the left, or paste an ID."
        )
        self.demo_banner.show()
        self.demo_list.clear()
        for image_id, summary in images:
            item = QListWidgetItem(f"{image_id}\n{summary}", self.demo_list)
            item.setData(Qt.ItemDataRole.UserRole, image_id)
            item.setToolTip(summary)
        self.demo_list.show()
        self.splitter.setSizes([300, 700])

    def _demo_item_chosen(self, item: QListWidgetItem) -> None:
        image_id = str(item.data(Qt.ItemDataRole.UserRole))
        if image_id == self.page.id_edit.text().strip() and self.page.cancel_button.isEnabled():
            return  # a click right after the keyboard activation: already fetching it
        self.page.id_edit.setText(image_id)
        self.page.request_fetch()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            self.firstPainted.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.accept()
        self.closed.emit()
