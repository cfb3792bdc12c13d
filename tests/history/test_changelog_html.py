"""The changelog's entries are HTML that Python-Markdown never parses, and readers see what
the Markdown list showed them: real builds of a real git history over three years (so the
changelog page and its years' pages), once as MkDocs builds it and once with the entries as the
Markdown list `handbook generate` writes for Zensical; the article HTML of every page is compared.
"""

from __future__ import annotations

import re
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
from history_gitrepo import CHANNEL_MAP_V1, GitRepo, page
from mkdocs.commands.build import build
from mkdocs.config import load_config

MKDOCS_YML = """\
site_name: Test Handbook
theme:
  name: material
markdown_extensions:
  - attr_list
  - md_in_html
  - tables
  - pymdownx.arithmatex
  - pymdownx.betterem
  - pymdownx.caret
  - pymdownx.critic
  - pymdownx.keys
  - pymdownx.mark
  - pymdownx.tilde
hooks:
  - record_markdown.py
plugins:
  - search
  - handbook:
      drift: ignore
      channel_directory: channels.md
"""
RECORD_HOOK = """\
from pathlib import Path

def on_page_content(html, page, config, files):
    out = Path(config.site_dir).parent / (Path(config.site_dir).name + "-markdown") / page.file.src_uri
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page.markdown, encoding="utf-8")
"""
HOSTILE = [
    "<script>alert(1)</script> **bold** \\(x\\) ==mark== [link](x) @everyone",
    "Ask in #habits or #focus, never in #spring-cohort",
    "[#habits] (#focus) *#habits* \"#focus\" #focus_x #habits&b \\#habits `#habits`",
    "Costs $5 ~~del~~ ^^ins^^ {++add++} {: .cls} a | b ++ctrl+c++ & &amp; <b>bold</b>",
]
"""Subjects of the oldest commits (on the 2022 page): markup of every kind and mentions."""


@pytest.fixture(scope="module")
def history(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("changelog-html") / "handbook"
    repo = GitRepo(root, start=int(datetime(2022, 1, 3, tzinfo=timezone.utc).timestamp()))
    repo.write("mkdocs.yml", MKDOCS_YML)
    repo.write("record_markdown.py", RECORD_HOOK)
    repo.write("channel_map.yml", CHANNEL_MAP_V1)
    repo.write("docs/index.md", page("Welcome"))
    repo.write("docs/habits/index.md", page("Habits *and* [more]"))
    repo.write("docs/focus/old.md", page("Deep work"))
    repo.write("docs/rest/sleep.md", page("Sleep"))
    repo.commit("Import the handbook", name="Ada <b>Author</b>", step=86_400)
    for n, subject in enumerate(HOSTILE):
        repo.write("docs/habits/index.md", page("Habits *and* [more]") + f"\n{n}\n")
        repo.commit(subject, name="#habits fan" if n == 1 else "Bob", step=86_400)
    repo.mv("docs/focus/old.md", "docs/focus/new page.md")
    repo.commit("Rename the deep work page", step=86_400)
    repo.rm("docs/rest/sleep.md")
    repo.commit("Remove the sleep page", step=86_400)
    for n in range(30):  # one a month or so, to mid-2024
        repo.write("docs/index.md", page("Welcome") + f"\n{n}\n")
        repo.commit(f"Monthly note {n} for #habits", step=30 * 86_400)
    return root


def built(root: Path, name: str, *, markdown_entries: bool) -> Path:
    site = root.parent / name
    config = load_config(config_file=str(root / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    config.plugins["handbook"].site_history.markdown_entries = markdown_entries
    build(config)
    config.plugins.on_shutdown()
    return site


@pytest.fixture(scope="module")
def sites(history):
    return built(history, "site-html", markdown_entries=False), built(history, "site-markdown", markdown_entries=True)


def changelog_pages(site: Path) -> list[str]:
    pages = sorted(p.relative_to(site).as_posix() for p in (site / "changelog").glob("*/index.html"))
    return ["changelog/index.html", *pages]


def article(site: Path, page_file: str) -> str:
    text = (site / page_file).read_text("utf-8")
    body = text[text.index("<article"):text.index("</article>")]
    return re.sub(r">\s+<", "><", body)  # blank lines between blocks are no part of what a reader sees


def test_every_changelog_page_reads_as_the_markdown_list_did(sites):
    as_html, as_markdown = sites
    pages = changelog_pages(as_html)
    assert pages == changelog_pages(as_markdown) and len(pages) == 3, pages  # the page, 2022, 2023
    for page_file in pages:
        assert article(as_html, page_file) == article(as_markdown, page_file), page_file


def test_markdown_gets_one_comment_per_month_in_place_of_its_entries(sites):
    """Python-Markdown passes an HTML comment on as one token: none of the entries' tags is parsed."""
    as_html, _ = sites
    markdown_dir = as_html.parent / "site-html-markdown"
    for name in ("changelog.md", "changelog/2022.md"):
        markdown = (markdown_dir / name).read_text("utf-8")
        months = [m for m in re.findall(r"^## .*$", markdown, re.M) if "Older" not in m]
        markers = re.findall(r"\n\n<!-- handbook-changelog-entries \d+ -->\n(?:\n|$)", markdown)
        assert len(markers) == len(months) > 0, name
        assert "change-" not in markdown and not re.search(r"^- <a id=|^    - ", markdown, re.M)
        page_file = as_html / name.replace(".md", "/index.html")
        assert "handbook-changelog-entries" not in page_file.read_text("utf-8")


class Entries(HTMLParser):
    """The text of each changelog entry (its first line) and the links in it, from built HTML."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.entries: dict[str, str] = {}
        self.links: dict[str, list[tuple[str, str]]] = {}
        self.tags: dict[str, list[str]] = {}
        self._entry: str | None = None
        self._depth = 0
        self._href: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a" and (a.get("id") or "").startswith("change-"):
            self._entry, self._depth = a["id"], 0
            self.entries[self._entry], self.links[self._entry], self.tags[self._entry] = "", [], []
            return
        if self._entry is None:
            return
        if tag == "ul":
            self._entry = None  # the entry's line ends where its list of pages starts
            return
        self.tags[self._entry].append(tag)
        if tag == "a":
            self._href = a.get("href")
            self.links[self._entry].append((self._href or "", ""))
        if tag == "span":
            self.links[self._entry].append(("span." + (a.get("class") or ""), ""))

    def handle_data(self, data):
        if self._entry is not None:
            self.entries[self._entry] += data
            if self.links[self._entry] and self._href is not None:
                href, text = self.links[self._entry][-1]
                self.links[self._entry][-1] = (href, text + data)

    def handle_endtag(self, tag):
        if tag == "a":
            self._href = None


def test_hostile_subjects_show_as_written_and_mentions_link_as_in_prose(sites):
    as_html, _ = sites
    found = Entries((as_html / "changelog/2022/index.html").read_text("utf-8"))
    by_subject = {text.split(" · ")[1]: anchor for anchor, text in found.entries.items()}
    markup = by_subject[HOSTILE[0]]
    assert found.tags[markup] == ["strong", "time", "em"]  # no script, bold, mark or link of the subject
    assert found.entries[markup].endswith(" · Bob")
    mentions = by_subject["Ask in #habits or #focus, never in a private channel"]
    assert found.links[mentions] == [("../../channels/#habits", "#habits"), ("../../channels/#focus", "#focus"),
                                     ("../../channels/#habits", "#habits")]  # the last in an author's name, as before
    assert found.entries[mentions].endswith(" · #habits fan")
    edges = by_subject[HOSTILE[2]]
    # As in the Markdown list: `(` and `"` may open a mention, `[`, `*`, a backslash and code may not.
    # A character reference ends a name (`#focus_x` is #focus: `_` is one, `&` always is).
    assert found.links[edges] == [("../../channels/#focus", "#focus")] * 3 + [("../../channels/#habits", "#habits")]
    assert found.tags[by_subject[HOSTILE[3]]] == ["strong", "time", "em"]
    text = (as_html / "changelog/2022/index.html").read_text("utf-8")
    assert "spring-cohort" not in text and "111111111111111111" not in text
    assert 'Renamed: <code>focus/old.md</code> → <a href="../../focus/new%20page/">Deep work</a>' in text
    assert "Removed: <code>rest/sleep.md</code>" in text
    assert '<a href="../../habits/">Habits and &#91;more&#93;</a>' in text
