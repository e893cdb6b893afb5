"""The Connection dialog: a profile's endpoints, credential source, CA file and proxy.

It only collects what the user chose and says what went wrong; the app checks the choice,
saves the profile and reconnects. It is opened with ``open()`` and answers with signals, never
``exec()``, because a nested event loop inside the qasync loop breaks running tasks. Typed
tokens sit in masked fields, which Qt keeps out of the clipboard.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from inspector.api.credentials.plan import SourceKind
from inspector.config.profiles import AUTO_SOURCE, SECRET_SOURCES, Profile, ProfileBook
from inspector.i18n import N_, _
from inspector.ui import theme
from inspector.ui.qt_namespace import Qt
from inspector.ui.widgets.inert import plain

# Translated where shown (``ConnectionDialog`` context).
SOURCE_TITLES: dict[str, str] = {
    AUTO_SOURCE: N_("From the environment (YC_IAM_TOKEN, then YC_OAUTH_TOKEN)"),
    SourceKind.IAM_TOKEN: N_("IAM token"),
    SourceKind.OAUTH_TOKEN: N_("OAuth token (exchanged for IAM tokens)"),
    SourceKind.SA_KEY: N_("Service account key file"),
    SourceKind.YC: N_("yc CLI (yc iam create-token)"),
    SourceKind.METADATA: N_("Metadata service of this Yandex Cloud VM"),
}


@dataclass(frozen=True)
class ConnectionChoice:
    """What the user asked for: the profile to save and use, and a token typed for it."""

    profile: Profile
    secret: str | None = field(default=None, repr=False)


def _path_row(parent: QWidget, edit: QLineEdit, title: str, name_filter: str) -> QWidget:
    """``edit`` with a Browse… button that opens a file chooser without a nested loop."""
    row = QWidget(parent)
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    button = QPushButton(_("Browse\u2026"), row)
    button.setObjectName(f"{edit.objectName()}Browse")
    button.setAccessibleName(_("Browse for {what}").format(what=title))

    def choose() -> None:
        chooser = QFileDialog(row, title, edit.text(), name_filter)
        chooser.setFileMode(QFileDialog.FileMode.ExistingFile)
        chooser.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chooser.fileSelected.connect(edit.setText)
        chooser.open()

    button.clicked.connect(choose)
    layout.addWidget(button)
    return row


class _SecretPage(QWidget):
    """A masked token field, a token file, and "remember in the keyring"."""

    def __init__(self, prefix: str, what: str, keyring: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.token = QLineEdit(self)
        self.token.setObjectName(f"{prefix}TokenEdit")
        self.token.setEchoMode(QLineEdit.EchoMode.Password)
        self.token.setAccessibleName(what)
        self.token.setPlaceholderText(_("paste it here; it is never shown or saved in a file"))
        form.addRow(_("{what}:").format(what=what), self.token)
        self.file = QLineEdit(self)
        self.file.setObjectName(f"{prefix}TokenFileEdit")
        self.file.setAccessibleName(_("Token file"))
        self.file.setPlaceholderText(_("or a file that holds it"))
        form.addRow(
            _("Token file:"),
            _path_row(
                self,
                self.file,
                _("Token file"),
                _("All files (*)"),
            ),
        )
        self.remember = QCheckBox(_("Remember in the system keyring"), self)
        self.remember.setObjectName(f"{prefix}RememberCheck")
        self.remember.setEnabled(keyring)
        if not keyring:
            self.remember.setToolTip(_("No system keyring is available on this computer"))
        form.addRow("", self.remember)

    def load(self, profile: Profile, source: str) -> None:
        mine = profile.source == source
        self.token.clear()
        self.file.setText((profile.token_file or "") if mine else "")
        remembered = mine and profile.remember
        self.remember.setChecked(remembered and self.remember.isEnabled())
        self.token.setPlaceholderText(
            _("remembered in the keyring; type to replace it")
            if remembered
            else _("paste it here; it is never shown or saved in a file")
        )


class ConnectionDialog(QDialog):
    """Edits one profile at a time; Connect emits :attr:`connectRequested` with the choice."""

    connectRequested = Signal(object)
    deleteRequested = Signal(str)

    def __init__(
        self,
        book: ProfileBook,
        *,
        active: str,
        keyring: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionDialog")
        self.setWindowTitle(_("Connection"))
        self.setMinimumWidth(560)
        self._book = book
        layout = QVBoxLayout(self)
        layout.addLayout(self._profile_row())
        layout.addLayout(self._endpoints_form())
        self.pages = QStackedWidget(self)
        self.pages.setObjectName("sourcePages")
        pages = self._source_pages(keyring)
        # One loop fills both, so the combo's rows and the stack's pages are in the same order.
        for source, title in SOURCE_TITLES.items():
            self.source_combo.addItem(_(title), source)
            self.pages.addWidget(pages[source])
        self.source_combo.currentIndexChanged.connect(self.pages.setCurrentIndex)
        layout.addWidget(self.pages)
        layout.addLayout(self._network_form())
        self._add_footer(layout, active)
        self.set_book(book)
        theme.watch(self._restyle)

    def _profile_row(self) -> QHBoxLayout:
        self.profile_combo = QComboBox(self)
        self.profile_combo.setObjectName("profileCombo")
        self.profile_combo.setEditable(True)
        self.profile_combo.setToolTip(_("Pick a saved profile, or type a new name to add one"))
        self.profile_combo.setAccessibleName(_("Profile"))
        self.profile_combo.setAccessibleDescription(self.profile_combo.toolTip())
        self.profile_combo.activated.connect(self._profile_picked)
        self.delete_button = QPushButton(_("Delete"), self)
        self.delete_button.setToolTip(_("Delete this profile"))
        self.delete_button.setObjectName("deleteProfileButton")
        self.delete_button.clicked.connect(
            lambda: self.deleteRequested.emit(self.profile_combo.currentText().strip())
        )
        top = QHBoxLayout()
        profile_label = plain(QLabel(_("&Profile:"), self))
        profile_label.setBuddy(self.profile_combo)
        top.addWidget(profile_label)
        top.addWidget(self.profile_combo, 1)
        top.addWidget(self.delete_button)
        return top

    def _endpoints_form(self) -> QFormLayout:
        """The two endpoints and the credential source (its rows come with the pages)."""
        form = QFormLayout()
        self.endpoint_edit = self._line("apiEndpointEdit", "https://cloud-desktop.api...")
        form.addRow(_("API endpoint:"), self.endpoint_edit)
        self.iam_edit = self._line("iamEndpointEdit", "https://iam.api.cloud.yandex.net")
        form.addRow(_("IAM endpoint:"), self.iam_edit)
        self.source_combo = QComboBox(self)
        self.source_combo.setObjectName("sourceCombo")
        form.addRow(_("Credentials:"), self.source_combo)
        return form

    def _source_pages(self, keyring: bool) -> dict[str, QWidget]:
        """What each credential source needs, one page each, by source."""
        auto = plain(
            QLabel(
                _(
                    "Uses YC_IAM_TOKEN or, if that is not set, YC_OAUTH_TOKEN. Options on the "
                    "command line (--sa-key, --use-yc, ...) choose a source for that run only."
                ),
                self,
            )
        )
        auto.setWordWrap(True)
        self.iam_page = _SecretPage("iam", _("IAM token"), keyring, self)
        self.oauth_page = _SecretPage("oauth", _("OAuth token"), keyring, self)
        oauth_note = plain(
            QLabel(
                _(
                    "Yandex has announced the end of OAuth token exchange; a service account key "
                    "or the yc CLI will keep working."
                ),
                self.oauth_page,
            )
        )
        oauth_note.setWordWrap(True)
        self.oauth_page.form.addRow(oauth_note)
        key_page = QWidget(self)
        self.key_edit = self._line("saKeyEdit", _("the JSON file `yc iam key create` wrote"))
        QFormLayout(key_page).addRow(
            _("Key file:"),
            _path_row(key_page, self.key_edit, _("Key file"), _("JSON (*.json)")),
        )
        yc_page = QWidget(self)
        yc_form = QFormLayout(yc_page)
        self.yc_profile_edit = self._line("ycProfileEdit", _("yc's current profile"))
        yc_form.addRow(_("yc profile:"), self.yc_profile_edit)
        self.yc_path_edit = self._line("ycPathEdit", _("yc on PATH"))
        yc_form.addRow(
            _("yc program:"),
            _path_row(yc_page, self.yc_path_edit, _("yc program"), _("yc (yc*)")),
        )
        metadata_page = QWidget(self)
        self.metadata_edit = self._line("metadataUrlEdit", "http://169.254.169.254/...")
        QFormLayout(metadata_page).addRow(_("Token URL:"), self.metadata_edit)
        return {
            AUTO_SOURCE: auto,
            SourceKind.IAM_TOKEN: self.iam_page,
            SourceKind.OAUTH_TOKEN: self.oauth_page,
            SourceKind.SA_KEY: key_page,
            SourceKind.YC: yc_page,
            SourceKind.METADATA: metadata_page,
        }

    def _network_form(self) -> QFormLayout:
        network = QFormLayout()
        self.ca_edit = self._line("caFileEdit", _("only the operating system's certificates"))
        network.addRow(
            _("CA file:"),
            _path_row(self, self.ca_edit, _("CA certificates"), _("PEM (*.pem *.crt)")),
        )
        self.proxy_edit = self._line("proxyEdit", _("from HTTPS_PROXY; loopback never uses one"))
        network.addRow(_("Proxy:"), self.proxy_edit)
        return network

    def _add_footer(self, layout: QVBoxLayout, active: str) -> None:
        """The connection in use, the problem with the choice (if any), Cancel and Connect."""
        self.active_label = plain(QLabel(_("Now: {connection}").format(connection=active), self))
        self.active_label.setObjectName("activeConnectionLabel")
        self.active_label.setWordWrap(True)
        self.active_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.active_label)
        self.error_label = plain(QLabel(self))  # names files and repeats what they hold
        self.error_label.setObjectName("connectionError")
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(_("Problem"))
        self.error_label.hide()
        layout.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = buttons.addButton(
            _("Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setObjectName("connectButton")
        self.connect_button.setDefault(True)
        buttons.accepted.connect(self._request_connect)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _restyle(self) -> None:
        self.error_label.setStyleSheet(
            theme.banner_style("QLabel#connectionError", theme.colours().error)
            + " QLabel#connectionError { padding: 4px; }"
        )

    def _line(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def set_book(self, book: ProfileBook) -> None:
        """Show ``book``'s profiles and load the one in use."""
        self._book = book
        self.profile_combo.clear()
        self.profile_combo.addItems(book.names())
        self.profile_combo.setCurrentText(book.current)
        self.load_profile(book.get(book.current))

    def _profile_picked(self, index: int) -> None:
        self.load_profile(self._book.get(self.profile_combo.itemText(index)))

    def load_profile(self, profile: Profile) -> None:
        """Fill every field from ``profile``; typed tokens are cleared, never shown."""
        self.profile_combo.setCurrentText(profile.name)
        self.endpoint_edit.setText(profile.endpoint)
        self.iam_edit.setText(profile.iam_endpoint)
        self.source_combo.setCurrentIndex(max(0, self.source_combo.findData(profile.source)))
        self.iam_page.load(profile, SourceKind.IAM_TOKEN)
        self.oauth_page.load(profile, SourceKind.OAUTH_TOKEN)
        self.key_edit.setText(profile.key_file or "")
        self.yc_profile_edit.setText(profile.yc_profile or "")
        self.yc_path_edit.setText(profile.yc_path or "")
        self.metadata_edit.setText(profile.metadata_url or "")
        self.ca_edit.setText(profile.ca_file or "")
        self.proxy_edit.setText(profile.proxy or "")
        self.error_label.hide()

    def choice(self) -> ConnectionChoice:
        """The profile as the fields describe it, with the token typed for its source."""
        source = str(self.source_combo.currentData())
        secrets: dict[str, _SecretPage] = {
            SourceKind.IAM_TOKEN: self.iam_page,
            SourceKind.OAUTH_TOKEN: self.oauth_page,
        }
        secret_page = secrets.get(source)
        profile = Profile(
            name=self.profile_combo.currentText().strip(),
            endpoint=self.endpoint_edit.text().strip(),
            iam_endpoint=self.iam_edit.text().strip(),
            source=source,
            token_file=secret_page.file.text() if secret_page else None,
            key_file=self.key_edit.text() if source == SourceKind.SA_KEY else None,
            yc_profile=self.yc_profile_edit.text() if source == SourceKind.YC else None,
            yc_path=self.yc_path_edit.text() if source == SourceKind.YC else None,
            metadata_url=self.metadata_edit.text() if source == SourceKind.METADATA else None,
            ca_file=self.ca_edit.text(),
            proxy=self.proxy_edit.text(),
            remember=source in SECRET_SOURCES
            and secret_page is not None
            and secret_page.remember.isChecked(),
        )
        secret = secret_page.token.text().strip() if secret_page else ""
        return ConnectionChoice(profile, secret or None)

    def _request_connect(self) -> None:
        self.error_label.hide()
        self.connectRequested.emit(self.choice())

    def show_error(self, message: str) -> None:
        """Say why the choice cannot be used; the dialog stays open to fix it."""
        self.error_label.setText(message)
        self.error_label.show()
