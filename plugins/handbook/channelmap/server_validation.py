"""Check the `server:` section's settings, onboarding, welcome screen and AutoMod rules against
Discord's documented limits and the map's own names. Findings, like the rest of the map's checks.

Limits: https://discord.com/developers/docs/resources/auto-moderation (rules, triggers, actions),
https://discord.com/developers/docs/resources/guild#welcome-screen-object (welcome screen; its
lengths from the user API's reference, discord-userdoccers `pages/resources/guild.mdx`).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Callable

from handbook.channelmap import server_model as sm
from handbook.channelmap.model import ChannelMap
from handbook.findings import (AUTOMOD_INVALID, SERVER_CHANNEL_NOT_TEXT, SERVER_OVER_LIMIT, SERVER_PRIVATE_CHANNEL,
                               SERVER_UNKNOWN_CHANNEL, SERVER_UNKNOWN_ROLE, Code)

Add = Callable[[Code, str, "int | None", str], None]


def validate_server(channel_map: ChannelMap, add: Add) -> None:
    setup = channel_map.server.setup
    if not setup.asks:
        return
    names = [c.name for c in channel_map.channels() if not c.is_archived]
    for name, where, line in setup.channel_references():
        channel = channel_map.channel(name)
        if channel is None or channel.is_archived:
            add(SERVER_UNKNOWN_CHANNEL, f"{where} names #{name}, which the map does not list"
                + (" (it is archived)" if channel else ""), line, _closest(name, names, "channel"))
    for name, where, line in _text_only(setup):
        channel = channel_map.channel(name)
        if channel is not None and channel.kind not in ("topic", "prompt", "announcement"):
            add(SERVER_CHANNEL_NOT_TEXT, f"{where} names #{name}, a {channel.kind} channel; Discord takes a text "
                "channel there", line, "name a text or announcement channel of the map")
    roles = [r.name for r in channel_map.roles]
    for name, where, line in setup.role_references():
        if channel_map.role(name) is None:
            add(SERVER_UNKNOWN_ROLE, f"{where} names role `{name}`, which `roles:` does not list", line,
                _closest(name, roles, "role"))
    _private_shown(channel_map, add)
    if setup.welcome_screen:
        _welcome(setup.welcome_screen, add)
    if setup.automod:
        _automod(setup.automod, add)


def _text_only(setup: sm.ServerSetup) -> list[tuple[str, str, int]]:
    """The references Discord takes only text channels for: the settings' channels, the welcome
    screen's, and AutoMod alerts."""
    return [ref for ref in setup.channel_references()
            if ref[1].startswith("`server.settings.") or ref[1] == "the welcome screen" or ref[1].endswith("(alert)")]


def _closest(name: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    if close:
        return f"did you mean `{close[0]}`? Otherwise add the {what} to the map, or remove the reference"
    return f"add the {what} to the map, or remove the reference"


def _private_shown(channel_map: ChannelMap, add: Add) -> None:
    setup = channel_map.server.setup
    shown: list[tuple[str, str, int]] = []
    if setup.welcome_screen:
        shown += [(c.channel, "the welcome screen", c.line) for c in setup.welcome_screen.channels]
    if setup.onboarding:
        shown += [(n, "onboarding's default channels", setup.onboarding.line) for n in setup.onboarding.default_channels]
    for name, where, line in shown:
        channel = channel_map.channel(name)
        if channel is not None and channel.is_private:
            add(SERVER_PRIVATE_CHANNEL, f"{where} shows #{name}, which is private: new members cannot see it",
                line, "show an open channel there instead")


def _welcome(screen: sm.WelcomeScreen, add: Add) -> None:
    if screen.description and len(screen.description) > sm.WELCOME_DESCRIPTION_MAX:
        add(SERVER_OVER_LIMIT, f"the welcome screen's description has {len(screen.description)} characters; "
            f"Discord allows {sm.WELCOME_DESCRIPTION_MAX}", screen.line,
            f"shorten `description:` to {sm.WELCOME_DESCRIPTION_MAX} characters")
    if len(screen.channels) > sm.WELCOME_CHANNELS_MAX:
        add(SERVER_OVER_LIMIT, f"the welcome screen lists {len(screen.channels)} channels; Discord shows at most "
            f"{sm.WELCOME_CHANNELS_MAX}", screen.channels[sm.WELCOME_CHANNELS_MAX].line,
            f"keep the {sm.WELCOME_CHANNELS_MAX} channels new members need first")
    for channel in screen.channels:
        if not 1 <= len(channel.description.strip()) <= sm.WELCOME_CHANNEL_DESCRIPTION_MAX:
            add(SERVER_OVER_LIMIT, f"the welcome screen's description of #{channel.channel} has "
                f"{len(channel.description)} characters; Discord takes 1 to {sm.WELCOME_CHANNEL_DESCRIPTION_MAX}",
                channel.line, f"write a description of at most {sm.WELCOME_CHANNEL_DESCRIPTION_MAX} characters")


def _automod(rules: list[sm.AutoModRule], add: Add) -> None:
    for name, count in Counter(rule.name for rule in rules).items():
        if count > 1:
            line = [rule.line for rule in rules if rule.name == name][1]
            add(AUTOMOD_INVALID, f"AutoMod rule `{name}` is listed {count} times; rules are matched by name",
                line, "give each rule its own name")
    by_trigger: dict[str, list[sm.AutoModRule]] = {}
    for rule in rules:
        by_trigger.setdefault(rule.trigger, []).append(rule)
    for trigger, found in by_trigger.items():
        most = sm.KEYWORD_RULES_MAX if trigger == "keywords" else 1
        if len(found) > most:
            add(SERVER_OVER_LIMIT, f"{len(found)} AutoMod rules with the {trigger} trigger; Discord allows {most} "
                "per server", found[most].line, "merge the rules into fewer, or remove one")
    for rule in rules:
        _rule(rule, add)


def _rule(rule: sm.AutoModRule, add: Add) -> None:
    what = f"AutoMod rule `{rule.name}`"

    def over(items: list[str], most: int, longest: int, key: str) -> None:
        if len(items) > most:
            add(SERVER_OVER_LIMIT, f"{what} lists {len(items)} {key}; Discord allows {most}", rule.line,
                f"keep at most {most} entries under `{key}:`")
        for item in items:
            if len(item) > longest:
                add(SERVER_OVER_LIMIT, f"{what} has a {key} entry of {len(item)} characters (`{item[:30]}...`); "
                    f"Discord allows {longest}", rule.line, f"shorten it to {longest} characters")

    if rule.trigger in ("keywords", "member_profile"):
        over(rule.keywords, sm.KEYWORDS_MAX, sm.KEYWORD_LENGTH_MAX, "keywords")
        over(rule.regex, sm.REGEX_MAX, sm.REGEX_LENGTH_MAX, "regex")
        if not rule.keywords and not rule.regex:
            add(AUTOMOD_INVALID, f"{what} lists neither keywords nor regex, so it matches nothing", rule.line,
                "add `keywords: [...]` or `regex: [...]` under its trigger")
    if rule.trigger in sm.ALLOW_MAX:
        over(rule.allow, sm.ALLOW_MAX[rule.trigger], sm.ALLOW_LENGTH_MAX, "allow")
    if rule.trigger == "keyword_preset" and not rule.presets:
        add(AUTOMOD_INVALID, f"{what} names no preset", rule.line,
            f"add `presets: [...]` with some of {', '.join(sm.PRESETS)}")
    if rule.trigger == "mention_spam":
        if rule.mention_limit is None or not 1 <= rule.mention_limit <= sm.MENTION_LIMIT_MAX:
            add(SERVER_OVER_LIMIT, f"{what} needs a `limit` of 1 to {sm.MENTION_LIMIT_MAX} mentions per message",
                rule.line, "write e.g. `mention_spam: {limit: 5, raid_protection: true}`")
    for action in rule.actions:
        if action.kind == "timeout":
            if rule.trigger not in sm.TIMEOUT_TRIGGERS:
                add(AUTOMOD_INVALID, f"{what}: Discord allows a timeout only on keyword and mention-spam rules",
                    action.line, "remove the timeout, or use `block` and `alert`")
            elif not 1 <= (action.duration or 0) <= sm.TIMEOUT_MAX_SECONDS:
                add(SERVER_OVER_LIMIT, f"{what} times out for {action.duration} seconds; Discord allows up to "
                    "four weeks", action.line, "write a duration of at most `4w`")
        if action.kind == "block" and action.message and len(action.message) > sm.BLOCK_MESSAGE_MAX:
            add(SERVER_OVER_LIMIT, f"{what}'s block message has {len(action.message)} characters; Discord "
                f"allows {sm.BLOCK_MESSAGE_MAX}", action.line, f"shorten it to {sm.BLOCK_MESSAGE_MAX} characters")
        if action.kind == "block" and action.message and rule.trigger == "member_profile":
            add(AUTOMOD_INVALID, f"{what}: a member-profile rule blocks the member's interactions, with no message",
                action.line, "write `- block` without a message")
    if len(rule.exempt_roles) > sm.EXEMPT_ROLES_MAX:
        add(SERVER_OVER_LIMIT, f"{what} exempts {len(rule.exempt_roles)} roles; Discord allows "
            f"{sm.EXEMPT_ROLES_MAX}", rule.line, f"keep at most {sm.EXEMPT_ROLES_MAX} exempt roles")
    if len(rule.exempt_channels) > sm.EXEMPT_CHANNELS_MAX:
        add(SERVER_OVER_LIMIT, f"{what} exempts {len(rule.exempt_channels)} channels; Discord allows "
            f"{sm.EXEMPT_CHANNELS_MAX}", rule.line, f"keep at most {sm.EXEMPT_CHANNELS_MAX} exempt channels")
