"""The server's last known state as a committed file: what `plan` reads of a server, nothing more.

`apply` and `pull` write it after reading the server; `plan --offline` plans against it (no
token, no network), and a live `plan` compares the server with it. It is stable and
diff-friendly: keys sorted, ids as strings, lists sorted by id, two spaces of indent, one
trailing newline, and nothing that changes from run to run (no time, no command name).

The repository may be public, so the file holds what the channel map already publishes and no
more: no token, no webhook, no member (the only member overwrite kept is the bot's: plan never
reads another), and a private channel or category that the map does not list keeps its id,
kind, place and permissions but not its name or topic (`null`). Plans then call it
`WITHHELD_CHANNEL`.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

from handbook.channelmap import rules
from handbook.channelmap.model import ChannelMap
from handbook.discord.server_state import SetupState
from handbook.discord.state import ServerState
from handbook.errors import HandbookError

FORMAT = 1
ABOUT = ("The Discord server as the last `handbook discord apply` or `pull` read it, for `handbook discord plan "
         "--offline`. Written by handbook: do not edit by hand.")
CHANNEL_FIELDS = ("id", "name", "type", "position", "parent_id", "topic", "permission_overwrites")
"""What plan reads of a channel (the API's channel object has more)."""
ROLE_FIELDS = ("id", "name", "permissions", "position", "managed")
GUILD_SETTINGS = ("verification_level", "explicit_content_filter", "default_message_notifications", "mfa_level",
                  "rules_channel_id", "public_updates_channel_id", "safety_alerts_channel_id", "system_channel_id",
                  "system_channel_flags")
"""What plan and audit read of the guild object: its safety settings and special channels (never the
owner, the icon or the member counts)."""
AUTOMOD_FIELDS = ("id", "name", "event_type", "trigger_type", "trigger_metadata", "actions", "enabled",
                  "exempt_roles", "exempt_channels")
"""What plan reads of an AutoMod rule (never `creator_id`: member data)."""
ONBOARDING_FIELDS = ("prompts", "default_channel_ids", "enabled", "mode")
WELCOME_FIELDS = ("description", "welcome_channels")


def _setup_record(setup: SetupState) -> dict:
    """The server's settings, onboarding, welcome screen and AutoMod rules as plan reads them;
    a part the bot could not read stays `null`."""
    def pick(record: dict | None, keys: tuple[str, ...]) -> dict | None:
        return None if record is None else {key: record.get(key) for key in keys if key in record}

    return {"settings": pick(setup.guild, (*GUILD_SETTINGS, "features")),
            "onboarding": pick(setup.onboarding, ONBOARDING_FIELDS),
            "welcome_screen": pick(setup.welcome, WELCOME_FIELDS),
            "automod_rules": None if setup.automod is None else _by_id([pick(r, AUTOMOD_FIELDS) or {}
                                                                       for r in setup.automod])}


def _setup_from(record: dict) -> SetupState:
    return SetupState(guild=dict(record.get("settings") or {}), onboarding=record.get("onboarding"),
                      welcome=record.get("welcome_screen"), automod=record.get("automod_rules"))
WITHHELD_CHANNEL = "(a private channel the map does not list)"
WITHHELD_CATEGORY = "(a private category the map does not list)"
FIX = "run `handbook discord pull` (with the bot's token) to read the server and write the file again"


class RecordedStateError(HandbookError):
    """The state file is missing, unreadable, from another server or in another format."""

    def __init__(self, message: str, *, file: str, line: int | None = None) -> None:
        super().__init__(message, file=file, line=line, fix=FIX)


# --- what the map publishes ----------------------------------------------------------------------


def is_private(channel: dict, state: ServerState) -> bool:
    """Whether `@everyone` may not view `channel`: denied on it, or on its category and not allowed back."""
    overwrites = channel.get("permission_overwrites") or []
    if rules.is_private_overwrites(overwrites, state.guild_id):
        return True
    parent = state.channel(channel.get("parent_id"))
    if parent is None or not rules.is_private_overwrites(parent.get("permission_overwrites") or [], state.guild_id):
        return False
    everyone = next((o for o in overwrites if str(o.get("id")) == state.guild_id), None)
    return not (everyone and int(everyone.get("allow") or 0) & rules.VIEW_CHANNEL)


def listed_by_map(channel: dict, channel_map: ChannelMap | None) -> bool:
    """Whether the map names `channel`, by id or by name: then its name is published already."""
    if channel_map is None:
        return False
    if channel["type"] == rules.CATEGORY_TYPE:
        return any(cat.id == channel["id"] or cat.name.casefold() == str(channel["name"]).casefold()
                   for cat in channel_map.discord_categories)
    return any(entry.id == channel["id"] or rules.same_channel_name(str(channel["name"]), entry.name, entry.kind)
               for entry in channel_map.channels())


def withheld_ids(state: ServerState, channel_map: ChannelMap | None) -> set[str]:
    """The private channels and categories whose names the map does not publish."""
    return {c["id"] for c in state.channels if is_private(c, state) and not listed_by_map(c, channel_map)}


def redacted(state: ServerState, channel_map: ChannelMap | None) -> ServerState:
    """`state` with the names and topics of `withheld_ids` replaced, for output anyone may read."""
    hidden = withheld_ids(state, channel_map)
    channels = [_withhold(c) if c["id"] in hidden else c for c in state.channels]
    return dataclasses.replace(state, channels=channels)  # every other part as it is


def _withhold(channel: dict) -> dict:
    name = WITHHELD_CATEGORY if channel["type"] == rules.CATEGORY_TYPE else WITHHELD_CHANNEL
    return {**channel, "name": name, "topic": None}


# --- writing ---------------------------------------------------------------------------------------


def _by_id(items: list[dict]) -> list[dict]:
    return sorted(items, key=lambda item: int(item["id"]) if str(item["id"]).isdigit() else 0)


def _channel_record(channel: dict, state: ServerState, withheld: bool) -> dict:
    record: dict[str, Any] = {key: channel.get(key) for key in CHANNEL_FIELDS}
    record["id"] = str(channel["id"])
    record["parent_id"] = str(channel["parent_id"]) if channel.get("parent_id") else None
    record["position"] = int(channel.get("position") or 0)
    record["type"] = int(channel["type"])
    # Only @everyone, roles and the bot: another member's overwrite is member data plan never reads.
    record["permission_overwrites"] = _by_id([
        {"id": str(o["id"]), "type": int(o.get("type", 0)), "allow": str(o.get("allow") or "0"),
         "deny": str(o.get("deny") or "0")}
        for o in channel.get("permission_overwrites") or []
        if int(o.get("type", 0)) == rules.ROLE_OVERWRITE or str(o["id"]) == state.bot_user_id])
    if withheld:
        record["name"] = record["topic"] = None
    return record


def state_document(state: ServerState, channel_map: ChannelMap | None) -> dict:
    """The file's content for `state`, with what the map does not publish left out."""
    withheld = withheld_ids(state, channel_map)
    roles = [{key: role.get(key) for key in ROLE_FIELDS} for role in state.roles]
    for role in roles:
        role.update(id=str(role["id"]), permissions=str(role.get("permissions") or "0"),
                    position=int(role.get("position") or 0), managed=bool(role.get("managed")))
    return {
        "about": ABOUT,
        "format": FORMAT,
        "guild": {"id": state.guild_id, "name": state.guild_name, "features": sorted(state.features),
                  "protected_channel_ids": sorted(state.protected, key=int)},
        "server": _setup_record(state.setup),
        "bot": {"user_id": state.bot_user_id, "role_ids": sorted(state.bot_roles, key=int)},
        "roles": _by_id(roles),
        "channels": _by_id([_channel_record(c, state, c["id"] in withheld) for c in state.channels]),
        "hidden_channel_ids": sorted(state.hidden, key=int),
        "deleted_channel_ids": sorted(state.deleted, key=int),
    }


def state_text(state: ServerState, channel_map: ChannelMap | None) -> str:
    return json.dumps(state_document(state, channel_map), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def write_state(path: Path, state: ServerState, channel_map: ChannelMap | None) -> bool:
    """Write the file atomically when its text changes; whether it did."""
    from handbook.files import read_text, write_atomic

    text = state_text(state, channel_map)
    if path.is_file() and read_text(path) == text:
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, text)
    return True


# --- reading ---------------------------------------------------------------------------------------


def read_document(path: Path, shown: str) -> dict:
    """The file's JSON, checked for the shape `write_state` gives it."""
    from handbook.files import read_text

    if not path.exists():
        raise RecordedStateError("no recorded server state here (`apply` and `pull` write it)", file=shown)
    try:
        document = json.loads(read_text(path, shown))
    except json.JSONDecodeError as err:
        raise RecordedStateError(f"is not valid JSON ({err.msg})", file=shown, line=err.lineno) from None
    except HandbookError as err:
        raise RecordedStateError(err.message, file=shown, line=err.line) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        raise RecordedStateError(f"is not a server state file of format {FORMAT} (format: {found!r})", file=shown)
    problem = _shape_problem(document)
    if problem:
        raise RecordedStateError(f"is damaged: {problem}", file=shown)
    return document


def _shape_problem(document: dict) -> str | None:
    guild, bot = document.get("guild"), document.get("bot")
    if not isinstance(guild, dict) or not rules.is_snowflake(guild.get("id")):
        return "`guild.id` is not a server id"
    server = document.get("server", {})
    if not isinstance(server, dict) or not all(isinstance(server.get(key) or {}, dict)
                                               for key in ("settings", "onboarding", "welcome_screen")):
        return "`server` is not a mapping of mappings"
    if not isinstance(server.get("automod_rules") or [], list):
        return "`server.automod_rules` is not a list"
    if not isinstance(bot, dict) or not isinstance(bot.get("role_ids"), list):
        return "`bot.role_ids` is not a list"
    for key in ("roles", "channels", "hidden_channel_ids", "deleted_channel_ids"):
        if not isinstance(document.get(key), list):
            return f"`{key}` is not a list"
    for index, role in enumerate(document["roles"]):
        if not isinstance(role, dict) or not rules.is_snowflake(role.get("id")) or not isinstance(role.get("name"), str):
            return f"`roles[{index}]` has no id or name"
    for index, channel in enumerate(document["channels"]):
        if (not isinstance(channel, dict) or not rules.is_snowflake(channel.get("id"))
                or not isinstance(channel.get("type"), int) or not isinstance(channel.get("position"), int)
                or not isinstance(channel.get("permission_overwrites"), list)
                or not isinstance(channel.get("name"), (str, type(None)))):
            return f"`channels[{index}]` lacks an id, name, type, position or permission_overwrites"
    return None


def state_from_document(document: dict) -> ServerState:
    """The `ServerState` plan needs, from a checked document; withheld names get their placeholder."""
    channels = []
    for record in document["channels"]:
        channel = dict(record)
        if channel.get("name") is None:
            channel = _withhold(channel)
        channels.append(channel)
    guild, bot = document["guild"], document["bot"]
    return ServerState(guild_id=guild["id"], guild_name=guild.get("name"), channels=channels,
                       roles=[dict(r) for r in document["roles"]], bot_user_id=bot.get("user_id"),
                       protected=set(guild.get("protected_channel_ids") or []),
                       bot_roles=[str(r) for r in bot["role_ids"]], hidden=set(document["hidden_channel_ids"]),
                       deleted=set(document["deleted_channel_ids"]),
                       features=[str(f) for f in guild.get("features") or []],
                       setup=_setup_from(document.get("server") or {}))


def load_state(path: Path, shown: str, guild_id: str | None = None) -> ServerState:
    """The recorded state at `path`; with `guild_id`, it must be that server's."""
    document = read_document(path, shown)
    if guild_id and document["guild"]["id"] != guild_id:
        raise RecordedStateError(f"records server {document['guild']['id']}, but the map is for server {guild_id}",
                                 file=shown)
    return state_from_document(document)
