"""QA: `handbook sync` where the map's folder cannot be written says so about the map, not about
a temporary file the person never made (run as an unprivileged user: root may write anywhere)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from qakit import make_project

from handbook.files import write_atomic
from handbook.errors import HandbookError


def _as_nobody(root: Path, *args: str) -> subprocess.CompletedProcess:
    """As root (CI), through util-linux's runuser, which Debian always has: root may write anywhere."""
    command = [sys.executable, "-m", "handbook.cli", *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "nobody", "--", *command]
    env = {**os.environ, "HOME": str(root), "NO_MKDOCS_2_WARNING": "1", "GIT_CONFIG_GLOBAL": os.devnull}
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)


def test_sync_in_a_read_only_folder_names_the_map():
    base = Path(tempfile.mkdtemp(prefix="handbook-qa-ro-", dir="/tmp"))
    try:
        root = make_project(base / "hb", git=False)
        (root / "docs" / "rituals").mkdir()
        (root / "docs" / "rituals" / "index.md").write_text("# Rituals\n", encoding="utf-8")
        (root / "channel_map.yml").write_text("server:\n  name: QA\n", encoding="utf-8")
        (root / "channel_map.yml").chmod(0o666)
        for folder in (base, root, *[p for p in root.rglob("*") if p.is_dir()]):
            folder.chmod(0o755)
        root.chmod(0o555)
        result = _as_nobody(root, "sync")
        assert "Traceback" not in result.stderr
        assert result.returncode == 2, result.stderr
        line = result.stderr.strip()
        assert line.startswith("handbook sync: error: ") and "channel_map.yml: cannot be written" in line, line
        assert ".tmp" not in line
    finally:
        os.chmod(base / "hb", 0o755)
        shutil.rmtree(base)


def test_write_atomic_refuses_a_folder_it_cannot_write(tmp_path, monkeypatch):
    from handbook import files

    def denied(name, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr(files, "_write_anonymous", lambda *args: False)
    monkeypatch.setattr(files, "_write_named", denied)
    with pytest.raises(HandbookError, match="cannot be written"):
        write_atomic(tmp_path / "channel_map.yml", "x: 1\n")
