"""Read what a Discord server holds, as plain data for `discord_plan` and `discord_pull`.

Since 16 November 2026 the channel list leaves out channels the bot cannot view (https://docs.discord.com/developers/resources/channel#channel-object-obfuscated-channels), so
a channel the map knows by id but the list lacks is looked up on its own: 403/50001 means it is
hidden from the bot (not deleted), 404/10003 means it is gone.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from handbook.channelmap import rules
from handbook.channelmap.model import ChannelMap
from handbook.channelmap.rules import ADMINISTRATOR
from handbook.discord.access import can_view, channel_permissions
from handbook.discord.errors import DiscordError
from handbook.discord.permissions import BOT_PERMISSIONS
from handbook.discord.server_state import SetupState, read_setup

if TYPE_CHECKING:  # the client is passed in: reading state needs no HTTP library of its own
    from handbook.discord.client import DiscordClient


@dataclass
class ServerState:
    guild_id: str
    guild_name: str | None = None
    channels: list[dict] = field(default_factory=list)
    """Every channel the bot can see, categories included, as the API returns them."""
    roles: list[dict] = field(default_factory=list)
    bot_user_id: str | None = None
    protected: set[str] = field(default_factory=set)
    """Channels a Community server cannot delete: rules, community updates (error 50074: https://discord.com/developers/docs/topics/opcodes-and-status-codes#json)."""
    bot_roles: list[str] = field(default_factory=list)
    """The ids of the bot member's roles (for its permissions; empty when unknown)."""
    hidden: set[str] = field(default_factory=set)
    """Ids from the map that exist but that the bot cannot view."""
    deleted: set[str] = field(default_factory=set)
    """Ids from the map that no longer exist on the server."""
    features: list[str] = field(default_factory=list)
    """The guild's features (https://discord.com/developers/docs/resources/guild#guild-object-guild-features)."""
    setup: SetupState = field(default_factory=SetupState)
    """The server's settings, onboarding, welcome screen and AutoMod rules (`server_state`)."""

    @property
    def has_news(self) -> bool:
        """Whether the server may have announcement channels (a Community server)."""
        return rules.NEWS_FEATURE in self.features

    def channel(self, channel_id: str | None) -> dict | None:
        return next((c for c in self.channels if c["id"] == channel_id), None) if channel_id else None

    def categories(self) -> list[dict]:
        """Categories in the order the client shows them."""
        cats = [c for c in self.channels if c["type"] == rules.CATEGORY_TYPE]
        return sorted(cats, key=lambda c: (c.get("position") or 0, int(c["id"])))

    def children(self, parent_id: str | None) -> list[dict]:
        """A category's channels in the order the client shows them: text-like above voice."""
        kids = [c for c in self.channels if c.get("parent_id") == parent_id and c["type"] != rules.CATEGORY_TYPE]
        return sorted(kids, key=lambda c: (c["type"] in rules.VOICE_LIKE_TYPES, c.get("position") or 0, int(c["id"])))

    def role_by_id(self) -> dict[str, dict]:
        return {r["id"]: r for r in self.roles}

    def bot_permissions(self) -> int:
        """The bot's server-wide permissions: `@everyone` and its roles (https://discord.com/developers/docs/topics/permissions#permission-overwrites, steps 1-2)."""
        by_id = self.role_by_id()
        perms = 0
        for role_id in [self.guild_id, *self.bot_roles]:
            perms |= int((by_id.get(role_id) or {}).get("permissions") or 0)
        return perms

    def bot_can_view(self, channel: dict) -> bool:
        """Whether the bot may view `channel`, through the overwrites (https://discord.com/developers/docs/topics/permissions#permission-overwrites)."""
        return can_view(channel_permissions(self.bot_permissions(), channel.get("permission_overwrites") or [],
                                            self.guild_id, self.bot_roles, self.bot_user_id))

    def missing_permissions(self, needed: int = BOT_PERMISSIONS) -> list[str]:
        """Names of the permissions in `needed` the bot lacks server-wide (empty when unknown)."""
        if not self.bot_roles:
            return []
        perms = self.bot_permissions()
        if perms & ADMINISTRATOR:
            return []
        return rules.permission_names(needed & ~perms)


def map_ids(channel_map: ChannelMap | None) -> list[str]:
    if channel_map is None:
        return []
    ids = [cat.id for cat in channel_map.discord_categories]
    ids += [channel.id for channel in channel_map.channels()]
    return [i for i in ids if i is not None and rules.is_snowflake(i)]


def read_state(client: DiscordClient, guild_id: str, channel_map: ChannelMap | None = None) -> ServerState:
    """One read of the server: the guild, its channels and roles, the bot's user, and a check of
    every id in the map that the channel list lacks."""
    guild = client.guild(guild_id)
    state = ServerState(guild_id=guild_id, guild_name=guild.get("name"), channels=client.channels(guild_id),
                        roles=client.roles(guild_id), bot_user_id=client.current_user().get("id"),
                        features=[str(f) for f in guild.get("features") or []])
    state.protected = {str(guild[key]) for key in ("rules_channel_id", "public_updates_channel_id",
                                                    "safety_alerts_channel_id") if guild.get(key)}
    if state.bot_user_id:
        state.bot_roles = [str(r) for r in client.member(guild_id, state.bot_user_id).get("roles") or []]
        # Before 16 November 2026 the list still held channels the bot cannot view: treat them as the
        # API treats them now, so an older server and a newer one plan the same.
        unseen = [c for c in state.channels if c["type"] != rules.CATEGORY_TYPE and not state.bot_can_view(c)]
        for channel in unseen:
            state.channels.remove(channel)
            state.hidden.add(channel["id"])
        for category in [c for c in state.channels if c["type"] == rules.CATEGORY_TYPE]:
            if not state.bot_can_view(category) and not any(c.get("parent_id") == category["id"]
                                                             for c in state.channels):
                state.channels.remove(category)
                state.hidden.add(category["id"])
    listed = {c["id"] for c in state.channels}
    for channel_id in map_ids(channel_map):
        if channel_id in listed:
            continue
        if channel_id in state.hidden:
            continue
        try:
            found = client.channel(channel_id)
        except DiscordError as err:
            if err.code == 50001 or err.status == 403:
                state.hidden.add(channel_id)
                continue
            if err.code == 10003 or err.status == 404:
                state.deleted.add(channel_id)
                continue
            raise
        if str(found.get("guild_id")) == guild_id:  # listed late (eventual consistency): use it
            state.channels.append(found)
            listed.add(channel_id)
        else:
            state.deleted.add(channel_id)
    state.setup = read_setup(client, guild_id, guild, channel_map, state.bot_permissions() if state.bot_roles else None)
    return state
