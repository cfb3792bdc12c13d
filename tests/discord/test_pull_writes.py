"""`handbook discord pull` writes like `sync`: a new map with the shared header and its schema
beside it; an existing map in CRLF keeps its endings and every line nobody needed to change."""

from __future__ import annotations

import json

import pytest
from fake_discord import CATEGORY, fake  # noqa: F401  (fixture)

from handbook.channelmap.schema_gen import schema_text
from handbook.channelmap.writer import header_lines
from handbook.cli import main


def test_a_new_map_has_the_header_and_the_schema_beside_it(fake, tmp_path):  # noqa: F811
    topics = fake.add_channel("Handbook Topics", CATEGORY)
    fake.add_channel("habits", parent_id=topics, topic="Habits")
    path = tmp_path / "channel_map.yml"
    assert main(["discord", "pull", "--map", str(path), "--guild", fake.guild_id]) == 0
    lines = path.read_text().splitlines()
    assert lines[0] == "# yaml-language-server: $schema=channel_map.schema.json"
    assert lines[:6] == [f"# {line}" for line in header_lines(fake.guild_name)]
    assert (tmp_path / "channel_map.schema.json").read_text() == schema_text()
    json.loads(schema_text())


def test_pull_into_a_crlf_map_adds_lines_and_keeps_the_rest(fake, tmp_path):  # noqa: F811
    topics = fake.add_channel("Handbook Topics", CATEGORY)
    habits = fake.add_channel("habits", parent_id=topics, topic="Habits")
    original = (f'server:\r\n  name: Campfire\r\n  guild_id: "{fake.guild_id}"   # ours\r\n'
                "discord_categories:\r\n  - name: Handbook Topics\r\n    channels:\r\n"
                "      - name: habits\r\n        kind:   topic\r\n        category: habits\r\n"
                "        topic: Habits\r\n")
    path = tmp_path / "channel_map.yml"
    path.write_bytes(original.encode())
    assert main(["discord", "pull", "--map", str(path)]) == 0
    new = path.read_bytes().decode()
    assert "\n" not in new.replace("\r\n", "")
    removed = [line for line in original.split("\r\n") if line not in new.split("\r\n")]
    added = [line for line in new.split("\r\n") if line not in original.split("\r\n")]
    assert removed == []
    assert f'        id: "{habits}"' in added and f'    id: "{topics}"' in added
    assert not (tmp_path / "channel_map.schema.json").exists()  # only a new map gets one


@pytest.mark.parametrize("fresh", [True, False])
def test_pull_quotes_names_and_topics_yaml_1_1_would_misread(fake, tmp_path, fresh):  # noqa: F811
    import yaml
    from ruamel.yaml import YAML

    hostile = ["yes", "off", "1_000", "1:20", "12e3", "2024-01-01", "null"]
    category = fake.add_channel("on", CATEGORY)
    for index, name in enumerate(hostile):
        fake.add_channel(name, parent_id=category, topic=hostile[-1 - index])
    path = tmp_path / "channel_map.yml"
    if not fresh:
        path.write_text(f'server:\n  name: Campfire\n  guild_id: "{fake.guild_id}"\n', encoding="utf-8")
    assert main(["discord", "pull", "--map", str(path), "--guild", fake.guild_id]) == 0
    for loaded in (yaml.safe_load(path.read_text(encoding="utf-8")), YAML(typ="rt").load(path.read_text(encoding="utf-8"))):
        [pulled] = [c for c in loaded["discord_categories"] if c["name"] == "on"]
        assert [(c["name"], c["topic"]) for c in pulled["channels"]] == list(zip(hostile, reversed(hostile)))
