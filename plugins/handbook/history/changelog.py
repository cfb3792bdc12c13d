"""The changelog: commits from the history become entries, entries become a Markdown page.

Pure functions of plain data; `handbook.history` reads git, `handbook.feed` writes the Atom feed.
"""

from __future__ import annotations

import html
import posixpath
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from itertools import groupby
from urllib.parse import quote

from handbook.channelmap.changes import diff_channels, read_channels
from handbook.config import PAGE_SUFFIXES
from handbook.history.log import OUTSIDE, Commit, repository_path, without_addresses
from handbook.text.markdown_text import inert
from handbook.i18n import ENGLISH, Words



@dataclass(frozen=True)
class PageRef:
    """A page as a commit saw it (`path`) and where it is today (`current`, None if removed)."""

    path: str
    current: str | None


@dataclass
class Entry:
    sha: str
    date: datetime
    subject: str
    authors: tuple[str, ...]
    added: list[PageRef] = field(default_factory=list)
    updated: list[PageRef] = field(default_factory=list)
    renamed: list[tuple[str, PageRef]] = field(default_factory=list)  # (old path, page)
    removed: list[PageRef] = field(default_factory=list)
    channels: list[str] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"change-{self.sha[:12]}"

    @property
    def empty(self) -> bool:
        return not (self.added or self.updated or self.renamed or self.removed or self.channels)


def compile_ignore(patterns: Iterable[str]) -> list[re.Pattern[str]]:
    """The `changelog_ignore` patterns (the option has checked that each one compiles)."""
    return [re.compile(pattern) for pattern in patterns]


def is_page(path: str) -> bool:
    return path.lower().endswith(PAGE_SUFFIXES)


def build_entries(
    commits: Sequence[Commit],
    map_versions: Mapping[str, bytes],
    ignore: Sequence[re.Pattern[str]],
    *,
    shallow: bool = False,
    skip: Callable[[str], bool] = lambda path: False,
    private: Callable[[str], bool] = lambda name: False,
    words: Words = ENGLISH,
    docs_rel: str = "",
) -> list[Entry]:
    """One entry per meaningful commit, newest first.

    A `Changelog:` trailer gives the entry's text instead of the subject (and is shown even when
    the subject matches an `ignore` pattern: someone wrote it for members); `Changelog: skip`
    leaves the commit out. Left out too: commits whose subject matches an `ignore` pattern
    (without a trailer), commits that changed no page and
    no channel, and the cut-off commit of a shallow clone (it shows every file as added).
    Merge commits never reach here (`git log --no-merges`). `skip` drops paths such as the
    generated changelog itself; `private(name)` says which channel names are private (today's
    private vocabulary), whatever the map said at the time. Channel changes are told in `words`.
    A page renamed before it moved into docs (`docs_rel` in the repository) is told by the path it
    had in the repository then (GitBook's `habits/tiny.md`), never as a `../` path.
    """
    entries: list[Entry] = []
    for commit in commits:
        if shallow and commit.boundary:
            continue
        if commit.is_noise(ignore):
            continue
        entry = Entry(commit.sha, commit.date, without_addresses(commit.headline), commit.authors)
        for change in commit.changes:
            if not is_page(change.path) or skip(change.path):
                continue
            path = change.path
            if path.startswith(OUTSIDE):  # before the page moved into docs: named by where it is now
                if change.current is None:
                    continue
                path = change.current
            ref = PageRef(path, change.current)
            if change.status == "A":
                entry.added.append(ref)
            elif change.status == "D":
                entry.removed.append(ref)
            elif change.status == "R" and change.old is not None:
                old = repository_path(change.old, docs_rel) if change.old.startswith(OUTSIDE) else change.old
                entry.renamed.append((old, ref))
            else:
                entry.updated.append(ref)
        if commit.map_blobs:
            before, after = (map_versions.get(b) if b else None for b in commit.map_blobs)
            changes = diff_channels(read_channels(before), read_channels(after))
            # A channel that was open then but is private now (or was renamed from a private
            # name) is described as private: "a private prompt channel was added".
            entry.channels = [(replace(c, private=True) if private(c.name) or (c.old_name and private(c.old_name))
                               else c).describe(words) for c in changes]
        if not entry.empty:
            entries.append(entry)
    return entries


# --------------------------------------------------------------------------------------------
# Markdown
# --------------------------------------------------------------------------------------------

EntriesBlock = Callable[[Sequence[Entry]], str]
"""One month's entries as a block of raw HTML (`changelog_html.entries_html` for the page)."""


def md_text(text: str) -> str:
    """Plain text made safe inside Markdown (see `handbook.text.markdown_text`)."""
    return inert(text)


def render_markdown(
    entries: Sequence[Entry],
    *,
    page_path: str,
    pages: Mapping[str, str],
    limit: int | None,
    words: Words = ENGLISH,
    feed_url: str | None = None,
    note: str | None = None,
    archives: Sequence[tuple[int, Sequence[Entry]]] = (),
    month_id: Callable[[str], str] = str,
    entries_block: EntriesBlock | None = None,
) -> str:
    """The changelog page: months as headings, newest first, at most `limit` entries (None: all of
    `entries`), in `words`' language (its title, labels and Babel's dates).

    `pages` maps the docs path of every page that exists now to its title; a page that is
    missing from it (removed since) is named, not linked. Links are relative to `page_path`.
    `note` is a sentence of `words` (already in the page's language). `archives` are the older
    years (newest first, as `split_recent` gives them): each is linked, and each of its months
    keeps its old anchor here (`month_id` of its heading: the id the heading had on this page)
    around a link to it on the year's page, which a few lines of script follow when the address
    names it. `entries_block` writes each month's entries (`changelog_html`) instead of a Markdown list.
    """
    intro = words("changelog_intro")
    if feed_url:
        intro += " " + words("changelog_follow", url=html.escape(feed_url))
    lines = [f"# {md_text(words('changelog_title'))}", "", intro, ""]
    if note:
        lines += [f"*{md_text(note)}*", ""]
    shown = list(entries if limit is None else entries[: max(limit, 0)])
    if not shown and not archives:
        lines += [words("changelog_empty"), ""]
    lines += month_lines(shown, page_path=page_path, pages=pages, words=words, entries_block=entries_block)
    if len(entries) > len(shown):
        tail = words.count("older_changes", len(entries) - len(shown))
        lines.append(words("older_in_feed", older=tail, url=html.escape(feed_url)) if feed_url else f"{tail}.")
        lines.append("")
    if archives:
        on_page = {(e.date.year, e.date.month) for e in shown}
        lines += _older_lines(archives, on_page, page_path, words, month_id)
    return "\n".join(lines)


def render_archive(
    year: int,
    entries: Sequence[Entry],
    *,
    changelog_path: str,
    years: Sequence[int],
    pages: Mapping[str, str],
    words: Words = ENGLISH,
    entries_block: EntriesBlock | None = None,
) -> str:
    """The page of one older year (at `archive_uri(changelog_path, year)`): its months as the
    changelog page shows them, with links back to the changelog page and to the other `years`."""
    page_path = archive_uri(changelog_path, year)
    back = f"[{md_text(words('changelog_recent'))}]({_href(changelog_path, page_path)})"
    others = [f"[{other}]({_href(archive_uri(changelog_path, other), page_path)})" for other in years if other != year]
    links = back
    if others:
        links += f" · {words('label_then', label=words('changelog_other_years'))} " + " · ".join(others)
    lines = [f"# {md_text(words('changelog_year_title', year=year))}", "",
             words("changelog_year_intro", year=year), "", links, ""]
    return "\n".join(lines + month_lines(entries, page_path=page_path, pages=pages, words=words,
                                         entries_block=entries_block))


def month_lines(entries: Sequence[Entry], *, page_path: str, pages: Mapping[str, str], words: Words,
                entries_block: EntriesBlock | None = None) -> list[str]:
    """The entries under a heading per month: the body of the changelog page and of each year's page.
    The headings are Markdown (their ids and the table of contents are the site's own); the
    entries are `entries_block`'s HTML when given, else a Markdown list (for Zensical)."""
    here = posixpath.dirname(page_path)
    lines: list[str] = []
    for (year, month), grouped in groupby(entries, key=lambda e: (e.date.year, e.date.month)):
        group = list(grouped)
        lines += [f"## {words.month(year, month)}", ""]
        if entries_block is not None:
            lines += [entries_block(group), ""]
            continue
        for e in group:
            authors = ", ".join(md_text(a) for a in e.authors)
            time = f'<time datetime="{e.date.date().isoformat()}">{words.date(e.date)}</time>'
            head = f'- <a id="{e.anchor}"></a>**{time}** · {md_text(e.subject)}'
            if authors:
                head += f" · *{authors}*"
            lines.append(head)

            def link(ref: PageRef) -> str:
                if ref.current is not None and ref.current in pages:
                    target = quote(posixpath.relpath(ref.current, here or "."))
                    return f"[{md_text(pages[ref.current] or ref.current)}]({target})"
                code = f"<code>{html.escape(ref.path)}</code>"
                return f"{code} {words('removed_since')}" if ref.current is None else code

            def item(kind: str) -> str:
                return f"    - {words('label_then', label=words(f'change_{kind}_label'))} "

            if e.added:
                lines.append(item("added") + ", ".join(link(r) for r in e.added))
            if e.updated:
                lines.append(item("updated") + ", ".join(link(r) for r in e.updated))
            if e.renamed:
                lines.append(
                    item("renamed")
                    + ", ".join(f"<code>{html.escape(old)}</code> → {link(r)}" for old, r in e.renamed)
                )
            if e.removed:
                lines.append(
                    item("removed")
                    + ", ".join(f"<code>{html.escape(r.path)}</code>" for r in e.removed)
                )
            if e.channels:
                lines.append(item("channels") + "; ".join(md_text(c) for c in e.channels))
        lines.append("")
    return lines


# --------------------------------------------------------------------------------------------
# The recent months on the changelog page, older years on pages of their own
# --------------------------------------------------------------------------------------------

def split_recent(entries: Sequence[Entry], months: int,
                 limit: int) -> tuple[list[Entry], list[tuple[int, list[Entry]]]]:
    """(the changelog page's entries, [(year, its entries)] of the older years, newest first).

    The page keeps the newest `months` months, counted back from the month of the newest entry
    (so the pages change with the history, not with the day of the build), and of those at most
    the newest `limit` entries: the rest of a month cut there is on its year's page. `months` 0:
    one page. Months are the dates' own (each commit's time zone), as the headings say.
    """
    if months <= 0 or not entries:
        return list(entries), []
    first = _month_number(entries[0]) - months
    recent = next((i for i, e in enumerate(entries) if _month_number(e) <= first), len(entries))
    recent = min(recent, limit)
    archives = [(year, list(group)) for year, group in groupby(entries[recent:], key=lambda e: e.date.year)]
    return list(entries[:recent]), archives


def _month_number(entry: Entry) -> int:
    return entry.date.year * 12 + entry.date.month - 1


def archive_uri(changelog_uri: str, year: int) -> str:
    """Where the page of `year` goes: `changelog/2023.md` beside `changelog.md` (so at
    `changelog/2023/`), `news/2023.md` for a changelog at `news/index.md`."""
    folder, name = posixpath.split(changelog_uri)
    stem = posixpath.splitext(name)[0]
    base = folder if stem.lower() in ("index", "readme") else posixpath.join(folder, stem)
    return posixpath.join(base, f"{year}.md")


def archive_glob(changelog_uri: str) -> str:
    """Every year's page of the changelog at `changelog_uri`, as a glob (`changelog/[0-9]...md`)."""
    return archive_uri(changelog_uri, 0).replace("0.md", "[0-9][0-9][0-9][0-9].md")


def is_changelog_page(changelog_uri: str, uri: str) -> bool:
    """Whether `uri` is the changelog page at `changelog_uri` or one of its years' pages."""
    return bool(changelog_uri) and (uri == changelog_uri or is_archive_uri(changelog_uri, uri))


def is_archive_uri(changelog_uri: str, uri: str) -> bool:
    """Whether `uri` is where `archive_uri` puts one of the changelog's years."""
    name = posixpath.basename(uri)
    if not changelog_uri or not re.fullmatch(r"[0-9]{4}\.md", name):
        return False
    return archive_uri(changelog_uri, int(name[:4])) == uri


def _older_lines(archives: Sequence[tuple[int, Sequence[Entry]]], on_page: set[tuple[int, int]], page_path: str,
                 words: Words, month_id: Callable[[str], str]) -> list[str]:
    """The years before the page's months, linked, and a link per month that carries the id its
    heading had here, so an old address `changelog/#november-2023` still finds that month (a
    month that starts on this page, `on_page`, keeps its heading's id here). The links are
    Markdown links to the year's `.md` page, which MkDocs and Zensical both turn into its URL
    (and MkDocs checks the anchor); the id is on a `<span>` around one, since a Markdown link
    cannot carry an id without `attr_list`."""
    lines = [f"## {md_text(words('changelog_older_title'))}", ""]
    for year, entries in archives:
        year_page = _href(archive_uri(page_path, year), page_path)
        months = []
        for month in dict.fromkeys(e.date.month for e in entries):
            anchor = month_id(words.month(year, month))
            link = f"[{md_text(words.month_name(month))}]({year_page}#{quote(anchor)})"
            if (year, month) not in on_page:
                link = f'<span id="{html.escape(anchor)}" data-handbook-archived>{link}</span>'
            months.append(link)
        year_link = f"[{year}]({year_page})"
        lines.append(f"- {words('label_then', label=f'**{year_link}**')} " + " · ".join(months))
    return lines + ["", FORWARD_SCRIPT, ""]


FORWARD_SCRIPT = (
    "<script>(function () {\n"
    "  var id = location.hash.slice(1), mark = null;\n"
    "  try { mark = id && document.getElementById(decodeURIComponent(id)); } catch (e) {}\n"
    "  var link = mark && mark.hasAttribute(\"data-handbook-archived\") && mark.querySelector(\"a[href]\");\n"
    "  if (link) location.replace(link.href);\n"
    "})();</script>"
)
"""An old address of an archived month (`changelog/#november-2023`) goes on to its year's page.
Inline, so it asks nothing of any server; without JavaScript the month's link is there to follow."""


def _href(target: str, page_path: str) -> str:
    """A Markdown link target from the page at `page_path` to the page at `target` (docs paths)."""
    return quote(posixpath.relpath(target, posixpath.dirname(page_path) or "."))
