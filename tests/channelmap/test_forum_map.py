"""`discussions: forum` and a forum's `available_tags` in the channel map: loaded with their lines,
judged against Discord's limits (at most 20 tags of 1 to 20 characters, each once) by the checker
and the JSON Schema alike, and a topic channel marked so becomes a forum channel (type 15)."""

import datetime

import jsonschema
import pytest

from handbook.channelmap import rules
from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.model import ChannelMapError
from handbook.channelmap.schema_gen import build_schema
from handbook.channelmap.validation import validate
from handbook.channelmap.yaml_io import load_roundtrip


def forum_map(extra: str = "", kind: str = "topic") -> str:
    return ("discord_categories:\n  - name: Handbook Topics\n    channels:\n"
            f"      - name: habits\n        kind: {kind}\n        category: habits\n" + extra)


def tags(names) -> str:
    return "        available_tags:\n" + "".join(f"          - {name}\n" for name in names)


def plain(value):
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, (bool, int, float, datetime.date)) or value is None:
        return value
    return str(value)


TABLE = [
    ("forum-with-tags", forum_map("        discussions: forum\n" + tags(["beginner", "question"])), [], None),
    ("twenty-tags", forum_map("        discussions: forum\n" + tags([f"t{i}" for i in range(20)])), [], None),
    ("twenty-one-tags", forum_map("        discussions: forum\n" + tags([f"t{i}" for i in range(21)])),
     ["too-many-forum-tags"], 29),
    ("long-tag", forum_map("        discussions: forum\n" + tags(["beginner", "x" * 21])), ["invalid-forum-tag"], 10),
    ("duplicate-tag", forum_map("        discussions: forum\n" + tags(["Beginner", "beginner"])),
     ["invalid-forum-tag"], 10),
]


@pytest.mark.parametrize(("text", "codes", "line"), [pytest.param(*row[1:], id=row[0]) for row in TABLE])
def test_forum_tags_are_judged_by_the_checker_and_the_schema_alike(tmp_path, text, codes, line):
    path = tmp_path / "channel_map.yml"
    path.write_text(text, encoding="utf-8")
    findings = [f for f in validate(load_channel_map(path)) if f.severity == "error"]
    assert [f.code for f in findings] == codes
    if codes:
        assert findings[0].line == line and findings[0].fix and str(path) == findings[0].file
    schema = jsonschema.Draft7Validator(build_schema())
    schema_rejects = any(schema.iter_errors(plain(load_roundtrip(path, text))))
    assert schema_rejects == bool(codes) or codes == ["invalid-forum-tag"] and "Beginner" in text


def test_a_topic_channel_with_discussions_forum_is_a_forum_channel(tmp_path):
    path = tmp_path / "channel_map.yml"
    path.write_text(forum_map("        discussions: forum\n" + tags(["beginner"])), encoding="utf-8")
    channel = load_channel_map(path).channels()[0]
    assert channel.is_forum and channel.available_tags == ["beginner"] and channel.tag_lines == [9]
    assert rules.KIND_TO_TYPE[channel.type_kind] == rules.FORUM_TYPE == 15
    assert rules.compatible_types(channel.type_kind) == {15}


def test_an_unknown_discussions_value_names_the_line_and_the_choices(tmp_path):
    path = tmp_path / "channel_map.yml"
    path.write_text(forum_map("        discussions: forums\n"), encoding="utf-8")
    with pytest.raises(ChannelMapError) as caught:
        load_channel_map(path)
    assert caught.value.line == 7 and "did you mean `forum`" in caught.value.message
    assert "channel, forum" in caught.value.fix


def test_tags_on_a_channel_that_cannot_be_a_forum_are_a_warning_with_its_line(tmp_path):
    path = tmp_path / "channel_map.yml"
    path.write_text(forum_map(tags(["beginner"]), kind="prompt").replace("        category: habits\n", ""),
                    encoding="utf-8")
    found = validate(load_channel_map(path))
    assert [(f.code, f.severity, f.line) for f in found] == [("tags-without-forum", "warning", 7)]
