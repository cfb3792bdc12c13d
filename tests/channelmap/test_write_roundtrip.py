"""`write_roundtrip` and the one writer of new maps: pull's edits are surgical too, and sync's
starter map and pull's new map open with the same header."""

from pathlib import Path

from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.validation import validate
from handbook.channelmap.writer import SCHEMA_LINE, header_lines
from handbook.channelmap.yaml_io import load_roundtrip, write_roundtrip
from handbook.checks.categories import HandbookCategory
from handbook.checks.sync import starter_map
from handbook.discord.pull import merge_state
from handbook.discord.state import ServerState

MAP = """\
server:
  name: Campfire
roles:
  - name: moderator
discord_categories:
  - name: Base Camp   # where everyone starts
    channels:
      - name: habits
        kind:   topic
        category: habits
        notes: { keep: this }
      - name: show-me
        kind: prompt
        prompt: Show us.
"""

GUILD = "123456789012345678"


def state() -> ServerState:
    return ServerState(guild_id=GUILD, guild_name="Campfire", roles=[
        {"id": GUILD, "name": "@everyone"}, {"id": "323456789012345678", "name": "moderator", "position": 1}],
        channels=[
            {"id": "423456789012345678", "type": 4, "name": "Base Camp", "position": 0},
            {"id": "523456789012345678", "type": 0, "name": "habits", "parent_id": "423456789012345678",
             "position": 0},
            {"id": "623456789012345678", "type": 0, "name": "show-me", "parent_id": "423456789012345678",
             "position": 1},
        ])


def test_pull_adds_its_ids_and_changes_no_other_line(tmp_path):
    original = MAP.replace("\n", "\r\n")
    document = load_roundtrip(Path("channel_map.yml"), original)
    document, report = merge_state(document, state())
    assert report.changes
    new = write_roundtrip(original, document)
    kept = [line for line in new.split("\r\n") if line in original.split("\r\n")]
    assert kept == original.split("\r\n")  # every line a person wrote, in order, byte for byte
    added = [line for line in new.split("\r\n") if line not in original.split("\r\n")]
    assert added == ['  guild_id: "123456789012345678"', '    id: "323456789012345678"',
                     '    id: "423456789012345678"', '        id: "523456789012345678"',
                     '        id: "623456789012345678"']
    assert "\n" not in new.replace("\r\n", "")
    assert write_roundtrip(new, merge_state(load_roundtrip(Path("x"), new), state())[0]) == new


def test_sync_and_pull_write_new_maps_with_the_same_header(tmp_path):
    category = HandbookCategory("habits", "Habits", "habits/index.md")
    starter = starter_map("Campfire", [category], "Handbook Topics").text
    document, _ = merge_state(None, state())
    pulled = write_roundtrip("", document)
    header = [f"# {line}" for line in header_lines("Campfire")]
    assert starter.splitlines()[: len(header)] == header
    assert pulled.splitlines()[: len(header)] == header
    assert header[0] == f"# {SCHEMA_LINE}" == "# yaml-language-server: $schema=channel_map.schema.json"
    for name, text in (("starter.yml", starter), ("pulled.yml", pulled)):
        (tmp_path / name).write_text(text)
        assert validate(load_channel_map(tmp_path / name)) == []


def test_starter_map_quotes_folder_names_yaml_would_turn_into_numbers_or_dates(tmp_path):
    folders = ["2024", "1e3", "0x1f", "010", "1_000", "2024-01-01", "true", "null"]
    categories = [HandbookCategory(f, f.title(), f"{f}/index.md") for f in folders]
    path = tmp_path / "channel_map.yml"
    path.write_text(starter_map("Campfire", categories, "Handbook Topics").text)
    channels = load_channel_map(path).topic_channels()
    assert [(c.name, c.category) for c in channels] == [(f.replace("_", "-"), f) for f in folders]


def test_a_flow_list_written_over_two_lines_is_replaced_as_a_whole_when_it_changes():
    original = ("roles:   \n  - name: a\n  - name: b\ndiscord_categories:\n  - name: Staff   # private\n"
                "    visibility:   private\n    roles: [a,\n            b]\n    channels: []\n")
    document = load_roundtrip(Path("x"), original)
    document["discord_categories"][0]["roles"].append("c")
    new = write_roundtrip(original, document)
    assert new == original.replace("    roles: [a,\n            b]\n", "    roles: [a, b, c]\n")


def test_a_block_scalar_line_that_looks_like_a_comment_is_not_mistaken_for_one():
    original = ("discord_categories:\n  - name: T\n    channels:\n      - name: tags\n        kind: prompt\n"
                "        prompt: |\n          Share your\n          # hashtags here\n")
    document = load_roundtrip(Path("x"), original)
    document["discord_categories"][0]["channels"].append({"name": "focus", "kind": "prompt"})
    new = write_roundtrip(original, document)
    assert new == original + "      - name: focus\n        kind: prompt\n"
    assert load_roundtrip(Path("x"), new)["discord_categories"][0]["channels"][0]["prompt"] == \
        "Share your\n# hashtags here\n"
