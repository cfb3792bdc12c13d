"""The tests of read-only folders run their command as an unprivileged user; as root, through
`runuser -u nobody`. Where that cannot work they fail with the reason and the fix, never skip."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import unprivileged as unprivileged_module
from unprivileged import unprivileged


@pytest.fixture
def as_root(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    unprivileged_module._why_nobody_cannot_run.cache_clear()
    yield
    unprivileged_module._why_nobody_cannot_run.cache_clear()


def test_for_a_user_who_is_not_root_the_command_is_unchanged(monkeypatch):
    monkeypatch.setattr(os, "geteuid", lambda: 1000)
    assert unprivileged(["true"]) == ["true"]


def test_as_root_without_runuser_it_fails_and_says_why_and_the_fix(as_root, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    for ci in ("true", None):  # in CI and outside it alike: never a skip
        if ci:
            monkeypatch.setenv("CI", ci)
        else:
            monkeypatch.delenv("CI", raising=False)
        with pytest.raises(pytest.fail.Exception, match="runuser .util-linux. is not installed.*Fix: install util-linux"):
            unprivileged(["true"])
        unprivileged_module._why_nobody_cannot_run.cache_clear()


def test_the_command_really_runs_unprivileged(monkeypatch):
    """As root (CI), as nobody; as another user, as that user: never as root."""
    unprivileged_module._why_nobody_cannot_run.cache_clear()
    command = unprivileged([sys.executable, "-c", "import os; print(os.geteuid())"])
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd="/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() not in ("", "0")
