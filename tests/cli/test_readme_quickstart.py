"""The README's quick start, followed literally as a new user would: the `mkdocs.yml` of its install
section as written, then each command of its quick start block, in order, in a fresh repository with a handbook in `docs/`. Each
does what its comment says; then a new folder is drift that `check` and the strict build catch."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from paths import ROOT
from sitekit import commit_all, git, write_files

BIN = Path(sys.executable).parent
INSTALL = re.compile(r"^## Install it in your community's repository\n(.*?)^## ", re.M | re.S)
QUICK_START = re.compile(r"^## Quick start\n(.*?)^## ", re.M | re.S)


def blocks(section: re.Pattern) -> list[tuple[str, str]]:
    found = section.search((ROOT / "README.md").read_text(encoding="utf-8"))
    assert found, f"README.md has its section {section.pattern}"
    return re.findall(r"```(\w+)\n(.*?)```", found.group(1), re.S)


def quick_start() -> tuple[str, list[str]]:
    """The install section's `mkdocs.yml`, and the commands of the quick start (comments dropped)."""
    config = next(text for kind, text in blocks(INSTALL) if kind == "yaml")
    lines = [line.split("#", 1)[0].strip() for kind, text in blocks(QUICK_START) if kind == "sh"
             for line in text.splitlines()]
    assert len(lines) == 5 and lines[0] == "pip install mkdocs-handbook", lines  # five lines, install first
    return config, [c for c in lines if c and not c.startswith("pip install")]


def test_the_manuals_guide_shows_the_same_configuration_and_commands():
    """How-to "Add handbook to an existing MkDocs site" repeats the quick start: the same text, so
    the test below covers it too."""
    guide = (ROOT / "manual" / "docs" / "how-to" / "add-to-an-existing-site.md").read_text(encoding="utf-8")
    config, commands = quick_start()
    assert f"```yaml\n{config}```" in guide
    shown = [line.split("#", 1)[0].strip() for line in re.search(r"```sh\nhandbook sync.*?```", guide, re.S).group(0)
             .splitlines()[1:-1]]
    assert shown == commands


def run(root: Path, command: str) -> subprocess.CompletedProcess:
    program, *args = command.split()
    env = {k: v for k, v in os.environ.items() if not k.startswith("DISCORD_")}  # a user with no bot yet
    return subprocess.run([str(BIN / program), *args], cwd=root, capture_output=True, text=True, env=env)


def test_the_quick_start_works_as_written(tmp_path):
    config, commands = quick_start()
    assert commands == ["handbook sync", "handbook check", "handbook status", "mkdocs build --strict"]
    write_files(tmp_path, {
        "mkdocs.yml": config,
        "docs/index.md": "# Our handbook\n",
        "docs/habits/index.md": "# Habits\n\nTiny routines.\n",
        "docs/focus/index.md": "# Focus\n\nDeep work.\n",
        "docs/maintaining/index.md": "# Maintaining\n\nFor the maintainers.\n",
    })
    git(tmp_path, "init", "-q", "-b", "main")
    commit_all(tmp_path, "Start the handbook")
    results = {command: run(tmp_path, command) for command in commands}
    for command, result in results.items():
        assert result.returncode == 0, (command, result.stdout + result.stderr)
        assert "Traceback" not in result.stderr, command
    # "writes channel_map.yml (a topic channel per docs folder)", none for the excluded one
    text = (tmp_path / "channel_map.yml").read_text(encoding="utf-8")
    assert "category: habits" in text and "category: focus" in text and "maintaining" not in text
    assert "Next: nothing" in results["handbook status"].stdout

    # a new folder later: drift, which check reports and the strict build fails on
    write_files(tmp_path, {"docs/events/index.md": "# Events\n"})
    check = run(tmp_path, "handbook check")
    assert check.returncode == 1 and "[missing-channel]" in check.stdout, check.stdout
    build = run(tmp_path, "mkdocs build --strict")
    assert build.returncode == 1 and "[missing-channel]" in build.stderr, build.stderr
