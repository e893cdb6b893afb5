"""Terminal-safe text: untrusted server strings escaped, columns counted as a terminal does.

Names, labels and server messages are untrusted; an escape sequence in one of them could
rewrite the operator's screen, and a bidirectional override could make a value read
differently from what it is.
"""

from __future__ import annotations

import re
import unicodedata

# C0, DEL and C1 controls, line/paragraph separators, and bidirectional overrides/isolates
# (which can make a value read differently from what it is).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with control characters written as ``\\xNN`` / ``\\uNNNN`` escapes."""
    return _UNSAFE.sub(_escape, text)


def printable_lines(text: str) -> str:
    """``text`` for a terminal: line breaks kept, every other control character escaped.

    A JSON body may hold a raw CR between tokens (JSON allows it as whitespace) and C1 or bidi
    characters inside strings: sent to a terminal as is, they move the cursor or reorder what
    is shown, so the screen could show a status the body does not hold.
    """
    return "\n".join(printable(line) for line in text.split("\n"))


def display_width(text: str) -> int:
    """Terminal columns: wide (CJK) characters take two, combining and format marks none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def pad(text: str, width: int) -> str:
    """``text`` followed by spaces up to ``width`` terminal columns."""
    return text + " " * max(0, width - display_width(text))
