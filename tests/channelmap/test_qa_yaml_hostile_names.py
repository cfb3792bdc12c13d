"""QA: folder names that YAML 1.1 (PyYAML, which MkDocs and many tools use) or YAML 1.2 reads as
something other than text: `handbook sync` writes them so that every reader gets the same string
back, in a starter map and in an existing map it edits."""

from __future__ import annotations

import pytest
import yaml
from qakit import handbook, make_project
from ruamel.yaml import YAML
from sitekit import commit_all

from handbook.channelmap.scalars import reads_back_as_text

HOSTILE = ["yes", "no", "on", "off", "y", "n", "true", "null", "~", "1e3", "12e3", "0x10", "0o17", "010",
           "2024-01-01", "1_000", "1:20", "-.5", "+1", "NO", "Off", "<<", "="]
FOLDERS = [name for name in HOSTILE if name not in ("no", "off")]
"""One folder per channel name: `NO/` and `Off/` stand for `no` and `off`, and quoted too."""


def _topic_entries(path):
    with path.open(encoding="utf-8") as f:
        pyyaml = yaml.safe_load(f)
    ruamel = YAML(typ="rt").load(path.read_text(encoding="utf-8"))
    pairs = []
    for loaded in (pyyaml, ruamel):
        pairs.append([ch for cat in loaded["discord_categories"] for ch in cat["channels"] if ch.get("category")])
    return pairs


def _assert_reads_back(root, folders):
    for reader_entries in _topic_entries(root / "channel_map.yml"):
        by_folder = {entry["category"]: entry for entry in reader_entries}
        assert set(folders) <= set(by_folder), sorted(map(repr, by_folder))
        for folder in folders:
            entry = by_folder[folder]
            for key in ("name", "category", "topic"):
                assert isinstance(entry[key], str), (folder, key, entry[key])
            assert entry["topic"] == folder  # the title, from the first heading


ASKED = {"<<": "merge", "=": "value", "~": "tilde"}
"""Folders with no letter or digit give no channel name a `#mention` could reach: named with `channel:`."""


def _add_folders(root, folders):
    for folder in folders:
        (root / "docs" / folder).mkdir()
        front = f"---\nchannel: {ASKED[folder]}\n---\n" if folder in ASKED else ""
        (root / "docs" / folder / "index.md").write_text(f"{front}# {folder}\n\nAbout {folder}\n", encoding="utf-8")


@pytest.mark.parametrize("text", HOSTILE)
def test_a_hostile_text_never_passes_as_plain(text):
    assert not reads_back_as_text(text)


@pytest.mark.parametrize("text", ["habits", "a b", "café", "tiny-habits", "🎉", "Q&A"])
def test_ordinary_text_stays_plain(text):
    assert reads_back_as_text(text)


def test_sync_into_an_existing_map_quotes_what_yaml_would_misread(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    _add_folders(root, FOLDERS)
    commit_all(root, "hostile folders")
    result = handbook(root, "sync")
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_reads_back(root, FOLDERS)
    names = {entry["category"]: entry["name"] for entry in _topic_entries(root / "channel_map.yml")[0]}
    assert names["yes"] == "yes" and names["NO"] == "no" and names["1_000"] == "1-000" and names["1:20"] == "1-20"
    check = handbook(root, "check")
    assert check.returncode == 0, check.stdout
    assert handbook(root, "sync").stdout.strip().endswith("nothing to change.")


def test_starter_map_quotes_what_yaml_would_misread(tmp_path):
    root = make_project(tmp_path)
    _add_folders(root, FOLDERS)
    commit_all(root, "hostile folders")
    result = handbook(root, "sync")
    assert result.returncode == 0, result.stdout + result.stderr
    _assert_reads_back(root, FOLDERS)
    check = handbook(root, "check")
    assert check.returncode == 0, check.stdout


def test_a_renamed_channel_is_quoted_too(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    (root / "docs" / "habits" / "index.md").write_text("---\nchannel: \"off\"\n---\n# Habits\n\nAbout habits\n",
                                                       encoding="utf-8")
    assert handbook(root, "sync").returncode == 0
    entries = {entry["category"]: entry for entry in _topic_entries(root / "channel_map.yml")[0]}
    assert entries["habits"]["name"] == "off"
    assert handbook(root, "check").returncode == 0
