"""The recorded server state (`.handbook/server-state.json`): `apply` and `pull` write it, `plan
--offline` plans against it without a token, a live `plan` says what changed on the server since,
and `--format markdown` shows a plan as a pull-request comment. Against the fake Discord."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from cli_run import run
from fake_discord import CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from markdown_it import MarkdownIt

from handbook.discord.plan_markdown import MARKER
from handbook.discord.recorded_state import WITHHELD_CHANNEL

SECRET_CHANNEL = "tribunal-of-secrets"
"""A private channel made by hand that the map never lists: its name must stay out of the file."""


def community(fake: FakeDiscord, folder: Path) -> Path:
    """A server with a public and a private category, and a map that lists most of it."""
    moderator = fake.add_role("moderator")
    base = fake.add_channel("Base Camp", CATEGORY)
    fake.add_channel("welcome", parent_id=base, topic="Say hello")
    staff = fake.add_channel("Staff", CATEGORY, overwrites=fake.private_overwrites(moderator, bot=True))
    fake.add_channel("mod-team", parent_id=staff, overwrites=fake.private_overwrites(moderator, bot=True))
    # made by hand, outside any category (pull never adds those to the map), private
    fake.add_channel(SECRET_CHANNEL, overwrites=fake.private_overwrites(moderator, bot=True),
                     topic="who is banned next")
    # a member's own overwrite: member data, which the state file leaves out
    fake.channels[fake.by_name("welcome")["id"]]["permission_overwrites"].append(
        {"id": "799999999999999999", "type": 1, "allow": "2048", "deny": "0"})
    path = folder / "channel_map.yml"
    path.write_text(f"""\
server:
  name: Campfire
  guild_id: "{fake.guild_id}"
roles:
  - name: moderator
discord_categories:
  - name: Base Camp
    channels:
      - name: welcome
        kind: prompt
        topic: Say hello
      - name: questions
        kind: prompt
        topic: Ask anything
  - name: Staff
    visibility: private
    roles: [moderator]
    channels:
      - name: mod-team
        kind: prompt
""")
    return path


def state_file(folder: Path) -> Path:
    return folder / ".handbook" / "server-state.json"


def applied(fake, tmp_path, capsys) -> Path:
    path = community(fake, tmp_path)
    ran = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert ran.code == 0, ran.text
    return path


def test_apply_records_the_server_state_stably_without_secrets_members_or_unlisted_private_names(
        fake, tmp_path, capsys):
    path = applied(fake, tmp_path, capsys)
    recorded = state_file(tmp_path)
    text = recorded.read_text(encoding="utf-8")
    document = json.loads(text)
    assert text.endswith("}\n") and text == json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    channels = document["channels"]
    assert [c["id"] for c in channels] == sorted((c["id"] for c in channels), key=int)
    assert all(isinstance(c["id"], str) for c in channels) and document["guild"]["id"] == fake.guild_id
    by_id = {c["id"]: c for c in channels}
    assert by_id[fake.by_name("questions")["id"]]["topic"] == "Ask anything"  # what apply made
    assert by_id[fake.by_name("mod-team")["id"]]["name"] == "mod-team"  # the map publishes this name
    secret = by_id[fake.by_name(SECRET_CHANNEL)["id"]]
    assert secret["name"] is None and secret["topic"] is None  # the map does not
    assert secret["permission_overwrites"]  # what plan needs of it is kept
    assert SECRET_CHANNEL not in text and "who is banned" not in text
    assert fake.token not in text and "799999999999999999" not in text  # no token, no member
    # nothing changed on the server: a second apply leaves the file byte for byte as it was
    before = recorded.read_bytes()
    ran = run(capsys, "discord", "apply", "--map", str(path), "--yes")
    assert ran.code == 0 and "Recorded the server's state" not in ran.text, ran.text
    assert recorded.read_bytes() == before


def test_pull_records_the_state_too_at_the_path_the_option_names(fake, tmp_path, capsys):
    path = community(fake, tmp_path)
    target = tmp_path / "elsewhere" / "state.json"
    ran = run(capsys, "discord", "pull", "--map", str(path), "--state-file", str(target))
    assert ran.code == 0, ran.text
    assert "Recorded the server's state in" in ran.out
    assert json.loads(target.read_text())["guild"]["id"] == fake.guild_id
    assert not state_file(tmp_path).exists()
    ran = run(capsys, "discord", "pull", "--map", str(path), "--check")
    assert "Recorded" not in ran.text  # --check writes nothing


def _no_server_at_all(monkeypatch) -> None:
    """No token, and the API address a closed port: a request would fail loudly."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    monkeypatch.setenv("HANDBOOK_DISCORD_API_URL", f"http://127.0.0.1:{port}/api/v10")
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)


def test_the_offline_plan_of_a_map_change_is_the_live_plan_text_and_json(fake, tmp_path, capsys, monkeypatch):
    path = applied(fake, tmp_path, capsys)
    text = path.read_text()
    # a docs change on a branch: a new channel, a new topic, a renamed one, a new order
    text = text.replace("topic: Say hello", "topic: Say hello, then read the rules")
    text = text.replace("- name: questions\n", "- name: help\n        kind: prompt\n"
                        "      - name: questions-and-answers\n", 1)
    path.write_text(text)
    live = {fmt: run(capsys, "discord", "plan", "--map", str(path), "--format", fmt) for fmt in ("text", "json")}
    assert live["text"].code == 1 and "#help" in live["text"].out, live["text"].text
    asked = len(fake.log)
    _no_server_at_all(monkeypatch)
    for fmt in ("text", "json"):
        offline = run(capsys, "discord", "plan", "--map", str(path), "--offline", "--format", fmt)
        # the same plan; only the private channel the map does not list goes unnamed
        assert (SECRET_CHANNEL in live[fmt].out) == (fmt == "text") and SECRET_CHANNEL not in offline.out
        expected = live[fmt].out.replace(SECRET_CHANNEL, WITHHELD_CHANNEL)
        assert (offline.code, offline.out) == (live[fmt].code, expected), offline.text
    assert "no token, no network" in offline.err
    assert len(fake.log) == asked  # not one request


def test_offline_without_a_usable_state_file_is_one_clear_error(fake, tmp_path, capsys, monkeypatch):
    path = community(fake, tmp_path)
    _no_server_at_all(monkeypatch)
    ran = run(capsys, "discord", "plan", "--map", str(path), "--offline")
    assert ran.code == 2 and "server-state.json" in ran.err and "run `handbook discord pull`" in ran.err, ran.text
    recorded = state_file(tmp_path)
    recorded.parent.mkdir()
    recorded.write_text('{\n  "format": 1,\n  "guild": {\n')
    ran = run(capsys, "discord", "plan", "--map", str(path), "--offline")
    assert ran.code == 2 and "server-state.json:4" in ran.err and "not valid JSON" in ran.err, ran.text
    other = json.dumps({"format": 1, "guild": {"id": "123456789012345678"}, "bot": {"role_ids": []}, "roles": [],
                        "channels": [], "hidden_channel_ids": [], "deleted_channel_ids": []})
    recorded.write_text(other)
    ran = run(capsys, "discord", "plan", "--map", str(path), "--offline", "--format", "json")
    error = json.loads(ran.out)["error"]
    assert ran.code == 2 and "123456789012345678" in error["message"] and fake.guild_id in error["message"]
    assert error["file"].endswith("server-state.json") and "handbook discord pull" in error["fix"]
    recorded.write_text(other.replace('"channels": []', '"channels": [{"id": "x"}]'))
    ran = run(capsys, "discord", "plan", "--map", str(path), "--offline")
    assert ran.code == 2 and "channels[0]" in ran.err, ran.text
    recorded.write_text(other.replace('"roles": []', '"server": {"settings": [1]}, "roles": []')
                        .replace("123456789012345678", fake.guild_id))
    ran = run(capsys, "discord", "plan", "--map", str(path), "--offline")
    assert ran.code == 2 and "`server` is not a mapping of mappings" in ran.err, ran.text


def test_a_live_plan_says_what_changed_on_the_server_since_the_state_was_recorded(fake, tmp_path, capsys):
    path = applied(fake, tmp_path, capsys)
    ran = run(capsys, "discord", "plan", "--map", str(path))
    assert ran.code == 0 and "differs from the state" not in ran.out, ran.text
    welcome = fake.by_name("welcome")
    welcome["name"] = "hello"  # by hand, in Discord
    fake.add_channel("memes", parent_id=welcome["parent_id"])
    ran = run(capsys, "discord", "plan", "--map", str(path))
    assert f"differs from the state recorded in {state_file(tmp_path)}" in ran.out, ran.out
    assert "#welcome was renamed to #hello" in ran.out and '#memes was added in category "Base Camp"' in ran.out
    assert ran.out.index("#memes was added") < ran.out.index("would make the server match the map")
    assert json.loads(run(capsys, "discord", "plan", "--map", str(path), "--format", "json").out)["server_changed"]
    ran = run(capsys, "discord", "apply", "--map", str(path), "--yes")  # apply says it too, before its plan
    assert ran.code == 0 and ran.out.index("#welcome was renamed to #hello") < ran.out.index("rename #hello")
    assert "differs from the state" not in run(capsys, "discord", "plan", "--map", str(path)).out


def _html(markdown: str) -> str:
    return MarkdownIt("commonmark").render(markdown)


def test_the_markdown_comment_renders_with_its_marker_groups_and_no_token_or_private_name(
        fake, tmp_path, capsys, monkeypatch):
    path = applied(fake, tmp_path, capsys)
    path.write_text(path.read_text().replace("- name: questions\n", "- name: '# @everyone <b>x</b>'\n"
                                             "        kind: voice\n      - name: questions\n", 1))
    ran = run(capsys, "discord", "plan", "--map", str(path), "--format", "markdown")
    live_md = ran.out
    _no_server_at_all(monkeypatch)
    ran = run(capsys, "discord", "plan", "--map", str(path), "--offline", "--format", "markdown")
    assert ran.code == 1, ran.text
    for markdown in (live_md, ran.out):
        assert markdown.startswith(MARKER + "\n")
        html = _html(markdown)
        assert html.count("<h3>") == 1 and "2 changes would make the server match the map" in html
        assert "<ol>" in html and "<li><code>create 🔊# @everyone &lt;b&gt;x&lt;/b&gt;" in html  # shown, not run
        assert "<b>" not in html and "<h1>" not in html
        assert "Kept:</strong>" in html and "(a private channel the map does not list)" in html
        assert SECRET_CHANNEL not in markdown and fake.token not in markdown
    assert "Planned offline against" in ran.out


def test_a_token_in_a_topic_never_reaches_the_comment(fake, tmp_path, capsys):
    path = applied(fake, tmp_path, capsys)
    path.write_text(path.read_text().replace("topic: Ask anything", f"topic: 'oops {fake.token}'"))
    ran = run(capsys, "discord", "plan", "--map", str(path), "--format", "markdown")
    assert ran.code == 1 and "[redacted]" in ran.out and fake.token not in ran.out, ran.out


def test_the_plugin_option_names_the_state_file_of_a_project(fake, tmp_path, capsys, monkeypatch):
    community(fake, tmp_path)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    (tmp_path / "mkdocs.yml").write_text("site_name: Campfire\nplugins:\n  - handbook:\n      history: false\n"
                                         "      server_state: state/discord.json\n")
    monkeypatch.chdir(tmp_path)
    ran = run(capsys, "discord", "pull")
    assert ran.code == 0 and "Recorded the server's state in state/discord.json" in ran.out, ran.text
    assert not state_file(tmp_path).exists()
    monkeypatch.delenv("DISCORD_TOKEN")
    ran = run(capsys, "discord", "plan", "--offline")
    assert ran.code in (0, 1) and "Planned against state/discord.json" in ran.err, ran.text


def test_what_changed_on_the_server_is_said_for_each_kind_of_change(fake, tmp_path, capsys):
    from handbook.discord.recorded_state import state_document
    from handbook.discord.server_changes import server_changes
    from handbook.discord.state import ServerState

    guild, role, cat_a, cat_b = "700000000000000001", "700000000000000002", "700000000000000003", "700000000000000004"
    one, two = "700000000000000005", "700000000000000006"

    def state(**changes) -> dict:
        channels = [{"id": cat_a, "name": "Base Camp", "type": 4, "position": 0, "parent_id": None},
                    {"id": cat_b, "name": "Lounge", "type": 4, "position": 1, "parent_id": None},
                    {"id": one, "name": "welcome", "type": 0, "position": 0, "parent_id": cat_a},
                    {"id": two, "name": "chat", "type": 0, "position": 1, "parent_id": cat_a}]
        roles = [{"id": guild, "name": "@everyone", "permissions": "1024"},
                 {"id": role, "name": "moderator", "permissions": "0"}]
        for key, value in changes.items():
            target, _, field = key.partition("__")
            item = next(x for x in channels + roles if x["name"] == target.replace("_", "-"))
            item[field] = value
        return state_document(ServerState(guild_id=guild, channels=channels, roles=roles), None)

    same = state()
    assert server_changes(same, state()) == []
    assert server_changes(same, state(chat__parent_id=cat_b)) == ['#chat moved from category "Base Camp" to '
                                                                  'category "Lounge"']
    assert server_changes(same, state(welcome__position=5)) == ['the channels of category "Base Camp" were reordered']
    assert server_changes(same, state(moderator__name="mods")) == ["role moderator was renamed to mods"]
    assert server_changes(same, state(moderator__permissions="8")) == ["the server permissions of role moderator changed"]
    overwrite = [{"id": guild, "type": 0, "allow": "0", "deny": "1024"}]
    assert server_changes(same, state(chat__permission_overwrites=overwrite)) == ["the permissions of #chat changed"]
    fewer = state()
    fewer["channels"] = [c for c in fewer["channels"] if c["id"] != two]
    assert server_changes(same, fewer) == ["#chat was deleted"]
    fewer["hidden_channel_ids"] = [two]
    assert server_changes(same, fewer) == ["#chat is no longer visible to the bot"]


def test_every_part_of_the_server_state_plan_reads_survives_the_file():
    """A field added to ServerState (settings, AutoMod rules, ...) must be recorded too, or the
    offline plan quietly stops being the live plan: this fails until it is."""
    import dataclasses

    from handbook.discord.recorded_state import state_document, state_from_document
    from handbook.discord.server_state import SetupState
    from handbook.discord.state import ServerState

    guild, bot, role, cat, chan = (str(700000000000000001 + n) for n in range(5))
    state = ServerState(
        guild_id=guild, guild_name="Campfire",
        channels=[{"id": cat, "name": "Base Camp", "type": 4, "position": 0, "parent_id": None, "topic": None,
                   "permission_overwrites": []},
                  {"id": chan, "name": "welcome", "type": 0, "position": 3, "parent_id": cat, "topic": "Hi",
                   "permission_overwrites": [{"id": bot, "type": 1, "allow": "1024", "deny": "0"}]}],
        roles=[{"id": guild, "name": "@everyone", "permissions": "1024", "position": 0, "managed": False},
               {"id": role, "name": "Handbook Bot", "permissions": "268436496", "position": 1, "managed": True}],
        bot_user_id=bot, protected={chan}, bot_roles=[role], hidden={"700000000000000009"},
        deleted={"700000000000000010"}, features=["NEWS"],
        setup=SetupState(guild={"verification_level": 3, "mfa_level": 1, "rules_channel_id": chan, "features": ["NEWS"]},
                         onboarding={"prompts": [], "default_channel_ids": [chan], "enabled": True, "mode": 0},
                         welcome={"description": "Hi", "welcome_channels": [{"channel_id": chan, "description": "Start"}]},
                         automod=[{"id": "700000000000000011", "name": "Spam", "event_type": 1, "trigger_type": 3,
                                   "trigger_metadata": {}, "actions": [{"type": 1}], "enabled": True,
                                   "exempt_roles": [], "exempt_channels": []}]))
    back = state_from_document(json.loads(json.dumps(state_document(state, None))))
    for field in dataclasses.fields(ServerState):
        assert getattr(state, field.name), f"a new part of ServerState: give {field.name} a value above"
        assert getattr(back, field.name) == getattr(state, field.name), field.name
    state.setup.automod[0]["creator_id"] = bot  # a member's id: never recorded
    assert "creator_id" not in json.dumps(state_document(state, None))


def test_every_group_of_the_text_plan_is_a_group_of_the_comment_and_markup_in_names_stays_text():
    from handbook.discord.operations import Rename
    from handbook.discord.plan import Plan, render_text
    from handbook.discord.plan_markdown import code, render_markdown

    result = Plan(operations=[Rename(name="#a`b", id="1", from_="a`b", to="``c", reason="same id, new name in the map")],
                  hidden=2, kept=["#off-topic", "**bold** [link](https://example.org)"],
                  questions=["#tools or #tool?"], notes=["@everyone <script>alert(1)</script>"])
    markdown = render_markdown(result, "Campfire")
    tokens = MarkdownIt("commonmark").parse(markdown)
    kinds = [t.type for t in tokens if t.type.endswith("_open")]
    assert kinds.count("ordered_list_open") == 1 and kinds.count("bullet_list_open") == 3  # kept, questions, notes
    inline = [child for t in tokens if t.type == "inline" for child in t.children or []]
    assert "rename #a`b → #``c (same id, new name in the map)" in [c.content for c in inline if c.type == "code_inline"]
    html = MarkdownIt("commonmark").render(markdown)
    assert "<script>" not in html and "&lt;script&gt;" in html and "<strong>bold</strong>" not in html
    assert "<a href" not in html and not any(c.type == "html_inline" for c in inline)
    text = render_text(result)
    for group_in_text, group_in_comment in (("not visible to the bot", "**Not visible to the bot:** 2 channels"),
                                            ("Kept: 2", "**Kept:** 2"), ("Question: ", "**Questions:**"),
                                            ("Note: ", "**Notes:**"), ("1. rename", "1. `")):
        assert group_in_text in text and group_in_comment in markdown, group_in_comment
    assert markdown.index("**Kept:**") < markdown.index("**Questions:**") < markdown.index("**Notes:**")
    assert code("``x") == "``` ``x ```" and code("plain") == "`plain`"


def test_with_public_log_plan_and_apply_name_no_private_channel_the_map_does_not_list(fake, tmp_path, capsys):
    """What the workflow's apply job prints goes to logs anyone may read for a public repository."""
    path = community(fake, tmp_path)
    ran = run(capsys, "discord", "plan", "--map", str(path))
    assert ran.code == 1 and SECRET_CHANNEL in ran.out  # a maintainer at their own terminal sees it
    for argv in (("plan",), ("plan", "--format", "json"), ("apply", "--yes")):
        ran = run(capsys, "discord", *argv, "--map", str(path), "--public-log")
        assert ran.code in (0, 1), ran.text
        assert SECRET_CHANNEL not in ran.out + ran.err and "who is banned next" not in ran.out + ran.err, argv
    assert "#questions" in ran.out  # the map's own channels are named as ever
    assert fake.by_name("questions") and fake.by_name(SECRET_CHANNEL)  # the plan applied is the real one
