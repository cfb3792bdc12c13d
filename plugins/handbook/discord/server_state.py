"""Read the server's own configuration: its settings (from the guild object), onboarding, welcome
screen and AutoMod rules. Reading the last three needs Manage Server
(https://discord.com/developers/docs/resources/auto-moderation#list-auto-moderation-rules-for-guild,
https://discord.com/developers/docs/resources/guild#get-guild-welcome-screen): a bot without it
reads none of them, and `plan` names the permission its steps need instead of failing on a 403.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handbook.channelmap import rules
from handbook.channelmap.model import ChannelMap
from handbook.discord import server_api

if TYPE_CHECKING:
    from handbook.discord.client import DiscordClient


@dataclass
class SetupState:
    guild: dict = field(default_factory=dict)
    """The guild object: settings, features, the rules and other channels' ids, `mfa_level`."""
    onboarding: dict | None = None
    welcome: dict | None = None
    automod: list[dict] | None = None
    """None: not read (the bot lacks Manage Server, or the map does not ask)."""


def read_setup(client: DiscordClient, guild_id: str, guild: dict, channel_map: ChannelMap | None,
               bot_permissions: int | None) -> SetupState:
    """The server's configuration; the onboarding, welcome screen and AutoMod rules too when the
    bot may read them (`bot_permissions`, None when unknown) and the map asks for them (or there is
    no map yet, or the bot holds Manage Server)."""
    setup = SetupState(guild=dict(guild))
    manage = bot_permissions is None or bool(bot_permissions & (rules.MANAGE_GUILD | rules.ADMINISTRATOR))
    asks = channel_map is None or channel_map.server.setup.asks
    if not manage or not (asks or (bot_permissions or 0) & rules.MANAGE_GUILD):
        return setup
    setup.onboarding = server_api.onboarding(client, guild_id)
    setup.welcome = server_api.welcome_screen(client, guild_id)
    setup.automod = server_api.automod_rules(client, guild_id)
    return setup
