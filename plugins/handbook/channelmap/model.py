"""The channel map as data: the server, its roles, Discord categories and channels.

Plain records with the line each came from, so every finding can point at the file. Keys a person
adds are kept in `document` (the round-trip YAML), not here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from handbook.channelmap import rules
from handbook.channelmap.server_model import AutoModRule, Onboarding, ServerSettings, ServerSetup, WelcomeScreen
from handbook.errors import HandbookError


VISIBILITIES = ("open", "private")
STATUSES = ("active", "archived")


class ChannelMapError(HandbookError):
    """The file cannot be read as a channel map; nothing else is checked until it is fixed."""

    def __init__(self, path: Path | str, line: int | None, column: int | None, message: str, fix: str) -> None:
        self.path = str(path)
        super().__init__(message, file=self.path, line=line, column=column, fix=fix)


@dataclass
class Role:
    name: str
    description: str | None = None
    id: str | None = None
    line: int = 0


@dataclass(kw_only=True)
class _Space:
    """What a channel and a Discord category share: who may see it, and where it is written."""

    id: str | None = None
    visibility: str = "open"
    """Effective visibility: a channel's own, else its Discord category's."""
    roles: list[str] = field(default_factory=list)
    """Effective roles that may see it when private: a channel's own, else its Discord category's."""
    description: str | None = None
    """For private spaces: what the public site may say about it instead of its name."""
    line: int = 0
    node: Any = field(default=None, repr=False, compare=False)
    """Its mapping in the round-trip document, for tools that edit the file in place."""

    @property
    def is_private(self) -> bool:
        return self.visibility == "private"


@dataclass
class Channel(_Space):
    name: str
    kind: str
    discord_category: str
    """The name of the Discord category the channel sits in."""
    category: str | None = None
    """For topic channels: the docs folder (handbook category) it mirrors."""
    topic: str | None = None
    prompt: str | None = None
    status: str = "active"
    adopt: bool = True
    """False (`adopt: false`): a new channel even when the server has one of a close name."""
    discussions: str | None = None
    """`forum` (`discussions: forum`): a topic channel that is a Discord forum with one post per page;
    `channel`: an ordinary text channel; None: the handbook's `discussions` option decides."""
    available_tags: list[str] = field(default_factory=list)
    """A forum's tags (`available_tags:`), in order."""
    tag_lines: list[int] = field(default_factory=list)
    """The line of each tag in `available_tags`, for findings."""

    @property
    def is_forum(self) -> bool:
        return self.kind == "forum" or self.discussions == "forum"

    @property
    def type_kind(self) -> str:
        """The kind that decides the channel's Discord type: a topic channel with `discussions:
        forum` is a forum channel (type 15)."""
        return "forum" if self.is_forum else self.kind

    @property
    def is_archived(self) -> bool:
        return self.status == "archived"

    @property
    def has_id(self) -> bool:
        return rules.is_snowflake(self.id)


@dataclass
class DiscordCategory(_Space):
    name: str
    channels: list[Channel]


@dataclass
class Server:
    name: str | None = None
    guild_id: str | None = None
    """A real guild id, or None while the map has none (the zeros placeholder counts as none)."""
    invite: str | None = None
    line: int = 0
    guild_id_line: int = 0
    invite_line: int = 0
    setup: ServerSetup = field(default_factory=ServerSetup)
    """Settings, onboarding, welcome screen and AutoMod rules (`channelmap.server_model`)."""

    @property
    def settings(self) -> ServerSettings | None:
        return self.setup.settings


@dataclass
class ChannelMap:
    path: Path
    server: Server
    roles: list[Role]
    discord_categories: list[DiscordCategory]
    document: Any = None
    """The round-trip YAML document, for tools that edit the file and must keep hand edits."""

    @property
    def onboarding(self) -> Onboarding | None:
        return self.server.setup.onboarding

    @property
    def welcome_screen(self) -> WelcomeScreen | None:
        return self.server.setup.welcome_screen

    @property
    def automod(self) -> list[AutoModRule] | None:
        return self.server.setup.automod

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
            if channel.category and rules.nfc(channel.category) == rules.nfc(folder) and not channel.is_archived:
                return channel
        return None

    def role(self, name: str) -> Role | None:
        return next((role for role in self.roles if role.name == name), None)
