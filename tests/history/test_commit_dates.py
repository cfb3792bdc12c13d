"""Commit dates no page should show: a commit dated after the build (a clock set to 2100), or one
whose date git cannot print (before 1970: git leaves `%aI` as written; an overflowing timestamp:
the epoch). The build neither fails nor says "last updated January 1, 2100" or "created January 1,
1970": a commit from the future is shown as of the build's day, a commit without a date takes the
date of the commit before it, and the build says so once, as info, naming the commits."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timezone

import pytest
from history_gitrepo import GitRepo, page
from links_site import Html
from sitekit import build_site

from handbook.i18n import format_date

FUTURE = 4_102_444_800  # 2100-01-01
MKDOCS_YML = ("site_name: Dates\nsite_url: https://dates.example/\ntheme: {name: material}\n"
              "plugins: [search, {handbook: {drift: ignore}}]\n")


def raw_commit(repo: GitRepo, message: str, seconds: str) -> str:
    """A commit whose author and committer time is `seconds` as written (git refuses to make one
    before 1970, but other tools and imports do)."""
    tree = repo.git("write-tree").strip()
    parent = repo.git("rev-parse", "HEAD").strip()
    body = (f"tree {tree}\nparent {parent}\nauthor Old Clock <old@example.org> {seconds} +0000\n"
            f"committer Old Clock <old@example.org> {seconds} +0000\n\n{message}\n")
    path = repo.root / ".git" / "raw-commit"
    path.write_text(body, encoding="utf-8")
    sha = repo.git("hash-object", "-t", "commit", "-w", "--literally", str(path)).strip()
    repo.git("update-ref", "HEAD", sha)
    return sha


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    repo = GitRepo(tmp_path_factory.mktemp("dates") / "repo", start=1_717_200_000)  # 2024-06-01
    repo.write("mkdocs.yml", MKDOCS_YML)
    repo.write("docs/index.md", "# Home\n")
    repo.write("docs/steady.md", page("Steady"))
    repo.write("docs/ahead.md", page("Ahead"))
    repo.commit("Start the handbook")
    repo.write("docs/ahead.md", page("Ahead") + "\nA line from the future.\n")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "Write from a clock set wrong", when=FUTURE)
    future_sha = repo.git("rev-parse", "HEAD").strip()
    repo.write("docs/before.md", page("Before"))
    repo.git("add", "-A")
    before_sha = raw_commit(repo, "Add a page from a clock before the epoch", "-315619200")
    repo.write("docs/overflow.md", page("Overflow"))
    repo.git("add", "-A")
    overflow_sha = raw_commit(repo, "Add a page from an overflowing clock", "18446744073709551617")
    day_before = datetime.now(timezone.utc).date()
    built = build_site(repo.root)
    day_after = datetime.now(timezone.utc).date()
    assert built.aborted is None, built.aborted
    return built, {day_before, day_after}, (future_sha, before_sha, overflow_sha)


def dated(html: str) -> tuple[list[date], str]:
    """The days of the `<time datetime=...>` elements of a page, and its article's text."""
    days = [datetime.fromisoformat(d).date() for d in re.findall(r'<time datetime="([^"]+)"', html)]
    return days, " ".join(Html.parse(html).text_of("article"))


def test_a_page_last_changed_by_a_commit_from_the_future_shows_the_build_day(site):
    built, build_days, _ = site
    days, text = dated(built.html("ahead/index.html"))
    assert days and set(days) <= build_days | {date(2024, 6, 2)}, days  # created in 2024, updated "today"
    assert max(days) in build_days
    assert "2100" not in text and any(format_date(day, "en") in text for day in build_days)


def test_pages_added_by_commits_without_a_date_take_the_date_before_them(site):
    built, build_days, _ = site
    for page_path in ("before/index.html", "overflow/index.html"):
        days, text = dated(built.html(page_path))
        # the commit before them is the one from the future, shown as of the build
        assert days and set(days) <= build_days, (page_path, days)
        assert "1970" not in text and "%aI" not in text, page_path


def test_the_changelog_and_feed_start_on_the_build_day_and_never_in_2100_or_1970(site):
    built, build_days, _ = site
    days, text = dated(built.html("changelog/index.html"))
    assert "2100" not in text and "1970" not in text and "%aI" not in text
    assert len(days) == 3 and set(days) <= build_days, days  # the last twelve months
    older, _ = dated(built.html("changelog/2024/index.html"))  # June 2024: on its year's page
    assert older == [date(2024, 6, 2)], older
    assert "Write from a clock set wrong" in text
    feed = (built.site_dir / "feed.xml").read_text(encoding="utf-8")
    updated = [datetime.fromisoformat(u).date() for u in re.findall(r"<updated>([^<]+)</updated>", feed)]
    assert len(updated) == 5 and set(updated[:4]) <= build_days and updated[4] == date(2024, 6, 2), updated


def test_the_build_says_once_which_commits_had_their_dates_changed(site):
    built, _, (future_sha, before_sha, overflow_sha) = site
    lines = [r.getMessage() for r in built.records if "handbook" in r.name and "dated" in r.getMessage()]
    assert len(lines) == 1, lines
    assert all(r.levelno == logging.INFO for r in built.records if "dated" in r.getMessage())
    assert future_sha[:7] in lines[0] and before_sha[:7] in lines[0] and overflow_sha[:7] in lines[0]
    assert built.warnings == []
