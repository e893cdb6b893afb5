"""``python -m inspector.demo``: the demo API in the foreground, to try with curl or the app."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from inspector.demo import DEFAULT_IMAGE_ID
from inspector.demo.data import DEMO_IMAGES
from inspector.demo.server import IMAGES_PREFIX, DemoServer

EXIT_LISTEN_FAILED = 1
EXIT_INTERRUPTED = 130


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m inspector.demo",
        description="Serve the demo Cloud Desktop API on 127.0.0.1 until Ctrl+C.",
    )
    parser.add_argument(
        "--port", type=int, default=0, help="port to listen on (default: a free one)"
    )
    args = parser.parse_args(argv)
    if not 0 <= args.port <= 65535:
        parser.error("--port must be between 0 and 65535")
    server = DemoServer(port=args.port)
    try:
        server.start()
    except OSError as error:
        port = args.port or "a free port"
        print(
            f"error: the demo API could not listen on 127.0.0.1:{port}: {error.strerror or error}",
            file=sys.stderr,
        )
        return EXIT_LISTEN_FAILED
    try:
        _print_banner(server.base_url)
        while True:
            time.sleep(3600)  # time.sleep, unlike Event.wait, wakes for Ctrl+C on Windows too
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    finally:
        server.stop()


def _print_banner(base_url: str) -> None:
    width = max(len(image_id) for image_id in DEMO_IMAGES)
    print(f"Demo API at {base_url} (Ctrl+C stops it). Any token, or none, is accepted.")
    print(f"  cloud-desktop-inspector --endpoint {base_url} get {DEFAULT_IMAGE_ID}")
    print(f"  curl {base_url}{IMAGES_PREFIX}{DEFAULT_IMAGE_ID}")
    print()
    for image_id, image in DEMO_IMAGES.items():
        print(f"  {image_id:<{width}}  {image.summary}")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
