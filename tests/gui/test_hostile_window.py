"""Hostile content through the real window: markup from a server or a file stays text.

A loopback server answers with images, errors and redirects whose every string is markup (a
bold tag, a local image, a link and 20 nested tables, all in one value); a support bundle on
disk carries the same in every field. The window must show each value literally, never draw
the image or lay out the tables (the event loop is watched for stalls while it does), never
leave a label able to read data as rich text, and never hand out a command built from a file's
own URL or an invalid ID.
"""

from __future__ import annotations

import html
import json
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import qasync
from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QTableView,
    QTableWidget,
    QTextEdit,
    QToolTip,
    QWidget,
)
from pytestqt.qtbot import QtBot

from inspector.core.bundle import BUNDLE_FORMAT
from inspector.ui.widgets.inert import tooltip_text
from inspector.ui.widgets.value_label import ValueLabel
from inspector.ui.window.action_table import ActionId
from inspector.ui.window.copying import CopyKind
from tests.gui.driver import Running
from tests.gui.test_faults_gui import fetch, wait_idle, window_on
from tests.integration.fault_server import FaultServer, answer, image_body, redirect

PLAIN = "e3vhostile0000000000"
IMAGE = "e3vhostile0000000001"
ERROR = "e3vhostile0000000002"
BROKEN = "e3vhostile0000000003"
MOVED = "e3vhostile0000000004"
NESTED_TABLES = "<table><tr><td>" * 20 + "deep" + "</td></tr></table>" * 20
# A freeze detector, not a benchmark. On a shared 2-core machine (load average 6 to 8) the worst
# turn of the loop here was 0.35 to 0.55 s: the first build of a raw view with 900-character
# values, which costs the same for plain words. Rendering the nested tables as rich text took
# 217 s (the cost doubles with each level), so a budget of seconds catches that at once without
# failing on a busy day.
STALL_BUDGET_S = 2.0


@pytest.fixture
def payload(tmp_path: Path) -> str:
    """Markup Qt would render: bold, a local image, a link and 20 nested tables in one value."""
    picture = tmp_path / "local.png"
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    image.fill(0xFF0000)
    assert image.save(str(picture))
    return (
        f'<b>x</b><img src="{picture}"><a href="https://evil.example/steal">link</a>{NESTED_TABLES}'
    )


class StallWatch:
    """A 10 ms timer; how late it ever fired is how long the event loop was blocked."""

    def __init__(self) -> None:
        self.worst = 0.0
        self._last = time.monotonic()
        self._timer = QTimer()
        self._timer.setInterval(10)
        self._timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = time.monotonic()
        self.worst = max(self.worst, now - self._last - 0.010)
        self._last = now

    def __enter__(self) -> StallWatch:
        self._last = time.monotonic()
        self._timer.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._tick()
        self._timer.stop()


@pytest.fixture
def hostile_server(qt_loop: qasync.QEventLoop, qtbot: QtBot, payload: str) -> Iterator[FaultServer]:
    fields = {
        "folderId": payload,
        "name": payload,
        "description": payload,
        "status": payload,
        "labels": {"key": payload, payload[:200]: "value"},
        "createdAt": "2026-11-27T08:00:00Z",
        "futureField": payload,
    }
    broken = {"createdAt": payload, "storageSize": payload}
    faults = {
        PLAIN: answer(200, image_body(PLAIN, labels={"os": "linux"})),
        IMAGE: answer(
            200, image_body(IMAGE, **fields), headers=[("x-hostile-header", payload[:400])]
        ),
        ERROR: answer(
            403,
            json.dumps(
                {
                    "code": 7,
                    "message": payload,
                    "details": [{"@type": payload, "requestId": payload[:300]}],
                }
            ).encode(),
            headers=[("x-request-id", payload[:300]), ("x-server-trace-id", payload[:300])],
        ),
        BROKEN: answer(200, image_body(BROKEN, **broken)),
        MOVED: redirect(f"https://{payload[:60]}/"),
    }
    listed = image_body(IMAGE, **fields).decode()
    faults[""] = answer(200, f'{{"desktopImages":[{listed}]}}'.encode())  # the folder listing
    with FaultServer(faults) as server:
        yield server
        qtbot.waitUntil(lambda: server.open_connections == 0, timeout=5000)


@pytest.fixture
def app(qtbot: QtBot, hostile_server: FaultServer) -> Iterator[Running]:
    """The window, warmed up by one plain image: the first answer's one-off costs (imports,
    first layout, fonts) are not what the stall watch is after."""
    with window_on(qtbot, hostile_server.base_url) as running:
        fetch(qtbot, running, PLAIN)
        wait_idle(qtbot, running)
        running.window.page.views.setCurrentIndex(1)
        qtbot.wait(20)
        show_every_tooltip(qtbot, running.window)
        running.window.page.views.setCurrentIndex(0)
        qtbot.wait(20)
        yield running


def label(app: Running, name: str) -> QLabel | ValueLabel:
    """A label or value of the current tab (each tab has its own form, banner and error)."""
    widget = app.window.page.findChild(QWidget, name)
    assert isinstance(widget, QLabel | ValueLabel), name
    return widget


def bundle_file(folder: Path, payload: str, *, image_id: str) -> Path:
    """A support bundle whose every field is hostile; its URL points at another host."""
    body = image_body(image_id, name=payload, status=payload, description=payload).decode()
    document = {
        "format": BUNDLE_FORMAT,
        "version": 1,
        "capturedAt": "2026-11-27T08:01:17.123456Z",
        "environment": {"app": payload, "os": payload},
        "request": {
            "method": "GET",
            "url": "https://evil.example/steal",
            "endpoint": payload,
            "imageId": payload,
        },
        "requestIds": {"x-client-request-id": payload, "x-request-id": payload},
        "timing": {"elapsedMs": 12.5},
        "clock": {"serverDate": payload},
        "response": {
            "httpVersion": payload,
            "status": 200,
            "reason": payload,
            "headers": [["content-type", payload], [payload[:100], payload]],
            "body": body,
        },
    }
    path = folder / "hostile.inspector.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def shown_tooltip(tip: str) -> str:
    """What a tooltip displays: Qt reads it as rich text when it looks like markup."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def show_every_tooltip(qtbot: QtBot, root: QWidget) -> list[str]:
    """Pop up every tooltip in ``root`` (widgets and item views' cells) as a hover would."""
    shown: list[str] = []
    tips: list[tuple[QWidget, str]] = [
        (widget, widget.toolTip()) for widget in root.findChildren(QWidget) if widget.toolTip()
    ]
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(min(model.rowCount(), 50)):
            for column in range(model.columnCount()):
                tip = model.data(
                    model.index(row, column, QModelIndex()), Qt.ItemDataRole.ToolTipRole
                )
                if isinstance(tip, str) and tip:
                    tips.append((view, tip))
    for widget, tip in tips:
        QToolTip.showText(widget.mapToGlobal(QPoint(2, 2)), tip, widget)
        qtbot.wait(1)
        shown.append(shown_tooltip(tip))
    QToolTip.hideText()
    return shown


def caption(app: Running, name: str) -> QLabel:
    """A label (not a value) of the current tab."""
    widget = app.window.page.findChild(QLabel, name)
    assert isinstance(widget, QLabel), name
    return widget


def rich_capable(root: QWidget) -> list[str]:
    """Every visible label that holds text and could read it as markup, and every tooltip
    that Qt would render as markup but the app did not escape."""
    found = []
    for widget in root.findChildren(QLabel):
        if widget.objectName() == "qtooltip_label":
            continue  # Qt's own tooltip: what it shows is checked through the tooltips below
        if widget.isVisible() and widget.text() and widget.textFormat() != Qt.TextFormat.PlainText:
            found.append(f"label {widget.objectName() or widget.text()[:40]!r}")
    for value in root.findChildren(QTextEdit):
        # Plain text set as plain: an image or other object would show as U+FFFC.
        if value.isVisible() and (value.acceptRichText() or "\ufffc" in value.toPlainText()):
            found.append(f"text {value.objectName()!r}")
    for holder in [root, *root.findChildren(QWidget)]:
        tip = holder.toolTip()
        if tip and GuiQt.mightBeRichText(tip) and tooltip_text(shown_tooltip(tip)) != tip:
            found.append(f"tooltip of {holder.objectName() or type(holder).__name__}")
    for view in root.findChildren(QAbstractItemView):
        model = view.model()
        for row in range(0 if model is None else model.rowCount()):
            for column in range(model.columnCount()):
                tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
                if (
                    isinstance(tip, str)
                    and GuiQt.mightBeRichText(tip)
                    and tooltip_text(shown_tooltip(tip)) != tip
                ):
                    found.append(f"cell tooltip in {view.objectName()}")
    return found


def labels_cells(app: Running) -> list[str]:
    table = app.window.page.findChild(QTableView, "labelsTable")
    assert isinstance(table, QTableView)
    model = table.model()
    return [
        str(model.data(model.index(row, column)))
        for row in range(model.rowCount())
        for column in range(2)
    ]


def test_a_hostile_image_is_shown_literally(qtbot: QtBot, app: Running, payload: str) -> None:
    with StallWatch() as watch:
        fetch(qtbot, app, IMAGE)
        wait_idle(qtbot, app)
        assert label(app, "nameValue").text() == payload
        assert label(app, "folderIdValue").text() == payload
        assert label(app, "descriptionValue").text() == payload
        assert label(app, "unknownFieldsValue").text() == f"futureField: {json.dumps(payload)}"
        badge = label(app, "statusBadge")
        assert badge.text() == f"{payload} (unknown status)"
        assert payload in labels_cells(app)
        assert app.window.tabs.tabText(app.window.tabs.currentIndex()) == payload
        assert shown_tooltip(app.window.tabs.tabToolTip(app.window.tabs.currentIndex())) == payload
        app.window.page.views.setCurrentIndex(1)  # the raw view: the headers as they came
        qtbot.wait(50)
        headers = app.window.page.findChild(QTableWidget, "rawHeaders")
        assert isinstance(headers, QTableWidget)
        values = [headers.item(row, 1) for row in range(headers.rowCount())]
        assert payload[:400] in [item.text() for item in values if item is not None]
        tooltips = show_every_tooltip(qtbot, app.window)
        qtbot.wait(50)
    assert any(payload in tip for tip in tooltips)
    assert payload[:400] in tooltips
    assert rich_capable(app.window) == []
    assert watch.worst < STALL_BUDGET_S, f"the event loop stalled {watch.worst:.3f} s"


def test_a_hostile_error_is_shown_literally(qtbot: QtBot, app: Running, payload: str) -> None:
    with StallWatch() as watch:
        fetch(qtbot, app, ERROR)
        wait_idle(qtbot, app)
        assert label(app, "errorMessageValue").text() == payload
        assert json.dumps(payload)[:100] in label(app, "errorDetailsValue").text()
        assert label(app, "requestIdValue").text() == payload[:300]
        assert label(app, "serverTraceIdValue").text() == payload[:300]
        assert app.window.minimumSizeHint().width() < 1000  # the window is not pushed wide
        show_every_tooltip(qtbot, app.window)
        qtbot.wait(50)
    assert rich_capable(app.window) == []
    assert watch.worst < STALL_BUDGET_S, f"the event loop stalled {watch.worst:.3f} s"


def test_hostile_field_values_are_an_error_detail_shown_literally(
    qtbot: QtBot, app: Running, payload: str
) -> None:
    with StallWatch() as watch:
        fetch(qtbot, app, BROKEN)
        wait_idle(qtbot, app)
        assert label(app, "errorTitle").isVisible()
        details = label(app, "errorDetailsValue").text()
        assert details.startswith("createdAt: not an RFC 3339 timestamp")
        app.window.page.views.setCurrentIndex(1)  # the raw view shows the body as it came
        qtbot.wait(50)
        show_every_tooltip(qtbot, app.window)
        qtbot.wait(50)
    assert rich_capable(app.window) == []
    assert watch.worst < STALL_BUDGET_S, f"the event loop stalled {watch.worst:.3f} s"


def test_a_hostile_redirect_target_is_shown_literally(
    qtbot: QtBot, app: Running, payload: str
) -> None:
    with StallWatch() as watch:
        fetch(qtbot, app, MOVED)
        wait_idle(qtbot, app)
        title = caption(app, "errorTitle")
        assert title.text() == "The server redirected the request to <b>x<"
        assert title.textFormat() == Qt.TextFormat.PlainText
        qtbot.wait(50)
    assert rich_capable(app.window) == []
    assert watch.worst < STALL_BUDGET_S, f"the event loop stalled {watch.worst:.3f} s"


def test_a_hostile_bundle_is_shown_literally_and_exports_only_what_was_configured(
    qtbot: QtBot, app: Running, payload: str, tmp_path: Path, hostile_server: FaultServer
) -> None:
    path = bundle_file(tmp_path, payload, image_id=IMAGE)
    with StallWatch() as watch:
        app.window.openFileChosen.emit(str(path))  # the code path of File > Open
        qtbot.waitUntil(lambda: label(app, "offlineBanner").isVisible())
        assert label(app, "nameValue").text() == payload
        assert label(app, "statusBadge").text() == f"{payload} (unknown status)"
        assert caption(app, "resultCaption").textFormat() == Qt.TextFormat.PlainText
        app.window.page.views.setCurrentIndex(1)  # the raw view: headers, ids, timing
        qtbot.wait(50)
        show_every_tooltip(qtbot, app.window)
        qtbot.wait(50)
    assert rich_capable(app.window) == []
    assert watch.worst < STALL_BUDGET_S, f"the event loop stalled {watch.worst:.3f} s"
    app.window.copy(CopyKind.CURL)
    curl = QGuiApplication.clipboard().text()
    assert "evil.example" not in curl
    assert curl.endswith(f"{hostile_server.base_url}/cloud-desktop/v1/images/{IMAGE}")
    app.window.copy(CopyKind.IDS)
    ids = QGuiApplication.clipboard().text()
    assert ids.count("\n") == 2  # one line per id, whatever a value holds


@pytest.mark.parametrize(
    ("bad_id", "bad"), [("--endpoint=evil.example:443", "="), ("<b>x</b>", "<")]
)
def test_a_bundle_with_an_invalid_id_turns_the_commands_off_with_the_reason(
    qtbot: QtBot, app: Running, payload: str, tmp_path: Path, bad_id: str, bad: str
) -> None:
    path = bundle_file(tmp_path, payload, image_id=bad_id)
    QGuiApplication.clipboard().setText("before")
    app.window.openFileChosen.emit(str(path))
    qtbot.waitUntil(lambda: label(app, "offlineBanner").isVisible())
    curl, yc = app.window.action(ActionId.COPY_CURL), app.window.action(ActionId.COPY_YC)
    assert not curl.isEnabled()
    assert not yc.isEnabled()
    status = app.window.statusBar().currentMessage()
    assert status.startswith("Copy as curl and as yc are off for hostile.inspector.json:")
    assert f"the image ID contains {bad!r}" in status
    assert label(app, "idValue").text() == bad_id
    assert curl.statusTip() == status
    app.window.copy(CopyKind.YC)
    assert QGuiApplication.clipboard().text() == "before"
    assert app.window.action(ActionId.COPY_JSON).isEnabled()  # the file itself can still be copied
    app.window.new_tab()
    assert curl.isEnabled()  # another tab, another answer


@pytest.mark.parametrize(
    ("timing", "captured", "reason"),
    [
        ({"elapsedMs": int("9" * 400)}, "2026-11-27T08:01:17Z", "timing.elapsedMs is out of range"),
        ({"elapsedMs": "fast"}, "2026-11-27T08:01:17Z", "timing.elapsedMs is not a number"),
        ({"elapsedMs": 1.0}, "10000-01-01T00:00:00Z", "capturedAt is not a time"),
    ],
)
def test_a_bundle_with_out_of_range_numbers_is_a_file_error_and_no_stray_tab(
    qtbot: QtBot,
    app: Running,
    tmp_path: Path,
    timing: dict[str, object],
    captured: str,
    reason: str,
) -> None:
    fetch(qtbot, app, IMAGE)
    wait_idle(qtbot, app)
    path = bundle_file(tmp_path, "plain", image_id=IMAGE)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["timing"] = timing
    document["capturedAt"] = captured
    path.write_text(json.dumps(document), encoding="utf-8")
    app.window.openFileChosen.emit(str(path))
    box = app.window.findChild(QMessageBox, "fileErrorBox")
    assert isinstance(box, QMessageBox)
    assert box.isVisible()
    assert reason in box.text()
    assert app.window.tabs.count() == 1
    assert rich_capable(box) == []
    box.close()


def test_a_bundle_from_year_9999_with_nanoseconds_opens(
    qtbot: QtBot, app: Running, tmp_path: Path
) -> None:
    path = bundle_file(tmp_path, "plain", image_id=IMAGE)
    document = json.loads(path.read_text(encoding="utf-8"))
    document["capturedAt"] = "9999-12-31T23:59:59.999999999Z"
    path.write_text(json.dumps(document), encoding="utf-8")
    app.window.openFileChosen.emit(str(path))
    qtbot.waitUntil(lambda: label(app, "offlineBanner").isVisible())
    assert "9999-12-31" in label(app, "offlineBanner").text()
    assert app.window.findChild(QMessageBox, "unexpectedErrorBox") is None


def test_a_file_error_names_a_hostile_file_name_literally(
    qtbot: QtBot, app: Running, tmp_path: Path
) -> None:
    path = tmp_path / f"{NESTED_TABLES[:120]}.json"
    path.write_text("not json", encoding="utf-8")
    with StallWatch() as watch:
        app.window.openFileChosen.emit(str(path))
        box = app.window.findChild(QMessageBox, "fileErrorBox")
        assert isinstance(box, QMessageBox)
        qtbot.waitUntil(box.isVisible)
        qtbot.wait(50)
    assert box.informativeText() == str(path)
    assert rich_capable(box) == []
    assert watch.worst < STALL_BUDGET_S, f"the event loop stalled {watch.worst:.3f} s"
    box.close()


def test_the_escaped_tooltip_shows_the_literal_text() -> None:
    assert QApplication.instance() is not None
    for text in ("<b>x</b>", NESTED_TABLES, "a & b <c>", "plain"):
        assert shown_tooltip(tooltip_text(text)) == text
    assert html.escape("<b>") in tooltip_text("<b>x</b>")


def stub_tools(folder: Path) -> Path:
    """``yc`` and ``curl`` stand-ins that record the arguments they get, one per line."""
    folder.mkdir()
    for tool in ("yc", "curl"):
        script = folder / tool
        script.write_text(
            "#!/bin/sh\n"
            f'printf "%s\\n" "$@" > "{folder}/{tool}.args.$$"\n'
            'if [ "$1 $2" = "iam create-token" ]; then echo STUB-TOKEN; fi\n',
            encoding="utf-8",
        )
        script.chmod(0o755)
    return folder


def run_pasted(command: str, tools: Path) -> dict[str, list[list[str]]]:
    """Check ``command`` as bash would parse it, run it with the stubs, return what each got."""
    syntax = subprocess.run(["bash", "-n", "-c", command], capture_output=True, check=False)
    assert syntax.returncode == 0, syntax.stderr
    env = {"PATH": f"{tools}:/usr/bin:/bin", "HOME": str(tools)}
    subprocess.run(["bash", "-c", command], env=env, check=True, timeout=30)
    seen: dict[str, list[list[str]]] = {"yc": [], "curl": []}
    for record in sorted(tools.glob("*.args.*")):
        seen[record.name.split(".")[0]].append(record.read_text(encoding="utf-8").splitlines())
        record.unlink()
    return seen


def test_each_copied_command_passes_bash_and_gives_the_tools_only_configured_arguments(
    qtbot: QtBot, app: Running, tmp_path: Path, payload: str, hostile_server: FaultServer
) -> None:
    tools = stub_tools(tmp_path / "tools")
    url = f"{hostile_server.base_url}/cloud-desktop/v1/images"
    fetch(qtbot, app, IMAGE)
    wait_idle(qtbot, app)
    opened = bundle_file(tmp_path, payload, image_id="-rf")  # valid, but starts with '-'
    for image_id, open_it in ((IMAGE, None), ("-rf", opened)):
        if open_it is not None:
            app.window.openFileChosen.emit(str(open_it))
            qtbot.waitUntil(lambda: label(app, "offlineBanner").isVisible())
        app.window.copy(CopyKind.CURL)
        seen = run_pasted(QGuiApplication.clipboard().text(), tools)
        assert seen["yc"] == [["iam", "create-token"]]
        assert seen["curl"] == [
            ["-sS", "-i", "-H", "Authorization: Bearer STUB-TOKEN", f"{url}/{image_id}"]
        ]
        app.window.copy(CopyKind.YC)
        seen = run_pasted(QGuiApplication.clipboard().text(), tools)
        assert seen == {
            "yc": [["desktops", "image", "get", f"--id={image_id}", "--format", "json"]],
            "curl": [],
        }


def test_the_walk_after_an_image_an_error_a_bundle_the_history_and_a_listing(
    qtbot: QtBot, app: Running, payload: str, tmp_path: Path
) -> None:
    """One window that has shown everything hostile at once: no visible widget anywhere is left
    able to read data as markup, in any tab, dock or tooltip."""
    window = app.window
    with StallWatch() as watch:
        fetch(qtbot, app, IMAGE)
        wait_idle(qtbot, app)
        window.new_tab()
        fetch(qtbot, app, ERROR)
        wait_idle(qtbot, app)
        window.openFileChosen.emit(str(bundle_file(tmp_path, payload, image_id=IMAGE)))
        qtbot.waitUntil(lambda: label(app, "offlineBanner").isVisible())
        window.history_dock.show()
        window.browser_dock.show()
        window.browser.folder_edit.setText("b1ghostilefolder0001")
        window.browser.request_list()
        qtbot.waitUntil(lambda: window.browser.model.rowCount() == 1, timeout=10_000)
        history = window.history_panel.list.topLevelItem(0)
        assert history is not None
        assert history.text(1) == payload[:200]  # the history keeps 200 characters
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            qtbot.wait(20)
            assert rich_capable(window) == [], f"tab {index}"
            show_every_tooltip(qtbot, window)
    assert watch.worst < STALL_BUDGET_S, f"the event loop stalled {watch.worst:.3f} s"
