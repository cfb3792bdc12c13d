"""Issue 32's journey, end to end: a site whose nav is awesome-pages' `.pages` files (every folder
labels its index `Home`, the top one leaves folders out) adopts handbook on a Discord server that
already has near-named channels. The manual's steps only (how-to/adopt-a-discord-server.md), no hand edit: `discord pull`, `sync`
(which names the near names), `sync --add-near` (the user's answer: channels of their own),
`plan`, `apply`, then an empty plan and a clean strict build."""

from __future__ import annotations

import json

import sitekit
from cli_run import run
from ecosystem_site import build_strict
from fake_discord import CATEGORY, fake  # noqa: F401  (fixture)
from test_awesome_pages_site import FOLDERS, LEFT_OUT, MKDOCS_YML, docs

from handbook.channelmap.loader import load_channel_map


def test_a_pages_site_adopts_a_server_with_near_named_channels_with_no_hand_edit(fake, tmp_path, monkeypatch, capsys):
    sitekit.write_files(tmp_path, {**docs(), "mkdocs.yml": MKDOCS_YML, ".gitignore": "site/\n"})
    sitekit.commit_all(tmp_path, "Start the handbook")
    monkeypatch.chdir(tmp_path)
    topics = fake.add_channel("Community", CATEGORY)
    kept = {name: fake.add_channel(name, parent_id=topics, topic="The server's own")
            for name in ("moderation", "event", "projects-help", "general")}  # `moderation` is the category's

    assert run(capsys, "discord", "pull", "--guild", fake.guild_id).code == 0
    first = run(capsys, "sync")
    assert first.code == 1, first.text  # something left for the user: the near names
    # the near names are named, with the edit, and nothing was added for them
    assert "#event" in first.text and "#projects-help" in first.text, first.text
    channel_map = load_channel_map(tmp_path / "channel_map.yml")
    assert channel_map.channel("moderation").id == kept["moderation"]  # adopted by its name, keeping its id
    assert channel_map.channel("events") is None and channel_map.channel("projects") is None

    answer = run(capsys, "sync", "--add-near")  # the user's answer: channels of their own
    assert answer.code == 0, answer.text
    plan = run(capsys, "discord", "plan", "--format", "json")
    data = json.loads(plan.out)
    assert data["questions"] == [], data["questions"]
    created = {o["name"] for o in data["operations"] if o["op"] == "create"}
    assert created == {"#onboarding", "#events", "#projects"}, created  # nothing for the folders left out
    assert not any(name.strip("#") in LEFT_OUT for name in created)

    applied = run(capsys, "discord", "apply", "--yes")
    assert applied.code == 0, applied.text
    again = run(capsys, "discord", "plan")
    assert again.code == 0 and "nothing to change" in again.out, again.text
    names = sorted(c["name"] for c in fake.channels.values() if c["type"] != CATEGORY)
    assert names == ["event", "events", "general", "moderation", "onboarding", "projects", "projects-help"]
    assert fake.channels[kept["general"]]["topic"] == "The server's own"  # what the map does not own is kept

    sitekit.commit_all(tmp_path, "Adopt handbook", date="2024-04-01T10:00:00+00:00")
    for command in (["check"], ["status", "--offline"], ["sync"]):
        ran = run(capsys, *command)
        assert ran.code == 0, (command, ran.text)
    site = build_strict(tmp_path)
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)
    assert site.categories() == FOLDERS  # the sections' own titles, not four times "Home"
