"""The stack floor: what any window on this stack costs once it can fetch.

The bare window (:mod:`bench.bare_window`), then, after its first paint, the libraries the
inspector must load to fetch an image (asyncio, qasync, httpx, pydantic's model classes,
truststore) and one ``httpx.AsyncClient`` with the operating system's trust store, as the
inspector's client has.
Its peak RSS is the floor the inspector's memory is compared with; the time the imports take is
part of the budget for ``--image-id`` start to the image painted.
"""

from __future__ import annotations

import os
import time


def load_stack() -> dict[str, object]:
    """Import the stack and make one client; returns how long it took (seconds)."""
    started = time.monotonic()
    os.environ["QT_API"] = "pyside6"
    import asyncio  # noqa: F401
    import ssl

    import httpx
    import qasync  # noqa: F401
    import truststore

    # What the inspector imports from pydantic (``import pydantic`` alone loads it lazily).
    from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError  # noqa: F401

    client = httpx.AsyncClient(verify=truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    # Kept for the life of the process, as the inspector keeps its client.
    _kept.append(client)
    return {"stack_import_s": time.monotonic() - started}


_kept: list[object] = []
