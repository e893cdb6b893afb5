"""The stack floor: what any window on this stack costs once it can fetch.

The bare window (:mod:`bench.bare_window`), then, after its first paint, the libraries the
inspector must load to fetch an image (asyncio, qasync, httpx, pydantic's model classes,
truststore), one ``httpx.AsyncClient`` with the operating system's trust store, as the
inspector's client has, and what those libraries load only on first use, which every app that
fetches with them pays too: pydantic's schema machinery (with the first model class) and
httpcore's asyncio network backend (with the first connection: this one goes to a loopback
port nothing listens on, refused at once).
Its peak RSS is the floor the inspector's memory is compared with; the time all this takes is
part of the budget for ``--image-id`` start to the image painted.
"""

from __future__ import annotations

import contextlib
import os
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import httpx

# Nothing listens on port 1 of the loopback: the connection is refused without a wait.
_REFUSED_URL = "http://127.0.0.1:1/"


def load_stack() -> dict[str, object]:
    """Import the stack, make one client and use both once; returns how long it took (s)."""
    started = time.monotonic()
    os.environ["QT_API"] = "pyside6"
    import asyncio
    import ssl

    import httpx
    import qasync  # noqa: F401
    import truststore

    # What the inspector imports from pydantic (``import pydantic`` alone loads it lazily).
    from pydantic import BaseModel, ConfigDict, Field, PlainValidator, ValidationError  # noqa: F401

    class Image(BaseModel):  # the first model class loads pydantic's schema machinery
        id: str = ""

    Image.model_validate({"id": "e3v"})
    client = httpx.AsyncClient(verify=truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT))
    asyncio.run(_first_connection(client))
    # Kept for the life of the process, as the inspector keeps its client.
    _kept.append(client)
    return {"stack_import_s": time.monotonic() - started}


async def _first_connection(client: httpx.AsyncClient) -> None:
    """One refused GET: httpcore loads its asyncio backend with a client's first connection."""
    import httpx

    with contextlib.suppress(httpx.HTTPError):
        await client.get(_REFUSED_URL, timeout=2.0)


_kept: list[object] = []
