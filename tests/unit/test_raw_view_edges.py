"""The raw view at its edges: bytes that are not UTF-8, the clock line from a real ``Date``
header, an exchange without a URL, and where "agrees" ends."""

from __future__ import annotations

import pytest

from inspector.api.errors import RequestIds
from inspector.api.transport import Exchange
from inspector.present.raw import describe_skew, present_body, present_exchange

DATE = "Tue, 14 Nov 2023 22:13:20 GMT"  # 1_700_000_000
URL = "https://cloud-desktop.api.cloud.yandex.net/cloud-desktop/v1/images/e3v1"


def exchange(raw: bytes, *, url: str = URL, date: str = DATE) -> Exchange:
    return Exchange(
        url=url,
        status_code=502,
        reason="Bad Gateway",
        http_version="HTTP/1.1",
        headers=[("date", date)],
        raw=raw,
        elapsed_seconds=1.25,
        request_ids=RequestIds("c-1", None, None),
    )


def test_bytes_that_are_not_utf8_show_as_replacement_characters() -> None:
    view = present_exchange(exchange(b"<h1>\xff\xfe bad gateway</h1>"))
    assert view.body_text == "<h1>\ufffd\ufffd bad gateway</h1>"
    assert view.body_bytes == 23
    assert present_body(b"\xffok", "pasted").body_text == "\ufffdok"


def test_the_clock_line_comes_from_the_date_header_and_the_time_received() -> None:
    view = present_exchange(exchange(b"{}"), received_at_ns=1_700_000_075 * 10**9)
    assert view.clock == "this computer's clock is 75 s ahead of the server's"
    assert view.summary == "HTTP/1.1 502 Bad Gateway \u00b7 1250 ms \u00b7 2 bytes"
    assert view.url == URL
    assert present_exchange(exchange(b"{}")).clock is None


def test_an_exchange_without_a_url_shows_none() -> None:
    assert present_exchange(exchange(b"{}", url="")).url is None


@pytest.mark.parametrize(
    ("seconds", "words"),
    [
        (1.49, "agrees"),
        (1.5, "is 2 s ahead"),
        (2.0, "is 2 s ahead"),
        (-1.5, "is 2 s behind"),
        (-2.0, "is 2 s behind"),
    ],
)
def test_agreement_ends_at_a_second_and_a_half(seconds: float, words: str) -> None:
    assert words in describe_skew(seconds)


def test_the_clock_line_in_full() -> None:
    assert describe_skew(0.4) == "this computer's clock agrees with the server's (within a second)"
    assert describe_skew(-75.2) == "this computer's clock is 75 s behind the server's"
    assert describe_skew(75.2) == "this computer's clock is 75 s ahead of the server's"
