"""QA: `handbook sync` on a map saved with Windows newlines or a byte order mark changes only the
lines it adds, not every line of the file."""

from __future__ import annotations

import difflib

import pytest
from qakit import handbook, make_project


def _changed_lines(old: bytes, new: bytes) -> list[str]:
    diff = difflib.unified_diff(old.decode().splitlines(keepends=True), new.decode().splitlines(keepends=True), n=0)
    return [line for line in diff if line[:1] in "+-" and not line.startswith(("+++", "---"))]


@pytest.mark.parametrize("style", ["crlf", "bom", "bom+crlf"])
def test_sync_keeps_newlines_and_bom(tmp_path, style):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    path = root / "channel_map.yml"
    text = path.read_bytes().decode()
    if "crlf" in style:
        text = text.replace("\n", "\r\n")
    if "bom" in style:
        text = "\ufeff" + text
    path.write_bytes(text.encode())
    (root / "docs" / "rituals").mkdir()
    (root / "docs" / "rituals" / "index.md").write_text("# Rituals\n", encoding="utf-8")
    before = path.read_bytes()
    result = handbook(root, "sync")
    assert result.returncode == 0, result.stderr
    after = path.read_bytes()
    changed = _changed_lines(before, after)
    assert changed and all(line.startswith("+") for line in changed), changed
    assert after.startswith(b"\xef\xbb\xbf") == ("bom" in style)
    if "crlf" in style:
        assert after.count(b"\n") == after.count(b"\r\n")
    assert handbook(root, "check").returncode == 0
    assert handbook(root, "sync").stdout.endswith("nothing to change.\n")
