"""Why a file the operator opened is not an image, in the words the window and ``show`` print.

:mod:`inspector.core.bundle` decides what is wrong with a file; the sentences that say so and
read the same in every language live here, next to the other sentences a person reads.
"""

from __future__ import annotations

from typing import Final

from inspector.api.local_files import FILE_REASONS
from inspector.api.models import ImageParseError
from inspector.api.wire_json import BODY_REASONS, BodyError, BodyReason
from inspector.i18n import N_, _, conventions

_MIB: Final = 1024 * 1024
# The JSON decoder's reasons said about a bundle the operator opened rather than an answer.
_BUNDLE_REASONS: Final = {
    **FILE_REASONS,
    BodyReason.NOT_UTF8: N_("it is not UTF-8 text (a binary file?) (bad byte at offset {offset})"),
    BodyReason.HTML: N_("it is an HTML page, not JSON"),
    BodyReason.TOO_DEEP: BODY_REASONS[BodyReason.TOO_DEEP],  # as the bundle reader always said
}


def too_big(size: int, cap: int) -> str:
    """A file far larger than any bundle, with its size and the cap in MiB."""
    shown = f"{size / _MIB:.1f}".replace(".", conventions().decimal)
    message = _(
        "it is {size} MiB; a bundle or an image body is a few KiB (at most {cap} MiB is read)"
    )
    return message.format(size=shown, cap=cap // _MIB)


def decoder_reason(error: BodyError) -> str:
    """The JSON decoder's reason, said about a file the operator opened rather than an answer."""
    return error.worded(_BUNDLE_REASONS)


def bundle_body_not_an_image(error: ImageParseError) -> str:
    """Why a bundle's body is no image, with the parser's list of problems when it has one."""
    if not error.problems:
        return _("the bundle's body is not a DesktopImage ({reason})").format(reason=error)
    return _("the bundle's body is not a DesktopImage ({reason}): {problems}").format(
        reason=error, problems="; ".join(error.problems)
    )
