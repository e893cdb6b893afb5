"""Connection profiles: named sets of endpoints, credential source, CA file and proxy.

They live in a plain JSON file in the user's config folder, so the window and the command line
read the same ones and the API layer stays free of Qt. The file never holds a secret: a typed
token the user asks to remember goes to the operating system's keyring (the ``keyring``
package), and only when one is available.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, Final, NamedTuple
from urllib.parse import urlsplit

from inspector import APP_NAME
from inspector.api.credentials.plan import (
    DEFAULT_IAM_ENDPOINT,
    SourceKind,
    parse_metadata_url,
)
from inspector.api.errors import UsageError
from inspector.api.inputs import DEFAULT_ENDPOINT, parse_endpoint
from inspector.api.network.proxy import parse_proxy
from inspector.config.store import PROFILES, DamagedFile, parse_object, read_bounded, write_json
from inspector.i18n import _, pgettext

DEFAULT_PROFILE: Final = "default"
AUTO_SOURCE: Final = "auto"
SOURCES: Final = (AUTO_SOURCE, *(kind.value for kind in SourceKind if kind is not SourceKind.NONE))
SECRET_SOURCES: Final = (SourceKind.IAM_TOKEN.value, SourceKind.OAUTH_TOKEN.value)
KEYRING_SERVICE: Final = APP_NAME
_MAX_NAME: Final = 64
_FORMAT_VERSION: Final = 1
_OPTIONAL_TEXT: Final = (
    "token_file",
    "key_file",
    "yc_profile",
    "yc_path",
    "metadata_url",
    "ca_file",
    "proxy",
)


class Profile(NamedTuple):
    """One way to connect. ``source`` is ``auto`` (``YC_IAM_TOKEN``/``YC_OAUTH_TOKEN``) or a
    :class:`SourceKind` value; the fields after it are what that source needs."""

    name: str
    endpoint: str = DEFAULT_ENDPOINT
    iam_endpoint: str = DEFAULT_IAM_ENDPOINT
    source: str = AUTO_SOURCE
    token_file: str | None = None
    key_file: str | None = None
    yc_profile: str | None = None
    yc_path: str | None = None
    metadata_url: str | None = None
    ca_file: str | None = None
    proxy: str | None = None
    remember: bool = False


def validate_profile(profile: Profile) -> Profile:
    """``profile`` with blank fields as None, or :class:`UsageError` saying what is wrong."""
    name = profile.name.strip()
    if not name or len(name) > _MAX_NAME or not name.isprintable():
        message = _("a profile name is 1 to {count} printable characters")
        raise UsageError(message.format(count=_MAX_NAME))
    blanks: dict[str, Any] = {
        field_name: (getattr(profile, field_name) or "").strip() or None
        for field_name in _OPTIONAL_TEXT
    }
    cleaned = profile._replace(name=name, **blanks)
    parse_endpoint(cleaned.endpoint, _("the API endpoint"))
    parse_endpoint(cleaned.iam_endpoint, _("the IAM endpoint"))
    if cleaned.source not in SOURCES:
        message = _("profile {name}: unknown credential source {source}")
        raise UsageError(message.format(name=name, source=repr(cleaned.source)))
    if cleaned.source == SourceKind.SA_KEY and not cleaned.key_file:
        message = _("profile {name}: a service account key file is needed")
        raise UsageError(message.format(name=name))
    if cleaned.metadata_url:
        parse_metadata_url(cleaned.metadata_url, _("the metadata URL"))
    if cleaned.proxy:
        # Translators: completes "the proxy from ...", so it takes that phrase's case.
        source = pgettext("the proxy from", "profile {name}").format(name=name)
        parse_proxy(cleaned.proxy, source)
        if urlsplit(cleaned.proxy).password:
            raise UsageError(
                _(
                    "a profile is stored as plain text, so its proxy cannot hold a password: "
                    "put the proxy with its password in HTTPS_PROXY instead"
                )
            )
    return cleaned


class ProfileBook(NamedTuple):
    """All saved profiles and the one in use; ``default`` exists even when never saved."""

    current: str = DEFAULT_PROFILE
    saved: tuple[Profile, ...] = ()

    def names(self) -> list[str]:
        stored = [profile.name for profile in self.saved]
        return stored if DEFAULT_PROFILE in stored else [DEFAULT_PROFILE, *stored]

    def get(self, name: str) -> Profile:
        for profile in self.saved:
            if profile.name == name:
                return profile
        if name == DEFAULT_PROFILE:
            return Profile(DEFAULT_PROFILE)
        message = _("no profile named {name}; known: {known}")
        raise UsageError(message.format(name=repr(name), known=", ".join(self.names())))

    def with_profile(self, profile: Profile) -> ProfileBook:
        """This book with ``profile`` added or replaced, and made the one in use."""
        others = tuple(saved for saved in self.saved if saved.name != profile.name)
        return ProfileBook(current=profile.name, saved=(*others, profile))

    def without(self, name: str) -> ProfileBook:
        saved = tuple(profile for profile in self.saved if profile.name != name)
        return ProfileBook(DEFAULT_PROFILE if self.current == name else self.current, saved)


def profiles_path() -> Path:
    """``profiles.json`` in the user's config folder (``~/.config/cloud-desktop-inspector``)."""
    return PROFILES.path


def _profile_from(data: Any, path: Path) -> Profile:
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        raise UsageError(_("{file}: each profile must be an object with a name").format(file=path))
    known = set(Profile._fields)
    values = {key: value for key, value in data.items() if key in known}
    for key, value in values.items():
        expected = bool if key == "remember" else str
        if value is not None and not isinstance(value, expected):
            message = _("{file}: profile {name} has a bad {field}")
            raise UsageError(message.format(file=path, name=repr(data["name"]), field=key))
    return validate_profile(Profile(**values))


class ProfilesFileError(UsageError):
    """The profiles file exists but is not one: the CLI stops, the window keeps it aside."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


def load_profiles(path: Path | None = None) -> ProfileBook:
    """The saved profiles; no file yet means only the default profile."""
    path = path or profiles_path()
    try:
        raw = read_bounded(path, PROFILES.max_bytes)
    except DamagedFile as damage:
        message = _("cannot read {file}: {reason}").format(file=path, reason=damage)
        raise ProfilesFileError(path, message) from None
    except OSError as error:
        message = _("cannot read {file}: {reason}").format(
            file=path, reason=error.strerror or error
        )
        raise UsageError(message) from None
    if raw is None:
        return ProfileBook()
    try:
        data = parse_object(path, raw)
    except DamagedFile as damage:
        message = _("{file} is not valid JSON ({reason}); fix or delete it")
        raise ProfilesFileError(path, message.format(file=path, reason=damage)) from None
    if not isinstance(data.get("profiles", []), list):
        message = _("{file} is not a profiles file; fix or delete it").format(file=path)
        raise ProfilesFileError(path, message)
    try:
        saved = tuple(_profile_from(item, path) for item in data.get("profiles", []))
    except UsageError as error:
        raise ProfilesFileError(path, str(error)) from None
    current = data.get("current")
    book = ProfileBook(saved=saved)
    if isinstance(current, str) and current in book.names():
        book = book._replace(current=current)
    return book


def save_profiles(book: ProfileBook, path: Path | None = None) -> Path:
    """Write ``book`` atomically (a crash never leaves half a file); returns the path."""
    path = path or profiles_path()
    data = {
        "version": _FORMAT_VERSION,
        "current": book.current,
        "profiles": [
            {key: value for key, value in profile._asdict().items() if value not in (None, False)}
            for profile in book.saved
        ],
    }
    write_json(path, data)
    return path


def _keyring_user(profile: str, source: str) -> str:
    return f"{profile}/{source}"


def keyring_available() -> bool:
    """Whether the OS offers a keyring the ``keyring`` package can use (not the fail backend)."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return False
    try:
        backend = keyring.get_keyring()
        return not isinstance(backend, fail.Keyring) and float(backend.priority) > 0
    except Exception:  # a broken backend (no D-Bus, locked) means "not available"
        return False


def remember_secret(profile: str, source: str, secret: str) -> None:
    """Keep ``secret`` in the OS keyring; :class:`UsageError` when there is none."""
    if not keyring_available():
        raise UsageError(_("no system keyring is available, so the token cannot be remembered"))
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, _keyring_user(profile, source), secret)
    except KeyringError as error:
        message = _("the keyring refused to store the token: {reason}")
        raise UsageError(message.format(reason=type(error).__name__)) from None


def recall_secret(profile: str, source: str) -> str | None:
    """The token remembered for ``profile`` and ``source``, or None."""
    if not keyring_available():
        return None
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, _keyring_user(profile, source))
    except KeyringError:
        return None


def forget_secret(profile: str, source: str) -> None:
    """Remove a remembered token, if any."""
    if not keyring_available():
        return
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(KEYRING_SERVICE, _keyring_user(profile, source))
