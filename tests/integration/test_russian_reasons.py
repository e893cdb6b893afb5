"""A Russian operator reads why a call failed in Russian, down to the api layer's own reasons.

The headline and the hint come from ``present/``; the "message" line is what ``api/`` said (a
key file that is not one, a proxy that cannot be used, an answer that is not JSON). Each case
pins the Russian reason and checks that the English one is gone, so a message built without the
catalogue fails here.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from inspector.demo.server import DemoServer

IMAGE = "e3vdemoactive0000001"
REMOTE = "https://api.example.invalid"  # never reached: each case fails before or at the proxy


def run_ru(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [sys.executable, "-m", "inspector", "get", IMAGE, "--lang", "ru", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={
            **os.environ,
            "PYTHONIOENCODING": "utf-8",
            "NO_PROXY": "",
            "no_proxy": "",
            **(env or {}),
        },
        timeout=60,
        check=False,
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


@pytest.mark.parametrize(
    ("content", "russian", "english"),
    [
        (b"not json", "— не JSON (файл — не JSON); нужен файл", "is not JSON"),
        (b"\xff\xfe{}", "файл — не текст в UTF-8 (неверный байт по смещению 0)", "not valid UTF-8"),
        (
            b'{"id": "ajeabc", "service_account_id": "ajeabc", "private_key": "x"}',
            "private_key — не ключ PEM",
            "is not a PEM key",
        ),
        (b'{"id": "ajeabc"}', "нет полей service_account_id, private_key", "lacks"),
    ],
    ids=["not-json", "not-utf8", "not-pem", "missing-fields"],
)
def test_a_bad_key_file_is_explained_in_russian(
    tmp_path: Path, content: bytes, russian: str, english: str
) -> None:
    key_file = tmp_path / "key.json"
    key_file.write_bytes(content)
    result = run_ru("--sa-key", str(key_file), "--endpoint", REMOTE)
    assert result.returncode == 2
    assert f"файл ключа сервисного аккаунта {key_file}" in result.stderr, result.stderr
    assert russian in result.stderr, result.stderr
    assert english not in result.stderr


def test_a_socks_proxy_is_refused_in_russian() -> None:
    result = run_ru("--endpoint", REMOTE, env={"HTTPS_PROXY": "socks5://127.0.0.1:1080"})
    assert result.returncode == 2
    assert "прокси (HTTPS_PROXY) должен иметь вид http://host:port" in result.stderr
    assert "прокси SOCKS не поддерживаются" in result.stderr
    assert "must be" not in result.stderr


def test_an_unreachable_proxy_is_explained_in_russian() -> None:
    result = run_ru("--endpoint", REMOTE, env={"HTTPS_PROXY": "http://127.0.0.1:9"})
    assert result.returncode == 1
    message = next(line for line in result.stderr.splitlines() if "сообщение:" in line)
    assert "api.example.invalid отклонил соединение" in message, result.stderr
    assert "refused" not in result.stderr


@pytest.mark.parametrize(
    ("body", "russian"),
    [
        (b"<html><body>Proxy login</body></html>", "тело ответа — HTML, а не JSON"),  # noqa: RUF001
        (b'{"id": "e3v', "JSON повреждён или обрезан"),
        (b"[1, 2]", "ожидался объект JSON, получено: массив"),
        (b'{"id": "e3v", "id": "e3w"}', "в JSON ключ 'id' встречается в одном объекте дважды"),
    ],
    ids=["html", "truncated", "array", "duplicate-key"],
)
def test_an_answer_that_is_not_json_is_explained_in_russian(body: bytes, russian: str) -> None:
    with DemoServer() as demo:
        demo.put_raw(IMAGE, 200, body)
        result = run_ru("--endpoint", demo.base_url)
    assert result.returncode == 1
    assert f"HTTP 200, но {russian}" in result.stderr, result.stderr
    assert "the body" not in result.stderr and "the JSON" not in result.stderr
