"""The handbook's promises, checked against the live server: one small function per promise. Pure.

Each check takes the channel map and the server's state (`discord/state.py`) and yields findings;
`CHECKS` is the registry `handbook discord audit` runs, in order. A check whose promise comes
from a map setting (`needs`) is skipped while the map has no such setting, so the checks of the
server settings work as soon as the map carries them.

Private spaces are named by id and by the map's public description, never by name: the audit's
output goes to maintainers and to CI logs, which a public repository shows to anyone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from handbook.channelmap import rules
from handbook.channelmap.model import Channel, ChannelMap, DiscordCategory, Role
from handbook.channelmap.promises import VERIFICATION_LEVELS, setting, verification_level
from handbook.channelmap.rules import (ADMINISTRATOR, BAN_MEMBERS, KICK_MEMBERS, MANAGE_GUILD, MANAGE_MESSAGES,
                                       MANAGE_ROLES, MENTION_EVERYONE, MODERATE_MEMBERS)
from handbook.discord.access import can_view, channel_permissions
from handbook.discord.permissions import BOT_PERMISSIONS
from handbook.discord.plan import label
from handbook.discord.plan_server import matched_rules
from handbook.discord.state import ServerState
from handbook.findings import (AUTOMOD_RULE_MISSING, BOT_ABOVE_MODERATORS, EVERYONE_MENTIONS_EVERYONE,
                               MODERATION_WITHOUT_MFA, PRIVATE_SPACE_VISIBLE, RULES_CHANNEL_DIFFERS,
                               UNMAPPED_ROLE_POWER, VERIFICATION_LEVEL_LOW, Code, Finding)

POWERFUL = ADMINISTRATOR | MANAGE_ROLES | BAN_MEMBERS | MANAGE_MESSAGES
"""What only the roles the map lists may hold: with them a role sees, gives or removes anything."""
MODERATION = POWERFUL | KICK_MEMBERS | MODERATE_MEMBERS | MANAGE_GUILD
"""A role of the map that holds one of these on the server is a moderation role."""
_MODERATION_WORDS = re.compile(r"\bmoderat", re.IGNORECASE)

Run = Callable[[ChannelMap, ServerState], Iterable[Finding]]
Skip = Callable[[ChannelMap, ServerState], "str | None"]
"""Why a check cannot run on this map and server (None: it runs)."""


@dataclass(frozen=True)
class AuditCheck:
    code: Code
    run: Run
    needs: str | None = None
    """The `server.settings` entry the promise comes from; the check is skipped without it."""
    skip: Skip | None = None
    """Any other reason to skip it, said in the audit's output."""


CHECKS: list[AuditCheck] = []
"""Every check `handbook discord audit` runs, in the order of its output."""


def check(code: Code, needs: str | None = None, skip: Skip | None = None) -> Callable[[Run], Run]:
    def register(run: Run) -> Run:
        CHECKS.append(AuditCheck(code, run, needs, skip))
        return run
    return register


# --- who is who on the server ---------------------------------------------------------------


def mapped_roles(channel_map: ChannelMap, state: ServerState) -> dict[str, Role]:
    """Server role id -> the map's role, matched by id, then by name (as `plan` matches them)."""
    by_id, found = state.role_by_id(), {}
    for role in channel_map.roles:
        server = by_id.get(role.id or "") or next((r for r in state.roles if r["name"] == role.name), None)
        if server is not None:
            found[server["id"]] = role
    return found


def _perms(role: dict | None) -> int:
    return int((role or {}).get("permissions") or 0)


def _rank(role: dict) -> tuple[int, int]:
    """Higher ranks higher; of equal positions the older role (lower id) ranks higher, as Discord sorts."""
    return int(role.get("position") or 0), -int(role["id"])


def server_space(state: ServerState, space: Channel | DiscordCategory) -> dict | None:
    """The server's category or channel for a map entry: by id, else by name (before the first pull)."""
    found = state.channel(space.id)
    if found is not None:
        return found
    if isinstance(space, DiscordCategory):
        return next((c for c in state.categories() if c["name"].casefold() == space.name.casefold()), None)
    wanted = rules.normalize_channel_name(space.name, space.kind)
    return next((c for c in state.channels if c["type"] in rules.compatible_types(space.kind)
                 and rules.normalize_channel_name(c["name"], space.kind) == wanted), None)


def private_spaces(channel_map: ChannelMap) -> list[Channel | DiscordCategory]:
    spaces: list[Channel | DiscordCategory] = []
    for category in channel_map.discord_categories:
        spaces += [category] if category.is_private else []
        spaces += [channel for channel in category.channels if channel.is_private]
    return spaces


def map_entry(channel_map: ChannelMap, state: ServerState, server: dict) -> Channel | DiscordCategory | None:
    """The map's entry for a server category or channel: by id, else the entry without one that matches it."""
    entries: list[Channel | DiscordCategory] = [*channel_map.discord_categories, *channel_map.channels()]
    return next((e for e in entries if e.id == server["id"]), None) or next(
        (e for e in entries if not e.id and (server_space(state, e) or {}).get("id") == server["id"]), None)


def _is_private(channel_map: ChannelMap, state: ServerState, server: dict) -> bool:
    """Private in the map, or on the server (`@everyone` denied View Channels)."""
    entry = map_entry(channel_map, state, server)
    return (entry is not None and entry.is_private) or rules.is_private_overwrites(
        server.get("permission_overwrites") or [], state.guild_id)


def shown(channel_map: ChannelMap, state: ServerState, server: dict) -> str:
    """How a finding names a server channel: a private one (in the map, or on the server), and any
    channel in a private category, by id and the map's public description only."""
    entry = map_entry(channel_map, state, server)
    is_category = server["type"] == rules.CATEGORY_TYPE
    if _is_private(channel_map, state, server) or (not is_category and any(
            _is_private(channel_map, state, parent) for parent in [state.channel(server.get("parent_id"))] if parent)):
        what = "private category" if is_category else "private channel"
        about = f" ({entry.description})" if entry is not None and entry.description else ""
        return f"the {what} {server['id']}{about}"
    return f"the category {server['name']}" if is_category else label(server["name"], server["type"])


def _line(channel_map: ChannelMap, state: ServerState, server: dict) -> int | None:
    entry = map_entry(channel_map, state, server)
    return entry.line if entry is not None else None


def _names(bits: int) -> str:
    names = rules.permission_names(bits)
    return " and ".join([", ".join(names[:-1]), names[-1]]) if len(names) > 1 else "".join(names)


# --- the checks -----------------------------------------------------------------------------


@check(PRIVATE_SPACE_VISIBLE)
def private_spaces_stay_private(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    """A space the map calls private is seen only by the roles it names (and the bot). A synced
    channel carries its category's overwrites itself, so the channel's own overwrites decide."""
    file, mapped = str(channel_map.path), mapped_roles(channel_map, state)
    everyone_base = _perms(state.role_by_id().get(state.guild_id))
    for space in private_spaces(channel_map):
        server = None if space.id in state.hidden else server_space(state, space)
        if server is None:
            continue
        overwrites = server.get("permission_overwrites") or []
        where = shown(channel_map, state, server)
        everyone_sees = can_view(channel_permissions(everyone_base, overwrites, state.guild_id, []))
        if everyone_sees:
            yield PRIVATE_SPACE_VISIBLE(f"{where} is private in the map, and `@everyone` can see it", file,
                                        space.line, "run `handbook discord apply`, which denies View Channels to "
                                                    "`@everyone` there")
        for role in state.roles:
            if role["id"] in (state.guild_id, *state.bot_roles):
                continue
            in_map = mapped.get(role["id"])
            if in_map is not None and in_map.name in space.roles:
                continue
            base = everyone_base | _perms(role)
            if not can_view(channel_permissions(base, overwrites, state.guild_id, [role["id"]])):
                continue
            name = role["name"]
            if base & ADMINISTRATOR:
                fix = f"take Administrator from `{name}` in Server Settings → Roles: it sees every channel"
            elif everyone_sees:
                continue  # said once, for @everyone
            elif in_map is not None:
                fix = (f"run `handbook discord apply`, which takes View Channels from `{name}` there, or add "
                       f"`{name}` to its `roles:` in the map if it is meant to see it")
            else:
                fix = (f"remove `{name}` from its permissions in Discord (Edit Channel → Permissions), or list "
                       f"the role in the map and in its `roles:`")
            yield PRIVATE_SPACE_VISIBLE(f"{where} is private in the map, and the role `{name}` can see it",
                                        file, space.line, fix)


@check(UNMAPPED_ROLE_POWER)
def only_mapped_roles_hold_power(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    """Administrator, Manage Roles, Ban Members and Manage Messages belong to roles the map lists.
    The handbook bot's own role may hold what handbook needs (Manage Roles), and nothing more of
    these; another bot's role is judged like any role (listing it in the map accepts it)."""
    file, mapped = str(channel_map.path), mapped_roles(channel_map, state)
    for role in sorted(state.roles, key=_rank, reverse=True):
        if role["id"] in mapped:
            continue
        own = role["id"] in state.bot_roles
        extra = _perms(role) & POWERFUL & ~(BOT_PERMISSIONS if own else 0)
        if not extra:
            continue
        name = "@everyone" if role["id"] == state.guild_id else role["name"]
        if own:
            yield UNMAPPED_ROLE_POWER(f"the handbook bot's role `{name}` holds {_names(extra)}, which handbook "
                                      "never needs", file, None,
                                      f"take {_names(extra)} from `{name}` in Server Settings → Roles "
                                      "(`handbook discord invite` lists what the bot needs)")
            continue
        whose = " (another bot's or an integration's role)" if role.get("managed") else ""
        yield UNMAPPED_ROLE_POWER(f"the role `{name}`{whose} holds {_names(extra)} and the map does not list it",
                                  file, None, f"take {_names(extra)} from `{name}` in Server Settings → Roles, or "
                                              "list the role in the map's `roles:` if the community gives it that "
                                              "on purpose")


@check(EVERYONE_MENTIONS_EVERYONE)
def everyone_cannot_mention_everyone(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    file = str(channel_map.path)
    everyone_base = _perms(state.role_by_id().get(state.guild_id))
    if everyone_base & MENTION_EVERYONE:
        yield EVERYONE_MENTIONS_EVERYONE("`@everyone` may mention `@everyone` and `@here` in every channel", file,
                                         None, "turn off Mention @everyone, @here and All Roles for `@everyone` in "
                                               "Server Settings → Roles")
        return
    for server in state.channels:
        overwrites = server.get("permission_overwrites") or []
        perms = channel_permissions(everyone_base, overwrites, state.guild_id, [])
        if can_view(perms) and perms & MENTION_EVERYONE:
            yield EVERYONE_MENTIONS_EVERYONE(f"`@everyone` may mention `@everyone` and `@here` in "
                                             f"{shown(channel_map, state, server)}", file,
                                             _line(channel_map, state, server),
                                             "remove Mention @everyone, @here and All Roles from `@everyone` in the "
                                             "channel's permissions (Edit Channel → Permissions)")


def moderation_roles(channel_map: ChannelMap, state: ServerState) -> list[dict]:
    """The server's roles that the map lists as moderation: a role's own `moderation:` when the map
    has it, else one that holds a moderation permission on the server or whose name or
    description in the map says so ("moderator", "the trained moderator")."""
    found = []
    for role_id, role in mapped_roles(channel_map, state).items():
        server = state.role_by_id()[role_id]
        marked = getattr(role, "moderation", None)
        if marked is None:
            marked = bool(_perms(server) & MODERATION) or bool(_MODERATION_WORDS.search(
                f"{role.name} {role.description or ''}"))
        if marked and role_id != state.guild_id and role_id not in state.bot_roles:
            found.append(server)
    return found


@check(BOT_ABOVE_MODERATORS)
def bot_ranks_below_moderators(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    by_id = state.role_by_id()
    own = [by_id[r] for r in state.bot_roles if r in by_id and r != state.guild_id]
    if not own:
        return
    top = max(own, key=_rank)
    lines = {r.name: r.line for r in channel_map.roles}
    for role in sorted(moderation_roles(channel_map, state), key=_rank, reverse=True):
        if _rank(top) > _rank(role):
            yield BOT_ABOVE_MODERATORS(f"the bot's role `{top['name']}` ranks above the moderation role "
                                       f"`{role['name']}`", str(channel_map.path), lines.get(role["name"]),
                                       f"in Server Settings → Roles, drag `{top['name']}` below `{role['name']}`")


@check(MODERATION_WITHOUT_MFA, needs="mfa_required_for_moderation")
def moderation_needs_mfa(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    """Discord's `mfa_level` 1 (elevated): moderation needs 2FA. A bot can read it, not set it."""
    if setting(channel_map, "mfa_required_for_moderation") and state.setup.guild.get("mfa_level") == 0:
        yield MODERATION_WITHOUT_MFA("the map says moderators need two-factor authentication, and the server "
                                     "does not require it for moderation", str(channel_map.path),
                                     channel_map.server.line or None)


@check(VERIFICATION_LEVEL_LOW, needs="verification_level")
def verification_as_high_as_the_maps(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    wanted, actual = verification_level(channel_map), state.setup.guild.get("verification_level")
    if wanted is None or not isinstance(actual, int) or actual >= VERIFICATION_LEVELS.index(wanted):
        return
    now = VERIFICATION_LEVELS[actual] if 0 <= actual < len(VERIFICATION_LEVELS) else str(actual)
    yield VERIFICATION_LEVEL_LOW(f"the server's verification level is {now.replace('_', ' ')}, and the map's is "
                                 f"{wanted.replace('_', ' ')}", str(channel_map.path), channel_map.server.line or None,
                                 f"raise it to {wanted.replace('_', ' ').title()} in Server Settings → Safety Setup → "
                                 "Verification Level")


@check(RULES_CHANNEL_DIFFERS, needs="rules_channel")
def rules_channel_is_the_maps(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    named = str(setting(channel_map, "rules_channel")).lstrip("#")
    entry = channel_map.channel(named)
    wanted = named if rules.is_snowflake(named) else (
        entry.id if entry is not None and entry.has_id else
        next((c["id"] for c in state.channels if c["type"] != rules.CATEGORY_TYPE
              and rules.same_channel_name(c["name"], named, "prompt")), None))
    actual = state.setup.guild.get("rules_channel_id")
    if actual is None and "rules_channel_id" not in state.setup.guild:
        return  # the server did not say
    if wanted is not None and str(actual) == wanted:
        return
    current = state.channel(str(actual)) if actual else None
    now = shown(channel_map, state, current) if current else ("none" if not actual else f"channel {actual}")
    meant = f"#{rules.normalize_channel_name(named)}" if not rules.is_snowflake(named) else f"channel {named}"
    yield RULES_CHANNEL_DIFFERS(f"the server's rules channel is {now}, and the map names {meant}",
                                str(channel_map.path), entry.line if entry is not None else None)


def _automod_unknown(channel_map: ChannelMap, state: ServerState) -> str | None:
    if channel_map.server.setup.automod is None:
        return "the map has no `server.automod`"
    if state.setup.automod is None:
        return "the bot cannot read the AutoMod rules: give it Manage Server"
    return None


@check(AUTOMOD_RULE_MISSING, skip=_automod_unknown)
def automod_rules_are_on(channel_map: ChannelMap, state: ServerState) -> Iterator[Finding]:
    """Each rule the map has on is on the server: matched by id, else by name, as `plan` matches it."""
    for rule, found in matched_rules(channel_map.server.setup.automod or [], state.setup.automod or []):
        if not rule.enabled or (found is not None and found.get("enabled", True)):
            continue
        where = "is not on the server" if found is None else "is turned off on the server"
        yield AUTOMOD_RULE_MISSING(f"the map's AutoMod rule \"{rule.name}\" {where}", str(channel_map.path),
                                   rule.line or None)
