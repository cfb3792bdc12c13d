"""`handbook discord audit`: the handbook's promises checked against a live (fake) server.

A server set up badly on purpose shows every audit finding once; this repository's handbook,
synced and applied on an empty server, shows none. Private spaces are never named in the output.
"""

from __future__ import annotations

import collections
import json
import shutil

import pytest
from cli_run import run
from fake_discord import ADMIN, CATEGORY, MANAGE_ROLES, VIEW, FakeDiscord, fake  # noqa: F401  (fixture)
from paths import ROOT

from handbook.channelmap.loader import load_channel_map
from handbook.discord.audit import audit
from handbook.channelmap.rules import MANAGE_GUILD
from handbook.discord.audit_checks import CHECKS
from handbook.discord.client import DiscordClient
from handbook.discord.permissions import BOT_PERMISSIONS, permissions_for
from handbook.discord.state import read_state

BAN, KICK, MANAGE_MESSAGES, MENTION_EVERYONE = 1 << 2, 1 << 1, 1 << 13, 1 << 17
PRIVATE_NAMES = ("Cohort Rooms", "secret-den", "quiet-corner")


def bad_server(fake: FakeDiscord, folder) -> dict:
    """A server that breaks each promise once, and the map it is audited against."""
    fake.set_bot_permissions(BOT_PERMISSIONS)
    ids = {"moderator": fake.add_role("moderator", BAN | KICK | MANAGE_MESSAGES),
           "cohort-a": fake.add_role("cohort-a"), "cohort-b": fake.add_role("cohort-b"),
           "helper": fake.add_role("helper", MANAGE_ROLES)}  # (b): not in the map, and may give roles
    fake.roles[fake.bot_role_id]["position"] = 10  # (d): the bot above the moderators
    everyone = fake.roles[fake.guild_id]
    everyone["permissions"] = str(int(everyone["permissions"]) | MENTION_EVERYONE)  # (c)
    welcome = fake.add_channel("Welcome", CATEGORY)
    fake.add_channel("rules", parent_id=welcome)
    general = fake.add_channel("general", parent_id=welcome)
    fake.rules_channel_id = general  # (f): the server's rules channel is not the map's
    rooms = fake.add_channel("Cohort Rooms", CATEGORY, overwrites=fake.private_overwrites(ids["moderator"], bot=True))
    # (a): another cohort's role may see cohort A's room
    den = fake.add_channel("secret-den", parent_id=rooms, overwrites=fake.private_overwrites(
        ids["cohort-a"], ids["cohort-b"], ids["moderator"], bot=True))
    path = folder / "channel_map.yml"
    path.write_text(f"""\
server:
  name: Campfire
  guild_id: "{fake.guild_id}"
roles:
  - name: moderator
    description: Keeps the community safe
  - name: cohort-a
  - name: cohort-b
discord_categories:
  - name: Welcome
    channels:
      - name: rules
        kind: prompt
      - name: general
        kind: prompt
  - name: Cohort Rooms
    visibility: private
    roles: [moderator]
    description: A room for each cohort
    channels:
      - name: secret-den
        kind: prompt
        id: "{den}"
        roles: [cohort-a, moderator]
        description: Cohort A's room
""", encoding="utf-8")
    return {"path": path, "den": den, "rooms": rooms, **ids}


AUTOMOD = """\
  automod:
    - name: Invite links
      trigger: {keywords: {keywords: ["*discord.gg/*"]}}
      actions: [block]
"""
"""A rule the map lists: the bad server lacks it."""


def audited(fake: FakeDiscord, path, settings=None, automod=""):
    if settings is not None or automod:  # the map's `server.settings` and `automod`, written into a copy of the map
        lines = "".join(f"    {key}: {json.dumps(value)}\n" for key, value in (settings or {}).items())
        text = path.read_text(encoding="utf-8").replace(
            "  name: Campfire\n", "  name: Campfire\n" + ("  settings:\n" + lines if lines else "") + automod, 1)
        path = path.with_name("channel_map_promising.yml")
        path.write_text(text, encoding="utf-8")
    channel_map = load_channel_map(path)
    with DiscordClient(fake.token, clock=fake.clock, sleep=fake.clock.sleep) as client:
        return audit(channel_map, read_state(client, fake.guild_id, channel_map))


PROMISES = {"mfa_required_for_moderation": True, "verification_level": "high", "rules_channel": "rules"}


def test_a_server_set_up_badly_shows_every_audit_finding_once(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.set_bot_permissions(BOT_PERMISSIONS | MANAGE_GUILD)  # so that it may read the AutoMod rules
    result = audited(fake, server["path"], PROMISES, AUTOMOD)
    codes = collections.Counter(f.code for f in result.findings)
    assert codes == {entry.code.code: 1 for entry in CHECKS}, [f.as_text() for f in result.findings]
    found = {f.code: f for f in result.findings}
    assert "`cohort-b`" in found["private-space-visible"].message
    assert f"the private channel {server['den']} (Cohort A's room)" in found["private-space-visible"].message
    assert found["private-space-visible"].line == 29  # the channel's entry (after 4 lines of settings, 4 of automod)
    assert "`helper`" in found["unmapped-role-power"].message and "Manage Roles" in found["unmapped-role-power"].fix
    assert "drag `Handbook Bot` below `moderator`" in found["bot-above-moderators"].fix
    assert found["verification-level-low"].message == ("the server's verification level is none, and the map's "
                                                       "is high")
    assert "#general" in found["rules-channel-differs"].message and "#rules" in found["rules-channel-differs"].message
    assert found["automod-rule-missing"].message == 'the map\'s AutoMod rule "Invite links" is not on the server'
    assert found["automod-rule-missing"].line == 8 and "handbook discord apply" in found["automod-rule-missing"].fix
    assert all(f.file == str(server["path"].with_name("channel_map_promising.yml")) for f in result.findings)


def test_the_audit_fixes_clear_every_finding(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.roles[fake.bot_role_id]["position"] = 0
    fake.roles[server["helper"]]["permissions"] = "0"
    fake.roles[fake.guild_id]["permissions"] = str(int(fake.roles[fake.guild_id]["permissions"]) & ~MENTION_EVERYONE)
    den = fake.channels[server["den"]]
    den["permission_overwrites"] = [o for o in den["permission_overwrites"] if o["id"] != server["cohort-b"]]
    fake.rules_channel_id = fake.by_name("rules")["id"]
    fake.setup.mfa_level = 1
    fake.setup.verification_level = 4  # higher than the map asks is fine
    fake.set_bot_permissions(BOT_PERMISSIONS | MANAGE_GUILD)
    add_rule(fake, "Invite links")
    result = audited(fake, server["path"], PROMISES, AUTOMOD)
    assert result.findings == [] and {c["status"] for c in result.checks} == {"passed"}


def test_the_command_exits_1_with_a_stable_json_shape_and_skips_what_the_map_does_not_promise(fake, tmp_path,
                                                                                              capsys, monkeypatch):
    server = bad_server(fake, tmp_path)
    ran = run(capsys, "discord", "audit", "--map", str(server["path"]), "--format", "json")
    assert ran.code == 1, ran.text
    report = json.loads(ran.out)
    assert set(report) == {"guild_id", "server", "clean", "findings", "checks", "not_visible_to_bot"}
    assert report["clean"] is False and report["guild_id"] == fake.guild_id
    assert set(report["findings"][0]) == {"code", "severity", "message", "file", "line", "fix"}
    status = {c["code"]: c["status"] for c in report["checks"]}
    assert status == {"private-space-visible": "failed", "unmapped-role-power": "failed",
                      "everyone-mentions-everyone": "failed", "bot-above-moderators": "failed",
                      "moderation-without-mfa": "skipped", "verification-level-low": "skipped",
                      "rules-channel-differs": "skipped", "automod-rule-missing": "skipped"}
    monkeypatch.chdir(tmp_path)
    ran = run(capsys, "discord", "audit", "--map", str(server["path"]))
    assert ran.code == 1 and "4 findings on Campfire Practice Community (4 checks)." in ran.out, ran.text
    assert ran.out.startswith("channel_map.yml:21: warning: the private channel")  # the map as people see it
    assert "Skipped: moderation-without-mfa (the map has no `server.settings.mfa_required_for_moderation`)" in ran.out


def test_the_output_names_no_private_space_and_no_token(fake, tmp_path, capsys):
    server = bad_server(fake, tmp_path)
    fake.add_channel("quiet-corner", parent_id=server["rooms"],  # @everyone may mention in a private room
                     overwrites=[{"id": fake.guild_id, "type": 0, "allow": str(VIEW | MENTION_EVERYONE), "deny": "0"}])
    fake.roles[fake.guild_id]["permissions"] = str(int(fake.roles[fake.guild_id]["permissions"]) & ~MENTION_EVERYONE)
    for fmt in ("text", "json"):
        ran = run(capsys, "discord", "audit", "--map", str(server["path"]), "--format", fmt)
        assert ran.code == 1
        assert "everyone-mentions-everyone" in ran.out  # the room is said, by its id
        assert [name for name in PRIVATE_NAMES if name in ran.text] == []
        assert fake.token not in ran.text


def test_a_role_with_administrator_sees_every_private_space(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.roles[server["cohort-a"]]["permissions"] = str(ADMIN)
    found = [f for f in audited(fake, server["path"]).findings if f.code == "private-space-visible"
             and "`cohort-a`" in f.message]
    assert [f.message.split(" is ")[0] for f in found] == [
        f"the private category {server['rooms']} (A room for each cohort)"]
    assert "take Administrator from `cohort-a`" in found[0].fix


def test_everyone_seeing_a_private_channel_is_said_once_with_the_fix(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    den = fake.channels[server["den"]]
    den["permission_overwrites"] = [o for o in den["permission_overwrites"] if o["id"] != fake.guild_id]
    found = [f for f in audited(fake, server["path"]).findings if f.code == "private-space-visible"]
    assert [f.message for f in found] == [
        f"the private channel {server['den']} (Cohort A's room) is private in the map, and `@everyone` can see it"]
    assert "handbook discord apply" in found[0].fix


def test_the_bots_own_role_may_hold_what_handbook_needs_and_nothing_more(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.roles[server["helper"]]["permissions"] = "0"

    def power():
        return [f.message for f in audited(fake, server["path"]).findings if f.code == "unmapped-role-power"]

    assert power() == []  # Manage Roles is in the bot's permission set
    fake.set_bot_permissions(BOT_PERMISSIONS | ADMIN)
    assert power() == ["the handbook bot's role `Handbook Bot` holds Administrator, which handbook never needs"]


def test_another_bots_role_is_a_finding_until_the_map_lists_it(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.roles[server["helper"]]["permissions"] = "0"
    fake.add_role("Music Bot", BAN, managed=True)
    found = [f.message for f in audited(fake, server["path"]).findings if f.code == "unmapped-role-power"]
    assert found == ["the role `Music Bot` (another bot's or an integration's role) holds Ban Members "
                     "and the map does not list it"]
    path = server["path"]
    path.write_text(path.read_text(encoding="utf-8").replace("roles:\n", "roles:\n  - name: Music Bot\n", 1),
                    encoding="utf-8")
    assert [f for f in audited(fake, path).findings if f.code == "unmapped-role-power"] == []


def test_a_channel_that_lets_everyone_mention_everyone_is_named(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.roles[fake.guild_id]["permissions"] = str(int(fake.roles[fake.guild_id]["permissions"]) & ~MENTION_EVERYONE)
    general = fake.by_name("general")
    general["permission_overwrites"] = [{"id": fake.guild_id, "type": 0, "allow": str(MENTION_EVERYONE), "deny": "0"}]
    fake.channels[server["den"]]["permission_overwrites"].append(  # private to @everyone: no one to ping
        {"id": fake.guild_id, "type": 0, "allow": str(MENTION_EVERYONE), "deny": str(VIEW)})
    found = [f for f in audited(fake, server["path"]).findings if f.code == "everyone-mentions-everyone"]
    assert [f.message for f in found] == ["`@everyone` may mention `@everyone` and `@here` in #general"]
    assert found[0].line == 14


def test_a_moderation_role_is_one_the_map_names_so_or_one_that_moderates(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.roles[server["moderator"]]["permissions"] = "0"  # named "moderator": still a moderation role
    fake.roles[server["cohort-b"]]["permissions"] = str(KICK)  # it moderates on the server
    found = [f.message for f in audited(fake, server["path"]).findings if f.code == "bot-above-moderators"]
    assert found == ["the bot's role `Handbook Bot` ranks above the moderation role `cohort-b`",
                     "the bot's role `Handbook Bot` ranks above the moderation role `moderator`"]


def test_private_channels_the_bot_cannot_see_are_counted_not_checked(fake, tmp_path, capsys):
    server = bad_server(fake, tmp_path)
    den = fake.channels[server["den"]]
    den["permission_overwrites"] = [o for o in den["permission_overwrites"] if o["id"] != fake.bot_user_id]
    ran = run(capsys, "discord", "audit", "--map", str(server["path"]), "--format", "json")
    report = json.loads(ran.out)
    assert report["not_visible_to_bot"] == 1
    assert not any(server["den"] in f["message"] for f in report["findings"])


@pytest.mark.parametrize("trouble", ["no token", "no map"])
def test_bad_input_exits_2_with_one_line(fake, tmp_path, capsys, monkeypatch, trouble):
    server = bad_server(fake, tmp_path)
    if trouble == "no token":
        monkeypatch.delenv("DISCORD_TOKEN")
    else:
        server["path"].unlink()
    ran = run(capsys, "discord", "audit", "--map", str(server["path"]))
    assert ran.code == 2 and ("DISCORD_TOKEN is not set" in ran.err or "no channel map here" in ran.err), ran.text


def test_this_handbook_synced_and_applied_keeps_every_promise(fake, tmp_path, capsys, monkeypatch):
    fake.features[:] = ["COMMUNITY", "NEWS"]  # the owner made it a Community server
    fake.set_bot_permissions(permissions_for(load_channel_map(ROOT / "channel_map.yml")))
    root = tmp_path / "handbook"
    shutil.copytree(ROOT / "docs", root / "docs")
    for name in ("mkdocs.yml", "channel_map.yml", "communities.yml"):
        shutil.copy(ROOT / name, root / name)
    monkeypatch.chdir(root)
    assert run(capsys, "sync").code == 0
    ran = run(capsys, "discord", "apply", "--yes", "--guild", fake.guild_id)
    assert ran.code == 0, ran.text
    ran = run(capsys, "discord", "audit", "--format", "json")
    assert ran.code == 1 and [f["code"] for f in json.loads(ran.out)["findings"]] == ["moderation-without-mfa"]
    fake.setup.mfa_level = 1  # only the owner can: the plan and the audit both say so until then
    ran = run(capsys, "discord", "audit", "--format", "json")
    assert ran.code == 0, ran.text
    report = json.loads(ran.out)
    assert report["clean"] is True and report["findings"] == [] and report["not_visible_to_bot"] == 0
    assert [c["status"] for c in report["checks"]] == ["passed"] * 8  # the map promises all it checks
    ran = run(capsys, "discord", "audit")
    assert ran.code == 0 and "keeps every promise the map makes (8 checks)" in ran.out, ran.text


@pytest.mark.parametrize("on_server, findings", [(1, 1), (2, 0), (3, 0)])
def test_the_verification_level_is_compared_by_rank(fake, tmp_path, on_server, findings):
    server = bad_server(fake, tmp_path)
    fake.setup.verification_level = on_server
    found = [f for f in audited(fake, server["path"], {"verification_level": "medium"}).findings
             if f.code == "verification-level-low"]
    assert len(found) == findings


def add_rule(fake: FakeDiscord, name: str, enabled: bool = True) -> str:
    """An AutoMod rule on the fake server, as Discord lists it."""
    rule_id = fake.new_id()
    fake.setup.automod[rule_id] = {"id": rule_id, "guild_id": fake.guild_id, "name": name, "enabled": enabled,
                                   "event_type": 1, "trigger_type": 1, "trigger_metadata": {"keyword_filter": ["x"]},
                                   "actions": [{"type": 1}], "exempt_roles": [], "exempt_channels": []}
    return rule_id


def automod_check(result) -> tuple[list[str], dict]:
    return ([f.message for f in result.findings if f.code == "automod-rule-missing"],
            next(c for c in result.checks if c["code"] == "automod-rule-missing"))


def test_a_rule_turned_off_on_the_server_is_a_finding_and_one_the_map_turns_off_is_not(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.set_bot_permissions(BOT_PERMISSIONS | MANAGE_GUILD)
    add_rule(fake, "Invite links", enabled=False)
    found, entry = automod_check(audited(fake, server["path"], automod=AUTOMOD))
    assert found == ['the map\'s AutoMod rule "Invite links" is turned off on the server'] and entry["status"] == "failed"
    off_in_map = AUTOMOD.replace("      actions:", "      enabled: false\n      actions:")
    assert automod_check(audited(fake, server["path"], automod=off_in_map))[0] == []


def test_a_rule_is_matched_by_the_id_the_map_records_before_its_name(fake, tmp_path):
    server = bad_server(fake, tmp_path)
    fake.set_bot_permissions(BOT_PERMISSIONS | MANAGE_GUILD)
    renamed = add_rule(fake, "Invites (renamed by hand)")
    add_rule(fake, "Invite links", enabled=False)  # same name, another rule: the id decides
    with_id = AUTOMOD.replace("    - name: Invite links\n", f'    - name: Invite links\n      id: "{renamed}"\n')
    assert automod_check(audited(fake, server["path"], automod=with_id))[0] == []
    fake.setup.automod[renamed]["enabled"] = False
    assert len(automod_check(audited(fake, server["path"], automod=with_id))[0]) == 1


def test_the_check_is_skipped_with_its_reason_when_the_bot_cannot_read_automod(fake, tmp_path):
    server = bad_server(fake, tmp_path)  # the bot has what handbook needs for channels, not Manage Server
    found, entry = automod_check(audited(fake, server["path"], automod=AUTOMOD))
    assert found == [] and entry == {"code": "automod-rule-missing", "status": "skipped",
                                     "reason": "the bot cannot read the AutoMod rules: give it Manage Server"}
