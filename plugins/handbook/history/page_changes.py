"""What happened to each page since a ref: the commits `git.commits_since` reads, folded to one
entry per page (added, updated, renamed or removed), for `handbook discord announce --since`.

Pure folding over the commits; a commit whose subject is noise (the plugin's `changelog_ignore`)
does not make a page "updated" on its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from handbook.history.changelog import compile_ignore
from handbook.history.git import commits_since


@dataclass
class PageChange:
    path: str
    """Relative to the docs folder, with `/` (e.g. `habits/tiny-habits.md`)."""
    status: str
    """added, updated, renamed or removed."""
    old_path: str | None = None
    title: str | None = None
    url: str | None = None


def page_changes_since(repo_dir: Path, since: str, docs_dir: Path,
                       ignore: list[str] | tuple[str, ...] = ()) -> tuple[list[PageChange], int]:
    """Pages under `docs_dir` changed between `since` and HEAD, folded to one entry per page,
    and the number of commits that count. Raises `git.NoHistory` when the history cannot be read.

    Commits whose subject matches a pattern in `ignore` (the plugin's `changelog_ignore`: typo
    and whitespace fixes) do not count: a page only they touched is not "updated"."""
    commits = commits_since(repo_dir, docs_dir, since)
    patterns = compile_ignore(ignore)
    counted = 0
    touched: set[str] = set()
    state: dict[str, PageChange | None] = {}
    for commit in reversed(commits):  # oldest first, so later changes fold over earlier ones
        noise = commit.is_noise(patterns)
        counted += 0 if noise else 1
        for change in commit.changes:
            if not noise:
                touched.update(p for p in (change.path, change.old) if p)
            before = state.get(change.path)
            if change.status == "R" and change.old is not None:
                before = state.pop(change.old, None)
                if before and before.status == "added":
                    state[change.path] = PageChange(change.path, "added")
                else:
                    old_path = (before.old_path if before else None) or change.old
                    state[change.path] = PageChange(change.path, "renamed", old_path=old_path)
            elif change.status == "A":
                state[change.path] = PageChange(change.path, "updated" if before and before.status == "removed"
                                                else "added")
            elif change.status == "D":
                state[change.path] = None if before and before.status == "added" else PageChange(change.path,
                                                                                                 "removed")
            else:
                state.setdefault(change.path, PageChange(change.path, "updated"))
    return [change for change in state.values()
            if change is not None and (change.status != "updated" or change.path in touched)], counted
