"""The seed's journey, end to end: a GitBook handbook and a Discord server that already exist.

`handbook import gitbook`, `discord pull`, `sync`, `discord plan`, `discord apply --yes` in a row
with no hand edit; then `plan` has nothing to do and the site builds strictly.
"""

from __future__ import annotations

import json

import pytest
from cli_run import run
from fake_discord import CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from gitbook_repo import isolated_git, make_gitbook, mkdocs_build, run_cli

from handbook.channelmap.loader import load_channel_map


def test_gitbook_and_an_existing_server_adopt_in_one_go(fake, tmp_path, monkeypatch, capsys):
    isolated_git(monkeypatch)
    root = tmp_path / "handbook"
    make_gitbook(root)
    moderator = fake.add_role("moderator")
    base = fake.add_channel("Base Camp", CATEGORY)
    fake.add_channel("introductions", parent_id=base, topic="Tell us who you are")
    topics = fake.add_channel("Topics", CATEGORY)
    # in the community's own words, not naming the category's title ("Practice"): still a strict build
    habits = fake.add_channel("habits", parent_id=topics, topic="Building habits that last")
    fake.add_channel("show-me", parent_id=topics)
    staff = fake.add_channel("Staff", CATEGORY, overwrites=fake.private_overwrites(moderator))
    fake.add_channel("mod-log", parent_id=staff, overwrites=fake.private_overwrites(moderator))  # hidden
    fake.add_channel("mod-chat", parent_id=staff, overwrites=fake.private_overwrites(moderator, bot=True))

    imported = run_cli("import", "gitbook", str(root))
    assert imported.returncode == 0, imported.stderr
    monkeypatch.chdir(root)

    ran = run(capsys, "discord", "pull", "--guild", fake.guild_id)
    code, out = ran.code, ran.text
    assert code == 0, out
    channel_map = load_channel_map(root / "channel_map.yml")
    assert channel_map.channel("habits").id == habits and channel_map.channel("habits").category == "habits"
    # the starter map's "Handbook Topics" is the server's "Topics": they share #habits
    assert [c.name for c in channel_map.discord_categories].count("Handbook Topics") == 0
    assert channel_map.channel("getting-started").discord_category == "Topics"

    ran = run(capsys, "sync")
    code, out = ran.code, ran.text
    assert code == 0, out
    assert run(capsys, "sync")[0] == 0  # twice: nothing the second time
    ran = run(capsys, "discord", "plan", "--format", "json")
    code, out = ran.code, ran.text
    assert code == 1, out
    ops = [(o["op"], o["name"]) for o in json.loads(out)["operations"]]
    # the starter map's example channels and roles are comments: nothing made up is created
    assert [name for op, name in ops if op.startswith("create")] == ["#getting-started"]

    ran = run(capsys, "discord", "apply", "--yes")
    code, out = ran.code, ran.text
    assert code == 0, out
    names = [c["name"] for c in fake.channels.values()]
    assert len(names) == len(set(names)), "no channel twice"
    assert fake.by_name("getting-started")["parent_id"] == topics
    ran = run(capsys, "discord", "plan")
    code, out = ran.code, ran.text
    assert code == 0 and "nothing to change" in out, out
    ran = run(capsys, "status")
    code, out = ran.code, ran.text
    assert code == 0, out
    assert "Next: nothing: the docs, the map and the server agree" in out

    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
