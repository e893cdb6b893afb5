"""Capture ``docs/screenshots/open-bundle.png``: the window opened on a support bundle by
``cloud-desktop-inspector open FILE``, as a file manager's double-click runs it.

A live answer of the demo API is saved as a support bundle through the app's own client and
bundle writer; then the app itself is started as a separate process with ``open`` and the
screen is grabbed once the window has shown the bundle. Run under a real X server:
``xvfb-run -a -s '-screen 0 1280x800x24' .venv/bin/python docs/capture_open.py``
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ["QT_API"] = "pyside6"

from PySide6.QtGui import QGuiApplication

from inspector.api.client import ImageClient
from inspector.api.transport import Timeouts
from inspector.config.connection import resolve_connection
from inspector.core.bundle import build_bundle, default_bundle_name, environment, save_bundle
from inspector.demo.server import DemoServer

OUT = Path(__file__).parent / "screenshots" / "open-bundle.png"
IMAGE_ID = "e3vdemoactive0000001"
# The window is shown and has read the file well within this; the grab waits for it.
SETTLE_SECONDS = 6.0


async def save_demo_bundle(folder: Path) -> Path:
    with DemoServer() as server:
        connection = resolve_connection(demo_url=server.base_url)
        timeouts = Timeouts.within(20.0)
        async with connection.http_client(timeouts) as http:
            client = ImageClient(http, connection.endpoint, connection.token_cache(http))
            result = await client.get_image(IMAGE_ID)
    received = time.time_ns()
    bundle = build_bundle(
        result,
        image_id=IMAGE_ID,
        endpoint=connection.endpoint.base_url,
        received_at_ns=received,
        versions=environment(),
    )
    path = folder / default_bundle_name(IMAGE_ID, received)
    save_bundle(path, bundle)
    return path


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="cdi-shot-") as temporary:
        folder = Path(temporary)
        bundle = asyncio.run(save_demo_bundle(folder))
        env = {**os.environ, "XDG_CONFIG_HOME": str(folder / "config")}
        env["XDG_RUNTIME_DIR"] = str(folder)
        window = subprocess.Popen(
            [sys.executable, "-m", "inspector", "open", str(bundle), "--lang", "en"], env=env
        )
        try:
            time.sleep(SETTLE_SECONDS)
            app = QGuiApplication([sys.argv[0]])
            screen = app.primaryScreen()
            shot = screen.grabWindow(0)
            shot.copy(0, 0, 1000, 720).save(str(OUT))
            print(OUT)
        finally:
            window.terminate()
            window.wait(timeout=30)
    return 0


if __name__ == "__main__":
    sys.exit(main())
