"""What the window says about the token in use (its source and when it expires, never it), and
what to try when a source could not give one."""

from __future__ import annotations

import time
from typing import Final

from inspector.api.credentials.errors import CredentialError, Hint
from inspector.i18n import N_, _


def expiry_text(expires_at: float | None, now: float) -> str | None:
    """``expires 21:40`` (with the date when it is not today), ``expired at 09:12``, or None."""
    if expires_at is None:
        return None
    moment = time.localtime(expires_at)
    same_day = moment[:3] == time.localtime(now)[:3]
    # Translators: a strftime pattern; the month may be a number (%m) where names read badly.
    clock = time.strftime("%H:%M" if same_day else _("%d %b %H:%M"), moment)
    if expires_at <= now:
        return _("expired at {time}").format(time=clock)
    return _("expires {time}").format(time=clock)


# What to try when a source fails, by the hint the source gave; the values fill the braces.
_HINTS: Final[dict[Hint, str]] = {
    Hint.IAM_UNREACHABLE: N_(
        "Check the network, the proxy and --iam-endpoint (now {endpoint}); "
        "retry later if it is down."
    ),
    Hint.IAM_REDIRECTED: N_("Check --iam-endpoint: it is probably wrong."),
    Hint.OAUTH_REFUSED: N_(
        "The OAuth token is expired or revoked, or the exchange of OAuth tokens has ended (Yandex "
        "announced its end). Use a service account key instead (--sa-key FILE, made by "
        "`yc iam key create`), or the yc CLI (--use-yc)."
    ),
    Hint.SA_KEY_REFUSED: N_(
        "The key {key_id} of service account {account} was refused: it may be deleted, or the "
        "account removed. Check `yc iam key list --service-account-id {account}`, create a new "
        "key with `yc iam key create`, and check this computer's clock."
    ),
    Hint.METADATA: N_(
        "The metadata service answers only inside a Yandex Cloud VM (a cloud desktop is one) with "
        "a service account attached; elsewhere choose another source."
    ),
    Hint.YC_PATH: N_("Point --yc-path at the yc binary (`which yc` in a terminal shows it)."),
    Hint.YC_NOT_FOUND: N_("Install the yc CLI and run `yc init`, or pass --yc-path PATH to it."),
    Hint.YC_WAITING: N_(
        "yc may be waiting for a login or a prompt: run the same command in a terminal once, "
        "then try again."
    ),
    Hint.YC_NOT_STARTED: N_("Check the yc installation (or --yc-path)."),
    Hint.YC_PROFILE: N_("Check that the yc profile {profile} exists (`yc config profile list`)."),
    Hint.YC_SETUP: N_("Run `yc init` or `yc iam create-token` in a terminal to see what it needs."),
    Hint.YC_SILENT: N_("Run it in a terminal to see what it needs (`yc init` sets up a profile)."),
    Hint.YC_INSTALLATION: N_("Check the yc installation."),
}


def credential_hint(error: CredentialError) -> str:
    """What to try instead of the source that failed, in the user's language."""
    return _(_HINTS[error.hint]).format(**error.hint_values)
