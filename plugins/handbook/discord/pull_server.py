"""Merge the server's own configuration into the map's `server:` section. Pure: no I/O.

The settings, onboarding, welcome screen and AutoMod rules are copied in words and names of the
map (`verification_level: medium`, `rules_channel: rules`). Only what the server has besides
Discord's defaults is copied: a default there means "not set up yet", so the map's wish stays (a
map key `verification_level: medium` is not pulled back to `none`); a key already written the way the server
has it is left as written, shorthands and comments included (`trigger: spam`, `actions: [block]`);
only what differs changes. AutoMod rules are matched by id, then by name, and get their ids like
channels do. A rule or channel the map cannot name (not in the map, not visible) is left out and
said so.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from handbook.channelmap import rules
from handbook.channelmap import server_model as sm
from handbook.discord.operations import Recorded
from handbook.discord.state import ServerState

Say = Callable[[str], None]


def _flow(items: list) -> CommentedSeq:
    seq = CommentedSeq(items)
    seq.fa.set_flow_style()
    return seq


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, str) else value


class _Names:
    """Server ids → the names the map uses."""

    def __init__(self, document: CommentedMap, state: ServerState) -> None:
        self.channels: dict[str, str] = {c["id"]: c["name"] for c in state.channels}
        for cat in document.get("discord_categories") or []:
            for node in (cat.get("channels") or []) if isinstance(cat, dict) else []:
                if isinstance(node, dict) and node.get("id"):
                    self.channels[str(node["id"])] = str(node.get("name"))
        self.roles: dict[str, str] = {r["id"]: r["name"] for r in state.roles if r["id"] != state.guild_id}
        for node in document.get("roles") or []:
            if isinstance(node, dict) and node.get("id"):
                self.roles[str(node["id"])] = str(node.get("name"))
        self.left_out: list[str] = []

    def channel(self, channel_id: Any) -> str | None:
        name = self.channels.get(str(channel_id)) if channel_id else None
        if channel_id and name is None:
            self.left_out.append(f"channel {channel_id}")
        return name

    def channel_list(self, ids: Any) -> list[str]:
        return [n for n in (self.channel(i) for i in ids or []) if n]

    def role_list(self, ids: Any) -> list[str]:
        return [self.roles[str(i)] for i in ids or [] if str(i) in self.roles]


def _server_node(document: CommentedMap) -> CommentedMap:
    server = document.get("server")
    if not isinstance(server, CommentedMap):
        server = CommentedMap()
        document.insert(0, "server", server)
    return server


def _put(node: CommentedMap, key: str, value: Any, say: Say, what: str) -> None:
    """Set `node[key]` when what it says differs from `value` (compared as plain data)."""
    if key in node and _plain(node[key]) == _plain(value):
        return
    had = key in node
    node[key] = value
    say(f"{what}: {key} {'updated' if had else 'set'}")


def merge_setup(document: CommentedMap, state: ServerState, say: Say) -> None:
    """Copy the server's settings, onboarding, welcome screen and AutoMod rules into `document`."""
    names = _Names(document, state)
    setup = state.setup
    server = document.get("server") if isinstance(document.get("server"), CommentedMap) else None
    has = set(server or {})
    settings = _settings(setup.guild, names)
    if settings and (not all(_is_default(v) for v in settings.values()) or "settings" in has):
        node = _server_node(document)
        if not isinstance(node.get("settings"), CommentedMap):
            node["settings"] = CommentedMap()
        for key, value in settings.items():
            if key == "mfa_required_for_moderation" and key in node["settings"]:
                continue  # a promise only the owner can keep: never pulled over (`plan` says who must set it)
            if not _is_default(value):  # Discord's default on the server is "not set up yet": the map's wish stays
                _put(node["settings"], key, value, say, "server.settings")
    if setup.onboarding is not None:
        wanted = _onboarding(setup.onboarding, names)
        if wanted["enabled"] or wanted["prompts"]:  # none on the server: the map's section stays as written
            _section(_server_node(document), "onboarding", wanted, say)
    if setup.welcome is not None:
        wanted = _welcome(setup.welcome, "WELCOME_SCREEN_ENABLED" in (setup.guild.get("features") or []), names)
        if wanted["enabled"] or wanted["channels"] or wanted.get("description"):
            _section(_server_node(document), "welcome_screen", wanted, say)
    if setup.automod is not None and (setup.automod or "automod" in has):
        _automod(_server_node(document), setup.automod, names, say)
    if names.left_out:
        say(f"server: left out {len(set(names.left_out))} channel(s) the map does not list "
            f"({', '.join(sorted(set(names.left_out))[:3])}): add them with `handbook discord pull` once visible")


def _settings(guild: dict, names: _Names) -> dict[str, Any]:
    if not guild:
        return {}
    out: dict[str, Any] = {}
    tables = {"verification_level": sm.VERIFICATION_LEVELS, "explicit_content_filter": sm.CONTENT_FILTERS,
              "default_message_notifications": sm.NOTIFICATIONS}
    for key, table in tables.items():
        value = guild.get(key)
        if isinstance(value, int) and 0 <= value < len(table):
            out[key] = table[value]
    if "mfa_level" in guild:
        out["mfa_required_for_moderation"] = guild.get("mfa_level") == 1
    out["community"] = sm.COMMUNITY_FEATURE in (guild.get("features") or [])
    for key in sm.SETTING_CHANNELS:
        name = names.channel(guild.get(f"{key}_id"))
        if name:
            out[key] = name
    flags = int(guild.get("system_channel_flags") or 0)
    out["system_channel_flags"] = _flow([f for f, bit in sm.SYSTEM_CHANNEL_FLAGS.items() if flags & bit])
    return out


def _is_default(value: Any) -> bool:
    """Discord's default for a setting (level none, no filter, all messages, off, no flags)."""
    return value in ("none", "disabled", "all_messages", False) or value == []


def _onboarding(onboarding: dict, names: _Names) -> dict:
    prompts = []
    for prompt in onboarding.get("prompts") or []:
        kind = "dropdown" if prompt.get("type") == 1 else "single" if prompt.get("single_select") else "multiple"
        options = []
        for option in prompt.get("options") or []:
            item: dict[str, Any] = {"title": option.get("title")}
            if option.get("description"):
                item["description"] = option["description"]
            channels, roles = names.channel_list(option.get("channel_ids")), names.role_list(option.get("role_ids"))
            if channels:
                item["channels"] = _flow(channels)
            if roles:
                item["roles"] = _flow(roles)
            emoji = option.get("emoji_name") or (option.get("emoji") or {}).get("name")
            if emoji:
                item["emoji"] = emoji
            options.append(CommentedMap(item))
        body: dict[str, Any] = {"title": prompt.get("title"), "type": kind}
        if prompt.get("required"):
            body["required"] = True
        if not prompt.get("in_onboarding", True):
            body["in_onboarding"] = False
        body["options"] = CommentedSeq(options)
        prompts.append(CommentedMap(body))
    return {"enabled": bool(onboarding.get("enabled")), "mode": sm.ONBOARDING_MODES[1 if onboarding.get("mode") == 1 else 0],
            "default_channels": _flow(names.channel_list(onboarding.get("default_channel_ids"))),
            "prompts": CommentedSeq(prompts)}


def _welcome(screen: dict, enabled: bool, names: _Names) -> dict:
    channels = []
    for item in screen.get("welcome_channels") or []:
        name = names.channel(item.get("channel_id"))
        if name:
            entry: dict[str, Any] = {"channel": name, "description": item.get("description")}
            if item.get("emoji_name"):
                entry["emoji"] = item["emoji_name"]
            channels.append(CommentedMap(entry))
    out: dict[str, Any] = {"enabled": enabled}
    if screen.get("description"):
        out["description"] = screen["description"]
    out["channels"] = CommentedSeq(channels)
    return out


def _section(server: CommentedMap, key: str, wanted: dict, say: Say) -> None:
    if not isinstance(server.get(key), CommentedMap):
        server[key] = CommentedMap()
        say(f"server.{key}: added")
    node = server[key]
    for name, value in wanted.items():
        if _canonical(key, name, node.get(name)) != _canonical(key, name, value):
            had = name in node
            node[name] = value
            say(f"server.{key}: {name} {'updated' if had else 'set'}")


def _canonical(section: str, key: str, value: Any) -> Any:
    """What a value means, so that a value written by hand another way is kept (`type` defaults,
    empty lists, `enabled` left out)."""
    plain = _plain(value)
    if key == "prompts":
        return [{**{"type": "multiple", "required": False, "in_onboarding": True}, **p,
                 "options": [{k: v for k, v in o.items() if v not in (None, [], "")} for o in p.get("options") or []]}
                for p in plain or []]
    if key == "channels":
        return [{k: v for k, v in c.items() if v not in (None, "")} for c in plain or []]
    if key == "enabled":
        return True if plain is None else plain
    if key == "mode":
        return plain or "default"
    return plain or None if isinstance(plain, (list, str)) or plain is None else plain


# --- AutoMod -----------------------------------------------------------------------------------


def _rule_node(rule: dict, names: _Names) -> CommentedMap:
    kind = sm.TRIGGER_OF_TYPE.get(int(rule.get("trigger_type") or 0), "keywords")
    meta = rule.get("trigger_metadata") or {}
    body: dict[str, Any] = {}
    if kind in ("keywords", "member_profile"):
        body = {"keywords": meta.get("keyword_filter"), "regex": meta.get("regex_patterns"), "allow": meta.get("allow_list")}
    elif kind == "keyword_preset":
        presets = {number: word for word, number in sm.PRESETS.items()}
        body = {"presets": [presets[p] for p in meta.get("presets") or [] if p in presets], "allow": meta.get("allow_list")}
    elif kind == "mention_spam":
        body = {"limit": meta.get("mention_total_limit"), "raid_protection": meta.get("mention_raid_protection_enabled")}
    trigger_body = CommentedMap((k, _flow(v) if isinstance(v, list) else v) for k, v in body.items() if v)
    actions: list[Any] = []
    for action in rule.get("actions") or []:
        data = action.get("metadata") or {}
        if action.get("type") in (sm.BLOCK_MESSAGE, sm.BLOCK_MEMBER_INTERACTION):
            actions.append(CommentedMap([("block", CommentedMap([("message", data["custom_message"])]))])
                           if data.get("custom_message") else "block")
        elif action.get("type") == sm.SEND_ALERT and names.channel(data.get("channel_id")):
            actions.append(CommentedMap([("alert", CommentedMap([("channel", names.channel(data.get("channel_id")))]))]))
        elif action.get("type") == sm.TIMEOUT:
            actions.append(CommentedMap([("timeout", CommentedMap([("duration", data.get("duration_seconds"))]))]))
    node = CommentedMap([("name", rule.get("name")), ("id", DoubleQuotedScalarString(rule["id"]))])
    if not rule.get("enabled", True):
        node["enabled"] = False
    node["trigger"] = CommentedMap([(kind, trigger_body or None)]) if trigger_body else kind
    node["actions"] = CommentedSeq(actions)
    roles, channels = names.role_list(rule.get("exempt_roles")), names.channel_list(rule.get("exempt_channels"))
    if roles:
        node["exempt_roles"] = _flow(roles)
    if channels:
        node["exempt_channels"] = _flow(channels)
    return node


def _rule_meaning(node: Any) -> Any:
    """A rule as plain data in one canonical form: shorthands and defaults spelled out."""
    plain = _plain(node)
    if not isinstance(plain, dict):
        return plain
    trigger = plain.get("trigger")
    if isinstance(trigger, str):
        trigger = {trigger: {}}
    trigger = {k: {kk: vv for kk, vv in (v or {}).items() if vv not in (None, [], False)} if isinstance(v, dict) else {}
               for k, v in (trigger or {}).items()}
    actions = []
    for action in plain.get("actions") or []:
        if isinstance(action, str):
            action = {action: {}}
        kind, data = next(iter(action.items())) if action else ("", {})
        data = dict(data or {})
        if "duration" in data:
            data["duration"] = sm.parse_duration(data["duration"])
        actions.append({kind: data})
    return {"name": plain.get("name"), "enabled": plain.get("enabled", True) is not False, "trigger": trigger,
            "actions": actions, "exempt_roles": sorted(plain.get("exempt_roles") or []),
            "exempt_channels": sorted(plain.get("exempt_channels") or [])}


def _automod(server: CommentedMap, server_rules: list[dict], names: _Names, say: Say) -> None:
    if not isinstance(server.get("automod"), list):
        server["automod"] = CommentedSeq()
        say("server.automod: added")
    seq = server["automod"]
    nodes = [n for n in seq if isinstance(n, CommentedMap)]
    claimed: set[int] = set()
    for rule in server_rules:
        node = next((n for n in nodes if str(n.get("id") or "") == rule["id"]), None) \
            or next((n for n in nodes if id(n) not in claimed and n.get("name") == rule.get("name")
                     and rules.is_unset_id(n.get("id"))), None)
        wanted = _rule_node(rule, names)
        what = f"AutoMod rule \"{rule.get('name')}\""
        if node is None:
            seq.append(wanted)
            say(f"{what}: added")
            continue
        claimed.add(id(node))
        if str(node.get("id") or "") != rule["id"]:
            _put_after(node, "id", DoubleQuotedScalarString(rule["id"]), "name")
            say(f"{what}: id {rule['id']}")
        have, want = _rule_meaning(node), _rule_meaning(wanted)
        for key in ("name", "trigger", "actions", "exempt_roles", "exempt_channels"):
            if have[key] != want[key]:
                if key in wanted:
                    node[key] = wanted[key]
                elif key in node:
                    del node[key]
                say(f"{what}: {key.replace('_', ' ')} updated")
        if have["enabled"] != want["enabled"]:
            node["enabled"] = want["enabled"]
            say(f"{what}: enabled {'on' if want['enabled'] else 'off'}")


def _put_after(node: CommentedMap, key: str, value: Any, after: str) -> None:
    if key in node or after not in node:
        node[key] = value
    else:
        node.insert(list(node).index(after) + 1, key, value)


def record_automod_id(document: Any, item: Recorded) -> int:
    """Write the id of an AutoMod rule `apply` created (or matched by name) into its map entry."""
    server = document.get("server") if isinstance(document, dict) else None
    for node in (server or {}).get("automod") or []:
        if isinstance(node, CommentedMap) and node.get("name") == item.map_name \
                and (rules.is_unset_id(node.get("id")) or str(node.get("id")) == str(item.old_id)):
            if str(node.get("id") or "") == item.id:
                return 0
            _put_after(node, "id", DoubleQuotedScalarString(item.id), "name")
            return 1
    return 0
