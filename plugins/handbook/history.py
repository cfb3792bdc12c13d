"""All git access of the handbook, in one place: one pass over the history of `docs/` and the map.

Git is reached through GitPython (`git.Repo`, `repo.git.execute`); every command runs with
`-c core.quotepath=false` and `--literal-pathspecs` and reads NUL-separated output, so names with
spaces and non-ASCII characters come through as they are. Nothing here writes to a git config.
A missing git binary, a folder that is not a repository or a git error all end as "no history"
with one clear log message, never a traceback.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from mkdocs.plugins import get_plugin_logger

# GitPython checks for a git binary when it is imported and raises ImportError if there is none;
# "quiet" defers that to the first command, where we turn it into "no history".
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")

try:  # pragma: no cover - exercised only on machines without GitPython installed properly
    import git
    import git.exc
except ImportError:  # pragma: no cover
    git = None  # type: ignore[assignment]

log = get_plugin_logger(__name__)

GIT_OPTIONS = ("-c", "core.quotepath=false", "--literal-pathspecs", "--no-pager")


class NoHistory(Exception):
    """Git history is not available; the message says why (and how to fix it when we know)."""


@dataclass(frozen=True)
class Repository:
    """A git work tree, found from a folder inside it."""

    repo: object  # git.Repo
    root: Path

    def run(self, *args: str, **kwargs) -> str:
        """Run one git command at the root of the work tree; NoHistory on any failure."""
        try:
            executable = git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git"
            return self.repo.git.execute(  # type: ignore[attr-defined]
                [executable, *GIT_OPTIONS, *args], strip_newline_in_stdout=False, **kwargs
            )
        except git.exc.GitCommandNotFound as e:
            raise NoHistory("the git command was not found on this machine") from e
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
    if git is None:  # pragma: no cover
        raise NoHistory("GitPython could not be imported")
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


def _pathspec(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


# --------------------------------------------------------------------------------------------
# Folder renames (for the channel-map drift check): a few git calls per missing folder.
# --------------------------------------------------------------------------------------------


def find_folder_renames(repo_dir: Path, docs_dir: Path, missing: Iterable[str]) -> dict[str, str]:
    """For each top-level docs folder name in `missing` (folders that no longer exist under docs_dir),
    the folder it was renamed to, found in git history with rename detection; folders that were
    deleted (not renamed), or when there is no git / no repository / shallow history, are left out.

    Cost: one `git log -1` and one `git diff-tree` per missing folder, plus two setup calls, so it
    stays fast on long histories (no walk over the whole history).
    """
    missing = [m.strip("/") for m in missing if m and m.strip("/")]
    if not missing:
        return {}
    try:
        repository = open_repository(Path(repo_dir))
        docs_rel = repository.relative(Path(docs_dir))
        if repository.is_shallow():
            log.info(
                "Folder renames are not looked up: this git clone is shallow "
                "(fetch the full history, e.g. `fetch-depth: 0` in CI)."
            )
            return {}
    except NoHistory as e:
        log.info(f"Folder renames are not looked up: {e}.")
        return {}
    renames: dict[str, str] = {}
    for old in missing:
        try:
            new = _folder_rename(repository, docs_rel, old)
        except NoHistory as e:
            log.info(f"Could not look up what happened to docs folder '{old}': {e}.")
            continue
        if new and new != old:
            renames[old] = new
    return renames


def _folder_rename(repository: Repository, docs_rel: str, old: str) -> str | None:
    old_prefix = _pathspec(docs_rel, old) + "/"
    sha = repository.run("log", "-1", "--format=%H", "--", old_prefix).strip()
    if not sha:
        return None  # never existed in history
    parents = repository.run("rev-list", "--parents", "-n", "1", sha).split()
    if len(parents) < 2:
        return None  # the root commit (or a shallow boundary) cannot rename anything away
    out = repository.run(
        "diff-tree", "-r", "-M", "-l0", "--name-status", "-z", "--no-commit-id", parents[1], sha
    )
    docs_prefix = docs_rel + "/" if docs_rel else ""
    votes = Counter(
        dest
        for status, src, dst in _name_status_entries(out)
        if status.startswith("R") and src.startswith(old_prefix)
        for dest in [_top_folder(dst, docs_prefix)]
        if dest and dest != old
    )
    if not votes:
        return None
    return votes.most_common(1)[0][0]


def _top_folder(path: str, docs_prefix: str) -> str | None:
    """The top-level docs folder `path` lies in, or None if it is not in a folder under docs."""
    if not path.startswith(docs_prefix):
        return None
    parts = PurePosixPath(path[len(docs_prefix) :]).parts
    return parts[0] if len(parts) > 1 else None


def _name_status_entries(out: str) -> Iterable[tuple[str, str, str]]:
    """(status, source path, destination path) from `--name-status -z` output."""
    tokens = out.split("\0")
    i, n = 0, len(tokens)
    while i < n:
        status = tokens[i].strip("\n")
        if not status:
            i += 1
            continue
        if status[0] in "RC":
            if i + 2 >= n:
                break
            yield status, tokens[i + 1], tokens[i + 2]
            i += 3
        else:
            if i + 1 >= n:
                break
            yield status, tokens[i + 1], tokens[i + 1]
            i += 2


__all__: Sequence[str] = ("NoHistory", "Repository", "find_folder_renames", "open_repository")
