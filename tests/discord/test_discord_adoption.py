"""Adopting handbook on a living community: docs and a server exist, the map does not (yet).

`discord pull`, `sync`, `discord plan`, `discord apply` in a row, with no hand edit, against the
fake Discord over real HTTP; then a second `plan` has nothing to do.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import run
from fake_discord import CATEGORY, SEND, VIEW, FakeDiscord, fake  # noqa: F401  (fixture)
from sitekit import write_files

from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.validation import validate
from handbook.findings import ERROR

MKDOCS = "site_name: Campfire\nplugins:\n  - handbook\n"
DOCS = {
    "docs/index.md": "# Home\n",
    "docs/habits/index.md": "# Habits\n",
    "docs/journaling/index.md": "# Journaling\n",
    "docs/creative-practice/index.md": "# Creative practice\n",
}


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, **DOCS})
    monkeypatch.chdir(tmp_path)
    return tmp_path


class Server:
    """A community server from before handbook: its topic channels live in "Topics"."""

    def __init__(self, fake: FakeDiscord, habits: str = "habits") -> None:
        self.moderator = fake.add_role("moderator")
        self.base = fake.add_channel("Base Camp", CATEGORY)
        self.intro = fake.add_channel("introductions", parent_id=self.base)
        self.topics = fake.add_channel("Topics", CATEGORY)
        self.habits = fake.add_channel(habits, parent_id=self.topics, topic="Habits that last")
        self.journaling = fake.add_channel("journaling", parent_id=self.topics, topic="Journaling, daily")
        self.staff = fake.add_channel("Staff", CATEGORY, overwrites=fake.private_overwrites(self.moderator))
        self.mod_log = fake.add_channel("mod-log", parent_id=self.staff,  # the bot cannot see it
                                        overwrites=fake.private_overwrites(self.moderator))


def names_on(fake: FakeDiscord) -> list[str]:
    return sorted(c["name"] for c in fake.channels.values())


def assert_valid(path: Path) -> None:
    assert [f for f in validate(load_channel_map(path)) if f.severity == ERROR] == []


def test_exact_names_pull_sync_plan_apply_in_a_row_then_nothing_to_do(fake, project, capsys):
    server = Server(fake)
    code, out, _ = run(capsys, "discord", "pull", "--guild", fake.guild_id)
    assert code == 0 and "#habits: added to \"Topics\" as the topic channel of `habits`" in out
    channel_map = load_channel_map(project / "channel_map.yml")
    habits, journaling = channel_map.channel("habits"), channel_map.channel("journaling")
    assert (habits.kind, habits.category, habits.id) == ("topic", "habits", server.habits)
    assert (journaling.kind, journaling.category, journaling.id) == ("topic", "journaling", server.journaling)
    assert channel_map.channel("introductions").kind == "prompt"  # no category asks for it

    code, out, _ = run(capsys, "sync")
    assert code == 0
    assert out.splitlines() == ["channel_map.yml: added #creative-practice for `creative-practice` "
                                "(Creative practice) to \"Topics\""]
    assert_valid(project / "channel_map.yml")
    assert run(capsys, "sync")[:2] == (0, "channel_map.yml is in step with the docs; nothing to change.\n")

    code, out, _ = run(capsys, "discord", "plan", "--format", "json")
    assert code == 1
    assert [(o["op"], o["name"], o["to"]) for o in json.loads(out)["operations"]] == [
        ("create", "#creative-practice", "Topics"),
        ("reorder", 'channels of "Topics"', ["#habits", "#journaling", "#creative-practice"])]
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    assert names_on(fake) == sorted(["Base Camp", "introductions", "Topics", "habits", "journaling",
                                     "creative-practice", "Staff", "mod-log"])
    assert fake.by_name("creative-practice")["parent_id"] == server.topics
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 0 and "nothing to change" in out and "1 channel not visible to the bot" not in out
    assert run(capsys, "check")[0] == 0
    assert run(capsys, "status")[0] == 0


def test_a_map_pulled_without_the_docs_is_adopted_by_sync_keeping_id_topic_and_keys(fake, project, capsys):
    server = Server(fake)
    path = project / "channel_map.yml"
    assert run(capsys, "discord", "pull", "--map", str(path), "--guild", fake.guild_id)[0] == 0
    assert load_channel_map(path).channel("habits").kind == "prompt"  # pulled on its own: not linked
    text = path.read_text()
    path.write_text(text.replace("        topic: Habits that last\n",
                                 "        topic: Habits that last\n        pinned: read the handbook first  # ours\n"))
    code, out, err = run(capsys, "sync")
    assert code == 0, err
    assert "#habits (line" in out and "is now the topic channel of `habits`: id, topic and your keys kept" in out
    channel_map = load_channel_map(path)
    habits = channel_map.channel("habits")
    assert (habits.kind, habits.category, habits.id, habits.topic) == ("topic", "habits", server.habits,
                                                                        "Habits that last")
    assert "        pinned: read the handbook first  # ours\n" in path.read_text()
    assert [c.name for c in channel_map.channels()].count("habits") == 1
    assert channel_map.channel("creative-practice").discord_category == "Topics"
    assert_valid(path)
    assert run(capsys, "sync")[:2] == (0, "channel_map.yml is in step with the docs; nothing to change.\n")
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    assert run(capsys, "discord", "plan")[0] == 0


def test_near_names_are_reported_with_the_exact_line_never_linked(fake, project, capsys):
    Server(fake, habits="habit-building")
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    path = project / "channel_map.yml"
    near = load_channel_map(path).channel("habit-building")
    assert (near.kind, near.category) == ("prompt", None)
    code, out, _ = run(capsys, "sync")
    assert code == 1
    assert (f"#habit-building comes close: if #habit-building is the channel for `habits`, change `kind: prompt` "
            f"to `kind: topic` and add `category: habits` in its entry on line {near.line} of channel_map.yml") in out
    channel_map = load_channel_map(path)
    assert channel_map.channel("habits") is None and channel_map.channel("creative-practice") is not None
    code, out, _ = run(capsys, "status")
    assert code == 1 and f"#habit-building for habits/: if #habit-building" in out
    assert "Next: edit channel_map.yml:" in out
    assert run(capsys, "sync", "--add-near")[0] == 0
    assert load_channel_map(path).channel("habits").category == "habits"


def test_the_near_name_hint_is_an_edit_that_works_as_written(fake, project, capsys):
    Server(fake, habits="habit-building")
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    path = project / "channel_map.yml"
    line = load_channel_map(path).channel("habit-building").line
    lines = path.read_text().splitlines(keepends=True)
    entry = next(i for i in range(line, len(lines)) if lines[i].strip() == "kind: prompt")
    indent = lines[entry][: len(lines[entry]) - len(lines[entry].lstrip())]
    lines[entry] = f"{indent}kind: topic\n{indent}category: habits\n"  # exactly what the hint says
    path.write_text("".join(lines))
    code, out, err = run(capsys, "sync")
    assert (code, err) == (0, "") and "habit" not in out  # linked: nothing near, no second channel
    channel_map = load_channel_map(path)
    assert (channel_map.channel("habit-building").kind, channel_map.channel("habit-building").category) == \
        ("topic", "habits")
    assert channel_map.channel("habits") is None and channel_map.topic_channel_for("habits") is not None


def test_a_key_written_twice_is_named_as_such_not_blamed_on_indentation(project, capsys):
    path = project / "channel_map.yml"
    path.write_text("discord_categories:\n  - name: Topics\n    channels:\n      - name: habits\n"
                    "        kind: prompt\n        kind: topic\n        category: habits\n")
    code, _, err = run(capsys, "check")
    assert code == 2 and err.count("\n") <= 2
    assert "channel_map.yml:6" in err and "`kind:` is written twice in one entry: keep one of the two lines" in err
    assert "indentation" not in err


def test_a_hand_written_kind_is_kept_and_a_map_that_would_be_invalid_is_never_written(fake, project, capsys):
    server = Server(fake)
    path = project / "channel_map.yml"
    path.write_text(f"""\
server:
  guild_id: "{fake.guild_id}"
discord_categories:
  - name: Topics
    channels:
      - name: journaling
        kind: announcement   # we post prompts here; not a topic channel
  - name: Lounge
    channels:
      - name: habits
        kind: voice
""")
    before = path.read_text()
    code, _, err = run(capsys, "discord", "pull")
    assert code == 2 and path.read_text() == before  # a second #habits would be invalid: nothing written
    assert err.startswith("handbook discord pull: error: channel_map.yml:")
    assert "handbook discord pull wrote nothing" in err and "#habits is listed twice" in err
    assert "Traceback" not in err
    path.write_text(before.replace("      - name: habits\n        kind: voice\n",
                                   "      - name: campfire\n        kind: voice\n"))
    assert run(capsys, "discord", "pull")[0] == 0
    journaling = load_channel_map(path).channel("journaling")
    assert (journaling.kind, journaling.category, journaling.id) == ("announcement", None, server.journaling)
    assert "# we post prompts here" in path.read_text()
    code, out, _ = run(capsys, "sync")
    assert code == 1
    assert ("`journaling` asks for #journaling, but line" in out
            and "already has a announcement channel of that name" in out)
    assert [c.name for c in load_channel_map(path).channels()].count("journaling") == 1
    assert_valid(path)


@pytest.mark.parametrize("fault", [
    dict(status=500, done_first=True),   # created, then the answer is a 500
    dict(status=502, drop=True),         # created, then the connection drops
    dict(status=503),                    # refused before creating: looked, then sent again
])
def test_a_failed_create_is_looked_for_before_it_is_sent_again(fake, project, capsys, fault):
    Server(fake)
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    assert run(capsys, "sync")[0] == 0
    fake.fail("POST", r"^/guilds/\d+/channels$", **fault)
    code, out, err = run(capsys, "discord", "apply", "--yes")
    assert code == 0, out + err
    assert names_on(fake).count("creative-practice") == 1
    posts = [e for e in fake.log if e.method == "POST" and e.path.endswith("/channels")]
    assert len(posts) == (1 if fault.get("done_first") or fault.get("drop") else 2)
    assert load_channel_map(project / "channel_map.yml").channel("creative-practice").id == \
        fake.by_name("creative-practice")["id"]
    assert run(capsys, "discord", "plan")[0] == 0


def test_a_failed_role_create_is_looked_for_too(fake, project, capsys):
    Server(fake)
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    (project / "channel_map.yml").write_text((project / "channel_map.yml").read_text().replace(
        "roles:\n", "roles:\n  - name: facilitator\n"))
    fake.fail("POST", r"/roles$", 500, done_first=True)
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    assert [r["name"] for r in fake.roles.values()].count("facilitator") == 1


READ_ONLY_TEXT = {"Add Reactions": 1 << 6, "Send Messages": 1 << 11, "Create Public Threads": 1 << 35,
                  "Create Private Threads": 1 << 36, "Send Messages in Threads": 1 << 38}
CONNECT = 1 << 20


def test_archived_channels_are_read_only_bit_by_bit(fake, project, capsys):
    server = Server(fake)
    voice = fake.add_channel("Campfire", 2, parent_id=server.base)
    path = project / "channel_map.yml"
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    text = path.read_text()
    for name in ("introductions", "Campfire"):
        text = text.replace(f"      - name: {name}\n", f"      - name: {name}\n        status: archived\n")
    path.write_text(text)
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 1
    assert ("archive #introductions: \"Base Camp\" → \"Archive\", read-only: Add Reactions, Send Messages, "
            "Create Public Threads, Create Private Threads, Send Messages in Threads denied") in out
    assert "archive 🔊Campfire: \"Base Camp\" → \"Archive\", read-only: Add Reactions, Send Messages, Connect," in out
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    archive = fake.by_name("Archive")

    def everyone_denies(channel_id: str) -> int:
        overwrite = next(o for o in fake.channels[channel_id]["permission_overwrites"] if o["id"] == fake.guild_id)
        return int(overwrite["deny"])

    for channel_id, connect in ((server.intro, False), (voice, True), (archive["id"], True)):
        denied = everyone_denies(channel_id)
        for name, bit in READ_ONLY_TEXT.items():
            assert denied & bit, f"{fake.channels[channel_id]['name']}: {name} not denied"
        assert bool(denied & CONNECT) == connect
        assert not denied & VIEW  # still readable
    assert fake.channels[server.intro]["parent_id"] == archive["id"]
    assert run(capsys, "discord", "plan")[0] == 0


def test_an_archive_locked_only_against_sending_is_made_fully_read_only(fake, project, capsys):
    server = Server(fake)
    archive = fake.add_channel("Archive", CATEGORY,
                               overwrites=[{"id": fake.guild_id, "type": 0, "allow": "0", "deny": str(SEND)}])
    old = fake.add_channel("old-cohort", parent_id=archive,
                           overwrites=[{"id": fake.guild_id, "type": 0, "allow": "0", "deny": str(SEND)}])
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    assert load_channel_map(project / "channel_map.yml").channel("old-cohort").is_archived
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    overwrite = next(o for o in fake.channels[old]["permission_overwrites"] if o["id"] == fake.guild_id)
    assert all(int(overwrite["deny"]) & bit for bit in READ_ONLY_TEXT.values())
    assert server.topics in fake.channels


@pytest.mark.parametrize("features, created_type", [([], 0), (["NEWS", "COMMUNITY"], 5)])
def test_an_announcement_channel_needs_a_community_server(fake, project, capsys, features, created_type):
    Server(fake)
    fake.features = features
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    path = project / "channel_map.yml"
    path.write_text(path.read_text().replace(
        "    channels:\n      - name: introductions\n",
        "    channels:\n      - name: news\n        kind: announcement\n      - name: introductions\n"))
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 1
    assert ("announcement channels need the server's `NEWS` feature" in out) == (not features)
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    assert fake.by_name("news")["type"] == created_type
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 0 and "nothing to change" in out


def test_archiving_needs_every_permission_it_denies_and_says_so_before_any_write(fake, project, capsys):
    from fake_discord import EVERYONE_DEFAULT, PRIVATE_THREADS

    server = Server(fake)
    fake.roles[fake.guild_id]["permissions"] = str(EVERYONE_DEFAULT & ~PRIVATE_THREADS)
    path = project / "channel_map.yml"
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    path.write_text(path.read_text().replace("      - name: introductions\n",
                                             "      - name: introductions\n        status: archived\n"))
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 1 and "Note: the bot lacks Create Private Threads, which 2 of these changes need" in out
    code, _, err = run(capsys, "discord", "apply", "--yes")
    assert code == 2 and "the bot lacks Create Private Threads" in err and "nothing was changed" in err
    assert fake.writes() == [] and fake.channels[server.intro]["parent_id"] == server.base


def test_sync_writes_nothing_when_the_result_would_break_a_discord_limit(fake, project, capsys):
    path = project / "channel_map.yml"
    filler = "".join(f"      - {{name: room-{i}, kind: prompt}}\n" for i in range(48))
    path.write_text("discord_categories:\n  - name: Topics\n    channels:\n"
                    "      - {name: habits, kind: topic, category: habits}\n" + filler)
    before = path.read_text()
    code, out, err = run(capsys, "sync")
    assert code == 2 and path.read_text() == before and out == ""
    assert err.startswith("handbook sync: error: channel_map.yml:2: handbook sync wrote nothing: the result "
                          "would not be a valid channel map (line 2: Discord category `Topics` holds 51 channels")
    assert "Fix: move some channels into another Discord category, then run `handbook sync` again" in err
