"""Load `channel_map.yml` with line numbers and check its shape.

Shape errors (YAML syntax, wrong types, an unknown kind) stop everything with one
`ChannelMapError` naming file, line, column and what to write instead. Keys a person adds are
kept: the loader reads what it knows and leaves the rest alone.
"""

from __future__ import annotations

import datetime
import difflib
import os
import re
from pathlib import Path
from typing import Any

from handbook.channelmap import rules
from handbook.channelmap.model import (STATUSES, VISIBILITIES, Channel, ChannelMap, ChannelMapError,
    DiscordCategory, Role, Server)
from handbook.channelmap.server_loader import parse_server_setup
from handbook.channelmap.yaml_io import YamlSyntaxError, load_roundtrip, describe_value
from handbook.files import read_text

# --- loading --------------------------------------------------------------------------------


class _Reader:
    """Reads known keys off round-trip YAML nodes, raising ChannelMapError at the right place."""

    def __init__(self, path: Path | str, text: str | None = None) -> None:
        self.path = path
        self.lines = text.lstrip("\ufeff").splitlines() if text is not None else []

    def written(self, where: tuple[int, int]) -> str | None:
        """The value as written in the file at `where` (for messages about what YAML made of it)."""
        if where[0] >= len(self.lines):
            return None
        line = self.lines[where[0]]
        token = line[where[1]:].split(" #", 1)[0]
        if "{" in line[:where[1]] or "[" in line[:where[1]]:  # in a flow collection: up to its next item
            token = re.split(r"[,\]}]", token, maxsplit=1)[0]
        return token.strip() or None

    def fail(self, where: tuple[int, int], message: str, fix: str) -> ChannelMapError:
        return ChannelMapError(self.path, where[0] + 1, where[1] + 1, message, fix)

    @staticmethod
    def key_pos(node: Any, key: str) -> tuple[int, int]:
        try:
            key_line, key_col = node.lc.key(key)
            return key_line, key_col
        except (AttributeError, KeyError, TypeError):
            return _Reader.node_pos(node)

    @staticmethod
    def value_pos(node: Any, key: str) -> tuple[int, int]:
        try:
            value_line, value_col = node.lc.value(key)
            return value_line, value_col
        except (AttributeError, KeyError, TypeError):
            return _Reader.key_pos(node, key)

    @staticmethod
    def node_pos(node: Any) -> tuple[int, int]:
        lc = getattr(node, "lc", None)
        return (lc.line, lc.col) if lc is not None and lc.line is not None else (0, 0)

    @staticmethod
    def item_pos(seq: Any, index: int) -> tuple[int, int]:
        try:
            item_line, item_col = seq.lc.item(index)
            return item_line, item_col
        except (AttributeError, KeyError, TypeError, IndexError):
            return _Reader.node_pos(seq)

    def mapping(self, node: Any, where: tuple[int, int], what: str, example: str) -> dict:
        if not isinstance(node, dict):
            raise self.fail(where, f"{what} must be a mapping of keys to values, not {describe_value(node)}",
                            f"write it as {example}")
        return node

    def sequence(self, node: Any, key: str, what: str, example: str) -> list:
        value = node.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(self.value_pos(node, key), f"`{key}` of {what} must be a list, not {describe_value(value)}",
                            f"write it as {example}")
        return value

    def required_text(self, node: dict, key: str, what: str) -> str:
        value = self.text(node, key, what, required=True)
        assert value is not None  # text() raised already
        return value

    def text(self, node: dict, key: str, what: str, *, required: bool = False,
             choices: tuple[str, ...] | None = None) -> str | None:
        if key not in node or node[key] is None:
            if required:
                raise self.fail(self.node_pos(node), f"{what} has no `{key}`",
                                f"add `{key}: ...` to {what}")
            return None
        value = node[key]
        where = self.value_pos(node, key)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and key in ("id", "guild_id"):
            raise self.fail(where,
                            f"`{key}` of {what} is a number; Discord ids are text and lose digits as numbers",
                            f'put it in quotes: {key}: "{self.written(where) or value}"')
        if _is_coerced(value):
            raise self.coerced(where, key, what, value)
        if not isinstance(value, str):
            raise self.fail(where, f"`{key}` of {what} must be text, not {describe_value(value)}",
                            f"write `{key}:` followed by text on the same line")
        value = str(value)
        if choices and value not in choices:
            close = difflib.get_close_matches(value, choices, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise self.fail(self.value_pos(node, key), f"unknown {key} `{value}` in {what}{hint}",
                            f"write one of: {', '.join(choices)}")
        return value

    def flag(self, node: dict, key: str, what: str, default: bool) -> bool:
        if key not in node or node[key] is None:
            return default
        if not isinstance(node[key], bool):
            raise self.fail(self.value_pos(node, key), f"`{key}` of {what} must be true or false, not "
                            f"{describe_value(node[key])}", f"write `{key}: false`, or leave the line out")
        return node[key]

    def tags(self, node: dict, what: str, channel: Channel) -> None:
        """A forum's `available_tags:`: tag names, each with its line."""
        example = "`available_tags: [beginner, question]`"
        for index, item in enumerate(self.sequence(node, "available_tags", what, example)):
            where = self.item_pos(node["available_tags"], index)
            if _is_coerced(item):
                raise self.coerced(where, "available_tags", what, item)
            if not isinstance(item, str):
                raise self.fail(where, f"`available_tags` of {what} must list tag names, found {describe_value(item)}",
                                f"write {example}")
            channel.available_tags.append(item)
            channel.tag_lines.append(where[0] + 1)

    def coerced(self, where: tuple[int, int], key: str, what: str, value: Any) -> ChannelMapError:
        """YAML read a text as a number, date or true/false: say what it became, and to quote it."""
        written = self.written(where) or str(value)
        if written.startswith(("- ", "-\t")):
            written = written[2:].strip()
        became = describe_value(value)
        shown = str(value).lower() if isinstance(value, bool) else str(value)
        change = f"`{written}`, which YAML reads as {became}" + (f" ({shown})" if shown != written else "")
        return self.fail(where, f"`{key}` of {what} is {change}, not text",
                         f'put it in quotes: {key}: "{written}"')

    def names(self, node: dict, key: str, what: str) -> list[str]:
        items = self.sequence(node, key, what, f"`{key}: [moderator, cohort-2026-spring]`")
        out = []
        for index, item in enumerate(items):
            if not isinstance(item, str):
                where = self.item_pos(node[key], index)
                quote = f' (in quotes: `{key}: ["{item}"]`)' if _is_coerced(item) else ""
                raise self.fail(where, f"`{key}` of {what} must list role names, found {describe_value(item)}",
                                f"write `{key}: [moderator, cohort-2026-spring]`{quote}")
            out.append(item)
        return out


def _is_coerced(value: Any) -> bool:
    """A plain scalar YAML turned into something other than text (`0x1F`, `010`, `1_000`, `1e3`,
    `2024-01-01`, `true`): the name a person wrote is not the value the loader sees."""
    return isinstance(value, (bool, int, float, datetime.date))


def load_channel_map(path: Path | str, shown: str | None = None) -> ChannelMap:
    """Read `path`; raises ChannelMapError for a file that is not a channel map, and
    FileNotFoundError when there is none (callers say to run `handbook sync`). Errors name the
    file as `shown` (the path people see, relative to mkdocs.yml) when given."""
    path = Path(path)
    if not path.exists() and not (path.is_symlink() and Path(os.path.realpath(path)).is_symlink()):
        raise FileNotFoundError(str(path))  # (a link that leads back to itself is no missing map: read_text says so)
    shown = shown or str(path)
    text = read_text(path, shown)
    try:
        document = load_roundtrip(path, text)
    except YamlSyntaxError as err:
        raise ChannelMapError(shown, err.line, err.column, f"invalid YAML: {err.problem}", err.syntax_fix) from None
    return parse_channel_map(path, document, shown, text)


def parse_channel_map(path: Path, document: Any, shown: str | None = None, text: str | None = None) -> ChannelMap:
    r = _Reader(shown or path, text)
    if document is None:
        document = {}
    root = r.mapping(document, (0, 0), "the channel map", "`server:`, `roles:` and `discord_categories:` keys")

    server_node = root.get("server") or {}
    server_node = r.mapping(server_node, r.value_pos(root, "server"), "`server`",
                            "`server:` with `name:`, `guild_id:` and `invite:` indented below it")
    guild_id = r.text(server_node, "guild_id", "`server`") if server_node else None
    server = Server(
        name=r.text(server_node, "name", "`server`") if server_node else None,
        guild_id=None if rules.is_unset_id(guild_id) else guild_id,
        invite=r.text(server_node, "invite", "`server`") if server_node else None,
        line=r.key_pos(root, "server")[0] + 1 if "server" in root else 0,
        guild_id_line=r.value_pos(server_node, "guild_id")[0] + 1 if "guild_id" in server_node else 0,
        invite_line=r.value_pos(server_node, "invite")[0] + 1 if "invite" in server_node else 0,
    )
    server.setup = parse_server_setup(r, server_node)

    roles = []
    for index, node in enumerate(r.sequence(root, "roles", "the channel map", "a list of `- name: moderator`")):
        where = r.item_pos(root["roles"], index)
        if isinstance(node, str):  # `- moderator` is a fair shorthand
            roles.append(Role(name=node, line=where[0] + 1))
            continue
        if _is_coerced(node):
            raise r.coerced(where, "name", f"role {index + 1}", node)
        node = r.mapping(node, where, f"role {index + 1}", "`- name: moderator`")
        what = f"role {index + 1}"
        roles.append(Role(
            name=r.required_text(node, "name", what),
            description=r.text(node, "description", what),
            id=r.text(node, "id", what),
            line=where[0] + 1,
        ))

    categories = []
    for index, node in enumerate(r.sequence(root, "discord_categories", "the channel map",
                                            "a list of `- name: Base Camp` entries with `channels:`")):
        where = r.item_pos(root["discord_categories"], index)
        node = r.mapping(node, where, f"Discord category {index + 1}", "`- name: Base Camp` with `channels:`")
        cat_name = r.required_text(node, "name", f"Discord category {index + 1}")
        what = f"Discord category `{cat_name}`"
        category = DiscordCategory(
            name=cat_name, channels=[], id=r.text(node, "id", what),
            visibility=r.text(node, "visibility", what, choices=VISIBILITIES) or "open",
            roles=r.names(node, "roles", what), description=r.text(node, "description", what),
            line=where[0] + 1, node=node,
        )
        for ch_index, ch_node in enumerate(r.sequence(node, "channels", what, "a list of `- name: habits` entries")):
            ch_where = r.item_pos(node["channels"], ch_index)
            ch_node = r.mapping(ch_node, ch_where, f"channel {ch_index + 1} of {what}",
                                "`- name: habits` with `kind: topic` below it")
            ch_name = r.required_text(ch_node, "name", f"channel {ch_index + 1} of {what}")
            ch_what = f"channel `{ch_name}`"
            kind = r.text(ch_node, "kind", ch_what, choices=rules.KINDS)
            if kind is None:
                raise r.fail(r.node_pos(ch_node), f"{ch_what} has no `kind`",
                             f"add `kind:` with one of: {', '.join(rules.KINDS)}")
            own_roles = r.names(ch_node, "roles", ch_what)
            category.channels.append(Channel(
                name=ch_name, kind=kind, discord_category=cat_name,
                category=r.text(ch_node, "category", ch_what),
                topic=r.text(ch_node, "topic", ch_what), prompt=r.text(ch_node, "prompt", ch_what),
                id=r.text(ch_node, "id", ch_what),
                visibility=r.text(ch_node, "visibility", ch_what, choices=VISIBILITIES) or category.visibility,
                roles=own_roles or list(category.roles),
                status=r.text(ch_node, "status", ch_what, choices=STATUSES) or "active",
                description=r.text(ch_node, "description", ch_what),
                adopt=r.flag(ch_node, "adopt", ch_what, True),
                discussions=r.text(ch_node, "discussions", ch_what, choices=rules.DISCUSSIONS),
                line=ch_where[0] + 1, node=ch_node,
            ))
            r.tags(ch_node, ch_what, category.channels[-1])
        categories.append(category)

    return ChannelMap(path=path, server=server, roles=roles, discord_categories=categories, document=document)
