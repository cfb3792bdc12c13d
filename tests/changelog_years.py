"""A handbook whose git history spans years, for the tests of the changelog's yearly pages.

One commit on the 10th of every month from January 2022 to June 2025 (42 months), and in March
2022 three more whose subjects carry what must never reach a page as written: an e-mail address,
Markdown and HTML, a private channel's name and a mention with a typo (which the changelog
renders but never warns about: commit messages cannot be fixed).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from history_gitrepo import CHANNEL_MAP_V1, GitRepo, page

MKDOCS_YML = """\
site_name: Test Handbook
site_url: https://handbook.example.org/
theme:
  name: material
  language: {language}
validation:
  anchors: warn  # a link to a heading that is not there fails the strict build
plugins:
  - search
  - handbook:
      drift: ignore
      feed_limit: 0
{options}
"""

FIRST, LAST = (2022, 1), (2025, 6)
SPECIALS = [
    "Thanks to eve@example.org for the review",
    "Use *stars* and <b>bold</b> tags",
    "Plan the spring-cohort meetup, then ask in #habbits",
]
"""Subjects of the March 2022 commits (an address, markup, a private channel and a mention)."""


def months() -> list[tuple[int, int]]:
    """Every month of the history, oldest first."""
    found, (year, month) = [], FIRST
    while (year, month) <= LAST:
        found.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return found


@dataclass
class YearsRepo:
    repo: GitRepo
    by_month: dict[tuple[int, int], list[str]] = field(default_factory=dict)
    """(year, month) -> the anchors (`change-<sha>`) of that month's changelog entries."""
    subjects: dict[str, str] = field(default_factory=dict)
    """anchor -> commit subject."""

    @property
    def root(self) -> Path:
        return self.repo.root


def make_years_site(root: Path, options: str = "", language: str = "en") -> YearsRepo:
    repo = GitRepo(root)
    repo.write("mkdocs.yml", MKDOCS_YML.format(language=language, options=options))
    repo.write("channel_map.yml", CHANNEL_MAP_V1)
    repo.write("docs/index.md", page("Welcome"))
    made = YearsRepo(repo)
    for year, month in months():
        subjects = [f"Change {year}-{month:02d}"] + (SPECIALS if (year, month) == (2022, 3) else [])
        for day, subject in enumerate(subjects, start=10):
            repo.clock = int(datetime(year, month, day, 12, tzinfo=timezone.utc).timestamp()) - 1
            repo.write("docs/notes.md", page("Notes") + f"\n{subject}\n")
            anchor = "change-" + repo.commit(subject, step=1)[:12]
            made.by_month.setdefault((year, month), []).insert(0, anchor)
            made.subjects[anchor] = subject
    return made


class Page(HTMLParser):
    """What the tests read of a built page: ids, links, headings and the entries of its article."""

    def __init__(self, site: Path, url: str) -> None:
        super().__init__(convert_charrefs=True)
        self.url = url
        self.ids: dict[str, dict[str, str | None]] = {}
        """id -> the attributes of the element that has it (with its tag as `<tag>`)."""
        self.links: list[tuple[str, str]] = []
        """(href, text) of every link in the article."""
        self.headings: list[tuple[str, str, str]] = []
        """(tag, id, text) of the article's headings."""
        self.link_in: dict[str, str] = {}
        """id of a `<span>` -> the href of the first link in it."""
        self._spans: list[str | None] = []
        self._in_article = 0
        self._link: list[str] | None = None
        self._heading: list[str] | None = None
        self._text: list[str] = []
        self.feed((site / url_file(url)).read_text("utf-8"))

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if "id" in attributes:
            self.ids[attributes["id"] or ""] = {**attributes, "<tag>": tag}
        if tag == "article":
            self._in_article += 1
        if tag == "span":
            self._spans.append(attributes.get("id"))
        if not self._in_article:
            return
        if tag == "a" and "href" in attributes:
            if self._spans and self._spans[-1]:
                self.link_in.setdefault(self._spans[-1] or "", attributes["href"] or "")
            self._link = [attributes["href"] or ""]
            self._text = []
        if tag in ("h1", "h2"):
            self._heading = [tag, attributes.get("id") or ""]
            self._text = []

    def handle_endtag(self, tag):
        if tag == "article":
            self._in_article -= 1
        if tag == "span" and self._spans:
            self._spans.pop()
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join("".join(self._text).split())))
            self._link = None
        if tag in ("h1", "h2") and self._heading is not None:
            self.headings.append((self._heading[0], self._heading[1], " ".join("".join(self._text).split())))
            self._heading = None

    def handle_data(self, data):
        self._text.append(data)

    @property
    def entries(self) -> list[str]:
        """The anchors of the changelog entries on the page, in order."""
        return [i for i in self.ids if i.startswith("change-")]

    @property
    def months(self) -> list[str]:
        """The month headings (h2) of the article, in order."""
        return [text for tag, _, text in self.headings if tag == "h2"]

    def resolve(self, href: str) -> tuple[str, str]:
        """(site-relative URL of the page, fragment) a link of this page leads to."""
        target = urlsplit(urljoin("https://site.test/" + self.url, href))
        return target.path.lstrip("/"), target.fragment


def url_file(url: str) -> str:
    """The file a directory URL is served from (`changelog/2023/` -> `changelog/2023/index.html`)."""
    return url + "index.html" if url.endswith("/") or not url else url
