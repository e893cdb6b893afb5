"""The README and the guides in docs/ hold together.

The README is the front door and the guides are reached only through links, so a moved page,
a renamed heading or a typo in a path would leave a reader at a dead end without anyone
noticing. The README's set-up commands are what new users paste and what CI runs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
GUIDES = sorted((ROOT / "docs").glob("*.md"))

# The set-up, exactly as people paste it: the system packages (a line of prose that may wrap),
# then one command that opens the window on the demo, and one that runs the tests.
APT_LINE = (
    "apt-get install python3-venv libegl1 libfontconfig1 libxkbcommon-x11-0 libxcb-cursor0 "
    "libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-randr0 libxcb-render-util0 "
    "libxcb-shape0 libxcb-xkb1"
)
DEMO_COMMAND = (
    "python3 -m venv .venv && .venv/bin/pip install -r requirements.lock && "
    ".venv/bin/pip install --no-deps -e . && .venv/bin/cloud-desktop-inspector --demo"
)
TEST_COMMAND = (
    ".venv/bin/pip install --no-deps -r requirements-conformance.lock && "
    "QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest"
)

_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"(`+).+?\1", re.DOTALL)
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*\s*$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _prose_lines(text: str) -> Iterator[str]:
    """The lines outside fenced code blocks: a `# comment` in a shell block is no heading."""
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
        elif not fenced:
            yield line


def github_slug(heading: str) -> str:
    """The anchor GitHub gives a heading: its text, lower case, punctuation dropped."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link counts by its text
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every heading's anchor; a repeated heading gets -1, -2... as on GitHub."""
    found: set[str] = set()
    seen: dict[str, int] = {}
    for line in _prose_lines(text):
        match = _HEADING.match(line)
        if match is None:
            continue
        slug = github_slug(match.group(1))
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        found.add(slug if count == 0 else f"{slug}-{count}")
    return found


def relative_links(text: str) -> list[str]:
    """The targets of the links that point into the repository (not URLs, not code)."""
    prose = _INLINE_CODE.sub("", "\n".join(_prose_lines(text)))
    return [target for target in _LINK.findall(prose) if not _SCHEME.match(target)]


def broken_links(page: Path) -> list[str]:
    """Each relative link of a page that leads to no file, or to no heading of its page."""
    problems = []
    for target in relative_links(page.read_text(encoding="utf-8")):
        path_part, _, anchor = target.partition("#")
        destination = (page.parent / unquote(path_part)).resolve() if path_part else page
        if not destination.exists():
            problems.append(f"{page.name}: {target}: no such file")
        elif anchor and destination.suffix == ".md" and not _has_heading(destination, anchor):
            problems.append(f"{page.name}: {target}: no such heading")
    return problems


def _has_heading(page: Path, anchor: str) -> bool:
    """Whether the page has the heading an anchor names; links may percent-encode it."""
    return unquote(anchor) in anchors(page.read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", [README, *GUIDES], ids=lambda page: page.name)
def test_every_relative_link_leads_to_a_file_and_its_heading(page: Path) -> None:
    assert broken_links(page) == []


def test_the_guides_exist() -> None:
    names = {page.name for page in GUIDES}
    assert {"user-guide.md", "troubleshooting.md", "packaging.md", "development.md"} <= names


def test_every_guide_is_linked_from_the_readme() -> None:
    linked = {
        (ROOT / unquote(target.partition("#")[0])).resolve()
        for target in relative_links(README.read_text(encoding="utf-8"))
    }
    unlinked = [page.name for page in GUIDES if page.resolve() not in linked]
    assert unlinked == []


def test_the_readme_keeps_its_set_up_commands() -> None:
    text = README.read_text(encoding="utf-8")
    assert f"`{APT_LINE}`" in " ".join(text.split())
    lines = text.splitlines()
    assert DEMO_COMMAND in lines
    assert TEST_COMMAND in lines


def test_the_development_guide_gives_the_mutation_score_of_each_scope() -> None:
    text = (ROOT / "docs" / "development.md").read_text(encoding="utf-8")
    assert "mutation-testing" in anchors(text)
    section = text.split("## Mutation testing", 1)[1].split("\n## ", 1)[0]
    for scope in ("`core/`", "`api/retry.py`", "`present/`"):
        assert re.search(rf"^\| {re.escape(scope)}.*\| [\d.]+ % \|$", section, re.MULTILINE), scope
    assert "### Surviving mutants" in section


@pytest.mark.parametrize(
    ("heading", "slug"),
    [
        ("Windows and macOS: not built here", "windows-and-macos-not-built-here"),
        ("What each field shows, and defaults", "what-each-field-shows-and-defaults"),
        ("The `.deb`", "the-deb"),
        ("Troubleshooting aids, round two", "troubleshooting-aids-round-two"),
        ("See [the guide](docs/a.md) first", "see-the-guide-first"),
        ("Язык и клавиши", "язык-и-клавиши"),
        ("snake_case names", "snake_case-names"),
    ],
)
def test_headings_get_the_anchors_github_gives_them(heading: str, slug: str) -> None:
    assert github_slug(heading) == slug


def test_a_repeated_heading_gets_a_numbered_anchor() -> None:
    assert anchors("# Notes\n## Notes\n### Notes\n") == {"notes", "notes-1", "notes-2"}


def test_a_broken_link_or_heading_is_reported(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other page\n## A section\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "# Page\n"
        "[fine](other.md#a-section), [here](#page), [web](https://example.org/x.md)\n"
        "[gone](missing.md) and ![gone too](img/none.png)\n"
        "[no heading](other.md#no-section) and [not here](#nowhere)\n"
        "`[in code](missing-in-code.md)`\n"
        "```sh\n[in a block](missing-in-block.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "page.md: missing.md: no such file",
        "page.md: img/none.png: no such file",
        "page.md: other.md#no-section: no such heading",
        "page.md: #nowhere: no such heading",
    ]
