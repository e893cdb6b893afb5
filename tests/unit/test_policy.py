"""The label policy: each rule, every way a policy file can be broken, nothing skipped."""

from __future__ import annotations

from pathlib import Path

import pytest

from inspector.core.policy import PolicyError, load_policy, parse_policy
from inspector.present.policy import Rule

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
