"""The built-in demo API: real HTTP on 127.0.0.1 with sample images for every case the wire allows.

It serves ``--demo`` (try the inspector with no account) and the tests that need a real server.
Standard library only, so it runs wherever the headless layers run.
"""

from __future__ import annotations

import socket
from typing import Final

# The sample the self-test fetches when no --image-id is given; here, not in .data, because the
# self-test names it on the line it prints right at the first paint.
DEFAULT_IMAGE_ID: Final = "e3vdemoactive0000001"


def listen(port: int = 0) -> socket.socket:
    """A socket on 127.0.0.1 that is bound and listening (port 0: a free one), for a
    :class:`inspector.demo.server.DemoServer` to serve on later; ``OSError`` if it cannot."""
    return socket.create_server(("127.0.0.1", port))
