"""The bot's permissions: one set, made from the operations `apply` can send. Pure.

Each bit is in the set because an operation kind needs it (`Operation.needs`), or may allow or
deny it in a channel's overwrites (`Operation.sets`): Discord lets a bot allow or deny only
permissions it holds itself (https://discord.com/developers/docs/resources/channel#edit-channel-permissions).
The invite link, the docs page, `plan` and `apply` all use this one set.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.channelmap import rules
from handbook.channelmap.model import ChannelMap
from handbook.discord.forum_plan import POST_KINDS, PostChange
from handbook.discord.operations import KINDS, Operation
from handbook.discord.server_operations import SERVER_KINDS

_ALL_KINDS: tuple[type[Operation] | type[PostChange], ...] = (*KINDS, *POST_KINDS)
"""What apply sends for every map: the channels' operations and the forum posts' changes."""

READING, READERS = rules.VIEW_CHANNEL, ("pull", "plan")
"""What reading the server needs, before any operation is sent, and the commands that read it."""

INVITE_URL = "https://discord.com/oauth2/authorize"
"""Discord's bot authorization flow (https://discord.com/developers/docs/topics/oauth2#bot-authorization-flow)."""


def _bot_permissions() -> int:
    bits = READING
    for kind in _ALL_KINDS:
        bits |= kind.may_need()
    return bits


BOT_PERMISSIONS = _bot_permissions()
"""Every permission the bot needs for the channels and roles of any map, and no other."""


def permissions_for(channel_map: ChannelMap | None) -> int:
    """The set for `channel_map`: a map that manages the server's settings, onboarding, welcome
    screen or AutoMod rules (`server:`) adds Manage Server, and an AutoMod rule that times members
    out adds Timeout Members (https://discord.com/developers/docs/resources/auto-moderation#auto-moderation-action-object-action-types)."""
    setup = channel_map.server.setup if channel_map is not None else None
    if setup is None or not setup.asks:
        return BOT_PERMISSIONS
    times_out = any(a.kind == "timeout" for rule in setup.automod or [] for a in rule.actions)
    return BOT_PERMISSIONS | rules.MANAGE_GUILD | (rules.MODERATE_MEMBERS if times_out else 0)


@dataclass(frozen=True)
class PermissionUse:
    """One permission of the set, and the operations that need it."""

    name: str
    bit: int
    """Its place: the value is `1 << bit`."""
    needed_by: list[str]
    """Commands and operation kinds (`Operation.op`) that need it to be sent."""
    set_by: list[str]
    """Operation kinds that may allow or deny it in a channel's permissions."""

    @property
    def value(self) -> int:
        return 1 << self.bit

    def as_dict(self) -> dict:
        return {"permission": self.name, "bit": self.bit, "value": self.value, "needed_by": self.needed_by,
                "allowed_or_denied_by": self.set_by}


def permission_uses(permissions: int = BOT_PERMISSIONS) -> list[PermissionUse]:
    """The set (`BOT_PERMISSIONS`, or a map's `permissions_for`), one row per permission in the order of its bit."""
    rows = []
    kinds = (*_ALL_KINDS, *SERVER_KINDS) if permissions & rules.MANAGE_GUILD else _ALL_KINDS  # a map that manages the server
    for value, name in sorted(rules.PERMISSION_NAMES.items()):
        if permissions & value:
            needed_by = [*READERS] if READING & value else []
            needed_by += [kind.op for kind in kinds if kind.request_needs() & value]
            set_by = [kind.op for kind in KINDS if kind.sets & value]
            rows.append(PermissionUse(name, value.bit_length() - 1, needed_by, set_by))
    return rows


def invite_url(app_id: str, permissions: int = BOT_PERMISSIONS) -> str:
    """The link that adds the bot to a server with exactly `permissions` (a map's `permissions_for`)."""
    return f"{INVITE_URL}?client_id={app_id}&scope=bot&permissions={permissions}"
