"""The REST client against the fake Discord: headers, errors, rate limits, retries, secrets."""

from __future__ import annotations

import urllib.parse

import pytest
from fake_discord import VIEW, FakeDiscord, fake  # noqa: F401  (fixture)

from handbook.discord.client import USER_AGENT, ConfigurationError, DiscordClient, DiscordError, RateLimited, execute_webhook, redact, route_template


_clients: list[DiscordClient] = []


@pytest.fixture(autouse=True)
def _close_clients():
    yield
    while _clients:
        _clients.pop().close()


def client_for(fake: FakeDiscord, **options) -> DiscordClient:
    options.setdefault("max_wait", 60.0)
    _clients.append(DiscordClient(fake.token, clock=fake.clock, sleep=fake.clock.sleep, **options))
    return _clients[-1]


def test_sends_bot_authorization_user_agent_and_audit_reason(fake):
    client = client_for(fake)
    created = client.create_channel(fake.guild_id, {"name": "Joey's Cool  Channel.", "type": 0},
                                    reason="handbook: create #joeys-cool-channel (map line 12)")
    assert created["name"] == "joeys-cool-channel"  # the fake rewrites names as Discord does
    entry = fake.log[-1]
    assert entry.headers["authorization"] == f"Bot {fake.token}"
    assert entry.headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("DiscordBot (https://")
    assert entry.headers["content-type"] == "application/json"
    reason = urllib.parse.unquote(entry.headers["x-audit-log-reason"])
    assert reason == "handbook: create #joeys-cool-channel (map line 12)"


def test_a_write_without_a_reason_is_refused_before_sending(fake):
    client = client_for(fake)
    with pytest.raises(ValueError):
        client.request("POST", f"/guilds/{fake.guild_id}/channels", json={"name": "x"})
    assert fake.log == []


def test_base_url_comes_from_the_environment(fake):
    assert client_for(fake).base_url == fake.api_url


def test_missing_token_names_the_variable():
    with pytest.raises(ConfigurationError, match="DISCORD_TOKEN"):
        DiscordClient("")


def test_missing_permission_is_one_line_naming_it(fake):
    fake.set_bot_permissions(VIEW)
    client = client_for(fake)
    with pytest.raises(DiscordError) as caught:
        client.create_channel(fake.guild_id, {"name": "habits"}, reason="test", what="create #habits")
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("create #habits: missing permission: the bot needs Manage Channels")
    assert caught.value.status == 403 and caught.value.code == 50013


def test_missing_access_and_unknown_channel_differ(fake):
    hidden = fake.add_channel("staff", overwrites=fake.private_overwrites())
    client = client_for(fake)
    with pytest.raises(DiscordError) as caught:
        client.channel(hidden)
    assert caught.value.code == 50001 and "cannot see this channel" in str(caught.value)
    with pytest.raises(DiscordError) as caught:
        client.channel("799999999999999999")
    assert caught.value.status == 404 and caught.value.code == 10003
    assert "deleted" in str(caught.value)


def test_hidden_channels_are_left_out_of_the_list(fake):
    open_id = fake.add_channel("general")
    hidden = fake.add_channel("staff", overwrites=fake.private_overwrites())
    listed = {c["id"] for c in client_for(fake).channels(fake.guild_id)}
    assert open_id in listed and hidden not in listed


def test_rename_sub_limit_waits_retry_after_within_max_wait(fake):
    channel = fake.add_channel("one")
    client = client_for(fake, max_wait=900)
    for name in ("two", "three", "four"):
        client.modify_channel(channel, {"name": name}, reason="rename")
    assert fake.channels[channel]["name"] == "four"
    assert client.stats.rate_limited == 1
    assert fake.clock.sleeps == [pytest.approx(600)]  # waited the 429's retry_after, on the fake clock


def test_rename_sub_limit_past_max_wait_raises_without_sleeping(fake):
    channel = fake.add_channel("one")
    client = client_for(fake, max_wait=60)
    client.modify_channel(channel, {"name": "two"}, reason="rename")
    client.modify_channel(channel, {"topic": "hello"}, reason="topic")
    with pytest.raises(RateLimited) as caught:
        client.modify_channel(channel, {"name": "three"}, reason="rename", what="rename #two")
    assert caught.value.retry_after == pytest.approx(600)
    assert "rename #two" in str(caught.value) and "--max-wait" in str(caught.value)
    assert fake.clock.sleeps == []
    assert fake.channels[channel]["name"] == "two"


def test_bucket_headers_make_the_client_wait_before_the_429(fake):
    fake.route_limit, fake.route_window = 3, 5.0
    client = client_for(fake)
    for index in range(7):
        client.create_channel(fake.guild_id, {"name": f"c{index}"}, reason="test")
    assert len([c for c in fake.channels.values() if c["name"].startswith("c")]) == 7
    assert client.stats.rate_limited == 0  # never hit a 429: it read Remaining/Reset-After
    assert len(fake.clock.sleeps) == 2 and all(0 < s <= 5.0 for s in fake.clock.sleeps)


def test_global_429_pauses_then_retries(fake):
    fake.global_limit_once = 2.5
    client = client_for(fake)
    assert client.roles(fake.guild_id)
    assert client.stats.rate_limited == 1 and fake.clock.sleeps == [2.5]


def test_5xx_is_retried_with_backoff(fake):
    fake.fail("GET", r"/channels$", 502, times=2)
    client = client_for(fake, backoff=1.0)
    assert client.channels(fake.guild_id) == []
    assert fake.clock.sleeps == [1.0, 2.0] and client.stats.retries == 2


def test_5xx_that_persists_becomes_one_clear_error(fake):
    fake.fail("GET", r"/roles$", 503, times=None)
    client = client_for(fake, retries=2)
    with pytest.raises(DiscordError, match=r"list the server's roles: Discord answered 503 .* 3 times"):
        client.roles(fake.guild_id)


def test_connection_errors_are_retried_then_reported():
    sleeps = []
    client = DiscordClient("secret-token-aaaaaaaaaaaaaaaaaaaaaa", base_url="http://127.0.0.1:9/api/v10",
                           retries=2, sleep=sleeps.append, timeout=2)
    _clients.append(client)
    with pytest.raises(DiscordError, match="cannot reach Discord") as caught:
        client.roles("700000000000000001")
    assert sleeps == [1.0, 2.0]
    assert "secret-token" not in str(caught.value)


def test_wrong_token_is_a_clear_401_without_the_token(fake):
    client = DiscordClient("wrong-token-abcdefghijklmnopqrstuvwxyz", clock=fake.clock, sleep=fake.clock.sleep)
    _clients.append(client)
    with pytest.raises(DiscordError) as caught:
        client.roles(fake.guild_id)
    assert "401" in str(caught.value) and "DISCORD_TOKEN" in str(caught.value)
    assert "wrong-token" not in str(caught.value) and "wrong-token" not in repr(client)


def test_invalid_form_body_lists_the_field(fake):
    client = client_for(fake)
    with pytest.raises(DiscordError, match=r"400, code 50035\): Invalid Form Body \(name: Must be between"):
        client.create_channel(fake.guild_id, {"name": "x" * 101}, reason="test")


def test_parent_changes_are_one_per_reorder_call(fake):
    a = fake.add_channel("Camp A", 4)
    b = fake.add_channel("Camp B", 4)
    one, two = fake.add_channel("one", parent_id=a), fake.add_channel("two", parent_id=a)
    client = client_for(fake)
    with pytest.raises(ValueError):
        client.reorder_channels(fake.guild_id, [{"id": one, "parent_id": b}, {"id": two, "parent_id": b}],
                                reason="test")
    with pytest.raises(DiscordError) as caught:  # the fake enforces it too
        client.request("PATCH", f"/guilds/{fake.guild_id}/channels", reason="test",
                       json=[{"id": one, "parent_id": b}, {"id": two, "parent_id": b}])
    assert caught.value.code == 40009


def test_route_template_keeps_the_major_id():
    assert route_template("/channels/123456789012345678/permissions/223456789012345678") == \
        "/channels/123456789012345678/permissions/{id}"
    assert route_template("/guilds/123456789012345678/roles") == "/guilds/123456789012345678/roles"


def test_webhook_posts_without_pinging_and_errors_hide_the_url(fake):
    url = fake.add_webhook()
    message = execute_webhook(url, {"content": "hi @everyone", "allowed_mentions": {"parse": []}})
    assert message["content"] == "hi @everyone"
    token = url.rsplit("/", 1)[1]
    with pytest.raises(DiscordError) as caught:
        execute_webhook(url[:-3] + "zzz", {"content": "x"})
    assert token[:-3] not in str(caught.value) and "webhook" in str(caught.value)


def test_redact_hides_tokens_and_webhook_secrets():
    text = "Bot abcdefghijklmnopqrstuvwxyz12 and https://discord.com/api/webhooks/123/abc_DEF-ghi"
    assert redact(text) == "Bot [redacted] and https://discord.com/api/webhooks/123/[redacted]"


def test_endless_429s_stop_after_a_bounded_number_of_waits(fake):
    fake.fail("GET", r"/roles$", 429, times=None)  # a 429 without retry_after: one second each
    client = client_for(fake)
    with pytest.raises(DiscordError, match="still rate limited after 10 waits"):
        client.roles(fake.guild_id)
    assert fake.clock.sleeps == [1.0] * 10


def test_request_logs_never_show_the_webhook_token(fake, caplog):
    import logging

    caplog.set_level(logging.DEBUG)
    url = fake.add_webhook()
    execute_webhook(url, {"content": "hello"})
    client_for(fake).roles(fake.guild_id)
    assert "HTTP Request: POST" in caplog.text  # httpx did log the requests
    assert url.rsplit("/", 1)[1] not in caplog.text and fake.token not in caplog.text


def test_a_create_answered_with_5xx_is_not_sent_again_by_the_client(fake):
    from handbook.discord.client import UncertainWrite

    fake.fail("POST", r"/channels$", 500, done_first=True)
    client = client_for(fake)
    with pytest.raises(UncertainWrite, match="create #x: Discord answered 500") as caught:
        client.create_channel(fake.guild_id, {"name": "x", "type": 0}, reason="test", what="create #x")
    assert caught.value.status == 500
    assert [e.method for e in fake.log] == ["POST"] and client.stats.retries == 0
    assert [c["name"] for c in fake.channels.values()] == ["x"]  # it was made: the caller must look


def test_a_create_whose_connection_drops_is_uncertain_not_retried(fake):
    from handbook.discord.client import UncertainWrite

    fake.fail("POST", r"/roles$", drop=True)
    client = client_for(fake)
    with pytest.raises(UncertainWrite, match="connection to Discord dropped"):
        client.create_role(fake.guild_id, {"name": "host"}, reason="test")
    assert len([e for e in fake.log if e.method == "POST"]) == 1
