"""`handbook status`: one screen, the next command, exit 0/1/2, and JSON."""

from __future__ import annotations

import json

import pytest
from cli_run import run
from fake_discord import CATEGORY, fake  # noqa: F401  (fixture)
from sitekit import write_files


MKDOCS = "site_name: Campfire\nplugins:\n  - handbook\n"
DOCS = {"docs/index.md": "# Home\n", "docs/habits/index.md": "# Habits\n", "docs/focus/index.md": "# Focus\n"}


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, **DOCS})
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    return tmp_path


def test_without_a_map_it_says_to_sync(project, capsys):
    code, out, _ = run(capsys, "status")
    assert code == 1
    assert out.splitlines() == [
        "No channel map yet (channel_map.yml).",
        "Categories without a topic channel: 2",
        "  focus/  Focus: wants #focus",
        "  habits/  Habits: wants #habits",
        "Next: handbook sync   (writes a starter channel_map.yml)",
    ]


def test_gaps_orphans_and_near_names_on_one_screen(project, capsys):
    (project / "channel_map.yml").write_text("""\
discord_categories:
  - name: Topics
    channels:
      - {name: habits, kind: prompt}
      - {name: focused-work, kind: prompt}
      - {name: rituals, kind: topic, category: rituals}
""")
    code, out, _ = run(capsys, "status")
    assert code == 1
    assert "  habits/  Habits: wants #habits (sync adopts #habits)" in out
    assert "  #rituals (channel_map.yml:6) mirrors `rituals`, gone or excluded" in out
    assert ("  #focused-work for focus/: if #focused-work is the channel for `focus`, change `kind: prompt` to "
            "`kind: topic` and add `category: focus`") in out
    assert out.rstrip().endswith("Next: handbook sync")
    code, out, _ = run(capsys, "status", "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["next"] == "handbook sync"
    assert [(c["folder"], c["adopt"]) for c in data["categories_without_channels"]] == [("focus", None),
                                                                                        ("habits", "habits")]
    assert data["channels_without_categories"] == [{"channel": "rituals", "category": "rituals", "line": 6}]
    assert [(n["folder"], n["channel"], n["line"]) for n in data["near_matches"]] == [("focus", "focused-work", 5)]
    assert data["server"] is None and "DISCORD_TOKEN" in data["server_note"]


def test_a_broken_map_is_exit_2_with_the_line(project, capsys):
    (project / "channel_map.yml").write_text("discord_categories:\n  - name: [oops\n")
    code, out, err = run(capsys, "status")
    assert code == 2 and out == ""
    assert err.startswith("handbook status: error: channel_map.yml:")
    code, out, _ = run(capsys, "status", "--format", "json")
    assert code == 2 and json.loads(out)["error"]["file"] == "channel_map.yml"


def test_with_a_token_it_shows_unapplied_server_changes(project, capsys, fake, monkeypatch):
    topics = fake.add_channel("Topics", CATEGORY)
    fake.add_channel("habits", parent_id=topics)
    code, out, _ = run(capsys, "status")
    assert code == 1 and out.rstrip().endswith("Next: handbook discord pull --guild SERVER_ID   "
                                               "(your server into a new map; then handbook sync)")
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    code, out, _ = run(capsys, "status")
    assert code == 1 and "Next: handbook sync" in out
    assert run(capsys, "sync")[0] == 0
    code, out, _ = run(capsys, "status")
    assert code == 1
    assert "Changes not yet applied to Campfire Practice Community: 2" in out
    assert "  create #focus in \"Topics\"" in out
    assert out.rstrip().endswith("Next: handbook discord plan, then handbook discord apply")
    writes = len(fake.writes())
    assert writes == 0  # status never changes the server
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    code, out, _ = run(capsys, "status")
    assert (code, out.splitlines()[-2:]) == (0, ["Campfire Practice Community matches the map.",
                                                 "Next: nothing: the docs, the map and the server agree"])
    code, out, _ = run(capsys, "status", "--offline")
    assert code == 0 and "not asked (--offline)" in out
