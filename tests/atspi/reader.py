"""Read the window as a screen reader does, over AT-SPI; run by the system ``/usr/bin/python3``.

pyatspi comes with the distribution (``python3-pyatspi``), not with pip, so this script runs
outside the project's virtual environment and prints one JSON object. It plays the steps it is
given (keys through ``xdotool``, tree dumps, Tab walks) and records every announcement the
application makes meanwhile, as a screen reader registered for them would receive it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from typing import Any

import pyatspi
from gi.repository import GLib

APP_NAME = sys.argv[1]
STEPS: list[dict[str, Any]] = json.loads(sys.argv[2])
announcements: list[dict[str, Any]] = []
last_focus: list[Any] = []


def pump(seconds: float) -> None:
    """Let AT-SPI deliver events for ``seconds``."""
    context = GLib.MainContext.default()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        while context.pending():
            context.iteration(False)
        time.sleep(0.02)


def on_announcement(event: Any) -> None:
    announcements.append({"text": str(event.any_data), "from": describe_short(event.source)})


def on_focus(event: Any) -> None:
    if event.detail1 == 1:
        last_focus[:] = [event.source]


def describe_short(node: Any) -> str:
    try:
        return f"{node.getRoleName()}:{node.name}"
    except Exception:  # a defunct object
        return "?"


def find_app() -> Any:
    desktop = pyatspi.Registry.getDesktop(0)
    for _ in range(200):
        for app in desktop:
            if app is not None and app.name == APP_NAME:
                return app
        time.sleep(0.1)
    raise SystemExit(json.dumps({"error": f"{APP_NAME} never appeared on the AT-SPI bus"}))


def text_of(node: Any) -> str | None:
    """The text a reader reads through the Text interface, None where there is none."""
    if "Text" not in node.get_interfaces():
        return None
    return str(node.queryText().getText(0, -1))


def accessible_id(node: Any) -> str:
    try:
        return str(node.get_accessible_id() or "")
    except Exception:  # older AT-SPI: no identifiers
        return ""


def row_headers(node: Any) -> list[str]:
    """What a screen reader says for the first rows of a table (its row descriptions)."""
    try:
        table = node.queryTable()
    except NotImplementedError:
        return []
    return [str(table.getRowDescription(row)) for row in range(min(table.nRows, 3))]


def node_info(node: Any) -> dict[str, Any]:
    states = node.getState()
    labelled_by = [
        target.name
        for relation in node.getRelationSet()
        if relation.getRelationType() == pyatspi.RELATION_LABELLED_BY
        for target in (relation.getTarget(i) for i in range(relation.getNTargets()))
    ]
    attributes = dict(a.split(":", 1) for a in node.getAttributes() if ":" in a)
    role = node.getRoleName()
    return {
        "role": role,
        "row_headers": row_headers(node) if role == "table" else [],
        "name": node.name,
        "description": node.description,
        "text": text_of(node),
        "id": accessible_id(node) or attributes.get("id", ""),
        "labelled_by": labelled_by,
        "showing": states.contains(pyatspi.STATE_SHOWING),
        "focusable": states.contains(pyatspi.STATE_FOCUSABLE),
        "focused": states.contains(pyatspi.STATE_FOCUSED),
    }


def dump(node: Any, out: list[dict[str, Any]], depth: int = 0) -> None:
    if depth > 40:
        return
    info = node_info(node)
    info["depth"] = depth
    out.append(info)
    for child in node:
        if child is not None:
            dump(child, out, depth + 1)


def focus_window() -> None:
    """Give the keyboard to the application's visible window (no window manager does it)."""
    for _ in range(100):
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--class", APP_NAME],
            capture_output=True,
            text=True,
            check=False,
        ).stdout.split()
        for window in found:
            subprocess.run(["xdotool", "windowfocus", window], capture_output=True, check=False)
        focus = subprocess.run(
            ["xdotool", "getwindowfocus"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if focus and focus in found:
            pump(0.3)
            return
        pump(0.1)
    raise SystemExit(json.dumps({"error": f"no visible window of {APP_NAME} took the focus"}))


def focus_after(previous: Any, seconds: float = 5.0) -> dict[str, Any] | None:
    """The focused node once the focus has moved from ``previous`` (a busy machine is slow)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end and (not last_focus or last_focus[0] == previous):
        pump(0.05)
    pump(0.1)
    return node_info(last_focus[0]) if last_focus else None


def tab_cycle(key_name: str, most: int) -> list[dict[str, Any] | None]:
    """Press ``key_name`` until the focus is back where it started: every stop on the way."""
    if not last_focus:  # no focus change seen yet: make one, and come back
        key("Tab")
        focus_after(None)
        key("shift+Tab")
        focus_after(last_focus[0] if last_focus else None)
    first = focus_after(None)
    stops: list[dict[str, Any] | None] = [first]
    for _ in range(most):
        before = last_focus[0] if last_focus else None
        key(key_name)
        stop = focus_after(before)
        stops.append(stop)
        if stop is None or first is None or stop["id"] == first["id"]:
            break
    return stops


def key(*names: str) -> None:
    subprocess.run(["xdotool", "key", "--clearmodifiers", *names], check=True)


def main() -> None:
    app = find_app()
    pyatspi.Registry.registerEventListener(on_announcement, "object:announcement")
    pyatspi.Registry.registerEventListener(on_focus, "object:state-changed:focused")
    result: dict[str, Any] = {}
    for step in STEPS:
        kind = step["do"]
        print("step", step, file=sys.stderr, flush=True)
        if kind == "wait":
            pump(step["seconds"])
        elif kind == "focus_window":
            focus_window()
        elif kind == "keys":
            key(*step["keys"])
            pump(step.get("settle", 0.3))
        elif kind == "type":
            subprocess.run(["xdotool", "type", "--delay", "5", step["text"]], check=True)
            pump(0.3)
        elif kind == "forget_announcements":
            pump(0.5)
            announcements.clear()
        elif kind == "wait_announcements":
            end = time.monotonic() + step["seconds"]
            while time.monotonic() < end and len(announcements) < step["count"]:
                pump(0.1)
            pump(1.0)  # and whatever follows right after
            result[step["as"]] = list(announcements)
            announcements.clear()
        elif kind == "dump":
            nodes: list[dict[str, Any]] = []
            dump(app, nodes)
            result[step["as"]] = nodes
        elif kind == "tab_cycle":
            result[step["as"]] = tab_cycle(step.get("key", "Tab"), step["max"])
    print(json.dumps(result))


main()
