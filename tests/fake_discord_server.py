"""The fake Discord's server-wide endpoints: guild settings, onboarding, welcome screen, AutoMod.

Written from Discord's API reference, independently of the package's code:

- `GET`/`PATCH /guilds/{id}` (https://discord.com/developers/docs/resources/guild#modify-guild):
  MANAGE_GUILD; verification level 0-4, explicit content filter 0-2, default notifications 0-1,
  the rules, public updates, safety alerts and system channels by id, system channel flags.
  `mfa_level` is read-only here (only the owner changes it, through `POST /guilds/{id}/mfa`).
  Adding or removing the COMMUNITY feature needs ADMINISTRATOR, and without a rules and a public
  updates channel Discord answers a misleading 403 "This feature has been temporarily disabled"
  (code 40006; discord-api-docs issue #6015).
- `GET`/`PUT /guilds/{id}/onboarding`
  (https://discord.com/developers/docs/resources/guild#modify-guild-onboarding): MANAGE_GUILD and
  MANAGE_ROLES to write; channels and roles must exist.
- `GET`/`PATCH /guilds/{id}/welcome-screen`
  (https://discord.com/developers/docs/resources/guild#modify-guild-welcome-screen): MANAGE_GUILD;
  at most 5 channels, a description of at most 140 characters, channel descriptions of 1 to 50.
- `/guilds/{id}/auto-moderation/rules[/{rule}]`
  (https://discord.com/developers/docs/resources/auto-moderation): MANAGE_GUILD; 6 keyword rules
  and one of each other trigger; keyword, regex, allow-list, mention and exemption limits; a
  timeout only on keyword and mention-spam rules, at most 4 weeks, and it needs MODERATE_MEMBERS.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fake_discord import FakeDiscord

MANAGE_GUILD, MODERATE_MEMBERS, ADMIN, MANAGE_ROLES = 1 << 5, 1 << 40, 1 << 3, 1 << 28
WELCOME_FEATURE = "WELCOME_SCREEN_ENABLED"
KEYWORD, SPAM, PRESET, MENTION, PROFILE = 1, 3, 4, 5, 6
SETTINGS_RANGES = {"verification_level": 4, "explicit_content_filter": 2, "default_message_notifications": 1}
CHANNEL_FIELDS = ("rules_channel_id", "public_updates_channel_id", "safety_alerts_channel_id", "system_channel_id")


@dataclass
class FakeSetup:
    verification_level: int = 0
    explicit_content_filter: int = 0
    default_message_notifications: int = 0
    mfa_level: int = 0
    public_updates_channel_id: str | None = None
    safety_alerts_channel_id: str | None = None
    system_channel_id: str | None = None
    system_channel_flags: int = 0
    onboarding: dict = field(default_factory=lambda: {"prompts": [], "default_channel_ids": [], "enabled": False,
                                                      "mode": 0})
    welcome: dict = field(default_factory=lambda: {"description": None, "welcome_channels": []})
    automod: dict[str, dict] = field(default_factory=dict)


def _error(message: str, field_name: str = "body") -> Exception:
    from fake_discord import ApiError

    return ApiError(400, 50035, "Invalid Form Body", {field_name: {"_errors": [{"code": "INVALID", "message": message}]}})


def _forbidden(code: int = 50013, message: str = "Missing Permissions") -> Exception:
    from fake_discord import ApiError

    return ApiError(403, code, message)


def guild_object(fake: FakeDiscord) -> dict:
    s = fake.setup
    return {"id": fake.guild_id, "name": fake.guild_name, "features": list(fake.features),
            "verification_level": s.verification_level, "explicit_content_filter": s.explicit_content_filter,
            "default_message_notifications": s.default_message_notifications, "mfa_level": s.mfa_level,
            "rules_channel_id": fake.rules_channel_id, "public_updates_channel_id": s.public_updates_channel_id,
            "safety_alerts_channel_id": s.safety_alerts_channel_id, "system_channel_id": s.system_channel_id,
            "system_channel_flags": s.system_channel_flags}


def route_server(fake: FakeDiscord, method: str, path: str, body: Any) -> tuple[int, Any] | None:
    """The answer to a server-wide request, or None when the path is not one of these."""
    g = fake.guild_id
    if path == f"/guilds/{g}":
        if method == "GET":
            return 200, guild_object(fake)
        if method == "PATCH":
            fake._need(MANAGE_GUILD)
            _modify_guild(fake, body or {})
            return 200, guild_object(fake)
    if path == f"/guilds/{g}/onboarding":
        if method == "GET":
            return 200, {"guild_id": g, **fake.setup.onboarding}
        if method == "PUT":
            fake._need(MANAGE_GUILD)
            fake._need(MANAGE_ROLES)
            fake.setup.onboarding = _onboarding(fake, body or {})
            return 200, {"guild_id": g, **fake.setup.onboarding}
    if path == f"/guilds/{g}/welcome-screen":
        if method == "GET":
            if WELCOME_FEATURE not in fake.features:
                fake._need(MANAGE_GUILD)
            return 200, dict(fake.setup.welcome)
        if method == "PATCH":
            fake._need(MANAGE_GUILD)
            _welcome(fake, body or {})
            return 200, dict(fake.setup.welcome)
    m = re.fullmatch(rf"/guilds/{g}/auto-moderation/rules(?:/(\d+))?", path)
    if m:
        fake._need(MANAGE_GUILD)
        rules = fake.setup.automod
        if m.group(1) is None:
            if method == "GET":
                return 200, list(rules.values())
            if method == "POST":
                rule = _automod(fake, {"guild_id": g, "id": fake.new_id(), "creator_id": fake.bot_user_id,
                                       "enabled": False, "exempt_roles": [], "exempt_channels": [],
                                       "trigger_metadata": {}, **(body or {})}, None)
                rules[rule["id"]] = rule
                return 200, rule
        else:
            from fake_discord import ApiError

            old = rules.get(m.group(1))
            if old is None:
                raise ApiError(404, 10066, "Unknown auto moderation rule")
            if method == "GET":
                return 200, old
            if method == "PATCH":
                if "trigger_type" in (body or {}) and body["trigger_type"] != old["trigger_type"]:
                    raise _error("a rule's trigger type cannot change", "trigger_type")
                rules[old["id"]] = _automod(fake, {**old, **(body or {})}, old["id"])
                return 200, rules[old["id"]]
            if method == "DELETE":
                del rules[old["id"]]
                return 204, None
    return None


def _text_channel(fake: FakeDiscord, channel_id: Any, field_name: str) -> str | None:
    if channel_id is None:
        return None
    channel = fake.channels.get(str(channel_id))
    if channel is None or channel["type"] not in (0, 5):
        raise _error("not a text channel of this server", field_name)
    return channel["id"]


def _modify_guild(fake: FakeDiscord, body: dict) -> None:
    s = fake.setup
    for key, top in SETTINGS_RANGES.items():
        if key in body and (not isinstance(body[key], int) or not 0 <= body[key] <= top):
            raise _error(f"must be 0 to {top}", key)
    channels = {key: _text_channel(fake, body[key], key) for key in CHANNEL_FIELDS if key in body}
    rules_id = channels.get("rules_channel_id", fake.rules_channel_id)
    updates_id = channels.get("public_updates_channel_id", s.public_updates_channel_id)
    if "features" in body:
        wanted = [str(f) for f in body["features"]]
        if ("COMMUNITY" in wanted) != ("COMMUNITY" in fake.features):
            if not fake.base_permissions() & ADMIN:
                raise _forbidden()
            if "COMMUNITY" in wanted and not (rules_id and updates_id):
                raise _forbidden(40006, "This feature has been temporarily disabled")
    for key, value in body.items():
        if key in SETTINGS_RANGES:
            setattr(s, key, value)
        elif key == "system_channel_flags":
            s.system_channel_flags = int(value)
    if "rules_channel_id" in channels:
        fake.rules_channel_id = channels["rules_channel_id"]
    for key in ("public_updates_channel_id", "safety_alerts_channel_id", "system_channel_id"):
        if key in channels:
            setattr(s, key, channels[key])
    if "features" in body:
        keep = [f for f in fake.features if f not in ("COMMUNITY", "NEWS")]
        if "COMMUNITY" in body["features"]:
            keep += ["COMMUNITY", "NEWS"]  # a Community server gets announcement channels
        fake.features[:] = keep


def _ids_exist(fake: FakeDiscord, ids: list, pool: dict, field_name: str) -> list[str]:
    out = [str(i) for i in ids or []]
    if any(i not in pool for i in out):
        raise _error("unknown id", field_name)
    return out


def _onboarding(fake: FakeDiscord, body: dict) -> dict:
    old = fake.setup.onboarding
    prompts = []
    for prompt in body.get("prompts", old["prompts"]) or []:
        if prompt.get("type", 0) not in (0, 1) or not prompt.get("title"):
            raise _error("a prompt needs a title and type 0 or 1", "prompts")
        options = []
        for option in prompt.get("options") or []:
            if not option.get("title"):
                raise _error("an option needs a title", "prompts.options")
            options.append({"id": str(option.get("id") or fake.new_id()), "title": option["title"],
                            "description": option.get("description"),
                            "channel_ids": _ids_exist(fake, option.get("channel_ids"), fake.channels, "channel_ids"),
                            "role_ids": _ids_exist(fake, option.get("role_ids"), fake.roles, "role_ids"),
                            "emoji": {"id": None, "name": option.get("emoji_name")} if option.get("emoji_name")
                            else None})
        if not options:
            raise _error("a prompt needs at least one option", "prompts.options")
        prompts.append({"id": str(prompt.get("id") or fake.new_id()), "type": prompt.get("type", 0),
                        "title": prompt["title"], "options": options,
                        "single_select": bool(prompt.get("single_select")), "required": bool(prompt.get("required")),
                        "in_onboarding": bool(prompt.get("in_onboarding", True))})
    mode = body.get("mode", old["mode"])
    if mode not in (0, 1):
        raise _error("mode is 0 or 1", "mode")
    return {"prompts": prompts, "enabled": bool(body.get("enabled", old["enabled"])), "mode": mode,
            "default_channel_ids": _ids_exist(fake, body.get("default_channel_ids", old["default_channel_ids"]),
                                              fake.channels, "default_channel_ids")}


def _welcome(fake: FakeDiscord, body: dict) -> None:
    screen = fake.setup.welcome
    if "description" in body:
        if body["description"] is not None and len(body["description"]) > 140:
            raise _error("at most 140 characters", "description")
        screen["description"] = body["description"]
    if "welcome_channels" in body:
        channels = body["welcome_channels"] or []
        if len(channels) > 5:
            raise _error("at most 5 channels", "welcome_channels")
        out = []
        for item in channels:
            if not 1 <= len(item.get("description") or "") <= 50:
                raise _error("a description of 1 to 50 characters", "welcome_channels.description")
            out.append({"channel_id": _text_channel(fake, item.get("channel_id"), "welcome_channels.channel_id"),
                        "description": item["description"], "emoji_id": None, "emoji_name": item.get("emoji_name")})
        screen["welcome_channels"] = out
    if "enabled" in body:
        features = [f for f in fake.features if f != WELCOME_FEATURE]
        fake.features[:] = features + ([WELCOME_FEATURE] if body["enabled"] else [])


def _automod(fake: FakeDiscord, rule: dict, own_id: str | None) -> dict:
    trigger = rule.get("trigger_type")
    if trigger not in (KEYWORD, SPAM, PRESET, MENTION, PROFILE) or not rule.get("name"):
        raise _error("a rule needs a name and a trigger type of 1, 3, 4, 5 or 6", "trigger_type")
    if rule.get("event_type") != (2 if trigger == PROFILE else 1):
        raise _error("event type 1 for messages, 2 for member profiles", "event_type")
    same = [r for r in fake.setup.automod.values() if r["trigger_type"] == trigger and r["id"] != own_id]
    if len(same) >= (6 if trigger == KEYWORD else 1):
        raise _error("Maximum number of rules of this trigger type reached", "trigger_type")
    meta = rule.get("trigger_metadata") or {}
    limits = [("keyword_filter", 1000, 60), ("regex_patterns", 10, 260),
              ("allow_list", 1000 if trigger == PRESET else 100, 60)]
    for key, most, longest in limits:
        items = meta.get(key) or []
        if len(items) > most or any(len(i) > longest for i in items):
            raise _error(f"at most {most} entries of at most {longest} characters", f"trigger_metadata.{key}")
    if trigger == MENTION and not 0 < int(meta.get("mention_total_limit") or 0) <= 50:
        raise _error("mention_total_limit is 1 to 50", "trigger_metadata.mention_total_limit")
    actions = rule.get("actions") or []
    if not actions:
        raise _error("a rule needs an action", "actions")
    for action in actions:
        kind, data = action.get("type"), action.get("metadata") or {}
        if kind == 3:
            if trigger not in (KEYWORD, MENTION):
                raise _error("a timeout works only on keyword and mention-spam rules", "actions")
            if not 0 < int(data.get("duration_seconds") or 0) <= 2_419_200:
                raise _error("a timeout lasts at most 4 weeks", "actions.metadata.duration_seconds")
            fake._need(MODERATE_MEMBERS)
        elif kind == 2:
            _text_channel(fake, data.get("channel_id"), "actions.metadata.channel_id")
        elif kind == 1:
            if len(data.get("custom_message") or "") > 150:
                raise _error("a custom message has at most 150 characters", "actions.metadata.custom_message")
        elif kind != 4 or trigger != PROFILE:
            raise _error("unknown action type", "actions")
    if len(rule.get("exempt_roles") or []) > 20 or len(rule.get("exempt_channels") or []) > 50:
        raise _error("at most 20 exempt roles and 50 exempt channels", "exempt_roles")
    _ids_exist(fake, rule.get("exempt_roles"), fake.roles, "exempt_roles")
    _ids_exist(fake, rule.get("exempt_channels"), fake.channels, "exempt_channels")
    return rule
