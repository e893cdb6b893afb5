"""Label policy: which labels every image must, may or must not carry, checked the same way
by the window, ``get --check`` and ``list --check``.

The policy is a small TOML file (``policy.toml`` in the user's config folder, or ``--policy
FILE``) with one table per label key. A policy that cannot be read exactly as written is
refused whole with a :class:`PolicyError` naming the line or the key: a rule that is silently
skipped would let a bad image pass as checked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from inspector.api.errors import UsageError
from inspector.api.local_files import FileTooLarge, LocalFileError, read_regular
from inspector.config.store import POLICY, policy_file
from inspector.i18n import _
from inspector.present.policy import Rule, Violation

RULE_NAMES: Final = ("required", "allowed", "pattern", "message", "forbidden")

_Broken = Callable[[str, str], "PolicyError"]


class PolicyError(UsageError):
    """The policy file cannot be used; the message names the file and the line or key."""


@dataclass(frozen=True, slots=True)
class LabelRule:
    """The rules for one label key, as the file states them."""

    key: str
    required: bool = False
    allowed: tuple[str, ...] | None = None
    pattern: re.Pattern[str] | None = None
    message: str | None = None
    forbidden: bool = False


@dataclass(frozen=True, slots=True)
class Policy:
    """Every label rule of one policy file."""

    rules: tuple[LabelRule, ...]
    source: Path

    def check(self, labels: Mapping[str, str] | None) -> list[Violation]:
        """Every violation of ``labels`` (None: the image has none), in the file's order."""
        present = labels or {}
        found: list[Violation] = []
        for rule in self.rules:
            value = present.get(rule.key)
            found += _violations(rule, value)
        return found


def default_policy_path() -> Path:
    return POLICY.path


def _violations(rule: LabelRule, value: str | None) -> list[Violation]:
    def broke(kind: Rule, what: str) -> Violation:
        message = f"{rule.message} ({what})" if rule.message else what
        return Violation(rule.key, kind, value, message)

    if value is None:
        if rule.required:
            return [broke(Rule.REQUIRED, _("the label is required and missing"))]
        return []
    if rule.forbidden:
        return [broke(Rule.FORBIDDEN, _("the label is not allowed on an image"))]
    found = []
    if rule.allowed is not None and value not in rule.allowed:
        choices = ", ".join(rule.allowed) or _("none")
        found.append(
            broke(
                Rule.ALLOWED,
                _("{value!r} is not one of: {choices}").format(value=value, choices=choices),
            )
        )
    if rule.pattern is not None and not rule.pattern.fullmatch(value):
        found.append(
            broke(
                Rule.PATTERN,
                _("{value!r} does not match {pattern}").format(
                    value=value, pattern=rule.pattern.pattern
                ),
            )
        )
    return found


def load_policy(path: Path) -> Policy:
    """Read and check the policy at ``path``, or raise :class:`PolicyError` saying why not."""
    not_a_file = _("policy {path}: not a regular file (or it does not exist)").format(path=path)
    try:
        data = read_regular(path, POLICY.max_bytes)
    except FileTooLarge:
        raise PolicyError(_("policy {path}: larger than 1 MiB").format(path=path)) from None
    except (FileNotFoundError, LocalFileError):  # a folder, a FIFO, a device...
        raise PolicyError(not_a_file) from None
    except OSError as error:
        raise PolicyError(
            _("policy {path}: {reason}").format(path=path, reason=error.strerror or error)
        ) from None
    return parse_policy(data, path)


def find_policy(explicit: Path | None) -> Policy | None:
    """The policy given with ``--policy``, else ``policy.toml`` in the config folder, if any."""
    path = policy_file(explicit)
    return None if path is None else load_policy(path)


def parse_policy(data: bytes, source: Path) -> Policy:
    """The policy in ``data`` (read from ``source``); every rule checked before any is used."""
    import tomllib  # here: most starts have no policy to read

    try:
        text = data.decode("utf-8")
        document = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise PolicyError(
            _("policy {path}: not UTF-8 text (bad byte at offset {offset})").format(
                path=source, offset=error.start
            )
        ) from None
    except tomllib.TOMLDecodeError as error:
        # tomllib names the line and column: "Invalid value (at line 3, column 9)".
        raise PolicyError(
            _("policy {path}: not valid TOML: {reason}").format(path=source, reason=error)
        ) from None

    def broken(where: str, reason: str) -> PolicyError:
        return PolicyError(
            _("policy {path}: {where}: {reason}").format(path=source, where=where, reason=reason)
        )

    unknown = sorted(set(document) - {"labels"})
    if unknown:
        raise broken(unknown[0], _("unknown section; a policy has only [labels.KEY] tables"))
    labels = document.get("labels", {})
    if not isinstance(labels, dict):
        raise broken("labels", _("must be tables, one per label key: [labels.owner]"))
    rules = tuple(
        _rule(key, table, broken) for key, table in labels.items() if isinstance(key, str)
    )
    return Policy(rules=rules, source=source)


def _rule(key: str, table: object, broken: _Broken) -> LabelRule:
    where = f"labels.{key}"
    if not isinstance(table, dict):
        raise broken(where, _("must be a table of rules: [labels.{key}]").format(key=key))
    unknown = sorted(set(table) - set(RULE_NAMES))
    if unknown:
        raise broken(
            f"{where}.{unknown[0]}",
            _("unknown rule; the rules are: {rules}").format(rules=", ".join(RULE_NAMES)),
        )
    for flag in ("required", "forbidden"):
        if flag in table and not isinstance(table[flag], bool):
            raise broken(f"{where}.{flag}", _("must be true or false"))
    allowed = table.get("allowed")
    if allowed is not None and not (
        isinstance(allowed, list) and all(isinstance(item, str) for item in allowed)
    ):
        raise broken(f"{where}.allowed", _('must be a list of strings: ["prod", "test"]'))
    message = table.get("message")
    if message is not None and not isinstance(message, str):
        raise broken(f"{where}.message", _("must be a string"))
    pattern_text = table.get("pattern")
    pattern = None
    if pattern_text is not None:
        if not isinstance(pattern_text, str):
            raise broken(f"{where}.pattern", _("must be a string (a regular expression)"))
        try:
            pattern = re.compile(pattern_text)
        except re.error as error:
            raise broken(
                f"{where}.pattern",
                _("not a valid regular expression: {reason}").format(reason=error),
            ) from None
    forbidden = bool(table.get("forbidden", False))
    if forbidden and (table.get("required") or allowed is not None or pattern is not None):
        raise broken(where, _("a forbidden label cannot have other rules"))
    if not (table.get("required") or forbidden or allowed is not None or pattern is not None):
        raise broken(where, _("no rule: give required, allowed, pattern or forbidden"))
    return LabelRule(
        key=key,
        required=bool(table.get("required", False)),
        allowed=tuple(allowed) if allowed is not None else None,
        pattern=pattern,
        message=message,
        forbidden=forbidden,
    )
