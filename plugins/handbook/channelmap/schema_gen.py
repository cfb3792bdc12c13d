"""The JSON Schema of channel_map.yml, generated from the constants the checker uses.

One source of truth: kinds, visibilities, statuses, name and topic limits, the id and invite
patterns all come from `rules` and `model`, so an editor that checks the map with the schema and
`handbook check` agree wherever a schema can express a rule. Rules that need more than one value
at a time (roles that exist, unique names and ids, 500 channels in all, a private channel's
inherited roles) are the checker's alone. `handbook schema` prints this; the copy shipped in
`schema/` and the repository's copy are kept equal to it by a test.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from handbook.channelmap import rules
from handbook.channelmap.model import STATUSES, VISIBILITIES
from handbook.channelmap.server_schema import server_properties

SCHEMA_NAME = "channel_map.schema.json"
SCHEMA_ID = "https://handbook.campfire-practice.example/schema/channel_map.schema.json"

_ID_TEXT = 'A Discord id (a snowflake, written as text in quotes). "000000000000000000" means not known yet.'
_ROLES_TEXT = "Names of roles (from `roles:`) that may see it when private."


def _optional(schema: dict[str, Any]) -> dict[str, Any]:
    """An optional key: the loader reads `key: null` (or `key:` alone) as absent."""
    return {"anyOf": [schema, {"type": "null"}]}


def _text() -> dict[str, Any]:
    return _optional({"type": "string"})


def _name(maximum: int, description: str | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string", "minLength": 1, "maxLength": maximum,
                              "pattern": rules.NON_BLANK_PATTERN}
    if description:
        schema["description"] = description
    return schema


def _id() -> dict[str, Any]:
    return _optional({"type": "string", "anyOf": [{"pattern": rules.SNOWFLAKE_PATTERN},
                                                  {"pattern": rules.UNSET_ID_PATTERN}],
                      "description": _ID_TEXT})


def _role_names() -> dict[str, Any]:
    return _optional({"type": "array", "items": {"type": "string"}, "description": _ROLES_TEXT})


def _topic_limits() -> list[dict[str, Any]]:
    """`topic` length by kind: one `if kind is ... then maxLength` per limit."""
    by_limit: dict[int, list[str]] = {}
    for kind, limit in rules.TOPIC_MAX.items():
        by_limit.setdefault(limit, []).append(kind)
    return [{"if": {"properties": {"kind": {"enum": kinds}}, "required": ["kind"]},
             "then": {"properties": {"topic": _optional({"type": "string", "maxLength": limit})}}}
            for limit, kinds in sorted(by_limit.items())]


def _channel() -> dict[str, Any]:
    limits = ", ".join(f"{limit} for {'/'.join(k for k, v in rules.TOPIC_MAX.items() if v == limit)}"
                       for limit in sorted(set(rules.TOPIC_MAX.values())))
    return {
        "type": "object",
        "required": ["name", "kind"],
        "properties": {
            "name": _name(rules.NAME_MAX, "The channel's name as Discord stores it: lower case with hyphens for "
                                          "text-like channels (e.g. `show-me`)."),
            "kind": {"enum": list(rules.KINDS),
                     "description": "topic: mirrors one handbook category; prompt: a hand-kept channel for one kind "
                                    "of interaction; announcement, voice, forum: Discord's channel types."},
            "category": {**_text(), "description": "For topic channels: the docs folder (handbook category) it mirrors."},
            "topic": {**_optional({"type": "string", "maxLength": max(rules.TOPIC_MAX.values())}),
                      "description": f"The channel topic (at most {limits} channels)."},
            "prompt": {**_text(), "description": "For prompt channels: the invitation shown in the channel directory."},
            "description": {**_text(),
                            "description": "What the public site may say about a private channel instead of its name."},
            "id": _id(),
            "visibility": {**_optional({"enum": list(VISIBILITIES)}),
                           "description": "open: every member; private: only the listed roles. Inherited from the "
                                          "Discord category when absent."},
            "roles": _role_names(),
            "status": {**_optional({"enum": list(STATUSES)}),
                       "description": "archived: kept for its history, moved to the archive category by "
                                      "`handbook discord apply`."},
            "adopt": {**_optional({"type": "boolean"}),
                      "description": "false: `handbook discord apply` creates this channel even when the server "
                                     "has one of a close name (which it otherwise asks about)."},
            "discussions": {**_optional({"enum": list(rules.DISCUSSIONS)}),
                            "description": "For topic channels: forum makes it a Discord forum with one post per "
                                           "page of the category; channel: an ordinary text channel. Absent: the "
                                           "plugin's `discussions` option decides."},
            "available_tags": {**_optional({"type": "array", "maxItems": rules.FORUM_TAGS_MAX,
                                            "items": {"type": "string", "minLength": 1,
                                                      "maxLength": rules.FORUM_TAG_NAME_MAX}}),
                               "description": f"A forum's tags (at most {rules.FORUM_TAGS_MAX}, each at most "
                                              f"{rules.FORUM_TAG_NAME_MAX} characters); a post gets at most "
                                              f"{rules.APPLIED_TAGS_MAX}."},
        },
        "allOf": [
            {"if": {"properties": {"kind": {"const": "topic"}}, "required": ["kind"]},
             "then": {"required": ["category"], "properties": {"category": {"type": "string", "minLength": 1}}}},
            *_topic_limits(),
        ],
        "additionalProperties": True,
    }


def build_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of channel_map.yml."""
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": SCHEMA_ID,
        "title": "handbook channel map",
        "description": "The community's Discord structure as data: roles, Discord categories and channels. "
                       "Keys you add are kept by `handbook sync` and `handbook discord pull`.",
        "type": ["object", "null"],
        "properties": {
            "server": _optional({
                "type": "object",
                "description": "The Discord server the map describes.",
                "properties": {
                    "name": {**_text(), "description": "The server's name, as the site shows it."},
                    "guild_id": _id(),
                    "invite": _optional({"type": "string", "pattern": rules.INVITE_PATTERN,
                                         "description": "A public invite link for readers who are not members yet: "
                                                        "https://discord.gg/CODE or https://discord.com/invite/CODE."}),
                    "archive_category": {**_text(), "description": "The Discord category that `handbook discord "
                                                                   "apply` moves archived channels into (default: Archive)."},
                    **server_properties(),
                },
                "additionalProperties": True,
            }),
            "roles": _optional({
                "type": "array",
                "description": "The server's roles the map uses: a name, or a name with a description and an id.",
                "items": {"oneOf": [
                    _name(rules.ROLE_NAME_MAX),
                    {"type": "object", "required": ["name"],
                     "properties": {"name": _name(rules.ROLE_NAME_MAX, "The role's name, as Discord shows it."),
                                    "description": {**_text(), "description": "What the role is for (the roles page)."},
                                    "id": _id()},
                     "additionalProperties": True},
                ]},
                "maxItems": rules.ROLES_PER_GUILD_MAX,
            }),
            "discord_categories": _optional({
                "type": "array",
                "description": "The server's Discord categories, in the server's order, with their channels.",
                "items": {
                    "type": "object",
                    "required": ["name"],
                    "properties": {
                        "name": _name(rules.NAME_MAX, "The Discord category's name, as Discord shows it."),
                        "id": _id(),
                        "visibility": {**_optional({"enum": list(VISIBILITIES)}),
                                       "description": "open: every member; private: only the listed roles; its "
                                                      "channels inherit it."},
                        "roles": _role_names(),
                        "description": {**_text(), "description": "What the public site may say about a private "
                                                                  "space instead of its name."},
                        "channels": {**_optional({"type": "array", "items": _channel(),
                                                  "maxItems": rules.CHANNELS_PER_CATEGORY_MAX}),
                                     "description": "The Discord category's channels, in order "
                                                    f"(at most {rules.CHANNELS_PER_CATEGORY_MAX})."},
                    },
                    "if": {"properties": {"visibility": {"const": "private"}}, "required": ["visibility"]},
                    "then": {"required": ["roles"], "properties": {"roles": {"type": "array", "minItems": 1}}},
                    "additionalProperties": True,
                },
            }),
        },
        "additionalProperties": True,
    }


def schema_text() -> str:
    """The schema as the file `handbook schema` prints and `sync` writes beside a new map."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema_beside(map_path: Path) -> Path | None:
    """Put the schema next to a new map so editors complete and check it; never overwrite."""
    from handbook.files import write_atomic

    target = map_path.parent / SCHEMA_NAME
    if target.exists():
        return None
    write_atomic(target, schema_text())
    return target
