"""Source 4: ``yc iam create-token`` from the yc CLI the operator has already set up.

It runs with an argument list (never a shell), no standard input and a time limit: yc may be
waiting for a browser login, and the window must not hang on it.
"""

from __future__ import annotations

import asyncio
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path
from typing import Final, TypeVar

import httpx

from inspector.api.credentials.errors import CredentialError, Hint
from inspector.api.credentials.tokens import IssuedToken
from inspector.api.errors import UsageError
from inspector.api.inputs import validate_token
from inspector.i18n import _

T = TypeVar("T")
DEFAULT_TIMEOUT_SECONDS: Final = 30.0
_PROFILE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.@-]*")
_STDERR_CHARS: Final = 300
# Where the official installer puts yc; a window started from a desktop menu may lack it on PATH.
_INSTALLER_PATH: Final = (
    Path.home() / "yandex-cloud" / "bin" / ("yc.exe" if sys.platform == "win32" else "yc")
)


def validate_yc_profile(name: str) -> str:
    """A yc profile name; one starting with ``-`` would be read by yc as an option."""
    value = name.strip()
    if not _PROFILE_NAME.fullmatch(value):
        raise UsageError(
            "--yc-profile must be a yc profile name (letters, digits, '_', '.', '-', '@', "
            "not starting with '-'); `yc config profile list` shows them"
        )
    return value


def find_yc(yc_path: str | None) -> str | None:
    """The yc program: ``yc_path`` if given, else ``yc`` on PATH or where the installer puts it."""
    if yc_path:
        return shutil.which(yc_path)
    found = shutil.which("yc")
    if found is None and _INSTALLER_PATH.is_file():
        found = str(_INSTALLER_PATH)
    return found


def _run(command: list[str], timeout: float) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        command,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        timeout=timeout,  # on expiry the child is killed
        check=False,
        creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0),  # no console window flashes
    )


async def _in_own_thread(call: Callable[[], T]) -> T:
    """``call()`` on a plain thread of its own, not the loop's default executor: under qasync
    that is a QThread pool nobody shuts down, and Qt aborts at exit while one is alive."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="yc")
    try:
        return await asyncio.get_running_loop().run_in_executor(pool, call)
    finally:
        pool.shutdown(wait=False)


class YcCliSource:
    """Runs ``yc iam create-token [--profile NAME]`` for every renewal."""

    renewable = True

    def __init__(
        self,
        yc_path: str | None,
        profile: str | None,
        label: str,
        *,
        timeout: float = DEFAULT_TIMEOUT_SECONDS,
    ) -> None:
        self._yc_path = yc_path
        self._profile = validate_yc_profile(profile) if profile else None
        self._timeout = timeout
        self.label = label

    def _fail(self, message: str, hint: Hint, **values: str) -> CredentialError:
        return CredentialError(message, source=self.label, hint=hint, hint_values=values)

    def _command(self) -> list[str]:
        executable = find_yc(self._yc_path)
        if executable is None:
            if self._yc_path:
                raise self._fail(
                    _("--yc-path {path} is not an executable program").format(path=self._yc_path),
                    Hint.YC_PATH,
                )
            raise self._fail(_("the yc CLI was not found on PATH"), Hint.YC_NOT_FOUND)
        profile = ["--profile", self._profile] if self._profile else []
        return [executable, "iam", "create-token", *profile]

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken:
        command = self._command()
        shown = " ".join(["yc", *command[1:]])
        try:
            done = await _in_own_thread(partial(_run, command, self._timeout))
        except subprocess.TimeoutExpired:
            raise self._fail(
                _("`{command}` did not finish within {seconds} s").format(
                    command=shown, seconds=f"{self._timeout:g}"
                ),
                Hint.YC_WAITING,
            ) from None
        except OSError as error:
            raise self._fail(
                _("`{command}` could not be started: {reason}").format(
                    command=shown, reason=error.strerror or error
                ),
                Hint.YC_NOT_STARTED,
            ) from None
        if done.returncode != 0:
            said = " ".join(done.stderr.decode("utf-8", "replace").split())[-_STDERR_CHARS:]
            failed = _("`{command}` failed with exit code {code}: {said}").format(
                command=shown, code=done.returncode, said=said or _("no message")
            )
            if self._profile:
                raise self._fail(failed, Hint.YC_PROFILE, profile=self._profile)
            raise self._fail(failed, Hint.YC_SETUP)
        output = done.stdout.decode("utf-8", "replace").splitlines()
        lines = [line for line in output if line.strip()]
        if not lines:
            raise self._fail(_("`{command}` printed nothing").format(command=shown), Hint.YC_SILENT)
        try:
            token = validate_token(lines[-1], f"`{shown}`")
        except UsageError as error:
            raise self._fail(str(error), Hint.YC_INSTALLATION) from None
        return IssuedToken(token)
