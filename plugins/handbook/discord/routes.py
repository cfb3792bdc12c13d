"""What Discord's routes need and its answers mean, in words: the permission a route needs, the
rate-limit bucket a path falls in, the audit-log reason header, the sentence for an error code and
for a body's field errors. Pure; `client` sends the requests.
"""

from __future__ import annotations

import urllib.parse
from typing import Any

from handbook.channelmap.rules import AUDIT_LOG_REASON_MAX

# JSON error codes worth a sentence of their own: https://discord.com/developers/docs/topics/opcodes-and-status-codes#json
ERROR_TEXT = {
    10003: "the channel does not exist (deleted on the server)",
    10004: "the server does not exist, or the bot is not a member of it",
    10011: "the role does not exist",
    10015: "the webhook does not exist any more: create a new one and update DISCORD_WEBHOOK_URL",
    30005: "the server already has the most roles Discord allows (250)",
    30013: "the server already has the most channels Discord allows (500, categories counted)",
    30060: "the channel already has the most permission overwrites Discord allows (1000)",
    40009: "Discord accepts only one change of category per reorder request",
    50024: "that action does not work on this type of channel",
    50074: "Community servers cannot delete their Rules or Community Updates channel",
}


def audit_log_reason(reason: str) -> str:
    """`reason` URL-encoded and cut to Discord's 512 characters, never inside an escape or a character."""
    encoded = ""
    for char in reason:
        piece = urllib.parse.quote(char, safe="/ ")
        if len(encoded) + len(piece) > AUDIT_LOG_REASON_MAX:
            break
        encoded += piece
    return encoded


def required_permission(method: str, route: str) -> str:
    """The permission a route needs, for messages about 403s (from each endpoint's page in Discord's API reference)."""
    if "/onboarding" in route and method != "GET":
        return "Manage Server and Manage Roles"
    if "/auto-moderation" in route or ("/welcome-screen" in route and method != "GET") \
            or (method != "GET" and route.strip("/").count("/") == 1 and route.startswith("/guilds/")):
        return "Manage Server"  # the server's settings, welcome screen and AutoMod rules
    if "/permissions/" in route or "/roles" in route:
        return "Manage Roles"
    if method == "GET":
        return "View Channels"
    if "/webhooks" in route:
        return "Manage Webhooks"
    return "Manage Channels"


def permission_hint(method: str, route: str) -> str:
    """What else a refused request needs besides its permission. Discord's role hierarchy governs
    editing and giving roles, not a channel's overwrites, which need only the permissions they name
    (https://discord.com/developers/docs/topics/permissions#permission-hierarchy)."""
    if "/permissions/" in route:
        return ", and every permission the overwrite allows or denies"
    if "/roles/" in route and method != "GET":
        return ", and its role above the role it edits"
    return ""


def route_template(path: str) -> str:
    """`path` with minor ids replaced, so one rate-limit bucket covers it (the major id stays)."""
    parts = path.strip("/").split("/")
    out = []
    for index, part in enumerate(parts):
        major = index > 0 and parts[index - 1] in ("guilds", "channels", "webhooks")
        out.append(part if major or not part.isdigit() else "{id}")
    return "/" + "/".join(out)


def field_errors(errors: Any, prefix: str = "") -> str:
    """`{name: {_errors: [{message}]}}` flattened to `name: message; ...`."""
    if not isinstance(errors, dict):
        return ""
    out: list[str] = []
    for key, value in errors.items():
        if key == "_errors" and isinstance(value, list):
            out.extend(f"{prefix or 'body'}: {e.get('message', '')}" for e in value if isinstance(e, dict))
        elif isinstance(value, dict):
            sub = field_errors(value, f"{prefix}.{key}" if prefix else str(key))
            if sub:
                out.append(sub)
    return "; ".join(out)
