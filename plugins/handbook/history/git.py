"""All git access of the handbook, in one place: one pass over the history of `docs/` and the map.

Git is reached through GitPython (`git.Repo`, `repo.git.execute`); every command runs with
`-c core.quotepath=false` and `--literal-pathspecs` and reads NUL-separated output, so names with
spaces and non-ASCII characters come through as they are. Nothing here writes to a git config.
A missing git binary, a folder that is not a repository or a git error all end as "no history"
with one clear log message, never a traceback.
"""

from __future__ import annotations

import os
import posixpath
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from mkdocs.plugins import get_plugin_logger

from handbook.history.dates import bound_dates
from handbook.history.log import (
    LOG_FORMAT,
    OUTSIDE,
    Commit,
    History,
    apply_mailmap,
    coauthor_queries,
    parse_log,
    repository_path,
    resolve,
)


def _gitpython():
    """GitPython, imported on first use: in a build that is the background thread, so its import
    (which runs `git version`) overlaps with Markdown conversion instead of delaying start-up."""
    # GitPython checks for a git binary when it is imported and raises ImportError if there is
    # none; "quiet" defers that to the first command, where it becomes "no history".
    os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
    try:
        import git
        import git.exc
    except ImportError as e:  # pragma: no cover - GitPython is a dependency
        raise NoHistory(f"GitPython could not be imported: {e}") from e
    return git

log = get_plugin_logger(__name__)

GIT_OPTIONS = ("-c", "core.quotepath=false", "--literal-pathspecs", "--no-pager")


class NoHistory(Exception):
    """Git history is not available; the message says why (and how to fix it when we know)."""


class GitNotFound(NoHistory):
    """There is no git command to run at all (not on PATH)."""


@dataclass(frozen=True)
class Repository:
    """A git work tree, found from a folder inside it."""

    repo: object  # git.Repo
    root: Path

    def run(self, *args: str, **kwargs) -> str:
        """Run one git command at the root of the work tree; NoHistory on any failure."""
        git = _gitpython()
        try:
            executable = git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git"
            return self.repo.git.execute(  # type: ignore[attr-defined]
                [executable, *GIT_OPTIONS, *args], strip_newline_in_stdout=False, **kwargs
            )
        except git.exc.GitCommandNotFound as e:
            raise GitNotFound("the git command was not found on this machine") from e
        except git.exc.GitCommandError as e:
            stderr = (e.stderr or "").strip().removeprefix("stderr:").strip(" '\n")
            raise NoHistory(f"`git {args[0]}` failed: {stderr or e.status}") from e
        except (git.exc.GitError, OSError) as e:
            raise NoHistory(f"`git {args[0]}` failed: {e}") from e

    def relative(self, path: Path) -> str:
        """`path` relative to the work tree root, in git's spelling ("" for the root itself)."""
        try:
            rel = Path(os.path.realpath(path)).relative_to(self.root)
        except ValueError as e:
            raise NoHistory(f"{path} is not inside the git work tree {self.root}") from e
        rel_posix = rel.as_posix()
        return "" if rel_posix == "." else rel_posix

    def is_shallow(self) -> bool:
        return self.run("rev-parse", "--is-shallow-repository").strip() == "true"

    def head(self) -> str | None:
        """The commit HEAD points at (a detached HEAD works too); None before the first commit."""
        try:
            return self.run("rev-parse", "--verify", "--quiet", "HEAD^{commit}").strip() or None
        except NoHistory:
            return None


def open_repository(path: Path) -> Repository:
    """The git work tree that contains `path`; NoHistory (with the reason) when there is none."""
    git = _gitpython()
    try:
        repo = git.Repo(path, search_parent_directories=True)
    except git.exc.NoSuchPathError as e:
        raise NoHistory(f"{path} does not exist") from e
    except git.exc.InvalidGitRepositoryError as e:
        raise NoHistory(f"{path} is not inside a git repository") from e
    except (git.exc.GitError, OSError, ValueError) as e:
        raise NoHistory(f"git repository at {path} could not be opened: {e}") from e
    if repo.bare or not repo.working_tree_dir:
        raise NoHistory(f"{path} is in a bare git repository (no work tree)")
    return Repository(repo, Path(os.path.realpath(repo.working_tree_dir)))


def read_history(repository: Repository, docs_rel: str, map_rel: str | None) -> History:
    """One `git log` over docs and the channel map: commits (newest first) and per-file records.

    Pages moved into docs from elsewhere in the repository (`handbook import gitbook` moves
    `habits/tiny.md` to `docs/habits/tiny.md`) keep the history of their old paths: when the log
    shows such moves, a second `git log` reads docs, the map and the folders they came from, once
    (whatever the number of pages), and `resolve` follows each page through its move."""
    head_and_shallow = repository.run("rev-parse", "--is-shallow-repository", "HEAD")
    shallow_text, _, head = head_and_shallow.strip().partition("\n")
    shallow = shallow_text.strip() == "true"
    commits = _log(repository, "HEAD", docs_rel, map_rel, outside=True)
    before = moved_in_from(commits, docs_rel)
    if before:
        commits = _log(repository, "HEAD", docs_rel, map_rel, outside=True, also=before)
    apply_mailmap(commits, check_mailmap(repository, coauthor_queries(commits)))
    date_fixes = bound_dates(commits, datetime.now(timezone.utc))  # before the pages' dates are taken
    files = resolve(commits, shallow)
    return History(head=head.strip() or None, shallow=shallow, commits=commits, files=files, docs_rel=docs_rel,
                   date_fixes=date_fixes)


def moved_in_from(commits: list[Commit], docs_rel: str) -> list[str]:
    """Pathspecs of where pages moved into docs came from: the folder of each old path (so the
    renames made there before the move are seen too), or the file itself at the repository root."""
    specs: dict[str, None] = {}
    for commit in commits:
        for change in commit.changes:
            if change.status == "R" and change.old and change.old.startswith(OUTSIDE) \
                    and not change.path.startswith(OUTSIDE):
                old = repository_path(change.old, docs_rel)
                folder = posixpath.dirname(old)
                specs[folder + "/" if folder else old] = None
    return list(specs)


def _log(repository: Repository, revisions: str, docs_rel: str, map_rel: str | None, *,
         outside: bool = False, also: Iterable[str] = ()) -> list[Commit]:
    """The one `git log` read: commits of `revisions` touching docs (and the map, and the paths
    `also`), newest first. With `outside`, each commit's whole diff (`--full-diff`), so that a
    move into docs is seen as a rename and files outside docs are kept as `../` paths."""
    pathspecs = [docs_rel + "/" if docs_rel else "."]
    if map_rel is not None:
        pathspecs.append(map_rel)
    pathspecs += also
    raw = repository.run(
        "log", "--no-merges", "--no-color", "-z", "--raw", "--no-abbrev", "-M",
        *(["--full-diff"] if outside and docs_rel else []),
        f"--format={LOG_FORMAT}", revisions, "--", *pathspecs,
        stdout_as_string=False,
    )
    output = raw.decode("utf-8", "replace") if isinstance(raw, bytes) else raw
    return parse_log(output, docs_rel + "/" if docs_rel else "", map_rel, outside=outside and bool(docs_rel))


MAILMAP_BATCH = 2_000
"""Contacts per `git check-mailmap` call: one call for any real handbook, bounded command lines."""


def check_mailmap(repository: Repository, contacts: list[str]) -> dict[str, str]:
    """`.mailmap` applied to `Co-authored-by:` contacts (git applies it to authors itself, `%aN`):
    contact -> canonical contact, with one `git check-mailmap` call for all of them (git 2.39
    has no `--stdin`, so they are arguments). A git error leaves the names as written."""
    mapped: dict[str, str] = {}
    for start in range(0, len(contacts), MAILMAP_BATCH):
        batch = contacts[start:start + MAILMAP_BATCH]
        try:
            out = repository.run("check-mailmap", *batch)
        except NoHistory as e:
            log.debug(f"Co-author names are shown as written: {e}")
            return mapped
        mapped.update(zip(batch, out.splitlines()))
    return mapped


def commits_since(repo_dir: Path, docs_dir: Path, since: str) -> list[Commit]:
    """Commits after `since` up to HEAD that touched docs, newest first (for announcements).

    Raises NoHistory with the reason (no repository, an unknown `since`, no git)."""
    repository = open_repository(repo_dir)
    try:
        repository.run("rev-parse", "--verify", "--quiet", f"{since}^{{commit}}")
    except GitNotFound:
        raise
    except NoHistory:
        raise NoHistory(f"`{since}` is not a commit, tag or branch of this repository") from None
    return _log(repository, f"{since}..HEAD", repository.relative(docs_dir), None)


def read_blobs(repository: Repository, shas: Iterable[str]) -> dict[str, bytes]:
    """The content of the given blobs (those that can be read), through one `git cat-file --batch` process."""
    with blob_reader(repository) as read:
        return {sha: blob for sha in dict.fromkeys(shas) if (blob := read(sha)) is not None}


@contextmanager
def blob_reader(repository: Repository) -> Iterator[Callable[[str], bytes | None]]:
    """A function that reads one blob at a time (None when it cannot), through one
    `git cat-file --batch` process, for readers that stop as soon as they know enough."""
    git = _gitpython()
    repo_git = repository.repo.git  # type: ignore[attr-defined]

    def read(sha: str) -> bytes | None:
        try:
            return repo_git.get_object_data(sha)[3]
        except (ValueError, git.exc.GitError, OSError) as e:
            log.debug(f"Could not read blob {sha}: {e}")
            return None

    try:
        yield read
    finally:
        repo_git.clear_cache()


def worktree_changes(repository: Repository, docs_rel: str) -> dict[str, str]:
    """Files under docs that differ from HEAD in the work tree: path -> "modified" | "new"."""
    out = repository.run(
        "status", "--porcelain=v1", "-z", "--untracked-files=all", "--no-renames", "--",
        docs_rel + "/" if docs_rel else ".",
    )
    prefix = docs_rel + "/" if docs_rel else ""
    changes: dict[str, str] = {}
    for entry in out.split("\0"):
        if len(entry) < 4:
            continue
        xy, path = entry[:2], entry[3:]
        if not path.startswith(prefix):
            continue
        rel = path[len(prefix):]
        if xy == "??" or "A" in xy:
            changes[rel] = "new"
        elif "D" not in xy:
            changes[rel] = "modified"
    return changes


@dataclass(frozen=True)
class Snapshot:
    """What one build sees: the history (shared across `serve` rebuilds) and local edits."""

    history: History
    worktree: dict[str, str]
    map_versions: dict[str, bytes]


class _Job:
    """One background read: its thread and its outcome."""

    def __init__(self) -> None:
        self.thread: threading.Thread | None = None
        self.snapshot: Snapshot | None = None
        self.error: BaseException | None = None

    def run(self, read, docs_dir: Path, map_file: Path | None) -> None:
        try:
            self.snapshot = read(docs_dir, map_file)
        except BaseException as e:  # re-raised in the main thread by result()
            self.error = e

    def result(self) -> Snapshot:
        if self.thread is not None:
            self.thread.join()
        if self.error is not None:
            raise self.error
        assert self.snapshot is not None
        return self.snapshot


class HistoryReader:
    """Reads history in a background thread, so git runs while MkDocs converts Markdown.

    The parsed history is cached by (work tree, HEAD, paths): `mkdocs serve` rebuilds reuse it
    while HEAD is the same; local edits come from a cheap `git status` on every build.
    """

    def __init__(self) -> None:
        self._cache: dict[tuple, tuple[History, dict[str, bytes]]] = {}
        self._lock = threading.Lock()
        self._job: _Job | None = None
        self.reads = 0  # full history reads, for tests and benchmarks

    def start(self, docs_dir: Path, map_file: Path | None) -> None:
        """Start reading in the background; a read still running from an earlier build is left to end."""
        self._job = job = _Job()
        job.thread = threading.Thread(
            target=job.run, args=(self.snapshot, docs_dir, map_file), name="handbook-history", daemon=True
        )
        job.thread.start()

    def result(self) -> Snapshot:
        if self._job is None:
            raise RuntimeError("HistoryReader.start() was not called")
        return self._job.result()

    def snapshot(self, docs_dir: Path, map_file: Path | None) -> Snapshot:
        try:
            repository = open_repository(docs_dir)
            docs_rel = repository.relative(docs_dir)
            map_rel = None
            if map_file is not None:
                try:
                    map_rel = repository.relative(map_file)
                except NoHistory:
                    map_rel = None
            head = repository.head()
            if head is None:
                history = History(problem="the git repository has no commits yet")
                return Snapshot(history, worktree_changes(repository, docs_rel), {})
            key = (str(repository.root), head, docs_rel, map_rel)
            with self._lock:
                cached = self._cache.get(key)
                if cached is None:
                    history = read_history(repository, docs_rel, map_rel)
                    shas = [b for c in history.commits if c.map_blobs for b in c.map_blobs if b]
                    cached = (history, read_blobs(repository, shas))
                    self._cache = {key: cached}  # only the latest: HEAD moved, the old is stale
                    self.reads += 1
            worktree = worktree_changes(repository, docs_rel)
            return Snapshot(cached[0], worktree, cached[1])
        except NoHistory as e:
            return Snapshot(History(problem=str(e)), {}, {})
