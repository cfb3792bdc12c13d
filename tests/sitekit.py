"""Real sites and real git repositories in temporary folders, for tests."""

from __future__ import annotations

import logging
import os
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from history_gitrepo import git_env, run_git
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

AUTHOR = ("Ada Lovelace", "ada@example.org")
"""Who makes the commits of `git` and `commit_all` (`history_gitrepo.GitRepo` is the same helper
with a date that moves on at each commit)."""

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": AUTHOR[0],
    "GIT_AUTHOR_EMAIL": AUTHOR[1],
    "GIT_COMMITTER_NAME": AUTHOR[0],
    "GIT_COMMITTER_EMAIL": AUTHOR[1],
}
"""The same author for a `handbook` or `mkdocs` run in a subprocess (its git commands)."""


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def git(root: Path, *args: str, date: str = "2024-03-01T10:00:00+00:00") -> str:
    return run_git(root, *args, env=git_env(*AUTHOR, date))


def commit_all(root: Path, message: str, date: str = "2024-03-01T10:00:00+00:00") -> None:
    if not (root / ".git").exists():
        git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", message, date=date)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@dataclass
class Built:
    site_dir: Path
    records: list[logging.LogRecord]
    aborted: str | None = None
    """MkDocs' abort message when the build stopped (a PluginError is logged, then aborts)."""
    config: Any = None
    """The loaded MkDocs configuration (None when loading it failed)."""

    @property
    def errors(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.ERROR]

    @property
    def warnings(self) -> list[str]:
        return [r.getMessage() for r in self.records if r.levelno >= logging.WARNING]

    def handbook_lines(self, level: int = logging.WARNING) -> list[str]:
        """Messages the handbook plugin logged at exactly `level`."""
        return [r.getMessage() for r in self.records if r.levelno == level and "handbook" in r.name]

    def html(self, page: str) -> str:
        return (self.site_dir / page).read_text(encoding="utf-8")


def build_site(root: Path, config_file: str = "mkdocs.yml", site_dir: Path | None = None, *,
               strict: bool = False, as_command: bool = False) -> Built:
    """Build in-process, collecting every log record MkDocs and its plugins wrote. With
    `as_command`, as `mkdocs build` run in `root` does: in that working directory (git plugins run
    git there), with the startup and shutdown events."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    aborted = None
    config = None
    site_dir = site_dir or root / "site"
    cwd = os.getcwd()
    if as_command:
        os.chdir(root)
    try:
        config = load_config(config_file=str(root / config_file), site_dir=str(site_dir),
                             **({"strict": True} if strict else {}))
        if as_command:
            config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            if as_command:
                config.plugins.on_shutdown()
    except Abort as err:
        aborted = str(err)
    finally:
        os.chdir(cwd)
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return Built(site_dir, handler.records, aborted, config)
