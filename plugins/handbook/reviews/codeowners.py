"""CODEOWNERS as GitHub reads it: which owners a file has (the last matching pattern wins).

The syntax is GitHub's (https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners):
a pattern and its owners per line, `#` comments, gitignore-style patterns relative to the
repository root (`docs/` is any `docs` folder, `/docs/` the root's, `docs/*` only the files
directly in it, `**` any depth). As on GitHub, `!` negation and `[ ]` ranges do not work: such
lines are findings and skipped. A pattern without owners leaves its files unowned. GitLab's
`[Section]` headers are skipped. E-mail owners are never used: they would be published.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from handbook.findings import CODEOWNERS_UNSUPPORTED, Finding

LOCATIONS = (".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS")
"""Where GitHub looks, in its order; the first file found is the one it uses."""


@dataclass(frozen=True)
class Rule:
    pattern: str
    owners: tuple[str, ...]
    line: int
    regex: re.Pattern
    directories_only: bool
    whole_tree: bool
    """The pattern also matches the files below a folder it names (not `docs/*`)."""


@dataclass
class CodeOwners:
    rules: list[Rule]
    findings: list[Finding]
    shown: str

    def owners_of(self, path: str) -> tuple[str, ...]:
        """The owners of `path` (relative to the repository root, with `/`): the last matching rule's."""
        for rule in reversed(self.rules):
            if matches(rule, path):
                return rule.owners
        return ()


def find_file(repository_root: Path) -> Path | None:
    return next((repository_root / name for name in LOCATIONS if (repository_root / name).is_file()), None)


def repository_root(start: Path) -> Path:
    """The nearest folder at or above `start` with a `.git` (a folder or a worktree's file), else `start`."""
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return start


def parse(text: str, shown: str) -> CodeOwners:
    rules, findings = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if re.match(r"^\^?\[[^\]]*\]", line):  # a GitLab section header
            continue
        words = _split(line)
        pattern, owners = words[0], [w for w in words[1:]]
        if "#" in owners:  # a comment after the owners
            owners = owners[: owners.index("#")]
        owners = [o for o in owners if not o.startswith("#")]
        if pattern.startswith("!") or re.search(r"\[[^\]]*\]", pattern):
            what = "`!` (negation)" if pattern.startswith("!") else "`[ ]` (a character range)"
            findings.append(CODEOWNERS_UNSUPPORTED(
                                    f"pattern `{pattern}` uses {what}, which CODEOWNERS does not support: "
                                    "the line is skipped, as GitHub skips it", shown, number,
                                    "list the paths with `*` and `**` patterns instead"))
            continue
        public = tuple(o for o in owners if "@" not in o[1:])  # e-mail addresses stay private
        rules.append(_rule(pattern, public, number))
    return CodeOwners(rules, findings, shown)


def matches(rule: Rule, path: str) -> bool:
    parts = PurePosixPath(path).parts
    candidates = ["/".join(parts[:i]) for i in range(1, len(parts))] if rule.whole_tree else []
    if not rule.directories_only:
        candidates.append(path)
    return any(rule.regex.fullmatch(candidate) for candidate in candidates)


def _split(line: str) -> list[str]:
    """Words separated by spaces; `\\ ` is a space inside a pattern."""
    return [w.replace("\0", " ") for w in line.replace("\\ ", "\0").split()]


def _rule(pattern: str, owners: tuple[str, ...], line: int) -> Rule:
    directories_only = pattern.endswith("/")
    body = pattern.strip("/") if pattern != "/" else ""
    anchored = pattern.startswith("/") or "/" in body
    whole_tree = not body.endswith("/*")
    regex = "" if anchored else "(?:.*/)?"
    i = 0
    while i < len(body):
        if body.startswith("**/", i):
            regex += "(?:.*/)?"
            i += 3
        elif body.startswith("**", i):
            regex += ".*"
            i += 2
        elif body[i] == "*":
            regex += "[^/]*"
            i += 1
        elif body[i] == "?":
            regex += "[^/]"
            i += 1
        else:
            regex += re.escape(body[i])
            i += 1
    if not body:  # `/`: the whole repository
        regex, directories_only = ".*", False
    return Rule(pattern, owners, line, re.compile(regex), directories_only, whole_tree)
