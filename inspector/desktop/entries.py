"""The files that put the app into a Linux desktop, as text: one source for the per-user
install (``desktop install``) and the .deb (``packaging/build.py --deb``).

- ``applications/cloud-desktop-inspector.desktop``: the desktop entry (specification 1.4, the
  newest Debian 12's desktop-file-validate knows), its ``Exec`` running ``open %F`` so that
  files double-clicked in a file manager open in tabs;
- ``metainfo/<id>.metainfo.xml``: the AppStream component that software centres show;
- ``mime/packages/cloud-desktop-inspector.xml``: the shared-mime-info type of support bundles
  (``*.inspector.json``), so that a file manager offers the app for them;
- ``icons/hicolor/<n>x<n>/apps/cloud-desktop-inspector.png``: every size the build renders.

Paths are relative to a data folder (``$XDG_DATA_HOME`` or ``/usr/share``). Every sentence is
written in English and in each translated language, from the app's own catalogue.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Callable, Sequence
from typing import Final
from xml.sax.saxutils import escape, quoteattr

from inspector import APP_NAME, __version__
from inspector.i18n import LANGUAGES, N_, SOURCE_LANGUAGE, catalogue_path
from inspector.resources import icon_files

COMPONENT_ID: Final = "io.github.cloud_desktop_inspector"
BUNDLE_TYPE: Final = "application/x-cloud-desktop-inspector-bundle"
BUNDLE_GLOB: Final = "*.inspector.json"
PRODUCT: Final = "Cloud Desktop Image Inspector"
DESKTOP_FILE: Final = f"applications/{APP_NAME}.desktop"
METAINFO_FILE: Final = f"metainfo/{COMPONENT_ID}.metainfo.xml"
MIME_FILE: Final = f"mime/packages/{APP_NAME}.xml"
# The date of this version's release, for AppStream's release list.
RELEASE_DATE: Final = "2026-12-04"
HOMEPAGE: Final = "https://github.com/cloud-desktop-inspector/cloud-desktop-inspector"

# Translators: the product's name as the desktop menu shows it.
NAME: Final = N_("Cloud Desktop Image Inspector")
GENERIC_NAME: Final = N_("Cloud desktop image inspector")
COMMENT: Final = N_("Fetch a Yandex Cloud Desktop image by ID and see what is wrong with it")
# Translators: search words for the desktop's menu, separated (and ended) by semicolons.
KEYWORDS: Final = N_("Yandex;Cloud;Desktop;VDI;image;inspector;troubleshooting;")
DEMO_ACTION: Final = N_("Try the demo (no account needed)")
BUNDLE_COMMENT: Final = N_("Cloud Desktop Image Inspector support bundle")
DESCRIPTION: Final = N_(
    "Paste a Yandex Cloud Desktop image ID and the inspector fetches the image through the "
    "Cloud Desktop API and shows its status, labels, sizes and created time, or explains what "
    "went wrong with the request IDs support asks for. Support bundles open offline."
)

_EXEC_RESERVED = re.compile(r"""[\s"'\\><~|&;$*?#()`]""")
Translate = Callable[[str], str]


def translations() -> dict[str, Translate]:
    """Each translated language's ``gettext``, read from the compiled catalogue (a language
    whose catalogue is missing is left out: its desktop shows the English)."""
    found: dict[str, Translate] = {}
    for language in LANGUAGES:
        if language == SOURCE_LANGUAGE:
            continue
        try:
            with catalogue_path(language).open("rb") as handle:
                found[language] = gettext.GNUTranslations(handle).gettext
        except (OSError, ValueError, LookupError, UnicodeError):
            continue
    return found


def exec_line(argv: Sequence[str]) -> str:
    """``argv`` quoted as the desktop entry specification wants in ``Exec``."""
    quoted = []
    for argument in argv:
        if _EXEC_RESERVED.search(argument) or not argument:
            argument = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
        quoted.append(argument.replace("%", "%%"))
    # A string value escapes its backslashes once more.
    return " ".join(quoted).replace("\\", "\\\\")


def desktop_entry(command: Sequence[str], languages: dict[str, Translate]) -> str:
    """The ``.desktop`` file that runs ``command`` (the app's own path, venv or frozen)."""

    def localized(key: str, message: str) -> list[str]:
        lines = [f"{key}={message}"]
        for language, translate in sorted(languages.items()):
            if (text := translate(message)) != message:
                lines.append(f"{key}[{language}]={text}")
        return lines

    program = exec_line(command)
    lines = [
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        *localized("Name", NAME),
        *localized("GenericName", GENERIC_NAME),
        *localized("Comment", COMMENT),
        f"Exec={program} open %F",
        f"TryExec={exec_line(command[:1])}",
        f"Icon={APP_NAME}",
        "Terminal=false",
        "Categories=Network;Monitor;",
        *localized("Keywords", KEYWORDS),
        f"MimeType={BUNDLE_TYPE};",
        "StartupNotify=true",
        f"StartupWMClass={APP_NAME}",
        "Actions=demo;",
        "",
        "[Desktop Action demo]",
        *localized("Name", DEMO_ACTION),
        f"Exec={program} --demo --new-instance",
        "",
    ]
    return "\n".join(lines)


def _xml_localized(tag: str, message: str, languages: dict[str, Translate], indent: str) -> str:
    lines = [f"{indent}<{tag}>{escape(message)}</{tag}>"]
    for language, translate in sorted(languages.items()):
        if (text := translate(message)) != message:
            lines.append(f"{indent}<{tag} xml:lang={quoteattr(language)}>{escape(text)}</{tag}>")
    return "\n".join(lines)


def metainfo(languages: dict[str, Translate]) -> str:
    """The AppStream component of the app (what software centres list)."""
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<component type="desktop-application">',
            f"  <id>{COMPONENT_ID}</id>",
            "  <metadata_license>CC0-1.0</metadata_license>",
            "  <project_license>MIT</project_license>",
            _xml_localized("name", NAME, languages, "  "),
            _xml_localized("summary", GENERIC_NAME, languages, "  "),
            "  <description>",
            _xml_localized("p", DESCRIPTION, languages, "    "),
            "  </description>",
            f'  <launchable type="desktop-id">{APP_NAME}.desktop</launchable>',
            f"  <provides><binary>{APP_NAME}</binary></provides>",
            f'  <url type="homepage">{HOMEPAGE}</url>',
            '  <developer id="io.github.cloud_desktop_inspector">',
            f"    <name>{PRODUCT} developers</name>",
            "  </developer>",
            "  <categories><category>Network</category><category>Monitor</category></categories>",
            '  <content_rating type="oars-1.1"/>',
            f'  <releases><release version="{__version__}" date="{RELEASE_DATE}"/></releases>',
            "</component>",
            "",
        ]
    )


def mime_type(languages: dict[str, Translate]) -> str:
    """The shared-mime-info package that names support bundles by their file name."""
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
            f'  <mime-type type="{BUNDLE_TYPE}">',
            _xml_localized("comment", BUNDLE_COMMENT, languages, "    "),
            '    <sub-class-of type="application/json"/>',
            f'    <glob pattern="{BUNDLE_GLOB}" weight="60"/>',
            "  </mime-type>",
            "</mime-info>",
            "",
        ]
    )


def desktop_files(command: Sequence[str]) -> dict[str, bytes]:
    """Every file, by its path under a data folder, for an app started as ``command``."""
    languages = translations()
    result = {
        DESKTOP_FILE: desktop_entry(command, languages).encode("utf-8"),
        METAINFO_FILE: metainfo(languages).encode("utf-8"),
        MIME_FILE: mime_type(languages).encode("utf-8"),
    }
    for item in icon_files():
        size = item.name.rsplit("-", 1)[1].removesuffix(".png")
        result[f"icons/hicolor/{size}x{size}/apps/{APP_NAME}.png"] = item.read_bytes()
    return result
