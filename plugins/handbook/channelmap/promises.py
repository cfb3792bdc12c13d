"""The map's server settings, onboarding and AutoMod rules, read where the map has them. Pure.

These sections are arriving in the map (`server.settings`, `onboarding`, `automod`); until a map
carries one, each reader here gives None (or nothing), and whoever reads it (the audit, the
safety page) says nothing about it. A section may be a record of the map's model or a plain
mapping: both are read the same way.
"""

from __future__ import annotations

from typing import Any

from handbook.channelmap import server_model
from handbook.channelmap.model import ChannelMap

VERIFICATION_LEVELS = server_model.VERIFICATION_LEVELS
"""Discord's verification levels 0 to 4 (https://discord.com/developers/docs/resources/guild#guild-object-verification-level)."""
AUTOMOD_TRIGGERS = server_model.TRIGGER_OF_TYPE
"""AutoMod's trigger types by Discord's number, named as the map names them."""
AUTOMOD_PRESETS = {number: name for name, number in server_model.PRESETS.items()}
"""Keyword presets by Discord's number (https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-rule-object-keyword-preset-types)."""


def field(record: Any, name: str) -> Any:
    """`record.name` or `record[name]`; None when it has neither."""
    if isinstance(record, dict):
        return record.get(name)
    return getattr(record, name, None)


def setting(channel_map: ChannelMap, name: str) -> Any:
    """The map's `server.settings.<name>`, or None while the map has no such setting."""
    return field(getattr(channel_map.server, "settings", None), name)


def section(channel_map: ChannelMap, name: str) -> Any:
    """A top-level section of the map's model (`onboarding`, `automod`), or None."""
    return getattr(channel_map, name, None)


def verification_level(channel_map: ChannelMap) -> str | None:
    """The map's verification level as a name of `VERIFICATION_LEVELS`, or None."""
    value = setting(channel_map, "verification_level")
    if isinstance(value, int) and 0 <= value < len(VERIFICATION_LEVELS):
        return VERIFICATION_LEVELS[value]
    name = str(value).strip().lower().replace(" ", "_").replace("highest", "very_high") if value is not None else None
    return name if name in VERIFICATION_LEVELS else None


def onboarding_questions(channel_map: ChannelMap) -> list[str]:
    """The titles of the onboarding questions a new member is asked (none when onboarding is off)."""
    onboarding = section(channel_map, "onboarding")
    if not onboarding or field(onboarding, "enabled") is False:
        return []
    return [str(field(p, "title")) for p in field(onboarding, "prompts") or [] if field(p, "title")]


def automod_rules(channel_map: ChannelMap) -> list[tuple[str, list[str], int | None]]:
    """Each enabled AutoMod rule of the map: its trigger's name, its presets' names, its mention limit."""
    automod = section(channel_map, "automod")
    rules = field(automod, "rules") if automod is not None and not isinstance(automod, list) else automod
    found = []
    for rule in rules or []:
        if field(rule, "enabled") is False:
            continue
        trigger = _named(field(rule, "trigger") or field(rule, "trigger_type"), AUTOMOD_TRIGGERS)
        presets = [_named(p, AUTOMOD_PRESETS) for p in field(rule, "presets") or []]
        limit = field(rule, "mention_total_limit")
        if trigger in AUTOMOD_TRIGGERS.values():
            found.append((trigger, [p for p in presets if p in AUTOMOD_PRESETS.values()],
                          limit if isinstance(limit, int) else None))
    return found


def _named(value: Any, names: dict[int, str]) -> str:
    """Discord's number for a kind (`4`), or its name (`keyword_preset`), as the name."""
    return names.get(value, "") if isinstance(value, int) else str(value or "")
