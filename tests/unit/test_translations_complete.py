"""Every user-visible string can be translated, and the Russian translation is complete.

Three ways a string slips through, three checks: a message the code marks but the sources lack
(or one translated half-way), a literal shown to the user without being marked at all, and
compiled catalogues that no longer match their sources. The window is also checked running in
Russian (tests/gui/test_language.py): what it shows must not be English.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message

from inspector.i18n import catalogue_path
from tools.i18n_build import (
    PACKAGE,
    TRANSLATED,
    build,
    extract_messages,
    po_path,
    read_catalogue,
)

# Every module of the app is checked, in every package; these alone are not, and say why.
EXEMPT = {
    "demo/": "sample data and a fake server: what they hold is data, not the app's words",
    "ui/selftest.py": "the self-test's report checks the English window on purpose",
    "config/logs.py": "log lines are for developers and support, in English",
    "__main__.py": "no words",
    "desktop/entries.py": "desktop files in their own formats, with their own translations",
}


def _checked_modules() -> list[str]:
    modules = (path.relative_to(PACKAGE).as_posix() for path in sorted(PACKAGE.rglob("*.py")))
    return [module for module in modules if not any(module.startswith(e) for e in EXEMPT)]


CHECKED_MODULES = _checked_modules()
# A literal on a line marked so is not shown to the operator (a log line, a file format...).
UNTRANSLATED = "# untranslated"
TRANSLATING_CALLS = {"_", "N_", "ngettext", "pgettext"}
# Calls whose string arguments are for machines or for the log, not for the operator.
NOT_SHOWN_CALLS = {
    "debug",
    "info",
    "warning",
    "error",
    "exception",
    "critical",
    "setObjectName",
    "setStyleSheet",
    "set_style",  # theme.set_style: setStyleSheet when the sheet changes
    "setProperty",
    "set_enum_property",
    "compile",
    "getLogger",
    "log_unexpected",
    "QKeySequence",
    "Component",  # the About dialog's list: names and SPDX identifiers
}
KEYS = re.compile(r"(?:Ctrl|Alt|Shift|Meta)(?:\+\w+)+")
CSS_RULE = re.compile(r"\{ *[\w-]+ *:")  # a style sheet: "QLabel { color: ...; }"
BRACES = re.compile(r"\{(\w*)[^{}]*\}")
PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdrif%]")


def _is_prose(text: str) -> bool:
    """Words a person reads: two words, or one capitalised word (``Cancel``, ``&Fetch``)."""
    if KEYS.fullmatch(text) or CSS_RULE.search(text) or text.startswith("--"):
        return False  # keys, style sheets, command-line options
    if re.search(r"[A-Za-z]{2,}\W+[A-Za-z]{2,}", text) and not re.fullmatch(r"[\w.:/-]+", text):
        return True
    return bool(re.fullmatch(r"&?[A-Z][a-z]+[.:…]?", text))


@dataclass(frozen=True)
class Literal:
    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.text!r}"


def _call_name(node: ast.Call) -> str:
    function = node.func
    if isinstance(function, ast.Name):
        return function.id
    if isinstance(function, ast.Attribute):
        return function.attr
    return ""


def untranslated_literals(path: Path) -> Iterator[Literal]:
    """Prose literals in ``path`` outside docstrings, translation calls and machine-only calls."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _call_name(node) in TRANSLATING_CALLS | NOT_SHOWN_CALLS:
            skipped.update(id(child) for child in ast.walk(node))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            skipped.add(id(node.value))  # docstrings, of modules, classes, functions, names
        if isinstance(node, ast.Subscript):  # dict keys: wire names, not shown as such
            skipped.update(id(child) for child in ast.walk(node.slice))
        if isinstance(node, ast.Compare):  # values compared with, not shown
            skipped.update(id(child) for child in ast.walk(node))
        if isinstance(node, ast.Assert) and node.msg is not None:  # for developers
            skipped.update(id(child) for child in ast.walk(node.msg))
        if isinstance(node, ast.keyword) and node.arg == "name":  # task and object names
            skipped.update(id(child) for child in ast.walk(node.value))
    relative = (
        path.relative_to(PACKAGE.parent).as_posix() if path.is_relative_to(PACKAGE) else path.name
    )
    lines = path.read_text(encoding="utf-8").splitlines()
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        if (
            isinstance(node, ast.Constant | ast.JoinedStr)
            and UNTRANSLATED in lines[node.lineno - 1]
        ):
            continue
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and _is_prose(node.value):
            yield Literal(relative, node.lineno, node.value)
        elif isinstance(node, ast.JoinedStr):
            text = "".join(
                str(part.value) if isinstance(part, ast.Constant) else "{}" for part in node.values
            )
            if _is_prose(text):
                yield Literal(relative, node.lineno, text)
            skipped.update(id(child) for child in ast.walk(node))


@pytest.mark.parametrize("module", CHECKED_MODULES)
def test_every_shown_literal_is_marked_for_translation(module: str) -> None:
    found = [str(literal) for literal in untranslated_literals(PACKAGE / module)]
    assert found == [], "wrap these in _(), or mark them N_():\n" + "\n".join(found)


def test_the_literal_check_catches_what_it_should(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        '"""A docstring is not shown."""\n'
        "import logging\n"
        "from inspector.i18n import _\n"
        "def f(n: int, w: object, wire: dict[str, str]) -> list[str]:\n"
        '    """Nor is this."""\n'
        '    logging.getLogger(__name__).warning("a log line %s", n)\n'
        '    w.setObjectName("fetchButton")\n'
        '    if wire["Some Key"] == "Some Value":\n'
        "        return []\n"
        '    return [_("Fine as it is"), "Cancel", f"{n} images loaded", "ready", "two words"]\n',
        encoding="utf-8",
    )
    found = [literal.text for literal in untranslated_literals(sample)]
    assert found == ["Cancel", "{} images loaded", "two words"]


# -- the shared catalogue (.po) -------------------------------------------------------------------
def _key(message: Message) -> tuple[str | None, str]:
    text = message.id if isinstance(message.id, str) else message.id[0]
    return message.context, text


def _messages(catalogue: Catalog) -> dict[tuple[str | None, str], Message]:
    return {_key(message): message for message in catalogue if message.id}


@pytest.fixture(scope="module")
def template() -> dict[tuple[str | None, str], Message]:
    return _messages(extract_messages())


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_catalogue_has_every_message_of_the_code(
    language: str, template: dict[tuple[str | None, str], Message]
) -> None:
    catalogue = _messages(read_catalogue(po_path(language)))
    missing = sorted(str(key) for key in template.keys() - catalogue.keys())
    stale = sorted(str(key) for key in catalogue.keys() - template.keys())
    hint = "run `python -m tools.i18n_build --update` and translate"
    assert missing == [], f"{hint}: not in {po_path(language).name}: {missing}"
    assert stale == [], f"{hint}: no longer in the code: {stale}"


def _placeholders(text: str) -> list[str]:
    """``{name}`` and ``%(name)s`` / ``%s`` fields: a translation must keep every one."""
    return sorted(BRACES.findall(text) + [match.group(0) for match in PERCENT.finditer(text)])


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_catalogue_message_is_translated_whole(language: str) -> None:
    problems = []
    for key, message in _messages(read_catalogue(po_path(language))).items():
        source = message.id if isinstance(message.id, str) else message.id[-1]
        strings = (
            [message.string] if isinstance(message.string, str) else list(message.string or [])
        )
        if message.fuzzy:
            problems.append(f"{key}: marked fuzzy (review it, then remove the flag)")
        if not all(strings):
            problems.append(f"{key}: not translated")
            continue
        wanted = _placeholders(source)
        problems.extend(
            f"{key}: placeholders {_placeholders(string)} instead of {wanted}"
            for string in strings
            if _placeholders(string) != wanted
        )
    assert problems == []


# -- the compiled files ---------------------------------------------------------------------------
@pytest.mark.parametrize("language", TRANSLATED)
def test_the_installed_translations_are_built_from_the_sources(
    language: str, tmp_path: Path
) -> None:
    build(tmp_path)
    installed, fresh = catalogue_path(language), catalogue_path(language, tmp_path)
    assert installed.exists(), "run `python -m tools.i18n_build`"
    assert installed.read_bytes() == fresh.read_bytes(), "run `python -m tools.i18n_build`"
