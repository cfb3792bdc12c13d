"""Files that are no map to read: a FIFO, a device or a folder where the map should be, and a YAML
alias bomb ("billion laughs"). Each is refused with one message naming the file (and the line),
before anything waits on it or expands it."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import write_files

from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.model import ChannelMapError
from handbook.errors import HandbookError
from handbook.linkhealth.communities import load_communities

PROJECT = {
    "mkdocs.yml": "site_name: Hostile\nplugins:\n  - handbook:\n      history: false\n",
    "docs/index.md": "# Home\n",
    "docs/habits/index.md": "# Habits\n",
}


def bomb(levels: int = 9, width: int = 9, indent: str = "") -> list[str]:
    """Nine aliases of nine aliases of ...: 9**9 values from a few hundred bytes."""
    lines = [f"{indent}lol0: &a0 [" + ", ".join(["lol"] * width) + "]"]
    lines += [f"{indent}lol{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]" for i in range(1, levels)]
    return lines


def handbook(root: Path, *args: str) -> subprocess.CompletedProcess:
    """The real command; a hang or a runaway is stopped (2 GB of memory, 120 s) and fails the test."""
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))

    return subprocess.run([sys.executable, "-m", "handbook", *args], cwd=root, capture_output=True, text=True,
                          env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, timeout=120, preexec_fn=limit)


@pytest.mark.parametrize("kind, make", [
    ("a named pipe (FIFO)", os.mkfifo),
    ("a folder", os.mkdir),
    ("a character device", lambda path: os.symlink("/dev/zero", path)),
])
@pytest.mark.parametrize("command", [["check"], ["sync", "--dry-run"], ["status"]])
def test_a_map_that_is_no_regular_file_is_refused(tmp_path, kind, make, command):
    write_files(tmp_path, PROJECT)
    make(tmp_path / "channel_map.yml")
    result = handbook(tmp_path, *command)
    assert result.returncode == 2, result.stderr
    assert f"channel_map.yml: is {kind}, not a file. Fix: " in result.stderr
    assert "Traceback" not in result.stderr


def test_an_alias_bomb_in_the_map_is_refused_at_its_line(tmp_path):
    (tmp_path / "channel_map.yml").write_text("\n".join(["server:", "  name: Bomb", *bomb(),
                                                         "discord_categories: []", ""]), encoding="utf-8")
    with pytest.raises(ChannelMapError) as caught:
        load_channel_map(tmp_path / "channel_map.yml", "channel_map.yml")
    error = caught.value
    assert (error.file, error.line) == ("channel_map.yml", 7)  # `lol4`: 9**4 values are more than 10000
    assert "stand for more than 10000 values" in error.message and "alias bomb" in error.message
    assert "write the values out" in error.fix


def test_sync_dry_run_refuses_an_alias_bomb_instead_of_expanding_it(tmp_path):
    write_files(tmp_path, PROJECT)
    (tmp_path / "channel_map.yml").write_text("\n".join(["server:", "  name: Bomb", *bomb(),
                                                         "discord_categories: []", ""]), encoding="utf-8")
    result = handbook(tmp_path, "sync", "--dry-run")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("handbook sync: error: channel_map.yml:7:")


def test_an_alias_bomb_in_communities_is_refused_at_its_line(tmp_path):
    path = tmp_path / "communities.yml"
    path.write_text("\n".join(["- name: Bomb", "  url: https://example.org", *bomb(indent="  "), ""]),
                    encoding="utf-8")
    with pytest.raises(HandbookError) as caught:
        load_communities(path, "communities.yml")
    assert (caught.value.file, caught.value.line) == ("communities.yml", 7)
    assert "alias bomb" in caught.value.message


def test_a_few_shared_values_through_anchors_still_load(tmp_path):
    path = tmp_path / "channel_map.yml"
    path.write_text("server:\n  name: Shared\nroles:\n  - name: moderator\n"
                    "discord_categories:\n  - name: Base Camp\n    channels:\n"
                    "      - &intro {name: introductions, kind: prompt, prompt: Say hi}\n"
                    "  - name: Copy\n    channels:\n      - *intro\n", encoding="utf-8")
    loaded = load_channel_map(path, "channel_map.yml")
    assert [c.name for category in loaded.discord_categories for c in category.channels] == ["introductions"] * 2


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("character, name", [("\x00", "NUL"), ("\x07", "a control character")])
def test_a_raw_control_character_is_reported_at_its_own_line(tmp_path, newline, character, name):
    lines = ["server:", "  name: Campfire", "", "# the roles", "roles:", f"  - name: mod{character}erator", ""]
    path = tmp_path / "channel_map.yml"
    path.write_bytes(newline.join(lines).encode("utf-8"))
    with pytest.raises(ChannelMapError) as caught:
        load_channel_map(path, "channel_map.yml")
    error = caught.value
    assert (error.line, error.column) == (6, 14)
    assert f"the character U+{ord(character):04X} ({name}) is not allowed in a YAML file" in error.message
    assert "delete it" in error.fix


def test_a_raw_nul_far_down_a_long_map_names_its_line(tmp_path):
    path = tmp_path / "channel_map.yml"
    path.write_text("server:\n  name: A\n# " + "x" * 5000 + "\n" * 3000 + "roles:\n  - name: mo\x00d\n",
                    encoding="utf-8")
    with pytest.raises(ChannelMapError) as caught:
        load_channel_map(path, "channel_map.yml")
    assert caught.value.line == 3004


@pytest.mark.parametrize("links", [{"channel_map.yml": "channel_map.yml"},
                                   {"channel_map.yml": "other.yml", "other.yml": "channel_map.yml"}])
@pytest.mark.parametrize("command", [["sync"], ["check"], ["sync", "--dry-run"]])
def test_a_symlink_loop_as_the_map_is_refused_and_kept(tmp_path, links, command):
    write_files(tmp_path, PROJECT)
    for name, target in links.items():
        os.symlink(target, tmp_path / name)
    result = handbook(tmp_path, *command)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "channel_map.yml: is a symbolic link that leads back to itself" in result.stderr
    assert ".tmp" not in result.stderr and "Traceback" not in result.stderr
    assert all(os.path.islink(tmp_path / name) for name in links)  # never replaced by a regular file


def test_a_dangling_symlink_into_a_missing_folder_names_the_link_not_a_temporary_file(tmp_path):
    write_files(tmp_path, PROJECT)
    os.symlink("maps/channel_map.yml", tmp_path / "channel_map.yml")
    result = handbook(tmp_path, "sync")
    assert result.returncode == 2
    line = result.stderr.strip()
    assert line.startswith("handbook sync: error: channel_map.yml: is a symbolic link to ")
    assert f"{tmp_path}/maps" in line and ".tmp" not in line
    assert os.path.islink(tmp_path / "channel_map.yml")


def test_a_dangling_symlink_gets_the_map_written_through_it(tmp_path):
    write_files(tmp_path, PROJECT)
    (tmp_path / "maps").mkdir()
    os.symlink("maps/channel_map.yml", tmp_path / "channel_map.yml")
    assert handbook(tmp_path, "sync").returncode == 0
    assert os.path.islink(tmp_path / "channel_map.yml")
    assert "category: habits" in (tmp_path / "maps" / "channel_map.yml").read_text(encoding="utf-8")
    (tmp_path / "docs" / "tools").mkdir()
    (tmp_path / "docs" / "tools" / "index.md").write_text("# Tools\n", encoding="utf-8")
    assert handbook(tmp_path, "sync").returncode == 0  # an edit goes through the link too
    assert os.path.islink(tmp_path / "channel_map.yml")
    assert "category: tools" in (tmp_path / "maps" / "channel_map.yml").read_text(encoding="utf-8")


def test_a_map_without_an_alias_is_parsed_once(tmp_path, monkeypatch):
    """The count of aliased values needs a second parse only where an alias can be (`*name`):
    `handbook check` reads the map on every commit, and that pass cost as much as the load."""
    from ruamel.yaml import YAML

    parses = []
    original = YAML.parse
    monkeypatch.setattr(YAML, "parse", lambda self, stream: parses.append(1) or original(self, stream))
    (tmp_path / "channel_map.yml").write_text(
        "server:\n  name: Plain  # no alias here\ndiscord_categories: []\n", encoding="utf-8")
    load_channel_map(tmp_path / "channel_map.yml", "channel_map.yml")
    assert parses == []
    (tmp_path / "channel_map.yml").write_text(
        "server:\n  name: &n Shared\n  description: *n\ndiscord_categories: []\n", encoding="utf-8")
    load_channel_map(tmp_path / "channel_map.yml", "channel_map.yml")
    assert parses == [1]
