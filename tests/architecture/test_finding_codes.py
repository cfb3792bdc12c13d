"""One registry of finding codes (`handbook.findings.CODES`): every finding is made from it, every
code the manual's pages, the tests or the code names is in it, and every code in it is used."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from paths import ROOT as REPO

from handbook import findings

PACKAGE = REPO / "plugins" / "handbook"
MANUAL_LINK = re.compile(r"2-findings\.md#([a-z]+(?:-[a-z]+)+)\)")
CODE = re.compile(r"(?<!ignore)\[([a-z]{2,}(?:-[a-z]+)+)\]")  # `... [orphan-channel] Fix: ...` in a log line


def modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_finding_is_made_outside_the_registry():
    """`Finding(...)` is called only by `Code`: a finding's code, level and usual fix come from one place."""
    offenders = []
    for path in modules():
        if path == PACKAGE / "findings.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imports_ours = any(isinstance(node, ast.ImportFrom) and node.module == "handbook.findings"
                           and any(alias.name == "Finding" for alias in node.names) for node in ast.walk(tree))
        for node in ast.walk(tree):
            if imports_ours and isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Finding":
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}")
    assert offenders == []


def test_every_code_the_manual_and_the_tests_name_is_registered():
    """The manual's written pages name codes as links into the generated reference
    (`reference/2-findings.md#orphan-channel`); the strict build fails on a link to no entry."""
    pages = sorted((REPO / "manual" / "docs").rglob("*.md"))
    page_codes = {code for page in pages for code in MANUAL_LINK.findall(page.read_text(encoding="utf-8"))}
    test_codes = {code for path in (REPO / "tests").rglob("*.py") for code in CODE.findall(path.read_text("utf-8"))}
    assert len(page_codes) > 30, "the manual's pages link the codes they name"
    assert test_codes, "the tests name codes"
    assert sorted((page_codes | test_codes) - set(findings.CODES)) == []


def test_every_registered_code_is_made_somewhere():
    """No code only in the registry: each constant is used by a module that reports it."""
    source = "\n".join(p.read_text(encoding="utf-8") for p in modules() if p != PACKAGE / "findings.py")
    names = {name for name, value in vars(findings).items() if isinstance(value, findings.Code)}
    assert sorted(n for n in names if not re.search(rf"\b{n}\b", source)) == []
    assert len(names) == len(findings.CODES)


def test_each_entry_says_its_level_where_it_is_reported_what_it_means_and_its_fix():
    for code, entry in findings.CODES.items():
        assert entry.code == code and re.fullmatch(r"[a-z]+(-[a-z]+)+", code)
        assert entry.level in (findings.ERROR, findings.WARNING, findings.INFO), code
        assert entry.reported and set(entry.reported) <= {findings.BUILD, findings.CHECK, findings.REVIEW, findings.AUDIT}, code
        assert entry.meaning.strip() and entry.fix.strip(), code
    build_only = {code for code, entry in findings.CODES.items() if entry.build_only}
    assert {"mention-unknown-channel", "private-name", "review-overdue", "dead-link"} <= build_only
    assert not {"missing-channel", "invalid-id", "duplicate-category-title", "mention-at-line-start",
                "review-date-invalid", "codeowners-unsupported"} & build_only
