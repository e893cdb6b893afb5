"""Why a file the operator opened is not an image, in the words the window and ``show`` print.

:mod:`inspector.core.bundle` decides what is wrong with a file; the sentences that say so and
read the same in every language live here, next to the other sentences a person reads.
"""

from __future__ import annotations

from typing import Final

from inspector.api.models import ImageParseError
from inspector.i18n import _, conventions

# The JSON decoder's own words (api/wire_json.py), recognised to say them about a file.
_DECODER_NOT_UTF8: Final = "the body is not valid UTF-8"  # untranslated: matched, not shown
_DECODER_HTML: Final = "the body is HTML"  # untranslated: matched, not shown
_MIB: Final = 1024 * 1024


def too_big(size: int, cap: int) -> str:
    """A file far larger than any bundle, with its size and the cap in MiB."""
    shown = f"{size / _MIB:.1f}".replace(".", conventions().decimal)
    message = _(
        "it is {size} MiB; a bundle or an image body is a few KiB (at most {cap} MiB is read)"
    )
    return message.format(size=shown, cap=cap // _MIB)


def decoder_reason(reason: str) -> str:
    """The JSON decoder's reason, said about a file the operator opened rather than an answer."""
    if reason.startswith(_DECODER_NOT_UTF8):
        return _("it is not UTF-8 text (a binary file?)") + reason.removeprefix(_DECODER_NOT_UTF8)
    if reason.startswith(_DECODER_HTML):
        return _("it is an HTML page, not JSON")
    return reason.replace("the body", "the file")  # untranslated: the decoder's words


def bundle_body_not_an_image(error: ImageParseError) -> str:
    """Why a bundle's body is no image, with the parser's list of problems when it has one."""
    if not error.problems:
        return _("the bundle's body is not a DesktopImage ({reason})").format(reason=error)
    return _("the bundle's body is not a DesktopImage ({reason}): {problems}").format(
        reason=error, problems="; ".join(error.problems)
    )
