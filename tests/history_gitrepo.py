"""Real git repositories in temporary folders, with pinned authors and dates, for the history tests."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

BASE_ENV = {
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "HOME": os.devnull,
    "LC_ALL": "C",
    "TZ": "UTC",
}


class GitRepo:
    """A git repository under `root` whose commits get the next pinned date each time."""

    def __init__(self, root: Path, start: int = 1_700_000_000, branch: str = "main") -> None:
        self.root = root
        self.clock = start
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", branch)

    def env(self, name: str, email: str, when: int) -> dict[str, str]:
        return {
            **os.environ,
            **BASE_ENV,
            "GIT_AUTHOR_NAME": name,
            "GIT_AUTHOR_EMAIL": email,
            "GIT_COMMITTER_NAME": name,
            "GIT_COMMITTER_EMAIL": email,
            "GIT_AUTHOR_DATE": f"@{when} +0000",
            "GIT_COMMITTER_DATE": f"@{when} +0000",
        }

    def git(self, *args: str, name: str = "Ada Author", email: str = "ada@example.org", when: int | None = None) -> str:
        env = self.env(name, email, self.clock if when is None else when)
        result = subprocess.run(
            ["git", *args], cwd=self.root, env=env, check=True, capture_output=True, text=True
        )
        return result.stdout

    def write(self, rel: str, text: str) -> Path:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def commit(self, message: str, *, name: str = "Ada Author", email: str = "ada@example.org", step: int = 86_400) -> str:
        """Stage everything and commit; each commit is `step` seconds after the previous one."""
        self.clock += step
        self.git("add", "-A")
        self.git("commit", "-q", "--allow-empty", "-m", message, name=name, email=email)
        return self.git("rev-parse", "HEAD").strip()

    def mv(self, src: str, dst: str) -> None:
        (self.root / dst).parent.mkdir(parents=True, exist_ok=True)
        self.git("mv", src, dst)

    def rm(self, path: str) -> None:
        self.git("rm", "-r", "-q", path)


def page(title: str, words: int = 40) -> str:
    """A small Markdown page: a title and enough distinct text for rename detection to work."""
    body = " ".join(f"{title.lower().replace(' ', '-')}-word{i}" for i in range(words))
    return f"# {title}\n\n{body}\n"
