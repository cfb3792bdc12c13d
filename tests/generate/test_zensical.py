"""This repository's handbook without the MkDocs plugin: `handbook generate`, then Zensical.

The tree is a copy of the repository's docs, map and mkdocs.yml in a fresh git repository; the
mkdocs.yml lists `handbook.site.standalone` under `markdown_extensions` (what the manual tells
Zensical users, how-to/build-with-zensical.md) beside the plugin.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest
from paths import ROOT
from sitekit import build_site

from handbook.site.generate_output import CSS_HEADER, HEADER

ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.org",
       "GIT_COMMITTER_NAME": "Ada", "GIT_COMMITTER_EMAIL": "ada@example.org",
       "GIT_AUTHOR_DATE": "2026-11-02T10:00:00Z", "GIT_COMMITTER_DATE": "2026-11-02T10:00:00Z",
       # One "today" for the whole module, so the reviews page cannot change between two runs at midnight.
       "HANDBOOK_TODAY": date.today().isoformat()}
BIN = Path(sys.executable).parent


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (class, href)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a":
            self.links.append((attrs.get("class") or "", attrs.get("href") or ""))


class Stylesheets(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str]] = []  # (rel, href)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link":
            self.links.append((attrs.get("rel") or "", attrs.get("href") or ""))


def stylesheets_of(path: Path) -> list[tuple[str, str]]:
    parser = Stylesheets()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def links_of(path: Path) -> list[tuple[str, str]]:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.links


def handbook(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "handbook", *args], cwd=cwd, capture_output=True, text=True, env=ENV)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("zensical") / "handbook"
    root.mkdir()
    for name in ("docs", "channel_map.yml", "communities.yml", "mkdocs.yml"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, root / name)
    assert "\n  - handbook.site.standalone" in (root / "mkdocs.yml").read_text(encoding="utf-8")  # as it is
    for command in (["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "Import the handbook"]):
        subprocess.run(["git", *command], cwd=root, check=True, env=ENV)
    return root


def test_generate_writes_the_pages_once_and_then_nothing(tree):
    first = handbook("generate", cwd=tree)
    assert first.returncode == 0, first.stderr
    assert sorted(first.stdout.split()) == sorted("wrote docs/changelog.md wrote docs/channels.md wrote docs/roles.md "
                                                  "wrote docs/safety.md wrote docs/communities.md wrote docs/reviews.md "
                                                  "wrote docs/assets/stylesheets/handbook.css".split())
    assert "extra_css" not in first.stderr  # this mkdocs.yml links the stylesheet already
    for name in ("channels.md", "roles.md", "safety.md", "changelog.md", "communities.md", "reviews.md"):
        assert (tree / "docs" / name).read_text(encoding="utf-8").startswith("---\nhandbook_generated: true")
    assert "[Reporting a problem](guidelines/reporting.md)" in (tree / "docs" / "reviews.md").read_text(encoding="utf-8")
    again = handbook("generate", cwd=tree)
    assert again.returncode == 0 and "7 generated files are up to date" in again.stdout
    assert handbook("generate", "--check", cwd=tree).returncode == 0
    (tree / "docs" / "roles.md").write_text("---\nhandbook_generated: true\n---\nold\n", encoding="utf-8")
    assert handbook("generate", "--check", cwd=tree).returncode == 1
    assert handbook("generate", cwd=tree).stdout.strip() == "wrote docs/roles.md"


def test_generate_never_replaces_a_page_someone_wrote(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "channels.md").write_text("# Our own channels page\n", encoding="utf-8")
    shutil.copy(ROOT / "channel_map.yml", tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - handbook:\n      history: false\n", encoding="utf-8")
    result = handbook("generate", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "docs/channels.md exists, so the generated channel directory is not written" in result.stderr
    # no reviews.md: the site asks for no reviews (no owner, review date or review period)
    assert result.stdout.split() == ("wrote docs/assets/stylesheets/handbook.css wrote docs/roles.md "
                                     "wrote docs/safety.md").split()
    assert (tmp_path / "docs" / "channels.md").read_text(encoding="utf-8") == "# Our own channels page\n"
    # this mkdocs.yml has no extra_css: where to link the stylesheet, and why
    assert "mkdocs.yml: add `extra_css: [assets/stylesheets/handbook.css]`" in result.stderr


def test_generate_never_replaces_a_stylesheet_someone_wrote(tmp_path):
    own = tmp_path / "docs" / "assets" / "stylesheets" / "handbook.css"
    own.parent.mkdir(parents=True)
    own.write_text("/* our own */\n", encoding="utf-8")
    shutil.copy(ROOT / "channel_map.yml", tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - handbook:\n      history: false\n", encoding="utf-8")
    result = handbook("generate", cwd=tmp_path)
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert ("docs/assets/stylesheets/handbook.css exists and was not written by `handbook generate`, so the "
            "handbook's stylesheet is not written: yours is used in its place.") in result.stderr
    assert "wrote docs/assets/stylesheets/handbook.css" not in result.stdout
    assert own.read_text(encoding="utf-8") == "/* our own */\n"


def test_zensical_builds_the_generated_pages_mentions_and_discuss_boxes(tree):
    assert handbook("generate", cwd=tree).returncode == 0
    result = subprocess.run([str(BIN / "zensical"), "build", "--clean"], cwd=tree, capture_output=True, text=True,
                            env=ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    site = tree / "site"
    for page in ("channels", "roles", "changelog", "communities"):
        assert (site / page / "index.html").is_file(), page
    assert 'data-link-status="unchecked"' in (site / "communities" / "index.html").read_text(encoding="utf-8")
    channels = (site / "channels" / "index.html").read_text(encoding="utf-8")
    assert 'id="habits"' in channels
    habits = links_of(site / "habits" / "tiny-habits" / "index.html")
    assert ("handbook-discuss__channel", "../../channels/#habits") in habits
    assert ("handbook-discuss__invite", "https://discord.gg/campfire-practice") in habits
    mentions = [href for cls, href in links_of(site / "habits" / "index.html") if cls == "handbook-mention"]
    assert "../channels/#habits" in mentions
    # the page's dates and contributors from git, before the discuss box
    tiny = (site / "habits" / "tiny-habits" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2026-11-02T10:00:00+00:00">November 2, 2026</time>' in tiny
    assert "<span>Ada</span>" in tiny and "ada@example.org" not in tiny
    assert tiny.index('data-handbook-history="committed"') < tiny.index("data-handbook-discuss")
    # the stylesheet, linked from every page as extra_css, with the rule that underlines the boxes' links
    css = (site / "assets" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    assert ".handbook-discuss a," in css and "text-decoration: underline" in css
    for page in ("index.html", "habits/tiny-habits/index.html", "channels/index.html"):
        stylesheets = [href for rel, href in stylesheets_of(site / page) if rel == "stylesheet"]
        assert [h for h in stylesheets if h.endswith("assets/stylesheets/handbook.css")], (page, stylesheets)
    # generated pages carry no discuss box of their own, and private names stay off every page
    assert "handbook-discuss" not in channels
    assert "mod-team" not in channels and "mod-log" not in channels


def test_mkdocs_still_builds_strictly_over_the_generated_files(tree, tmp_path):
    assert handbook("generate", cwd=tree).returncode == 0
    built = build_site(tree, site_dir=tmp_path / "site")
    assert built.warnings == []
    assert "handbook_generated" not in built.html("channels/index.html")
    assert "Discuss this page" in built.html("habits/tiny-habits/index.html")
    # the plugin's own stylesheet, not the copy for Zensical, and linked once
    shipped = (tmp_path / "site" / "assets" / "stylesheets" / "handbook.css").read_text(encoding="utf-8")
    assert "handbook_generated" not in shipped and ".handbook-discuss a," in shipped
    assert built.html("index.html").count('href="assets/stylesheets/handbook.css"') == 1


@pytest.mark.parametrize("link", ["roles.md", "assets/stylesheets/handbook.css"])
def test_generate_never_writes_through_a_link_out_of_docs(tmp_path, link):
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "docs").mkdir()
    shutil.copy(ROOT / "channel_map.yml", tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nplugins:\n  - handbook:\n      history: false\n",
                                         encoding="utf-8")
    (tmp_path / "docs" / link).parent.mkdir(parents=True, exist_ok=True)
    # a file elsewhere that an earlier `handbook generate` wrote, so generate would replace it
    old = (CSS_HEADER if link.endswith(".css") else HEADER) + "old\n"
    (outside / "target").write_text(old, encoding="utf-8")
    os.symlink(outside / "target", tmp_path / "docs" / link)
    result = handbook("generate", cwd=tmp_path)
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert f"docs/{link}: is a link to {outside / 'target'}, outside {tmp_path / 'docs'}" in result.stderr
    assert "remove the link" in result.stderr
    assert [p.name for p in outside.iterdir()] == ["target"]
    assert (outside / "target").read_text(encoding="utf-8") == old
    assert sorted(p.relative_to(tmp_path / "docs").as_posix() for p in (tmp_path / "docs").rglob("*")
                  if p.is_file() or p.is_symlink()) == [link]  # nothing else written either
