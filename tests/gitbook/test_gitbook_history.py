"""Years of GitBook history survive the import: page dates, contributors and the changelog of a real
MkDocs build follow each page through the import's moves (`habits/tiny.md` -> `docs/habits/tiny.md`)."""

from __future__ import annotations

import re
from datetime import datetime, timezone

import pytest
from gitbook_repo import mkdocs_build, run_cli
from history_gitrepo import BASE_ENV, GitRepo

SUMMARY = """\
# Table of contents

* [Welcome](README.md)
* [Habits](habits/README.md)
  * [Tiny habits](habits/tiny.md)
* [Tips](tips.md)
"""

YEAR = 365 * 86_400
START = 1_577_836_800  # 2020-01-01, years before the import (which happens now)


def when(commit: int) -> datetime:
    return datetime.fromtimestamp(START + commit * 120 * 86_400, timezone.utc)


def shown(d: datetime) -> str:
    return f"{d:%B} {d.day}, {d.year}"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    with pytest.MonkeyPatch.context() as monkeypatch:
        for key, value in BASE_ENV.items():
            monkeypatch.setenv(key, value)
        for key in ("NAME", "EMAIL"):  # whoever runs the import
            monkeypatch.setenv(f"GIT_AUTHOR_{key}", "Ivy Importer" if key == "NAME" else "ivy@example.org")
            monkeypatch.setenv(f"GIT_COMMITTER_{key}", "Ivy Importer" if key == "NAME" else "ivy@example.org")
        monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
        root = tmp_path_factory.mktemp("gitbook-history") / "handbook"
        repo = GitRepo(root, start=START - 120 * 86_400)
        repo.write("SUMMARY.md", SUMMARY)
        repo.write("README.md", "# Welcome\n\nHello.\n")
        repo.write("habits/README.md", "# Habits\n\nAll about habits.\n")
        repo.write("habits/tiny-draft.md", "# Tiny habits\n\nStart small.\n")
        # two sources for one address: `tips.md`, which SUMMARY.md lists, and an older `tips/README.md`
        repo.write("tips.md", "# Tips\n\nThe listed page.\n")
        repo.write("tips/README.md", "# Old tips\n\nA leftover.\n")
        repo.commit("GitBook: first pages", name="Ana Early", email="ana@example.org", step=120 * 86_400)
        repo.mv("habits/tiny-draft.md", "habits/tiny.md")
        repo.commit("GitBook: rename the tiny habits page", name="Ana Early", email="ana@example.org",
                    step=120 * 86_400)
        repo.write("habits/tiny.md", "# Tiny habits\n\nStart small, then grow.\n")
        repo.commit("GitBook: expand tiny habits", name="Bo Later", email="bo@example.org", step=120 * 86_400)
        imported = run_cli("import", "gitbook", str(root))
        assert imported.returncode == 0, imported.stderr
        assert "tips/README.md" in imported.stdout + imported.stderr  # the pair is reported
        build = mkdocs_build(root)
        assert build.returncode == 0, build.stderr
        yield root / "site"


def between(html: str, css_class: str) -> str:
    """The text of the history fact with class `css_class` (up to the next fact; tags dropped)."""
    start = html.index(f'{css_class}">') + len(css_class) + 2
    ends = [i for i in (html.find("handbook-history__", start), html.find("</aside>", start)) if i >= 0]
    end = html.rfind("<", start, min(ends) + 1)  # the start of the tag that opens the next fact
    return " ".join(re.sub(r"<[^>]*>", " ", html[start:end]).split())


def test_page_dates_and_contributors_reach_back_before_the_import(site):
    html = (site / "habits/tiny/index.html").read_text(encoding="utf-8")
    assert between(html, "handbook-history__created") == shown(when(0))
    assert between(html, "handbook-history__updated") == shown(when(2))  # the move was no update
    contributors = between(html, "handbook-history__contributors")
    assert "Ana Early" in contributors and "Bo Later" in contributors, contributors
    # The import only moved this page (nothing to convert): moving is not writing it.
    assert "Ivy Importer" not in contributors, contributors
    welcome = (site / "index.html").read_text(encoding="utf-8")
    assert between(welcome, "handbook-history__created") == shown(when(0))  # README.md -> docs/index.md


def test_changelog_lists_the_years_before_the_import(site):
    # The years before the last twelve months are on the changelog's pages per year.
    html = "".join(page.read_text(encoding="utf-8") for page in sorted((site / "changelog").rglob("index.html")))
    for n in range(3):
        assert f"{when(n):%B} {when(n).year}" in html, when(n)
    assert "GitBook: expand tiny habits" in html
    # Linked where the page is now, under its current title (from the year's page, one folder deeper).
    entry = html[html.index("GitBook: expand tiny habits"):]
    assert 'href="../../habits/tiny/"' in entry[:2000], entry[:2000]


def test_of_two_sources_for_one_address_the_listed_one_is_published_with_its_old_dates(site):
    html = (site / "tips/index.html").read_text(encoding="utf-8")
    assert "The listed page." in html and "A leftover." not in html
    assert between(html, "handbook-history__created") == shown(when(0))
    moved = [p for p in (site / "tips").rglob("index.html") if p.parent != site / "tips"]
    assert [p.read_text(encoding="utf-8").count("A leftover.") for p in moved] == [1]  # moved aside, not lost
