"""Running a command as an unprivileged user, for the tests of folders that cannot be written
(root may write anywhere, so as root the command runs as `nobody` through util-linux's runuser)."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import sys

import pytest


@functools.cache
def _why_nobody_cannot_run() -> str | None:
    """None when `runuser -u nobody` runs this interpreter with handbook importable, else why not."""
    runuser = shutil.which("runuser")
    if runuser is None:
        return "runuser (util-linux) is not installed, so the command cannot run as nobody"
    probe = subprocess.run([runuser, "-u", "nobody", "--", sys.executable, "-c", "import handbook"],
                           capture_output=True, text=True, timeout=60, cwd="/")
    if probe.returncode != 0:
        said = (probe.stderr.strip().splitlines() or ["no message"])[-1]
        return f"the user nobody cannot run {sys.executable} with handbook installed ({said})"
    return None


def unprivileged(command: list[str]) -> list[str]:
    """`command` as it runs without the right to write everywhere: as it is for a user who is not
    root; as root, through `runuser -u nobody`. Where nobody cannot run this interpreter (a
    virtual environment in a folder only root may read, no runuser) the test fails with the reason
    and the fix: a skipped check would check nothing."""
    if os.geteuid() != 0:
        return command
    reason = _why_nobody_cannot_run()
    if reason is not None:
        pytest.fail(f"this test must run as an unprivileged user: {reason}. Fix: install util-linux "
                    "(`apt-get install util-linux`) and keep the virtual environment where every user may read it")
    return ["runuser", "-u", "nobody", "--", *command]
