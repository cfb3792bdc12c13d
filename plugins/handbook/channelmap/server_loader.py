"""Read the `server:` section's settings, onboarding, welcome screen and AutoMod rules.

A wrong shape (a list where a mapping belongs, an unknown word) stops loading with one
`ChannelMapError` at its line, like the rest of the map; limits and names that must exist in the
map are `server_validation`'s findings.
"""

from __future__ import annotations

from typing import Any

from handbook.channelmap import server_model as sm
from handbook.channelmap.yaml_io import describe_value

_Reader = Any
"""The loader's reader (`loader._Reader`), passed in: the loader calls this module, not the other way."""


def _line(r: _Reader, node: Any, key: str) -> int:
    return r.key_pos(node, key)[0] + 1 if isinstance(node, dict) and key in node else r.node_pos(node)[0] + 1


def _words(r: _Reader, node: dict, key: str, what: str, example: str) -> list[str]:
    """A list of names or words (`[rules, general]`), each text."""
    items = r.sequence(node, key, what, example)
    out = []
    for index, item in enumerate(items):
        if not isinstance(item, str):
            raise r.fail(r.item_pos(node[key], index), f"`{key}` of {what} must list names, found "
                         f"{describe_value(item)}", f"write `{key}: {example}` (quote a name YAML reads otherwise)")
        out.append(item)
    return out


def _optional_flag(r: _Reader, node: dict, key: str, what: str) -> bool | None:
    return r.flag(node, key, what, False) if node.get(key) is not None else None


def parse_server_setup(r: _Reader, server: dict) -> sm.ServerSetup:
    setup = sm.ServerSetup()
    if server.get("settings") is not None:
        setup.settings = _settings(r, server)
    if server.get("onboarding") not in (None, False):  # `onboarding: false`: not managed, nothing proposed
        setup.onboarding = _onboarding(r, server)
    if server.get("welcome_screen") not in (None, False):
        setup.welcome_screen = _welcome(r, server)
    if server.get("automod") not in (None, False):
        setup.automod = _automod(r, server)
    return setup


def _settings(r: _Reader, server: dict) -> sm.ServerSettings:
    node = r.mapping(server["settings"], r.value_pos(server, "settings"), "`server.settings`",
                     "`settings:` with `verification_level: medium` and other keys indented below it")
    what = "`server.settings`"
    settings = sm.ServerSettings(
        verification_level=r.text(node, "verification_level", what, choices=sm.VERIFICATION_LEVELS),
        explicit_content_filter=r.text(node, "explicit_content_filter", what, choices=sm.CONTENT_FILTERS),
        default_message_notifications=r.text(node, "default_message_notifications", what, choices=sm.NOTIFICATIONS),
        mfa_required_for_moderation=_optional_flag(r, node, "mfa_required_for_moderation", what),
        community=_optional_flag(r, node, "community", what),
        line=_line(r, server, "settings"),
        lines={key: _line(r, node, key) for key in node},
    )
    for key in sm.SETTING_CHANNELS:
        name = r.text(node, key, what)
        if name is not None:
            settings.channels[key] = name
    if node.get("system_channel_flags") is not None:
        flags = _words(r, node, "system_channel_flags", what, "[suppress_join_notifications]")
        for index, flag in enumerate(flags):
            if flag not in sm.SYSTEM_CHANNEL_FLAGS:
                raise r.fail(r.item_pos(node["system_channel_flags"], index),
                             f"unknown system channel flag `{flag}` in {what}",
                             f"write some of: {', '.join(sm.SYSTEM_CHANNEL_FLAGS)}")
        settings.system_channel_flags = flags
    return settings


def _onboarding(r: _Reader, server: dict) -> sm.Onboarding:
    node = r.mapping(server["onboarding"], r.value_pos(server, "onboarding"), "`server.onboarding`",
                     "`onboarding:` with `enabled: true`, `default_channels:` and `prompts:` below it")
    what = "`server.onboarding`"
    onboarding = sm.Onboarding(
        enabled=r.flag(node, "enabled", what, True),
        mode=r.text(node, "mode", what, choices=sm.ONBOARDING_MODES) or "default",
        default_channels=_words(r, node, "default_channels", what, "[rules, general]"),
        line=_line(r, server, "onboarding"),
    )
    for index, item in enumerate(r.sequence(node, "prompts", what, "a list of `- title: ...` entries")):
        where = r.item_pos(node["prompts"], index)
        item = r.mapping(item, where, f"onboarding prompt {index + 1}", "`- title: What do you want to practise?`")
        title = r.required_text(item, "title", f"onboarding prompt {index + 1}")
        p_what = f"onboarding prompt `{title}`"
        prompt = sm.OnboardingPrompt(
            title=title, type=r.text(item, "type", p_what, choices=sm.PROMPT_TYPES) or "multiple",
            required=r.flag(item, "required", p_what, False), in_onboarding=r.flag(item, "in_onboarding", p_what, True),
            line=where[0] + 1)
        for o_index, option in enumerate(r.sequence(item, "options", p_what, "a list of `- title: Habits` entries")):
            o_where = r.item_pos(item["options"], o_index)
            option = r.mapping(option, o_where, f"option {o_index + 1} of {p_what}", "`- title: Habits`")
            o_title = r.required_text(option, "title", f"option {o_index + 1} of {p_what}")
            o_what = f"onboarding option `{o_title}`"
            prompt.options.append(sm.OnboardingOption(
                title=o_title, description=r.text(option, "description", o_what),
                channels=_words(r, option, "channels", o_what, "[habits]"),
                roles=_words(r, option, "roles", o_what, "[member]"),
                emoji=r.text(option, "emoji", o_what), line=o_where[0] + 1))
        onboarding.prompts.append(prompt)
    return onboarding


def _welcome(r: _Reader, server: dict) -> sm.WelcomeScreen:
    node = r.mapping(server["welcome_screen"], r.value_pos(server, "welcome_screen"), "`server.welcome_screen`",
                     "`welcome_screen:` with `description:` and `channels:` below it")
    what = "`server.welcome_screen`"
    screen = sm.WelcomeScreen(enabled=r.flag(node, "enabled", what, True), description=r.text(node, "description", what),
                              line=_line(r, server, "welcome_screen"))
    for index, item in enumerate(r.sequence(node, "channels", what, "a list of `- channel: rules` entries")):
        where = r.item_pos(node["channels"], index)
        item = r.mapping(item, where, f"welcome channel {index + 1}", "`- channel: rules` with `description:`")
        c_what = f"welcome channel {index + 1}"
        screen.channels.append(sm.WelcomeChannel(
            channel=r.required_text(item, "channel", c_what), description=r.required_text(item, "description", c_what),
            emoji=r.text(item, "emoji", c_what), line=where[0] + 1))
    return screen


def _automod(r: _Reader, server: dict) -> list[sm.AutoModRule]:
    rules_out = []
    for index, item in enumerate(r.sequence(server, "automod", "`server`", "a list of `- name: ...` rules")):
        where = r.item_pos(server["automod"], index)
        item = r.mapping(item, where, f"AutoMod rule {index + 1}", "`- name: Block invite links` with `trigger:`")
        name = r.required_text(item, "name", f"AutoMod rule {index + 1}")
        what = f"AutoMod rule `{name}`"
        rule = _trigger(r, item, what, name)
        rule.id, rule.enabled = r.text(item, "id", what), r.flag(item, "enabled", what, True)
        rule.exempt_roles = _words(r, item, "exempt_roles", what, "[moderator]")
        rule.exempt_channels = _words(r, item, "exempt_channels", what, "[mod-team]")
        rule.line, rule.node = where[0] + 1, item
        for a_index, action in enumerate(r.sequence(item, "actions", what, "`actions: [block, {alert: {channel: mod-log}}]`")):
            rule.actions.append(_action(r, item["actions"], a_index, action, what))
        if not rule.actions:
            raise r.fail(r.node_pos(item), f"{what} has no `actions`",
                         "add `actions:` with at least `- block`, so that AutoMod does something")
        rules_out.append(rule)
    return rules_out


def _trigger(r: _Reader, item: dict, what: str, name: str) -> sm.AutoModRule:
    trigger = item.get("trigger")
    fix = f"write `trigger:` with one of {', '.join(sm.TRIGGERS)} below it, e.g. `trigger: {{keywords: {{keywords: [\"*.ru/*\"]}}}}`"
    if trigger is None:
        raise r.fail(r.node_pos(item), f"{what} has no `trigger`", fix)
    if isinstance(trigger, str):  # `trigger: spam` is a fair shorthand
        trigger = {trigger: None}
    trigger = r.mapping(trigger, r.value_pos(item, "trigger"), f"`trigger` of {what}", fix)
    if len(trigger) != 1 or next(iter(trigger)) not in sm.TRIGGERS:
        raise r.fail(r.value_pos(item, "trigger"), f"`trigger` of {what} must be exactly one of "
                     f"{', '.join(sm.TRIGGERS)}, not {', '.join(map(str, trigger)) or 'nothing'}", fix)
    kind = str(next(iter(trigger)))
    body = trigger[kind]
    rule = sm.AutoModRule(name=name, trigger=kind)
    if body is None or body is True:
        return rule
    t_what = f"the {kind} trigger of {what}"
    body = r.mapping(body, r.value_pos(trigger, kind), t_what, f"`{kind}:` with its keys indented below it")
    _own_keys(r, body, sm.TRIGGER_KEYS[kind], t_what)
    rule.keywords = _words(r, body, "keywords", t_what, '["*discord.gg/*"]')
    rule.regex = _words(r, body, "regex", t_what, '["\\\\b\\\\d{3}-\\\\d{4}\\\\b"]')
    rule.allow = _words(r, body, "allow", t_what, "[hello]")
    rule.presets = _words(r, body, "presets", t_what, "[profanity, slurs]")
    for index, preset in enumerate(rule.presets):
        if preset not in sm.PRESETS:
            raise r.fail(r.item_pos(body["presets"], index), f"unknown preset `{preset}` in {t_what}",
                         f"write some of: {', '.join(sm.PRESETS)}")
    if body.get("limit") is not None:
        limit = body["limit"]
        if not isinstance(limit, int) or isinstance(limit, bool):
            raise r.fail(r.value_pos(body, "limit"), f"`limit` of {t_what} must be a whole number, not "
                         f"{describe_value(limit)}", "write e.g. `limit: 5` (mentions in one message)")
        rule.mention_limit = limit
    rule.raid_protection = r.flag(body, "raid_protection", t_what, False)
    return rule


def _action(r: _Reader, seq: Any, index: int, action: Any, what: str) -> sm.AutoModAction:
    where = r.item_pos(seq, index)
    fix = "write `- block`, `- block: {message: ...}`, `- alert: {channel: mod-log}` or `- timeout: {duration: 10m}`"
    if isinstance(action, str):
        action = {action: None}
    action = r.mapping(action, where, f"action {index + 1} of {what}", fix)
    if len(action) != 1 or next(iter(action)) not in sm.ACTIONS:
        raise r.fail(where, f"action {index + 1} of {what} must be one of {', '.join(sm.ACTIONS)}", fix)
    kind = str(next(iter(action)))
    body = {} if action[kind] is None else action[kind]
    a_what = f"the {kind} action of {what}"
    body = r.mapping(body, r.value_pos(action, kind), a_what, fix)
    _own_keys(r, body, sm.ACTION_KEYS[kind], a_what)
    out = sm.AutoModAction(kind=kind, line=where[0] + 1, message=r.text(body, "message", a_what),
                           channel=r.text(body, "channel", a_what))
    if kind == "alert" and not out.channel:
        raise r.fail(where, f"{a_what} names no channel", "write `- alert: {channel: mod-log}`")
    if kind == "timeout":
        duration = sm.parse_duration(body.get("duration"))
        if duration is None:
            raise r.fail(where, f"{a_what} has no `duration` (or not one of 600, 10m, 1h, 2d, 1w)",
                         "write `- timeout: {duration: 10m}`")
        out.duration = duration
    return out


def _own_keys(r: _Reader, body: dict, takes: tuple[str, ...], what: str) -> None:
    """A key of another trigger or action (or a misspelt one) would be dropped without a word: stop at it."""
    for key in body:
        if key not in takes:
            raise r.fail(r.key_pos(body, key), f"{what} takes no `{key}`",
                         f"write only {', '.join(f'`{k}`' for k in takes)} under it" if takes
                         else "write the trigger alone (e.g. `trigger: spam`), with nothing under it")
