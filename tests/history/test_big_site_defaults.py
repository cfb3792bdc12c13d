"""Defaults for a big site (issue 32, "Adopting on real sites"): a feed of the newest changes, not
the whole history, and bots that are not named as contributors. Real git, real MkDocs builds."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from history_gitrepo import MKDOCS_YML, GitRepo, page
from mkdocs.commands.build import build
from mkdocs.config import load_config

ATOM = "{http://www.w3.org/2005/Atom}"


def build_site(root: Path) -> Path:
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    return Path(config.site_dir)


def long_history(root: Path, options: str, commits: int) -> GitRepo:
    """A handbook with `commits` commits, each a change members read ("Change 1" is the oldest)."""
    repo = GitRepo(root)
    repo.write("mkdocs.yml", MKDOCS_YML.format(options=options))
    for number in range(1, commits + 1):
        repo.write("docs/index.md", page("Welcome") + f"\nChange {number}.\n")
        repo.commit(f"Change {number}")
    return repo


def feed_titles(site: Path) -> list[str]:
    feed = ET.parse(site / "feed.xml").getroot()
    return [entry.findtext(f"{ATOM}title") or "" for entry in feed.findall(f"{ATOM}entry")]


def changelog_subjects(site: Path) -> list[str]:
    article = BeautifulSoup((site / "changelog" / "index.html").read_text("utf-8"), "html.parser").article
    return [li.get_text(" ", strip=True).split(" · ")[1] for li in article.select("li") if li.find("strong")]


def test_the_feed_carries_the_newest_fifty_changes_and_the_changelog_its_own_limit(tmp_path: Path) -> None:
    repo = long_history(tmp_path / "site", "      history: true", 60)
    site = build_site(repo.root)
    assert feed_titles(site) == [f"Change {n}" for n in range(60, 10, -1)]  # newest first, 50 of them
    assert len(changelog_subjects(site)) == 60  # changelog_limit (100) is the page's own


@pytest.mark.parametrize(("limit", "expected"), [(0, 55), (5, 5)])
def test_feed_limit_sets_how_many_changes_the_feed_carries(tmp_path: Path, limit: int, expected: int) -> None:
    repo = long_history(tmp_path / "site", f"      feed_limit: {limit}", 55)
    titles = feed_titles(build_site(repo.root))
    assert titles == [f"Change {n}" for n in range(55, 55 - expected, -1)]


def bot_history(root: Path, options: str) -> GitRepo:
    """A page written by a person and kept up to date by two bots, with real commits by each."""
    repo = GitRepo(root)
    repo.write("mkdocs.yml", MKDOCS_YML.format(options=options))
    repo.write("docs/index.md", page("Welcome"))
    repo.commit("Write the welcome page", name="Ada Author", email="ada@example.org")
    repo.write("docs/index.md", page("Welcome") + "\nLinks updated.\n")
    repo.commit("Bump the link checker", name="dependabot[bot]", email="49699333+dependabot[bot]@users.noreply.github.com")
    repo.write("docs/index.md", page("Welcome") + "\nLinks updated again.\n")
    repo.commit("Refresh the link status", name="github-actions[bot]", email="41898282+github-actions[bot]@users.noreply.github.com")
    return repo


def contributors(site: Path) -> str:
    html = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    return html.select_one(".handbook-history__contributors").get_text(" ", strip=True)


def changelog_authors(site: Path) -> dict[str, str]:
    """Each changelog entry's subject -> its authors (its `<em>`; '' when none is named)."""
    article = BeautifulSoup((site / "changelog" / "index.html").read_text("utf-8"), "html.parser").article
    entries = {}
    for li in [li for li in article.select("li") if li.find("strong")]:
        for nested in li.find_all("ul"):
            nested.decompose()  # the pages it changed
        em = li.find("em")
        entries[li.get_text(" ", strip=True).split(" · ")[1]] = em.get_text(strip=True) if em else ""
    return entries


def feed_authors(site: Path) -> list[str]:
    feed = ET.parse(site / "feed.xml").getroot()
    return [name.text or "" for name in feed.iter(f"{ATOM}name")]


def test_bots_are_not_named_as_contributors(tmp_path: Path) -> None:
    repo = bot_history(tmp_path / "site", "      history: true")
    site = build_site(repo.root)
    assert contributors(site) == "Ada Author"
    authors = changelog_authors(site)
    assert set(authors) == {"Write the welcome page", "Bump the link checker", "Refresh the link status"}  # still news
    assert authors == {"Write the welcome page": "Ada Author", "Bump the link checker": "",
                       "Refresh the link status": ""}
    assert "[bot]" not in " ".join(feed_authors(site))


def test_contributors_exclude_names_who_is_left_out(tmp_path: Path) -> None:
    repo = bot_history(tmp_path / "site", "      contributors_exclude: ['^dependabot']")
    site = build_site(repo.root)
    assert contributors(site) == "Ada Author, github-actions[bot]"
    assert changelog_authors(site) == {"Write the welcome page": "Ada Author", "Bump the link checker": "",
                                       "Refresh the link status": "github-actions[bot]"}
    assert "dependabot" not in " ".join(feed_authors(site))
