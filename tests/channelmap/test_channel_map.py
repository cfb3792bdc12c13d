"""Loading, shape errors and Discord-rule validation of channel_map.yml, as tables of cases."""

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
import yaml

from handbook.channelmap.model import ChannelMapError
from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.validation import validate
from handbook.channelmap.schema_gen import schema_text
from paths import ROOT

GOOD = """\
# our map
server:
  name: Campfire
  guild_id: "000000000000000000"
roles:
  - name: member
  - name: moderator
  - name: cohort-2026-spring
    description: Spring cohort
discord_categories:
  - name: Base Camp
    channels:
      - name: introductions
        kind: prompt
        prompt: Tell us who you are.
        my_note: keep me
      - name: habits
        kind: topic
        category: habits
        topic: Habits that last
        id: "123456789012345678"
  - name: Spring Cohort
    visibility: private
    roles: [cohort-2026-spring, moderator]
    channels:
      - name: spring-chat
        kind: prompt
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "channel_map.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_loads_model_with_inherited_visibility_and_lines(tmp_path):
    channel_map = load_channel_map(write(tmp_path, GOOD))
    assert channel_map.server.guild_id is None  # the zeros placeholder means "not known yet"
    assert [c.name for c in channel_map.channels()] == ["introductions", "habits", "spring-chat"]
    spring = channel_map.channel("Spring Chat")
    assert spring.is_private and spring.roles == ["cohort-2026-spring", "moderator"]
    assert spring.discord_category == "Spring Cohort"
    habits = channel_map.topic_channel_for("habits")
    assert habits.line == 17 and habits.has_id and not habits.is_private
    assert channel_map.document["discord_categories"][0]["channels"][0]["my_note"] == "keep me"
    assert validate(channel_map) == []


SHAPE_ERRORS = [
    pytest.param("server: [1, 2]\n", 1, 9, "`server` must be a mapping", "write it as", id="server-list"),
    pytest.param("roles: moderator\n", 1, 8, "`roles` of the channel map must be a list", "write it as", id="roles-text"),
    pytest.param(
        "discord_categories:\n  - name: A\n    channels:\n      - name: x\n        kind: topc\n",
        5, 15, "unknown kind `topc` in channel `x` (did you mean `topic`?)", "write one of: topic, prompt",
        id="unknown-kind"),
    pytest.param(
        "discord_categories:\n  - name: A\n    channels:\n      - name: x\n", 4, 9,
        "channel `x` has no `kind`", "add `kind:`", id="no-kind"),
    pytest.param(
        "discord_categories:\n  - name: A\n    channels:\n      - name: x\n        kind: topic\n        id: 123456789012345678\n",
        6, 13, "`id` of channel `x` is a number", 'put it in quotes: id: "123456789012345678"', id="numeric-id"),
    pytest.param(
        "discord_categories:\n  - name: A\n    visibility: secret\n", 3, 17,
        "unknown visibility `secret`", "write one of: open, private", id="bad-visibility"),
    pytest.param("discord_categories:\n  - channels: []\n", 2, 5,
                 "Discord category 1 has no `name`", "add `name: ...`", id="no-category-name"),
    pytest.param("server:\n  name: [a\n", 3, 1, "invalid YAML", "indentation and quoting", id="yaml-syntax"),
    pytest.param("server:\n  name: T\n  founded: 2026-02-30\n", 3, 12,
                 "invalid YAML: 2026-02-30 reads as a date, and there is no such date", "quoting", id="no-such-date"),
    pytest.param("- just\n- a list\n", 1, 1, "the channel map must be a mapping", "write it as", id="top-list"),
    pytest.param(
        "discord_categories:\n  - name: A\n    channels:\n      - name: x\n        kind: topic\n        roles: [1]\n",
        6, 17, "`roles` of channel `x` must list role names", "write `roles:", id="role-number"),
]


@pytest.mark.parametrize(("text", "line", "column", "message", "fix"), SHAPE_ERRORS)
def test_shape_errors_name_file_line_column_and_fix(tmp_path, text, line, column, message, fix):
    path = write(tmp_path, text)
    with pytest.raises(ChannelMapError) as caught:
        load_channel_map(path)
    err = caught.value
    assert (err.path, err.line, err.column) == (str(path), line, column)
    assert message in err.message
    assert fix in err.fix
    assert str(err).startswith(f"{path}:{line}:{column}: ")


def channels_yaml(channels: list[dict], **category) -> str:
    doc = {"roles": [{"name": "member"}, {"name": "moderator"}],
           "discord_categories": [{"name": "Main", **category, "channels": channels}]}
    return yaml.safe_dump(doc, sort_keys=False)


VALIDATION = [
    ([{"name": "Show Me", "kind": "prompt"}], {}, "name-not-normal", "warning",
     "Discord would store channel `Show Me` as `show-me`"),
    ([{"name": "x" * 101, "kind": "prompt"}], {}, "invalid-name", "error", "1 to 100 characters"),
    ([{"name": "a", "kind": "prompt"}, {"name": "a", "kind": "voice"}], {}, "duplicate-channel", "error",
     "#a is listed twice"),
    ([{"name": "a", "kind": "prompt", "topic": "t" * 1025}], {}, "topic-too-long", "error", "1025 characters"),
    ([{"name": "a", "kind": "forum", "topic": "t" * 1025}], {}, None, None, None),
    ([{"name": "a", "kind": "forum", "topic": "t" * 4097}], {}, "topic-too-long", "error", "Discord allows 4096"),
    ([{"name": "Campfire", "kind": "voice", "topic": "chat"}], {}, "topic-not-supported", "warning",
     "cannot have a topic"),
    ([{"name": "a", "kind": "prompt", "roles": ["hosts"]}], {}, "unknown-role", "error",
     "names role `hosts`"),
    ([{"name": "a", "kind": "prompt"}], {"visibility": "private"}, "private-without-roles", "error",
     "private Discord category `Main` lists no roles"),
    ([{"name": "a", "kind": "prompt", "id": "42"}], {}, "invalid-id", "error", "not a Discord id"),
    ([{"name": "a", "kind": "prompt", "id": "123456789012345678"},
      {"name": "b", "kind": "prompt", "id": "123456789012345678"}], {}, "duplicate-id", "error", "already used"),
    ([{"name": "a", "kind": "topic"}], {}, "topic-without-category", "error", "does not say which"),
    ([{"name": "a", "kind": "topic", "category": "x"}, {"name": "b", "kind": "topic", "category": "x"}], {},
     "duplicate-topic-channel", "error", "both mirror the handbook category `x`"),
    ([{"name": f"c{i}", "kind": "prompt"} for i in range(51)], {}, "category-full", "error",
     "holds 51 channels; Discord allows 50"),
    ([{"name": "a", "kind": "topic", "category": "x", "status": "archived"},
      {"name": "b", "kind": "topic", "category": "x"}], {}, None, None, None),
]


@pytest.mark.parametrize(("channels", "category", "code", "severity", "message"), VALIDATION)
def test_validation_table(tmp_path, channels, category, code, severity, message):
    findings = validate(load_channel_map(write(tmp_path, channels_yaml(channels, **category))), "map.yml")
    if code is None:
        assert findings == []
        return
    assert [(f.code, f.severity) for f in findings] == [(code, severity)]
    assert message in findings[0].message
    assert findings[0].file == "map.yml" and findings[0].line and findings[0].fix


def test_five_hundred_channels_in_all_counting_categories(tmp_path):
    categories = [{"name": f"cat{n}", "channels": [{"name": f"c{n}-{i}", "kind": "prompt"} for i in range(49)]}
                  for n in range(10)] + [{"name": "one-more"}]
    path = write(tmp_path, yaml.safe_dump({"discord_categories": categories}))
    findings = validate(load_channel_map(path))
    assert [f.code for f in findings] == ["too-many-channels"]
    assert "501 channels with categories counted" in findings[0].message


def test_schema_is_valid_and_accepts_the_repository_map():
    schema = json.loads(schema_text())
    jsonschema.Draft7Validator.check_schema(schema)
    repo_map = ROOT / "channel_map.yml"
    jsonschema.validate(yaml.safe_load(repo_map.read_text(encoding="utf-8")), schema)


def test_schema_rejects_an_unknown_kind():
    schema = json.loads(schema_text())
    bad = {"discord_categories": [{"name": "A", "channels": [{"name": "x", "kind": "topc"}]}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_the_repository_schema_copy_is_the_packaged_schema():
    copy = ROOT / "channel_map.schema.json"
    assert copy.read_text(encoding="utf-8") == schema_text(), "run: handbook schema > channel_map.schema.json"
