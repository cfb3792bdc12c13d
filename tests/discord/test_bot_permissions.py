"""The bot's one permission set: the invite link, the docs page, `plan` and `apply` agree on it,
and a bot invited with it can do everything `apply` sends, archiving included, on a server whose
`@everyone` holds next to nothing (the fake Discord refuses an overwrite that names a permission
the bot lacks, as Discord does)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from cli_run import run
from fake_discord import CATEGORY, CONNECT, READ_HISTORY, REACT, VIEW, FakeDiscord, fake  # noqa: F401  (fixture)

from handbook.channelmap import rules
from handbook.discord import operations
from handbook.discord.client import DiscordClient, DiscordError
from handbook.discord.forum_plan import POST_KINDS
from handbook.discord.permissions import BOT_PERMISSIONS, permission_uses
from handbook.discord.server_operations import SERVER_KINDS
from paths import ROOT

DOCS_PAGE = ROOT / "docs" / "maintaining" / "discord-bot.md"
APP_ID = "1234567890123456789"


def bare_server(fake: FakeDiscord, bot_permissions: int) -> dict[str, str]:
    """A server whose `@everyone` may only view and read, and a bot invited with `bot_permissions`:
    whatever the bot holds comes from its invite, nothing from `@everyone`."""
    fake.roles[fake.guild_id]["permissions"] = str(VIEW | READ_HISTORY)
    fake.set_bot_permissions(bot_permissions)
    ids = {"moderator": fake.add_role("moderator")}
    ids["base"] = fake.add_channel("Base Camp", CATEGORY)
    ids["intro"] = fake.add_channel("introductions", parent_id=ids["base"])
    ids["old"] = fake.add_channel("old-chat", parent_id=ids["base"])
    ids["voice"] = fake.add_channel("Campfire", 2, parent_id=ids["base"])
    return ids


def archive(path: Path, *names: str) -> None:
    text = path.read_text()
    for name in names:
        assert f"      - name: {name}\n" in text, name
        text = text.replace(f"      - name: {name}\n", f"      - name: {name}\n        status: archived\n")
    path.write_text(text)


# --- the docs page ------------------------------------------------------------------------------


def test_the_docs_page_gives_the_codes_permission_number_in_its_table_and_its_link():
    text = DOCS_PAGE.read_text(encoding="utf-8")
    in_links = [int(n) for n in re.findall(r"[?&]permissions=(\d+)", text)]
    in_table = [int(n) for n in re.findall(r"permission number \*\*(\d+)\*\*", text)]
    assert in_links and in_table
    assert set(in_links) == set(in_table) == {BOT_PERMISSIONS}
    section = text.split("## 2.", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| ([A-Z][^|]*?) \| `1 << (\d+)` \|", section, flags=re.M)
    assert [(name, 1 << int(bit)) for name, bit in rows] == [(use.name, use.value) for use in permission_uses()]


def test_every_invite_link_in_the_docs_and_the_manual_gives_the_codes_number():
    pages = [DOCS_PAGE, *sorted((ROOT / "manual" / "docs").rglob("*.md")), ROOT / "README.md"]
    found = {page.name: {int(n) for n in re.findall(r"oauth2/authorize\?[^)\s`]*permissions=(\d+)",
                                                     page.read_text(encoding="utf-8"))} for page in pages}
    assert found["set-up-the-bot.md"], "the manual's bot guide gives the link"
    assert {name: numbers for name, numbers in found.items() if numbers - {BOT_PERMISSIONS}} == {}


# --- the set covers what apply sends --------------------------------------------------------------


def test_the_set_is_every_permission_some_operation_needs_and_no_other():
    concrete = set()
    stack = [operations.Operation]
    while stack:
        kind = stack.pop()
        stack += kind.__subclasses__()
        if "op" in vars(kind):
            concrete.add(kind)
    assert concrete == set(operations.KINDS) | set(SERVER_KINDS)
    union = rules.VIEW_CHANNEL
    for kind in (*operations.KINDS, *POST_KINDS):  # and the forum posts' changes
        union |= kind.may_need()
    assert BOT_PERMISSIONS == union
    server = 0  # what a map with a `server:` section adds (`permissions_for`), and nothing else
    for kind in SERVER_KINDS:
        server |= kind.may_need()
    assert server & ~BOT_PERMISSIONS == rules.MANAGE_GUILD | rules.MODERATE_MEMBERS
    assert sum(use.value for use in permission_uses()) == BOT_PERMISSIONS
    assert rules.READ_ONLY_VOICE & ~BOT_PERMISSIONS == 0  # archiving denies only what the bot holds
    assert not BOT_PERMISSIONS & rules.ADMINISTRATOR


def test_a_bot_invited_with_the_set_archives_text_and_voice_channels_and_makes_private_ones(fake, tmp_path,
                                                                                           capsys):
    ids = bare_server(fake, BOT_PERMISSIONS)
    path = tmp_path / "channel_map.yml"
    assert run(capsys, "discord", "pull", "--map", str(path), "--guild", fake.guild_id)[0] == 0
    archive(path, "old-chat", "Campfire")
    path.write_text(path.read_text().replace(
        "  - name: Base Camp\n",
        "  - name: Staff\n    visibility: private\n    roles: [moderator]\n    channels:\n"
        "      - name: mod-chat\n        kind: prompt\n  - name: Base Camp\n"))
    code, out, err = run(capsys, "discord", "plan", "--map", str(path))
    assert code == 1 and "lacks" not in out, out
    code, out, err = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert (code, err) == (0, ""), out
    assert [e for e in fake.log if e.status == 403] == []
    everyone = {o["id"]: int(o["deny"]) for o in fake.channels[ids["voice"]]["permission_overwrites"]}
    assert everyone[fake.guild_id] & rules.READ_ONLY_VOICE == rules.READ_ONLY_VOICE
    assert fake.channels[ids["old"]]["parent_id"] == fake.by_name("Archive")["id"]
    assert rules.is_private_overwrites(fake.by_name("mod-chat")["permission_overwrites"], fake.guild_id)
    assert run(capsys, "discord", "plan", "--map", str(path))[0] == 0


def test_the_fake_refuses_an_overwrite_naming_a_permission_the_bot_lacks_as_discord_does(fake):
    ids = bare_server(fake, VIEW | rules.MANAGE_CHANNELS | rules.MANAGE_ROLES)
    with DiscordClient(fake.token, clock=fake.clock, sleep=fake.clock.sleep) as client:
        client.put_overwrite(ids["intro"], fake.guild_id, type=0, allow=0, deny=READ_HISTORY, reason="x", what="lock")
        with pytest.raises(DiscordError) as refused:
            client.put_overwrite(ids["intro"], fake.guild_id, type=0, allow=0, deny=REACT, reason="x", what="lock")
    assert refused.value.status == 403 and refused.value.code == 50013


def test_the_old_documented_set_is_stopped_by_plan_naming_each_step_and_the_exact_fix(fake, tmp_path, capsys):
    old_invite = VIEW | rules.MANAGE_CHANNELS | rules.MANAGE_ROLES  # 268436496, the link the docs gave
    ids = bare_server(fake, old_invite)
    path = tmp_path / "channel_map.yml"
    assert run(capsys, "discord", "pull", "--map", str(path), "--guild", fake.guild_id)[0] == 0
    archive(path, "old-chat", "Campfire")
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert code == 1
    note = next(line for line in out.splitlines() if line.startswith("Note: the bot lacks"))
    assert note == ("Note: the bot lacks Add Reactions, Send Messages, Connect, Create Public Threads, Create Private "
                    "Threads and Send Messages in Threads, which 3 of these changes need (step 1: create-category "
                    "\"Archive\", step 2: archive #old-chat, step 3: archive 🔊Campfire): apply would stop. "
                    "Fix: give the bot's role Add Reactions, Send Messages, Connect, Create Public Threads, "
                    "Create Private Threads and Send Messages in Threads in Server Settings → Roles "
                    f"(`handbook discord invite` lists all 10 the bot needs: permissions={BOT_PERMISSIONS})")
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path), "--format", "json")
    blocked = json.loads(out)["blocked"]
    assert [(b["step"], b["op"]) for b in blocked] == [(1, "create-category"), (2, "archive"), (3, "archive")]
    assert "Connect" in blocked[2]["missing"] and "Connect" not in blocked[1]["missing"]
    code, _, err = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert code == 2 and err.count("\n") == 1 and "nothing was changed" in err
    assert "give the bot's role Add Reactions" in err and "step 2: archive #old-chat" in err
    assert fake.writes() == [] and fake.channels[ids["old"]]["parent_id"] == ids["base"]


# --- handbook discord invite ----------------------------------------------------------------------


def test_invite_prints_the_link_with_exactly_the_set_and_the_table_of_why(capsys):
    code, out, err = run(capsys, "discord", "invite", "--app-id", APP_ID)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"https://discord.com/oauth2/authorize?client_id={APP_ID}&scope=bot&permissions={BOT_PERMISSIONS}"
    for use in permission_uses():
        row = next(line for line in lines if line.startswith(f"  {use.name} "))
        assert f"1 << {use.bit}" in row
    send = next(line for line in lines if line.startswith("  Send Messages "))
    assert "archive" in send and "create-role" not in send
    roles = next(line for line in lines if line.startswith("  Manage Roles "))
    assert "create-role" in roles


def test_invite_as_json_for_scripts(capsys):
    code, out, _ = run(capsys, "discord", "invite", "--app-id", APP_ID, "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["permissions"] == BOT_PERMISSIONS
    assert data["url"].endswith(f"client_id={APP_ID}&scope=bot&permissions={BOT_PERMISSIONS}")
    assert sum(row["value"] for row in data["table"]) == BOT_PERMISSIONS
    archive_row = next(row for row in data["table"] if row["permission"] == "Create Private Threads")
    assert archive_row["bit"] == 36 and "archive" in archive_row["allowed_or_denied_by"]


@pytest.mark.parametrize("app_id", ["campfire-bot", "12345", "000000000000000000", "1234567890123456789012",
                                    "123456789012345678&scope=admin"])
def test_invite_with_an_id_that_is_not_a_snowflake_is_one_line_exit_2(capsys, app_id):
    code, out, err = run(capsys, "discord", "invite", "--app-id", app_id)
    assert code == 2 and out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith("handbook discord invite: error: --app-id ") and "Application ID" in err


# --- the role hierarchy ---------------------------------------------------------------------------


def test_roles_above_the_bot_get_channel_permissions_without_moving_the_bot(fake, tmp_path, capsys):
    ids = bare_server(fake, BOT_PERMISSIONS)
    assert int(fake.roles[ids["moderator"]]["position"]) > int(fake.roles[fake.bot_role_id]["position"])
    path = tmp_path / "channel_map.yml"
    assert run(capsys, "discord", "pull", "--map", str(path), "--guild", fake.guild_id)[0] == 0
    path.write_text(path.read_text().replace(
        "  - name: Base Camp\n",
        "  - name: Staff\n    visibility: private\n    roles: [moderator]\n    channels:\n"
        "      - name: mod-chat\n        kind: prompt\n  - name: Base Camp\n"))
    code, out, _ = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert code == 0 and "ranks above" not in out and "role above" not in out
    overwrites = {o["id"]: int(o["allow"]) for o in fake.by_name("mod-chat")["permission_overwrites"]}
    assert overwrites[ids["moderator"]] & VIEW
    assert not [e for e in fake.log if e.method != "GET" and "/roles/" in e.path]  # no role is edited


def test_a_refused_overwrite_names_what_it_needs_not_the_role_order(fake):
    ids = bare_server(fake, BOT_PERMISSIONS)
    fake.fail("PUT", r"/permissions/", 403, code=50013, message="Missing Permissions")
    with DiscordClient(fake.token, clock=fake.clock, sleep=fake.clock.sleep) as client:
        with pytest.raises(DiscordError) as refused:
            client.put_overwrite(ids["intro"], ids["moderator"], type=0, allow=VIEW, deny=0, reason="x",
                                 what="set permissions of #introductions")
    assert str(refused.value) == ("set permissions of #introductions: missing permission: the bot needs Manage Roles, "
                                  "and every permission the overwrite allows or denies (403, code 50013)")
