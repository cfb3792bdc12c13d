"""QA: the three journeys of a community, end to end with real files, git and the fake Discord."""

from __future__ import annotations

import json

import pytest
from cli_run import run
from fake_discord import CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from gitbook_repo import isolated_git
from qakit import make_project
from sitekit import commit_all, git

from handbook.channelmap.loader import load_channel_map


def test_existing_server_pull_sync_plan_apply_then_nothing(fake, tmp_path, monkeypatch, capsys):
    isolated_git(monkeypatch)
    root = make_project(tmp_path / "hb")
    monkeypatch.chdir(root)
    topics = fake.add_channel("Topics", CATEGORY)
    habits = fake.add_channel("habits", parent_id=topics, topic="Our habits")
    ran = run(capsys, "discord", "pull", "--guild", fake.guild_id)
    code, out = ran.code, ran.text
    assert code == 0, out
    ran = run(capsys, "sync")
    code, out = ran.code, ran.text
    assert code == 0, out
    channel_map = load_channel_map(root / "channel_map.yml")
    assert channel_map.channel("habits").id == habits and channel_map.channel("tools").category == "tools"
    ran = run(capsys, "discord", "plan", "--format", "json")
    code, out = ran.code, ran.text
    assert code == 1, out
    assert ("create", "#tools") in [(o["op"], o["name"]) for o in json.loads(out)["operations"]]
    ran = run(capsys, "discord", "apply", "--yes")
    code, out = ran.code, ran.text
    assert code == 0, out
    assert fake.by_name("tools")["parent_id"] == topics
    ran = run(capsys, "discord", "plan")
    code, out = ran.code, ran.text
    assert code == 0 and "nothing to change" in out, out
    assert run(capsys, "check")[0] == 0


def test_new_category_folder_check_sync_check_plan(fake, tmp_path, monkeypatch, capsys):
    isolated_git(monkeypatch)
    root = make_project(tmp_path / "hb")
    monkeypatch.chdir(root)
    fake.add_channel("Topics", CATEGORY)
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    assert run(capsys, "sync")[0] == 0
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    (root / "docs" / "rituals").mkdir()
    (root / "docs" / "rituals" / "index.md").write_text("# Rituals\n", encoding="utf-8")
    ran = run(capsys, "check")
    code, out = ran.code, ran.text
    assert code == 1 and "missing-channel" in out, out
    assert run(capsys, "sync")[0] == 0
    ran = run(capsys, "check")
    code, out = ran.code, ran.text
    assert code == 0, out
    ran = run(capsys, "discord", "plan", "--format", "json")
    code, out = ran.code, ran.text
    assert code == 1
    assert ("create", "#rituals") in [(o["op"], o["name"]) for o in json.loads(out)["operations"]]


@pytest.mark.parametrize("new", ["routines", "010", "yes", "café"])
def test_git_mv_a_category_check_reports_rename_sync_keeps_the_id(fake, tmp_path, monkeypatch, capsys, new):
    isolated_git(monkeypatch)
    root = make_project(tmp_path / "hb")
    monkeypatch.chdir(root)
    fake.add_channel("Topics", CATEGORY)
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    assert run(capsys, "sync")[0] == 0
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    old_id = load_channel_map(root / "channel_map.yml").channel("habits").id
    assert old_id
    commit_all(root, "map")
    git(root, "mv", "docs/habits", f"docs/{new}")
    commit_all(root, "rename habits")
    ran = run(capsys, "check")
    code, out = ran.code, ran.text
    assert code == 1 and "category-renamed" in out, out
    assert run(capsys, "sync")[0] == 0
    channel_map = load_channel_map(root / "channel_map.yml")
    renamed = [c for c in channel_map.channels() if c.category == new]
    assert len(renamed) == 1 and renamed[0].id == old_id, out
    assert run(capsys, "check")[0] == 0
    ran = run(capsys, "discord", "apply", "--yes")
    code, out = ran.code, ran.text
    assert code == 0, out
    assert fake.channels[old_id]["name"] == renamed[0].name
    assert run(capsys, "discord", "plan")[0] == 0
