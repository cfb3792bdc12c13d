"""One table of maps, judged by both `handbook check` (loader + validation) and the JSON Schema.

Each row says what the checker reports and whether the schema can express the rule. Where it can,
both must reject the map or both accept it; where it cannot (a rule that compares values across
the map), the row says why, and the schema accepts what only the checker rejects. The schema is
generated from the checker's own constants, and the shipped copies must equal the generated one.
"""

import datetime
import json

import jsonschema
import pytest

from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.model import ChannelMapError
from handbook.channelmap.schema_gen import build_schema, schema_text
from handbook.channelmap.validation import validate
from handbook.channelmap.yaml_io import load_roundtrip
from handbook.cli import main
from paths import ROOT

ROLES = "roles:\n  - name: member\n  - name: moderator\n"
SCHEMA = "yes"  # the schema expresses the rule too
WARNING_ONLY = "warning: both accept"


def cats(channels: str, header: str = "  - name: Topics\n") -> str:
    return f"discord_categories:\n{header}    channels:\n{channels}"


def ch(name="habits", kind="prompt", **keys) -> str:
    lines = [f"      - name: {name}", f"        kind: {kind}"] + [f"        {k}: {v}" for k, v in keys.items()]
    return "\n".join(lines) + "\n"


def server(**keys) -> str:
    return "server:\n" + "".join(f"  {k}: {v}\n" for k, v in keys.items())


BASE = server(name="Campfire") + ROLES + cats(ch() + ch("habit-talk", "topic", category="habits", topic="Habits"))
MANY = cats("".join(ch(f"c{i}") for i in range(51)))
TOTAL = "discord_categories:\n" + "".join(
    f"  - name: cat{n}\n    channels:\n" + "".join(ch(f"c{n}-{i}") for i in range(49)) for n in range(10)
) + "  - name: one-more\n"

# (id, map, checker: error codes or "shape: <message part>" or [], schema: SCHEMA / WARNING_ONLY / why not)
TABLE = [
    ("valid", BASE, [], SCHEMA),
    ("numeric-name", cats(ch(name="2024")), "shape: is `2024`, which YAML reads as a number", SCHEMA),
    ("hex-name", cats(ch(name="0x1F")), "shape: is `0x1F`, which YAML reads as a number (31)", SCHEMA),
    ("octal-looking-name", cats(ch(name="010")), "shape: is `010`, which YAML reads as a number (10)", SCHEMA),
    ("underscore-number-name", cats(ch(name="1_000")), "shape: `1_000`, which YAML reads as a number (1000)", SCHEMA),
    ("exponent-name", cats(ch(name="1e3")), "shape: `1e3`, which YAML reads as a number (1000.0)", SCHEMA),
    ("date-name", cats(ch(name="2024-01-01")), "shape: `2024-01-01`, which YAML reads as a date", SCHEMA),
    ("flow-mapping-hex-name", "discord_categories:\n  - name: T\n    channels:\n      - {name: 0x1F, kind: prompt}\n",
     "shape: `name` of channel 1 of Discord category `T` is `0x1F`, which YAML reads as a number (31), not text",
     SCHEMA),
    ("boolean-name", cats(ch(name="true")), "shape: `true`, which YAML reads as true/false", SCHEMA),
    ("quoted-numeric-name", cats(ch(name='"2024"')), [], SCHEMA),
    ("numeric-category-name", cats(ch(), header="  - name: 2024\n"), "shape: reads as a number", SCHEMA),
    ("numeric-role-shorthand", "roles:\n  - 2024\n", "shape: `2024`, which YAML reads as a number", SCHEMA),
    ("numeric-topic", cats(ch(topic="42")), "shape: `topic` of channel `habits` is `42`", SCHEMA),
    ("null-topic", cats(ch(topic="null")), [], SCHEMA),
    ("null-channels", "discord_categories:\n  - name: Topics\n    channels:\n", [], SCHEMA),
    ("null-server", "server:\n" + ROLES, [], SCHEMA),
    ("null-roles", "roles:\n", [], SCHEMA),
    ("null-name", cats(ch(name="null")), "shape: has no `name`", SCHEMA),
    ("null-kind", cats(ch(kind="~")), "shape: has no `kind`", SCHEMA),
    ("null-category-entry", "discord_categories:\n  - null\n", "shape: must be a mapping", SCHEMA),
    ("unknown-kind", cats(ch(kind="chat")), "shape: unknown kind `chat`", SCHEMA),
    ("unknown-visibility", cats(ch(visibility="secret")), "shape: unknown visibility", SCHEMA),
    ("short-guild-id", server(guild_id='"12345"'), ["invalid-id"], SCHEMA),
    ("numeric-guild-id", server(guild_id="123456789012345678"), "shape: is a number", SCHEMA),
    ("zeros-guild-id", server(guild_id='"000000000000000000"'), [], SCHEMA),
    ("empty-guild-id", server(guild_id='""'), [], SCHEMA),
    ("letters-role-id", "roles:\n  - name: member\n    id: xyz\n", ["invalid-id"], SCHEMA),
    ("short-category-id", cats(ch(), header='  - name: Topics\n    id: "1"\n'), ["invalid-id"], SCHEMA),
    ("21-digit-channel-id", cats(ch(id='"123456789012345678901"')), ["invalid-id"], SCHEMA),
    ("javascript-invite", server(invite='"javascript:alert(1)"'), ["invalid-invite"], SCHEMA),
    ("invite-without-scheme", server(invite="discord.gg/campfire"), ["invalid-invite"], SCHEMA),
    ("http-invite", server(invite="http://discord.gg/campfire"), ["invalid-invite"], SCHEMA),
    ("other-host-invite", server(invite="https://discordapp.com/invite/campfire"), ["invalid-invite"], SCHEMA),
    ("invite-with-path", server(invite='"https://discord.gg/x/../y"'), ["invalid-invite"], SCHEMA),
    ("short-invite", server(invite="https://discord.gg/campfire-practice"), [], SCHEMA),
    ("long-invite", server(invite="https://discord.com/invite/campfire"), [], SCHEMA),
    ("text-topic-1025", cats(ch(topic="t" * 1025)), ["topic-too-long"], SCHEMA),
    ("text-topic-2000", cats(ch(kind="topic", category="habits", topic="t" * 2000)), ["topic-too-long"], SCHEMA),
    ("announcement-topic-2000", cats(ch(kind="announcement", topic="t" * 2000)), ["topic-too-long"], SCHEMA),
    ("forum-topic-2000", cats(ch(kind="forum", topic="t" * 2000)), [], SCHEMA),
    ("forum-topic-4097", cats(ch(kind="forum", topic="t" * 4097)), ["topic-too-long"], SCHEMA),
    ("voice-topic", cats(ch(name="Campfire", kind="voice", topic="chat")), [], WARNING_ONLY),
    ("not-normal-name", cats(ch(name="Show Me")), [], WARNING_ONLY),
    ("long-channel-name", cats(ch(name="x" * 101)), ["invalid-name"], SCHEMA),
    ("blank-channel-name", cats(ch(name='"   "')), ["invalid-name"], SCHEMA),
    ("empty-category-name", cats(ch(), header='  - name: ""\n'), ["invalid-category-name"], SCHEMA),
    ("blank-category-name", cats(ch(), header='  - name: "   "\n'), ["invalid-category-name"], SCHEMA),
    ("empty-role-name", 'roles:\n  - name: ""\n', ["invalid-role-name"], SCHEMA),
    ("topic-without-category", cats(ch(kind="topic")), ["topic-without-category"], SCHEMA),
    ("private-category-without-roles", cats(ch(), header="  - name: Topics\n    visibility: private\n"),
     ["private-without-roles"], SCHEMA),
    ("full-category", MANY, ["category-full"], SCHEMA),
    ("unknown-role", ROLES + cats(ch(roles="[hosts]")), ["unknown-role"],
     "checker-only: a cross-reference to `roles:`"),
    ("duplicate-names", cats(ch() + ch()), ["duplicate-channel"], "checker-only: uniqueness of one key in a list"),
    ("duplicate-in-normal-form", cats(ch(name="show-me") + ch(name="Show Me")), ["duplicate-channel"],
     "checker-only: names compared in Discord's normal form"),
    ("duplicate-ids", cats(ch(id='"123456789012345678"') + ch(name="b", id='"123456789012345678"')),
     ["duplicate-id"], "checker-only: uniqueness across the map"),
    ("duplicate-roles", "roles:\n  - name: a\n  - name: a\n", ["duplicate-role"], "checker-only: uniqueness"),
    ("duplicate-topic-channel", cats(ch("a", "topic", category="x") + ch("b", "topic", category="x")),
     ["duplicate-topic-channel"], "checker-only: uniqueness of `category` among active topic channels"),
    ("private-channel-without-roles", cats(ch(visibility="private")), ["private-without-roles"],
     "checker-only: a channel inherits roles from its Discord category"),
    ("501-channels", TOTAL, ["too-many-channels"], "checker-only: a count across all categories"),
]


def _plain(value):
    """What a YAML-aware editor hands the schema: mappings, lists, text, numbers, dates."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, bool) or value is None or isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        return str(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


@pytest.fixture(scope="module")
def validator():
    schema = build_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.mark.parametrize(("text", "checker", "schema"), [pytest.param(*row[1:], id=row[0]) for row in TABLE])
def test_checker_and_schema_agree(tmp_path, validator, text, checker, schema):
    path = tmp_path / "channel_map.yml"
    path.write_text(text, encoding="utf-8")
    try:
        findings = validate(load_channel_map(path))
    except ChannelMapError as err:
        assert isinstance(checker, str) and checker.startswith("shape: "), err
        assert checker.removeprefix("shape: ") in err.message, err.message
        assert err.line and err.fix, err
        checker_rejects = True
    else:
        assert not isinstance(checker, str), f"expected a shape error, got {findings}"
        errors = [f for f in findings if f.severity == "error"]
        assert [f.code for f in errors] == checker
        assert all(f.line and f.fix for f in errors)
        if schema == WARNING_ONLY:
            assert findings and all(f.severity == "warning" for f in findings)
        checker_rejects = bool(errors)
    schema_rejects = any(validator.iter_errors(_plain(load_roundtrip(path, text))))
    if schema in (SCHEMA, WARNING_ONLY):
        assert schema_rejects == checker_rejects
    else:
        assert schema.startswith("checker-only: ") and checker_rejects and not schema_rejects


def test_the_table_covers_both_outcomes_and_every_checker_only_rule_says_why():
    assert sum(1 for row in TABLE if row[2] == []) >= 10
    assert sum(1 for row in TABLE if row[2]) >= 40
    assert all(row[3] in (SCHEMA, WARNING_ONLY) or row[3].startswith("checker-only: ") for row in TABLE)


def test_shipped_schemas_are_the_generated_one(capsys):
    generated = schema_text()
    packaged = ROOT / "plugins" / "handbook" / "channelmap" / "schema" / "channel_map.schema.json"
    for copy in (packaged, ROOT / "channel_map.schema.json"):
        assert copy.read_text(encoding="utf-8") == generated, f"regenerate: handbook schema > {copy.name}"
    assert main(["schema"]) == 0
    assert capsys.readouterr().out == generated
    assert json.loads(generated)["properties"]["server"]["anyOf"][0]["properties"]["invite"]["anyOf"][0]["pattern"] \
        .startswith("^https://(discord\\.gg|discord\\.com/invite)/")
