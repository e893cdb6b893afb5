"""The policy check's table and summary, and a failed call read back from its bundle, as the
operator reads them in the terminal and the window, in English and in Russian."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.api.client import AttemptRecord
from inspector.cli.aids import failed_lines
from inspector.core.failed_call import FailedCapture
from inspector.i18n import use_language
from inspector.present.errors import Explanation
from inspector.present.failed_call import attempt_line, attempt_lines, failed_heading
from inspector.present.policy import (
    Rule,
    Violation,
    format_violations,
    violations_summary,
    violations_tooltip,
)

MISSING = Violation("owner", Rule.REQUIRED, None, "the label is required and missing")
HOSTILE = Violation("env\x1b[31m", Rule.PATTERN, "prod", '"prod" does not match ^(dev|test)$')
CAPTURED_NS = 1_780_000_000_123_456_789
HOUR_NS = 3600 * 10**9


def test_the_violations_table_aligns_its_columns_and_escapes_what_the_labels_say() -> None:
    table = format_violations([("img-1", MISSING), ("a-much-longer-image-id", HOSTILE)])
    assert table == (
        "image                   key          rule      message\n"
        "img-1                   owner        required  the label is required and missing\n"
        "a-much-longer-image-id  env\\x1b[31m  pattern   "
        '"prod" does not match ^(dev|test)$\n'
    )


def test_no_violations_print_no_table() -> None:
    assert format_violations([]) == ""


@pytest.mark.parametrize(
    ("count", "images", "in_english", "in_russian"),
    [
        (0, 0, "No policy violations.", "Нарушений политики нет."),
        (1, 1, "1 policy violation in 1 image.", "1 нарушение политики в 1 образе."),
        (2, 1, "2 policy violations in 1 image.", "2 нарушения политики в 1 образе."),
        (3, 2, "3 policy violations in 2 images.", "3 нарушения политики в 2 образах."),
        (5, 5, "5 policy violations in 5 images.", "5 нарушений политики в 5 образах."),
        (21, 21, "21 policy violations in 21 images.", "21 нарушение политики в 21 образе."),
    ],
)
def test_the_summary_counts_violations_and_images_in_each_language(
    count: int, images: int, in_english: str, in_russian: str
) -> None:
    assert violations_summary(count, images) == in_english
    use_language("ru")
    assert violations_summary(count, images) == in_russian


def test_the_badge_tooltip_has_one_line_per_violation() -> None:
    assert violations_tooltip([MISSING, HOSTILE]) == (
        "owner (required): the label is required and missing\n"
        'env\x1b[31m (pattern): "prod" does not match ^(dev|test)$'
    )
    assert violations_tooltip([]) == ""


RETRIED = AttemptRecord(
    1, [("x-client-request-id", "abc"), ("x-request-id", "r\x07q")], 503, None, 12.5, 0.4
)
REFUSED = AttemptRecord(2, [], None, "connection refused\x1b", 3.0, None)
SILENT = AttemptRecord(3, [], None, None, 1000.25, 0.0)


def test_each_attempt_names_its_outcome_duration_wait_and_request_ids() -> None:
    assert attempt_line(RETRIED) == (
        "attempt 1: HTTP 503, 12.5 ms, then waited 0.4 s"
        " \u00b7 x-client-request-id=abc x-request-id=r\\x07q"
    )
    assert attempt_line(REFUSED) == "attempt 2: connection refused\\x1b, 3.0 ms"
    assert attempt_line(SILENT) == "attempt 3: no answer, 1000.2 ms"


def test_attempts_in_russian_use_a_decimal_comma() -> None:
    use_language("ru")
    line = attempt_line(RETRIED)
    assert line.startswith("попытка 1: HTTP 503, 12,5 мс, затем ожидание 0,4 с")  # noqa: RUF001
    assert attempt_line(SILENT) == "попытка 3: нет ответа, 1000,2 мс"


def test_the_attempt_list_is_headed_and_indented_or_says_none_were_recorded() -> None:
    assert attempt_lines([]) == ["attempts: none recorded"]
    assert attempt_lines([REFUSED, SILENT]) == [
        "attempts:",
        "  attempt 2: connection refused\\x1b, 3.0 ms",
        "  attempt 3: no answer, 1000.2 ms",
    ]


def capture(image_id: str, source: str) -> FailedCapture:
    explanation = Explanation("Service unavailable", "503", None, None)
    return FailedCapture(Path(source), image_id, None, CAPTURED_NS, explanation, [RETRIED], 503)


def test_the_offline_heading_names_the_image_the_file_and_when_it_was_captured() -> None:
    heading = failed_heading("e3v\x1bimg", "e3v.inspector.json", CAPTURED_NS, CAPTURED_NS)
    assert heading.startswith(
        "OFFLINE \u00b7 failed call e3v\\x1bimg \u00b7 e3v.inspector.json \u00b7 captured 2026-"
    )
    assert ".123456" in heading
    later = failed_heading("", "b.json", CAPTURED_NS, CAPTURED_NS + 2 * HOUR_NS)
    assert later.startswith("OFFLINE \u00b7 failed call ? \u00b7 b.json \u00b7 captured ")
    assert later.endswith(" UTC (2 hours ago)")


def test_the_offline_heading_in_russian() -> None:
    use_language("ru")
    heading = failed_heading("e3v", "e3v.inspector.json", CAPTURED_NS, CAPTURED_NS + 2 * HOUR_NS)
    assert heading.startswith("ОФЛАЙН \u00b7 неудачный вызов e3v \u00b7 e3v.inspector.json")
    assert heading.endswith(" UTC (2 часа назад)")


def test_open_heads_a_failed_call_with_the_bundles_file_name_not_its_path() -> None:
    lines = failed_lines(capture("e3v", "/tmp/x/e3v.inspector.json"))
    assert lines[0].startswith("OFFLINE \u00b7 failed call e3v \u00b7 e3v.inspector.json \u00b7 ")
    assert lines[-2:] == attempt_lines([RETRIED])
