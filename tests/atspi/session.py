"""One desktop session for the screen-reader test: the AT-SPI bus, Xvfb, the app with
accessibility on, and the reader; prints the reader's JSON, or ``{"skip": reason}``.

Run inside ``dbus-run-session`` (a private session bus, gone with this process):
``session.py APP_ARGS_JSON STEPS_JSON``. Every process it starts is stopped by its own handle
before it returns; the app's output goes to stderr.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BUS_LAUNCHER = "/usr/libexec/at-spi-bus-launcher"
SYSTEM_PYTHON = "/usr/bin/python3"
APP_NAME = "cloud-desktop-inspector"
ASK_BUS_ADDRESS = (
    *("dbus-send", "--session", "--print-reply", "--dest=org.a11y.Bus"),
    *("/org/a11y/bus", "org.a11y.Bus.GetAddress"),
)


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(5)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def accessibility_bus_up() -> bool:
    """The session bus knows the accessibility bus (what Qt and pyatspi look up)."""
    for _ in range(50):
        answer = subprocess.run(
            ASK_BUS_ADDRESS,
            capture_output=True,
            check=False,
        )
        if answer.returncode == 0:
            return True
        time.sleep(0.1)
    return False


def start_xvfb() -> tuple[subprocess.Popen[bytes], str] | None:
    """Xvfb on a free display; None when it does not start."""
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    if not number:
        stop(xvfb)
        return None
    return xvfb, f":{number}"


def run_reader(app_args: list[str], steps: str) -> tuple[str, int]:
    started = start_xvfb()
    if started is None:
        return json.dumps({"skip": "Xvfb did not start"}), 0
    xvfb, display = started
    env = {
        **os.environ,
        "DISPLAY": display,
        "QT_QPA_PLATFORM": "xcb",
        "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
    }
    with tempfile.TemporaryFile() as app_log:
        app = subprocess.Popen(app_args, env=env, stdout=app_log, stderr=app_log)
        try:
            reader = subprocess.run(
                [SYSTEM_PYTHON, str(HERE / "reader.py"), APP_NAME, steps],
                env={**env, "PYTHONPATH": ""},
                stdout=subprocess.PIPE,
                text=True,
                timeout=150,
                check=False,
            )
        finally:
            stop(app)
            stop(xvfb)
            app_log.seek(0)
            sys.stderr.write(app_log.read().decode(errors="replace"))
    return reader.stdout, reader.returncode


def main() -> int:
    launcher = subprocess.Popen(
        [BUS_LAUNCHER, "--launch-immediately"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        if not accessibility_bus_up():
            output, code = json.dumps({"skip": "the AT-SPI bus did not start"}), 0
        else:
            output, code = run_reader(json.loads(sys.argv[1]), sys.argv[2])
    finally:
        stop(launcher)
    sys.stdout.write(output)
    return code


sys.exit(main())
