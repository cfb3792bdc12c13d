"""QA: commands run where git is not on PATH say that git is missing, not something else."""

from __future__ import annotations

import os
import sys

from qakit import handbook, make_project, one_error_line


def _no_git_path(tmp_path):
    bin_dir = tmp_path / "bin-without-git"
    bin_dir.mkdir()
    os.symlink(sys.executable, bin_dir / "python3")
    return {"PATH": str(bin_dir), "GIT_PYTHON_REFRESH": "quiet"}


def test_announce_without_git_says_git_is_missing(tmp_path):
    root = make_project(tmp_path / "site")
    env = _no_git_path(tmp_path)
    line = one_error_line(handbook(root, "discord", "announce", "--since", "HEAD", "--dry-run", env=env),
                          "discord announce")
    assert "git command was not found" in line, line
    assert "is not a commit" not in line


def test_check_without_git_still_checks(tmp_path):
    root = make_project(tmp_path / "site")
    assert handbook(root, "sync").returncode == 0
    result = handbook(root, "check", env=_no_git_path(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
