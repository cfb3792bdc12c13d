"""Answers from Discord that are not what its API reference promises stop plan, apply and status
with one line naming the endpoint: read as data they looked like an empty server, and apply
created every category again."""

from __future__ import annotations

import pytest
from cli_run import run
from discord_maps import adopted_map
from fake_discord import fake  # noqa: F401  (fixture)
from sitekit import write_files



CHANNEL_LISTS = {
    "malformed JSON": '[{"id": "7',
    "null": "null",
    "an object": "{}",
    "a string": '"channels"',
    "a channel without an id": '[{"name": "Base Camp", "type": 4, "position": 0}]',
    "an id that is a number": '[{"id": 700000000000000002, "name": "Base Camp", "type": 4}]',
    "a name that is a number": '[{"id": "700000000000000002", "name": 4, "type": 4}]',
    "a type that is a string": '[{"id": "700000000000000002", "name": "Base Camp", "type": "4"}]',
    "a position that is a string": '[{"id": "700000000000000002", "name": "Base Camp", "type": 4, "position": "0"}]',
    "a list of lists": "[[]]",
}


def assert_stopped_clean(fake, path, before, code, out, err, endpoint):
    assert code == 2, out + err
    assert "Traceback" not in out + err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Discord answered something unexpected" in lines[0] and endpoint in lines[0], lines[0]
    assert fake.token not in out + err
    assert [e for e in fake.log if e.method != "GET"] == []  # no create, no change sent
    assert path.read_text() == before  # no map write


@pytest.mark.parametrize("body", list(CHANNEL_LISTS.values()), ids=list(CHANNEL_LISTS))
@pytest.mark.parametrize("command", ["plan", "apply"])
def test_an_unexpected_channel_list_stops_plan_and_apply(fake, tmp_path, capsys, command, body):
    path, before = adopted_map(fake, tmp_path)
    fake.answer_raw("GET", r"^/guilds/\d+/channels$", 200, body, times=5)
    code, out, err = run(capsys, "discord", command, "--map", str(path), *(["--yes"] if command == "apply" else []))
    assert_stopped_clean(fake, path, before, code, out, err, f"GET /guilds/{fake.guild_id}/channels")
    assert len([c for c in fake.channels.values() if c["name"] == "Base Camp"]) == 1


@pytest.mark.parametrize(("endpoint", "body"), [
    (r"^/guilds/\d+$", "[]"),  # a list where the server's object is due
    (r"^/guilds/\d+$", '{"name": "Campfire"}'),  # no id
    (r"^/guilds/\d+/roles$", "null"),
    (r"^/guilds/\d+/roles$", '[{"id": "700000000000000001", "name": "@everyone", "permissions": "all"}]'),
    (r"^/users/@me$", '{"username": "handbook"}'),
    (r"^/guilds/\d+/members/\d+$", '{"roles": "admin"}'),
    (r"^/guilds/\d+/channels$", '[{"id": "700000000000000002", "name": "Base Camp", "type": 4, '
                                '"permission_overwrites": [{"id": "1", "type": 0, "allow": "lots"}]}]'),
])
def test_other_unexpected_reads_stop_apply_before_any_write(fake, tmp_path, capsys, endpoint, body):
    path, before = adopted_map(fake, tmp_path)
    fake.answer_raw("GET", endpoint, 200, body, times=5)
    code, out, err = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert_stopped_clean(fake, path, before, code, out, err, "GET /")


def test_a_redirect_is_not_an_answer(fake, tmp_path, capsys):
    path, before = adopted_map(fake, tmp_path)
    fake.answer_raw("GET", r"^/guilds/\d+/channels$", 302, "", headers={"Location": "https://example.org/"})
    code, out, err = run(capsys, "discord", "plan", "--map", str(path))
    assert_stopped_clean(fake, path, before, code, out, err, "status 302")


def test_an_unexpected_answer_to_a_create_stops_apply_and_a_rerun_makes_no_duplicate(fake, tmp_path, capsys):
    path, before = adopted_map(fake, tmp_path)
    fake.answer_raw("POST", r"^/guilds/\d+/channels$", 201, "null", instead=False)  # made, answer lost
    code, out, err = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert code == 2 and "Discord answered something unexpected" in err and "POST /guilds/" in err
    assert "Traceback" not in out + err
    code, out, err = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert code == 0, out + err
    assert [c["name"] for c in fake.channels.values()].count("questions") == 1


def test_status_stops_on_an_unexpected_channel_list(fake, tmp_path, capsys, monkeypatch):
    write_files(tmp_path, {"mkdocs.yml": "site_name: Campfire\nplugins:\n  - handbook\n", "docs/index.md": "# Home\n"})
    monkeypatch.chdir(tmp_path)
    path, before = adopted_map(fake, tmp_path)
    fake.answer_raw("GET", r"^/guilds/\d+/channels$", 200, "{}", times=5)
    code, out, err = run(capsys, "status")
    assert_stopped_clean(fake, path, before, code, out, err, f"GET /guilds/{fake.guild_id}/channels")


@pytest.mark.parametrize("body", ["<html>ok</html>", "null", "[1, 2]", ""])
def test_a_webhook_post_answered_with_something_odd_is_no_traceback(fake, body):
    from handbook.discord.client import execute_webhook

    url = fake.add_webhook()
    fake.answer_raw("POST", r"^/webhooks/", 200, body, instead=False)
    assert execute_webhook(url, {"content": "hi"}) is None
    assert len(next(iter(fake.webhooks.values()))) == 1  # posted once
