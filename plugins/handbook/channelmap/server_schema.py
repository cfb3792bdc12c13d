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


def _settings() -> dict[str, Any]:
    channels = {key: _text(f"The channel (its name in the map) Discord uses as the {key.replace('_', ' ')}.")
                for key in sm.SETTING_CHANNELS}
    return _optional({
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
    })


def _onboarding() -> dict[str, Any]:
    option = {"type": "object", "required": ["title"], "properties": {
        "title": {"type": "string", "minLength": 1}, "description": _text("Shown under the title."),
        "channels": _words("Channels (names in the map) a member who picks it gets."),
        "roles": _words("Roles (from `roles:`) a member who picks it gets."),
        "emoji": _text("A Unicode emoji.")}, "additionalProperties": True}
    prompt = {"type": "object", "required": ["title"], "properties": {
        "title": {"type": "string", "minLength": 1},
        "type": _enum(sm.PROMPT_TYPES, "single or multiple choice, or a dropdown."),
        "required": _flag("A member must answer it."), "in_onboarding": _flag("Asked while joining."),
        "options": _optional({"type": "array", "items": option})}, "additionalProperties": True}
    return _optional({"type": "object", "properties": {
        "enabled": _flag("Onboarding is shown to new members."),
        "mode": _enum(sm.ONBOARDING_MODES, "Discord's onboarding mode."),
        "default_channels": _words("Channels (names in the map) every new member sees."),
        "prompts": _optional({"type": "array", "items": prompt})}, "additionalProperties": True})


def _welcome_screen() -> dict[str, Any]:
    channel = {"type": "object", "required": ["channel", "description"], "properties": {
        "channel": {"type": "string", "minLength": 1},
        "description": {"type": "string", "minLength": 1, "maxLength": sm.WELCOME_CHANNEL_DESCRIPTION_MAX},
        "emoji": _text("A Unicode emoji.")}, "additionalProperties": True}
    return _optional({"type": "object", "properties": {
        "enabled": _flag("The welcome screen is shown."),
        "description": _text("The server's description on the welcome screen.", sm.WELCOME_DESCRIPTION_MAX),
        "channels": _optional({"type": "array", "items": channel, "maxItems": sm.WELCOME_CHANNELS_MAX})},
        "additionalProperties": True})


def _automod() -> dict[str, Any]:
    words = {"type": "array", "items": {"type": "string"}}
    trigger_body = {"anyOf": [{"type": "null"}, {"type": "boolean"}, {"type": "object", "properties": {
        "keywords": {**words, "maxItems": sm.KEYWORDS_MAX, "items": {"type": "string", "maxLength": sm.KEYWORD_LENGTH_MAX}},
        "regex": {**words, "maxItems": sm.REGEX_MAX, "items": {"type": "string", "maxLength": sm.REGEX_LENGTH_MAX}},
        "allow": {**words, "items": {"type": "string", "maxLength": sm.ALLOW_LENGTH_MAX}},
        "presets": {"type": "array", "items": {"enum": list(sm.PRESETS)}},
        "limit": {"type": "integer", "minimum": 1, "maximum": sm.MENTION_LIMIT_MAX},
        "raid_protection": {"type": "boolean"}}, "additionalProperties": True}]}
    trigger = {"anyOf": [{"enum": list(sm.TRIGGERS)},
                         {"type": "object", "minProperties": 1, "maxProperties": 1,
                          "properties": {t: trigger_body for t in sm.TRIGGERS}, "additionalProperties": False}]}
    action_body = {"anyOf": [{"type": "null"}, {"type": "object", "properties": {
        "message": {"type": "string", "maxLength": sm.BLOCK_MESSAGE_MAX}, "channel": {"type": "string"},
        "duration": {"anyOf": [{"type": "integer", "minimum": 1, "maximum": sm.TIMEOUT_MAX_SECONDS},
                               {"type": "string", "pattern": r"^\s*[0-9]+\s*[smhdw]$"}]}},
        "additionalProperties": True}]}
    action = {"anyOf": [{"enum": list(sm.ACTIONS)},
                        {"type": "object", "minProperties": 1, "maxProperties": 1,
                         "properties": {a: action_body for a in sm.ACTIONS}, "additionalProperties": False}]}
    rule = {"type": "object", "required": ["name", "trigger", "actions"], "properties": {
        "name": {"type": "string", "minLength": 1}, "id": _optional({"type": "string"}),
        "enabled": _flag("The rule is on."), "trigger": trigger,
        "actions": {"type": "array", "items": action, "minItems": 1},
        "exempt_roles": _optional({"type": "array", "items": {"type": "string"}, "maxItems": sm.EXEMPT_ROLES_MAX}),
        "exempt_channels": _optional({"type": "array", "items": {"type": "string"},
                                      "maxItems": sm.EXEMPT_CHANNELS_MAX})}, "additionalProperties": True}
    return {**_optional({"type": "array", "items": rule}),
            "description": "AutoMod rules, matched by name and kept by id."}


def server_properties() -> dict[str, Any]:
    """The keys the `server:` mapping takes beside its name, id and invite."""
    def or_false(schema: dict[str, Any]) -> dict[str, Any]:  # `onboarding: false`: not managed, nothing proposed
        return {"anyOf": [*schema["anyOf"], {"const": False}]}

    return {"settings": _settings(), "onboarding": or_false(_onboarding()),
            "welcome_screen": or_false(_welcome_screen()), "automod": _automod()}
