"""The window in Russian, or whole in English when a translation is missing or broken."""

from __future__ import annotations

import logging
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QTreeView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector import i18n
from inspector.config.connection import resolve_connection
from inspector.config.language import save_language
from inspector.demo.data import DEMO_IMAGES
from inspector.demo.server import DemoServer
from inspector.i18n import catalogue_path
from inspector.present.sizes import exact_bytes, human_size
from inspector.ui import translations
from inspector.ui.dialogs.about_dialog import AboutDialog
from tests.gui.driver import start_window

pytestmark = pytest.mark.gui


@pytest.fixture
def app(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    translations.install(qapp, "en")


def about_title(qtbot: QtBot) -> str:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    return dialog.windowTitle()


def test_russian_reaches_the_widgets_and_the_presented_text(
    app: QApplication, qtbot: QtBot
) -> None:
    assert translations.install(app, "ru") == "ru"
    assert about_title(qtbot) == "О программе Cloud Desktop Image Inspector"  # noqa: RUF001
    assert human_size(21_474_836_480) == "20 ГиБ"
    assert exact_bytes(21_474_836_480) == "21\u00a0474\u00a0836\u00a0480 байт"
    assert QLocale().language() == QLocale.Language.Russian


def test_back_to_english(app: QApplication, qtbot: QtBot) -> None:
    translations.install(app, "ru")
    assert translations.install(app, "en") == "en"
    assert about_title(qtbot) == "About Cloud Desktop Image Inspector"
    assert human_size(21_474_836_480) == "20 GiB"


@pytest.mark.parametrize(
    ("mo", "complaint"),
    [(None, "no Русский translation"), ("garbage", "cannot be read")],
)
def test_a_missing_or_broken_catalogue_leaves_the_window_english(
    app: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    mo: str | None,
    complaint: str,
) -> None:
    folder = tmp_path / "locale"
    if mo is not None:
        catalogue_path("ru", folder).parent.mkdir(parents=True)
        catalogue_path("ru", folder).write_bytes(b"\x00 not a translation at all \xff" * 3)
    with caplog.at_level(logging.WARNING):
        assert translations.install(app, "ru", folder) == "en"
    assert complaint in caplog.text
    assert about_title(qtbot) == "About Cloud Desktop Image Inspector"
    assert human_size(1024) == "1 KiB"


def test_the_translations_load_from_any_folder(
    app: QApplication, qtbot: QtBot, tmp_path: Path
) -> None:
    """The frozen build puts them beside the executable, not in the source tree."""
    shutil.copytree(i18n.LOCALE_DIR, tmp_path / "locale")
    assert translations.install(app, "ru", tmp_path / "locale") == "ru"
    assert about_title(qtbot).startswith("О программе")  # noqa: RUF001


@pytest.mark.parametrize(
    ("option", "saved", "system", "language"),
    [
        ("ru", "en", "en_US.UTF-8", "ru"),  # --lang wins
        (None, "ru", "en_US.UTF-8", "ru"),  # then the menu's saved choice
        (None, "system", "ru_RU.UTF-8", "ru"),  # "system" follows the system
        (None, None, "ru_RU.UTF-8", "ru"),
        (None, None, "de_DE.UTF-8", "en"),  # a language with no translation
        ("klingon", None, "ru_RU.UTF-8", "en"),  # an unknown override is English
    ],
)
def test_which_language_the_window_speaks(
    monkeypatch: pytest.MonkeyPatch,
    option: str | None,
    saved: str | None,
    system: str,
    language: str,
) -> None:
    monkeypatch.setenv("LANGUAGE", system)
    if saved is not None:
        save_language(saved)
    assert translations.window_language(option) == language


# -- the whole window, running in Russian ---------------------------------------------------------
ENGLISH_WORD = re.compile(r"[A-Za-z]*[a-z]{3,}[A-Za-z]*")
# Protocol text shown as it is on the wire: header names, JSON the server sent, reason phrases.
PROTOCOL = re.compile(r"\bx-[a-z-]+|\{.*\}|\b\d{3} [A-Z][A-Za-z ]+$", re.MULTILINE)
# Words that are the same in Russian: names, protocols, commands, keys, what the API calls things.
SAME_IN_RUSSIAN = frozenset(
    re.findall(
        r"\S+",
        """Cloud Desktop Image Inspector Yandex DesktopImage yc curl iam create-token token desktops
    image get format json Ctrl Shift Tab Enter Alt Esc createdAt vdi viewer https http localhost
    Python PySide Qt CPython Linux English OAuth key create profile list pem crt offscreen
    platform""",
    )
)


def _demo_strings() -> set[str]:
    """Every string of the demo API's data: sample text, shown as the server sent it."""
    from inspector.demo.data import DEMO_IMAGES

    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.add(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)

    for image in DEMO_IMAGES.values():
        walk(image.summary)
        walk(image.body)
        if image.error is not None:
            walk(image.error.message)
    return found


def shown_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of every string shown or read out under ``root``, its visible parts."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget is not root and not widget.isVisibleTo(root):
            continue
        where = f"{type(widget).__name__}#{widget.objectName()}"
        yield f"{where} accessible name", widget.accessibleName()
        yield f"{where} accessible description", widget.accessibleDescription()
        yield f"{where} tooltip", widget.toolTip()
        yield f"{where} what's this", widget.whatsThis()
        if widget.isWindow():
            yield f"{where} title", widget.windowTitle()
        if isinstance(widget, QLabel | QAbstractButton):
            yield f"{where} text", widget.text()
        if isinstance(widget, QLineEdit):
            yield f"{where} placeholder", widget.placeholderText()
        if isinstance(widget, QDockWidget):
            yield f"{where} title", widget.windowTitle()
        if isinstance(widget, QComboBox):
            yield from ((f"{where} item", widget.itemText(i)) for i in range(widget.count()))
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                yield f"{where} tab", widget.tabText(index)
                yield f"{where} tab tooltip", widget.tabToolTip(index)
        if isinstance(widget, QTableView | QTreeView):
            header = (
                widget.horizontalHeader() if isinstance(widget, QTableView) else widget.header()
            )
            model = header.model()
            for column in range(header.count()):
                text = model.headerData(column, Qt.Orientation.Horizontal) if model else ""
                yield f"{where} column", str(text or "")
    for action in root.findChildren(QAction):
        yield f"action {action.objectName() or action.text()}", action.text()
        yield f"action {action.objectName() or action.text()} tooltip", action.toolTip()
    for menu in root.findChildren(QMenu):
        yield f"menu {menu.objectName()}", menu.title()


def english_left(texts: Iterator[tuple[str, str]], data: set[str]) -> list[str]:
    """The texts with English words left once data and words the same in Russian are out."""
    leaks = []
    for where, text in texts:
        rest = text
        for value in sorted(data, key=len, reverse=True):
            if len(value) > 2 and value in rest:
                rest = rest.replace(value, " ")
        rest = PROTOCOL.sub(" ", rest)
        tokens = re.findall(r"[\w.-]+", rest)
        words = [
            word
            for token in tokens
            if not re.search(r"\d", token)  # IDs, versions, numbers
            for word in ENGLISH_WORD.findall(token)
            if word not in SAME_IN_RUSSIAN
        ]
        if words:
            leaks.append(f"{where}: {text!r} ({', '.join(words)})")
    return leaks


def test_the_window_in_russian_shows_no_english(
    qt_loop: qasync.QEventLoop, qtbot: QtBot, demo_server: DemoServer, app: QApplication
) -> None:
    assert translations.install(app, "ru") == "ru"
    connection = resolve_connection(demo_url=demo_server.base_url)
    running = start_window(qtbot, connection)
    window = running.window
    data = _demo_strings() | {demo_server.base_url, window.endpoint_label.text()}
    try:
        window.set_demo(
            demo_server.base_url, [(i.image_id, i.summary) for i in DEMO_IMAGES.values()]
        )
        leaks = []
        for image_id in ("e3vdemoactive0000001", "e3vdemoarchived00001", "e3vdemoerror40100001"):
            window.page.id_edit.setText(image_id)
            window.page.request_fetch()
            qtbot.waitUntil(lambda: not window.page.busy, timeout=10_000)
            leaks += english_left(shown_texts(window), data)
        window.show_shortcuts()
        window.show_about()
        for dialog in window.findChildren(QDialog):
            leaks += english_left(shown_texts(dialog), data)
            dialog.close()
        assert not leaks, "English left in the Russian window:\n" + "\n".join(sorted(set(leaks)))
    finally:
        window.close()
        qtbot.waitUntil(running.task.done, timeout=5000)
