"""What the folder browser shows about its listing, as a small state machine with no Qt.

The browser used to spread this over its table model's flags (more, loading, paused) and a
"listed" flag of its own; here it is one immutable value. Each event the browse controller
reports (a listing starts, a page comes, loading starts or ends, a page fails) is a method
returning the next state, and what the buttons and Qt's ``canFetchMore`` may do is read from it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum


class BrowsePhase(StrEnum):
    IDLE = "idle"  # nothing listed yet
    LOADING = "loading"  # a page is on its way
    MORE = "more"  # pages loaded, more on the server
    COMPLETE = "complete"  # every page loaded
    PAUSED = "paused"  # a page failed: no automatic retry until the operator asks


@dataclass(frozen=True, slots=True)
class BrowserState:
    """The phase, with what the listing is (``description``) and whether the server has more."""

    listed: bool = False
    loading: bool = False
    more: bool = False
    paused: bool = False
    description: str = ""

    @property
    def phase(self) -> BrowsePhase:
        if not self.listed:
            return BrowsePhase.IDLE
        if self.loading:
            return BrowsePhase.LOADING
        if self.paused:
            return BrowsePhase.PAUSED
        return BrowsePhase.MORE if self.more else BrowsePhase.COMPLETE

    @property
    def can_page(self) -> bool:
        """Load more / Load all are on: the server has more and nothing is on its way."""
        return self.more and not self.loading

    @property
    def fetches_on_scroll(self) -> bool:
        """Scrolling to the end asks for the next page (not after an error: no retry loop)."""
        return self.can_page and not self.paused

    def listing(self, description: str) -> BrowserState:
        """A new listing started: its rows so far are none (loading is said separately)."""
        return dataclasses.replace(
            self, listed=True, more=False, paused=False, description=description
        )

    def page(self, *, more: bool) -> BrowserState:
        """A page came: the server has ``more``, and any pause after an error is over."""
        return dataclasses.replace(self, more=more, paused=False)

    def with_loading(self, loading: bool) -> BrowserState:
        return dataclasses.replace(self, loading=loading)

    def failed(self) -> BrowserState:
        """A page failed: the rows shown stay, paging waits for the operator."""
        return dataclasses.replace(self, paused=True)
