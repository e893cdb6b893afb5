"""ListDesktopImagesResponse through the pager and ``list -o jsonl``; google.rpc.Status bodies
through the client's errors, their explanation and ``get``'s stderr."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from typing import Any, Final

import pytest
from google.protobuf import json_format
from hypothesis import given

from inspector.api.errors import APIStatusError
from inspector.api.list_query import make_query
from inspector.api.listing import Pager
from inspector.demo.server import DemoServer
from inspector.present.errors import GRPC_CODE_NAMES, code_hint, explain
from inspector.present.text import printable
from tests.conformance.helpers import fresh_id, run_cli, with_client
from tests.conformance.oracle import (
    TALLY,
    budget,
    compare_image,
    pb_lists,
    pb_statuses,
    serialisers,
)

# The gateway's HTTP status for each gRPC code (docs/FACTS); 0 never comes with an error status
# from a gateway, but a proxy could send one: 500 stands in.
HTTP_BY_CODE: Final = {
    0: 500,
    1: 499,
    2: 500,
    3: 400,
    4: 504,
    5: 404,
    6: 409,
    7: 403,
    8: 429,
    9: 400,
    10: 409,
    11: 400,
    12: 501,
    13: 500,
    14: 503,
    15: 500,
    16: 401,
}
# The CLI retries these with real pauses; the client check covers them without waiting.
_RETRIED: Final = {429, 500, 502, 503, 504}


@pytest.fixture(scope="module")
def server() -> Iterator[DemoServer]:
    with DemoServer() as demo:
        yield demo


@given(response=pb_lists(), write=serialisers())
@budget(80)
def test_list_through_the_pager_and_json_lines(
    server: DemoServer, response: Any, write: Callable[[Any], bytes]
) -> None:
    TALLY.messages += 1 + len(response.desktop_images)
    body = write(response)
    wires = json.loads(body).get("desktopImages", [])
    folder = fresh_id("b1gconform")
    server.put_raw_page(folder, "", 200, body)

    page = with_client(server, lambda client: Pager(client, make_query(folder)).next_page())
    TALLY.compare("page is the last", page.more, False)
    TALLY.compare("images listed", len(page.images), len(response.desktop_images))
    for listed, message, wire in zip(page.images, response.desktop_images, wires, strict=True):
        assert listed.image is not None, listed.problems
        compare_image(message, wire, listed.image)

    code, out, err = run_cli("list", folder, "--endpoint", server.base_url, "-o", "jsonl")
    assert code == 0, err
    lines = out.decode("utf-8").splitlines()
    expected = [json_format.MessageToDict(image) for image in response.desktop_images]
    TALLY.compare("list -o jsonl", [json.loads(line) for line in lines], expected)


@given(status=pb_statuses(), write=serialisers())
@budget(100)
def test_error_bodies_through_the_client_and_get(
    server: DemoServer, status: Any, write: Callable[[Any], bytes]
) -> None:
    TALLY.messages += 1
    body = write(status)
    wire = json.loads(body)
    http = HTTP_BY_CODE[status.code]
    image_id = fresh_id("e3verror")
    server.put_raw(image_id, http, body)

    with pytest.raises(APIStatusError) as caught:
        with_client(server, lambda client: client.get_image(image_id))
    error = caught.value
    assert error.body is not None
    TALLY.compare("code", error.body.code, wire.get("code"))
    TALLY.compare("message", error.body.message or "", status.message)
    TALLY.compare("details", error.body.details, wire.get("details", []))
    explanation = explain(error)
    shown_code = f"{status.code} {GRPC_CODE_NAMES[status.code]}"
    TALLY.compare("gRPC code shown", explanation.grpc_code, shown_code if status.code else None)
    if status.code:
        TALLY.compare("hint by gRPC code", explanation.hint, code_hint(status.code))
    TALLY.compare("HTTP status shown", (explanation.http_status or "").split()[0], str(http))

    if http in _RETRIED:
        return
    code, _out, err = run_cli("get", image_id, "--endpoint", server.base_url)
    TALLY.compare("get exit code", code, 1)
    if status.code:
        TALLY.compare("get shows the code", f"gRPC code:     {shown_code}" in err, True)
    if status.message:
        TALLY.compare("get shows the message", printable(status.message) in err, True)
