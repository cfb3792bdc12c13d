"""The pure parts: planning against a hand-built server state, and merging state into YAML."""

from __future__ import annotations

import textwrap

import pytest

from handbook.channelmap.loader import load_channel_map
from handbook.discord.operations import OverwriteChange
from handbook.discord.access import Access, desired_overwrites
from handbook.discord.plan import plan
from handbook.discord.pull import merge_state
from handbook.discord.state import ServerState
from handbook.channelmap.yaml_io import dump_roundtrip

G, BOT = "700000000000000001", "700000000000000002"
VIEW, SEND, ATTACH = 1 << 10, 1 << 11, 1 << 15


def ch(id_: str, name: str, type_: int = 0, parent: str | None = None, position: int = 0, topic=None,
       overwrites=None) -> dict:
    return {"id": id_, "name": name, "type": type_, "parent_id": parent, "position": position, "topic": topic,
            "permission_overwrites": overwrites or []}


def state(*channels: dict, roles=(), hidden=(), deleted=()) -> ServerState:
    return ServerState(guild_id=G, guild_name="Test", channels=list(channels),
                       roles=[{"id": G, "name": "@everyone", "position": 0}, *roles], bot_user_id=BOT,
                       hidden=set(hidden), deleted=set(deleted))


def load(tmp_path, text: str):
    path = tmp_path / "channel_map.yml"
    path.write_text(textwrap.dedent(text))
    return load_channel_map(path)


def ops(result) -> list[tuple]:
    return [(op.op, op.id, op.from_, op.to) for op in result.operations]


CAT = "710000000000000001"


def test_voice_listed_first_never_loops_on_order(tmp_path):
    m = load(tmp_path, f"""\
        discord_categories:
          - name: Camp
            id: "{CAT}"
            channels:
              - {{name: Lounge, kind: voice, id: "710000000000000003"}}
              - {{name: chat, kind: prompt, id: "710000000000000002"}}
        """)
    s = state(ch(CAT, "Camp", 4), ch("710000000000000002", "chat", 0, CAT, 5),
              ch("710000000000000003", "Lounge", 2, CAT, 0))
    assert ops(plan(m, s)) == []


def test_a_name_match_never_steals_a_channel_another_entry_names_by_id(tmp_path):
    m = load(tmp_path, f"""\
        discord_categories:
          - name: Camp
            id: "{CAT}"
            channels:
              - {{name: general, kind: prompt}}
              - {{name: chat, kind: prompt, id: "710000000000000002"}}
        """)
    s = state(ch(CAT, "Camp", 4), ch("710000000000000002", "general", 0, CAT, 0))
    result = plan(m, s)
    assert [(op.op, op.name) for op in result.operations[:2]] == [("rename", "#general"), ("create", "#general")]
    assert result.operations[0].to == "chat"


def test_names_in_discords_normal_form_are_not_renames(tmp_path):
    m = load(tmp_path, f"""\
        discord_categories:
          - name: Camp
            id: "{CAT}"
            channels:
              - {{name: "Show Me", kind: prompt, id: "710000000000000002"}}
              - {{name: "Joey's Cool Channel.", kind: prompt}}
        """)
    s = state(ch(CAT, "Camp", 4), ch("710000000000000002", "show-me", 0, CAT, 0),
              ch("710000000000000003", "joeys-cool-channel", 0, CAT, 1))
    assert ops(plan(m, s)) == []


def test_topic_absent_is_unmanaged_and_empty_clears(tmp_path):
    m = load(tmp_path, f"""\
        discord_categories:
          - name: Camp
            id: "{CAT}"
            channels:
              - {{name: a, kind: prompt, id: "710000000000000002"}}
              - {{name: b, kind: prompt, id: "710000000000000003", topic: ""}}
        """)
    s = state(ch(CAT, "Camp", 4), ch("710000000000000002", "a", 0, CAT, 0, topic="kept"),
              ch("710000000000000003", "b", 0, CAT, 1, topic="cleared"))
    assert ops(plan(m, s)) == [("set-topic", "710000000000000003", "cleared", "")]


def test_leaving_the_archive_moves_and_unlocks(tmp_path):
    archive = "710000000000000009"
    m = load(tmp_path, f"""\
        discord_categories:
          - name: Camp
            id: "{CAT}"
            channels:
              - {{name: back, kind: prompt, id: "710000000000000002"}}
        """)
    locked = [{"id": G, "type": 0, "allow": "0", "deny": str(SEND | ATTACH)}]
    s = state(ch(CAT, "Camp", 4), ch(archive, "Archive", 4, position=1),
              ch("710000000000000002", "back", 0, archive, 0, overwrites=locked))
    result = plan(m, s)
    assert [op.op for op in result.operations] == ["move", "set-permissions", "reorder"]
    assert result.operations[1].changes == [OverwriteChange("@everyone", G, 0, 0, ATTACH)]


def test_roles_are_matched_by_name_created_when_missing_and_never_deleted(tmp_path):
    m = load(tmp_path, """\
        roles:
          - name: moderator
          - name: cohort
        """)
    s = state(roles=[{"id": "710000000000000005", "name": "moderator", "position": 1},
                     {"id": "710000000000000006", "name": "booster", "position": 2}])
    assert [(op.op, op.name) for op in plan(m, s).operations] == [("create-role", "cohort")]


def test_hidden_ids_are_counted_and_deleted_ids_recreated(tmp_path):
    m = load(tmp_path, f"""\
        discord_categories:
          - name: Camp
            id: "{CAT}"
            channels:
              - {{name: secret, kind: prompt, id: "710000000000000002"}}
              - {{name: gone, kind: prompt, id: "710000000000000003"}}
        """)
    s = state(ch(CAT, "Camp", 4), hidden={"710000000000000002"}, deleted={"710000000000000003"})
    result = plan(m, s)
    assert result.hidden == 1
    assert [(op.op, op.name, op.reason) for op in result.operations][0] == (
        "create", "#gone", "its id no longer exists on the server")
    assert "#secret" not in [op.name for op in result.operations]


@pytest.mark.parametrize("private, before, after", [
    (True, [], [OverwriteChange("@everyone", G, 0, 0, VIEW),
                OverwriteChange("role mod", "710000000000000005", 0, VIEW, 0),
                OverwriteChange("the bot", BOT, 1, VIEW, 0)]),
    (True, [{"id": G, "type": 0, "allow": "0", "deny": str(ATTACH)}],
     [OverwriteChange("@everyone", G, 0, 0, VIEW | ATTACH),
      OverwriteChange("role mod", "710000000000000005", 0, VIEW, 0),
      OverwriteChange("the bot", BOT, 1, VIEW, 0)]),
    (False, [{"id": G, "type": 0, "allow": "0", "deny": str(VIEW)}],
     [OverwriteChange("@everyone", G, 0, 0, 0)]),
    (False, [{"id": G, "type": 0, "allow": "0", "deny": str(VIEW | ATTACH)}],
     [OverwriteChange("@everyone", G, 0, 0, ATTACH)]),
])
def test_desired_overwrites_touch_only_the_managed_bits(private, before, after):
    access = Access(private, ["mod"] if private else [])
    assert desired_overwrites(before, G, access, unlock=False, map_roles={"mod": "710000000000000005"},
                              bot_id=BOT) == after


def test_reorder_keeps_unknown_entries_after_the_one_they_followed_and_appends_the_rest(tmp_path):
    B, C = "710000000000000002", "710000000000000003"
    s = state(ch(CAT, "T", 4), ch(C, "c", parent=CAT, position=0), ch(B, "b", parent=CAT, position=1))
    entry = {n: f"- name: {n}\n  kind: prompt\n" for n in "ax"}
    entry |= {n: f'- name: {n}\n  kind: prompt\n  id: "{i}"\n' for n, i in (("b", B), ("c", C))}

    def pulled(*names: str) -> list[str]:
        """The order of the category's channels after a pull, the map's listing `names`."""
        channels = textwrap.indent("".join(entry[n] for n in names), " " * 6)
        m = load(tmp_path, f'discord_categories:\n  - name: T\n    id: "{CAT}"\n    channels:\n{channels}')
        document, _ = merge_state(m.document, s)
        return [n["name"] for n in document["discord_categories"][0]["channels"]]

    assert pulled("b", "x", "c") == ["c", "b", "x"]
    assert pulled("a", "b", "c") == ["c", "b", "a"]  # `a` followed nothing the server has: written before a pull


def test_pull_renames_a_role_everywhere_the_map_names_it(tmp_path):
    m = load(tmp_path, f"""\
        roles:
          - name: mods   # our moderators
            id: "710000000000000005"
        discord_categories:
          - name: Staff
            id: "{CAT}"
            visibility: private
            roles: [mods]
            channels: []
        """)
    overwrites = [{"id": G, "type": 0, "allow": "0", "deny": str(VIEW)},
                  {"id": "710000000000000005", "type": 0, "allow": str(VIEW), "deny": "0"}]
    s = state(ch(CAT, "Staff", 4, overwrites=overwrites),
              roles=[{"id": "710000000000000005", "name": "moderator", "position": 1}])
    document, report = merge_state(m.document, s)
    text = dump_roundtrip(document)
    assert text.startswith("server:\n")
    assert "- name: moderator # our moderators" in text and "roles: [moderator]" in text
    assert "role mods: name mods → moderator" in report.changes
