"""QA: hyphens and underscores at either end of a folder or `channel:` name never reach a channel
name (`_drafts/` is #drafts), and a name Discord would refuse (nothing left, or over 100
characters) is a finding and a note from `handbook sync`, never a channel, a crash or a refusal of
the whole sync."""

from __future__ import annotations

import json

import pytest
from qakit import handbook, make_project
from sitekit import commit_all

from handbook.channelmap.loader import load_channel_map


def _add(root, folder, front_matter=""):
    (root / "docs" / folder).mkdir(parents=True)
    (root / "docs" / folder / "index.md").write_text(f"{front_matter}# {folder}\n", encoding="utf-8")


@pytest.mark.parametrize("starter", [True, False])
@pytest.mark.parametrize(("folder", "channel"), [("_drafts", "drafts"), ("-x", "x"), ("__init__", "init"),
                                                 ("notes_", "notes"), ("-_-a_-", "a")])
def test_edge_hyphens_and_underscores_are_dropped(tmp_path, starter, folder, channel):
    root = make_project(tmp_path)
    if not starter:
        assert handbook(root, "sync").returncode == 0
    _add(root, folder)
    commit_all(root, "folder")
    assert handbook(root, "sync").returncode == 0
    assert load_channel_map(root / "channel_map.yml").topic_channel_for(folder).name == channel
    assert handbook(root, "check").returncode == 0


def test_a_name_asked_for_loses_its_edge_marks_too(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    (root / "docs" / "habits" / "index.md").write_text("---\nchannel: _Tiny Habits-\n---\n# Habits\n",
                                                       encoding="utf-8")
    assert handbook(root, "sync").returncode == 0
    assert load_channel_map(root / "channel_map.yml").topic_channel_for("habits").name == "tiny-habits"
    assert handbook(root, "check").returncode == 0


@pytest.mark.parametrize("starter", [True, False])
@pytest.mark.parametrize("folder", ["-", "__", "x" * 120])
def test_a_name_discord_would_refuse_is_a_finding_and_a_note(tmp_path, starter, folder):
    root = make_project(tmp_path)
    if not starter:
        assert handbook(root, "sync").returncode == 0
    _add(root, folder)
    commit_all(root, "folder")
    result = handbook(root, "sync")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"did not add a channel for `{folder}`" in result.stdout
    channel_map = load_channel_map(root / "channel_map.yml")
    assert channel_map.topic_channel_for(folder) is None
    assert channel_map.topic_channel_for("habits").name == "habits"  # the rest is synced
    check = handbook(root, "check", "--format", "json")
    [finding] = json.loads(check.stdout)["findings"]
    assert finding["code"] == "unusable-channel-name"
    assert finding["file"] == f"docs/{folder}/index.md"
    assert "channel: some-name" in finding["fix"]


def test_a_name_asked_for_lifts_the_finding(tmp_path):
    root = make_project(tmp_path)
    _add(root, "x" * 120, "---\nchannel: long-one\n---\n")
    commit_all(root, "folder")
    assert handbook(root, "sync").returncode == 0
    assert load_channel_map(root / "channel_map.yml").topic_channel_for("x" * 120).name == "long-one"
    assert handbook(root, "check").returncode == 0


def test_two_folders_with_one_channel_name_get_one_channel_and_a_note(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    _add(root, "Yes")
    _add(root, "yes")
    commit_all(root, "folders")
    result = handbook(root, "sync")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "did not add #yes for `yes`: `Yes` has that name" in result.stdout
    assert load_channel_map(root / "channel_map.yml").topic_channel_for("Yes").name == "yes"
    check = handbook(root, "check", "--format", "json")
    [missing] = [f for f in json.loads(check.stdout)["findings"] if f["code"] == "missing-channel"]
    assert missing["file"] == "docs/yes/index.md"
    assert "`Yes` asks for #yes too" in missing["fix"]


def test_the_advice_never_offers_the_other_folders_channel(tmp_path):
    """`Yes/` has #yes; `yes/` asks for it too: no command tells to point #yes at `yes`."""
    root = make_project(tmp_path)
    _add(root, "Yes")
    _add(root, "yes")
    commit_all(root, "folders")
    handbook(root, "sync")
    line = next(n for n, text in enumerate((root / "channel_map.yml").read_text().splitlines(), 1)
                if text.strip() == 'category: "Yes"')
    for command in (["sync"], ["sync", "--dry-run"], ["check"], ["status"]):
        result = handbook(root, *command)
        out = result.stdout + result.stderr
        assert "category: yes" not in out and "to link it" not in out and f"line {line}" not in out, (command, out)
    assert "did not add #yes for `yes`: `Yes` has that name" in handbook(root, "sync").stdout
    [missing] = [f for f in json.loads(handbook(root, "check", "--format", "json").stdout)["findings"]
                 if f["code"] == "missing-channel"]
    assert "`Yes` asks for #yes too" in missing["fix"]
    assert load_channel_map(root / "channel_map.yml").topic_channel_for("Yes").name == "yes"
    # and status does not send the user round to a sync that adds nothing
    assert handbook(root, "status").stdout.splitlines()[-1] == (
        "Next: `Yes` has the channel name `yes` asks for: give `yes` another with `channel: other-name` "
        "in its index.md front matter")
