"""Who may see and write in a channel: the map's access, and the overwrite changes that give it. Pure.

Only the bits the map manages are touched (View Channel, and the read-only bits of a locked
channel); every other bit and overwrite a moderator set by hand is kept.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from handbook.channelmap import rules
from handbook.channelmap.rules import ADMINISTRATOR, MEMBER_OVERWRITE, ROLE_OVERWRITE, VIEW_CHANNEL
from handbook.discord.operations import OverwriteChange, Ref


@dataclass
class Access:
    private: bool
    roles: list[str]
    read_only: int = 0
    """The bits `@everyone` is denied to make it read-only (`rules.read_only_bits`); 0: not locked."""

    @property
    def locked(self) -> bool:
        return bool(self.read_only)

    def describe(self) -> str:
        text = f"private: {', '.join(self.roles)}" if self.private else "open"
        return text + (", locked" if self.locked else "")


def channel_permissions(base: int, overwrites: list[dict], guild_id: str, role_ids: Iterable[str],
                        member_id: str | None = None) -> int:
    """What `base` (the server-wide permissions of `@everyone` and `role_ids`) leaves in a channel
    after its overwrites, in Discord's order: `@everyone`, then the roles (an allow beats a deny),
    then the member (https://discord.com/developers/docs/topics/permissions#permission-overwrites).
    Administrator bypasses every overwrite: `base` comes back as it is."""
    if base & ADMINISTRATOR:
        return base
    by_id = {str(o["id"]): o for o in overwrites}
    perms = base
    everyone = by_id.get(guild_id)
    if everyone:
        perms = (perms & ~int(everyone.get("deny") or 0)) | int(everyone.get("allow") or 0)
    allow = deny = 0
    for role_id in role_ids:
        if role_id in by_id and role_id != guild_id:
            allow |= int(by_id[role_id].get("allow") or 0)
            deny |= int(by_id[role_id].get("deny") or 0)
    perms = (perms & ~deny) | allow
    member = by_id.get(member_id or "")
    if member:
        perms = (perms & ~int(member.get("deny") or 0)) | int(member.get("allow") or 0)
    return perms


def can_view(perms: int) -> bool:
    return bool(perms & (ADMINISTRATOR | VIEW_CHANNEL))


def current_access(overwrites: list[dict], guild_id: str, role_names: dict[str, str]) -> Access:
    everyone = next((o for o in overwrites if str(o["id"]) == guild_id), None)
    denied = int(everyone.get("deny") or 0) & rules.READ_ONLY_VOICE if everyone else 0
    private = rules.is_private_overwrites(overwrites, guild_id)
    names = [role_names.get(i, i) for i in rules.roles_allowed_to_view(overwrites, guild_id)] if private else []
    return Access(private, names, denied if denied & rules.SEND_MESSAGES else 0)


def desired_overwrites(overwrites: list[dict], guild_id: str, access: Access, *, unlock: bool,
                       map_roles: dict[str, Ref], bot_id: str | None) -> list[OverwriteChange]:
    """The overwrite changes that give `access`, touching only the bits the map manages.

    Managed: View Channel for `@everyone`, for the map's roles and for the bot; the read-only
    bits for `@everyone` when locking (and when unlocking a channel that leaves the archive).
    Every other bit and every other overwrite a moderator set by hand is kept.
    `map_roles` gives each role of the map its id, or the `Pending` creation of it.
    """
    current = {str(o["id"]): (int(o.get("allow") or 0), int(o.get("deny") or 0)) for o in overwrites}
    changes: list[OverwriteChange] = []

    def want(target: str, ref: Ref, kind: int, allow_on: int = 0, allow_off: int = 0,
             deny_on: int = 0, deny_off: int = 0) -> None:
        allow, deny = current.get(ref, (0, 0)) if isinstance(ref, str) else (0, 0)
        new_allow = (allow | allow_on) & ~allow_off
        new_deny = (deny | deny_on) & ~deny_off
        if (new_allow, new_deny) != (allow, deny):
            changes.append(OverwriteChange(target, ref, kind, new_allow, new_deny))

    everyone = dict(deny_on=VIEW_CHANNEL, allow_off=VIEW_CHANNEL) if access.private else dict(deny_off=VIEW_CHANNEL)
    if access.locked:
        everyone["deny_on"] = everyone.get("deny_on", 0) | access.read_only
        everyone["allow_off"] = everyone.get("allow_off", 0) | access.read_only
    elif unlock:
        everyone["deny_off"] = everyone.get("deny_off", 0) | rules.READ_ONLY_VOICE
    want("@everyone", guild_id, ROLE_OVERWRITE, **everyone)
    if access.private:
        for name, role_ref in map_roles.items():
            if name in access.roles:
                want(f"role {name}", role_ref, ROLE_OVERWRITE, allow_on=VIEW_CHANNEL, deny_off=VIEW_CHANNEL)
            elif isinstance(role_ref, str):
                want(f"role {name}", role_ref, ROLE_OVERWRITE, allow_off=VIEW_CHANNEL)
        if bot_id:  # the bot keeps sight of private channels it manages (A10)
            want("the bot", bot_id, MEMBER_OVERWRITE, allow_on=VIEW_CHANNEL, deny_off=VIEW_CHANNEL)
    return changes


def change_reason(changes: list[OverwriteChange]) -> str:
    parts = []
    for change in changes:
        bits = []
        if change.allow & VIEW_CHANNEL:
            bits.append("may view")
        if change.deny & VIEW_CHANNEL:
            bits.append("may not view")
        if change.deny & rules.SEND_MESSAGES:
            bits.append("may not send")
        parts.append(f"{change.target} {' and '.join(bits) or 'reset'}")
    return "; ".join(parts)
