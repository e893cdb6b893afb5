"""The window's menus and actions, declared as data.

One row per action: what it says, its keys, what it asks the window to do and when it is
enabled. :mod:`inspector.ui.window.menus` builds Qt's menus from these rows, so adding an
action is adding a row, and the order of the rows is the order of the menus (and of the
Keyboard Shortcuts list, which reads the window's actions in the order they were made).
The texts are marked here and translated when the menus are built.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import Enum, StrEnum, auto
from typing import TYPE_CHECKING, Any, Final, Generic, NamedTuple, Protocol, TypeVar

from PySide6.QtGui import QKeySequence

from inspector.i18n import LANGUAGES, N_, SYSTEM, _
from inspector.ui.theme import Scheme
from inspector.ui.window.copying import COPIES, CopyKind

if TYPE_CHECKING:
    from inspector.ui.page.image_page import ImagePage

K = TypeVar("K")
SCHEMES: Final = (
    (Scheme.SYSTEM, N_("&System")),
    (Scheme.LIGHT, N_("&Light")),
    (Scheme.DARK, N_("&Dark")),
)


class ActionId(StrEnum):
    """Each action of the window; the value is its Qt object name (the saved state, tests and
    assistive tools find it by that)."""

    NEW_TAB = "newTabAction"
    CLOSE_TAB = "closeTabAction"
    OPEN_FILE = "openFileAction"
    SAVE_BUNDLE = "saveBundleAction"
    CONNECTION = "connectionAction"
    QUIT = "quitAction"
    COPY_CURL = "copyCurlAction"
    COPY_YC = "copyYcAction"
    COPY_JSON = "copyJsonAction"
    COPY_IDS = "copyIdsAction"
    FOCUS_ID = "focusIdAction"
    REFETCH = "refetchAction"
    STOP_WATCH = "stopWatchAction"
    COMPARE = "compareAction"
    BROWSE = "browseFolderAction"
    HISTORY = "historyAction"
    RAW_RESPONSE = "rawResponseAction"
    PRESENTING = "presentingAction"
    SHORTCUTS = "keyboardShortcutsAction"
    OPEN_LOG = "openLogFolderAction"
    ABOUT = "aboutAction"


class When(Enum):
    """When an action can be used; the window says whether each holds now."""

    ALWAYS = auto()
    COMMAND_POSSIBLE = auto()  # the current tab's image ID can be put in a command
    LOG_FOLDER_KNOWN = auto()
    NOT_PRESENTING = auto()  # what it shows would leak IDs onto a shared screen


class Intents(Protocol):
    """What the menus can ask of the window (the window implements these)."""

    def new_tab(self) -> object: ...
    def close_current_tab(self) -> None: ...
    def open_file_dialog(self) -> None: ...
    def save_for_support(self) -> None: ...
    def request_connection(self) -> None: ...
    def close(self) -> bool: ...
    def copy(self, kind: CopyKind) -> None: ...
    @property
    def page(self) -> ImagePage: ...
    def open_compare(self) -> None: ...
    def toggle_browser(self) -> None: ...
    def toggle_history(self) -> None: ...
    def set_presenting(self, on: bool) -> None: ...
    def show_shortcuts(self) -> None: ...
    def open_log_folder(self) -> None: ...
    def show_about(self) -> None: ...
    def choose_scheme(self, scheme: Scheme) -> None: ...
    def choose_language(self, choice: str) -> None: ...


class ActionSpec(NamedTuple):
    """One action. ``keys`` is used where the platform has no ``standard`` binding (or none
    is named); a ``toggle`` action is checkable and is told its new state."""

    id: ActionId
    text: str
    run: Callable[[Intents], object] | None = None
    keys: str = ""
    standard: QKeySequence.StandardKey | None = None
    tip: str = ""
    enabled_when: When = When.ALWAYS
    toggle: Callable[[Intents, bool], object] | None = None


class Choices(StrEnum):
    """A submenu of exclusive choices; the value starts its actions' object names."""

    THEME = "theme"
    LANGUAGE = "language"


class ChoiceMenu(NamedTuple, Generic[K]):
    """Exclusive choices, the first one checked until the window checks the saved one;
    ``options`` gives each value with its text in the language in use."""

    id: Choices
    title: str
    options: Callable[[], Sequence[tuple[K, str]]]
    choose: Callable[[Intents, K], object]


SEPARATOR: Final = None
MenuItem = ActionSpec | ChoiceMenu[Any] | None


class MenuSpec(NamedTuple):
    title: str
    items: tuple[MenuItem, ...]


def _copy_action(kind: CopyKind, action: ActionId, keys: str) -> ActionSpec:
    """A copy action: its text and tooltip from the copy table, off while it cannot be made."""
    copy = COPIES[kind]
    return ActionSpec(
        action,
        copy.menu_text,
        run=lambda window: window.copy(kind),
        keys=keys,
        tip=copy.tip,
        enabled_when=When.COMMAND_POSSIBLE if copy.command else When.ALWAYS,
    )


FILE_MENU: Final = MenuSpec(
    N_("&File"),
    (
        ActionSpec(ActionId.NEW_TAB, N_("&New Tab"), lambda w: w.new_tab(), "Ctrl+T"),
        ActionSpec(ActionId.CLOSE_TAB, N_("&Close Tab"), lambda w: w.close_current_tab(), "Ctrl+W"),
        SEPARATOR,
        ActionSpec(
            ActionId.OPEN_FILE,
            N_("&Open Bundle or JSON\u2026"),
            lambda w: w.open_file_dialog(),
            keys="Ctrl+O",
            tip=N_(
                "Open a support bundle, a REST JSON body or `yc ... --format json` output (Ctrl+O)"
            ),
        ),
        ActionSpec(
            ActionId.SAVE_BUNDLE,
            N_("&Save for Support\u2026"),
            lambda w: w.save_for_support(),
            keys="Ctrl+S",
            tip=N_(
                "One JSON file with the answer, its headers (no secrets), request IDs, timing, "
                "versions and clock skew (Ctrl+S)"
            ),
        ),
        SEPARATOR,
        ActionSpec(
            ActionId.CONNECTION,
            N_("Conn&ection\u2026"),
            lambda w: w.request_connection(),
            keys="Ctrl+Shift+O",
            tip=N_("Choose the profile, endpoints, credentials, CA file and proxy (Ctrl+Shift+O)"),
        ),
        SEPARATOR,
        # The platform's own Quit keys; Windows has none, so Ctrl+Q as most apps there do.
        ActionSpec(
            ActionId.QUIT,
            N_("&Quit"),
            lambda w: w.close(),
            keys="Ctrl+Q",
            standard=QKeySequence.StandardKey.Quit,
        ),
    ),
)
EDIT_MENU: Final = MenuSpec(
    N_("&Edit"),
    (
        _copy_action(CopyKind.CURL, ActionId.COPY_CURL, "Ctrl+Shift+C"),
        _copy_action(CopyKind.YC, ActionId.COPY_YC, "Ctrl+Shift+Y"),
        _copy_action(CopyKind.JSON, ActionId.COPY_JSON, "Ctrl+Shift+J"),
        _copy_action(CopyKind.IDS, ActionId.COPY_IDS, "Ctrl+Shift+I"),
    ),
)
IMAGE_MENU: Final = MenuSpec(
    N_("I&mage"),
    (
        ActionSpec(
            ActionId.FOCUS_ID, N_("Go to the Image &ID"), lambda w: w.page.focus_id(), "Ctrl+L"
        ),
        ActionSpec(
            ActionId.REFETCH,
            N_("&Fetch Again"),
            lambda w: w.page.refetch(),
            standard=QKeySequence.StandardKey.Refresh,
        ),
        ActionSpec(
            ActionId.STOP_WATCH, N_("&Stop Watching"), lambda w: w.page.stopWatchRequested.emit()
        ),
        SEPARATOR,
        ActionSpec(
            ActionId.COMPARE,
            N_("&Compare with\u2026"),
            lambda w: w.open_compare(),
            keys="Ctrl+Shift+D",
            tip=N_(
                "Put this image beside another (an ID or a file): every field and label aligned, "
                "differences highlighted (Ctrl+Shift+D)"
            ),
        ),
    ),
)
VIEW_MENU: Final = MenuSpec(
    N_("&View"),
    (
        ActionSpec(
            ActionId.BROWSE,
            N_("&Browse a Folder"),
            lambda w: w.toggle_browser(),
            keys="Ctrl+B",
            tip=N_("Go to the folder browser, or back to the image (Ctrl+B)"),
            enabled_when=When.NOT_PRESENTING,  # it lists the folder's ID and its images'
        ),
        ActionSpec(ActionId.HISTORY, N_("&History"), lambda w: w.toggle_history(), "Ctrl+H"),
        ActionSpec(
            ActionId.RAW_RESPONSE,
            N_("&Raw Response"),
            lambda w: w.page.show_raw_response(),
            "Ctrl+U",
        ),
        ActionSpec(
            ActionId.PRESENTING,
            N_("&Presenting Mode"),
            toggle=lambda w, on: w.set_presenting(on),
            keys="Ctrl+Shift+P",
            tip=N_(
                "Mask IDs and hide folder IDs for screen sharing and screenshots (Ctrl+Shift+P)"
            ),
        ),
        SEPARATOR,
        ChoiceMenu(
            Choices.THEME,
            N_("&Theme"),
            lambda: [(scheme, _(text)) for scheme, text in SCHEMES],
            lambda w, scheme: w.choose_scheme(scheme),
        ),
        ChoiceMenu(
            Choices.LANGUAGE,
            N_("&Language"),
            lambda: [(SYSTEM, _("&System Language")), *LANGUAGES.items()],
            lambda w, choice: w.choose_language(choice),
        ),
    ),
)
HELP_MENU: Final = MenuSpec(
    N_("&Help"),
    (
        ActionSpec(
            ActionId.SHORTCUTS,
            N_("&Keyboard Shortcuts"),
            lambda w: w.show_shortcuts(),
            standard=QKeySequence.StandardKey.HelpContents,
        ),
        ActionSpec(
            ActionId.OPEN_LOG,
            N_("Open &Log Folder"),
            lambda w: w.open_log_folder(),
            enabled_when=When.LOG_FOLDER_KNOWN,
        ),
        ActionSpec(ActionId.ABOUT, N_("&About"), lambda w: w.show_about()),
    ),
)
MENUS: Final = (FILE_MENU, EDIT_MENU, IMAGE_MENU, VIEW_MENU, HELP_MENU)
