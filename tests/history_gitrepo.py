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


def git_env(name: str, email: str, date: str) -> dict[str, str]:
    """The environment for one git command: no user or system configuration, this author and
    committer, this date (any form git reads, e.g. `@1700000000 +0000` or an ISO date)."""
    return {
        **os.environ,
        **BASE_ENV,
        "GIT_AUTHOR_NAME": name,
        "GIT_AUTHOR_EMAIL": email,
        "GIT_COMMITTER_NAME": name,
        "GIT_COMMITTER_EMAIL": email,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
    }


def run_git(root: Path, *args: str, env: dict[str, str]) -> str:
    """`git *args` in `root`; its standard output (a failing command raises)."""
    result = subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True)
    return result.stdout


class GitRepo:
    """A git repository under `root` whose commits get the next pinned date each time."""

    def __init__(self, root: Path, start: int = 1_700_000_000, branch: str = "main") -> None:
        self.root = root
        self.clock = start
        root.mkdir(parents=True, exist_ok=True)
        self.git("init", "-q", "-b", branch)

    def env(self, name: str, email: str, when: int) -> dict[str, str]:
        return git_env(name, email, f"@{when} +0000")

    def git(self, *args: str, name: str = "Ada Author", email: str = "ada@example.org", when: int | None = None) -> str:
        return run_git(self.root, *args, env=self.env(name, email, self.clock if when is None else when))

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


CHANNEL_MAP_V1 = """\
server:
  name: Test Community
roles:
  - name: cohort
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habits
        kind: topic
        category: habits
        topic: Building habits that last
      - name: focus
        kind: topic
        category: focus
  - name: Spring Cohort
    visibility: private
    roles: [cohort]
    channels:
      - name: spring-cohort
        kind: topic
        category: cohorts
        id: "111111111111111111"
        topic: Secret cohort plans
"""

CHANNEL_MAP_V2 = """\
server:
  name: Test Community
roles:
  - name: cohort
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habit-building
        kind: topic
        category: habits
        topic: Building habits that last
      - name: focus
        kind: topic
        category: focus
        status: archived
  - name: Spring Cohort
    visibility: private
    roles: [cohort]
    channels:
      - name: spring-2026
        kind: topic
        category: cohorts
        id: "111111111111111111"
      - name: autumn-cohort
        kind: prompt
"""

MKDOCS_YML = """\
site_name: Test Handbook
site_url: https://handbook.example.org/
theme:
  name: material
plugins:
  - search
  - handbook:
      drift: ignore  # these sites test history; drift has its own tests
{options}
"""

T0 = 1_700_000_000  # 2023-11-14 22:13:20 UTC
STEP = 5 * 86_400


def make_site(root: Path, options: str = "      history: true") -> tuple[GitRepo, dict[str, str]]:
    """A handbook in a git repository with renames, a deletion, a typo fix, a merge, co-authors,
    a mailmap, a non-ASCII page and channel map changes. Returns the repo and commit ids by name."""
    repo = GitRepo(root, start=T0 - STEP)
    repo.write("mkdocs.yml", MKDOCS_YML.format(options=options))
    repo.write(".mailmap", "Bo Builder <bo@example.org> Bob B <bo@old.example>\n")
    repo.write("channel_map.yml", CHANNEL_MAP_V1)
    repo.write("docs/index.md", page("Welcome"))
    repo.write("docs/habits/index.md", page("Habits"))
    repo.write("docs/habits/tiny.md", page("Tiny habits"))
    repo.write("docs/focus/index.md", page("Focus"))
    repo.write("docs/focus/old-name.md", page("Deep work sessions"))
    repo.write("docs/rest/sleep.md", page("Sleep"))
    ids = {"import": repo.commit("Import the handbook", name="Ada Author", email="ada@example.org", step=STEP)}
    repo.write("docs/habits/tiny.md", page("Tiny habits") + "\nA second paragraph.\n")
    ids["bo"] = repo.commit("Expand tiny habits", name="Bob B", email="bo@old.example", step=STEP)
    repo.mv("docs/focus/old-name.md", "docs/focus/new-name.md")
    ids["rename"] = repo.commit("Rename the deep work page", step=STEP)
    repo.rm("docs/rest/sleep.md")
    ids["delete"] = repo.commit("Remove the sleep page", name="Cy Cutter", email="cy@example.org", step=STEP)
    repo.write("docs/habits/tiny.md", page("Tiny habits") + "\nA second paragraph, fixed.\n")
    ids["typo"] = repo.commit("Fix typo in tiny habits", step=STEP)
    repo.git("checkout", "-q", "-b", "feature")
    repo.write("docs/café/thé au lait.md", page("Thé au lait"))
    ids["feature"] = repo.commit("Add a page about tea", name="Dee Drafter", email="dee@example.org", step=STEP)
    repo.git("checkout", "-q", "main")
    repo.clock += STEP
    repo.git("merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature")
    ids["merge"] = repo.git("rev-parse", "HEAD").strip()
    repo.write("channel_map.yml", CHANNEL_MAP_V2)
    ids["map"] = repo.commit("Rename the habits channel, archive focus, add a cohort", step=STEP)
    repo.write("docs/index.md", page("Welcome") + "\nHello again.\n")
    ids["coauthor"] = repo.commit(
        "Warmer welcome\n\nCo-authored-by: Eve Editor <eve@example.org>", step=STEP
    )
    return repo, ids


def count_git_commands(monkeypatch) -> list[str]:
    """Record the git subcommand of every command handbook runs (the seam is `Repository.run`)."""
    from handbook.history import git as git_seam

    calls: list[str] = []
    original = git_seam.Repository.run

    def run(self, *args, **kwargs):
        calls.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(git_seam.Repository, "run", run)
    return calls
