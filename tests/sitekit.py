"""Real sites and real git repositories in temporary folders, for tests."""

from __future__ import annotations

import logging
import os
import subprocess
import textwrap
from dataclasses import dataclass
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Ada Lovelace",
    "GIT_AUTHOR_EMAIL": "ada@example.org",
    "GIT_COMMITTER_NAME": "Ada Lovelace",
    "GIT_COMMITTER_EMAIL": "ada@example.org",
}


def write_files(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")


def git(root: Path, *args: str, date: str = "2024-03-01T10:00:00+00:00") -> str:
    env = {**os.environ, **GIT_ENV, "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    result = subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True, text=True)
    return result.stdout


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


def build_site(root: Path, config_file: str = "mkdocs.yml", site_dir: Path | None = None) -> Built:
    """Build in-process, collecting every log record MkDocs and its plugins wrote."""
    handler = _Collect()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    aborted = None
    site_dir = site_dir or root / "site"
    try:
        config = load_config(config_file=str(root / config_file), site_dir=str(site_dir))
        build(config)
    except Abort as err:
        aborted = str(err)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)
    return Built(site_dir, handler.records, aborted)
