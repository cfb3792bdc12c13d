"""`handbook check` reports the page findings a build reports that need no build (review values,
CODEOWNERS lines, review categories, `#channel` at a line's start), code for code, file for file and
line for line, so CI's `check` and `mkdocs build --strict` agree. An overdue page is no part of it:
the build logs it at the `review_overdue` level (`info`), and `check` stays silent about it."""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re

import sitekit
from ecosystem_site import build_strict, make_site

from handbook.cli import main

LOG_FINDING = re.compile(r"^handbook: (?P<location>\S+): .* \[(?P<code>[a-z][a-z-]*)\] Fix: ")

PAGES = {
    "index.md": "# Welcome\n\nStart with the habits.\n",
    "habits/index.md": "# Habits\n\nTiny routines that last.\n",
    "habits/tiny.md": "# Tiny habits\n\nOne push-up a day.\n",
    "habits/routines.md": ("---\nowner: ada@example.org\nlast_reviewed: 2024-02-30\nreview_every: 6 moths\n---\n"
                           "# Routines\n\nSome text.\n#focus is where we talk about it.\n"),
    "habits/broken.md": "---\nowner: @moderator\n---\n# Broken\n\nText.\n",
    "focus/index.md": "---\nowner: \"@moderatr\"\nlast_reviewed: 2099-01-01\n---\n# Focus\n\nDeep work.\n",
    "focus/old.md": "---\nowner: Focus team\nlast_reviewed: 2020-01-01\n---\n# Old\n\nLong ago.\n",
}
OPTIONS = {"history": False, "owners_from": "CODEOWNERS", "review_every": "1 year",
           "review_every_by_category": {"habits": "6 months", "sleep": "3 months"}}
CODES = {"codeowners-unsupported", "review-category-unknown", "review-owner-invalid", "review-date-invalid",
         "review-period-invalid", "mention-at-line-start", "front-matter-invalid", "review-owner-unknown-role",
         "review-date-in-future"}


def check(root) -> tuple[int, list[tuple[str, str]]]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--format", "json", "-f", str(root / "mkdocs.yml")])
    found = json.loads(out.getvalue())["findings"]
    return code, sorted((f["code"], f"{f['file']}:{f['line']}" if f["line"] else f["file"]) for f in found)


def logged(site, level: int) -> list[tuple[str, str]]:
    lines = [r.getMessage() for r in site.records if ".handbook." in r.name and r.levelno == level]
    return sorted((m["code"], m["location"]) for m in map(LOG_FINDING.match, lines) if m)


def test_check_reports_the_page_findings_the_build_reports(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-06-01")
    root = make_site(tmp_path, ["search"], docs=PAGES, handbook=OPTIONS)
    sitekit.write_files(root, {".github/CODEOWNERS": "docs/habits/ @habit-keepers\n!docs/focus/ @nobody\n"})
    code, found = check(root)
    assert not (root / "site").exists()  # nothing built
    built = build_strict(root)
    assert found == logged(built, logging.WARNING) and code == 1, found
    assert {finding for finding, _ in found} == CODES
    assert ("mention-at-line-start", "docs/habits/routines.md:9") in found
    assert ("review-date-invalid", "docs/habits/routines.md:3") in found
    assert ("codeowners-unsupported", ".github/CODEOWNERS:2") in found
    # overdue: logged by the build as info, never a finding of check
    assert ("review-overdue", "docs/focus/old.md:3") in logged(built, logging.INFO)
    assert not [f for f in found if f[0] == "review-overdue"]


def test_a_clean_tree_stays_clean_for_check(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-06-01")
    docs = {**PAGES, "habits/routines.md": "# Routines\n\nSome text.\n\\#focus is where we talk about it.\n",
            "habits/broken.md": "---\nowner: Ada Lovelace\n---\n# Broken\n", "focus/index.md": "# Focus\n"}
    root = make_site(tmp_path, ["search"], docs=docs, handbook={"history": False})
    code, found = check(root)
    assert (code, found) == (0, [])
    assert build_strict(root).warnings == []
