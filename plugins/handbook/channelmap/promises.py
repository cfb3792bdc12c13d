"""What the map promises members about the server: its settings, onboarding questions and
AutoMod rules, as the audit and the safety page read them. Pure.

A map without a section promises nothing about it: each reader gives None (or nothing), and the
audit skips its check, the safety page says nothing of it.
"""

from __future__ import annotations

from typing import Any

from handbook.channelmap import server_model
from handbook.channelmap.model import ChannelMap

VERIFICATION_LEVELS = server_model.VERIFICATION_LEVELS
"""Discord's verification levels 0 to 4 (https://discord.com/developers/docs/resources/guild#guild-object-verification-level)."""


def setting(channel_map: ChannelMap, name: str) -> Any:
    """The map's `server.settings.<name>`, or None while the map has no such setting."""
    return getattr(channel_map.server.settings, name, None)


def verification_level(channel_map: ChannelMap) -> str | None:
    """The map's verification level, one of `VERIFICATION_LEVELS` (the loader allows no other), or None."""
    return setting(channel_map, "verification_level")


def onboarding_questions(channel_map: ChannelMap) -> list[str]:
    """The titles of the onboarding questions a new member is asked (none when onboarding is off)."""
    onboarding = channel_map.onboarding
    if not onboarding or not onboarding.enabled:
        return []
    return [prompt.title for prompt in onboarding.prompts if prompt.title]


def automod_rules(channel_map: ChannelMap) -> list[tuple[str, list[str], int | None]]:
    """Each enabled AutoMod rule of the map: its trigger, its presets, its mention limit."""
    return [(rule.trigger, list(rule.presets), rule.mention_limit)
            for rule in channel_map.automod or [] if rule.enabled]
