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

def md_text(text: str) -> str:
    """Plain text made safe inside Markdown (see `handbook.text.markdown_text`)."""
    return inert(text)


def render_markdown(
    entries: Sequence[Entry],
    *,
    page_path: str,
    pages: Mapping[str, str],
    limit: int,
    words: Words = ENGLISH,
    feed_url: str | None = None,
    note: str | None = None,
) -> str:
    """The changelog page: months as headings, newest first, at most `limit` entries, in `words`'
    language (its title, labels and Babel's dates).

    `pages` maps the docs path of every page that exists now to its title; a page that is
    missing from it (removed since) is named, not linked. Links are relative to `page_path`.
    `note` is a sentence of `words` (already in the page's language).
    """
    here = posixpath.dirname(page_path)
    lines = [f"# {md_text(words('changelog_title'))}", ""]
    intro = words("changelog_intro")
    if feed_url:
        intro += " " + words("changelog_follow", url=html.escape(feed_url))
    lines += [intro, ""]
    if note:
        lines += [f"*{md_text(note)}*", ""]
    shown = list(entries[: max(limit, 0)])
    if not shown:
        lines += [words("changelog_empty"), ""]
    for (year, month), grouped in groupby(shown, key=lambda e: (e.date.year, e.date.month)):
        group = list(grouped)
        lines += [f"## {words.month(year, month)}", ""]
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
    if len(entries) > len(shown):
        tail = words.count("older_changes", len(entries) - len(shown))
        lines.append(words("older_in_feed", older=tail, url=html.escape(feed_url)) if feed_url else f"{tail}.")
        lines.append("")
    return "\n".join(lines)
