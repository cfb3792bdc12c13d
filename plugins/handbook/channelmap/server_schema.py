"""The JSON Schema of the `server:` section's settings, onboarding, welcome screen and AutoMod
rules, from the same word tables and limits the loader and `server_validation` use."""

from __future__ import annotations

from typing import Any

from handbook.channelmap import server_model as sm


def _optional(schema: dict[str, Any]) -> dict[str, Any]:
    return {"anyOf": [schema, {"type": "null"}]}


def _words(description: str) -> dict[str, Any]:
    return _optional({"type": "array", "items": {"type": "string"}, "description": description})


def _enum(values: Any, description: str) -> dict[str, Any]:
    return {**_optional({"enum": list(values)}), "description": description}


def _flag(description: str) -> dict[str, Any]:
    return {**_optional({"type": "boolean"}), "description": description}


def _text(description: str, maximum: int | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "string"}
    if maximum:
        schema["maxLength"] = maximum
    return {**_optional(schema), "description": description}


def _described(schema: dict[str, Any], description: str) -> dict[str, Any]:
    return {**schema, "description": description}


def _settings() -> dict[str, Any]:
    channels = {key: _text(f"The channel (its name in the map) Discord uses as the {key.replace('_', ' ')}.")
                for key in sm.SETTING_CHANNELS}
    return _described(_optional({
        "type": "object",
        "properties": {
            "verification_level": _enum(sm.VERIFICATION_LEVELS, "What new members need before they can post: "
                                        + "; ".join(f"{k}: {v}" for k, v in sm.VERIFICATION_MEANING.items()) + "."),
            "explicit_content_filter": _enum(sm.CONTENT_FILTERS, "Whose images Discord scans for explicit content."),
            "default_message_notifications": _enum(sm.NOTIFICATIONS, "What a new member is notified of by default."),
            "mfa_required_for_moderation": _flag("Moderators need two-factor authentication. Only the server's owner "
                                                 "can set it; `handbook discord plan` says when it differs."),
            "community": _flag("A Community server (needs a rules and a public updates channel)."),
            **channels,
            "system_channel_flags": {**_optional({"type": "array", "items": {"enum": list(sm.SYSTEM_CHANNEL_FLAGS)}}),
                                     "description": "Messages Discord does not post in the system channel."},
        },
        "additionalProperties": True,
    }), "The safety settings of Server Settings → Safety Setup and Overview, in words. Absent: never touched.")


def _onboarding() -> dict[str, Any]:
    option = {"type": "object", "required": ["title"], "properties": {
        "title": _described({"type": "string", "minLength": 1}, "The answer, as the member sees it."),
        "description": _text("Shown under the title."),
        "channels": _words("Channels (names in the map) a member who picks it gets."),
        "roles": _words("Roles (from `roles:`) a member who picks it gets."),
        "emoji": _text("A Unicode emoji.")}, "additionalProperties": True}
    prompt = {"type": "object", "required": ["title"], "properties": {
        "title": _described({"type": "string", "minLength": 1}, "The question, as the member sees it."),
        "type": _enum(sm.PROMPT_TYPES, "single or multiple choice, or a dropdown."),
        "required": _flag("A member must answer it."), "in_onboarding": _flag("Asked while joining."),
        "options": _described(_optional({"type": "array", "items": option}),
                              "The answers, each giving channels and roles from the map.")},
        "additionalProperties": True}
    return _described(_optional({"type": "object", "properties": {
        "enabled": _flag("Onboarding is shown to new members."),
        "mode": _enum(sm.ONBOARDING_MODES, "Discord's onboarding mode."),
        "default_channels": _words("Channels (names in the map) every new member sees."),
        "prompts": _described(_optional({"type": "array", "items": prompt}),
                              "The questions a new member answers.")}, "additionalProperties": True}),
        "Discord's onboarding; once the map has it, `handbook discord apply` writes the whole of it. "
        "false: not managed, and `handbook sync` proposes none.")


def _welcome_screen() -> dict[str, Any]:
    channel = {"type": "object", "required": ["channel", "description"], "properties": {
        "channel": _described({"type": "string", "minLength": 1}, "The channel (its name in the map) it shows."),
        "description": _described({"type": "string", "minLength": 1, "maxLength": sm.WELCOME_CHANNEL_DESCRIPTION_MAX},
                                  f"What the channel is for (1 to {sm.WELCOME_CHANNEL_DESCRIPTION_MAX} characters)."),
        "emoji": _text("A Unicode emoji.")}, "additionalProperties": True}
    return _described(_optional({"type": "object", "properties": {
        "enabled": _flag("The welcome screen is shown."),
        "description": _text("The server's description on the welcome screen.", sm.WELCOME_DESCRIPTION_MAX),
        "channels": _described(_optional({"type": "array", "items": channel, "maxItems": sm.WELCOME_CHANNELS_MAX}),
                               f"The channels it shows new members first (at most {sm.WELCOME_CHANNELS_MAX}).")},
        "additionalProperties": True}),
        "What a new member sees first. false: not managed, and `handbook sync` proposes none.")


def _limited(maximum: int, longest: int, description: str) -> dict[str, Any]:
    return {"type": "array", "maxItems": maximum, "items": {"type": "string", "maxLength": longest},
            "description": description}


_TRIGGER_KEYS: dict[str, dict[str, Any]] = {
    "keywords": _limited(sm.KEYWORDS_MAX, sm.KEYWORD_LENGTH_MAX, "Words it matches; `*` matches any letters "
                         f"(at most {sm.KEYWORDS_MAX}, each at most {sm.KEYWORD_LENGTH_MAX} characters)."),
    "regex": _limited(sm.REGEX_MAX, sm.REGEX_LENGTH_MAX, "Regular expressions it matches (at most "
                      f"{sm.REGEX_MAX}, each at most {sm.REGEX_LENGTH_MAX} characters)."),
    "allow": {"type": "array", "items": {"type": "string", "maxLength": sm.ALLOW_LENGTH_MAX},
              "description": "Words it lets through although they match."},
    "presets": {"type": "array", "items": {"enum": list(sm.PRESETS)}, "description": "Discord's word lists it blocks."},
    "limit": {"type": "integer", "minimum": 1, "maximum": sm.MENTION_LIMIT_MAX,
              "description": f"Mentions in one message it allows (at most {sm.MENTION_LIMIT_MAX})."},
    "raid_protection": {"type": "boolean", "description": "Discord's raid protection for mentions is on."},
}
_TRIGGER_MEANING = {
    "keywords": "Messages with these words or patterns.",
    "keyword_preset": "Messages with words from Discord's lists.",
    "spam": "Messages Discord judges spam; it takes nothing below it.",
    "mention_spam": "Messages that mention too many members or roles.",
    "member_profile": "Member names and profiles with these words or patterns.",
}
_ACTION_KEYS: dict[str, dict[str, Any]] = {
    "message": {"type": "string", "maxLength": sm.BLOCK_MESSAGE_MAX,
                "description": f"What the member is told (at most {sm.BLOCK_MESSAGE_MAX} characters)."},
    "channel": {"type": "string", "minLength": 1, "description": "The channel (its name in the map) the alert goes to."},
    "duration": {"anyOf": [{"type": "integer", "minimum": 1, "maximum": sm.TIMEOUT_MAX_SECONDS},
                           {"type": "string", "pattern": r"^\s*[0-9]+\s*[smhdw]$"}],
                 "description": "How long: seconds, or e.g. `10m`, `1h`, `2d`, `1w` (at most four weeks)."},
}
_ACTION_MEANING = {
    "block": "Block the message (on a member-profile rule: the member's interactions, with no message).",
    "alert": "Post an alert to a channel.",
    "timeout": "Time the member out (keyword and mention-spam rules only).",
}


def _one_of(kinds: tuple[str, ...], keys: dict[str, tuple[str, ...]], fields: dict[str, dict[str, Any]],
            meaning: dict[str, str], shorthand: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """A kind alone (`spam`), or `{kind: {its keys}}`: each kind lists only the keys it takes, as the loader does."""
    def body(kind: str) -> dict[str, Any]:
        own = {"type": "object", "properties": {key: fields[key] for key in keys[kind]}, "additionalProperties": False}
        return {"anyOf": [{"type": "null"}, *shorthand, own], "description": meaning[kind]}

    return {"anyOf": [{"enum": list(kinds)},
                      {"type": "object", "minProperties": 1, "maxProperties": 1,
                       "properties": {kind: body(kind) for kind in kinds}, "additionalProperties": False}]}


def _trigger_is(kinds: list[str]) -> dict[str, Any]:
    return {"properties": {"trigger": {"anyOf": [{"enum": kinds}, {"type": "object", "anyOf": [
        {"required": [kind]} for kind in kinds]}]}}, "required": ["trigger"]}


def _no_action(action: dict[str, Any]) -> dict[str, Any]:
    return {"properties": {"actions": {"type": "array", "items": {"not": action}}}}


def _action_limits() -> list[dict[str, Any]]:
    """What validation says of a rule's actions by its trigger: a timeout only on keyword and
    mention-spam rules; a member-profile rule blocks the member, with no message."""
    others = [t for t in sm.TRIGGERS if t not in sm.TIMEOUT_TRIGGERS]
    return [{"if": _trigger_is(others), "then": _no_action(
                {"anyOf": [{"const": "timeout"}, {"type": "object", "required": ["timeout"]}]})},
            {"if": _trigger_is(["member_profile"]), "then": _no_action(
                {"type": "object", "required": ["block"],
                 "properties": {"block": {"type": "object", "required": ["message"]}}})}]


def _automod() -> dict[str, Any]:
    names = {"type": "array", "items": {"type": "string"}}
    trigger = _one_of(sm.TRIGGERS, sm.TRIGGER_KEYS, _TRIGGER_KEYS, _TRIGGER_MEANING, ({"const": True},))
    action = _one_of(sm.ACTIONS, sm.ACTION_KEYS, _ACTION_KEYS, _ACTION_MEANING, ())
    rule = {"type": "object", "required": ["name", "trigger", "actions"], "properties": {
        "name": _described({"type": "string", "minLength": 1}, "The rule's name on the server; rules are matched "
                           "by it until the map records their id."),
        "id": {**_optional({"type": "string"}), "description": "The rule's Discord id, recorded by `handbook "
                                                                "discord pull` and `apply`; renaming keeps it."},
        "enabled": _flag("The rule is on (default true)."),
        "trigger": {**trigger, "description": "What the rule looks for: one of " + ", ".join(sm.TRIGGERS)
                    + ", alone or with its keys below it."},
        "actions": _described({"type": "array", "items": action, "minItems": 1},
                              "What AutoMod does when it matches: " + ", ".join(sm.ACTIONS) + " (at least one)."),
        "exempt_roles": {**_optional({**names, "maxItems": sm.EXEMPT_ROLES_MAX}),
                         "description": f"Roles (from `roles:`) the rule does not apply to (at most {sm.EXEMPT_ROLES_MAX})."},
        "exempt_channels": {**_optional({**names, "maxItems": sm.EXEMPT_CHANNELS_MAX}),
                            "description": "Channels (names in the map) the rule does not apply to "
                                           f"(at most {sm.EXEMPT_CHANNELS_MAX})."}},
        "allOf": _action_limits(), "additionalProperties": True}
    return {**_optional({"type": "array", "items": rule}),
            "description": "AutoMod rules, matched by name and kept by id."}


def server_properties() -> dict[str, Any]:
    """The keys the `server:` mapping takes beside its name, id and invite."""
    def or_false(schema: dict[str, Any]) -> dict[str, Any]:  # `onboarding: false`: not managed, nothing proposed
        return {**schema, "anyOf": [*schema["anyOf"], {"const": False}]}

    return {"settings": _settings(), "onboarding": or_false(_onboarding()),
            "welcome_screen": or_false(_welcome_screen()), "automod": _automod()}
