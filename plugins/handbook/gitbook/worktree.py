"""The git repository around the GitBook folder: the import's only git access (GitPython).

Paths in and out are relative to the GitBook folder (`base`), which may lie deep in the repository.
Every git failure becomes a `GitBookError` with the fix; nothing here writes git configuration.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

# GitPython looks for a git binary when it is imported and raises ImportError without one;
# "quiet" defers that to the first command, where WorkTree says what to install.
os.environ.setdefault("GIT_PYTHON_REFRESH", "quiet")
import git  # noqa: E402

from handbook.gitbook.model import LINK_OUT_FIX, GitBookError


class WorkTree:
    def __init__(self, base: Path) -> None:
        if not shutil.which(git.Git.GIT_PYTHON_GIT_EXECUTABLE or "git"):
            raise GitBookError(str(base), None, "cannot be imported: the git command was not found on this machine",
                               "install git (e.g. `apt-get install git`) and run the import again")
        try:
            self.repo = git.Repo(base, search_parent_directories=True)
        except (git.InvalidGitRepositoryError, git.NoSuchPathError):
            raise GitBookError(
                str(base), None, "is not inside a git repository",
                "import from a clone of the GitBook-synced repository (git clone URL), so that history is kept",
            ) from None
        self.base = base
        self.root = Path(self.repo.working_tree_dir or base).resolve()  # None only for a bare repository
        self.prefix = base.relative_to(self.root).as_posix()  # "." when base is the repository

    def in_repo(self, path: str) -> str:
        return path if self.prefix == "." else f"{self.prefix}/{path}"

    def tracked_files(self) -> set[str]:
        """Files git tracks under base that exist in the work tree (NUL-separated: any name is safe)."""
        out = self.repo.git.ls_files("-z", "--", *([] if self.prefix == "." else [self.prefix]))
        files = set()
        for path in filter(None, out.split("\0")):
            rel = path if self.prefix == "." else path[len(self.prefix) + 1:]
            if (self.base / rel).is_file():
                files.add(rel)
        return files

    def link_out(self, path: str) -> Path | None:
        """Where `path` (relative to base) leads when it is a symbolic link out of the repository, else
        None. Such a file is never read or written: its text is not the repository's to publish."""
        resolved = (self.base / path).resolve()
        return None if resolved.is_relative_to(self.root) else resolved

    def refuse_link_out(self, path: str) -> None:
        """A file the import cannot do without (SUMMARY.md, .gitbook.yaml) must not be a link out."""
        target = self.link_out(path)
        if target is not None:
            raise GitBookError(str(self.base / path), None, f"is a link to {target}, outside the repository",
                               LINK_OUT_FIX)

    def has_commit(self, subject: str) -> bool:
        """Whether a commit of HEAD's history has this subject (an earlier import's commit)."""
        if not self.repo.head.is_valid():
            return False
        found = self.repo.git.log("--format=%s", "--fixed-strings", f"--grep={subject}", "HEAD")
        return subject in found.splitlines()

    def check_ready(self) -> None:
        """Refuse to touch uncommitted work, or to start without an identity to commit with."""
        repo = self.repo
        if not repo.head.is_valid():
            raise GitBookError(
                str(self.root), None, "has no commits yet", "commit the GitBook files first (git commit)"
            )
        if repo.is_dirty(index=True, working_tree=True, untracked_files=False):
            first = repo.git.diff("--name-only", "HEAD").splitlines() or ["the index"]
            raise GitBookError(
                first[0], None, "has uncommitted changes", "commit or stash them (git stash) and run the import again"
            )
        untracked = [p for p in repo.untracked_files if self.prefix == "." or p.startswith(self.prefix + "/")]
        if untracked:
            raise GitBookError(
                untracked[0], None, "is not committed (untracked)",
                "commit it, add it to .gitignore, or move it away, and run the import again",
            )
        for ident in ("GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"):
            try:
                repo.git.var(ident)
            except git.GitCommandError:
                raise GitBookError(
                    str(self.root), None, "git does not know who you are, so it cannot commit",
                    'set it with git config user.name "Your Name" and git config user.email you@example.org',
                ) from None

    def move(self, moves: dict[str, str]) -> None:
        """Rename files in the work tree, then stage them all at once (as `git mv` would, one git
        call for any number of files). A move onto another move's source waits for it; a cycle
        parks one file under a temporary name."""
        pending = dict(moves)
        while pending:
            ready = [(old, new) for old, new in pending.items() if new not in pending]
            if not ready:
                old, new = next(iter(pending.items()))
                parked = f"{old}.handbook-import"
                os.replace(self.base / old, self.base / parked)
                del pending[old]
                pending[parked] = new
                continue
            for old, new in ready:
                (self.base / new).parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.base / old, self.base / new)
                del pending[old]
        self.add([*moves, *moves.values()])

    def add(self, paths: list[str]) -> None:
        """Stage these paths as they are now in the work tree (new, changed or gone)."""
        if paths:
            listing = "\0".join(self.in_repo(p) for p in paths).encode("utf-8")
            with tempfile.TemporaryFile() as stdin:
                stdin.write(listing)
                stdin.seek(0)
                self._git("add", "-A", "--pathspec-from-file=-", "--pathspec-file-nul", istream=stdin)

    def remove(self, paths: list[str]) -> None:
        if paths:
            self._git("rm", "-q", "--", *[self.in_repo(p) for p in paths])

    def commit(self, message: str) -> str:
        self._git("commit", "-q", "-m", message)
        return self.repo.head.commit.hexsha

    def _git(self, command: str, *args: str, **options) -> None:
        try:
            with self.repo.git.custom_environment(GIT_LITERAL_PATHSPECS="1"):  # "[draft] (1).md" is a name
                getattr(self.repo.git, command)(*args, **options)
        except git.GitCommandError as error:
            detail = (error.stderr or str(error)).strip().splitlines()
            raise GitBookError(
                str(self.base), None, f"git {command} failed: {detail[-1] if detail else error}",
                "fix that, put the work tree back (git reset --hard; git clean -fd) and run the import again",
            ) from None
