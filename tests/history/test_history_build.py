"""Real MkDocs builds of a handbook in a git repository: page history, changelog page, Atom feed."""

from __future__ import annotations

import logging
import shutil
import subprocess
import xml.etree.ElementTree as ET
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from history_gitrepo import STEP, T0, make_site, page
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

ATOM = "{http://www.w3.org/2005/Atom}"


class Tree(HTMLParser):
    """A small DOM: (tag, attrs, children, text) nodes, enough to query by tag and class."""

    VOID = {"meta", "link", "img", "br", "hr", "input", "source", "path", "use", "rect", "circle"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = {"tag": "#root", "attrs": {}, "children": [], "text": []}
        self.stack = [self.root]
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        node = {"tag": tag, "attrs": dict(attrs), "children": [], "text": []}
        self.stack[-1]["children"].append(node)
        if tag not in self.VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.stack[-1]["children"].append({"tag": tag, "attrs": dict(attrs), "children": [], "text": []})

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i]["tag"] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data):
        self.stack[-1]["children"].append(data)


def find_all(node, tag=None, cls=None):
    for child in node["children"]:
        if isinstance(child, str):
            continue
        if (tag is None or child["tag"] == tag) and (
            cls is None or cls in child["attrs"].get("class", "").split()
        ):
            yield child
        yield from find_all(child, tag, cls)


def text(node) -> str:
    parts = []
    for child in node["children"]:
        parts.append(child if isinstance(child, str) else text(child))
    return " ".join(" ".join(parts).split())


def direct_items(ul):
    return [c for c in ul["children"] if not isinstance(c, str) and c["tag"] == "li"]


def build_site(root: Path, strict: bool = True) -> Path:
    cfg = load_config(config_file=str(root / "mkdocs.yml"), strict=strict)
    build(cfg)
    return Path(cfg.site_dir)


def html_of(site: Path, url: str) -> Tree:
    return Tree((site / url / "index.html" if not url.endswith(".html") else site / url).read_text("utf-8"))


def history_box(site: Path, url: str):
    boxes = list(find_all(html_of(site, url).root, "aside", "handbook-history"))
    assert len(boxes) == 1, f"{url}: {len(boxes)} history boxes"
    return boxes[0]


def when(n: int) -> datetime:
    return datetime.fromtimestamp(T0 + n * STEP, timezone.utc)


def fmt(d: datetime) -> str:
    return f"{d:%B} {d.day}, {d.year}"


@pytest.fixture
def site_repo(tmp_path: Path):
    return make_site(tmp_path / "site")


def test_strict_build_shows_dates_and_contributors_under_each_page(site_repo) -> None:
    repo, ids = site_repo
    site = build_site(repo.root)
    box = history_box(site, "habits/tiny")
    assert box["attrs"]["data-handbook-history"] == "committed"
    updated = next(find_all(box, "span", "handbook-history__updated"))
    created = next(find_all(box, "span", "handbook-history__created"))
    assert next(find_all(updated, "time"))["attrs"]["datetime"] == when(4).isoformat()
    assert text(updated) == fmt(when(4))
    assert text(created) == fmt(when(0))
    assert text(next(find_all(box, "span", "handbook-history__contributors"))) == "Ada Author, Bo Builder"
    # Renames are followed: the renamed page was created with the import.
    renamed = history_box(site, "focus/new-name")
    assert text(next(find_all(renamed, "span", "handbook-history__created"))) == fmt(when(0))
    tea = history_box(site, "café/thé au lait")
    assert "Dee Drafter" in text(tea)
    # No e-mail address anywhere in the site.
    for path in site.rglob("*.html"):
        assert "@example.org" not in path.read_text("utf-8") and "@old.example" not in path.read_text("utf-8")
    assert "@example.org" not in (site / "feed.xml").read_text("utf-8")


def test_names_are_escaped(site_repo) -> None:
    repo, _ = site_repo
    repo.write("docs/habits/tiny.md", page("Tiny habits") + "\nMore.\n")
    # git itself drops < and > from names; & and quotes stay.
    repo.commit("<i>Sneaky</i> subject", name='Mal & "Co" <img src=x>', email="m@example.org")
    site = build_site(repo.root)
    html = (site / "habits" / "tiny" / "index.html").read_text("utf-8")
    assert 'Mal & "Co"' not in html and "Mal &amp; &#34;Co&#34;" in html
    changelog = (site / "changelog" / "index.html").read_text("utf-8")
    assert "<i>Sneaky</i>" not in changelog and 'Mal & "Co"' not in changelog
    assert "&lt;i&gt;Sneaky&lt;/i&gt; subject" in changelog
    feed = ET.parse(site / "feed.xml").getroot()
    first = feed.find(f"{ATOM}entry")
    assert first.findtext(f"{ATOM}title") == "<i>Sneaky</i> subject"
    assert first.findtext(f"{ATOM}author/{ATOM}name").startswith('Mal & "Co"')


def test_history_is_not_in_page_meta(site_repo) -> None:
    repo, _ = site_repo
    cfg = load_config(config_file=str(repo.root / "mkdocs.yml"))
    seen = {}

    def record(page, **kwargs):
        seen[page.file.src_uri] = dict(page.meta)

    cfg.plugins.events["post_page"].append(lambda output, page, config: (record(page), output)[1])
    build(cfg)
    assert seen["habits/tiny.md"] == {}


def test_changelog_page(site_repo) -> None:
    repo, ids = site_repo
    site = build_site(repo.root)
    tree = html_of(site, "changelog")
    article = next(find_all(tree.root, "article"))
    months = [text(h) for h in find_all(article, "h2")]
    assert months == ["December 2023", "November 2023"]
    entries = [li for ul in find_all(article, "ul") for li in direct_items(ul) if next(find_all(li, "strong"), None)]
    heads = [" ".join(text(next(find_all(li, "strong"))).split()) for li in entries]
    subjects = [text(li).split(" · ")[1] for li in entries]
    # Newest first; the typo fix and the merge commit are noise.
    assert subjects == [
        "Warmer welcome",
        "Rename the habits channel, archive focus, add a cohort",
        "Add a page about tea",
        "Remove the sleep page",
        "Rename the deep work page",
        "Expand tiny habits",
        "Import the handbook",
    ]
    assert heads[0] == fmt(when(8)) and heads[-1] == fmt(when(0))
    by_subject = dict(zip(subjects, entries))
    assert "Ada Author, Eve Editor" in text(by_subject["Warmer welcome"])
    assert "Bo Builder" in text(by_subject["Expand tiny habits"])
    # Pages link to where they are now; removed pages are named, not linked.
    links = {text(a): a["attrs"]["href"] for a in find_all(by_subject["Import the handbook"], "a") if a["attrs"].get("href")}
    assert links["Deep work sessions"] == "../focus/new-name/"
    assert "Sleep" not in links and "rest/sleep.md" in text(by_subject["Import the handbook"])
    rename = text(by_subject["Rename the deep work page"])
    assert "Renamed: focus/old-name.md → Deep work sessions" in rename
    removed = by_subject["Remove the sleep page"]
    assert "Removed: rest/sleep.md" in text(removed) and not [a for a in find_all(removed, "a") if a["attrs"].get("href")]
    tea_links = [a["attrs"]["href"] for a in find_all(by_subject["Add a page about tea"], "a") if a["attrs"].get("href")]
    assert tea_links == ["../caf%C3%A9/th%C3%A9%20au%20lait/"]
    assert (site / "café" / "thé au lait" / "index.html").exists()
    channels = text(by_subject["Rename the habits channel, archive focus, add a cohort"])
    assert "#habits renamed to #habit\\-building" not in channels
    channels = channels.replace(" ;", ";")  # text() joins the text of the mention's link with a space
    assert "Channels: #habits renamed to #habit-building; #focus archived; a private topic channel was renamed; a private prompt channel was added" in channels
    page_html = (site / "changelog" / "index.html").read_text("utf-8")
    for secret in ("spring", "autumn", "111111111111111111", "Secret cohort"):
        assert secret not in page_html
    # The changelog page is in the search index.
    assert "Import the handbook" in (site / "search" / "search_index.json").read_text("utf-8")


def test_feed_is_atom_with_every_entry_and_linked_from_the_head(site_repo) -> None:
    repo, ids = site_repo
    mkdocs_yml = repo.root / "mkdocs.yml"
    mkdocs_yml.write_text(mkdocs_yml.read_text() + "      changelog_limit: 2\n      changelog_recent_months: 0\n")
    site = build_site(repo.root)
    feed = ET.parse(site / "feed.xml").getroot()
    assert feed.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert feed.find(f"{ATOM}{required}") is not None
    assert feed.find(f"{ATOM}link[@rel='self']").get("href") == "https://handbook.example.org/feed.xml"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries][:2] == ["Warmer welcome", "Rename the habits channel, archive focus, add a cohort"]
    assert len(entries) == 7  # all of them, although the page shows 2
    ids_seen = set()
    for e in entries:
        assert e.findtext(f"{ATOM}id").startswith("urn:uuid:")
        ids_seen.add(e.findtext(f"{ATOM}id"))
        datetime.fromisoformat(e.findtext(f"{ATOM}updated"))
        assert e.find(f"{ATOM}author/{ATOM}name") is not None
        assert e.find(f"{ATOM}link[@rel='alternate']").get("href").startswith("https://handbook.example.org/changelog/#change-")
        content = e.find(f"{ATOM}content")
        assert content.get("type") == "html"
        Tree(content.text)  # escaped HTML that parses
    assert len(ids_seen) == 7
    assert feed.findtext(f"{ATOM}updated") == when(8).isoformat()
    tea = [e for e in entries if e.findtext(f"{ATOM}title") == "Add a page about tea"][0]
    assert 'href="https://handbook.example.org/caf%C3%A9/th%C3%A9%20au%20lait/"' in tea.find(f"{ATOM}content").text
    feed_text = (site / "feed.xml").read_text("utf-8")
    for secret in ("spring", "autumn", "111111111111111111"):
        assert secret not in feed_text
    # The page shows the limit, and says where the rest is.
    article = next(find_all(html_of(site, "changelog").root, "article"))
    assert len([li for li in find_all(article, "li") if next(find_all(li, "strong"), None)]) == 2
    assert "5 older changes not shown here" in text(article)
    head = next(find_all(html_of(site, "habits/tiny").root, "head"))
    alternates = [l for l in find_all(head, "link") if l["attrs"].get("type") == "application/atom+xml"]
    assert [l["attrs"]["href"] for l in alternates] == ["../../feed.xml"]


def test_uncommitted_and_locally_edited_pages(site_repo) -> None:
    repo, _ = site_repo
    repo.write("docs/draft.md", page("Draft"))
    repo.write("docs/habits/tiny.md", page("Tiny habits") + "\nEdited, not committed.\n")
    site = build_site(repo.root)
    draft = history_box(site, "draft")
    assert draft["attrs"]["data-handbook-history"] == "uncommitted" and "Not yet committed" in text(draft)
    assert not list(find_all(draft, "time"))
    tiny = history_box(site, "habits/tiny")
    assert tiny["attrs"]["data-handbook-history"] == "modified" and "Uncommitted changes" in text(tiny)
    assert text(next(find_all(tiny, "span", "handbook-history__created"))) == fmt(when(0))


def test_no_git_repository_one_warning_and_file_times(site_repo, tmp_path: Path, caplog) -> None:
    repo, _ = site_repo
    plain = tmp_path / "no-git"
    shutil.copytree(repo.root, plain, ignore=shutil.ignore_patterns(".git"))
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(plain, strict=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "Page history is not available" in warnings[0]
    assert "not inside a git repository" in warnings[0] and "`history: false`" in warnings[0]
    box = history_box(site, "habits/tiny")
    assert box["attrs"]["data-handbook-history"] == "file-time"
    mtime = datetime.fromtimestamp((plain / "docs/habits/tiny.md").stat().st_mtime, timezone.utc)
    assert text(next(find_all(box, "span", "handbook-history__updated"))) == fmt(mtime)
    assert not list(find_all(box, "span", "handbook-history__created"))
    assert "No changes recorded yet" in text(html_of(site, "changelog").root)
    with pytest.raises(Abort):
        build_site(plain, strict=True)


def test_git_missing_from_the_machine(site_repo, monkeypatch, caplog) -> None:
    repo, _ = site_repo
    import git

    monkeypatch.setattr(git.Git, "GIT_PYTHON_GIT_EXECUTABLE", "/nonexistent/git")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        build_site(repo.root, strict=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "the git command was not found on this machine" in warnings[0]


def test_shallow_clone_warns_once_and_claims_no_creation_dates(site_repo, tmp_path: Path, caplog) -> None:
    repo, _ = site_repo
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True)
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(clone, strict=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "shallow" in warnings[0] and "fetch-depth: 0" in warnings[0]
    for path in site.rglob("*.html"):
        assert "handbook-history__created" not in path.read_text("utf-8"), path
    index = history_box(site, "")
    assert text(next(find_all(index, "span", "handbook-history__updated"))) == fmt(when(8))
    assert "Creation date unknown" in text(index)
    assert "History not available" in text(history_box(site, "habits/tiny"))
    article = next(find_all(html_of(site, "changelog").root, "article"))
    assert "Warmer welcome" in text(article) and "Import the handbook" not in text(article)


def test_detached_head_build(site_repo) -> None:
    repo, ids = site_repo
    repo.git("checkout", "-q", "--detach", ids["rename"])
    site = build_site(repo.root)
    box = history_box(site, "focus/new-name")
    assert text(next(find_all(box, "span", "handbook-history__updated"))) == fmt(when(2))


def test_existing_changelog_page_is_kept_with_a_warning(site_repo, caplog) -> None:
    repo, _ = site_repo
    repo.write("docs/changelog.md", "# Our own changelog\n")
    repo.commit("Hand-written changelog")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        site = build_site(repo.root, strict=False)
    warnings = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and "docs/changelog.md exists, so the generated changelog page is not written" in warnings[0]
    assert "Our own changelog" in text(html_of(site, "changelog").root)


def test_history_off_and_bad_options(site_repo) -> None:
    repo, _ = site_repo
    mkdocs_yml = repo.root / "mkdocs.yml"
    base = mkdocs_yml.read_text()
    mkdocs_yml.write_text(base.replace("history: true", "history: false"))
    site = build_site(repo.root)
    assert not (site / "feed.xml").exists() and not (site / "changelog").exists()
    assert "handbook-history" not in (site / "habits" / "tiny" / "index.html").read_text("utf-8")
    mkdocs_yml.write_text(base + "      changelog_ignore: ['(unclosed']\n")
    with pytest.raises(Abort):
        build_site(repo.root, strict=False)


def test_serve_rebuilds_reuse_history_until_head_moves(site_repo) -> None:
    """`mkdocs serve` keeps plugins that define on_startup; consecutive configs get the same object."""
    repo, _ = site_repo
    config_file = str(repo.root / "mkdocs.yml")

    def rebuild():
        cfg = load_config(config_file=config_file, strict=True)
        plugin = cfg.plugins["handbook"]
        build(cfg)
        return plugin, Path(cfg.site_dir)

    first = load_config(config_file=config_file)
    first.plugins.on_startup(command="serve", dirty=False)
    plugin, site = rebuild()
    reads = plugin.site_history.reader.reads
    again, site = rebuild()
    assert again is plugin and plugin.site_history.reader.reads == reads
    repo.write("docs/habits/tiny.md", page("Tiny habits") + "\nEdited while serving.\n")
    _, site = rebuild()
    assert plugin.site_history.reader.reads == reads
    assert history_box(site, "habits/tiny")["attrs"]["data-handbook-history"] == "modified"
    repo.commit("Commit while serving", name="Fay Final", email="fay@example.org")
    _, site = rebuild()
    assert plugin.site_history.reader.reads == reads + 1
    box = history_box(site, "habits/tiny")
    assert box["attrs"]["data-handbook-history"] == "committed" and "Fay Final" in text(box)


@pytest.mark.parametrize("listed", [True, False])
def test_explicit_nav_with_or_without_the_changelog(site_repo, listed: bool) -> None:
    repo, _ = site_repo
    mkdocs_yml = repo.root / "mkdocs.yml"
    nav = ["index.md", "habits/index.md", "habits/tiny.md", "focus/index.md", "focus/new-name.md",
           "café/thé au lait.md"] + (["changelog.md"] if listed else [])
    mkdocs_yml.write_text(
        mkdocs_yml.read_text()
        + "validation:\n  omitted_files: warn\nnav:\n"
        + "".join(f"  - '{p}'\n" for p in nav)
    )
    site = build_site(repo.root, strict=True)  # no "not included in the nav" warning either way
    assert (site / "changelog" / "index.html").exists()
    home = (site / "index.html").read_text("utf-8")
    nav_links = [a["attrs"].get("href") for nav in find_all(Tree(home).root, "nav", "md-nav--primary")
                 for a in find_all(nav, "a")]
    assert ("changelog/" in nav_links) is listed
