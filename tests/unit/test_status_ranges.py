"""The title and hint of an HTTP error follow its status class at the edges of each class:
4xx is refused, 5xx is a failure, and anything else is a status the API does not use."""

from __future__ import annotations

import pytest

from inspector.api.errors import StatusBody
from inspector.present.errors import explain
from tests.unit.test_present_errors import status_error

REFUSED = "The API refused the request (HTTP {status})"
FAILED = "The API failed to answer (HTTP {status})"
ODD = "The API answered with an unexpected status (HTTP {status})"
NOT_THE_API = "The body is not the API's error JSON"
ODD_HINT = "The server answered with a status the API does not use"
SERVER_HINT = "The server failed: retry later"


@pytest.mark.parametrize(
    ("status", "title"),
    [(399, ODD), (400, REFUSED), (499, REFUSED), (500, FAILED), (599, FAILED), (600, ODD)],
)
def test_the_title_follows_the_status_class(status: int, title: str) -> None:
    assert explain(status_error(status)).title == title.format(status=status)


@pytest.mark.parametrize(("status", "hint"), [(598, SERVER_HINT), (600, ODD_HINT)])
def test_a_status_without_its_own_hint_gets_its_class_hint(status: int, hint: str) -> None:
    assert explain(status_error(status)).hint.startswith(hint)


def test_only_a_body_that_is_not_the_apis_json_is_called_so() -> None:
    assert NOT_THE_API in explain(status_error(418)).hint
    with_body = explain(status_error(418, body=StatusBody(None, "teapot")))
    assert with_body.hint.startswith("The API refused the request")
    assert NOT_THE_API not in with_body.hint
