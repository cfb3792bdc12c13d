"""`git log` output as data: commits, the files they touched, and per-file dates and authors.

Pure functions of the text git printed (no git here), so they are tested with tables of cases.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from handbook.history.dates import EPOCH, DateFixes

# --------------------------------------------------------------------------------------------
# The history of docs/ and the channel map: one `git log` pass.
# --------------------------------------------------------------------------------------------

_FIELD, _RECORD = "\x1f", "\x1e"
LOG_FORMAT = (
    "%x1e%H%x1f%P%x1f%aI%x1f%aN%x1f%s%x1f"
    "%(trailers:key=Co-authored-by,valueonly,unfold,separator=%x1d)%x1f"
    "%(trailers:key=Changelog,valueonly,unfold,separator=%x1d)"
)
_COAUTHOR = re.compile(r"^\s*(.*?)\s*(?:<([^>]*)>)?\s*$")
EMAIL = re.compile(r"<?([\w.!#$%&'*+/=?^`{|}~-]+)@[\w-]+(?:\.[\w-]+)*>?")
_USABLE_LOCAL_PART = re.compile(r"^[^\W\d_][\w.-]*$")
_NOT_A_NAME = frozenset({"noreply", "no-reply", "donotreply", "do-not-reply", "root", "git", "user"})
ANONYMOUS = "a contributor"
SKIP = "skip"
"""`Changelog: skip` hides a commit from the changelog, the feed and announcements."""


def display_name(name: str) -> str:
    """A name fit to publish: never an e-mail address. An address becomes its local part when
    that reads as a name (`ivan@example.org` -> `ivan`, GitHub's `123+ivan@users.noreply...`
    -> `ivan`), else "a contributor"."""

    shown = " ".join(without_addresses(name).split())
    return shown or ANONYMOUS


def without_addresses(text: str) -> str:
    """`text` with every e-mail address replaced as `display_name` replaces one (its local part,
    else "a contributor"): for commit subjects and `Changelog:` lines bound for the site."""

    def local(m: re.Match[str]) -> str:
        part = re.sub(r"^\d+\+", "", m.group(1))
        return part if _USABLE_LOCAL_PART.match(part) and part.lower() not in _NOT_A_NAME else ANONYMOUS

    return EMAIL.sub(local, text) if "@" in text else text


def shown_names(names: Iterable[str], exclude: Sequence[re.Pattern[str]]) -> tuple[str, ...]:
    """`names` without those a `contributors_exclude` pattern matches (bots such as
    `dependabot[bot]` write commits but are not the people who wrote the handbook)."""
    return tuple(name for name in names if not any(pattern.search(name) for pattern in exclude))


@dataclass(frozen=True)
class Contact:
    """A `Co-authored-by:` value as written: a name and an e-mail address, either may be empty."""

    name: str
    email: str

    @classmethod
    def parse(cls, value: str) -> "Contact | None":
        m = _COAUTHOR.match(value)
        if not m or not (m.group(1) or m.group(2)):
            return None
        name, email = m.group(1), (m.group(2) or "").strip()
        if not email and (bare := EMAIL.fullmatch(name)):  # `Co-authored-by: ivan@example.org`
            name, email = "", bare.group(0).strip("<>")
        return cls(name, email)

    def as_git(self) -> str | None:
        """The form `git check-mailmap` reads, or None without an address to look up."""
        return f"{self.name} <{self.email}>" if self.email and self.name else f"<{self.email}>" if self.email else None


@dataclass(frozen=True)
class Change:
    """One file a commit touched, with paths relative to `docs_dir`.

    `status` is A (added), M (updated), D (removed) or R (renamed from `old`). `current` is where
    the file is now (after every later rename), or None when that file no longer exists.
    """

    status: str
    path: str
    old: str | None = None
    current: str | None = None
    moved_in: bool = False
    """Moved into docs from elsewhere in the repository, unchanged (R100): not writing the page."""


OUTSIDE = "../"
"""How a path outside `docs_dir` starts, as `parse_log(outside=True)` gives it: the page's path
before a move into docs (`../habits/tiny.md` became `habits/tiny.md`)."""


def repository_path(path: str, docs_rel: str) -> str:
    """A path relative to docs as a path in the repository (`../habits/tiny.md` of docs `docs` is
    `habits/tiny.md`): where a page was before it moved into docs, as people knew it then."""
    return posixpath.normpath(posixpath.join(docs_rel, path)) if docs_rel else path


@dataclass
class Commit:
    sha: str
    date: datetime
    author: str
    coauthors: tuple[str, ...]
    subject: str
    boundary: bool  # no parents: the root commit, or the cut-off commit of a shallow clone
    changes: list[Change] = field(default_factory=list)
    map_blobs: tuple[str | None, str | None] | None = None  # channel map (before, after)
    changelog: str | None = None
    """The `Changelog:` trailer: the line members see instead of the subject, or `skip`."""
    coauthor_contacts: tuple[Contact, ...] = ()
    """`Co-authored-by:` as written (for `.mailmap`); `coauthors` are the names shown."""

    @property
    def authors(self) -> tuple[str, ...]:
        """Display names: the author (mailmap applied by git) and co-authors, never an address."""
        seen = dict.fromkeys(display_name(n) for n in (self.author, *self.coauthors) if n.strip())
        return tuple(seen)

    @property
    def skipped(self) -> bool:
        """`Changelog: skip`: the commit is not news for members."""
        return (self.changelog or "").strip().lower() == SKIP

    def is_noise(self, ignore: Sequence[re.Pattern[str]]) -> bool:
        """Not news for members: `Changelog: skip`, or a subject that matches one of the
        `changelog_ignore` patterns (typo and whitespace fixes) with no `Changelog:` line, which
        someone wrote for members. The one rule of the changelog and the announcements."""
        return self.skipped or (not self.changelog and any(p.search(self.subject) for p in ignore))

    @property
    def headline(self) -> str:
        """What members read: the `Changelog:` trailer when there is one, else the subject."""
        return self.changelog.strip() if self.changelog and self.changelog.strip() else self.subject


def apply_mailmap(commits: list[Commit], mapped: dict[str, str]) -> None:
    """Co-author names after `.mailmap`: `mapped` is `git check-mailmap`'s answer, contact -> contact."""
    for commit in commits:
        names = []
        for contact in commit.coauthor_contacts:
            query = contact.as_git()
            answer = Contact.parse(mapped[query]) if query in mapped else None
            names.append((answer.name if answer and answer.name else contact.name) or contact.email)
        commit.coauthors = tuple(n for n in names if n)


def coauthor_queries(commits: list[Commit]) -> list[str]:
    """Every distinct co-author contact with an address, for one `git check-mailmap` call."""
    return list(dict.fromkeys(q for c in commits for contact in c.coauthor_contacts if (q := contact.as_git())))


@dataclass
class FileRecord:
    """What git says about one file that exists now (`docs_dir`-relative path)."""

    created: datetime | None = None  # None when history does not reach back far enough
    updated: datetime | None = None
    contributors: Counter = field(default_factory=Counter)
    commits: int = 0

    @property
    def contributor_names(self) -> list[str]:
        """Most commits first, then by name; display names only (mailmap applied, no e-mail)."""
        return [n for n, _ in sorted(self.contributors.items(), key=lambda kv: (-kv[1], kv[0]))]


@dataclass
class History:
    """The history of `docs_dir` and the channel map, newest commit first."""

    head: str | None = None
    shallow: bool = False
    commits: list[Commit] = field(default_factory=list)
    files: dict[str, FileRecord] = field(default_factory=dict)
    problem: str | None = None  # why there is no history, when there is none
    docs_rel: str = ""
    """The docs folder in the repository (`docs`, `site/docs`; "" for its root)."""
    date_fixes: DateFixes = field(default_factory=DateFixes)
    """Commits dated after the read, or with no date git can give, and so dated otherwise."""


def parse_log(output: str, docs_prefix: str, map_path: str | None, *, outside: bool = False) -> list[Commit]:
    """Commits from `git log -z --raw --no-abbrev --format=LOG_FORMAT` output, newest first.

    `docs_prefix` is the docs folder relative to the repository root with a trailing slash ("" for
    the root); paths of changes are made relative to it. Changes outside docs are dropped, except
    for the channel map at `map_path`, whose blob ids are kept for reading its old versions, and,
    with `outside`, changes to files outside docs (paths starting with `OUTSIDE`) and renames into
    docs from there, so that `resolve` follows a page back through its move into docs.
    """
    commits: list[Commit] = []
    tokens = output.split("\0")
    n = len(tokens)
    i = 0
    commit: Commit | None = None
    plen = len(docs_prefix)
    while i < n:
        token = tokens[i]
        i += 1
        if token.startswith("\n"):
            token = token.lstrip("\n")
        if not token:
            continue
        if token[0] == _RECORD:
            sha, parents, date, author, subject, trailers, notes = (token[1:].split(_FIELD) + [""] * 7)[:7]
            if trailers.startswith("%("):  # git older than 2.22 prints the placeholder as is
                trailers = notes = ""
            contacts = tuple(c for t in trailers.strip().split("\x1d") if t.strip() and (c := Contact.parse(t)))
            changelog = next((t.strip() for t in notes.split("\x1d") if t.strip()), None)
            commit = Commit(
                sha=sha,
                date=_parse_date(date),
                author=author,
                coauthors=tuple(c.name or c.email for c in contacts),
                subject=subject,
                boundary=not parents.strip(),
                changelog=changelog,
                coauthor_contacts=contacts,
            )
            commits.append(commit)
            continue
        if token[0] != ":" or commit is None:
            continue
        meta = token.split(" ")
        status = meta[-1]
        kind = status[:1]
        if kind in "RC":
            if i + 1 >= n:
                break
            src, dst = tokens[i], tokens[i + 1]
            i += 2
        else:
            if i >= n:
                break
            src = dst = tokens[i]
            i += 1
        if map_path is not None and (dst == map_path or src == map_path):
            before = meta[2] if not set(meta[2]) <= {"0"} else None
            after = meta[3] if not set(meta[3]) <= {"0"} else None
            commit.map_blobs = (before, after)
            continue
        src_in = src.startswith(docs_prefix)
        dst_in = dst.startswith(docs_prefix)
        src_rel = src[plen:] if src_in else _outside(src, docs_prefix)
        dst_rel = dst[plen:] if dst_in else _outside(dst, docs_prefix)
        # With `outside`, paths outside docs are kept too (as `../...`), and a rename into docs
        # stays a rename; a rename out of docs is still a removal from docs.
        if kind == "R" and (src_in or outside) and (dst_in or (outside and not src_in)):
            moved_in = outside and status == "R100" and not src_in and dst_in
            commit.changes.append(Change("R", dst_rel, old=src_rel, moved_in=moved_in))
        elif kind in "RC":
            if dst_in or outside:  # renamed or copied into docs from elsewhere: new here
                commit.changes.append(Change("A", dst_rel))
            if kind == "R" and src_in:  # renamed out of docs: gone from here
                commit.changes.append(Change("D", src_rel))
        elif dst_in or outside:
            commit.changes.append(Change(kind if kind in "ADM" else "M", dst_rel))
    return commits


def _outside(path: str, docs_prefix: str) -> str:
    """A repository path outside docs, relative to docs (`habits/tiny.md` -> `../habits/tiny.md`)."""
    return posixpath.relpath(path, docs_prefix.rstrip("/") or ".")


def _parse_date(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return EPOCH  # git printed no date (`%aI` as written): `dates.bound_dates` gives it one


def resolve(commits: list[Commit], shallow: bool) -> dict[str, FileRecord]:
    """Follow renames from newest to oldest: per current file, its dates and contributors.

    Each change gets `current`, the path of that file today (None when it was removed). A file
    whose history reaches a shallow clone's cut-off commit has no known creation date: the
    cut-off commit shows every file as added, which is not when it was created.
    """
    files: dict[str, FileRecord] = {}
    alias: dict[str, str | None] = {}  # path at some time -> path now (None: no longer exists)
    moved_at: dict[str, datetime] = {}  # page -> when it was moved into docs

    def now(path: str) -> str | None:
        # a file outside docs is a page only once followed to its move into docs
        return alias[path] if path in alias else None if path.startswith(OUTSIDE) else path

    for commit in commits:
        resolved: list[Change] = []
        for change in commit.changes:
            current = now(change.path)
            if change.status == "D":
                # Removed here; an older file of the same name is a different file.
                alias[change.path] = None
                current = None
            if current is None and change.path.startswith(OUTSIDE):
                continue  # not the handbook's: a file outside docs that never became a page
            if commit.boundary and shallow:
                resolved.append(Change(change.status, change.path, change.old, current, change.moved_in))
                continue  # the cut-off commit did not really add all those files
            if current is not None:
                record = files.get(current)
                if record is None:
                    record = files[current] = FileRecord()
                if change.moved_in:  # moving the handbook in did not update the page
                    moved_at.setdefault(current, commit.date)
                elif record.updated is None:
                    record.updated = commit.date
                record.commits += 1
                for name in () if change.moved_in else commit.authors:  # moving the handbook in is not writing it
                    record.contributors[name] += 1
                if change.status == "A":
                    record.created = commit.date
            if change.status == "R" and change.old is not None:
                alias[change.old] = current
            if change.status == "A":
                alias[change.path] = None  # older history of this name is another file
            resolved.append(Change(change.status, change.path, change.old, current, change.moved_in))
        commit.changes = resolved
    for path, date in moved_at.items():  # only ever moved in (its older history is cut off)
        if files[path].updated is None:
            files[path].updated = date
    # Files still present whose creation we never saw (shallow cut-off) keep created=None.
    return files


# --------------------------------------------------------------------------------------------
# Versions of a few files (for the stale-topic check): which blob each commit left behind.
# --------------------------------------------------------------------------------------------

VERSIONS_FORMAT = "%x1e%H"


def parse_versions(output: str) -> list[tuple[str, dict[str, str | None]]]:
    """(commit, {path: blob after the commit, None when it removed the file}) from
    `git log -z --raw --no-abbrev --no-renames --format=VERSIONS_FORMAT`, newest first."""
    versions: list[tuple[str, dict[str, str | None]]] = []
    tokens = output.split("\0")
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i].lstrip("\n")
        i += 1
        if not token:
            continue
        if token[0] == _RECORD:
            versions.append((token[1:].strip(), {}))
            continue
        if token[0] != ":" or not versions or i >= n:
            continue
        meta, path = token.split(" "), tokens[i]
        i += 1
        if len(meta) >= 4:
            after = meta[3]
            versions[-1][1][path] = None if set(after) <= {"0"} else after
    return versions
