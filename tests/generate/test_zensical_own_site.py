"""This repository's own handbook, exactly as its `mkdocs.yml` says, built by Zensical and by MkDocs.

The tree is a copy of the repository's docs, map, link files and `mkdocs.yml` (unchanged: it lists
the plugin and the `handbook.site.standalone` extension) in a fresh git repository with two
authors. Zensical builds it after `handbook generate`, then `handbook generate --feed site`;
MkDocs and ProperDocs build it with the plugin. Every page must show the same handbook facts:
the discuss box's target, the mention links, the page dates and contributors, the review line
and the feed link in its `<head>`. One build of each per module.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from paths import ROOT
from sitekit import build_site

BIN = Path(sys.executable).parent
COPIED = ("docs", "channel_map.yml", "communities.yml", "link_status.json", "mkdocs.yml")
EXTENSION_LINE = re.compile(r"^  - handbook\.site\.standalone\b.*\n", re.M)


def git_env(name: str, email: str, date: str) -> dict[str, str]:
    return {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
            "GIT_AUTHOR_NAME": name, "GIT_AUTHOR_EMAIL": email, "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}


def run(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=cwd, capture_output=True, text=True,
                            env={**(env or os.environ), "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    return result


@dataclass
class PageFacts:
    """What the handbook put on one page."""

    discuss_boxes: int = 0
    discuss: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)
    history: str | None = None
    times: dict[str, str] = field(default_factory=dict)
    contributors: str | None = None
    reviewed: str | None = None
    review_text: str = ""
    feed_links: list[tuple[str, str]] = field(default_factory=list)


class FactsParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.facts = PageFacts()
        self._in: str | None = None  # the fact whose text is being read
        self._depth = 0
        self._time: str | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        f = self.facts
        if tag == "aside" and "handbook-discuss" in classes:
            f.discuss_boxes += 1
        if tag == "a" and {"handbook-discuss__channel", "handbook-discuss__invite"} & set(classes):
            f.discuss.append((classes[0], a.get("href") or ""))
        if tag == "a" and "handbook-mention" in classes:
            f.mentions.append(a.get("href") or "")
        if tag == "aside" and "handbook-history" in classes:
            f.history = a.get("data-handbook-history")
        if tag == "link" and a.get("rel") == "alternate" and a.get("type") == "application/atom+xml":
            f.feed_links.append((a.get("href") or "", a.get("title") or ""))
        if tag == "span" and "handbook-review" in classes:
            f.reviewed, self._in, self._depth = a.get("data-handbook-review"), "review", 0
        elif tag == "span" and "handbook-history__contributors" in classes:
            self._in, self._depth = "contributors", 0
        for kind in ("updated", "created"):
            if tag == "span" and f"handbook-history__{kind}" in classes:
                self._time = kind
        if tag == "time" and self._time:
            f.times[self._time] = a.get("datetime") or ""
            self._time = None
        if self._in and tag not in ("svg", "path"):
            self._depth += 1

    def handle_endtag(self, tag):
        if self._in and tag not in ("svg", "path"):
            self._depth -= 1
            if self._depth == 0:
                self._in = None

    def handle_data(self, data):
        if self._in == "review":
            self.facts.review_text = " ".join((self.facts.review_text + " " + data).split())
        elif self._in == "contributors" and data.strip():
            self.facts.contributors = data.strip()


def facts_of(page: Path) -> PageFacts:
    parser = FactsParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.facts


def page_files(docs: Path) -> list[str]:
    """Each Markdown page's built file (`habits/tiny-habits.md` -> `habits/tiny-habits/index.html`)."""
    built = []
    for md in sorted(docs.rglob("*.md")):
        rel = md.relative_to(docs).with_suffix("")
        built.append((rel.parent if rel.name == "index" else rel).joinpath("index.html").as_posix())
    return built


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("own-site") / "handbook"
    root.mkdir()
    for name in COPIED:
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    first = git_env("Ada Author", "ada@example.org", "2026-10-01T10:00:00Z")
    run(["git", "init", "-q", "-b", "main"], root, first)
    run(["git", "add", "-A"], root, first)
    run(["git", "commit", "-q", "-m", "Import the handbook"], root, first)
    tiny = root / "docs" / "habits" / "tiny-habits.md"
    tiny.write_text(tiny.read_text(encoding="utf-8") + "\nOne more tip: start smaller than you think.\n",
                    encoding="utf-8")
    second = git_env("Bo Builder", "bo@example.org", "2026-11-02T10:00:00Z")
    run(["git", "commit", "-q", "-am", "Add a tip to #habits"], root, second)
    return root


@pytest.fixture(scope="module")
def zensical_site(tree) -> Path:
    run([sys.executable, "-m", "handbook", "generate"], tree)
    run([str(BIN / "zensical"), "build", "--clean"], tree)
    run([sys.executable, "-m", "handbook", "generate", "--feed", "site"], tree)
    return tree / "site"


@pytest.fixture(scope="module")
def mkdocs_built(tree, zensical_site, tmp_path_factory):
    """MkDocs with the plugin, over the same tree (the generated files are replaced by the plugin's)."""
    return build_site(tree, site_dir=tmp_path_factory.mktemp("mkdocs-site"))


@pytest.fixture(scope="module")
def mkdocs_without_extension(tree, mkdocs_built, tmp_path_factory):
    """The same MkDocs build of a `mkdocs.yml` that does not list the extension."""
    plain = tmp_path_factory.mktemp("without-extension") / "handbook"
    shutil.copytree(tree, plain, ignore=shutil.ignore_patterns("site"))
    config = plain / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert EXTENSION_LINE.search(text)
    config.write_text(EXTENSION_LINE.sub("", text, count=1), encoding="utf-8")
    return build_site(plain, site_dir=tmp_path_factory.mktemp("mkdocs-plain-site"))


def test_our_mkdocs_yml_lists_the_extension():
    assert EXTENSION_LINE.search((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))


def test_zensical_shows_every_page_as_mkdocs_does(tree, zensical_site, mkdocs_built):
    pages = page_files(tree / "docs")
    assert len(pages) > 40
    with_discuss = with_history = with_review = 0
    for page in pages:
        ours, plugins = facts_of(zensical_site / page), facts_of(mkdocs_built.site_dir / page)
        assert ours == plugins, page
        assert ours.feed_links and len(ours.feed_links) == 1, page
        assert ours.discuss_boxes <= 1, page
        with_discuss += ours.discuss_boxes
        with_history += ours.history is not None
        with_review += ours.reviewed is not None
    # the comparison has something to compare: boxes, dates, reviews and two authors
    assert with_discuss > 20 and with_history > 40 and with_review > 5
    tiny = facts_of(zensical_site / "habits/tiny-habits/index.html")
    assert tiny.contributors == "Ada Author, Bo Builder"
    assert tiny.times == {"updated": "2026-11-02T10:00:00+00:00", "created": "2026-10-01T10:00:00+00:00"}
    assert tiny.discuss == [("handbook-discuss__channel", "../../channels/#habits"),
                            ("handbook-discuss__invite", "https://discord.gg/campfire-practice")]
    assert tiny.feed_links == [("../../feed.xml", "Campfire Practice Handbook: changes")]
    assert (zensical_site / "feed.xml").is_file()


def test_the_changelog_links_its_mentions_under_zensical_too(zensical_site, mkdocs_built):
    ours = facts_of(zensical_site / "changelog/index.html").mentions
    assert "../channels/#habits" in ours  # "Add a tip to #habits"
    assert ours == facts_of(mkdocs_built.site_dir / "changelog/index.html").mentions


def test_headings_keep_their_ids_and_table_of_contents(zensical_site, mkdocs_built):
    """Python-Markdown's toc runs the postprocessors on every heading: the boxes stay out of them."""
    for page in ("habits/index.html", "guidelines/index.html", "index.html"):
        ids = re.findall(r'<h2 id="([^"]+)"', (zensical_site / page).read_text(encoding="utf-8"))
        assert ids and ids == re.findall(r'<h2 id="([^"]+)"', mkdocs_built.html(page)), page
        toc = (zensical_site / page).read_text(encoding="utf-8").split('data-md-component="toc"', 1)[1]
        assert "handbook-discuss" not in toc.split("</nav>", 1)[0], page


def test_a_second_feed_run_adds_no_second_link(tree, zensical_site):
    before = (zensical_site / "index.html").read_bytes()
    run([sys.executable, "-m", "handbook", "generate", "--feed", "site"], tree)
    assert (zensical_site / "index.html").read_bytes() == before


def test_mkdocs_renders_it_once_with_the_extension_listed(tree, mkdocs_built, mkdocs_without_extension):
    assert mkdocs_built.aborted is None and mkdocs_built.errors == []
    assert mkdocs_built.warnings == mkdocs_without_extension.warnings
    assert not [w for w, n in Counter(mkdocs_built.warnings).items() if n > 1]
    for page in page_files(tree / "docs"):
        assert facts_of(mkdocs_built.site_dir / page) == facts_of(mkdocs_without_extension.site_dir / page), page


def test_properdocs_renders_it_once_with_the_extension_listed(tree, mkdocs_built, tmp_path_factory):
    site = tmp_path_factory.mktemp("properdocs-site")
    result = run([str(BIN / "properdocs"), "build", "-d", str(site)], tree)
    lines = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert not [line for line, n in Counter(lines).items() if n > 1], lines
    for page in page_files(tree / "docs"):
        ours = facts_of(site / page)
        assert ours.discuss_boxes <= 1 and len(ours.feed_links) == 1, page
        assert ours == facts_of(mkdocs_built.site_dir / page), page
