"""Help > About: the versions support asks for, and the licences of everything that ships.

The list of components is written out rather than read from installed package metadata,
because the frozen build carries no metadata; a test checks it against the dependencies the
project declares, so a new dependency cannot ship unlisted.
"""

from __future__ import annotations

import platform
from dataclasses import dataclass
from importlib import metadata
from typing import Final

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from inspector import __version__
from inspector.i18n import _
from inspector.ui.qt_namespace import Qt

PRODUCT: Final = "Cloud Desktop Image Inspector"  # untranslated


@dataclass(frozen=True, slots=True)
class Component:
    """Something that ships in the app: its name, its package (if any) and its SPDX licence."""

    name: str
    distribution: str | None
    licence: str


SHIPPED: Final = (
    Component(PRODUCT, "cloud-desktop-inspector", "MIT"),
    Component("Python", None, "PSF-2.0"),
    Component("Qt", None, "LGPL-3.0-only"),
    Component("ICU (in Qt)", None, "Unicode-DFS-2016"),
    Component("PySide6", "PySide6-Essentials", "LGPL-3.0-only"),
    Component("Shiboken6", "shiboken6", "LGPL-3.0-only"),
    Component("qasync", "qasync", "BSD-2-Clause"),
    Component("httpx", "httpx", "BSD-3-Clause"),
    Component("httpcore", "httpcore", "BSD-3-Clause"),
    Component("h11", "h11", "MIT"),
    Component("AnyIO", "anyio", "MIT"),
    Component("idna", "idna", "BSD-3-Clause"),
    Component("certifi", "certifi", "MPL-2.0"),
    Component("truststore", "truststore", "MIT"),
    Component("pydantic", "pydantic", "MIT"),
    Component("pydantic-core", "pydantic-core", "MIT"),
    Component("annotated-types", "annotated-types", "MIT"),
    Component("typing-extensions", "typing-extensions", "PSF-2.0"),
    Component("typing-inspection", "typing-inspection", "MIT"),
    Component("platformdirs", "platformdirs", "MIT"),
    Component("PyJWT", "PyJWT", "MIT"),
    Component("cryptography", "cryptography", "Apache-2.0 OR BSD-3-Clause"),
    Component("OpenSSL (in cryptography)", None, "Apache-2.0"),
    Component("cffi", "cffi", "MIT-0"),
    Component("pycparser", "pycparser", "BSD-3-Clause"),
    Component("keyring", "keyring", "MIT"),
    Component("SecretStorage", "SecretStorage", "BSD-3-Clause"),
    Component("jeepney", "jeepney", "MIT"),
    Component("jaraco.classes", "jaraco.classes", "MIT"),
    Component("jaraco.context", "jaraco.context", "MIT"),
    Component("jaraco.functools", "jaraco.functools", "MIT"),
    Component("more-itertools", "more-itertools", "MIT"),
    Component("importlib-metadata", "importlib-metadata", "Apache-2.0"),
    Component("zipp", "zipp", "MIT"),
    Component("backports.tarfile", "backports.tarfile", "MIT"),
    Component("lazy-importer", "lazy-importer", "Apache-2.0"),
)


def component_version(component: Component) -> str:
    """The version running now; empty where the frozen build kept no metadata."""
    if component.name == "Python":
        return platform.python_version()
    if component.name == "Qt":
        return qVersion()
    if component.name == "PySide6":
        return str(pyside_version)
    if component.name == PRODUCT:
        return __version__
    try:
        return metadata.version(component.distribution or component.name)
    except metadata.PackageNotFoundError:
        return ""


def versions_text() -> str:
    """What *Copy versions* puts on the clipboard for a bug report."""
    lines = [
        f"{PRODUCT} {__version__}",
        f"Qt {qVersion()} (PySide6 {pyside_version})",  # untranslated
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"{platform.system()} {platform.release()} ({platform.machine()})",
    ]
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        lines.append(f"Qt platform {app.platformName()}")  # untranslated
    return "\n".join(lines) + "\n"


class AboutDialog(QDialog):
    """Opened with ``open()``, never ``exec()`` (the window runs an asyncio loop)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About {product}").format(product=PRODUCT))
        heading = QLabel(f"<h2>{PRODUCT} {__version__}</h2>", self)
        heading.setObjectName("aboutHeading")
        heading.setTextFormat(Qt.TextFormat.RichText)
        summary = QLabel(
            _(
                "Fetches a Yandex Cloud Desktop image (DesktopImage.Get) and explains it: "
                "what it is, what state it is in and, when a request fails, why."
            ),
            self,
        )
        summary.setWordWrap(True)
        self.versions = self._versions_label()
        licences_label = QLabel(_("What ships with it, and under which licence:"), self)
        self.licences = self._licences_table()
        licences_label.setBuddy(self.licences)
        lgpl = QLabel(
            _(
                "Qt and PySide6 are used under the GNU LGPL version 3: you may replace the Qt "
                "libraries in the application's folder with your own build of the same version."
            ),
            self,
        )
        lgpl.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        copy = QPushButton(_("&Copy Versions"), self)
        copy.setObjectName("copyVersionsButton")
        copy.setToolTip(_("Copy the versions for a bug report"))
        copy.clicked.connect(lambda: QGuiApplication.clipboard().setText(versions_text()))
        buttons.addButton(copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (heading, summary, self.versions, licences_label):
            layout.addWidget(widget)
        layout.addWidget(self.licences, 1)
        layout.addWidget(lgpl)
        layout.addWidget(buttons)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(620, 560)

    def _versions_label(self) -> QLabel:
        """The versions as selectable plain text, reachable with Tab."""
        versions = QLabel(versions_text().strip(), self)
        versions.setObjectName("aboutVersions")
        versions.setAccessibleName(_("Versions"))
        versions.setTextFormat(Qt.TextFormat.PlainText)
        versions.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        versions.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        versions.setAccessibleDescription(versions.text())
        return versions

    def _licences_table(self) -> QTableWidget:
        """Each shipped component with its version and licence, read-only."""
        licences = QTableWidget(len(SHIPPED), 3, self)
        licences.setObjectName("licencesTable")
        licences.setAccessibleName(_("Licences"))
        licences.setAccessibleDescription(
            _("Each component's name, version and SPDX licence identifier")
        )
        licences.setHorizontalHeaderLabels([_("Component"), _("Version"), _("Licence")])
        licences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        licences.verticalHeader().setVisible(False)
        header = licences.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        for row, component in enumerate(SHIPPED):
            for column, text in enumerate(
                (component.name, component_version(component), component.licence)
            ):
                licences.setItem(row, column, QTableWidgetItem(text))
        return licences
