"""`channel_map.yml`: load it with line numbers, check its shape, and validate it against Discord.

Shape errors (YAML syntax, wrong types, an unknown kind) stop everything with one
`ChannelMapError` naming file, line, column and what to write instead. Breaches of Discord's rules
(names, limits, roles, ids) are `Finding`s, so they are reported together with drift.
Keys a person adds are kept: the loader reads what it knows and leaves the rest alone.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook import discord_rules as rules
from handbook.findings import ERROR, WARNING, Finding
from handbook.yaml_io import YamlSyntaxError, load_roundtrip

VISIBILITIES = ("open", "private")
STATUSES = ("active", "archived")


class ChannelMapError(Exception):
    """The file cannot be read as a channel map; nothing else is checked until it is fixed."""

    def __init__(self, path: Path | str, line: int, column: int, message: str, fix: str) -> None:
        self.path, self.line, self.column = str(path), line, column
        self.message, self.fix = message, fix
        super().__init__(f"{self.path}:{line}:{column}: {message}\n  Fix: {fix}")


@dataclass
class Role:
    name: str
    description: str | None = None
    id: str | None = None
    line: int = 0


@dataclass
class Channel:
    name: str
    kind: str
    discord_category: str
    """The name of the Discord category the channel sits in."""
    category: str | None = None
    """For topic channels: the docs folder (handbook category) it mirrors."""
    topic: str | None = None
    prompt: str | None = None
    id: str | None = None
    visibility: str = "open"
    """Effective visibility: the channel's own, else its Discord category's."""
    roles: list[str] = field(default_factory=list)
    """Effective roles that may see it when private: its own, else its Discord category's."""
    status: str = "active"
    description: str | None = None
    """For private channels: what the public site may say about it instead of its name."""
    line: int = 0
    node: Any = field(default=None, repr=False, compare=False)
    """Its mapping in the round-trip document, for tools that edit the file in place."""

    @property
    def is_private(self) -> bool:
        return self.visibility == "private"

    @property
    def is_archived(self) -> bool:
        return self.status == "archived"

    @property
    def has_id(self) -> bool:
        return rules.is_snowflake(self.id)


@dataclass
class DiscordCategory:
    name: str
    channels: list[Channel]
    id: str | None = None
    visibility: str = "open"
    roles: list[str] = field(default_factory=list)
    description: str | None = None
    line: int = 0
    node: Any = field(default=None, repr=False, compare=False)

    @property
    def is_private(self) -> bool:
        return self.visibility == "private"


@dataclass
class Server:
    name: str | None = None
    guild_id: str | None = None
    """A real guild id, or None while the map has none (the zeros placeholder counts as none)."""
    invite: str | None = None
    line: int = 0


@dataclass
class ChannelMap:
    path: Path
    server: Server
    roles: list[Role]
    discord_categories: list[DiscordCategory]
    document: Any = None
    """The round-trip YAML document, for tools that edit the file and must keep hand edits."""

    def channels(self) -> list[Channel]:
        return [channel for cat in self.discord_categories for channel in cat.channels]

    def channel(self, name: str) -> Channel | None:
        """The channel Discord would call `name` (compared in normal form)."""
        for channel in self.channels():
            if rules.same_channel_name(channel.name, name, channel.kind):
                return channel
        return None

    def topic_channels(self) -> list[Channel]:
        return [c for c in self.channels() if c.kind == "topic"]

    def topic_channel_for(self, folder: str) -> Channel | None:
        """The active topic channel that mirrors the docs folder `folder`."""
        for channel in self.topic_channels():
            if channel.category == folder and not channel.is_archived:
                return channel
        return None

    def role(self, name: str) -> Role | None:
        return next((role for role in self.roles if role.name == name), None)


# --- loading --------------------------------------------------------------------------------


class _Reader:
    """Reads known keys off round-trip YAML nodes, raising ChannelMapError at the right place."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def fail(self, where: tuple[int, int], message: str, fix: str) -> ChannelMapError:
        return ChannelMapError(self.path, where[0] + 1, where[1] + 1, message, fix)

    @staticmethod
    def key_pos(node: Any, key: str) -> tuple[int, int]:
        try:
            return tuple(node.lc.key(key))  # type: ignore[return-value]
        except (AttributeError, KeyError, TypeError):
            return _Reader.node_pos(node)

    @staticmethod
    def value_pos(node: Any, key: str) -> tuple[int, int]:
        try:
            return tuple(node.lc.value(key))  # type: ignore[return-value]
        except (AttributeError, KeyError, TypeError):
            return _Reader.key_pos(node, key)

    @staticmethod
    def node_pos(node: Any) -> tuple[int, int]:
        lc = getattr(node, "lc", None)
        return (lc.line, lc.col) if lc is not None and lc.line is not None else (0, 0)

    @staticmethod
    def item_pos(seq: Any, index: int) -> tuple[int, int]:
        try:
            return tuple(seq.lc.item(index))  # type: ignore[return-value]
        except (AttributeError, KeyError, TypeError, IndexError):
            return _Reader.node_pos(seq)

    def mapping(self, node: Any, where: tuple[int, int], what: str, example: str) -> dict:
        if not isinstance(node, dict):
            raise self.fail(where, f"{what} must be a mapping of keys to values, not {_kind(node)}",
                            f"write it as {example}")
        return node

    def sequence(self, node: Any, key: str, what: str, example: str) -> list:
        value = node.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(self.value_pos(node, key), f"`{key}` of {what} must be a list, not {_kind(value)}",
                            f"write it as {example}")
        return value

    def text(self, node: dict, key: str, what: str, *, required: bool = False,
             choices: tuple[str, ...] | None = None) -> str | None:
        if key not in node or node[key] is None:
            if required:
                raise self.fail(self.node_pos(node), f"{what} has no `{key}`",
                                f"add `{key}: ...` to {what}")
            return None
        value = node[key]
        if isinstance(value, bool) or not isinstance(value, (str, int, float)):
            raise self.fail(self.value_pos(node, key), f"`{key}` of {what} must be text, not {_kind(value)}",
                            f"write `{key}:` followed by text on the same line")
        if isinstance(value, (int, float)) and key in ("id", "guild_id"):
            raise self.fail(self.value_pos(node, key),
                            f"`{key}` of {what} is a number; Discord ids are text and lose digits as numbers",
                            f'put it in quotes: {key}: "{value}"')
        value = str(value)
        if choices and value not in choices:
            close = difflib.get_close_matches(value, choices, n=1)
            hint = f" (did you mean `{close[0]}`?)" if close else ""
            raise self.fail(self.value_pos(node, key), f"unknown {key} `{value}` in {what}{hint}",
                            f"write one of: {', '.join(choices)}")
        return value

    def names(self, node: dict, key: str, what: str) -> list[str]:
        items = self.sequence(node, key, what, f"`{key}: [moderator, cohort-2026-spring]`")
        out = []
        for index, item in enumerate(items):
            if not isinstance(item, str):
                raise self.fail(self.item_pos(node[key], index),
                                f"`{key}` of {what} must list role names, found {_kind(item)}",
                                f"write `{key}: [moderator, cohort-2026-spring]`")
            out.append(item)
        return out


def _kind(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"


def load_channel_map(path: Path | str) -> ChannelMap:
    """Read `path`; raises ChannelMapError for a file that is not a channel map, and
    FileNotFoundError when there is none (callers say to run `handbook sync`)."""
    path = Path(path)
    text = path.read_text(encoding="utf-8")
    try:
        document = load_roundtrip(path, text)
    except YamlSyntaxError as err:
        raise ChannelMapError(path, err.line, err.column, f"invalid YAML: {err.problem}",
                              "check the indentation and quoting around that line "
                              "(text with `: ` or starting with `#` needs quotes)") from None
    return parse_channel_map(path, document)


def parse_channel_map(path: Path, document: Any) -> ChannelMap:
    r = _Reader(path)
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
    )

    roles = []
    for index, node in enumerate(r.sequence(root, "roles", "the channel map", "a list of `- name: moderator`")):
        where = r.item_pos(root["roles"], index)
        if isinstance(node, str):  # `- moderator` is a fair shorthand
            roles.append(Role(name=node, line=where[0] + 1))
            continue
        node = r.mapping(node, where, f"role {index + 1}", "`- name: moderator`")
        what = f"role {index + 1}"
        roles.append(Role(
            name=r.text(node, "name", what, required=True),
            description=r.text(node, "description", what),
            id=r.text(node, "id", what),
            line=where[0] + 1,
        ))

    categories = []
    for index, node in enumerate(r.sequence(root, "discord_categories", "the channel map",
                                            "a list of `- name: Base Camp` entries with `channels:`")):
        where = r.item_pos(root["discord_categories"], index)
        node = r.mapping(node, where, f"Discord category {index + 1}", "`- name: Base Camp` with `channels:`")
        cat_name = r.text(node, "name", f"Discord category {index + 1}", required=True)
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
            ch_name = r.text(ch_node, "name", f"channel {ch_index + 1} of {what}", required=True)
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
                line=ch_where[0] + 1, node=ch_node,
            ))
        categories.append(category)

    return ChannelMap(path=path, server=server, roles=roles, discord_categories=categories, document=document)


# --- validation against Discord's rules -----------------------------------------------------


def validate(channel_map: ChannelMap, display_path: str | None = None) -> list[Finding]:
    """Every breach of Discord's names and limits, and of the map's own rules, as findings."""
    file = display_path or str(channel_map.path)
    findings: list[Finding] = []

    def add(code: str, severity: str, message: str, line: int | None, fix: str) -> None:
        findings.append(Finding(code, severity, message, file, line, fix))

    known_roles = {role.name for role in channel_map.roles}
    if len(channel_map.roles) > rules.ROLES_PER_GUILD_MAX:
        add("too-many-roles", ERROR, f"{len(channel_map.roles)} roles; Discord allows {rules.ROLES_PER_GUILD_MAX}",
            channel_map.roles[rules.ROLES_PER_GUILD_MAX].line, "remove roles you no longer use")
    for name, count in Counter(role.name for role in channel_map.roles).items():
        if count > 1:
            line = [role.line for role in channel_map.roles if role.name == name][1]
            add("duplicate-role", ERROR, f"role `{name}` is listed {count} times", line, "keep one entry per role")
    for role in channel_map.roles:
        if len(role.name) > rules.ROLE_NAME_MAX or not role.name.strip():
            add("invalid-role-name", ERROR, f"role name `{role.name}` must have 1 to {rules.ROLE_NAME_MAX} characters",
                role.line, "shorten the name")

    total = len(channel_map.discord_categories) + len(channel_map.channels())
    if total > rules.CHANNELS_PER_GUILD_MAX:
        add("too-many-channels", ERROR,
            f"{total} channels with categories counted; Discord allows {rules.CHANNELS_PER_GUILD_MAX} per server",
            None, "archive and remove channels, or merge Discord categories")

    seen_names: dict[str, Channel] = {}
    seen_ids: dict[str, int] = {}
    topic_for: dict[str, Channel] = {}
    for category in channel_map.discord_categories:
        active = [c for c in category.channels if not c.is_archived]
        if len(category.channels) > rules.CHANNELS_PER_CATEGORY_MAX:
            add("category-full", ERROR,
                f"Discord category `{category.name}` holds {len(category.channels)} channels; "
                f"Discord allows {rules.CHANNELS_PER_CATEGORY_MAX}", category.line,
                "move some channels into another Discord category")
        if category.is_private and not category.roles:
            add("private-without-roles", ERROR, f"private Discord category `{category.name}` lists no roles",
                category.line, "add `roles: [...]` naming who may see it (e.g. moderator)")
        for role in category.roles:
            if role not in known_roles:
                add("unknown-role", ERROR, f"Discord category `{category.name}` names role `{role}`, "
                    "which `roles:` does not list", category.line, _role_fix(role, known_roles))
        _check_id(add, category.id, f"Discord category `{category.name}`", category.line, seen_ids)
        for channel in category.channels:
            _check_channel(add, channel, category, known_roles, seen_ids)
            key = rules.normalize_channel_name(channel.name, channel.kind)
            if key in seen_names and not channel.is_archived and not seen_names[key].is_archived:
                add("duplicate-channel", ERROR, f"#{key} is listed twice (also on line {seen_names[key].line})",
                    channel.line, "rename one of them, or remove the duplicate")
            seen_names.setdefault(key, channel)
            if channel.kind == "topic" and channel.category and channel in active:
                if channel.category in topic_for:
                    add("duplicate-topic-channel", ERROR,
                        f"#{channel.name} and #{topic_for[channel.category].name} both mirror the handbook "
                        f"category `{channel.category}`", channel.line,
                        "keep one topic channel per handbook category; mark the other `status: archived`")
                else:
                    topic_for[channel.category] = channel
    return findings


def _role_fix(role: str, known: set[str]) -> str:
    close = difflib.get_close_matches(role, sorted(known), n=1)
    if close:
        return f"did you mean `{close[0]}`? Otherwise add `- name: {role}` under `roles:`"
    return f"add `- name: {role}` under `roles:`"


def _check_id(add, value: str | None, what: str, line: int, seen: dict[str, int]) -> None:
    if value is None or rules.is_unset_id(value):
        return
    if not rules.is_snowflake(value):
        add("invalid-id", ERROR, f"{what} has id `{value}`, which is not a Discord id (17 to 20 digits)", line,
            "remove the id and let `handbook discord pull` fill it in")
    elif value in seen:
        add("duplicate-id", ERROR, f"{what} has the id `{value}` already used on line {seen[value]}", line,
            "each Discord channel has its own id: remove the wrong one")
    else:
        seen[value] = line


def _check_channel(add, channel: Channel, category: DiscordCategory, known_roles: set[str],
                   seen_ids: dict[str, int]) -> None:
    what = f"channel `{channel.name}`"
    normal = rules.normalize_channel_name(channel.name, channel.kind)
    if not normal or len(channel.name) > rules.NAME_MAX:
        add("invalid-name", ERROR, f"{what} must have 1 to {rules.NAME_MAX} characters", channel.line,
            "choose a shorter name")
    elif normal != channel.name:
        add("name-not-normal", WARNING, f"Discord would store {what} as `{normal}`", channel.line,
            f"write `name: {normal}`")
    if channel.kind == "topic" and not channel.category:
        add("topic-without-category", ERROR, f"topic {what} does not say which handbook category it mirrors",
            channel.line, "add `category: <docs folder>`, or use `kind: prompt` for a hand-kept channel")
    limit = rules.TOPIC_MAX.get(channel.kind)
    if channel.topic and channel.kind in rules.KINDS_WITHOUT_TOPIC:
        add("topic-not-supported", WARNING, f"{channel.kind} {what} cannot have a topic on Discord", channel.line,
            "remove `topic:`, or describe the channel with `description:`")
    elif channel.topic and limit and len(channel.topic) > limit:
        add("topic-too-long", ERROR, f"the topic of {what} has {len(channel.topic)} characters; "
            f"Discord allows {limit} for {channel.kind} channels", channel.line, f"shorten it to {limit} characters")
    if channel.is_private and not channel.roles and not category.is_private:  # else reported once, above
        add("private-without-roles", ERROR, f"private {what} lists no roles", channel.line,
            "add `roles: [...]` naming who may see it")
    for role in channel.roles:
        if role not in known_roles and role not in category.roles:  # the category's are reported once
            add("unknown-role", ERROR, f"{what} names role `{role}`, which `roles:` does not list",
                channel.line, _role_fix(role, known_roles))
    _check_id(add, channel.id, what, channel.line, seen_ids)
