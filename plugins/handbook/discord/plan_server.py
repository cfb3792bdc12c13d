"""Plan the server's own configuration from the map's `server:` section. Pure.

Each difference becomes an operation that says it in plain words ("verification level: low →
medium (members need ...)"). What a bot cannot do is said once, as a note that names who must do
it and where: only the server's owner can require 2FA for moderation (`POST /guilds/{id}/mfa`,
https://discord.com/developers/docs/resources/guild#modify-guild-mfa-level), and only a member
with Administrator can turn on Community, which Discord refuses with a misleading 403 ("This
feature has been temporarily disabled") until the server has a rules and a public updates
channel (https://github.com/discord/discord-api-docs/issues/6015): the plan says so instead of
sending it. AutoMod rules are matched by id, then by name, and kept by id; a rule on the server
that the map does not list is kept. Onboarding and the welcome screen are written whole: the map
is their one source once it has the section.
"""

from __future__ import annotations

from typing import Any

from handbook.channelmap import rules
from handbook.channelmap import server_model as sm
from handbook.channelmap.model import Channel, ChannelMap
from handbook.discord.operations import Recorded, Ref
from handbook.discord.permissions import permissions_for
from handbook.discord.server_operations import (CreateAutoModRule, EnableCommunity, ServerOperation, SetOnboarding,
                                                SetServerSetting, SetWelcomeScreen, UpdateAutoModRule)
from handbook.discord.state import ServerState

LEVELS = (("verification_level", "verification level", sm.VERIFICATION_LEVELS),
          ("explicit_content_filter", "explicit content filter", sm.CONTENT_FILTERS),
          ("default_message_notifications", "default notifications", sm.NOTIFICATIONS))
ALL_FLAGS = sum(sm.SYSTEM_CHANNEL_FLAGS.values())


def plan_server(plan: Any, channel_map: ChannelMap, state: ServerState, order: list, map_roles: dict[str, Ref]) -> None:
    """Add to `plan` what makes the server's configuration match the map; `order` is the channel
    planner's (category, [(channel, ref)]) list, so a channel created in this plan can be named."""
    plan.bot_permissions = permissions_for(channel_map)
    if not channel_map.server.setup.asks:
        return
    refs = {id(channel): ref for _, pairs in order for channel, ref in pairs}
    _ServerPlanner(plan, channel_map, state, refs, map_roles).run()


class _ServerPlanner:
    def __init__(self, plan: Any, channel_map: ChannelMap, state: ServerState, refs: dict[int, Ref],
                 map_roles: dict[str, Ref]) -> None:
        self.plan, self.map, self.state, self.refs, self.map_roles = plan, channel_map, state, refs, map_roles
        self.setup, self.guild = channel_map.server.setup, state.setup.guild

    def run(self) -> None:
        if self.setup.settings:
            self.settings(self.setup.settings)
            self.community(self.setup.settings)
        if self.setup.onboarding:
            self.onboarding(self.setup.onboarding)
        if self.setup.welcome_screen:
            self.welcome(self.setup.welcome_screen)
        if self.setup.automod is not None:
            self.automod(self.setup.automod)

    def add(self, op: ServerOperation) -> None:
        self.plan.operations.append(op)

    # --- names to ids, ids to names ----------------------------------------------------------

    def ref(self, name: str | None) -> Ref | None:
        channel: Channel | None = self.map.channel(name) if name else None
        if channel is None:
            return None
        if id(channel) in self.refs:
            return self.refs[id(channel)]
        return channel.id if channel.id and channel.id in self.state.hidden else None

    def refs_of(self, names: list[str]) -> list[Ref]:
        return [ref for ref in (self.ref(n) for n in names) if ref is not None]

    def roles_of(self, names: list[str]) -> list[Ref]:
        return [self.map_roles[n] for n in names if n in self.map_roles]

    def shown(self, ref: Any) -> str:
        if not ref:
            return "(none)"
        if not isinstance(ref, str):
            return str(ref)  # a channel this plan creates
        channel = self.state.channel(ref)
        entry = next((c for c in self.map.channels() if c.id == ref), None)
        return f"#{(channel or {}).get('name') or (entry.name if entry else ref)}"

    def shown_list(self, refs: list) -> str:
        return ", ".join(self.shown(r) for r in refs) or "(none)"

    # --- settings ------------------------------------------------------------------------------

    def settings(self, settings: sm.ServerSettings) -> None:
        for key, words, table in LEVELS:
            wanted = getattr(settings, key)
            current = self.guild.get(key)
            if wanted is None or current == table.index(wanted):
                continue
            was = table[current] if isinstance(current, int) and 0 <= current < len(table) else "(unknown)"
            meaning = f" ({sm.VERIFICATION_MEANING[wanted]})" if key == "verification_level" else ""
            self.add(SetServerSetting(name=words, from_=was, to=wanted, body={key: table.index(wanted)},
                                      reason="differs from the map", changes=[f"{was} → {wanted}{meaning}"]))
        for key in sm.SETTING_CHANNELS:
            ref = self.ref(settings.channels.get(key))
            current = self.guild.get(f"{key}_id")
            if ref is None or ref == current:
                continue
            words = key.replace("_", " ")
            self.add(SetServerSetting(name=words, from_=self.shown(current), to=self.shown(ref),
                                      body={f"{key}_id": ref}, reason="differs from the map",
                                      changes=[f"{self.shown(current)} → {self.shown(ref)}"]))
        if settings.system_channel_flags is not None:
            current = int(self.guild.get("system_channel_flags") or 0)
            wanted = (current & ~ALL_FLAGS) | sum(sm.SYSTEM_CHANNEL_FLAGS[f] for f in settings.system_channel_flags)
            if wanted != current:
                names = [f for f, bit in sm.SYSTEM_CHANNEL_FLAGS.items() if wanted & bit]
                before = [f for f, bit in sm.SYSTEM_CHANNEL_FLAGS.items() if current & bit]
                self.add(SetServerSetting(name="system channel messages", from_=before, to=names,
                                          body={"system_channel_flags": wanted}, reason="differs from the map",
                                          changes=[f"{', '.join(before) or '(all shown)'} → {', '.join(names) or '(all shown)'}"]))
        self.two_factor(settings)

    def two_factor(self, settings: sm.ServerSettings) -> None:
        if settings.mfa_required_for_moderation is None:
            return
        current = self.guild.get("mfa_level") == 1
        if current == settings.mfa_required_for_moderation:
            return
        if settings.mfa_required_for_moderation:
            self.plan.notes.append(
                "the map requires two-factor authentication for moderation, but the server does not: only the "
                "server's owner can turn it on (with 2FA on their own account), in Server Settings → Safety Setup → "
                "\"Require 2FA for moderator actions\"; a bot can read this setting but never set it, so apply leaves it")
        else:
            self.plan.notes.append(
                "the server requires two-factor authentication for moderation, but the map says "
                "`mfa_required_for_moderation: false`: only the server's owner can change it (Server Settings → "
                "Safety Setup); apply leaves it")

    def community(self, settings: sm.ServerSettings) -> None:
        features = [str(f) for f in self.guild.get("features") or self.state.features]
        has = sm.COMMUNITY_FEATURE in features
        if settings.community is None or settings.community == has:
            return
        if not settings.community:
            self.plan.notes.append("the server is a Community server, but the map says `community: false`: handbook "
                                   "never turns Community off; a member with Administrator can, in Server Settings")
            return
        rules_ref = self.ref(settings.channels.get("rules_channel"))
        updates_ref = self.ref(settings.channels.get("public_updates_channel"))
        if not (rules_ref and updates_ref):
            self.plan.notes.append(
                "the map asks for a Community server, but Discord turns Community on only for a server with a rules "
                "channel and a public updates channel: name them with `rules_channel:` and `public_updates_channel:` "
                "under `server.settings` (without them Discord answers a misleading 403, \"This feature has been "
                "temporarily disabled\"), so apply does not send it")
        elif self.state.bot_permissions() & rules.ADMINISTRATOR:
            self.add(EnableCommunity(name="Community", from_="off", to="on", reason="`community: true` in the map",
                                     body={"features": [*features, sm.COMMUNITY_FEATURE],
                                           "rules_channel_id": rules_ref, "public_updates_channel_id": updates_ref},
                                     changes=[f"rules in {self.shown(rules_ref)}, updates in {self.shown(updates_ref)}"]))
        else:
            self.plan.notes.append(
                "the map asks for a Community server: only a member with Administrator can turn Community on, and the "
                "bot should not hold it. The server's owner turns it on in Server Settings → Enable Community, "
                f"choosing {self.shown(rules_ref)} for rules and {self.shown(updates_ref)} for updates")

    # --- onboarding ----------------------------------------------------------------------------

    def onboarding(self, onboarding: sm.Onboarding) -> None:
        current = self.state.setup.onboarding or {}
        by_title = {p.get("title"): p for p in current.get("prompts") or []}
        prompts = []
        for prompt in onboarding.prompts:
            old = by_title.get(prompt.title) or {}
            old_options = {o.get("title"): o for o in old.get("options") or []}
            options = []
            for option in prompt.options:
                item: dict[str, Any] = {"title": option.title, "description": option.description,
                                        "channel_ids": self.refs_of(option.channels),
                                        "role_ids": self.roles_of(option.roles), "emoji_name": option.emoji}
                if option.title in old_options:
                    item["id"] = old_options[option.title]["id"]
                options.append(item)
            body: dict[str, Any] = {"title": prompt.title, "type": 1 if prompt.type == "dropdown" else 0,
                                    "single_select": prompt.type == "single", "required": prompt.required,
                                    "in_onboarding": prompt.in_onboarding, "options": options}
            if old.get("id"):
                body["id"] = old["id"]
            prompts.append(body)
        wanted = {"prompts": prompts, "default_channel_ids": self.refs_of(onboarding.default_channels),
                  "enabled": onboarding.enabled, "mode": sm.ONBOARDING_MODES.index(onboarding.mode)}
        changes = self.onboarding_changes(current, wanted)
        if changes:
            self.add(SetOnboarding(name="onboarding", body=wanted, changes=changes, reason="differs from the map"))

    def onboarding_changes(self, current: dict, wanted: dict) -> list[str]:
        changes = []
        if bool(current.get("enabled")) != wanted["enabled"]:
            changes.append("turn onboarding " + ("on" if wanted["enabled"] else "off"))
        if int(current.get("mode") or 0) != wanted["mode"]:
            changes.append(f"mode → {sm.ONBOARDING_MODES[wanted['mode']]}")
        old_defaults = [str(i) for i in current.get("default_channel_ids") or []]
        if sorted(old_defaults) != sorted(map(str, wanted["default_channel_ids"])) \
                or any(not isinstance(r, str) for r in wanted["default_channel_ids"]):
            changes.append(f"default channels: {self.shown_list(old_defaults)} → "
                           f"{self.shown_list(wanted['default_channel_ids'])}")
        old = {p.get("title"): _prompt_view(p) for p in current.get("prompts") or []}
        for prompt in wanted["prompts"]:
            answers = ", ".join(o["title"] for o in prompt["options"])
            if prompt["title"] not in old:
                changes.append(f"ask \"{prompt['title']}\" ({len(prompt['options'])} answers: {answers})")
            elif old[prompt["title"]] != _prompt_view(prompt):
                changes.append(f"change the question \"{prompt['title']}\" (answers: {answers})")
        changes += [f"remove the question \"{title}\" (not in the map)" for title in old
                    if title not in {p["title"] for p in wanted["prompts"]}]
        return changes

    # --- welcome screen --------------------------------------------------------------------------

    def welcome(self, screen: sm.WelcomeScreen) -> None:
        current = self.state.setup.welcome or {}
        enabled = "WELCOME_SCREEN_ENABLED" in (self.guild.get("features") or [])
        channels = [{"channel_id": ref, "description": c.description, "emoji_name": c.emoji}
                    for c in screen.channels for ref in [self.ref(c.channel)] if ref is not None]
        wanted = {"enabled": screen.enabled, "description": screen.description, "welcome_channels": channels}
        changes = []
        if enabled != screen.enabled:
            changes.append("show the welcome screen" if screen.enabled else "hide the welcome screen")
        if (current.get("description") or None) != (screen.description or None):
            changes.append(f"description: \"{current.get('description') or ''}\" → \"{screen.description or ''}\"")
        old = [(str(c.get("channel_id")), c.get("description"), c.get("emoji_name") or None)
               for c in current.get("welcome_channels") or []]
        new = [(c["channel_id"], c["description"], c["emoji_name"] or None) for c in channels]
        if old != new:
            changes.append(f"channels: {self.shown_list([c[0] for c in old])} → {self.shown_list([c[0] for c in new])}")
        if changes:
            self.add(SetWelcomeScreen(name="welcome screen", body=wanted, changes=changes, reason="differs from the map"))

    # --- AutoMod ---------------------------------------------------------------------------------

    def automod(self, map_rules: list[sm.AutoModRule]) -> None:
        server_rules = self.state.setup.automod or []
        claimed: set[str] = set()
        for rule, found in matched_rules(map_rules, server_rules):
            body = self.rule_body(rule)
            timeout = any(a.kind == "timeout" for a in rule.actions)
            shown = f"AutoMod rule \"{rule.name}\""
            if found is None:
                self.add(CreateAutoModRule(name=shown, body=body, timeout=timeout, reason="listed in the map, not on the server",
                                           changes=[_describe_rule(rule)], map_name=rule.name))
                continue
            claimed.add(found["id"])
            if rule.id != found["id"]:
                self.plan.adopted.append(Recorded("automod", found["id"], map_name=rule.name, old_id=rule.id))
            if found.get("trigger_type") != body["trigger_type"]:
                self.plan.notes.append(f"{shown} is a {sm.TRIGGER_OF_TYPE.get(int(found.get('trigger_type') or 0), 'other')} "
                                       f"rule on the server but a {rule.trigger} rule in the map: Discord cannot change "
                                       "a rule's trigger; delete it in Server Settings → AutoMod, or rename it in the map")
                continue
            changed = {key: value for key, value in body.items() if _rule_view(key, found.get(key)) != _rule_view(key, value)}
            if changed:
                self.add(UpdateAutoModRule(name=shown, id=found["id"], body=changed, timeout=timeout,
                                           reason="differs from the map", map_name=rule.name,
                                           changes=[f"{key.replace('_', ' ')}" for key in changed]))
        for other in server_rules:
            if other["id"] not in claimed:
                self.plan.notes.append(f"AutoMod rule \"{other.get('name')}\" is on the server, not in the map: kept "
                                       "(`handbook discord pull` adds it to the map)")

    def rule_body(self, rule: sm.AutoModRule) -> dict:
        meta: dict[str, Any] = {}
        if rule.trigger in ("keywords", "member_profile"):
            meta = {"keyword_filter": rule.keywords, "regex_patterns": rule.regex, "allow_list": rule.allow}
        elif rule.trigger == "keyword_preset":
            meta = {"presets": [sm.PRESETS[p] for p in rule.presets], "allow_list": rule.allow}
        elif rule.trigger == "mention_spam":
            meta = {"mention_total_limit": rule.mention_limit, "mention_raid_protection_enabled": rule.raid_protection}
        actions: list[dict] = []
        for action in rule.actions:
            if action.kind == "block" and rule.trigger == "member_profile":
                actions.append({"type": sm.BLOCK_MEMBER_INTERACTION})
            elif action.kind == "block":
                actions.append({"type": sm.BLOCK_MESSAGE, **({"metadata": {"custom_message": action.message}}
                                                               if action.message else {})})
            elif action.kind == "alert":
                actions.append({"type": sm.SEND_ALERT, "metadata": {"channel_id": self.ref(action.channel)}})
            else:
                actions.append({"type": sm.TIMEOUT, "metadata": {"duration_seconds": action.duration}})
        return {"name": rule.name, "event_type": 2 if rule.trigger == "member_profile" else 1,
                "trigger_type": sm.TRIGGER_TYPE[rule.trigger], "trigger_metadata": meta, "actions": actions,
                "enabled": rule.enabled, "exempt_roles": self.roles_of(rule.exempt_roles),
                "exempt_channels": self.refs_of(rule.exempt_channels)}


def matched_rules(map_rules: list[sm.AutoModRule], server_rules: list[dict]) -> list[tuple[sm.AutoModRule, dict | None]]:
    """Each map rule with the server's rule it stands for: by the id the map records, else by a
    name no earlier rule has claimed; None when the server has no such rule."""
    claimed: set[str] = set()
    matched: list[tuple[sm.AutoModRule, dict | None]] = []
    for rule in map_rules:
        found = next((r for r in server_rules if rule.id and r["id"] == rule.id), None) \
            or next((r for r in server_rules if r.get("name") == rule.name and r["id"] not in claimed), None)
        if found is not None:
            claimed.add(found["id"])
        matched.append((rule, found))
    return matched


def _prompt_view(prompt: dict) -> tuple:
    options = tuple((o.get("title"), o.get("description") or None, tuple(sorted(map(str, o.get("channel_ids") or []))),
                     tuple(sorted(map(str, o.get("role_ids") or []))),
                     o.get("emoji_name") or (o.get("emoji") or {}).get("name") or None)
                    for o in prompt.get("options") or [])
    return (prompt.get("type", 0), bool(prompt.get("single_select")), bool(prompt.get("required")),
            bool(prompt.get("in_onboarding", True)), options)


def _rule_view(key: str, value: Any) -> Any:
    """A rule's field as compared: order-free id lists, metadata without empty keys, and a
    `Pending` (a channel or role this plan creates) never equal to what the server has."""
    if key in ("exempt_roles", "exempt_channels"):
        return sorted(str(v) if isinstance(v, str) else f"pending {id(v)}" for v in value or [])
    if key == "trigger_metadata":
        return {k: v for k, v in (value or {}).items() if v not in (None, [], False)}
    if key == "actions":
        return [(a.get("type"), {k: (v if isinstance(v, (str, int)) else f"pending {id(v)}")
                                 for k, v in (a.get("metadata") or {}).items() if v})
                for a in value or []]
    return value


def _describe_rule(rule: sm.AutoModRule) -> str:
    what = {"keywords": f"blocks {len(rule.keywords) + len(rule.regex)} words or patterns",
            "keyword_preset": f"blocks Discord's {', '.join(rule.presets)} lists",
            "spam": "blocks messages Discord judges spam",
            "mention_spam": f"blocks messages with more than {rule.mention_limit} mentions"
                            + (", and protects from mention raids" if rule.raid_protection else ""),
            "member_profile": "checks member names and profiles"}[rule.trigger]
    acts = []
    for action in rule.actions:
        if action.kind == "alert":
            acts.append(f"alerts #{action.channel}")
        elif action.kind == "timeout":
            acts.append(f"times the member out for {action.duration} s")
    return what + (f", {', '.join(acts)}" if acts else "") + ("" if rule.enabled else " (disabled)")
