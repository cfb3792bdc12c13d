"""This repository's handbook and a fake server: `discord pull`, `sync` (which proposes the
onboarding question and the welcome screen when the map has none), `discord plan`, `apply`, and a
second `plan` with nothing to change. The server starts as a Community server whose owner set up
nothing else; the bot holds the map's set of permissions (Manage Server and Timeout Members too)."""

from __future__ import annotations

import re
import shutil

from cli_run import run
from fake_discord import fake  # noqa: F401  (fixture)

from handbook.channelmap.loader import load_channel_map
from handbook.discord.permissions import permissions_for
from paths import ROOT


def copy_handbook(tmp_path, *, drop: tuple[str, ...] = ()):
    root = tmp_path / "handbook"
    shutil.copytree(ROOT / "docs", root / "docs")
    for name in ("mkdocs.yml", "channel_map.yml", "communities.yml"):
        shutil.copy(ROOT / name, root / name)
    path = root / "channel_map.yml"
    text = path.read_text(encoding="utf-8")
    for section in drop:  # a section of `server:` and the comment lines just above it
        text = re.sub(rf"(?:  #[^\n]*\n)*  {section}:\n(?:    [^\n]*\n|      [^\n]*\n)*", "", text)
    path.write_text(text, encoding="utf-8")
    return root, path


def test_the_repository_map_manages_the_server_as_the_guidelines_promise():
    setup = load_channel_map(ROOT / "channel_map.yml").server.setup
    settings = setup.settings
    assert settings.mfa_required_for_moderation is True  # runbook: 2FA for moderation
    assert settings.verification_level == "medium" and settings.channels["rules_channel"] == "rules"
    runbook = (ROOT / "docs" / "guidelines" / "runbook.md").read_text(encoding="utf-8")
    assert "Multi-factor authentication is required" in runbook and "Tighten AutoMod" in runbook
    triggers = {rule.trigger for rule in setup.automod}
    assert {"spam", "mention_spam", "keywords"} <= triggers  # spam, raids, doxxing
    assert all(a.channel == "mod-team" for rule in setup.automod for a in rule.actions if a.kind == "alert")
    assert setup.onboarding.prompts[0].title == "What do you want to practise?"
    assert setup.welcome_screen.channels[0].channel == "rules"


def test_pull_sync_plan_apply_plan_on_this_handbook(fake, tmp_path, monkeypatch, capsys):
    root, path = copy_handbook(tmp_path, drop=("onboarding", "welcome_screen"))
    monkeypatch.chdir(root)
    fake.features[:] = ["COMMUNITY", "NEWS"]  # the owner made it a Community server
    fake.set_bot_permissions(permissions_for(load_channel_map(ROOT / "channel_map.yml")))

    code, out, _ = run(capsys, "discord", "pull", "--guild", fake.guild_id)
    assert code == 0, out
    code, out, _ = run(capsys, "sync")
    assert code == 0, out
    assert "proposed `server.onboarding`: the question \"What do you want to practise?\" with 7 answers" in out
    assert "proposed `server.welcome_screen` from the start pages" in out
    proposed = load_channel_map(path).server.setup
    options = {o.title: o.channels for o in proposed.onboarding.prompts[0].options}
    assert options["Habits"] == ["habits"] and options["Rest"] == ["rest"]
    assert proposed.welcome_screen.channels[0].channel == "rules"
    assert run(capsys, "sync")[0:2] == (0, "channel_map.yml is in step with the docs; nothing to change.\n")

    code, out, _ = run(capsys, "discord", "plan")
    assert code == 1, out
    assert "set verification level: none → medium" in out
    assert "create AutoMod rule \"Mention spam\": blocks messages with more than 5 mentions, and protects from " \
           "mention raids, alerts #mod-team, times the member out for 3600 s" in out
    assert "Note: the map requires two-factor authentication for moderation" in out
    code, out, err = run(capsys, "discord", "apply", "--yes")
    assert (code, err) == (0, ""), out
    assert not [e for e in fake.log if e.status >= 400]
    assert fake.rules_channel_id == fake.by_name("rules")["id"]
    assert fake.setup.public_updates_channel_id == fake.by_name("community-updates")["id"]
    assert len(fake.setup.automod) == 5 and fake.setup.onboarding["enabled"]
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 0 and "nothing to change" in out, out
    assert "only the server's owner can turn it on" in out  # said until the owner does
    fake.setup.mfa_level = 1
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 0 and "Note:" not in out, out
    code, out, _ = run(capsys, "discord", "pull", "--check")
    assert code == 0, out


def test_sync_proposes_nothing_where_the_map_says_false_or_manages_no_server(tmp_path, monkeypatch, capsys):
    root, path = copy_handbook(tmp_path, drop=("onboarding", "welcome_screen"))
    monkeypatch.chdir(root)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  settings:\n", "  onboarding: false\n  welcome_screen: false\n  settings:\n", 1))
    code, out, _ = run(capsys, "sync")
    assert (code, out) == (0, "channel_map.yml is in step with the docs; nothing to change.\n")
    root2, path2 = copy_handbook(tmp_path / "plain", drop=("onboarding", "welcome_screen", "settings", "automod"))
    monkeypatch.chdir(root2)
    assert "server:\n  name:" in path2.read_text() and "automod" not in path2.read_text()
    code, out, _ = run(capsys, "sync")
    assert (code, out) == (0, "channel_map.yml is in step with the docs; nothing to change.\n")
