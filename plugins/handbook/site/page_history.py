"""What one page's history box says: its dates, contributors and note, from one build's snapshot.

Shared by the plugin (`handbook.site.history`, for the `source-file.html` partial) and the
Markdown extension Zensical runs (`handbook.site.standalone`), so both show the same facts by the
same rules: names only (git's `%aN`, `.mailmap` and `Co-authored-by:` already applied by
`handbook.history`), the build's privacy step, and a note instead of a guess when git cannot say.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timezone

from handbook import i18n
from handbook.history.dates import date_notice
from handbook.history.git import Snapshot
from handbook.history.log import FileRecord, History, shown_names


@dataclass(frozen=True)
class PageHistory:
    """What the page templates get as `handbook_history`."""

    updated: datetime | None = None
    """When the page last changed (its last commit, or the file's time without git)."""
    created: datetime | None = None
    """When the page was first committed, following renames (None in a shallow clone)."""
    contributors: tuple[str, ...] = ()
    """Display names of the page's authors and co-authors (after `.mailmap`, never e-mail addresses)."""
    state: str = "committed"  # committed | modified | uncommitted | file-time | unknown
    """`committed`, `modified`, `uncommitted`, `file-time` or `unknown`: where the dates come from."""
    note: str | None = None
    """A sentence for the reader when the dates are not the whole story (uncommitted changes, no git)."""
    locale: str = "en"
    """The site's `theme.language`: dates are written as its people write them (Babel)."""

    @property
    def updated_text(self) -> str | None:
        """`updated` as the site's language writes a date."""
        return i18n.format_date(self.updated, self.locale) if self.updated else None

    @property
    def created_text(self) -> str | None:
        """`created` as the site's language writes a date."""
        return i18n.format_date(self.created, self.locale) if self.created else None

    @property
    def updated_iso(self) -> str | None:
        """`updated` in ISO 8601, for `<time datetime>`."""
        return self.updated.isoformat(timespec="seconds") if self.updated else None

    @property
    def created_iso(self) -> str | None:
        """`created` in ISO 8601, for `<time datetime>`."""
        return self.created.isoformat(timespec="seconds") if self.created else None


def page_history(snap: Snapshot, src_uri: str, abs_src_path: str, words: i18n.Words,
                 redact: Callable[[str], str] | None = None,
                 exclude: Sequence[re.Pattern[str]] = ()) -> PageHistory:
    """The history of the page at `src_uri` (docs-relative) whose file is `abs_src_path`; authors
    `exclude` matches (`contributors_exclude`: bots) are not named."""
    history = snap.history
    locale = words.locale
    if history.problem and history.head is None and not history.problem.endswith("no commits yet"):
        return PageHistory(updated=mtime(abs_src_path), state="file-time", locale=locale)
    record: FileRecord | None = history.files.get(src_uri)
    local = snap.worktree.get(src_uri)
    names = shown_names(record.contributor_names, exclude) if record else ()
    if redact is not None:
        names = tuple(dict.fromkeys(redact(n) for n in names))
    if local == "new" or (record is None and not history.shallow):
        return PageHistory(state="uncommitted", note=words("not_committed"), locale=locale)
    if local == "modified":
        return PageHistory(
            updated=mtime(abs_src_path),
            created=record.created if record else None,
            contributors=names,
            state="modified",
            note=words("uncommitted"),
            locale=locale,
        )
    if record is None:
        return PageHistory(state="unknown", note=words("shallow_unknown"), locale=locale)
    note = words("created_unknown") if history.shallow and record.created is None else None
    return PageHistory(record.updated, record.created, names, "committed", note, locale=locale)


SHALLOW_PRIVATE_NAMES = ("the private-name checks are incomplete: earlier names of private channels (in "
                         "versions of the channel map before the clone's first commit) are not known, so a "
                         "page that still uses one would publish it")
"""What a shallow clone costs the privacy step (`handbook.site.privacy`), for every output that says so."""
FETCH_FULL_HISTORY = ("Fetch the full history (GitHub Actions: `fetch-depth: 0` for actions/checkout; "
                      "otherwise `git fetch --unshallow`).")


def history_notices(history: History, option_home: str = "under the handbook plugin") -> list[tuple[int, str]]:
    """Everything a build says once about its history: `history_notice`, then the commit dates it
    changed (`handbook.history.dates`), as (log level, message)."""
    notice, dates = history_notice(history, option_home), date_notice(history.date_fixes)
    return [*([notice] if notice else []), *([(logging.INFO, dates)] if dates else [])]


def history_notice(history: History, option_home: str = "under the handbook plugin") -> tuple[int, str] | None:
    """What a build says once about its history (log level, message), or None when all is well;
    `option_home` says where `history: false` goes."""
    if history.problem:
        if history.problem.endswith("no commits yet"):
            return logging.INFO, f"Page history: {history.problem}; every page shows as not yet committed."
        return logging.WARNING, (
            f"Page history is not available: {history.problem}. Page dates fall back to "
            f"file modification times. Set `history: false` {option_home} to turn this off."
        )
    if history.shallow:
        return logging.WARNING, (
            "This git clone is shallow, so creation dates and older changes are unknown and "
            f"are not shown, and {SHALLOW_PRIVATE_NAMES}. {FETCH_FULL_HISTORY}"
        )
    return None


def mtime(path: str) -> datetime | None:
    """The file's modification time: the date of an edit git does not know of yet."""
    try:
        return datetime.fromtimestamp(os.stat(path).st_mtime, timezone.utc)
    except OSError:
        return None
