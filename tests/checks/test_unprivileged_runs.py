"""The tests of read-only folders run their command as an unprivileged user; as root, through
`runuser -u nobody`. Where that cannot work they are skipped with the reason, but never in CI."""

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


def test_as_root_without_runuser_it_skips_and_says_why(as_root, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="runuser .util-linux. is not installed"):
        unprivileged(["true"])


def test_in_ci_the_same_is_a_failure_not_a_skip(as_root, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="in CI this test must run: runuser"):
        unprivileged(["true"])


def test_the_command_really_runs_unprivileged(monkeypatch):
    """As root (CI), as nobody; as another user, as that user: never as root."""
    monkeypatch.setenv("CI", "true")  # here it must run: a skip would fail
    unprivileged_module._why_nobody_cannot_run.cache_clear()
    command = unprivileged([sys.executable, "-c", "import os; print(os.geteuid())"])
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, cwd="/")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() not in ("", "0")
