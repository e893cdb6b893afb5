"""Source 3: a service account's authorized key (the JSON ``yc iam key create`` writes).

A PS256 JWT signed with the key (``kid`` = key id, ``iss`` = service account id, ``aud`` = the
exchange URL, at most an hour long) is exchanged for an IAM token. PyJWT signs it; the key is
read once, so a broken file is reported before any request.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from inspector.api.credentials.errors import Hint
from inspector.api.credentials.exchange import exchange
from inspector.api.credentials.plan import tokens_url
from inspector.api.credentials.tokens import IssuedToken
from inspector.api.errors import UsageError
from inspector.api.inputs import Endpoint, validate_resource_id
from inspector.api.local_files import file_reason, read_named_file
from inspector.api.wire_json import BodyError, loads_object
from inspector.i18n import _

JWT_LIFETIME_SECONDS: Final = 600
_MAX_KEY_FILE_BYTES: Final = 64 * 1024
_PEM_START: Final = "-----BEGIN"
_FIELDS: Final = ("id", "service_account_id", "private_key")


@dataclass(frozen=True, slots=True)
class ServiceAccountKey:
    """What a JWT needs from the key file; the private key never appears in a repr."""

    key_id: str
    service_account_id: str
    private_key: rsa.RSAPrivateKey = field(repr=False)


def _read_json(path: Path, source: str) -> object:
    too_large = _("{source} is larger than 64 KiB; a key file is about 2 KiB")
    data = read_named_file(
        path, _MAX_KEY_FILE_BYTES, source, too_large=too_large.format(source=source)
    )
    try:
        document, _text = loads_object(data)
    except BodyError as error:
        raise UsageError(
            _(
                "{source} is not JSON ({reason}); it must be the file "
                "`yc iam key create --output FILE` writes"
            ).format(source=source, reason=file_reason(error))
        ) from None
    return document


def _private_key(text: str, source: str) -> rsa.RSAPrivateKey:
    start = text.find(_PEM_START)  # yc puts a "PLEASE DO NOT REMOVE THIS LINE!" line first
    if start < 0:
        raise UsageError(_("the private_key in {source} is not a PEM key").format(source=source))
    try:
        key = serialization.load_pem_private_key(text[start:].encode("ascii"), password=None)
    except (ValueError, TypeError, UnicodeEncodeError):
        raise UsageError(
            _(
                "the private_key in {source} cannot be read (damaged, or protected by a password)"
            ).format(source=source)
        ) from None
    if not isinstance(key, rsa.RSAPrivateKey):
        raise UsageError(
            _("the private_key in {source} is not an RSA key; PS256 needs one").format(
                source=source
            )
        )
    return key


def load_key_file(path: Path) -> ServiceAccountKey:
    """The key in ``path``, or :class:`UsageError` naming the file (never its content)."""
    source = _("the service account key file {path}").format(path=path)
    data = _read_json(path, source)
    if not isinstance(data, dict):
        raise UsageError(
            _("{source} holds JSON but not an object with id and private_key").format(source=source)
        )
    missing = [name for name in _FIELDS if not isinstance(data.get(name), str)]
    if missing:
        raise UsageError(
            _("{source} lacks {fields}; is it an authorized key file?").format(
                source=source, fields=", ".join(missing)
            )
        )
    key_id = validate_resource_id(data["id"], _("key id in {source}").format(source=source))
    account = validate_resource_id(
        data["service_account_id"], _("service_account_id in {source}").format(source=source)
    )
    return ServiceAccountKey(key_id, account, _private_key(data["private_key"], source))


def signed_jwt(key: ServiceAccountKey, audience: str, now: float) -> str:
    """The PS256 JWT the IAM endpoint exchanges for an IAM token."""
    issued = int(now)
    claims = {
        "iss": key.service_account_id,
        "aud": audience,
        "iat": issued,
        "exp": issued + JWT_LIFETIME_SECONDS,
    }
    return jwt.encode(claims, key.private_key, algorithm="PS256", headers={"kid": key.key_id})


class ServiceAccountSource:
    """Signs a fresh JWT for every renewal, as the JWT itself lives minutes only."""

    renewable = True

    def __init__(
        self,
        key_file: Path,
        iam_endpoint: Endpoint,
        label: str,
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = load_key_file(key_file)
        self._iam_endpoint = iam_endpoint
        self._clock = clock
        self.label = label

    async def issue(self, http: httpx.AsyncClient) -> IssuedToken:
        token = signed_jwt(self._key, tokens_url(self._iam_endpoint), self._clock())
        return await exchange(
            http,
            self._iam_endpoint,
            {"jwt": token},
            source=self.label,
            secret=token,
            refusal=Hint.SA_KEY_REFUSED,
            refusal_values={"key_id": self._key.key_id, "account": self._key.service_account_id},
        )
