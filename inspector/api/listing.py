"""``DesktopImageService.List``: one page at a time, and a pager that walks the pages safely.

Paging is where a client can go round in circles or quietly lose rows: a server may send the same
``nextPageToken`` again, answer a page with garbage, or refuse a token that has expired. The
:class:`Pager` keeps what was already loaded in every one of those cases: it stops on a repeated
token, leaves its position unchanged when a page fails (so the same page can be asked for again),
and starts over once, with a note, when the server refuses a page token.
"""

from __future__ import annotations

import difflib
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Final
from urllib.parse import quote, urlencode

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from inspector.api.client import IMAGES_PATH, ImageClient, RetryObserver, content_type_note
from inspector.api.errors import Call, InspectorError, RequestIds, ResponseError, UsageError
from inspector.api.list_query import MAX_PAGE_SIZE, ListQuery, encodable, make_query
from inspector.api.models import (
    DesktopImage,
    ImageParseError,
    describe_validation_error,
    image_from_mapping,
)
from inspector.api.status_errors import BadRequest
from inspector.api.transport import Exchange
from inspector.api.wire_json import BodyError, loads_object
from inspector.i18n import _, ngettext

MAX_PAGES_WITHOUT_NEW_IMAGES: Final = 3
MAX_SIMILAR_NAMES: Final = 5


class ImageListPage(BaseModel):
    """``ListDesktopImagesResponse``: proto3 JSON omits an empty list and an empty token.

    The images are read one by one (:func:`parse_page`), so one that does not parse becomes a
    row with its error instead of failing the whole page.
    """

    model_config = ConfigDict(extra="allow", frozen=True, populate_by_name=True, strict=True)

    desktop_images: list[Any] = Field(default_factory=list, alias="desktopImages")
    next_page_token: str = Field(default="", alias="nextPageToken")


class ListResponseError(ResponseError):
    """A 2xx answer that is not a page of images."""


class StopReason(StrEnum):
    """Why the pager stopped before the last page: the server's paging went round in circles."""

    REPEATED_TOKEN = "repeated-token"
    NO_NEW_IMAGES = "no-new-images"


@dataclass(frozen=True, slots=True)
class PagingStop:
    """Paging stopped after page ``pages``: ``token`` came back again, or ``pages_without_new``
    pages in a row brought no new image."""

    reason: StopReason
    pages: int
    token: str
    pages_without_new: int


@dataclass(frozen=True, slots=True)
class TokenRefused:
    """The server refused a page token (``status_code``, its ``message``): paging restarted."""

    status_code: int
    message: str


class PagingStoppedError(ResponseError):
    """The pages could not be followed to the end (a token came back again, for one)."""

    def __init__(self, stop: PagingStop, *, request_ids: RequestIds | None = None) -> None:
        message = _("paging stopped after page {page}: {reason}").format(
            page=stop.pages, reason=stop.reason
        )
        super().__init__(message, request_ids=request_ids)
        self.stop = stop


class NameLookupError(InspectorError):
    """A name matched no image, or several: ``candidates`` are the ones to choose from."""

    def __init__(
        self, folder_id: str, name: str, matches: list[DesktopImage], similar: list[DesktopImage]
    ) -> None:
        if matches:
            message = ngettext(
                "{count} image is named {name} in folder {folder}",
                "{count} images are named {name} in folder {folder}",
                len(matches),
            )
        else:
            message = _("no image is named {name} in folder {folder}")
        super().__init__(message.format(count=len(matches), name=repr(name), folder=folder_id))
        self.folder_id = folder_id
        self.name = name
        self.matches = matches
        self.candidates = matches or similar


def list_url(base_url: str, query: ListQuery, page_token: str | None) -> str:
    return f"{base_url}{IMAGES_PATH}?{urlencode(query.params(page_token), quote_via=quote)}"


@dataclass(frozen=True, slots=True)
class ListedImage:
    """One image of a page, and the JSON value exactly as it came (for JSON Lines).

    ``image`` is ``None`` when that value is not a DesktopImage; ``problems`` then say why.
    """

    image: DesktopImage | None
    wire: Any
    problems: tuple[str, ...] = ()

    @property
    def image_id(self) -> str | None:
        """The image's ID, read from the raw object when the image itself did not parse."""
        if self.image is not None:
            return self.image.id or None
        wire_id = self.wire.get("id") if isinstance(self.wire, dict) else None
        return wire_id if isinstance(wire_id, str) and wire_id else None


def listed_image(wire: Any) -> ListedImage:
    """One element of ``desktopImages``, parsed on its own."""
    if not isinstance(wire, dict):
        problem = _("expected a JSON object, got {type}").format(type=type(wire).__name__)
        return ListedImage(None, wire, (problem,))
    try:
        return ListedImage(image_from_mapping(wire), wire)
    except ImageParseError as error:
        return ListedImage(None, wire, tuple(error.problems or [str(error)]))


@dataclass(frozen=True, slots=True)
class RawPage:
    """One page as the server sent it."""

    images: list[ListedImage]
    next_page_token: str | None
    exchange: Exchange


def _not_a_page(exchange: Exchange, summary: str, problems: list[str]) -> ListResponseError:
    summary += content_type_note(exchange)
    return ListResponseError(
        _("HTTP {status}, but the answer is not a page of desktop images: {reason}").format(
            status=exchange.status_code, reason=summary
        ),
        problems=problems,
        request_ids=exchange.request_ids,
        status_code=exchange.status_code,
    )


def parse_page(exchange: Exchange) -> RawPage:
    """The page in a 2xx answer, or :class:`ListResponseError` naming what is wrong with it."""
    try:
        data, _text = loads_object(exchange.raw)
    except BodyError as error:
        raise _not_a_page(exchange, str(error), []) from None
    try:
        page = ImageListPage.model_validate(data)
    except ValidationError as error:
        problems = describe_validation_error(error)
        raise _not_a_page(exchange, _("some fields are wrong"), problems) from None
    images = [listed_image(item) for item in page.desktop_images]
    token = page.next_page_token or None
    if token is not None and not encodable(token):
        problems = [
            _("nextPageToken: not valid Unicode text (a lone surrogate), cannot be sent back")
        ]
        raise _not_a_page(exchange, _("the next page's token cannot be sent back"), problems)
    return RawPage(images, token, exchange)


async def fetch_page(
    client: ImageClient,
    query: ListQuery,
    page_token: str | None,
    on_retry: RetryObserver | None = None,
) -> RawPage:
    """``DesktopImageService.List`` for one page: the client's ids, deadline, cap and retries."""
    url = list_url(client.endpoint.base_url, query, page_token)
    exchange = await client.get_retrying(url, on_retry=on_retry)
    exchange.raise_for_status(Call.LIST_IMAGES)
    return parse_page(exchange)


@dataclass(frozen=True, slots=True)
class ListedPage:
    """What one step of the pager brought.

    ``images`` are the ones not seen before in this walk. ``restart`` is set on the first
    page after the server refused a page token (everything shown before is stale: start over);
    ``stop`` when paging stopped because the server misbehaved.
    """

    images: list[ListedImage]
    more: bool
    exchange: Exchange
    restart: TokenRefused | None = None
    stop: PagingStop | None = None


@dataclass
class _Walk:
    """Where one pass over the pages is: the token to send next and what came so far."""

    token: str | None = None
    pages: int = 0
    sent: set[str | None] = field(default_factory=set)
    seen_ids: set[str | None] = field(default_factory=set)
    pages_without_new: int = 0


class Pager:
    """Walks the pages of one query; a failed step can be retried, nothing loaded is lost."""

    def __init__(
        self, client: ImageClient, query: ListQuery, on_retry: RetryObserver | None = None
    ) -> None:
        self.client = client
        self.query = query
        self._on_retry = on_retry
        self.finished = False
        self.loaded = 0
        self._walk = _Walk()
        self._restarted = False

    async def next_page(self) -> ListedPage:
        """The next page; raises the typed API errors and leaves the position unchanged."""
        if self.finished:
            raise RuntimeError("the listing has no more pages")  # untranslated: a programming error
        token = self._walk.token
        try:
            raw = await fetch_page(self.client, self.query, token, self._on_retry)
        except BadRequest as error:  # an expired page token, or a bad query
            if token is None or self._restarted:
                raise
            return await self._restart(error)
        return self._step(raw)

    async def pages(self) -> AsyncIterator[ListedPage]:
        """Every page until the last; errors propagate after the pages already yielded."""
        while not self.finished:
            yield await self.next_page()

    async def _restart(self, error: BadRequest) -> ListedPage:
        raw = await fetch_page(
            self.client, self.query, None, self._on_retry
        )  # may fail: nothing changed yet
        self._restarted = True
        self._walk = _Walk()
        self.loaded = 0
        message = error.body.message if error.body and error.body.message else error.reason
        return self._step(raw, restart=TokenRefused(error.status_code, message))

    def _step(self, raw: RawPage, *, restart: TokenRefused | None = None) -> ListedPage:
        walk = self._walk
        walk.sent.add(walk.token)
        walk.pages += 1
        new = [item for item in raw.images if item.image_id not in walk.seen_ids]
        walk.seen_ids.update(item.image_id for item in new if item.image_id is not None)
        walk.pages_without_new = 0 if new else walk.pages_without_new + 1
        self.loaded += len(new)
        following = raw.next_page_token
        stop = None
        if following is not None and following in walk.sent:
            stop = PagingStop(
                StopReason.REPEATED_TOKEN, walk.pages, following, walk.pages_without_new
            )
        elif following is not None and walk.pages_without_new >= MAX_PAGES_WITHOUT_NEW_IMAGES:
            stop = PagingStop(
                StopReason.NO_NEW_IMAGES, walk.pages, following, walk.pages_without_new
            )
        self.finished = following is None or stop is not None
        walk.token = following
        return ListedPage(new, not self.finished, raw.exchange, restart, stop)


async def _every_image(client: ImageClient, query: ListQuery) -> list[DesktopImage]:
    """Every image of ``query``; a listing that cannot be followed to its end is an error."""
    pager = Pager(client, query)
    images: list[DesktopImage] = []
    async for page in pager.pages():
        if page.restart is not None:
            images.clear()
        images.extend(item.image for item in page.images if item.image is not None)
        if page.stop is not None:
            raise PagingStoppedError(page.stop, request_ids=page.exchange.request_ids)
    return images


async def find_by_name(client: ImageClient, folder_id: str, name: str) -> str:
    """The ID of the one image called exactly ``name``, or :class:`NameLookupError`.

    The server filters by name; the match is checked here too, so a server that ignores the
    filter cannot make an unrelated image the answer. With no match, the folder is listed once
    more to offer the closest names.
    """
    query = make_query(folder_id, name=name, page_size=MAX_PAGE_SIZE)
    wanted = query.name
    if wanted is None:
        raise UsageError(_("the name is empty"))
    matches = [image for image in await _every_image(client, query) if image.name == wanted]
    if len(matches) == 1:
        if not matches[0].id:
            raise ListResponseError(
                _("the image named {name} came without an ID").format(name=repr(wanted))
            )
        return matches[0].id
    similar: list[DesktopImage] = []
    if not matches:
        everything = await _every_image(client, make_query(folder_id, page_size=MAX_PAGE_SIZE))
        by_name = {image.name: image for image in everything if image.name}
        folded = wanted.casefold()
        close = [key for key in by_name if folded in key.casefold() or key.casefold() in folded]
        close += difflib.get_close_matches(wanted, list(by_name), n=MAX_SIMILAR_NAMES)
        similar = [by_name[key] for key in dict.fromkeys(close)][:MAX_SIMILAR_NAMES]
    raise NameLookupError(query.folder_id, wanted, matches, similar)
