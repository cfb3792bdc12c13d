"""Folder renames, for the channel map's drift check: what became of a docs folder that is gone.

A few git calls per missing folder, through the one seam (`handbook.history.git.Repository`): what
git's rename detection says of the commit that removed the folder's last file, failing that the
new folder on disk whose files are mostly the old folder's, by content or by name.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from handbook.checks.drift import RenameLookup
from handbook.history.git import NoHistory, Repository, log, open_repository


def _pathspec(prefix: str, name: str) -> str:
    return f"{prefix}/{name}" if prefix else name


def look_up_folder_renames(repo_dir: Path, docs_dir: Path, missing: Iterable[str],
                           candidates: Iterable[str] = ()) -> RenameLookup:
    """What became of each docs folder in `missing`, read from git history.

    A rename is what git's rename detection says of the commit that removed the folder's last
    file; failing that (the only file was rewritten in the same commit, or copied in one commit
    and deleted in the next, or the rename is not committed yet), the folder among `candidates`
    (new folders, as they are on disk) whose files are mostly the old folder's, by content or by
    name. Folders git cannot speak for (no repository, no git,
    a shallow clone that finds nothing) are in `unknown` with the reason, never silently absent.

    Cost: a few git calls per missing folder (no walk over the whole history).
    """
    missing = [m.strip("/") for m in missing if m and m.strip("/")]
    candidates = [c for c in candidates if c and c not in missing]
    if not missing:
        return RenameLookup()
    try:
        repository = open_repository(Path(repo_dir))
        docs_rel = repository.relative(Path(docs_dir))
        shallow = repository.is_shallow()
    except NoHistory as e:
        log.info(f"Folder renames are not looked up: {e}.")
        # the reason reaches findings: name the folder as people see it, not by its absolute path
        why = str(e).replace(str(Path(repo_dir)), "the project folder").replace(str(Path(docs_dir)), "docs_dir")
        return RenameLookup(unknown={old: why for old in missing})
    renames: dict[str, str] = {}
    unknown: dict[str, str] = {}
    undecided: dict[str, dict[str, str]] = {}  # old folder -> its files before it went
    for old in missing:  # first what git's rename detection says, for every folder
        try:
            new, before = _folder_rename(repository, docs_rel, old)
        except NoHistory as e:
            log.info(f"Could not look up what happened to docs folder '{old}': {e}.")
            unknown[old] = str(e)
            continue
        if new and new != old:
            renames[old] = new
        elif before:
            undecided[old] = before
        elif shallow:
            unknown[old] = SHALLOW_REASON
    for old, before in undecided.items():  # then files that moved together, into unclaimed folders
        new = _moved_together(before, [c for c in candidates if c not in renames.values()], Path(docs_dir))
        if new:
            renames[old] = new
        elif shallow:
            unknown[old] = SHALLOW_REASON
    if shallow and unknown:
        log.info(f"Folder renames may be missed: {SHALLOW_REASON} (fetch the full history, e.g. "
                 "`git fetch --unshallow`, or `fetch-depth: 0` in CI).")
    return RenameLookup(renames, unknown)


SHALLOW_REASON = "this git clone is shallow, so its history may not reach the rename"


def _folder_rename(repository: Repository, docs_rel: str, old: str) -> tuple[str | None, dict[str, str]]:
    """The folder git's rename detection moved `old` to, else None and `old`'s files (path ->
    blob) as they were last, for `_moved_together`."""
    old_prefix = _pathspec(docs_rel, old) + "/"
    sha = repository.run("log", "-1", "--format=%H", "--", old_prefix).strip()
    if not sha:
        return None, {}  # never existed in history
    before = _tree_files(repository, "HEAD", old_prefix)
    if before:  # still in HEAD, so gone only from the work tree: a rename not committed yet
        return None, before
    parents = repository.run("rev-list", "--parents", "-n", "1", sha).split()
    if len(parents) < 2:
        return None, {}  # the root commit (or a shallow boundary) cannot rename anything away
    found = _renamed_by(repository, parents[1], sha, docs_rel, old_prefix, old)
    return found, {} if found else _tree_files(repository, parents[1], old_prefix)


def _renamed_by(repository: Repository, parent: str, sha: str, docs_rel: str, old_prefix: str,
                old: str) -> str | None:
    out = repository.run(
        "diff-tree", "-r", "-M", "-l0", "--name-status", "-z", "--no-commit-id", parent, sha
    )
    docs_prefix = docs_rel + "/" if docs_rel else ""
    votes = Counter(
        dest
        for status, src, dst in _name_status_entries(out)
        if status.startswith("R") and src.startswith(old_prefix)
        for dest in [_top_folder(dst, docs_prefix)]
        if dest and dest != old
    )
    return votes.most_common(1)[0][0] if votes else None


def _tree_files(repository: Repository, revision: str, prefix: str) -> dict[str, str]:
    """The files under `prefix` in `revision`: path relative to the prefix -> blob id."""
    out = repository.run("ls-tree", "-r", "-z", revision, "--", prefix)
    files = {}
    for entry in out.split("\0"):
        meta, _, path = entry.partition("\t")
        parts = meta.split()
        if len(parts) == 3 and parts[1] == "blob" and path.startswith(prefix):
            files[path[len(prefix):]] = parts[2]
    return files


def _moved_together(before: dict[str, str], candidates: list[str], docs_dir: Path) -> str | None:
    """The candidate folder whose files are mostly `before`'s (by content or by name: more than
    half of the two sets together); None when there is none or two are equally good."""
    if not before or not candidates:
        return None
    scores: dict[str, float] = {}
    for folder in candidates:
        now = _disk_files(docs_dir / folder)
        blobs = set(now.values())
        same = sum(1 for rel, blob in before.items() if blob in blobs or rel in now)
        scores[folder] = same / (len(before) + len(now) - same) if same else 0.0
    ranked = sorted(scores.items(), key=lambda item: -item[1])
    if ranked[0][1] <= 0.5 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _disk_files(folder: Path) -> dict[str, str]:
    """Files under `folder` in the work tree: relative path -> git blob id of the content."""
    files = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if path.is_file():
            data = path.read_bytes()
            files[path.relative_to(folder).as_posix()] = hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()
    return files


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


def look_up_page_renames(repo_dir: Path, docs_dir: Path, missing: Iterable[str], *, hops: int = 20) -> dict[str, str]:
    """Where each page of `missing` (paths under docs, gone from the work tree) lives now, by git's
    rename detection on the commit that removed it, followed from rename to rename (a page renamed
    twice keeps its forum post); pages git saw deleted, or cannot speak for, are left out.

    Cost: two git calls per missing page and per rename followed."""
    missing = [m.strip("/") for m in missing if m and m.strip("/")]
    if not missing:
        return {}
    try:
        repository = open_repository(Path(repo_dir))
        docs_rel = repository.relative(Path(docs_dir))
    except NoHistory as e:
        log.info(f"Page renames are not looked up: {e}.")
        return {}
    prefix = docs_rel + "/" if docs_rel else ""
    found: dict[str, str] = {}
    for old in missing:
        path = old
        for _ in range(hops):
            if (Path(docs_dir) / path).is_file():
                break
            try:
                sha = repository.run("log", "-1", "--format=%H", "--", prefix + path).strip()
                parents = repository.run("rev-list", "--parents", "-n", "1", sha).split() if sha else []
                if len(parents) < 2:
                    break
                out = repository.run("diff-tree", "-r", "-M", "-l0", "--name-status", "-z", "--no-commit-id",
                                     parents[1], sha)
            except NoHistory as e:
                log.info(f"Could not look up what happened to page '{path}': {e}.")
                break
            dest = next((dst for status, src, dst in _name_status_entries(out)
                         if status.startswith("R") and src == prefix + path and dst.startswith(prefix)), None)
            if dest is None:
                break
            path = dest[len(prefix):]
        if path != old and (Path(docs_dir) / path).is_file():
            found[old] = path
    return found
