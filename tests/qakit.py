"""A real project in a temporary folder and the real `handbook` command in a subprocess, for the
end-to-end tests (test_qa_*.py, beside the tests of what each one checks)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sitekit import GIT_ENV, commit_all, write_files

MKDOCS_YML = """\
site_name: QA Handbook
theme:
  name: material
plugins:
  - handbook
"""

BASE_FILES = {
    "mkdocs.yml": MKDOCS_YML,
    "docs/index.md": "# Home\n",
    "docs/habits/index.md": "# Habits\n\nTiny routines.\n",
    "docs/tools/index.md": "# Tools\n",
}


def make_project(root: Path, extra: dict[str, str] | None = None, *, git: bool = True) -> Path:
    write_files(root, {**BASE_FILES, **(extra or {})})
    if git:
        commit_all(root, "init")
    return root


def handbook(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run the installed command as a user would; never a traceback, exit 0/1/2."""
    full_env = {**os.environ, **GIT_ENV, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run([sys.executable, "-m", "handbook.cli", *args], cwd=root, env=full_env,
                            capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=120)
    assert "Traceback" not in result.stderr, result.stderr
    assert result.returncode in (0, 1, 2), (result.returncode, result.stderr)
    return result


def one_error_line(result: subprocess.CompletedProcess, command: str) -> str:
    """The single error line of a failed command (exit 2), checked for its shape."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"handbook {command}: error: "), lines[0]
    return lines[0]
