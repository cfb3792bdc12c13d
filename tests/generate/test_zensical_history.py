"""Page dates and contributors under every page of a Zensical build (`handbook.site.standalone`).

Real `zensical build`s of a small real git repository: two authors (one through `.mailmap`), a
co-author, three commits on pinned dates, 50 pages. Git is counted through a `git` on PATH that logs every
command before running the real one, because Zensical renders the pages in its own process.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.dates import format_date
from history_gitrepo import CHANNEL_MAP_V1, GitRepo, page

BIN = Path(sys.executable).parent
T0 = 1_700_000_000
DAY = 86_400
PAGES = 50
MKDOCS_YML = """\
site_name: Test Handbook
docs_dir: docs
markdown_extensions:
  - handbook.site.standalone:
      channel_map: channel_map.yml
{options}
"""


def git_words(args: list[str]) -> str:
    """The git subcommand of a logged command line (after `-c name=value` and other options)."""
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg == "-c":
            skip = True
        elif not arg.startswith("-"):
            return arg
    return ""


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> GitRepo:
    root = tmp_path_factory.mktemp("zensical-history") / "handbook"
    repo = GitRepo(root, start=T0 - DAY)
    repo.write("mkdocs.yml", MKDOCS_YML.format(options="      language: en"))
    repo.write(".mailmap", "Bo Builder <bo@example.org> Bob B <bo@old.example>\n")
    repo.write("channel_map.yml", CHANNEL_MAP_V1)
    repo.write("docs/index.md", page("Welcome"))
    repo.write("docs/habits/index.md", page("Habits"))
    repo.write("docs/habits/tiny.md", page("Tiny habits"))
    for i in range(PAGES - 3):
        repo.write(f"docs/more/page-{i}.md", page(f"Page {i}"))
    repo.commit("Import the handbook", name="Ada Author", email="ada@example.org", step=DAY)
    repo.write("docs/habits/tiny.md", page("Tiny habits") + "\nA second paragraph.\n")
    repo.commit("Expand tiny habits\n\nCo-authored-by: Eve Editor <eve@example.org>", name="Bob B",
                email="bo@old.example", step=2 * DAY)
    repo.write("docs/index.md", page("Welcome") + "\nHello again.\n")
    repo.commit("Warmer welcome", name="Ada Author", email="ada@example.org", step=DAY)
    return repo


def zensical_build(root: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, list[str]]:
    """`zensical build --clean` in `root`, and the git subcommands run while it built."""
    real_git = shutil.which("git")
    assert real_git
    wrapper_dir, calls = tmp_path / "bin", tmp_path / "git-calls"
    wrapper_dir.mkdir(exist_ok=True)
    wrapper = wrapper_dir / "git"
    wrapper.write_text(f'#!/bin/sh\nprintf "%s\\0" "$@" >> "{calls}"\nprintf "\\n" >> "{calls}"\n'
                       f'exec "{real_git}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    calls.write_text("", encoding="utf-8")
    env = {**os.environ, "PATH": f"{wrapper_dir}{os.pathsep}{os.environ['PATH']}", "TZ": "UTC",
           "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    env.pop("GIT_PYTHON_GIT_EXECUTABLE", None)
    result = subprocess.run([str(BIN / "zensical"), "build", "--clean"], cwd=root, capture_output=True, text=True,
                            env=env)
    lines = [line.strip("\0").split("\0") for line in calls.read_text(encoding="utf-8").splitlines() if line]
    return result, [git_words(args) for args in lines]


class HistoryBox(HTMLParser):
    """The facts of the page's history box: class of each fact -> its text; `<time datetime>`s."""

    def __init__(self) -> None:
        super().__init__()
        self.facts: dict[str, str] = {}
        self.times: dict[str, str] = {}
        self.state: str | None = None
        self._fact: str | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if "handbook-history" in classes:
            self.state = attrs.get("data-handbook-history")
        fact = next((c.removeprefix("handbook-history__") for c in classes if c.startswith("handbook-history__")
                     and c != "handbook-history__label"), None)
        if fact is not None and tag == "span":
            self._fact, self._depth = fact, 0
            self.facts[fact] = ""
        if self._fact is not None:
            self._depth += tag != "svg" and tag not in ("path",)
            if tag == "time":
                self.times[self._fact] = attrs.get("datetime") or ""

    def handle_endtag(self, tag):
        if self._fact is not None and tag not in ("svg", "path"):
            self._depth -= 1
            if self._depth == 0:
                self._fact = None

    def handle_data(self, data):
        if self._fact is not None:
            self.facts[self._fact] += data


def box_of(html: str) -> HistoryBox:
    parser = HistoryBox()
    parser.feed(html)
    return parser


def iso(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).isoformat(timespec="seconds")


@pytest.fixture(scope="module")
def built(repo, tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess, list[str]]:
    result, calls = zensical_build(repo.root, tmp_path_factory.mktemp("git-calls"))
    assert result.returncode == 0, result.stdout + result.stderr
    return repo.root / "site", result, calls


def test_every_page_shows_its_dates_and_contributors_from_git(built):
    site, result, _ = built
    created, updated = T0, T0 + 2 * DAY  # the import, then Bo's edit with Eve
    tiny = (site / "habits" / "tiny" / "index.html").read_text(encoding="utf-8")
    box = box_of(tiny)
    assert box.state == "committed"
    assert box.times == {"updated": iso(updated), "created": iso(created)}
    assert box.facts["updated"].strip() == format_date(datetime.fromtimestamp(updated, timezone.utc).date(),
                                                       format="long", locale="en")
    # most commits first, then by name: each made one; Bob B is Bo Builder by .mailmap
    assert box.facts["contributors"].strip() == "Ada Author, Bo Builder, Eve Editor"
    # the labels the theme gives its own box, for screen readers and on hover
    assert 'aria-label="Last update"' in tiny and 'aria-label="Contributors"' in tiny
    welcome = box_of((site / "index.html").read_text(encoding="utf-8"))
    assert welcome.times == {"updated": iso(T0 + 3 * DAY), "created": iso(created)}
    assert welcome.facts["contributors"].strip() == "Ada Author"
    assert "Traceback" not in result.stdout + result.stderr


def test_no_email_address_or_unmapped_name_reaches_the_site(built):
    site, _, _ = built
    for html_file in site.rglob("*.html"):
        text = html_file.read_text(encoding="utf-8")
        assert not re.search(r"[\w.+-]+@(example\.org|old\.example)", text), html_file
        assert "Bob B<" not in text and "Bob B," not in text, html_file


def test_the_history_box_comes_before_the_discuss_box(built):
    site, _, _ = built
    tiny = (site / "habits" / "tiny" / "index.html").read_text(encoding="utf-8")
    assert 0 < tiny.index('class="md-source-file handbook-history"') < tiny.index("data-handbook-discuss")


def test_git_runs_once_for_the_whole_build(built):
    site, _, calls = built
    assert len(list(site.rglob("index.html"))) >= PAGES
    assert calls.count("log") == 1, calls
    assert len(calls) < 10, calls  # rev-parse, log, check-mailmap, status, cat-file: not one per page


def test_history_false_shows_no_history(repo, tmp_path):
    tree = tmp_path / "handbook"
    shutil.copytree(repo.root, tree, ignore=shutil.ignore_patterns("site"))
    (tree / "mkdocs.yml").write_text(MKDOCS_YML.format(options="      history: false"), encoding="utf-8")
    result, calls = zensical_build(tree, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "log" not in calls
    pages = list((tree / "site").rglob("index.html"))
    assert pages and not any("handbook-history" in p.read_text(encoding="utf-8") for p in pages)
    assert "data-handbook-discuss" in (tree / "site" / "habits" / "tiny" / "index.html").read_text(encoding="utf-8")


def test_the_site_language_names_the_facts_and_writes_the_dates(repo, tmp_path):
    tree = tmp_path / "handbook"
    shutil.copytree(repo.root, tree, ignore=shutil.ignore_patterns("site"))
    (tree / "mkdocs.yml").write_text(MKDOCS_YML.format(options="      language: de"), encoding="utf-8")
    result, _ = zensical_build(tree, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    tiny = (tree / "site" / "habits" / "tiny" / "index.html").read_text(encoding="utf-8")
    box = box_of(tiny)
    updated = datetime.fromtimestamp(T0 + 2 * DAY, timezone.utc).date()
    assert box.facts["updated"].strip() == format_date(updated, format="long", locale="de")
    assert 'aria-label="Letztes Update"' in tiny and 'aria-label="Mitwirkende"' in tiny


def test_a_shallow_clone_says_what_it_cannot_know(repo, tmp_path):
    clone = tmp_path / "shallow"  # the last two commits: the welcome edit, and Bo's at the cut-off
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True,
                   capture_output=True)
    result, _ = zensical_build(clone, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert "This git clone is shallow" in result.stdout + result.stderr  # the plugin's message, once
    assert (result.stdout + result.stderr).count("This git clone is shallow") == 1
    welcome = box_of((clone / "site" / "index.html").read_text(encoding="utf-8"))
    assert welcome.times == {"updated": iso(T0 + 3 * DAY)}  # created before the cut-off: not claimed
    assert welcome.facts["note"] == "Creation date unknown (shallow clone)"
    tiny = box_of((clone / "site" / "habits" / "tiny" / "index.html").read_text(encoding="utf-8"))
    assert tiny.state == "unknown" and tiny.times == {}
    assert tiny.facts["note"] == "History not available in this shallow clone"


def test_without_git_history_pages_show_their_file_dates_and_no_traceback(repo, tmp_path):
    tree = tmp_path / "handbook"
    shutil.copytree(repo.root, tree, ignore=shutil.ignore_patterns("site", ".git"))
    result, _ = zensical_build(tree, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    tiny = tree / "docs" / "habits" / "tiny.md"
    box = box_of((tree / "site" / "habits" / "tiny" / "index.html").read_text(encoding="utf-8"))
    assert box.state == "file-time"
    assert box.times == {"updated": iso(int(tiny.stat().st_mtime))}
    assert "contributors" not in box.facts


def test_zensical_shows_the_same_facts_as_the_plugin_under_mkdocs(repo, tmp_path):
    from sitekit import build_site

    tree = tmp_path / "handbook"
    shutil.copytree(repo.root, tree, ignore=shutil.ignore_patterns("site"))
    (tree / "mkdocs.yml").write_text(MKDOCS_YML.format(options="") + "theme:\n  name: material\nplugins:\n"
                                     "  - handbook:\n      drift: ignore\n", encoding="utf-8")
    result, _ = zensical_build(tree, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    mkdocs_site = build_site(tree, site_dir=tmp_path / "mkdocs-site").site_dir
    compared = 0
    for page_file in sorted((tree / "site").rglob("index.html")):
        rel = page_file.relative_to(tree / "site")
        if rel.parts[0] in ("search", "assets") or not (tree / "docs" / rel.parent).with_suffix(".md").exists() \
                and not (tree / "docs" / rel.parent / "index.md").exists():
            continue  # Zensical's and MkDocs' own pages, not the handbook's
        ours, plugins = box_of(page_file.read_text(encoding="utf-8")), \
            box_of((mkdocs_site / rel).read_text(encoding="utf-8"))
        assert ours.times and "contributors" in ours.facts, rel
        assert (ours.state, ours.times) == (plugins.state, plugins.times), rel
        assert {k: v.strip() for k, v in ours.facts.items()} == {k: v.strip() for k, v in plugins.facts.items()}, rel
        compared += 1
    assert compared == PAGES


REVIEWED_PAGE = """\
---
owner: "@cohort"
last_reviewed: 2020-01-02
---
# Tiny habits

Start with one push-up.
"""


def review_facts(html: str) -> tuple[str | None, str, bool]:
    """(the review line's date, its text, whether the overdue banner follows the title)."""
    found = re.search(r'<span class="md-source-file__fact handbook-review" data-handbook-review="([^"]+)">(.*?)</span>\s*'
                      r'</span>', html, re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", re.sub(r"<svg.*?</svg>", "", found.group(2), flags=re.S)).split()) \
        if found else ""
    banner = re.search(r"</h1>\s*<div class=\"admonition warning handbook-review-banner\">", html) is not None
    return (found.group(1) if found else None), text, banner


@pytest.mark.parametrize("history", ["true", "false"])
def test_review_line_and_overdue_banner_as_the_plugin_shows_them(repo, tmp_path, history):
    from sitekit import build_site

    tree = tmp_path / "handbook"
    shutil.copytree(repo.root, tree, ignore=shutil.ignore_patterns("site"))
    (tree / "docs" / "habits" / "tiny.md").write_text(REVIEWED_PAGE, encoding="utf-8")
    (tree / "mkdocs.yml").write_text(
        MKDOCS_YML.format(options=f"      history: {history}") + "theme:\n  name: material\nplugins:\n  - handbook:\n"
        f"      drift: ignore\n      history: {history}\n      review_every: 1 year\n      review_banner: true\n",
        encoding="utf-8")
    result, _ = zensical_build(tree, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    ours = review_facts((tree / "site" / "habits" / "tiny" / "index.html").read_text(encoding="utf-8"))
    assert ours == ("2020-01-02", "Reviewed on January 2, 2020 by @cohort", True)
    plugins = build_site(tree, site_dir=tmp_path / "mkdocs-site").html("habits/tiny/index.html")
    assert review_facts(plugins) == ours
    unreviewed = (tree / "site" / "habits" / "index.html").read_text(encoding="utf-8")
    assert "handbook-review" not in unreviewed


def test_a_bad_plugin_option_stops_the_build_with_one_line(repo, tmp_path):
    """As `mkdocs build` stops on it: the options are the plugin's, read by the one loader."""
    tree = tmp_path / "handbook"
    shutil.copytree(repo.root, tree, ignore=shutil.ignore_patterns("site"))
    (tree / "docs" / "habits" / "tiny.md").write_text(REVIEWED_PAGE, encoding="utf-8")
    (tree / "mkdocs.yml").write_text(MKDOCS_YML.format(options="") + "plugins:\n  - handbook:\n"
                                     "      review_timezone: Mars/Olympus\n", encoding="utf-8")
    result, _ = zensical_build(tree, tmp_path)
    output = result.stdout + result.stderr
    assert result.returncode == 2, output
    assert "Traceback" not in output
    errors = [line for line in output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1, output
    line = (tree / "mkdocs.yml").read_text(encoding="utf-8").splitlines().index("      review_timezone: Mars/Olympus") + 1
    assert errors[0].startswith(f"Error: mkdocs.yml:{line}: "), errors
    assert "review_timezone" in errors[0] and "Fix:" in errors[0], errors


def test_bots_are_not_named_under_a_zensical_page(tmp_path):
    repo = GitRepo(tmp_path / "handbook", start=T0)
    repo.write("mkdocs.yml", MKDOCS_YML.format(options="      language: en"))
    repo.write("channel_map.yml", CHANNEL_MAP_V1)
    repo.write("docs/index.md", page("Welcome"))
    repo.commit("Write the welcome page", name="Ada Author", email="ada@example.org")
    repo.write("docs/index.md", page("Welcome") + "\nLinks refreshed.\n")
    repo.commit("Refresh the link status", name="github-actions[bot]",
                email="41898282+github-actions[bot]@users.noreply.github.com")
    result, _ = zensical_build(repo.root, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    box = box_of((repo.root / "site" / "index.html").read_text(encoding="utf-8"))
    assert box.facts["contributors"].strip() == "Ada Author"
