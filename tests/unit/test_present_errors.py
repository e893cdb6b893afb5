"""Every error becomes an explanation with what support asks for and a hint that fits."""

from __future__ import annotations

import pytest

from inspector.api.credentials.errors import CredentialError, Hint
from inspector.api.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    ConnectionKind,
    InspectorError,
    RedirectError,
    RequestIds,
    ResponseError,
    StatusBody,
    UsageError,
)
from inspector.api.inputs import ALTERNATIVE_ENDPOINT, DEFAULT_ENDPOINT
from inspector.api.status_errors import status_class
from inspector.present.errors import (
    GRPC_CODE_HINTS,
    GRPC_CODE_NAMES,
    Explanation,
    explain,
    explanation_lines,
)

HOST = "cloud-desktop.api.cloud.yandex.net"
IDS = RequestIds("6f1c0000-0000-4000-8000-000000000000", "req-42", "trace-7")
REQUEST_INFO = {"@type": "type.googleapis.com/google.rpc.RequestInfo", "requestId": "req-42"}


def status_error(
    status_code: int,
    reason: str = "",
    body: StatusBody | None = None,
    body_text: str = "",
    request_ids: RequestIds = IDS,
) -> APIStatusError:
    return status_class(status_code, None if body is None else body.code)(
        status_code=status_code,
        reason=reason,
        body=body,
        body_text=body_text,
        request_ids=request_ids,
    )


def connection_error(kind: str, tls_issuer: str | None = None) -> APIConnectionError:
    return APIConnectionError(
        f"{kind} failure at {HOST}", kind=kind, host=HOST, request_ids=IDS, tls_issuer=tls_issuer
    )


def test_not_found_in_full() -> None:
    error = status_error(
        404, "Not Found", StatusBody(5, "Desktop image e3vbad not found", [REQUEST_INFO])
    )
    assert explain(error) == Explanation(
        title="The API refused the request (HTTP 404)",
        http_status="404 Not Found",
        grpc_code="5 NOT_FOUND",
        message="Desktop image e3vbad not found",
        details=['{"@type": "type.googleapis.com/google.rpc.RequestInfo", "requestId": "req-42"}'],
        request_ids=[
            ("x-client-request-id", "6f1c0000-0000-4000-8000-000000000000"),
            ("x-request-id", "req-42"),
            ("x-server-trace-id", "trace-7"),
        ],
        hint=(
            "The image does not exist here. Check the ID and the region/endpoint "
            "(images live in one folder and one installation)."
        ),
    )


def test_lines_for_the_cli() -> None:
    error = status_error(
        404, "Not Found", StatusBody(5, "Desktop image e3vbad not found", [REQUEST_INFO])
    )
    assert explanation_lines(explain(error)) == [
        "error: The API refused the request (HTTP 404)",
        "  HTTP status:   404 Not Found",
        "  gRPC code:     5 NOT_FOUND",
        "  message:       Desktop image e3vbad not found",
        '  details:       {"@type": "type.googleapis.com/google.rpc.RequestInfo", '
        '"requestId": "req-42"}',
        "  x-client-request-id: 6f1c0000-0000-4000-8000-000000000000",
        "  x-request-id:  req-42",
        "  x-server-trace-id: trace-7",
        "  hint: The image does not exist here. Check the ID and the region/endpoint "
        "(images live in one folder and one installation).",
    ]


@pytest.mark.parametrize(
    ("status", "code", "words"),
    [
        (400, 3, "The request is invalid whatever the image's state. Check the image ID."),
        (400, 9, "The image's state does not allow it yet"),
        (400, 11, "past the valid range"),
        (401, 16, "yc iam create-token"),
        (403, 7, "vdi.viewer"),
        (404, 5, "Check the ID and the region/endpoint"),
        (409, 10, "aborted by a concurrent change"),
        (409, 6, "already exists"),
        (429, 8, "quota"),
        (499, 1, "cancelled"),
        (500, 13, "contact support with the request ids"),
        (500, 2, "could not classify"),
        (500, 15, "data loss"),
        (501, 12, "--endpoint"),
        (503, 14, "The service is unavailable for now"),
        (504, 4, "did not finish before its deadline"),
        (418, 9, "does not allow it yet"),
        (200, 0, "reported success"),
    ],
)
def test_hint_by_grpc_code_first(status: int, code: int, words: str) -> None:
    explanation = explain(status_error(status, body=StatusBody(code, "m")))
    assert words in explanation.hint
    assert "not the API's error JSON" not in explanation.hint
    assert explanation.grpc_code == f"{code} {GRPC_CODE_NAMES[code]}"
    assert explanation.http_status is not None and explanation.http_status.startswith(str(status))


def test_every_grpc_code_has_its_own_meaning_and_advice() -> None:
    assert sorted(GRPC_CODE_HINTS) == list(range(17))
    hints = {explain(status_error(500, body=StatusBody(code, "m"))).hint for code in range(17)}
    assert len(hints) == 17


@pytest.mark.parametrize(
    ("status", "words"),
    [
        (400, "check the image ID"),
        (404, "check the ID and the region/endpoint"),
        (502, "gateway"),
        (503, "The service is unavailable: retry later."),
        (504, "timed out"),
        (418, "check the image ID, the token and the endpoint"),
        (507, "contact support"),
        (102, "status the API does not use"),
    ],
)
def test_hint_by_http_status_when_the_body_has_no_code(status: int, words: str) -> None:
    explanation = explain(status_error(status, body=StatusBody(None, "m")))
    assert words in explanation.hint
    assert explanation.grpc_code is None


@pytest.mark.parametrize(
    ("status", "title"),
    [
        (401, "The API refused the request (HTTP 401)"),
        (503, "The API failed to answer (HTTP 503)"),
        (102, "The API answered with an unexpected status (HTTP 102)"),
    ],
)
def test_status_titles(status: int, title: str) -> None:
    assert explain(status_error(status, body=StatusBody())).title == title


def test_documented_unauthenticated_example() -> None:
    body = StatusBody(16, "Token is invalid or has expired.", [])
    explanation = explain(status_error(401, "Unauthorized", body))
    assert explanation.grpc_code == "16 UNAUTHENTICATED"
    assert explanation.message == "Token is invalid or has expired."
    assert explanation.details == []


def test_grpc_code_names_cover_0_to_16() -> None:
    assert sorted(GRPC_CODE_NAMES) == list(range(17))
    assert (GRPC_CODE_NAMES[0], GRPC_CODE_NAMES[16]) == ("OK", "UNAUTHENTICATED")


def test_unknown_grpc_code() -> None:
    assert explain(status_error(400, body=StatusBody(42))).grpc_code == "42 (unknown code)"


def test_body_without_code_or_message() -> None:
    explanation = explain(status_error(400, "Bad Request", StatusBody()))
    assert (explanation.grpc_code, explanation.message) == (None, None)
    assert explanation_lines(explanation)[1:3] == [
        "  HTTP status:   400 Bad Request",
        "  x-client-request-id: 6f1c0000-0000-4000-8000-000000000000",
    ]


@pytest.mark.parametrize(
    ("status", "reason", "shown"),
    [(404, "", "404 Not Found"), (404, "Nope", "404 Nope"), (599, "", "599")],
)
def test_missing_reason_phrase_uses_the_standard_one(status: int, reason: str, shown: str) -> None:
    assert explain(status_error(status, reason, StatusBody())).http_status == shown


def test_details_are_compact_json_keeping_non_latin_text() -> None:
    body = StatusBody(
        3, "bad", [{"@type": "x.BadRequest", "reason": "неверный ID"}, "plain", 7, None]
    )
    details = explain(status_error(400, body=body)).details
    assert details == [
        '{"@type": "x.BadRequest", "reason": "неверный ID"}',
        '"plain"',
        "7",
        "null",
    ]


def test_several_details_line_up() -> None:
    body = StatusBody(3, "bad", ["one", "two"])
    lines = explanation_lines(explain(status_error(400, body=body)))
    assert '  details:       "one"' in lines
    assert '                 "two"' in lines


def test_html_from_a_proxy_is_excerpted() -> None:
    html = "<html>\n  <head><title>502 Bad Gateway</title></head>\n\n<body>nginx</body></html>"
    explanation = explain(status_error(502, "Bad Gateway", None, html))
    assert explanation.message == (
        "the body is an HTML page: "
        "<html> <head><title>502 Bad Gateway</title></head> <body>nginx</body></html>"
    )
    assert explanation.grpc_code is None
    assert explanation.details == []
    assert "proxy" in explanation.hint
    assert explanation.hint.startswith("A gateway in front of the API")


def test_long_text_body_is_cut_at_200_characters() -> None:
    explanation = explain(status_error(500, body=None, body_text="x " * 500))
    assert explanation.message == "the body is not the API's JSON: " + ("x " * 100)[:200] + "…"


def test_empty_body() -> None:
    assert explain(status_error(503, body=None, body_text=" \r\n")).message == "the body is empty"


@pytest.mark.parametrize(
    ("kind", "title", "words"),
    [
        (ConnectionKind.DNS, f"The host name {HOST} could not be resolved", "DNS"),
        (ConnectionKind.REFUSED, f"{HOST} refused the connection", "host and port"),
        (ConnectionKind.TLS, f"The TLS (HTTPS) connection to {HOST} failed", "corporate CA"),
        (ConnectionKind.PROXY, f"The proxy failed the connection to {HOST}", "NO_PROXY"),
        (ConnectionKind.NETWORK, f"The connection to {HOST} broke", "retry"),
        ("something new", f"The connection to {HOST} broke", "retry"),
    ],
)
def test_connection_kinds(kind: str, title: str, words: str) -> None:
    explanation = explain(connection_error(kind))
    assert explanation.title == title
    assert words in explanation.hint
    assert explanation.message == f"{kind} failure at {HOST}"
    assert (explanation.http_status, explanation.grpc_code) == (None, None)
    assert explanation.request_ids[0] == ("x-client-request-id", IDS.client_request_id)
    assert ALTERNATIVE_ENDPOINT not in explanation.hint


@pytest.mark.parametrize(
    ("kind", "suggested"),
    [
        (ConnectionKind.DNS, True),
        (ConnectionKind.REFUSED, True),
        (ConnectionKind.NETWORK, True),
        (ConnectionKind.TLS, False),
        (ConnectionKind.PROXY, False),
    ],
)
def test_alternative_host_is_suggested_at_the_default(kind: str, suggested: bool) -> None:
    for endpoint in (DEFAULT_ENDPOINT, DEFAULT_ENDPOINT + "/"):
        hint = explain(connection_error(kind), endpoint=endpoint).hint
        assert (f"try --endpoint {ALTERNATIVE_ENDPOINT}" in hint) is suggested
    other = explain(connection_error(kind), endpoint=ALTERNATIVE_ENDPOINT).hint
    assert ALTERNATIVE_ENDPOINT not in other


def test_tls_names_the_issuer() -> None:
    explanation = explain(connection_error(ConnectionKind.TLS, tls_issuer="CN=Corp Inspect CA"))
    assert explanation.details == ["certificate issuer: CN=Corp Inspect CA"]
    assert "TLS-inspecting proxy" in explanation.hint


def test_timeout() -> None:
    error = APITimeoutError(f"no complete answer from {HOST} within 30 s", host=HOST)
    explanation = explain(error, endpoint=DEFAULT_ENDPOINT)
    assert explanation.title == f"The request to {HOST} timed out"
    assert "slow" in explanation.hint and "stuck" in explanation.hint
    assert explanation.request_ids == []


@pytest.mark.parametrize(
    ("target", "title"),
    [
        ("login.example.net", "The server redirected the request to login.example.net"),
        (None, "The server redirected the request"),
    ],
)
def test_redirect(target: str | None, title: str) -> None:
    explanation = explain(RedirectError(302, target, IDS))
    assert explanation.title == title
    assert explanation.http_status == "302 Found"
    assert "endpoint is likely wrong" in explanation.hint
    assert "token was not sent" in explanation.hint
    assert len(explanation.request_ids) == 3


def test_response_that_is_not_an_image() -> None:
    error = ResponseError(
        "HTTP 200, but the answer is not a valid DesktopImage",
        problems=["storageSize: expected an int64", "labels.a: Input should be a valid string"],
        request_ids=IDS,
        status_code=200,
    )
    explanation = explain(error)
    assert explanation.title == "The answer is not a DesktopImage"
    assert explanation.http_status == "200 OK"
    assert explanation.message == "HTTP 200, but the answer is not a valid DesktopImage"
    assert explanation.details == error.problems
    assert "proxy" in explanation.hint and "request ids" in explanation.hint


def test_response_error_without_a_status() -> None:
    explanation = explain(ResponseError("the answer is larger than 4096 KiB"))
    assert explanation.http_status is None
    assert explanation.request_ids == []


def test_usage_error() -> None:
    explanation = explain(UsageError("the image ID is empty"))
    assert (explanation.title, explanation.message) == ("Bad input", "the image ID is empty")
    assert explanation.request_ids == []
    assert explanation_lines(explanation) == [
        "error: Bad input",
        "  message:       the image ID is empty",
        "  hint: Fix the input and try again.",
    ]


class _SurpriseError(InspectorError):
    pass


@pytest.mark.parametrize(
    ("error", "message"), [(_SurpriseError("odd"), "odd"), (_SurpriseError(), "_SurpriseError")]
)
def test_any_other_error(error: InspectorError, message: str) -> None:
    explanation = explain(error)
    assert explanation.title == "Something went wrong"
    assert explanation.message == message
    assert explanation.hint


def test_server_text_cannot_drive_the_terminal() -> None:
    body = StatusBody(5, "gone\x1b[2J\x1b]0;pwned\x07", ["\u202eevil"])
    ids = RequestIds("abc", "req\r\nx-injected: 1")
    lines = explanation_lines(explain(status_error(404, "Not\x9bFound", body, request_ids=ids)))
    text = "\n".join(lines)
    assert not any(char in text for char in "\x1b\x07\x9b\r\u202e")
    assert "  message:       gone\\x1b[2J\\x1b]0;pwned\\x07" in lines
    assert "  x-request-id:  req\\x0d\\x0ax-injected: 1" in lines
    assert len(lines) == 8


def test_a_body_of_exactly_200_characters_is_shown_whole() -> None:
    text = "y" * 200
    explanation = explain(status_error(500, body=None, body_text=text))
    assert explanation.message == f"the body is not the API's JSON: {text}"


def test_the_alternative_host_comes_after_the_hint_for_the_failure() -> None:
    hint = explain(connection_error(ConnectionKind.DNS), endpoint=DEFAULT_ENDPOINT).hint
    assert hint == (
        "Check the host name (--endpoint) and that the network and DNS work. "
        f"The other known Cloud Desktop host may serve it: try --endpoint {ALTERNATIVE_ENDPOINT}"
    )


def test_a_host_that_only_resembles_the_default_gets_no_alternative() -> None:
    for endpoint in (DEFAULT_ENDPOINT + "X", DEFAULT_ENDPOINT + "X/"):
        hint = explain(connection_error(ConnectionKind.DNS), endpoint=endpoint).hint
        assert ALTERNATIVE_ENDPOINT not in hint


def test_no_issuer_line_without_a_certificate() -> None:
    assert explain(connection_error(ConnectionKind.DNS)).details == []
    assert explain(connection_error(ConnectionKind.TLS)).details == []


def test_a_redirect_says_what_the_server_did() -> None:
    error = RedirectError(302, "login.example.net", IDS)
    assert explain(error).message == str(error)
    assert str(error)


def test_a_credential_failure_in_full() -> None:
    error = CredentialError(
        "the IAM endpoint redirected to login.example.net",
        source="OAuth token from YC_OAUTH_TOKEN",
        hint=Hint.IAM_REDIRECTED,
        details=["certificate issuer: CN=Corp"],
    )
    assert explain(error) == Explanation(
        title="Could not get an IAM token (OAuth token from YC_OAUTH_TOKEN)",
        http_status=None,
        grpc_code=None,
        message="the IAM endpoint redirected to login.example.net",
        details=["certificate issuer: CN=Corp"],
        hint="Check --iam-endpoint: it is probably wrong.",
    )


@pytest.mark.parametrize(
    ("kind", "hint"),
    [
        (
            ConnectionKind.REFUSED,
            "Nothing accepts connections there: check the host and port (--endpoint).",
        ),
        (
            ConnectionKind.TLS,
            "The server's certificate is not trusted. A TLS-inspecting proxy or "
            "antivirus may be in the way: its corporate CA must be trusted (add it to the system's "
            "certificates, or give it with --ca-file). Also check the computer's clock.",
        ),
        (
            ConnectionKind.PROXY,
            "Check the proxy settings: HTTPS_PROXY (or HTTP_PROXY, ALL_PROXY) and NO_PROXY.",
        ),
        (
            ConnectionKind.NETWORK,
            "The connection broke before a complete answer came: retry, and check VPN/firewall.",
        ),
    ],
)
def test_each_connection_failure_has_its_own_advice(kind: str, hint: str) -> None:
    assert explain(connection_error(kind)).hint == hint


def test_a_timeout_advises_patience() -> None:
    hint = explain(APITimeoutError(f"no answer from {HOST}", host=HOST)).hint
    assert hint == "The network is slow or the server is stuck: retry later."


def test_a_redirect_to_no_valid_url_in_full() -> None:
    explanation = explain(RedirectError(None, None, IDS, unreadable_location=True))
    assert explanation.title == (
        "The server redirected the request to an address that is not a valid URL"
    )
    assert explanation.message == (
        "HTTP 3xx: the server redirected to a Location that is not a valid URL"
    )
    assert explanation.hint == (
        "The endpoint is likely wrong: check --endpoint. Redirects are never followed, so the "
        "token was not sent anywhere else."
    )


def test_an_answer_that_is_no_image_points_at_a_proxy_or_the_endpoint() -> None:
    assert explain(ResponseError("not an image")).hint == (
        "A proxy or a wrong endpoint answered, or the API changed: share the request ids with "
        "support."
    )


def test_an_unexpected_error_asks_for_a_report() -> None:
    assert explain(_SurpriseError("odd")).hint == (
        "This was not expected: please report it with the text above."
    )
