"""``DesktopImage.Status`` as the schema defines it, apart from the models so that light modules
(the window's first paint, the status badge) can name statuses without loading pydantic."""

from __future__ import annotations

import re
from typing import Final

# ``yandex.cloud.clouddesktop.v1.api.DesktopImage.Status``: number -> name.
STATUS_NAMES: Final = {0: "STATUS_UNSPECIFIED", 1: "CREATING", 2: "ACTIVE", 3: "DELETING"}
KNOWN_STATUSES: Final = tuple(STATUS_NAMES.values())
DEFAULT_STATUS: Final = STATUS_NAMES[0]
_NUMBER_TEXT = re.compile(r"[-+]?[0-9]{1,10}")


def is_status_number(status: str) -> bool:
    """Whether ``status`` is written as a number (protobuf reads ``"7"`` as the number 7)."""
    return bool(_NUMBER_TEXT.fullmatch(status))
