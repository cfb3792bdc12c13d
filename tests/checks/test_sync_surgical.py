"""`handbook sync` edits the map a person wrote surgically: the lines that change, no other byte.

Every case is a real project in a temporary folder run through the command line; the expected
file is the original with exactly the new lines put in.
"""

import os
import signal
import subprocess
import sys

import pytest

from handbook.channelmap.loader import load_channel_map
from cli_run import run
from paths import ROOT
from sitekit import commit_all, write_files

MKDOCS = "site_name: Campfire\nplugins:\n  - handbook\n"
HABITS_ONLY = {"mkdocs.yml": MKDOCS, "docs/index.md": "# Home\n", "docs/habits/index.md": "# Habits\n"}
WITH_FOCUS = {**HABITS_ONLY, "docs/focus/index.md": "# Focus\n"}


def project(tmp_path, monkeypatch, files, map_bytes: bytes):
    write_files(tmp_path, files)
    (tmp_path / "channel_map.yml").write_bytes(map_bytes)
    commit_all(tmp_path, "start")  # full history: `rituals` was never a folder, so not renamed
    monkeypatch.chdir(tmp_path)
    return tmp_path / "channel_map.yml"


def insert_after(text: str, anchor: str, new: list[str], newline: str = "\n") -> str:
    """`text` with `new` lines put right after the (first) line containing `anchor`."""
    lines = text.splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if anchor in line)
    return "".join(lines[: index + 1] + [line + newline for line in new] + lines[index + 1:])


# A map full of things ruamel would normalise; `rituals` is the orphan that `sync` archives.
STYLED = """\
%YAML 1.2
---
# Campfire's map
server:   
    name: Campfire    # trailing spaces above stay
    notes: { on_call: true, shifts: [early,late] }
defaults: &open
    visibility: open
roles:
    -   name: member
    -   name: moderator
discord_categories:
    -   name: Handbook Topics
        <<: *open
        channels:
            -   name: habits
                kind:   topic
                category: habits
                topic: 'Habits'
            -   name: rituals
                kind: topic
                category: rituals
            # Voice channels below
            # -   name: campfire
            #     kind: voice
...
"""


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_archiving_changes_one_line_and_keeps_every_style_marker_and_ending(tmp_path, monkeypatch, capsys,
                                                                          newline, bom):
    original = bom + STYLED.replace("\n", newline)
    path = project(tmp_path, monkeypatch, HABITS_ONLY, original.encode("utf-8"))
    code, out, _ = run(capsys, "sync")
    assert code == 0 and "archived #rituals" in out
    expected = insert_after(original, "category: rituals", ["                status: archived"], newline)
    assert path.read_bytes() == expected.encode("utf-8")
    assert run(capsys, "sync")[0] == 0 and path.read_bytes() == expected.encode("utf-8")  # idempotent


def test_a_new_channel_lands_after_the_last_channel_not_after_the_trailing_comments(tmp_path, monkeypatch, capsys):
    original = """\
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habits
        kind: topic
        category: habits
        topic: Habits
      # Voice channels below
      # - name: campfire
      #   kind: voice
  - name: Voice
    channels: []
"""
    path = project(tmp_path, monkeypatch, WITH_FOCUS, original.encode())
    assert run(capsys, "sync")[0] == 0
    expected = insert_after(original, "topic: Habits", [
        "      - name: focus", "        kind: topic", "        category: focus", "        topic: Focus"])
    assert path.read_text() == expected


def test_a_map_of_only_comments_keeps_them(tmp_path, monkeypatch, capsys):
    original = "# Our Discord, to be written.\n# Ask the hosts before adding channels.\n"
    path = project(tmp_path, monkeypatch, HABITS_ONLY, original.encode())
    code, out, _ = run(capsys, "sync")
    assert code == 0 and "added #habits" in out
    text = path.read_text()
    assert text.startswith(original)
    assert load_channel_map(path).topic_channel_for("habits").name == "habits"


def test_a_file_without_a_final_newline_still_has_none(tmp_path, monkeypatch, capsys):
    original = "discord_categories:\n- name: T\n  channels:\n  - name: habits\n    kind: topic\n    category: habits\n  - name: rituals\n    kind: topic\n    category: rituals"
    path = project(tmp_path, monkeypatch, HABITS_ONLY, original.encode())
    assert run(capsys, "sync")[0] == 0
    assert path.read_text() == original + "\n    status: archived"


def test_a_rename_changes_only_the_name_line(tmp_path, monkeypatch, capsys):
    files = {**HABITS_ONLY, "docs/habits/index.md": "---\nchannel: habit-talk\n---\n# Habits\n"}
    original = STYLED.replace("\n", "\r\n")
    path = project(tmp_path, monkeypatch, files, original.encode())
    assert run(capsys, "sync")[0] == 0
    before, after = original.splitlines(keepends=True), path.read_bytes().decode().splitlines(keepends=True)
    changed = [(a, b) for a, b in zip(before, after) if a != b]
    assert len(before) + 1 == len(after)  # the orphan's `status: archived`, nothing else added
    assert changed[0] == ("            -   name: habits\r\n", "            -   name: habit-talk\r\n")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_dry_run_shows_exactly_the_bytes_that_change(tmp_path, monkeypatch, capsys, newline):
    original = ("\ufeff" + STYLED).replace("\n", newline)
    path = project(tmp_path, monkeypatch, WITH_FOCUS, original.encode())
    code, diff, _ = run(capsys, "sync", "--dry-run")
    assert code == 0 and path.read_bytes().decode() == original
    assert f"+                status: archived{newline}" in diff
    patch = tmp_path / "dry-run.patch"
    patch.write_bytes(diff.encode())
    preview = tmp_path / "preview"
    preview.mkdir()
    (preview / "channel_map.yml").write_bytes(original.encode())
    subprocess.run(["git", "apply", "-p1", str(patch)], cwd=preview, check=True, capture_output=True)
    assert run(capsys, "sync")[0] == 0
    assert (preview / "channel_map.yml").read_bytes() == path.read_bytes()


def test_a_read_only_map_is_not_replaced(tmp_path, monkeypatch, capsys):
    if os.geteuid() == 0:
        monkeypatch.setattr(os, "access", lambda p, mode, **kw: not (mode & os.W_OK and str(p).endswith(".yml")))
    original = b"discord_categories:\n- name: T\n  channels:\n  - name: habits\n    kind: topic\n    category: habits\n  - name: rituals\n    kind: topic\n    category: rituals\n"
    path = project(tmp_path, monkeypatch, HABITS_ONLY, original)
    path.chmod(0o444)
    code, out, err = run(capsys, "sync")
    assert code == 2 and out == ""
    assert err == ("handbook sync: error: channel_map.yml: is read-only, so it was not changed. "
                   "Fix: make it writable (chmod u+w), or run the command where you may write it\n")
    assert path.read_bytes() == original and not path.stat().st_mode & 0o222
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")) == []


def test_a_symlinked_map_is_written_through_to_its_target(tmp_path, monkeypatch, capsys):
    original = b"discord_categories:\n- name: T\n  channels:\n  - name: habits\n    kind: topic\n    category: habits\n  - name: rituals\n    kind: topic\n    category: rituals\n"
    project(tmp_path, monkeypatch, HABITS_ONLY, b"")
    (tmp_path / "channel_map.yml").unlink()
    shared = tmp_path / "shared" / "discord.yml"
    shared.parent.mkdir()
    shared.write_bytes(original)
    (tmp_path / "channel_map.yml").symlink_to(shared)
    assert run(capsys, "sync")[0] == 0
    assert (tmp_path / "channel_map.yml").is_symlink()
    assert shared.read_bytes() == original + b"    status: archived\n"


def test_a_map_that_is_not_utf8_is_a_clear_error_end_to_end(tmp_path, monkeypatch, capsys):
    original = "server:\n  name: Caf\u00e9\n".encode("latin-1")
    path = project(tmp_path, monkeypatch, HABITS_ONLY, original)
    for command in ("check", "sync"):
        code, out, err = run(capsys, command)
        assert code == 2 and out == "" and "Traceback" not in err
        assert err == (f"handbook {command}: error: channel_map.yml:2: is not UTF-8 text (byte 0xe9). "
                       "Fix: save the file as UTF-8 in your editor\n")
    assert path.read_bytes() == original


KILLER = """
import os, signal, sys
from pathlib import Path
from handbook import files
point = sys.argv[2]
real = getattr(os, point)
def die(*args, **kwargs):
    os.kill(os.getpid(), signal.SIGKILL)
setattr(os, point, die)
files.write_atomic(Path(sys.argv[1]), "new: text\\n")
"""


def _anonymous_files_work(folder) -> bool:
    """Whether this file system gives unnamed files (Linux O_TMPFILE); elsewhere a leftover is
    cleared by the next write instead."""
    try:
        os.close(os.open(folder, os.O_TMPFILE | os.O_WRONLY, 0o600))
    except (AttributeError, OSError):
        return False
    return True


@pytest.mark.parametrize("point", ["fsync", "replace"])
def test_a_killed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, point):
    path = tmp_path / "channel_map.yml"
    path.write_text("old: text\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "plugins")}
    done = subprocess.run([sys.executable, "-c", KILLER, str(path), point], env=env, capture_output=True)
    assert done.returncode == -signal.SIGKILL
    assert path.read_text() == "old: text\n"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "channel_map.yml"]
    from handbook.files import write_atomic

    if point == "fsync" and _anonymous_files_work(tmp_path):  # still unnamed when it died: nothing to see
        assert leftovers == []
    else:  # named, not yet renamed: the next write clears it away
        assert leftovers == [f".channel_map.yml.{leftovers[0].split('.')[3]}.tmp"]
    write_atomic(path, "next: text\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["channel_map.yml"]
    assert path.read_text() == "next: text\n"


def test_dry_run_of_a_file_without_a_final_newline_applies_exactly(tmp_path, monkeypatch, capsys):
    original = "discord_categories:\n- name: T\n  channels:\n  - name: habits\n    kind: topic\n    category: habits"
    path = project(tmp_path, monkeypatch, WITH_FOCUS, original.encode())
    code, diff, _ = run(capsys, "sync", "--dry-run")
    assert code == 0 and "\\ No newline at end of file\n" in diff
    (tmp_path / "dry-run.patch").write_text(diff)
    preview = tmp_path / "preview"
    preview.mkdir()
    (preview / "channel_map.yml").write_text(original)
    subprocess.run(["git", "apply", "-p1", str(tmp_path / "dry-run.patch")], cwd=preview, check=True,
                   capture_output=True)
    assert run(capsys, "sync")[0] == 0
    assert (preview / "channel_map.yml").read_bytes() == path.read_bytes()
    assert not path.read_text().endswith("\n")


def test_a_new_channel_in_a_four_space_map_takes_the_map_s_own_indentation(tmp_path, monkeypatch, capsys):
    path = project(tmp_path, monkeypatch, WITH_FOCUS, STYLED.encode())
    code, out, _ = run(capsys, "sync")
    assert code == 0 and "archived #rituals" in out and "added #focus" in out
    expected = insert_after(STYLED, "category: rituals", [
        "                status: archived",
        "            -   name: focus", "                kind: topic", "                category: focus",
        "                topic: Focus"])
    assert path.read_text() == expected
