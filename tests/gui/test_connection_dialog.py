"""File > Connection...: every credential source chosen in the dialog, end to end.

The real window runs against the demo API; the dialog points it at a fake IAM, a fake yc or a
fake metadata service, all on 127.0.0.1, and the test checks the token the API then receives,
what the status bar says, and what the profiles file and the keyring hold.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtWidgets import QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from inspector.config.connection import resolve_connection
from inspector.config.options import ConnectionOptions
from inspector.config.profiles import Profile, ProfileBook, load_profiles, profiles_path
from inspector.demo.server import DemoServer
from inspector.ui.dialogs.connection_dialog import ConnectionDialog
from inspector.ui.widgets.value_label import ValueLabel
from inspector.ui.window.action_table import ActionId
from tests.gui.driver import Running, start_window
from tests.integration.fake_iam import (
    FakeIam,
    MemoryKeyring,
    ServiceAccount,
    memory_keyring,
    write_fake_yc,
    write_key_file,
)

IMAGE_ID = "e3vdemoactive0000001"
ISSUED = "t1.issued-for-the-window"
TYPED = "t1.typed-in-the-dialog"


@pytest.fixture(scope="module")
def account() -> ServiceAccount:
    return ServiceAccount()


@pytest.fixture
def iam(account: ServiceAccount) -> Iterator[FakeIam]:
    with FakeIam(account, iam_token=ISSUED, accepted_oauth=("y0_accepted",)) as fake:
        yield fake


@pytest.fixture
def keyring_backend() -> Iterator[MemoryKeyring]:
    with memory_keyring() as backend:
        yield backend


@pytest.fixture
def window(
    qt_loop: qasync.QEventLoop,
    qtbot: QtBot,
    demo_server: DemoServer,
    keyring_backend: MemoryKeyring,
) -> Iterator[Running]:
    """The real window against the demo API, at first with no credentials at all."""
    connection = resolve_connection(ConnectionOptions(endpoint=demo_server.base_url), environ={})
    app = start_window(qtbot, connection)
    yield app
    if app.session.switcher and app.session.switcher.dialog:
        app.session.switcher.dialog.reject()
    app.window.close()
    qtbot.waitUntil(app.task.done, timeout=5000)
    assert app.task.exception() is None


def open_dialog(qtbot: QtBot, app: Running) -> ConnectionDialog:
    assert app.window.action(ActionId.CONNECTION).shortcut().toString() == "Ctrl+Shift+O"
    app.window.action(ActionId.CONNECTION).trigger()
    switcher = app.session.switcher
    assert switcher is not None
    qtbot.waitUntil(lambda: switcher.dialog is not None and switcher.dialog.isVisible())
    assert switcher.dialog is not None
    return switcher.dialog


def choose_source(dialog: ConnectionDialog, source: str) -> None:
    dialog.source_combo.setCurrentIndex(dialog.source_combo.findData(source))


def connect(qtbot: QtBot, app: Running, dialog: ConnectionDialog) -> None:
    """Press Connect and wait for the window to rebuild its client on the new connection."""
    old = app.session.controller
    dialog.connect_button.click()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    qtbot.waitUntil(
        lambda: app.session.controller is not None and app.session.controller is not old,
        timeout=5000,
    )


def fetch_and_get_token(qtbot: QtBot, app: Running, demo: DemoServer) -> str:
    before = len(demo.requests)
    app.window.page.id_edit.setText(IMAGE_ID)
    app.window.page.request_fetch()
    qtbot.waitUntil(lambda: len(demo.requests) > before, timeout=10_000)
    qtbot.waitUntil(lambda: not app.window.page.busy, timeout=10_000)
    return demo.requests[-1].headers.get("authorization", "")


Setup = Callable[[ConnectionDialog, FakeIam, Path], None]


def _iam_token(dialog: ConnectionDialog, iam: FakeIam, folder: Path) -> None:
    dialog.iam_page.token.setText(TYPED)


def _oauth(dialog: ConnectionDialog, iam: FakeIam, folder: Path) -> None:
    dialog.oauth_page.token.setText("y0_accepted")


def _sa_key(dialog: ConnectionDialog, iam: FakeIam, folder: Path) -> None:
    dialog.key_edit.setText(str(write_key_file(folder / "key.json", iam.account)))


def _yc(dialog: ConnectionDialog, iam: FakeIam, folder: Path) -> None:
    dialog.yc_profile_edit.setText("work")
    dialog.yc_path_edit.setText(str(write_fake_yc(folder, "print('t1.printed-by-yc')")))


def _metadata(dialog: ConnectionDialog, iam: FakeIam, folder: Path) -> None:
    dialog.metadata_edit.setText(iam.metadata_url)


@pytest.mark.parametrize(
    ("source", "setup", "token", "status"),
    [
        ("iam-token", _iam_token, TYPED, "IAM token from the Connection dialog (profile stand)"),
        ("oauth-token", _oauth, ISSUED, "OAuth token from the Connection dialog"),
        ("sa-key", _sa_key, ISSUED, "service account key"),
        ("yc", _yc, "t1.printed-by-yc", "yc CLI (profile work)"),
        ("metadata", _metadata, "t1.fake-metadata-token", "metadata service (http://127.0.0.1"),
    ],
)
def test_each_source_from_the_dialog(
    qtbot: QtBot,
    window: Running,
    demo_server: DemoServer,
    iam: FakeIam,
    tmp_path: Path,
    source: str,
    setup: Setup,
    token: str,
    status: str,
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.profile_combo.setCurrentText("stand")
    dialog.endpoint_edit.setText(demo_server.base_url)
    dialog.iam_edit.setText(iam.base_url)
    choose_source(dialog, source)
    setup(dialog, iam, tmp_path)
    connect(qtbot, window, dialog)
    assert fetch_and_get_token(qtbot, window, demo_server) == f"Bearer {token}"
    label = window.window.endpoint_label.text()
    assert status in label
    if source in ("oauth-token", "sa-key", "metadata"):
        qtbot.waitUntil(lambda: "expires" in window.window.endpoint_label.text())
    saved = load_profiles()
    assert saved.current == "stand"
    assert saved.get("stand").source == source
    assert token not in json.dumps([vars_of(p) for p in saved.saved])
    assert TYPED not in window.window.windowTitle()


def vars_of(profile: Profile) -> dict[str, object]:
    return profile._asdict()


def test_a_remembered_token_goes_to_the_keyring_not_the_file(
    qtbot: QtBot,
    window: Running,
    demo_server: DemoServer,
    keyring_backend: MemoryKeyring,
    isolated_home: Path,
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.profile_combo.setCurrentText("mine")
    dialog.endpoint_edit.setText(demo_server.base_url)
    choose_source(dialog, "iam-token")
    assert dialog.iam_page.remember.isEnabled()
    assert dialog.iam_page.token.echoMode() == QLineEdit.EchoMode.Password
    dialog.iam_page.token.setText(TYPED)
    dialog.iam_page.remember.setChecked(True)
    connect(qtbot, window, dialog)
    assert keyring_backend.secrets == {("cloud-desktop-inspector", "mine/iam-token"): TYPED}
    files = [path for path in isolated_home.rglob("*") if path.is_file()]
    assert any(path.name == "profiles.json" for path in files)
    for path in files:
        assert TYPED not in path.read_text(encoding="utf-8", errors="replace"), path
    assert load_profiles().get("mine").remember

    again = open_dialog(qtbot, window)
    assert again.profile_combo.currentText() == "mine"
    assert again.iam_page.token.text() == ""
    assert "remembered in the keyring" in again.iam_page.token.placeholderText()
    connect(qtbot, window, again)  # nothing typed: the keyring's token is used
    assert fetch_and_get_token(qtbot, window, demo_server) == f"Bearer {TYPED}"


def test_a_bad_choice_keeps_the_dialog_open_and_says_why(qtbot: QtBot, window: Running) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.endpoint_edit.setText("http://api.example")
    dialog.connect_button.click()
    assert dialog.isVisible()
    assert dialog.error_label.isVisible()
    assert "plain http://" in dialog.error_label.text()
    choose_source(dialog, "iam-token")
    dialog.endpoint_edit.setText("https://api.example")
    dialog.connect_button.click()
    assert "type the token" in dialog.error_label.text()
    assert not profiles_path().exists()


def test_a_broken_key_file_is_explained_in_the_window(
    qtbot: QtBot, window: Running, demo_server: DemoServer, tmp_path: Path
) -> None:
    key = tmp_path / "key.json"
    key.write_text("not json", encoding="utf-8")
    dialog = open_dialog(qtbot, window)
    dialog.endpoint_edit.setText(demo_server.base_url)
    choose_source(dialog, "sa-key")
    dialog.key_edit.setText(str(key))
    connect(qtbot, window, dialog)
    window.window.page.id_edit.setText(IMAGE_ID)
    window.window.page.request_fetch()
    banner = window.window.page.banner
    qtbot.waitUntil(banner.isVisible, timeout=10_000)
    shown: list[QLabel | ValueLabel] = [*banner.findChildren(QLabel)]
    shown += banner.findChildren(ValueLabel)
    texts = " ".join(widget.text() for widget in shown)
    assert f"{key} is not JSON" in texts


def test_profiles_can_be_deleted(qtbot: QtBot, window: Running) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.profile_combo.setCurrentText("short-lived")
    connect(qtbot, window, dialog)
    again = open_dialog(qtbot, window)
    assert again.profile_combo.findText("short-lived") >= 0
    again.delete_button.click()
    assert again.profile_combo.findText("short-lived") < 0
    assert load_profiles().names() == ["default"]


def test_leaving_the_demo(qtbot: QtBot, running: Running, demo_server: DemoServer) -> None:
    running.window.set_demo(demo_server.base_url, [])
    with memory_keyring():
        dialog = open_dialog(qtbot, running)
        dialog.endpoint_edit.setText(demo_server.base_url)
        assert "demo API" in dialog.active_label.text()
        connect(qtbot, running, dialog)
    assert not running.window.demo_banner.isVisible()
    assert "DEMO" not in running.window.windowTitle()


def test_dialog_loads_a_profile_without_showing_secrets(qtbot: QtBot) -> None:
    book = ProfileBook().with_profile(
        Profile("p", source="oauth-token", token_file="/secrets/oauth", proxy="http://proxy:1")
    )
    dialog = ConnectionDialog(book, active="nothing yet", keyring=False)
    qtbot.addWidget(dialog)
    assert dialog.source_combo.currentData() == "oauth-token"
    assert dialog.oauth_page.file.text() == "/secrets/oauth"
    assert dialog.oauth_page.token.text() == ""
    assert not dialog.oauth_page.remember.isEnabled()
    assert dialog.proxy_edit.text() == "http://proxy:1"
    dialog.oauth_page.token.setText("y0_typed")
    choice = dialog.choice()
    assert choice.secret == "y0_typed"
    assert "y0_typed" not in repr(choice)
    assert choice.profile.token_file == "/secrets/oauth"


def test_each_source_shows_its_own_page(qtbot: QtBot) -> None:
    dialog = ConnectionDialog(ProfileBook(), active="nothing yet", keyring=False)
    qtbot.addWidget(dialog)
    fields = {
        "auto": None,
        "iam-token": "iamTokenEdit",
        "oauth-token": "oauthTokenEdit",
        "sa-key": "saKeyEdit",
        "yc": "ycProfileEdit",
        "metadata": "metadataUrlEdit",
    }
    assert [dialog.source_combo.itemData(i) for i in range(dialog.source_combo.count())] == list(
        fields
    )
    for index, field in enumerate(fields.values()):
        dialog.source_combo.setCurrentIndex(index)
        page = dialog.pages.currentWidget()
        assert page is not None
        edits = [edit.objectName() for edit in page.findChildren(QLineEdit)]
        assert (field in edits) if field else edits == []
