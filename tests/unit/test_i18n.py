"""The operator's language: chosen from the system or an override, Russian in full, English always
there to fall back on, numbers and dates written the way each language writes them."""

from __future__ import annotations

import argparse
import logging
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector import i18n
from inspector.api.errors import RequestIds, StatusBody, UsageError
from inspector.api.status_errors import Unauthenticated
from inspector.api.timestamp import parse_timestamp
from inspector.config import language
from inspector.config.language import save_language, saved_language
from inspector.i18n import (
    _,
    catalogue_path,
    choose_language,
    current_language,
    format_integer,
    language_from_argv,
    localize_argparse,
    normalize,
    system_languages,
    use_language,
)
from inspector.present.errors import GRPC_CODE_HINTS, code_hint, explain, explanation_lines
from inspector.present.sizes import exact_bytes, human_size
from inspector.present.status import present_status
from inspector.present.times import present_time

NBSP = "\u00a0"
NOW = parse_timestamp("2025-06-15T12:00:00Z").epoch_nanos


def utc(_epoch_seconds: int) -> tuple[int, str]:
    return 0, "UTC"


def moscow(_epoch_seconds: int) -> tuple[int, str]:
    return 3 * 3600, "MSK"


# -- choosing the language ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("ru", "ru"),
        ("ru_RU.UTF-8", "ru"),
        ("ru-RU", "ru"),
        ("ru_UA@euro", "ru"),
        ("RU", "ru"),
        ("en_GB.UTF-8", "en"),
        ("C", "en"),
        ("C.UTF-8", "en"),
        ("POSIX", "en"),
        ("de_DE.UTF-8", None),
        ("", None),
    ],
)
def test_locale_names_map_to_languages(tag: str, language: str | None) -> None:
    assert normalize(tag) == language


@pytest.mark.parametrize(
    ("override", "preferred", "language"),
    [
        ("ru", ["en_US.UTF-8"], "ru"),  # the override beats the system
        ("en", ["ru_RU.UTF-8"], "en"),
        (None, ["ru_RU.UTF-8"], "ru"),  # the system's language
        ("system", ["ru_RU.UTF-8"], "ru"),
        (None, ["de_DE", "ru", "en"], "ru"),  # the first one there is a translation for
        (None, ["de_DE.UTF-8"], "en"),  # an unknown locale is English
        (None, [], "en"),
    ],
)
def test_override_then_system_then_english(
    override: str | None, preferred: list[str], language: str
) -> None:
    assert choose_language(override, preferred) == language


def test_an_unknown_override_is_english_with_a_log_line(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert choose_language("klingon", ["ru"]) == "en"
    assert "unknown language 'klingon'" in caplog.text


@pytest.mark.parametrize(
    ("environ", "languages"),
    [
        ({"LANGUAGE": "ru:en", "LANG": "de_DE.UTF-8"}, ["ru", "en"]),
        ({"LC_ALL": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, ["ru_RU.UTF-8"]),
        ({"LC_MESSAGES": "ru_RU.UTF-8", "LANG": "en_US.UTF-8"}, ["ru_RU.UTF-8"]),
        ({"LANG": "ru_RU.UTF-8"}, ["ru_RU.UTF-8"]),
        ({"LANGUAGE": "", "LANG": "ru_RU.UTF-8"}, ["ru_RU.UTF-8"]),
        ({}, []),
    ],
)
def test_system_languages_are_read_as_gettext_reads_them(
    environ: dict[str, str], languages: list[str]
) -> None:
    assert system_languages(environ) == languages


@pytest.mark.parametrize(
    ("argv", "value"),
    [
        (["--lang", "ru", "get", "e3v"], "ru"),
        (["get", "e3v", "--lang=ru"], "ru"),
        (["--lang", "ru", "--lang", "en"], "en"),  # the last one wins, as in argparse
        (["get", "--", "--lang", "ru"], None),
        (["--lang"], None),
        (["get", "e3v"], None),
    ],
)
def test_lang_is_found_before_argparse_runs(argv: list[str], value: str | None) -> None:
    assert language_from_argv(argv) == value


# -- loading catalogues ---------------------------------------------------------------------------
def test_english_needs_no_catalogue(tmp_path: Path) -> None:
    assert use_language("en", tmp_path) == "en"
    assert human_size(21_474_836_480) == "20 GiB"


def test_a_missing_translation_falls_back_to_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert use_language("ru", tmp_path) == "en"
    assert current_language() == "en"
    assert exact_bytes(21_474_836_480) == "21,474,836,480 bytes"
    assert "no Русский translation" in caplog.text
    assert str(catalogue_path("ru", tmp_path)) in caplog.text


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"this is not a catalogue at all",
        lambda data: data[:30],  # truncated
        lambda data: data.replace("байт".encode(), b"\xff\xfe\xff\xfe\xff\xfe\xff\xfe"),
    ],
    ids=["garbage", "truncated", "not-utf8"],
)
def test_a_broken_translation_falls_back_to_english(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: Callable[[bytes], bytes]
) -> None:
    good = catalogue_path("ru").read_bytes()
    target = catalogue_path("ru", tmp_path)
    target.parent.mkdir(parents=True)
    target.write_bytes(damage(good))
    with caplog.at_level(logging.WARNING):
        assert use_language("ru", tmp_path) == "en"
    assert human_size(21_474_836_480) == "20 GiB"
    assert "cannot be read" in caplog.text


def test_an_unknown_language_is_english(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert use_language("xx") == "en"
    assert "unknown language 'xx'" in caplog.text


def test_the_installed_catalogue_loads_from_a_copy(tmp_path: Path) -> None:
    """The compiled catalogue is relocatable: the frozen build puts it elsewhere."""
    shutil.copytree(i18n.LOCALE_DIR, tmp_path / "locale")
    assert use_language("ru", tmp_path / "locale") == "ru"
    assert human_size(1024) == "1 КиБ"


# -- the saved choice -----------------------------------------------------------------------------
def test_the_menu_choice_is_kept_in_a_plain_file() -> None:
    assert saved_language() is None
    save_language("ru")
    assert saved_language() == "ru"
    assert language.preference_file().read_text(encoding="utf-8") == "ru\n"
    save_language("system")
    assert saved_language() == "system"


@pytest.mark.parametrize("content", [b"klingon\n", b"\xff\xfe\x00garbage", b""])
def test_an_unusable_saved_choice_is_ignored(
    content: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    path = language.preference_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    with caplog.at_level(logging.WARNING):
        assert saved_language() is None
    if content:
        assert str(path) in caplog.text


def test_only_languages_can_be_saved() -> None:
    with pytest.raises(ValueError, match="klingon"):
        save_language("klingon")


# -- Russian --------------------------------------------------------------------------------------
@pytest.mark.usefixtures("russian")
@pytest.mark.parametrize(
    ("n", "size", "exact"),
    [
        (21_474_836_480, "20 ГиБ", f"21{NBSP}474{NBSP}836{NBSP}480 байт"),
        (1536, "1,5 КиБ", f"1{NBSP}536 байт"),
        (1, "1 Б", "1 байт"),
        (2, "2 Б", "2 байта"),
        (5, "5 Б", "5 байт"),
        (11, "11 Б", "11 байт"),
        (21, "21 Б", "21 байт"),
        (22, "22 Б", "22 байта"),
        (112, "112 Б", "112 байт"),
        (-1024, "-1 КиБ", f"-1{NBSP}024 байта"),
        (2**63 - 1, "8 ЭиБ", f"9{NBSP}223{NBSP}372{NBSP}036{NBSP}854{NBSP}775{NBSP}807 байт"),
    ],
)
def test_sizes_in_russian(n: int, size: str, exact: str) -> None:
    assert human_size(n) == size
    assert exact_bytes(n) == exact


@pytest.mark.usefixtures("russian")
@pytest.mark.parametrize(
    ("created", "age"),
    [
        ("2025-06-15T11:59:30Z", "только что"),
        ("2025-06-15T11:59:00Z", "1 минуту назад"),
        ("2025-06-15T10:00:00Z", "2 часа назад"),
        ("2025-06-10T12:00:00Z", "5 дней назад"),
        ("2025-05-25T12:00:00Z", "21 день назад"),
        ("2023-06-01T00:00:00Z", "2 года назад"),
        ("2026-06-16T12:00:00Z", "через 1 год"),
        ("2025-06-18T12:00:00Z", "через 3 дня"),
    ],
)
def test_ages_in_russian(created: str, age: str) -> None:
    assert present_time(parse_timestamp(created), NOW, utc).age == age


@pytest.mark.usefixtures("russian")
def test_dates_in_russian_order_with_every_digit_kept() -> None:
    view = present_time(parse_timestamp("2025-01-02T00:04:05.123456789Z"), NOW, moscow)
    assert view.local == "02.01.2025 03:04:05.123456789 +03:00 (MSK)"
    assert view.utc == "02.01.2025 00:04:05.123456789 UTC"
    assert view.exact == "2025-01-02T00:04:05.123456789Z"


def test_dates_stay_iso_in_english() -> None:
    view = present_time(parse_timestamp("2025-01-02T00:04:05Z"), NOW, moscow)
    assert view.local == "2025-01-02 03:04:05 +03:00 (MSK)"


@pytest.mark.usefixtures("russian")
def test_statuses_keep_the_wire_value_and_translate_the_rest() -> None:
    active = present_status("ACTIVE")
    assert (active.text, active.description) == ("ACTIVE", "Образ готов к использованию.")
    assert present_status("7").text == "неизвестный статус 7"


@pytest.mark.usefixtures("russian")
@pytest.mark.parametrize("code", range(17))
def test_every_grpc_code_hint_in_russian(code: int) -> None:
    meaning, advice = GRPC_CODE_HINTS[code]
    hint = code_hint(code)
    assert hint == f"{_(meaning)} {_(advice)}"
    assert _(meaning) != meaning and _(advice) != advice
    assert re.search("[\\u0400-\\u04ff]", hint)


@pytest.mark.usefixtures("russian")
def test_an_error_for_the_cli_in_russian() -> None:
    error = Unauthenticated(
        status_code=401,
        reason="Unauthorized",
        body=StatusBody(16, "token expired", []),
        body_text="",
        request_ids=RequestIds("6f1c0000-0000-4000-8000-000000000000", None, None),
    )
    assert explanation_lines(explain(error)) == [
        "ошибка: API отклонил запрос (HTTP 401)",
        "  HTTP-статус:   401 Unauthorized",
        "  код gRPC:      16 UNAUTHENTICATED",
        "  сообщение:     token expired",
        "  x-client-request-id: 6f1c0000-0000-4000-8000-000000000000",
        "  подсказка: У запроса нет действительных учётных данных. Получите новый токен "  # noqa: RUF001
        "командой `yc iam create-token` (IAM-токен живёт не больше 12 часов).",
    ]
    assert explain(UsageError("the image ID is empty")).title == "Некорректный ввод"


@pytest.mark.usefixtures("russian")
def test_argparse_speaks_russian_too(capsys: pytest.CaptureFixture[str]) -> None:
    localize_argparse()
    parser = argparse.ArgumentParser(prog="cloud-desktop-inspector")
    parser.add_argument("--output", choices=("table", "json"))
    with pytest.raises(SystemExit):
        parser.parse_args(["--output", "xml"])
    err = capsys.readouterr().err
    assert err.startswith("использование: cloud-desktop-inspector")
    assert "ошибка: аргумент --output: недопустимый вариант: 'xml'" in err


# -- numbers --------------------------------------------------------------------------------------
@given(st.integers(min_value=-(2**63), max_value=2**64), st.sampled_from(["en", "ru"]))
def test_grouped_numbers_read_back_as_the_same_number(number: int, language: str) -> None:
    use_language(language)
    try:
        text = format_integer(number)
        separator = {"en": ",", "ru": NBSP}[language]
        assert int(text.replace(separator, "")) == number
        assert all(len(group) == 3 for group in text.lstrip("-").split(separator)[1:])
    finally:
        use_language("en")
