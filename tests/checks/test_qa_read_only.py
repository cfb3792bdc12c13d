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
from unprivileged import unprivileged

from handbook.files import write_atomic
from handbook.errors import HandbookError


def _as_nobody(root: Path, *args: str, module: str = "handbook.cli",
               cache: Path | None = None) -> subprocess.CompletedProcess:
    """As an unprivileged user: root may write anywhere. (runuser sets HOME to nobody's, so the
    user's cache folder is given as XDG_CACHE_HOME.)"""
    command = unprivileged([sys.executable, "-m", module, *args])
    env = {**os.environ, "HOME": str(root), "NO_MKDOCS_2_WARNING": "1", "GIT_CONFIG_GLOBAL": os.devnull,
           "XDG_CACHE_HOME": str(cache or root / ".cache")}
    return subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("cache_writable", [True, False])
def test_a_build_of_a_read_only_checkout_keeps_its_generated_pages_elsewhere(cache_writable):
    base = Path(tempfile.mkdtemp(prefix="handbook-qa-ro-", dir="/tmp"))
    try:
        # a page with an owner: the site asks for reviews, so the reviews page is one it generates
        root = make_project(base / "hb", {"docs/habits/index.md": "---\nowner: Ada\n---\n# Habits\n"}, git=False)
        out = base / "out"
        out.mkdir()
        for folder in (base, *[p for p in root.rglob("*") if p.is_dir()]):
            folder.chmod(0o755)
        out.chmod(0o777)
        root.chmod(0o555)
        cache = out / ".cache" if cache_writable else base / "no-cache"  # base: root's, not nobody's
        result = _as_nobody(root, "build", "-d", str(out / "site"), module="mkdocs", cache=cache)
        assert "Traceback" not in result.stderr
        assert result.returncode == 0, result.stderr
        said = [line for line in result.stderr.splitlines() if ".handbook-cache cannot be written" in line]
        assert len(said) == 1, result.stderr  # said once, for every generated page
        assert f"{root}/.handbook-cache cannot be written, so the generated pages are kept in " in said[0]
        if cache_writable:
            assert f"kept in {out}/.cache/handbook/" in said[0]
        else:
            assert "kept in /tmp/handbook-cache-" in said[0]
            assert not list(Path("/tmp").glob(said[0].rsplit("/", 1)[1]))  # the temporary folder goes with the build
        assert not (root / ".handbook-cache").exists()
        assert "Reviews" in (out / "site" / "reviews" / "index.html").read_text(encoding="utf-8")
    finally:
        os.chmod(base / "hb", 0o755)
        shutil.rmtree(base)


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
