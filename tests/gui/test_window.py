"""The real window, driven as an operator would, against the demo API on 127.0.0.1."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from inspector.demo.server import DemoServer
from inspector.ui.widgets.value_label import ValueLabel
from tests.gui.driver import Running

ACTIVE = "e3vdemoactive0000001"
UNKNOWN_STATUS = "e3vdemoarchived00001"
SPARSE = "e3vdemosparse0000001"
SLOW = "e3vdemoslow000000001"
MANY_LABELS = "e3vdemolabels0000300"
W = TypeVar("W", bound=QWidget)
NOT_FOUND = "e3vdemoerror40400001"
UNAUTHENTICATED = "e3vdemoerror40100001"


def find(app: Running, kind: type[W], name: str) -> W:
    widget = app.window.findChild(kind, name)
    assert isinstance(widget, kind), name
    return widget


def child_label(app: Running, name: str) -> QLabel | ValueLabel:
    widget = find(app, QWidget, name)
    assert isinstance(widget, QLabel | ValueLabel), name
    return widget


def type_and_enter(qtbot: QtBot, app: Running, text: str) -> None:
    edit = find(app, QLineEdit, "imageIdEdit")
    edit.clear()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def wait_idle(qtbot: QtBot, app: Running) -> None:
    cancel = find(app, QPushButton, "cancelButton")
    qtbot.waitUntil(lambda: not cancel.isEnabled(), timeout=10_000)


def test_fetch_shows_the_image(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, f"  {ACTIVE} ")
    wait_idle(qtbot, running)
    assert child_label(running, "idValue").text() == ACTIVE
    assert child_label(running, "nameValue").text() == "ubuntu-22-04-office"
    assert child_label(running, "statusBadge").text().endswith("ACTIVE")
    assert child_label(running, "storageSizeValue").text() == "20 GiB"
    assert child_label(running, "storageSizeDetail").text() == "21,474,836,480 bytes"
    assert child_label(running, "minDiskSizeValue").text() == "60 GiB"
    created = child_label(running, "createdAtValue")
    assert ".123456789" in created.text()
    assert created.toolTip() == "2026-11-20T09:15:42.123456789Z"
    assert "UTC" in child_label(running, "createdAtDetail").text()
    table = find(running, QTableView, "labelsTable")
    assert table.model().rowCount() == 10
    assert child_label(running, "labelsCount").text() == "10 labels"
    assert not running.window.page.banner.isVisible()
    assert ACTIVE in child_label(running, "resultCaption").text()


def test_unknown_status_and_missing_fields(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, UNKNOWN_STATUS)
    wait_idle(qtbot, running)
    badge = child_label(running, "statusBadge")
    assert "ARCHIVED" in badge.text()
    assert "unknown" in badge.text()
    type_and_enter(qtbot, running, SPARSE)
    wait_idle(qtbot, running)
    assert child_label(running, "nameValue").text() == '""'
    assert child_label(running, "storageSizeValue").text() == "0 B"
    assert child_label(running, "storageSizeDetail").text() == "0 bytes"
    assert child_label(running, "labelsCount").text() == "no labels (default)"
    explanation = "the API leaves out fields that hold their default value"
    for key in ("folderId", "name", "description", "storageSize", "minDiskSize"):
        note = child_label(running, f"{key}Note")
        assert note.isVisible(), key
        assert note.text() == "default"
        assert explanation in note.toolTip()
        assert explanation in note.accessibleDescription()
    assert not child_label(running, "statusNote").isVisible()  # ACTIVE was sent
    assert not child_label(running, "idNote").isVisible()
    # createdAt was not sent: not set, with no detail beside it (never an empty quoted one)
    assert child_label(running, "createdAtValue").text() == "not set"
    assert child_label(running, "createdAtDetail").text() == ""
    assert not child_label(running, "createdAtNote").isVisible()


def test_an_unset_time_never_shows_an_empty_quoted_detail(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, ACTIVE)
    wait_idle(qtbot, running)
    type_and_enter(qtbot, running, SPARSE)  # no createdAt: the only field that can be unset
    wait_idle(qtbot, running)
    row = (child_label(running, "createdAtValue"), child_label(running, "createdAtDetail"))
    assert (row[0].text(), row[1].text()) == ("not set", "")
    assert not row[1].accessibleDescription()
    assert all(
        widget.text() != '""'
        for widget in running.window.findChildren(QLabel)
        if widget.objectName().startswith("createdAt")
    )


def test_every_default_and_the_explicit_defaults(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, "e3vdemodefaults00001")
    wait_idle(qtbot, running)
    assert child_label(running, "statusBadge").text() == "STATUS_UNSPECIFIED"
    assert child_label(running, "statusNote").text() == "default"
    assert child_label(running, "statusNote").isVisible()
    type_and_enter(qtbot, running, "e3vrobustdefaults001")
    wait_idle(qtbot, running)
    assert child_label(running, "statusBadge").text() == "STATUS_UNSPECIFIED"
    assert child_label(running, "storageSizeValue").text() == "0 B"
    for key in ("folderId", "name", "description", "status", "storageSize", "minDiskSize"):
        assert not child_label(running, f"{key}Note").isVisible(), key
    assert child_label(running, "labelsCount").text() == "no labels"


def test_an_enum_number_reads_as_its_name_or_as_unknown(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, "e3vrobustnumbers0001")
    wait_idle(qtbot, running)
    assert child_label(running, "statusBadge").text() == "ACTIVE"
    assert child_label(running, "storageSizeDetail").text() == "21,474,836,480 bytes"
    assert child_label(running, "minDiskSizeDetail").text() == "64,424,509,440 bytes"
    type_and_enter(qtbot, running, "e3vrobustenum0000007")
    wait_idle(qtbot, running)
    assert child_label(running, "statusBadge").text() == "unknown status 7"


def test_error_banner_has_what_support_needs(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, ACTIVE)
    wait_idle(qtbot, running)
    type_and_enter(qtbot, running, UNAUTHENTICATED)
    wait_idle(qtbot, running)
    banner = running.window.page.banner
    assert banner.isVisible()
    assert child_label(running, "httpStatusValue").text() == "401 Unauthorized"
    assert child_label(running, "grpcCodeValue").text() == "16 UNAUTHENTICATED"
    assert "Token is invalid" in child_label(running, "errorMessageValue").text()
    assert "yc iam create-token" in child_label(running, "errorHint").text()
    client_id = child_label(running, "clientRequestIdValue").text()
    server_id = child_label(running, "requestIdValue").text()
    assert len(client_id) == 36
    assert server_id
    # The previous image is gone: never shown as the answer to the new ID.
    assert child_label(running, "idValue").text() == ""
    assert child_label(running, "statusBadge").text() == ""
    assert UNAUTHENTICATED in child_label(running, "resultCaption").text()
    qtbot.mouseClick(find(running, QPushButton, "copyRequestIdsButton"), Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert f"x-client-request-id: {client_id}" in copied
    assert f"x-request-id: {server_id}" in copied


def test_not_found_hint(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, NOT_FOUND)
    wait_idle(qtbot, running)
    assert child_label(running, "grpcCodeValue").text() == "5 NOT_FOUND"
    assert "region" in child_label(running, "errorHint").text()


def test_malformed_id_is_refused_without_a_request(
    qtbot: QtBot, running: Running, demo_server: DemoServer
) -> None:
    before = len(demo_server.requests)
    type_and_enter(qtbot, running, "e3v/../secret")
    qtbot.waitUntil(running.window.page.banner.isVisible)
    assert "'/'" in child_label(running, "errorMessageValue").text()
    assert len(demo_server.requests) == before
    assert find(running, QLineEdit, "imageIdEdit").text() == "e3v/../secret"


def test_cancel_stops_a_slow_fetch(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, SLOW)
    cancel = find(running, QPushButton, "cancelButton")
    qtbot.waitUntil(cancel.isEnabled)
    assert running.window.page.progress.isVisible()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert not cancel.isEnabled()
    assert "cancelled" in child_label(running, "resultCaption").text()
    qtbot.wait(200)
    assert child_label(running, "idValue").text() == ""


def test_escape_cancels(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, SLOW)
    edit = find(running, QLineEdit, "imageIdEdit")
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert "cancelled" in child_label(running, "resultCaption").text()


def test_second_fetch_replaces_a_slow_first(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, SLOW)
    type_and_enter(qtbot, running, ACTIVE)
    wait_idle(qtbot, running)
    assert child_label(running, "idValue").text() == ACTIVE
    qtbot.wait(300)
    assert child_label(running, "idValue").text() == ACTIVE


def test_rapid_refetches_end_on_the_last(qtbot: QtBot, running: Running) -> None:
    for image_id in (ACTIVE, UNKNOWN_STATUS, NOT_FOUND, SPARSE, MANY_LABELS, ACTIVE, SPARSE):
        type_and_enter(qtbot, running, image_id)
    wait_idle(qtbot, running)
    qtbot.wait(100)
    assert child_label(running, "idValue").text() == SPARSE
    assert not running.window.page.banner.isVisible()


def test_labels_filter_sort_and_copy(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, MANY_LABELS)
    wait_idle(qtbot, running)
    table = find(running, QTableView, "labelsTable")
    assert table.model().rowCount() == 300
    filter_edit = find(running, QLineEdit, "labelsFilter")
    qtbot.keyClicks(filter_edit, "label-000")
    shown = table.model().rowCount()
    assert 0 < shown < 300
    assert child_label(running, "labelsCount").text() == f"{shown} of 300 labels"
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    first = table.model().index(0, 0).data()
    last = table.model().index(shown - 1, 0).data()
    assert first > last
    table.selectRow(0)
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    value = table.model().index(0, 1).data()
    assert QGuiApplication.clipboard().text() == f"{first}\t{value}\n"
    qtbot.mouseClick(find(running, QPushButton, "copyAllLabelsButton"), Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text().count("\n") == shown


def test_refresh_keeps_the_image_marked_while_loading(qtbot: QtBot, running: Running) -> None:
    type_and_enter(qtbot, running, ACTIVE)
    wait_idle(qtbot, running)
    qtbot.keyClick(running.window.page, Qt.Key.Key_F5)
    assert "Refreshing" in child_label(running, "resultCaption").text()
    assert not running.window.page.form.isEnabled()
    wait_idle(qtbot, running)
    assert running.window.page.form.isEnabled()
    assert child_label(running, "idValue").text() == ACTIVE


@pytest.mark.parametrize("image_id", [ACTIVE, SLOW])
def test_closing_while_fetching_shuts_down_cleanly(
    qtbot: QtBot, running: Running, image_id: str
) -> None:
    type_and_enter(qtbot, running, image_id)
    running.window.close()
    qtbot.waitUntil(running.task.done, timeout=5000)
    assert running.task.exception() is None


def test_demo_list_fetches_on_click(
    qtbot: QtBot, running: Running, demo_server: DemoServer
) -> None:
    from inspector.demo.data import DEMO_IMAGES

    entries = [(image.image_id, image.summary) for image in DEMO_IMAGES.values()]
    running.window.set_demo(demo_server.base_url, entries)
    assert "DEMO" in running.window.windowTitle()
    assert running.window.demo_banner.isVisible()
    demo_list = running.window.demo_list
    assert demo_list.count() == len(DEMO_IMAGES)
    item = demo_list.item(0)
    rect = demo_list.visualItemRect(item)
    qtbot.mouseClick(demo_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    wait_idle(qtbot, running)
    assert child_label(running, "idValue").text() == entries[0][0]
