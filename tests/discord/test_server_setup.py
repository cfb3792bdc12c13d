"""The server's own configuration from the map: `plan` says each change in plain words, `apply`
sends it with the permission each needs (and never the 2FA requirement, which only the owner can
set), a second `plan` is empty, AutoMod rules are matched by name and kept by id, and `pull`
copies a server's settings, onboarding, welcome screen and rules into the map, keeping hand edits."""

from __future__ import annotations

import json

import pytest
from cli_run import run
from fake_discord import ADMIN, BOT_DEFAULT, CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from fake_discord_server import MANAGE_GUILD, MODERATE_MEMBERS

from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.rules import MANAGE_GUILD as RULES_MANAGE_GUILD
from handbook.discord.permissions import BOT_PERMISSIONS, permissions_for

SERVER = """server:
  name: Campfire
  settings:
    verification_level: medium
    explicit_content_filter: all_members
    default_message_notifications: only_mentions
    mfa_required_for_moderation: true
    rules_channel: rules
    public_updates_channel: mod-log
    system_channel: general
    system_channel_flags: [suppress_join_notifications]
  onboarding:
    enabled: true
    default_channels: [rules, general]
    prompts:
      - title: What do you want to practise?
        options:
          - title: Habits
            description: Tiny routines
            channels: [habits]
            emoji: "🔁"
  welcome_screen:
    description: Practise together.
    channels:
      - channel: rules
        description: Read first
        emoji: "📜"
  automod:
    # hand-written comment, kept
    - name: Invite links
      trigger: {keywords: {keywords: ["*discord.gg/*"]}}
      actions:
        - block: {message: No invites here.}
        - alert: {channel: mod-log}
        - timeout: {duration: 10m}
      exempt_roles: [moderator]
    - name: Spam
      trigger: spam
      actions: [block]
roles:
  - name: moderator
discord_categories:
  - name: Welcome
    channels:
      - name: rules
        kind: prompt
      - name: general
        kind: prompt
      - name: habits
        kind: prompt
  - name: Moderators
    visibility: private
    roles: [moderator]
    channels:
      - name: mod-log
        kind: prompt
"""

MOD_BOT = BOT_DEFAULT | MANAGE_GUILD | MODERATE_MEMBERS


def write_map(tmp_path, text=SERVER, guild_id=None):
    """The map as a maintainer writes it (a pull would copy the server's side over it)."""
    path = tmp_path / "channel_map.yml"
    if guild_id:
        text = text.replace("  name: Campfire\n", f'  name: Campfire\n  guild_id: "{guild_id}"\n', 1)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_set_grows_by_manage_server_only_for_a_map_that_asks(tmp_path):
    assert permissions_for(None) == BOT_PERMISSIONS
    plain = load_channel_map(write_map(tmp_path, "server:\n  name: Campfire\nroles:\n  - name: moderator\n"))
    assert permissions_for(plain) == BOT_PERMISSIONS
    assert not BOT_PERMISSIONS & RULES_MANAGE_GUILD
    asks = load_channel_map(write_map(tmp_path))
    assert permissions_for(asks) == BOT_PERMISSIONS | RULES_MANAGE_GUILD | MODERATE_MEMBERS


def test_plan_then_apply_then_an_empty_plan(fake, tmp_path, capsys):
    fake.set_bot_permissions(MOD_BOT)
    path = write_map(tmp_path, guild_id=fake.guild_id)
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert code == 1, out
    assert "set verification level: none → medium (members need a verified e-mail address and an account older " \
           "than 5 minutes)" in out, out
    assert "set rules channel: (none) → #rules" in out or "set rules channel: (none) → create #rules" in out
    assert "ask \"What do you want to practise?\" (1 answers: Habits)" in out
    assert "create AutoMod rule \"Invite links\": blocks 1 words or patterns, alerts #mod-log, times the member " \
           "out for 600 s" in out
    assert "only the server's owner can turn it on" in out  # 2FA: said, never sent
    code, out, err = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert (code, err) == (0, ""), out
    assert not [e for e in fake.writes() if e.body and isinstance(e.body, dict) and "mfa_level" in e.body]
    s = fake.setup
    assert (s.verification_level, s.explicit_content_filter, s.default_message_notifications) == (2, 2, 1)
    assert fake.rules_channel_id == fake.by_name("rules")["id"] and s.system_channel_flags == 1
    assert s.onboarding["enabled"] and s.onboarding["prompts"][0]["options"][0]["channel_ids"] == \
        [fake.by_name("habits")["id"]]
    assert s.welcome["welcome_channels"][0]["description"] == "Read first"
    assert sorted(r["name"] for r in s.automod.values()) == ["Invite links", "Spam"]
    text = path.read_text()
    assert "# hand-written comment, kept" in text
    ids = {rule.name: rule.id for rule in load_channel_map(path).server.setup.automod}
    assert set(ids.values()) == set(s.automod)  # recorded like channel ids
    writes = len(fake.writes())
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert code == 0 and "nothing to change" in out, out
    assert run(capsys, "discord", "apply", "--map", str(path), "--yes")[0] == 0
    assert len(fake.writes()) == writes  # idempotent


def test_automod_rules_are_kept_by_id_when_renamed_in_the_map(fake, tmp_path, capsys):
    fake.set_bot_permissions(MOD_BOT)
    path = write_map(tmp_path, guild_id=fake.guild_id)
    assert run(capsys, "discord", "apply", "--map", str(path), "--yes")[0] == 0
    before = set(fake.setup.automod)
    path.write_text(path.read_text().replace("- name: Spam", "- name: Spam filter"))
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert code == 1 and "change AutoMod rule \"Spam filter\": name" in out, out
    assert run(capsys, "discord", "apply", "--map", str(path), "--yes")[0] == 0
    assert set(fake.setup.automod) == before
    assert sorted(r["name"] for r in fake.setup.automod.values()) == ["Invite links", "Spam filter"]


def test_without_manage_server_plan_names_the_permission_and_apply_sends_nothing(fake, tmp_path, capsys):
    path = write_map(tmp_path, guild_id=fake.guild_id)
    run(capsys, "discord", "apply", "--map", str(path), "--yes")  # the channels, made before
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert code == 1
    assert "Note: the bot lacks Manage Server and Timeout Members" in out
    assert f"permissions={BOT_PERMISSIONS | RULES_MANAGE_GUILD | MODERATE_MEMBERS})" in out
    writes = len(fake.writes())
    code, _, err = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert code == 2 and "Manage Server" in err and len(fake.writes()) == writes


def test_community_says_what_it_needs_before_discords_misleading_403(fake, tmp_path, capsys):
    fake.set_bot_permissions(MOD_BOT)
    path = write_map(tmp_path, SERVER.replace("    public_updates_channel: mod-log\n", "    community: true\n"),
                     guild_id=fake.guild_id)
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert "Discord turns Community on only for a server with a rules channel and a public updates channel" in out
    path.write_text(path.read_text().replace("    community: true\n", "    community: true\n"
                                             "    public_updates_channel: mod-log\n"))
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert "only a member with Administrator can turn Community on" in out, out
    assert "enable-community" not in out
    fake.set_bot_permissions(ADMIN)
    assert run(capsys, "discord", "apply", "--map", str(path), "--yes")[0] == 0
    assert "COMMUNITY" in fake.features and not [e for e in fake.log if e.status == 403]


def test_pull_copies_a_configured_server_into_the_map_and_keeps_hand_edits(fake, tmp_path, capsys):
    fake.set_bot_permissions(MOD_BOT)
    path = write_map(tmp_path, guild_id=fake.guild_id)
    assert run(capsys, "discord", "apply", "--map", str(path), "--yes")[0] == 0
    assert run(capsys, "discord", "pull", "--map", str(path), "--check")[0] == 0  # 2FA: the owner's, never pulled over
    fake.setup.mfa_level = 1  # the owner turns it on
    fresh = tmp_path / "fresh.yml"
    code, out, _ = run(capsys, "discord", "pull", "--map", str(fresh), "--guild", fake.guild_id)
    assert code == 0, out
    pulled = load_channel_map(fresh).server.setup
    assert pulled.settings.verification_level == "medium" and pulled.settings.channels["rules_channel"] == "rules"
    assert pulled.settings.system_channel_flags == ["suppress_join_notifications"]
    assert pulled.onboarding.prompts[0].options[0].channels == ["habits"]
    assert pulled.welcome_screen.channels[0].emoji == "📜"
    assert {r.name: r.trigger for r in pulled.automod} == {"Invite links": "keywords", "Spam": "spam"}
    assert run(capsys, "discord", "plan", "--map", str(fresh))[0] == 0, "the pulled map plans nothing"
    before = path.read_text()
    code, out, _ = run(capsys, "discord", "pull", "--map", str(path))
    assert code == 0 and path.read_text() == before, out  # shorthands and comments as written
    fake.setup.verification_level = 3
    run(capsys, "discord", "pull", "--map", str(path))
    assert "verification_level: high" in path.read_text()
    assert path.read_text().replace("verification_level: high", "verification_level: medium") == before


def test_the_bot_page_gives_the_sets_a_server_map_asks_for(tmp_path):
    from paths import ROOT

    text = (ROOT / "docs" / "maintaining" / "discord-bot.md").read_text(encoding="utf-8")
    section = text.split("## Managing the server's settings", 1)[1].split("\n## ", 1)[0]
    plain = load_channel_map(write_map(tmp_path, SERVER.replace("        - timeout: {duration: 10m}\n", "")))
    with_timeout = load_channel_map(write_map(tmp_path))
    assert f"the set is {permissions_for(plain)}, or {permissions_for(with_timeout)} when" in section
    assert "| Manage Server | `1 << 5` |" in section and "| Timeout Members | `1 << 40` |" in section


def test_invite_with_a_server_map_asks_for_manage_server_and_says_why(tmp_path, capsys):
    app = "1234567890123456789"
    path = write_map(tmp_path)
    code, out, _ = run(capsys, "discord", "invite", "--app-id", app, "--map", str(path))
    wanted = BOT_PERMISSIONS | RULES_MANAGE_GUILD | MODERATE_MEMBERS
    assert code == 0 and out.splitlines()[0].endswith(f"&permissions={wanted}")
    manage = next(line for line in out.splitlines() if line.startswith("  Manage Server "))
    assert "set-server-setting" in manage and "create-automod-rule" in manage
    assert "  set-onboarding " in out
    code, out, _ = run(capsys, "discord", "invite", "--app-id", app)
    assert out.splitlines()[0].endswith(f"&permissions={BOT_PERMISSIONS}") and "set-onboarding" not in out
