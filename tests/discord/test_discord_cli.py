"""`handbook discord pull | plan | apply` end to end, against the fake Discord over real HTTP."""

from __future__ import annotations

import json
import logging
import textwrap
from pathlib import Path

import pytest
from fake_discord import CATEGORY, MANAGE_CHANNELS, SEND, VIEW, FakeDiscord, fake  # noqa: F401  (fixture)

from handbook import cli
from handbook.cli import discord as discord_cli
from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.validation import validate
from handbook.findings import ERROR


class Community:
    """A server as a community has it before adopting handbook."""

    def __init__(self, fake: FakeDiscord) -> None:
        self.moderator = fake.add_role("moderator")
        self.cohort = fake.add_role("cohort-2026-spring")
        self.base = fake.add_channel("Base Camp", CATEGORY)
        self.intro = fake.add_channel("introductions", parent_id=self.base, topic="Tell us who you are.")
        self.show = fake.add_channel("show-me", parent_id=self.base)
        self.voice = fake.add_channel("Campfire Lounge", 2, parent_id=self.base)
        self.topics = fake.add_channel("Handbook Topics", CATEGORY)
        self.habits = fake.add_channel("habits", parent_id=self.topics, topic="Building habits that last")
        self.focus = fake.add_channel("focus", parent_id=self.topics)
        self.staff = fake.add_channel("Staff", CATEGORY, overwrites=fake.private_overwrites(self.moderator))
        self.mod_chat = fake.add_channel("mod-chat", parent_id=self.staff,
                                         overwrites=fake.private_overwrites(self.moderator, bot=True))
        self.mod_log = fake.add_channel("mod-log", parent_id=self.staff,  # the bot cannot see this one
                                        overwrites=fake.private_overwrites(self.moderator))
        self.loose = fake.add_channel("off-topic")


def run(*argv: str) -> int:
    return cli.main(list(argv))


def pull_fresh(fake: FakeDiscord, tmp_path: Path) -> Path:
    path = tmp_path / "channel_map.yml"
    assert run("discord", "pull", "--map", str(path), "--guild", fake.guild_id) == 0
    return path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def plan_json(path: Path, capsys, *extra: str) -> tuple[int, dict]:
    capsys.readouterr()
    code = run("discord", "plan", "--map", str(path), "--format", "json", *extra)
    return code, json.loads(capsys.readouterr().out)


# --- pull -------------------------------------------------------------------------------------


def test_pull_writes_a_complete_map_for_a_server_without_one(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    out = capsys.readouterr().out
    channel_map = load_channel_map(path)
    assert [f for f in validate(channel_map) if f.severity == ERROR] == []
    assert channel_map.server.guild_id == fake.guild_id
    assert [r.name for r in channel_map.roles] == ["cohort-2026-spring", "moderator"]  # not the bot's own role
    assert [cat.name for cat in channel_map.discord_categories] == ["Base Camp", "Handbook Topics", "Staff"]
    base = channel_map.discord_categories[0]
    assert [(ch.name, ch.kind, ch.id) for ch in base.channels] == [
        ("introductions", "prompt", c.intro), ("show-me", "prompt", c.show), ("Campfire Lounge", "voice", c.voice)]
    assert base.channels[0].topic == "Tell us who you are."
    staff = channel_map.discord_categories[2]
    assert (staff.visibility, staff.roles, staff.id) == ("private", ["moderator"], c.staff)
    assert [ch.name for ch in staff.channels] == ["mod-chat"]  # mod-log is hidden from the bot
    assert "#off-topic" in out and "outside any category" in out
    assert fake.writes() == []  # pull never writes to Discord
    capsys.readouterr()
    assert run("discord", "plan", "--map", str(path)) == 0  # a fresh pull plans nothing
    assert "nothing to change" in capsys.readouterr().out


def test_pull_merges_into_a_hand_written_map_keeping_edits(fake, tmp_path, capsys):
    c = Community(fake)
    path = tmp_path / "channel_map.yml"
    path.write_text(textwrap.dedent(f"""\
        # Our community's channels. Comments stay.
        server:
          name: Campfire
          guild_id: "{fake.guild_id}"
        roles:
          - name: moderator
            description: Keeps the campfire safe  # a hand note
        discord_categories:
          - name: Handbook Topics
            channels:
              - name: habits
                kind: topic
                category: habits
                notes: keep this key
              - name: journaling
                kind: topic
                category: journaling
          - name: Staff
            visibility: private
            roles: [moderator]
            channels:
              - name: mod-log
                kind: prompt
                id: "{c.mod_log}"
        """))
    assert run("discord", "pull", "--map", str(path)) == 0
    out = capsys.readouterr().out
    text = path.read_text()
    assert text.startswith("# Our community's channels. Comments stay.")
    assert "# a hand note" in text and "notes: keep this key" in text
    channel_map = load_channel_map(path)
    habits = channel_map.channel("habits")
    assert (habits.id, habits.kind, habits.category, habits.topic) == (c.habits, "topic", "habits",
                                                                        "Building habits that last")
    assert channel_map.channel("journaling").id is None  # not on the server yet: kept, no id
    assert channel_map.channel("mod-log").id == c.mod_log  # hidden, not treated as deleted
    assert "1 channel not visible to the bot" in out
    assert channel_map.role("moderator").id == c.moderator
    assert channel_map.role("moderator").description == "Keeps the campfire safe"
    # the map's order of categories is kept for the ones it had; the server's new one is added
    assert [cat.name for cat in channel_map.discord_categories] == ["Base Camp", "Handbook Topics", "Staff"]


def test_pull_check_writes_nothing(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    before = path.read_text()
    fake.add_channel("new-one", parent_id=fake.by_name("Base Camp")["id"])
    capsys.readouterr()
    assert run("discord", "pull", "--map", str(path), "--check") == 1
    assert path.read_text() == before
    out = capsys.readouterr().out
    assert f"Would update the channel map {path}" in out and "Updated" not in out  # nothing was written
    assert run("discord", "pull", "--map", str(path)) == 0
    assert run("discord", "pull", "--map", str(path), "--check") == 0


def test_pull_forgets_the_id_of_a_deleted_channel_but_keeps_the_entry(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    del fake.channels[c.show]
    capsys.readouterr()
    assert run("discord", "pull", "--map", str(path)) == 0
    assert "deleted on the server" in capsys.readouterr().out
    assert load_channel_map(path).channel("show-me").id is None


# --- plan ---------------------------------------------------------------------------------------


def test_plan_lists_ordered_operations_as_json_and_writes_nothing(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "name: introductions", "name: Introductions & Hellos")
    edit(path, "Tell us who you are.", "Who are you?")
    edit(path, "  - name: Staff", "  - name: Spring Cohort\n    visibility: private\n    roles: [cohort-2026-spring]\n"
         "    channels:\n      - name: cohort-chat\n        kind: prompt\n  - name: Staff")
    code, data = plan_json(path, capsys)
    assert code == 1
    assert set(data) == {"operations", "hidden", "questions", "blocked", "missing_permissions"} and data["hidden"] == 0
    assert data["blocked"] == [] and data["missing_permissions"] == []
    ops = [(o["op"], o["name"]) for o in data["operations"]]
    assert ops == [
        ("create-category", '"Spring Cohort"'),
        ("rename", "#introductions"),
        ("set-topic", "#introductions-&-hellos"),
        ("create", "#cohort-chat"),
        ("reorder", 'channels of "Spring Cohort"'),
        ("reorder", "categories"),
    ]
    rename = data["operations"][1]
    assert rename == {"op": "rename", "id": c.intro, "name": "#introductions", "from": "introductions",
                      "to": "introductions-&-hellos", "reason": "same id, new name in the map"}
    assert all(set(o) == {"op", "id", "name", "from", "to", "reason"} for o in data["operations"])
    assert fake.writes() == []


def test_plan_counts_channels_the_bot_cannot_see_and_never_recreates_them(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "      - name: mod-chat", f'      - name: mod-log\n        kind: prompt\n        id: "{c.mod_log}"\n'
         "      - name: mod-chat")
    hidden2 = fake.add_channel("mod-notes", parent_id=c.staff, overwrites=fake.private_overwrites(c.moderator))
    edit(path, "      - name: mod-chat", f'      - name: mod-notes\n        kind: prompt\n        id: "{hidden2}"\n'
         "      - name: mod-chat")
    code, data = plan_json(path, capsys)
    assert (code, data) == (0, {"operations": [], "hidden": 2, "questions": [], "blocked": [],
                                "missing_permissions": []})
    capsys.readouterr()
    run("discord", "plan", "--map", str(path))
    assert "2 channels not visible to the bot" in capsys.readouterr().out


def test_names_discord_rewrites_never_loop(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "name: show-me", "name: Show Me")  # Discord would store show-me: not a rename
    edit(path, "  - name: Staff", "  - name: Practice\n    channels:\n      - name: \"Joey's  Cool Channel.\"\n"
         "        kind: prompt\n  - name: Staff")
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    assert fake.by_name("joeys-cool-channel")["parent_id"] == fake.by_name("Practice")["id"]
    assert fake.by_name("show-me")
    code, data = plan_json(path, capsys)
    assert (code, data["operations"]) == (0, [])
    assert load_channel_map(path).discord_categories[2].channels[0].name == "joeys-cool-channel"  # as returned


# --- apply --------------------------------------------------------------------------------------


def community_map_changes(path: Path) -> None:
    edit(path, "roles:\n", "roles:\n  - name: facilitator\n")
    edit(path, "  - name: Staff", "  - name: Spring Cohort\n    visibility: private\n"
         "    roles: [cohort-2026-spring, facilitator]\n    channels:\n      - name: cohort-chat\n"
         "        kind: prompt\n        topic: Spring cohort, week by week\n      - name: Cohort Call\n"
         "        kind: voice\n  - name: Staff")
    edit(path, "      - name: focus\n", "      - name: journaling\n        kind: topic\n        category: journaling\n"
         "      - name: focus\n")


def test_apply_makes_the_server_match_and_a_second_apply_changes_nothing(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    community_map_changes(path)
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    out = capsys.readouterr().out
    assert "[1/" in out and "The server matches the map." in out
    facilitator = next(r for r in fake.roles.values() if r["name"] == "facilitator")
    cohort_cat = fake.by_name("Spring Cohort")
    assert [ch["name"] for ch in fake.children(cohort_cat["id"])] == ["cohort-chat", "Cohort Call"]
    assert [ch["name"] for ch in fake.children(c.topics)] == ["habits", "journaling", "focus"]
    assert [cat["name"] for cat in fake.categories()] == ["Base Camp", "Handbook Topics", "Spring Cohort", "Staff"]
    chat = fake.by_name("cohort-chat")
    assert chat["topic"] == "Spring cohort, week by week"
    overwrites = {o["id"]: o for o in chat["permission_overwrites"]}
    assert int(overwrites[fake.guild_id]["deny"]) & VIEW
    assert int(overwrites[c.cohort]["allow"]) & VIEW and int(overwrites[facilitator["id"]]["allow"]) & VIEW
    assert overwrites[fake.bot_user_id]["type"] == 1 and int(overwrites[fake.bot_user_id]["allow"]) & VIEW
    assert all(entry.headers.get("x-audit-log-reason", "").startswith("handbook%20discord%20apply")
               or entry.headers.get("x-audit-log-reason", "").startswith("handbook discord apply")
               for entry in fake.writes())
    channel_map = load_channel_map(path)  # ids recorded, hand edits kept
    assert channel_map.channel("cohort-chat").id == chat["id"]
    assert channel_map.role("facilitator").id == facilitator["id"]
    assert channel_map.channel("journaling").category == "journaling"
    writes = len(fake.writes())
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    assert "nothing to change" in capsys.readouterr().out
    assert len(fake.writes()) == writes


def test_rename_is_a_patch_on_the_same_id(fake, tmp_path):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "name: habits", "name: habits-and-routines")
    edit(path, "name: Base Camp", "name: Welcome Camp")
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    assert fake.channels[c.habits]["name"] == "habits-and-routines"
    assert fake.channels[c.base]["name"] == "Welcome Camp"
    assert not [e for e in fake.writes() if e.method in ("POST", "DELETE")]


def test_moves_send_one_parent_change_per_call_and_reorder(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    text = path.read_text()
    block = "      - name: show-me\n        kind: prompt\n        id: \"%s\"\n" % c.show
    assert block in text
    text = text.replace(block, "")
    text = text.replace("    channels:\n      - name: habits", "    channels:\n" + block + "      - name: habits")
    path.write_text(text)
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    assert [ch["name"] for ch in fake.children(c.topics)] == ["show-me", "habits", "focus"]
    for entry in fake.writes():
        if entry.method == "PATCH" and entry.path.endswith("/channels"):
            assert len([e for e in entry.body if "parent_id" in e]) <= 1
    code, data = plan_json(path, capsys)
    assert (code, data["operations"]) == (0, [])


def test_archived_channels_move_to_a_locked_archive_never_deleted(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "      - name: focus\n        kind: prompt\n", "      - name: focus\n        kind: prompt\n"
         "        status: archived\n")
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    archive = fake.by_name("Archive")
    assert fake.channels[c.focus]["parent_id"] == archive["id"]
    everyone = next(o for o in fake.channels[c.focus]["permission_overwrites"] if o["id"] == fake.guild_id)
    assert int(everyone["deny"]) & SEND and not int(everyone["deny"]) & VIEW  # locked, still readable
    assert not [e for e in fake.log if e.method == "DELETE"]
    code, data = plan_json(path, capsys)
    assert (code, data["operations"]) == (0, [])
    assert run("discord", "pull", "--map", str(path)) == 0  # pulling afterwards agrees too
    assert load_channel_map(path).channel("focus").is_archived
    code, data = plan_json(path, capsys)
    assert (code, data["operations"]) == (0, [])


def test_extra_channels_are_kept_unless_allow_delete(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    stray = fake.add_channel("stray", parent_id=c.base)
    capsys.readouterr()
    assert run("discord", "plan", "--map", str(path)) == 0
    assert "Kept: 2 on the server but not in the map: #off-topic, #stray" in capsys.readouterr().out
    code, data = plan_json(path, capsys, "--allow-delete")
    assert code == 1 and [(o["op"], o["id"]) for o in data["operations"]] == [("delete", c.loose), ("delete", stray)]
    assert run("discord", "apply", "--map", str(path), "--yes", "--allow-delete") == 0
    assert stray not in fake.channels and c.loose not in fake.channels and c.mod_log in fake.channels


def test_allow_delete_spares_community_channels_and_kinds_the_map_cannot_hold(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    rules_channel = fake.add_channel("rules", parent_id=c.base)
    fake.rules_channel_id = rules_channel
    directory = fake.add_channel("hub-directory", 14)
    code, data = plan_json(path, capsys, "--allow-delete")
    assert [(o["op"], o["id"]) for o in data["operations"]] == [("delete", c.loose)]
    capsys.readouterr()
    run("discord", "plan", "--map", str(path))
    out = capsys.readouterr().out
    assert "#rules (Discord requires it in a Community server)" in out
    assert "hub-directory (a kind of channel the map does not manage)" in out
    assert run("discord", "apply", "--map", str(path), "--yes", "--allow-delete") == 0
    assert rules_channel in fake.channels and directory in fake.channels


def test_apply_without_yes_outside_a_terminal_asks_for_it(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "name: habits", "name: habits-2")
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path)) == 2
    assert "pass --yes" in capsys.readouterr().err
    assert fake.writes() == []


def test_interrupted_apply_reports_and_a_rerun_finishes(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    community_map_changes(path)
    fake.fail("POST", r"^/guilds/\d+/channels$", 503, times=None, after=2)  # the 3rd create dies
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 2
    out = capsys.readouterr().out
    assert "Stopped at: create #" in out and "run `handbook discord apply` again" in out
    assert "Traceback" not in out
    created_before = {ch["name"] for ch in fake.channels.values()}
    recorded = load_channel_map(path)
    assert recorded.discord_categories[2].name == "Spring Cohort" and recorded.discord_categories[2].id
    fake.clear_faults()
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    names = [ch["name"] for ch in fake.channels.values()]
    assert len(names) == len(set(names)), "a re-run must not create duplicates"
    assert {"cohort-chat", "Cohort Call", "journaling"} <= set(names) and created_before <= set(names)
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 0
    assert "nothing to change" in capsys.readouterr().out


def test_rename_sub_limit_past_max_wait_is_pending_and_finished_later(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    fake.renames[c.habits] = [fake.clock.now - 10, fake.clock.now - 5]  # renamed twice just now
    edit(path, "name: habits", "name: habits-daily")
    edit(path, "name: focus", "name: deep-focus")
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes", "--max-wait", "30") == 1
    out = capsys.readouterr().out
    assert "1 pending" in out and "wait 590 s" in out
    assert fake.clock.sleeps == []  # never slept past the cap
    assert fake.channels[c.focus]["name"] == "deep-focus" and fake.channels[c.habits]["name"] == "habits"
    fake.clock.now += 600
    assert run("discord", "apply", "--map", str(path), "--yes", "--max-wait", "30") == 0
    assert fake.channels[c.habits]["name"] == "habits-daily"


def test_rename_sub_limit_within_max_wait_waits_on_the_clock(fake, tmp_path):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    fake.renames[c.habits] = [fake.clock.now - 550, fake.clock.now - 540]
    edit(path, "name: habits", "name: habits-daily")
    assert run("discord", "apply", "--map", str(path), "--yes", "--max-wait", "120") == 0
    assert fake.clock.sleeps == [pytest.approx(50)]
    assert fake.channels[c.habits]["name"] == "habits-daily"


# --- errors and secrets -------------------------------------------------------------------------


def test_missing_permission_is_found_before_any_write(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "  - name: Staff", "  - name: New Camp\n    visibility: private\n    roles: [moderator]\n"
         "    channels:\n      - name: campfire\n        kind: prompt\n  - name: Staff")
    fake.set_bot_permissions(VIEW | MANAGE_CHANNELS)
    capsys.readouterr()
    assert run("discord", "plan", "--map", str(path)) == 1
    assert "Note: the bot lacks Manage Roles, which 2 of these changes need" in capsys.readouterr().out
    assert run("discord", "apply", "--map", str(path), "--yes") == 2
    out, err = capsys.readouterr()
    assert err.count("\n") == 1 and "missing permission: the bot lacks Manage Roles" in err
    assert "nothing was changed" in err and "Traceback" not in out + err
    assert fake.writes() == []


def test_a_refusal_from_discord_mid_apply_is_one_line_exit_2(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "  - name: Staff", "  - name: New Camp\n    channels:\n      - name: campfire\n        kind: prompt\n"
         "  - name: Staff")
    fake.fail("POST", r"/channels$", 403, code=50013, message="Missing Permissions", after=1)
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 2
    out, err = capsys.readouterr()
    assert "create #campfire: missing permission: the bot needs Manage Channels" in out
    assert "Applied 1 change." in out and "Traceback" not in out + err
    assert err == ("handbook discord apply: error: create #campfire: missing permission: the bot needs "
                   "Manage Channels (403, code 50013)\n")


def test_servers_that_still_list_hidden_channels_plan_the_same(fake, tmp_path, capsys):
    c = Community(fake)
    fake.list_hidden = True  # the API before 2026-10-12
    path = pull_fresh(fake, tmp_path)
    assert "mod-log" not in path.read_text()
    edit(path, "      - name: mod-chat", f'      - name: mod-log\n        kind: prompt\n        id: "{c.mod_log}"\n'
         "      - name: mod-chat")
    code, data = plan_json(path, capsys, "--allow-delete")  # the hidden channel is never deleted
    assert [(o["op"], o["name"]) for o in data["operations"]] == [("delete", "#off-topic")]
    assert data["hidden"] == 1


def test_discord_errors_on_read_are_one_line_exit_2(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    fake.fail("GET", r"/roles$", 403, code=50013, message="Missing Permissions")
    capsys.readouterr()
    assert run("discord", "plan", "--map", str(path)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Manage Roles" in err and err.startswith("handbook discord plan: error:")


def test_channel_limits_come_back_as_clear_errors(fake, tmp_path, capsys):
    Community(fake)
    path = pull_fresh(fake, tmp_path)
    for index in range(500 - len(fake.channels)):
        fake.add_channel(f"filler-{index}")
    edit(path, "      - name: focus\n", "      - name: rest\n        kind: topic\n        category: rest\n"
         "      - name: focus\n")
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 2
    assert "the most channels Discord allows (500" in capsys.readouterr().out


def test_fifty_channels_per_category(fake, tmp_path, capsys):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    for index in range(48):
        fake.add_channel(f"extra-{index}", parent_id=c.topics)
    edit(path, "      - name: focus\n", "      - name: rest\n        kind: topic\n        category: rest\n"
         "      - name: focus\n")
    capsys.readouterr()
    assert run("discord", "apply", "--map", str(path), "--yes") == 2
    assert "Maximum number of channels in category reached (50)" in capsys.readouterr().out


def test_missing_token_or_server_exits_2_before_any_request(fake, tmp_path, capsys, monkeypatch):
    path = tmp_path / "channel_map.yml"
    assert run("discord", "pull", "--map", str(path)) == 2
    assert "--guild ID or set DISCORD_GUILD_ID" in capsys.readouterr().err
    monkeypatch.delenv("DISCORD_TOKEN")
    assert run("discord", "pull", "--map", str(path), "--guild", fake.guild_id) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err
    monkeypatch.setenv("DISCORD_GUILD_ID", "12345")
    monkeypatch.setenv("DISCORD_TOKEN", fake.token)
    assert run("discord", "pull", "--map", str(path)) == 2
    assert "not a Discord server id" in capsys.readouterr().err
    assert run("discord", "plan", "--map", str(path)) == 2
    assert "no channel map" in capsys.readouterr().err
    assert fake.log == []


def test_the_token_never_shows(fake, tmp_path, capsys, caplog):
    caplog.set_level(logging.DEBUG)
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    community_map_changes(path)
    run("discord", "plan", "--map", str(path))
    run("discord", "plan", "--map", str(path), "--format", "json")
    fake.fail("PUT", r"/permissions/", 403, code=50013, message="Missing Permissions")
    fake.fail("POST", r"/roles$", 500, times=None)
    run("discord", "apply", "--map", str(path), "--yes")
    fake.clear_faults()
    fake.renames[c.habits] = [fake.clock.now] * 2
    edit(path, "name: habits", "name: habits-x")
    run("discord", "apply", "--map", str(path), "--yes", "--max-wait", "1")
    run("discord", "pull", "--map", str(path))
    fake.token = "a-different-token-so-ours-is-refused"
    run("discord", "plan", "--map", str(path))
    out, err = capsys.readouterr()
    secret = discord_cli.os.environ["DISCORD_TOKEN"]
    everything = out + err + caplog.text + path.read_text()
    assert "401" in err and secret not in everything
    assert secret.split(".")[-1] not in everything


def test_map_path_comes_from_mkdocs_yml(fake, tmp_path, capsys, monkeypatch):
    Community(fake)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "community").mkdir()
    (tmp_path / "mkdocs.yml").write_text("site_name: Test\nplugins:\n  - handbook:\n"
                                         "      channel_map: community/map.yml\n")
    monkeypatch.chdir(tmp_path)
    assert run("discord", "pull", "--guild", fake.guild_id) == 0
    assert (tmp_path / "community" / "map.yml").is_file()
    assert run("discord", "plan", "-f", str(tmp_path / "mkdocs.yml")) == 0


def test_apply_then_pull_leaves_a_hand_written_map_byte_for_byte(fake, tmp_path, capsys):
    path = tmp_path / "channel_map.yml"
    path.write_text(textwrap.dedent("""\
        # yaml-language-server: $schema=channel_map.schema.json
        server:
          name: Campfire
          # guild_id: filled in by `handbook discord pull`
        roles:
          - name: host
            description: Runs cohorts
          - moderator
          - name: cohort-2026-autumn
        discord_categories:
          - name: Welcome
            channels:
              - name: announcements
                kind: announcement
                topic: "News from the hosts: new cohorts, events"
              - name: Campfire
                kind: voice
                description: Drop-in voice chat
          - name: Cohorts
            visibility: private
            roles: [host, moderator]
            description: A private space for each cohort
            channels:
              - name: cohort-2026-spring
                kind: prompt
                roles: [host]
                status: archived
              - name: cohort-2026-autumn
                kind: prompt
                roles: [cohort-2026-autumn, moderator, host]   # hosts too
        """))
    assert run("discord", "apply", "--map", str(path), "--guild", fake.guild_id, "--yes") == 0
    after_apply = path.read_text()
    assert f'  guild_id: "{fake.guild_id}"\n' in after_apply and "# guild_id: filled in" in after_apply
    assert "  - name: moderator\n    id: " in after_apply and "# hosts too" in after_apply
    capsys.readouterr()
    assert run("discord", "pull", "--map", str(path)) == 0
    assert "already matches" in capsys.readouterr().out
    assert path.read_text() == after_apply
    assert run("discord", "plan", "--map", str(path)) == 0


class _Terminal:
    def __init__(self, answers: list[str]) -> None:
        self.answers = answers

    def isatty(self) -> bool:
        return True


def test_apply_asks_first_and_deletes_ask_twice(fake, tmp_path, capsys, monkeypatch):
    c = Community(fake)
    path = pull_fresh(fake, tmp_path)
    edit(path, "name: habits", "name: habits-2")
    answers = ["n"]
    monkeypatch.setattr("sys.stdin", _Terminal(answers))
    monkeypatch.setattr("builtins.input", lambda question: answers.pop(0))
    assert run("discord", "apply", "--map", str(path)) == 1
    assert "Nothing changed." in capsys.readouterr().out and fake.writes() == []
    answers += ["y", "n"]  # yes to the plan, no to deleting
    assert run("discord", "apply", "--map", str(path), "--allow-delete") == 1
    assert fake.writes() == [] and c.loose in fake.channels
    answers += ["yes", "y"]
    assert run("discord", "apply", "--map", str(path), "--allow-delete") == 0
    assert c.loose not in fake.channels and fake.channels[c.habits]["name"] == "habits-2"


def test_discord_without_a_command_shows_help(capsys):
    assert run("discord") == 2
    assert "pull" in capsys.readouterr().out


def test_entries_matched_by_name_get_their_ids_so_a_later_rename_stays_a_rename(fake, tmp_path, capsys):
    c = Community(fake)
    path = tmp_path / "channel_map.yml"
    path.write_text(textwrap.dedent(f"""\
        server:
          guild_id: "{fake.guild_id}"
        roles:
          - name: moderator
        discord_categories:
          - name: Handbook Topics
            channels:
              - name: habits
                kind: topic
                category: habits
              - name: focus
                kind: topic
                category: focus
        """))
    capsys.readouterr()
    assert run("discord", "plan", "--map", str(path)) == 0
    assert "4 map entries matched by name, not id" in capsys.readouterr().out
    assert run("discord", "apply", "--map", str(path), "--yes") == 0  # nothing to change, ids recorded
    channel_map = load_channel_map(path)
    assert (channel_map.channel("habits").id, channel_map.discord_categories[0].id) == (c.habits, c.topics)
    assert channel_map.role("moderator").id == c.moderator
    edit(path, "name: habits", "name: habits-and-routines")
    code, data = plan_json(path, capsys)
    assert [(o["op"], o["id"]) for o in data["operations"]] == [("rename", c.habits)]
