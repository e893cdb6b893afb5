"""Fakes of what the credential sources talk to, all on 127.0.0.1 or in memory.

:class:`FakeIam` is the IAM token exchange (``POST /iam/v1/tokens``) and a VM's metadata
service (``GET .../service-accounts/default/token``) in one real HTTP server. It checks a
service account JWT the way IAM does: the signature with the key's public half, ``alg``,
``kid``, ``iss``, ``aud`` and a lifetime of at most an hour. :func:`write_key_file` writes a key
file shaped like the one ``yc iam key create`` writes, :func:`write_fake_yc` a stand-in for the
yc CLI, and :class:`MemoryKeyring` is a keyring backend that keeps secrets in a dict.
"""

from __future__ import annotations

import json
import ssl
import stat
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

METADATA_PATH = "/computeMetadata/v1/instance/service-accounts/default/token"
TOKENS_PATH = "/iam/v1/tokens"
EXPIRES_AT = "2099-01-02T03:04:05.123456789Z"


@dataclass
class ServiceAccount:
    """A key pair with the ids a key file names."""

    key_id: str = "ajekeyid000000000001"
    account_id: str = "ajesaid0000000000001"
    private_key: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )

    def private_pem(self) -> str:
        return self.private_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ).decode("ascii")


def write_key_file(path: Path, account: ServiceAccount, *, key_id: str | None = None) -> Path:
    """The JSON ``yc iam key create`` writes, with its "do not remove" line before the PEM."""
    kid = key_id or account.key_id
    data = {
        "id": kid,
        "service_account_id": account.account_id,
        "created_at": "2026-01-01T00:00:00Z",
        "key_algorithm": "RSA_2048",
        "public_key": account.private_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode("ascii"),
        "private_key": "PLEASE DO NOT REMOVE THIS LINE! Yandex.Cloud SA Key ID <"
        + kid
        + ">\n"
        + account.private_pem(),
    }
    path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    return path


@dataclass
class Seen:
    """One request the fake received."""

    method: str
    path: str
    headers: dict[str, str]
    body: dict[str, Any] | None


class FakeIam:
    """A real HTTP(S) server on 127.0.0.1: the token exchange and a metadata service.

    ``iam_token`` is what every successful exchange gives. ``accepted_oauth`` lists the OAuth
    tokens it takes; others get ``oauth_refusal`` (HTTP status). ``answer`` forces a raw
    ``(status, content type, body)`` for every exchange, for endpoints that misbehave.
    """

    def __init__(
        self,
        account: ServiceAccount | None = None,
        *,
        iam_token: str = "t1.fake-iam-token",
        accepted_oauth: tuple[str, ...] = (),
        metadata_token: str = "t1.fake-metadata-token",
        tls: ssl.SSLContext | None = None,
    ) -> None:
        self.account = account or ServiceAccount()
        self.iam_token = iam_token
        self.accepted_oauth = accepted_oauth
        self.oauth_refusal = 401
        self.metadata_token = metadata_token
        self.answer: tuple[int, str, bytes] | None = None
        self.seen: list[Seen] = []
        self.issued = 0
        self._tls = tls
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base_url(self) -> str:
        scheme = "https" if self._tls else "http"
        return f"{scheme}://127.0.0.1:{self._server.server_address[1]}"

    @property
    def metadata_url(self) -> str:
        return f"{self.base_url}{METADATA_PATH}"

    def __enter__(self) -> FakeIam:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def check_jwt(self, token: str) -> str | None:
        """Why IAM would refuse ``token``, or None when it is a valid key JWT."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError as error:
            return f"not a JWT: {error}"
        if header.get("alg") != "PS256" or header.get("typ") != "JWT":
            return f"wrong alg/typ {header.get('alg')}/{header.get('typ')}"
        if header.get("kid") != self.account.key_id:
            return f"unknown key id {header.get('kid')}"
        try:
            claims = jwt.decode(
                token,
                self.account.private_key.public_key(),
                algorithms=["PS256"],
                audience=f"{self.base_url}{TOKENS_PATH}",
                issuer=self.account.account_id,
                options={"require": ["iat", "exp", "iss", "aud"]},
            )
        except jwt.PyJWTError as error:
            return f"invalid JWT: {type(error).__name__}: {error}"
        if claims["exp"] - claims["iat"] > 3600:
            return "the JWT lives longer than an hour"
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:
                pass

            def _reply(self, status: int, payload: object, content_type: str = "") -> None:
                body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", content_type or "application/json")
                self.send_header("Content-Length", str(len(body)))
                if 300 <= status < 400:
                    self.send_header("Location", "https://elsewhere.example/iam/v1/tokens")
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self) -> None:
                fake.seen.append(Seen("GET", self.path, dict(self.headers.items()), None))
                if self.path != METADATA_PATH:
                    self._reply(404, {"code": 5, "message": "not found"})
                elif self.headers.get("Metadata-Flavor") != "Google":
                    self._reply(403, {"error": "Metadata-Flavor: Google is required"})
                else:
                    token = {"access_token": fake.metadata_token, "expires_in": 3600}
                    self._reply(200, {**token, "token_type": "Bearer"})

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length)
                try:
                    body = json.loads(raw)
                except ValueError:
                    body = None
                seen = Seen("POST", self.path, dict(self.headers.items()), body)
                fake.seen.append(seen)
                if fake.answer is not None:
                    status, content_type, payload = fake.answer
                    self._reply(status, payload, content_type)
                elif self.path != TOKENS_PATH or not isinstance(body, dict):
                    self._reply(400, {"code": 3, "message": "bad request"})
                elif "jwt" in body:
                    problem = fake.check_jwt(str(body["jwt"]))
                    if problem:
                        self._reply(401, {"code": 16, "message": problem})
                    else:
                        self._issue()
                elif "yandexPassportOauthToken" in body:
                    if body["yandexPassportOauthToken"] in fake.accepted_oauth:
                        self._issue()
                    else:
                        message = "OAuth token is invalid or expired"
                        self._reply(fake.oauth_refusal, {"code": 16, "message": message})
                else:
                    self._reply(400, {"code": 3, "message": "neither jwt nor OAuth token"})

            def _issue(self) -> None:
                fake.issued += 1
                self._reply(200, {"iamToken": fake.iam_token, "expiresAt": EXPIRES_AT})

        return Handler


def write_fake_yc(folder: Path, script: str) -> Path:
    """An executable ``yc`` in ``folder`` running ``script`` (Python; ``argv`` is sys.argv)."""
    path = folder / "yc"
    path.write_text(
        f"#!{sys.executable}\nimport sys, time, pathlib\nargv = sys.argv[1:]\n{script}\n",
        encoding="utf-8",
    )
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


class MemoryKeyring(KeyringBackend):
    """A keyring that keeps secrets in a dict, so tests never touch the real one."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise PasswordDeleteError(username)


@contextmanager
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Use a :class:`MemoryKeyring` for the duration, then put the previous backend back."""
    import keyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
