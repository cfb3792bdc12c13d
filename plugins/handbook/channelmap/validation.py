"""Validate a loaded channel map against Discord's names and limits and the map's own rules.

Breaches are `Finding`s, so they are reported together with drift.
"""

from __future__ import annotations

import difflib
import unicodedata
from collections import Counter

from handbook.channelmap import rules
from handbook.channelmap.model import Channel, ChannelMap, DiscordCategory
from handbook.channelmap.server_validation import validate_server
from handbook.findings import (
    CATEGORY_FULL, DUPLICATE_CHANNEL, DUPLICATE_ID, DUPLICATE_ROLE, DUPLICATE_TOPIC_CHANNEL, INVALID_CATEGORY_NAME,
    INVALID_ID, INVALID_INVITE, INVALID_NAME, INVALID_ROLE_NAME, NAME_NOT_MENTIONABLE, NAME_NOT_NORMAL,
    PRIVATE_WITHOUT_ROLES, TOO_MANY_CHANNELS, TOO_MANY_ROLES, TOPIC_NOT_SUPPORTED, TOPIC_TOO_LONG,
    TOPIC_WITHOUT_CATEGORY, UNKNOWN_ROLE, Code, Finding)
from handbook.findings import INVALID_FORUM_TAG, TAGS_WITHOUT_FORUM, TOO_MANY_FORUM_TAGS

# --- validation against Discord's rules -----------------------------------------------------


def validate(channel_map: ChannelMap, display_path: str | None = None) -> list[Finding]:
    """Every breach of Discord's names and limits, and of the map's own rules, as findings."""
    file = display_path or str(channel_map.path)
    findings: list[Finding] = []

    def add(code: Code, message: str, line: int | None, fix: str) -> None:
        findings.append(code(message, file, line, fix))

    server = channel_map.server
    if server.guild_id is not None and not rules.is_snowflake(server.guild_id):
        add(INVALID_ID, f"`server.guild_id` is `{server.guild_id}`, which is not a Discord id "
            "(17 to 20 digits)", server.guild_id_line or server.line,
            "copy the server id from Discord (Server Settings > Widget, or Copy Server ID in developer mode), "
            "or remove it and let `handbook discord pull --guild ID` fill it in")
    if server.invite is not None and not rules.is_invite_url(server.invite):
        add(INVALID_INVITE, f"`server.invite` is `{server.invite}`, which is not a Discord invite link, "
            "so the site shows no \"Join\" link",
            server.invite_line or server.line,
            "write the invite as https://discord.gg/CODE or https://discord.com/invite/CODE")

    known_roles = {role.name for role in channel_map.roles}
    if len(channel_map.roles) > rules.ROLES_PER_GUILD_MAX:
        add(TOO_MANY_ROLES, f"{len(channel_map.roles)} roles; Discord allows {rules.ROLES_PER_GUILD_MAX}",
            channel_map.roles[rules.ROLES_PER_GUILD_MAX].line, "remove roles you no longer use")
    for name, count in Counter(role.name for role in channel_map.roles).items():
        if count > 1:
            line = [role.line for role in channel_map.roles if role.name == name][1]
            add(DUPLICATE_ROLE, f"role `{name}` is listed {count} times", line, "keep one entry per role")
    role_ids: dict[str, int] = {}
    for role in channel_map.roles:
        if _control_character(role.name):
            add(INVALID_ROLE_NAME, f"role name `{_shown(role.name)}` holds the control character "
                f"{_control_character(role.name)}", role.line, "write the name without it")
        elif len(role.name) > rules.ROLE_NAME_MAX or not role.name.strip():
            add(INVALID_ROLE_NAME, f"role name `{role.name}` must have 1 to {rules.ROLE_NAME_MAX} characters",
                role.line, "write a name of 1 to 100 characters that is not only spaces")
        _check_id(add, role.id, f"role `{role.name}`", role.line, role_ids)

    total = len(channel_map.discord_categories) + len(channel_map.channels())
    if total > rules.CHANNELS_PER_GUILD_MAX:
        add(TOO_MANY_CHANNELS,
            f"{total} channels with categories counted; Discord allows {rules.CHANNELS_PER_GUILD_MAX} per server",
            _nth_line(channel_map, rules.CHANNELS_PER_GUILD_MAX), "archive and remove channels, or merge Discord categories")

    seen_names: dict[str, Channel] = {}
    seen_ids: dict[str, int] = {}
    topic_for: dict[str, Channel] = {}
    for category in channel_map.discord_categories:
        active = [c for c in category.channels if not c.is_archived]
        if _control_character(category.name):
            add(INVALID_CATEGORY_NAME, f"Discord category name `{_shown(category.name)}` holds the "
                f"control character {_control_character(category.name)}", category.line, "write the name without it")
        elif not category.name.strip() or len(category.name) > rules.NAME_MAX:
            add(INVALID_CATEGORY_NAME, f"Discord category name `{category.name}` must have 1 to "
                f"{rules.NAME_MAX} characters and not only spaces", category.line,
                "give the Discord category a name, e.g. `name: Handbook Topics`")
        if len(category.channels) > rules.CHANNELS_PER_CATEGORY_MAX:
            add(CATEGORY_FULL,
                f"Discord category `{category.name}` holds {len(category.channels)} channels; "
                f"Discord allows {rules.CHANNELS_PER_CATEGORY_MAX}", category.line,
                "move some channels into another Discord category")
        if category.is_private and not category.roles:
            add(PRIVATE_WITHOUT_ROLES, f"private Discord category `{category.name}` lists no roles",
                category.line, "add `roles: [...]` naming who may see it (e.g. moderator)")
        for role_name in category.roles:
            if role_name not in known_roles:
                add(UNKNOWN_ROLE, f"Discord category `{category.name}` names role `{role_name}`, "
                    "which `roles:` does not list", category.line, _role_fix(role_name, known_roles))
        _check_id(add, category.id, f"Discord category `{category.name}`", category.line, seen_ids)
        for channel in category.channels:
            _check_channel(add, channel, category, known_roles, seen_ids)
            key = rules.normalize_channel_name(channel.name, channel.kind)
            if key in seen_names and not channel.is_archived and not seen_names[key].is_archived:
                add(DUPLICATE_CHANNEL, f"#{key} is listed twice (also on line {seen_names[key].line})",
                    channel.line, "rename one of them, or remove the duplicate")
            seen_names.setdefault(key, channel)
            if channel.kind == "topic" and channel.category and channel in active:
                folder = rules.nfc(channel.category)
                if folder in topic_for:
                    add(DUPLICATE_TOPIC_CHANNEL,
                        f"#{channel.name} and #{topic_for[folder].name} both mirror the handbook "
                        f"category `{channel.category}`", channel.line,
                        "keep one topic channel per handbook category; mark the other `status: archived`")
                else:
                    topic_for[folder] = channel
    validate_server(channel_map, add)
    return findings


def _control_character(name: str) -> str | None:
    """`U+0000` for the first control character in `name` (NUL, a tab, a newline, ...), else None:
    Discord names are one line of visible text, and a NUL cuts a name short in many programs."""
    found = next((ch for ch in name if unicodedata.category(ch) == "Cc"), None)
    return f"U+{ord(found):04X}" if found is not None else None


def _shown(name: str) -> str:
    """`name` for a message, its control characters written as `\\x00` so the line stays whole."""
    return "".join(ch.encode("unicode_escape").decode() if unicodedata.category(ch) == "Cc" else ch for ch in name)


def _nth_line(channel_map: ChannelMap, index: int) -> int | None:
    """The line of the channel or category that is one too many (categories count, in file order)."""
    entries = [line for cat in channel_map.discord_categories for line in [cat.line, *(c.line for c in cat.channels)]]
    return entries[index] if index < len(entries) else None


def _role_fix(role: str, known: set[str]) -> str:
    close = difflib.get_close_matches(role, sorted(known), n=1)
    if close:
        return f"did you mean `{close[0]}`? Otherwise add `- name: {role}` under `roles:`"
    return f"add `- name: {role}` under `roles:`"


def _check_id(add, value: str | None, what: str, line: int, seen: dict[str, int]) -> None:
    if value is None or rules.is_unset_id(value):
        return
    if not rules.is_snowflake(value):
        add(INVALID_ID, f"{what} has id `{value}`, which is not a Discord id (17 to 20 digits)", line,
            "remove the id and let `handbook discord pull` fill it in")
    elif value in seen:
        add(DUPLICATE_ID, f"{what} has the id `{value}` already used on line {seen[value]}", line,
            "each Discord channel has its own id: remove the wrong one")
    else:
        seen[value] = line


def _check_channel(add, channel: Channel, category: DiscordCategory, known_roles: set[str],
                   seen_ids: dict[str, int]) -> None:
    what = f"channel `{_shown(channel.name)}`"
    normal = rules.normalize_channel_name(channel.name, channel.kind)
    control = _control_character(channel.name)
    if control:
        add(INVALID_NAME, f"{what} holds the control character {control}", channel.line,
            f"write the name without it, e.g. `name: {rules.mention_name(normal) or 'some-name'}`")
    elif not normal or len(channel.name) > rules.NAME_MAX:
        add(INVALID_NAME, f"{what} must have 1 to {rules.NAME_MAX} characters", channel.line,
            "choose a shorter name")
    elif normal != channel.name:
        add(NAME_NOT_NORMAL, f"Discord would store {what} as `{normal}`", channel.line,
            f"write `name: {normal}`")
    elif rules.is_text_like(channel.kind) and not rules.is_mentionable(normal):
        mentionable = rules.mention_name(normal)
        add(NAME_NOT_MENTIONABLE, f"#{normal} cannot be mentioned in a page: a `#name` is letters, "
            "digits, marks, `+`, `&` and `-`, from a letter or digit to a letter, digit or `+`", channel.line,
            f"write `name: {mentionable}`" if mentionable else "give it a name with a letter or digit")
    if channel.kind == "topic" and not channel.category:
        add(TOPIC_WITHOUT_CATEGORY, f"topic {what} does not say which handbook category it mirrors",
            channel.line, "add `category: <docs folder>`, or use `kind: prompt` for a hand-kept channel")
    limit = rules.TOPIC_MAX.get(channel.type_kind)
    if channel.topic and channel.kind in rules.KINDS_WITHOUT_TOPIC:
        add(TOPIC_NOT_SUPPORTED, f"{channel.kind} {what} cannot have a topic on Discord", channel.line,
            "remove `topic:`, or describe the channel with `description:`")
    elif channel.topic and limit and len(channel.topic) > limit:
        add(TOPIC_TOO_LONG, f"the topic of {what} has {len(channel.topic)} characters; "
            f"Discord allows {limit} for {channel.kind} channels", channel.line, f"shorten it to {limit} characters")
    if channel.is_private and not channel.roles and not category.is_private:  # else reported once, above
        add(PRIVATE_WITHOUT_ROLES, f"private {what} lists no roles", channel.line,
            "add `roles: [...]` naming who may see it")
    for role in channel.roles:
        if role not in known_roles and role not in category.roles:  # the category's are reported once
            add(UNKNOWN_ROLE, f"{what} names role `{role}`, which `roles:` does not list",
                channel.line, _role_fix(role, known_roles))
    _check_id(add, channel.id, what, channel.line, seen_ids)
    _check_forum(add, channel, what)


def _check_forum(add, channel: Channel, what: str) -> None:
    """A forum's tags against Discord's limits (https://discord.com/developers/docs/resources/channel#forum-tag-object):
    at most 20, names of 1 to 20 characters, each name once (error 40061)."""
    if channel.discussions == "forum" and channel.kind not in ("topic", "forum"):
        add(TAGS_WITHOUT_FORUM, f"{channel.kind} {what} has `discussions: forum`, but only a topic channel gets a "
            "post per page", channel.line, "move `discussions: forum` to the topic channel of the category")
    if channel.available_tags and (channel.kind not in ("topic", "forum") or channel.discussions == "channel"):
        add(TAGS_WITHOUT_FORUM, f"{what} lists `available_tags`, but it is not a forum, so Discord has no tags "
            "for it", channel.tag_lines[0], "add `discussions: forum` to the topic channel, or remove `available_tags`")
    tags = channel.available_tags
    if len(tags) > rules.FORUM_TAGS_MAX:
        add(TOO_MANY_FORUM_TAGS, f"{what} lists {len(tags)} `available_tags`; Discord allows {rules.FORUM_TAGS_MAX} "
            "per forum", channel.tag_lines[rules.FORUM_TAGS_MAX],
            f"keep at most {rules.FORUM_TAGS_MAX}: remove the tags from line {channel.tag_lines[rules.FORUM_TAGS_MAX]} on")
    seen: dict[str, int] = {}
    for tag, line in zip(tags, channel.tag_lines):
        if not tag.strip() or len(tag) > rules.FORUM_TAG_NAME_MAX:
            add(INVALID_FORUM_TAG, f"the tag `{_shown(tag)}` of {what} has {len(tag)} characters; Discord allows 1 to "
                f"{rules.FORUM_TAG_NAME_MAX}", line,
                f"shorten it, e.g. `{tag.strip()[:rules.FORUM_TAG_NAME_MAX].strip() or 'general'}`")
        elif tag.casefold() in seen:
            add(INVALID_FORUM_TAG, f"the tag `{tag}` of {what} is listed twice (also on line {seen[tag.casefold()]}); "
                "Discord refuses two tags of one name", line, "remove one of them")
        else:
            seen[tag.casefold()] = line
