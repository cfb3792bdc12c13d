"""The fake Discord's server-wide endpoints keep Discord's documented rules and permissions: the
tests of pull, plan and apply for settings, onboarding, the welcome screen and AutoMod rely on it."""

from __future__ import annotations

import pytest
from fake_discord import ADMIN, BOT_DEFAULT, CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from fake_discord_server import MANAGE_GUILD, MODERATE_MEMBERS

from handbook.discord.client import DiscordClient, DiscordError


def client(fake: FakeDiscord) -> DiscordClient:
    return DiscordClient(fake.token, clock=fake.clock, sleep=fake.clock.sleep)


def refused(fake: FakeDiscord, method: str, path: str, body=None) -> DiscordError:
    with client(fake) as api, pytest.raises(DiscordError) as err:
        api.request(method, path, json=body, reason="test")
    return err.value


def send(fake: FakeDiscord, method: str, path: str, body=None):
    with client(fake) as api:
        return api.request(method, path, json=body, reason=None if method == "GET" else "test")


@pytest.fixture
def server(fake):
    parent = fake.add_channel("Welcome", CATEGORY)
    ids = {"rules": fake.add_channel("rules", parent_id=parent), "news": fake.add_channel("news", parent_id=parent),
           "voice": fake.add_channel("Campfire", 2, parent_id=parent), "mod": fake.add_role("moderator")}
    return ids


def test_settings_need_manage_server_and_keep_discords_ranges(fake, server):
    g = f"/guilds/{fake.guild_id}"
    assert refused(fake, "PATCH", g, {"verification_level": 2}).code == 50013
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_GUILD)
    assert refused(fake, "PATCH", g, {"verification_level": 5}).code == 50035
    assert refused(fake, "PATCH", g, {"rules_channel_id": server["voice"]}).code == 50035
    answer = send(fake, "PATCH", g, {"verification_level": 2, "rules_channel_id": server["rules"],
                                     "system_channel_flags": 1, "mfa_level": 1})
    assert (answer["verification_level"], answer["rules_channel_id"], answer["system_channel_flags"]) \
        == (2, server["rules"], 1)
    assert answer["mfa_level"] == 0  # read-only for a bot: only the owner sets it


def test_community_needs_administrator_and_answers_the_misleading_403_without_its_channels(fake, server):
    g = f"/guilds/{fake.guild_id}"
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_GUILD)
    assert refused(fake, "PATCH", g, {"features": ["COMMUNITY"]}).code == 50013
    fake.set_bot_permissions(ADMIN)
    err = refused(fake, "PATCH", g, {"features": ["COMMUNITY"], "rules_channel_id": server["rules"]})
    assert (err.status, err.code) == (403, 40006) and "temporarily disabled" in str(err)
    answer = send(fake, "PATCH", g, {"features": ["COMMUNITY"], "rules_channel_id": server["rules"],
                                     "public_updates_channel_id": server["news"]})
    assert "COMMUNITY" in answer["features"] and "NEWS" in answer["features"]


def test_onboarding_needs_manage_server_and_manage_roles_and_real_channels(fake, server):
    path = f"/guilds/{fake.guild_id}/onboarding"
    prompt = {"title": "What do you want to practise?", "type": 0,
              "options": [{"title": "Rules", "channel_ids": [server["rules"]], "role_ids": [server["mod"]]}]}
    fake.set_bot_permissions(MANAGE_GUILD | 1 << 10)
    assert refused(fake, "PUT", path, {"prompts": [prompt]}).code == 50013
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_GUILD)
    bad = {**prompt, "options": [{"title": "x", "channel_ids": ["123456789012345678"]}]}
    assert refused(fake, "PUT", path, {"prompts": [bad]}).code == 50035
    answer = send(fake, "PUT", path, {"prompts": [prompt], "default_channel_ids": [server["rules"]], "enabled": True})
    assert answer["enabled"] and answer["prompts"][0]["options"][0]["channel_ids"] == [server["rules"]]
    assert send(fake, "GET", path)["prompts"][0]["id"] == answer["prompts"][0]["id"]


def test_the_welcome_screen_keeps_its_limits(fake, server):
    path = f"/guilds/{fake.guild_id}/welcome-screen"
    assert refused(fake, "GET", path).code == 50013  # not enabled yet: reading needs Manage Server
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_GUILD)
    one = {"channel_id": server["rules"], "description": "Read first", "emoji_name": "📜"}
    assert refused(fake, "PATCH", path, {"welcome_channels": [one] * 6}).code == 50035
    assert refused(fake, "PATCH", path, {"description": "x" * 141}).code == 50035
    assert refused(fake, "PATCH", path, {"welcome_channels": [{**one, "description": "x" * 51}]}).code == 50035
    send(fake, "PATCH", path, {"enabled": True, "welcome_channels": [one], "description": "Hello"})
    assert "WELCOME_SCREEN_ENABLED" in fake.features
    fake.set_bot_permissions(BOT_DEFAULT)
    assert send(fake, "GET", path)["welcome_channels"][0]["emoji_name"] == "📜"


def _rule(name: str, trigger: int = 1, **extra):
    return {"name": name, "event_type": 2 if trigger == 6 else 1, "trigger_type": trigger,
            "trigger_metadata": {"keyword_filter": ["spam"]} if trigger in (1, 6) else {},
            "actions": [{"type": 1}], **extra}


def test_automod_keeps_discords_counts_limits_and_actions(fake, server):
    path = f"/guilds/{fake.guild_id}/auto-moderation/rules"
    assert refused(fake, "GET", path).code == 50013
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_GUILD)
    for n in range(6):
        send(fake, "POST", path, _rule(f"k{n}"))
    assert refused(fake, "POST", path, _rule("k6")).code == 50035
    spam = send(fake, "POST", path, _rule("spam", 3))
    assert refused(fake, "POST", path, _rule("spam again", 3)).code == 50035
    timeout = [{"type": 3, "metadata": {"duration_seconds": 60}}]
    assert refused(fake, "PATCH", f"{path}/{spam['id']}", {"actions": timeout}).code == 50035
    assert refused(fake, "POST", path, _rule("m", 5, trigger_metadata={"mention_total_limit": 51})).code == 50035
    mention = _rule("m", 5, trigger_metadata={"mention_total_limit": 5}, actions=timeout)
    assert refused(fake, "POST", path, mention).code == 50013  # a timeout needs Timeout Members
    fake.set_bot_permissions(BOT_DEFAULT | MANAGE_GUILD | MODERATE_MEMBERS)
    long = [{"type": 3, "metadata": {"duration_seconds": 2_419_201}}]
    assert refused(fake, "POST", path, {**mention, "actions": long}).code == 50035
    made = send(fake, "POST", path, mention)
    assert refused(fake, "PATCH", f"{path}/{made['id']}", {"trigger_type": 1}).code == 50035
    send(fake, "PATCH", f"{path}/{made['id']}", {"enabled": True, "exempt_roles": [server["mod"]]})
    assert fake.setup.automod[made["id"]]["exempt_roles"] == [server["mod"]]
    send(fake, "DELETE", f"{path}/{made['id']}")
    assert made["id"] not in fake.setup.automod
    assert refused(fake, "POST", path, _rule("x", 4, exempt_roles=[server["mod"]] * 21)).code == 50035
