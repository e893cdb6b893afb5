"""Opens the Connection dialog, checks and saves what the user chose, and hands it on.

The dialog only collects; here the choice becomes a :class:`Connection` (the same resolution
the command line uses), the profile is written to the profiles file, a token the user asked to
remember goes to the OS keyring, and the window's session is told to reconnect.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtWidgets import QWidget

from inspector.api.credentials.plan import SourceKind
from inspector.api.errors import UsageError
from inspector.config.connection import Connection, connect_profile
from inspector.config.profiles import (
    DEFAULT_PROFILE,
    SECRET_SOURCES,
    ProfileBook,
    forget_secret,
    keyring_available,
    load_profiles,
    remember_secret,
    save_profiles,
    validate_profile,
)
from inspector.i18n import _
from inspector.ui.dialogs.connection_dialog import ConnectionChoice, ConnectionDialog
from inspector.ui.qt_namespace import Qt


class ConnectionSwitcher:
    """One Connection dialog at a time for ``parent``; ``apply`` gets the chosen connection."""

    def __init__(
        self,
        parent: QWidget,
        describe_active: Callable[[], str],
        apply: Callable[[Connection], None],
    ) -> None:
        self._parent = parent
        self._describe_active = describe_active
        self._apply = apply
        self.dialog: ConnectionDialog | None = None

    def open(self) -> None:
        """Show the dialog without a nested event loop (``open()``, then signals)."""
        if self.dialog is not None:
            self.dialog.raise_()
            return
        problem = None
        try:
            book = load_profiles()
        except UsageError as error:
            problem = _("{problem}. Connecting saves a fresh file.").format(problem=error)
            book = ProfileBook()
        dialog = ConnectionDialog(
            book, active=self._describe_active(), keyring=keyring_available(), parent=self._parent
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.connectRequested.connect(partial(self._connect, dialog))
        dialog.deleteRequested.connect(partial(self._delete, dialog))
        dialog.finished.connect(self._forget_dialog)
        self.dialog = dialog
        if problem:
            dialog.show_error(problem)
        dialog.open()

    def _forget_dialog(self) -> None:
        self.dialog = None

    def _connect(self, dialog: ConnectionDialog, choice: ConnectionChoice) -> None:
        try:
            connection = self._accept(choice)
        except UsageError as error:
            dialog.show_error(str(error))
            return
        except OSError as error:
            dialog.show_error(
                _("the profile could not be saved: {reason}").format(reason=error.strerror or error)
            )
            return
        dialog.accept()
        self._apply(connection)

    def _accept(self, choice: ConnectionChoice) -> Connection:
        profile = validate_profile(choice.profile)
        connection = connect_profile(profile, secret=choice.secret)
        plan = connection.credentials
        if plan.kind in (SourceKind.IAM_TOKEN, SourceKind.OAUTH_TOKEN) and not plan.secret:
            raise UsageError(
                _(
                    "type the token, give a file that holds it, or tick \u201cRemember\u201d "
                    "after typing it once"
                )
            )
        if profile.source in SECRET_SOURCES:
            if profile.remember and choice.secret:
                remember_secret(profile.name, profile.source, choice.secret)
            elif not profile.remember:
                forget_secret(profile.name, profile.source)
        save_profiles(_book().with_profile(profile))
        return connection

    def _delete(self, dialog: ConnectionDialog, name: str) -> None:
        if name == DEFAULT_PROFILE:
            dialog.show_error(_("the default profile cannot be deleted (it can be changed)"))
            return
        try:
            book = _book()
            if name not in book.names():
                dialog.show_error(_("there is no saved profile named {name}").format(name=name))
                return
            for source in SECRET_SOURCES:
                forget_secret(name, source)
            book = book.without(name)
            save_profiles(book)
        except (UsageError, OSError) as error:
            dialog.show_error(str(error))
            return
        dialog.set_book(book)


def _book() -> ProfileBook:
    """The saved profiles; a broken file is replaced rather than blocking every change."""
    try:
        return load_profiles()
    except UsageError:
        return ProfileBook()
