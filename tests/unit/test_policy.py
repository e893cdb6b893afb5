"""The label policy: each rule, every way a policy file can be broken, nothing skipped."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from inspector.core.policy import (
    PolicyError,
    default_policy_path,
    find_policy,
    load_policy,
    parse_policy,
)
from inspector.present.policy import Rule, Violation

SOURCE = Path("policy.toml")
POLICY = b"""
[labels.owner]
required = true
[labels.env]
allowed = ["prod", "test", "dev"]
[labels.cost-center]
required = true
pattern = "cc-[0-9]{4}"
message = "every image is billed to a cost centre"
[labels.tmp]
forbidden = true
"""


def rules_broken(labels: dict[str, str] | None) -> list[tuple[str, Rule]]:
    return [(item.key, item.rule) for item in parse_policy(POLICY, SOURCE).check(labels)]


@pytest.mark.parametrize(
    ("labels", "broken"),
    [
        ({"owner": "a", "env": "prod", "cost-center": "cc-1234"}, []),
        (None, [("owner", Rule.REQUIRED), ("cost-center", Rule.REQUIRED)]),
        ({"owner": "a", "env": "staging", "cost-center": "cc-1234"}, [("env", Rule.ALLOWED)]),
        ({"owner": "a", "cost-center": "cc-12345"}, [("cost-center", Rule.PATTERN)]),
        ({"owner": "a", "cost-center": "xcc-1234"}, [("cost-center", Rule.PATTERN)]),
        ({"owner": "a", "cost-center": "cc-1234", "tmp": ""}, [("tmp", Rule.FORBIDDEN)]),
        ({"owner": "", "cost-center": "cc-0000", "env": "dev"}, []),
    ],
)
def test_each_rule(labels: dict[str, str] | None, broken: list[tuple[str, Rule]]) -> None:
    assert rules_broken(labels) == broken


def test_the_pattern_must_match_the_whole_value_and_the_message_is_kept() -> None:
    (item,) = parse_policy(POLICY, SOURCE).check({"owner": "a", "cost-center": "cc-1234x"})
    assert item.message.startswith("every image is billed to a cost centre (")
    assert "'cc-1234x'" in item.message


@pytest.mark.parametrize(
    ("text", "named"),
    [
        (b"[labels.owner\nrequired = true\n", "line 1"),
        (b"[labels.owner]\nrequired = 1\n", "labels.owner.required"),
        (b"[labels.owner]\nrequird = true\n", "labels.owner.requird"),
        (b"[labels.owner]\n", "no rule"),
        (b'[labels.x]\npattern = "("\n', "labels.x.pattern"),
        (b"[labels.x]\npattern = 5\n", "labels.x.pattern"),
        (b'[labels.x]\nallowed = "prod"\n', "labels.x.allowed"),
        (b"[labels.x]\nforbidden = true\nrequired = true\n", "labels.x"),
        (b"[labels.x]\nrequired = true\nmessage = 3\n", "labels.x.message"),
        (b"labels = 3\n", "labels"),
        (b"[label.owner]\nrequired = true\n", "label"),
        (b"\xff\xfe", "UTF-8"),
    ],
)
def test_a_broken_policy_names_the_line_or_key(text: bytes, named: str) -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, SOURCE)
    assert named in str(caught.value)
    assert "policy.toml" in str(caught.value)


def test_a_missing_policy_file_is_an_error_naming_it(tmp_path: Path) -> None:
    with pytest.raises(PolicyError, match=r"nowhere\.toml"):
        load_policy(tmp_path / "nowhere.toml")


def violations(labels: dict[str, str] | None, policy: bytes = POLICY) -> list[Violation]:
    return parse_policy(policy, SOURCE).check(labels)


def test_each_violation_tells_the_operator_exactly_what_is_wrong_with_the_value() -> None:
    """The message column of ``--check`` and the badge's tooltip: the value as found, the rule
    it breaks, and the policy's own message first when the policy gives one."""
    assert violations({"env": "staging", "cost-center": "cc-12345", "tmp": "x"}) == [
        Violation("owner", Rule.REQUIRED, None, "the label is required and missing"),
        Violation("env", Rule.ALLOWED, "staging", "'staging' is not one of: prod, test, dev"),
        Violation(
            "cost-center",
            Rule.PATTERN,
            "cc-12345",
            "every image is billed to a cost centre ('cc-12345' does not match cc-[0-9]{4})",
        ),
        Violation("tmp", Rule.FORBIDDEN, "x", "the label is not allowed on an image"),
    ]


def test_a_label_allowed_no_value_says_none_is_allowed() -> None:
    (item,) = violations({"legacy": "on"}, b"[labels.legacy]\nallowed = []\n")
    assert item.message == "'on' is not one of: none"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (b"[labels.owner]\nrequired = 1\n", "labels.owner.required: must be true or false"),
        (b'[labels.tmp]\nforbidden = "yes"\n', "labels.tmp.forbidden: must be true or false"),
        (
            b"[labels.owner]\nrequird = true\n",
            "labels.owner.requird: unknown rule; the rules are: "
            "required, allowed, pattern, message, forbidden",
        ),
        (
            b"[labels.owner]\n",
            "labels.owner: no rule: give required, allowed, pattern or forbidden",
        ),
        (b"[labels]\nowner = 3\n", "labels.owner: must be a table of rules: [labels.owner]"),
        (
            b'[labels.x]\npattern = "("\n',
            "labels.x.pattern: not a valid regular expression: "
            "missing ), unterminated subpattern at position 0",
        ),
        (b"[labels.x]\npattern = 5\n", "labels.x.pattern: must be a string (a regular expression)"),
        (
            b'[labels.x]\nallowed = "prod"\n',
            'labels.x.allowed: must be a list of strings: ["prod", "test"]',
        ),
        (
            b"[labels.x]\nforbidden = true\nrequired = true\n",
            "labels.x: a forbidden label cannot have other rules",
        ),
        (
            b'[labels.x]\nforbidden = true\nallowed = ["a"]\n',
            "labels.x: a forbidden label cannot have other rules",
        ),
        (
            b'[labels.x]\nforbidden = true\npattern = "a"\n',
            "labels.x: a forbidden label cannot have other rules",
        ),
        (b"[labels.x]\nrequired = true\nmessage = 3\n", "labels.x.message: must be a string"),
        (b"labels = 3\n", "labels: must be tables, one per label key: [labels.owner]"),
        (
            b"[label.owner]\nrequired = true\n",
            "label: unknown section; a policy has only [labels.KEY] tables",
        ),
        (b"# \xff\n", "not UTF-8 text (bad byte at offset 2)"),
    ],
)
def test_a_broken_policy_is_refused_with_the_whole_reason(text: bytes, message: str) -> None:
    """The sentence the terminal and the window show for each way a policy can be broken."""
    with pytest.raises(PolicyError) as caught:
        parse_policy(text, SOURCE)
    assert str(caught.value) == f"policy policy.toml: {message}"


def test_a_toml_syntax_error_names_its_line() -> None:
    with pytest.raises(PolicyError) as caught:
        parse_policy(b"[labels.owner\nrequired = true\n", SOURCE)
    assert str(caught.value).startswith("policy policy.toml: not valid TOML: ")
    assert "(at line 1, column 14)" in str(caught.value)


def test_an_empty_policy_has_no_rules_and_passes_every_image() -> None:
    policy = parse_policy(b"# nothing checked yet\n", SOURCE)
    assert policy.rules == ()
    assert policy.check({"any": "thing"}) == []


@pytest.mark.parametrize("folder", [False, True])
def test_a_policy_that_is_missing_or_a_folder_says_so(tmp_path: Path, folder: bool) -> None:
    path = tmp_path / "policy.toml"
    if folder:
        path.mkdir()
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert str(caught.value) == f"policy {path}: not a regular file (or it does not exist)"


def test_a_policy_over_one_mebibyte_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    path.write_bytes(b"#" * (1024 * 1024 + 1))
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert str(caught.value) == f"policy {path}: larger than 1 MiB"


def test_a_policy_path_through_a_file_gives_the_systems_reason(tmp_path: Path) -> None:
    """Not a missing file: a path that goes through a regular file fails with ENOTDIR, shown
    in the system's words after the path."""
    (tmp_path / "notes").write_text("x", encoding="utf-8")
    path = tmp_path / "notes" / "policy.toml"
    with pytest.raises(PolicyError) as caught:
        load_policy(path)
    assert str(caught.value) == f"policy {path}: {os.strerror(errno.ENOTDIR)}"


def test_the_policy_given_on_the_command_line_is_the_one_used(tmp_path: Path) -> None:
    default = default_policy_path()
    default.parent.mkdir(parents=True, exist_ok=True)
    default.write_bytes(b"[labels.owner]\nrequired = true\n")
    given = tmp_path / "given.toml"
    given.write_bytes(POLICY)
    policy = find_policy(given)
    assert policy is not None
    assert (policy.source, len(policy.rules)) == (given, 4)


def test_without_a_policy_file_nothing_is_checked() -> None:
    assert not default_policy_path().exists()
    assert find_policy(None) is None


def test_the_policy_in_the_config_folder_is_used_when_none_is_given() -> None:
    default = default_policy_path()
    default.parent.mkdir(parents=True, exist_ok=True)
    default.write_bytes(b"[labels.owner]\nrequired = true\n")
    policy = find_policy(None)
    assert policy is not None
    assert policy.source == default
    assert [rule.key for rule in policy.rules] == ["owner"]
