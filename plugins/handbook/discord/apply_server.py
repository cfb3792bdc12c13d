"""Send one server operation (`server_operations`): settings, Community, onboarding, welcome
screen, AutoMod rules. Idempotent like every step of `apply`: each request sets the whole value
the map asks for, so running it again changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from handbook.discord import server_api
from handbook.discord.operations import Recorded
from handbook.discord.server_operations import (CreateAutoModRule, EnableCommunity, ServerOperation, SetOnboarding,
                                                SetServerSetting, SetWelcomeScreen, UpdateAutoModRule, resolve_body)

if TYPE_CHECKING:
    from handbook.discord.client import DiscordClient


def send_server_operation(client: DiscordClient, guild_id: str, op: ServerOperation, *, resolve: Callable,
                          reason: str, created: list[Recorded]) -> str | None:
    """Send `op`, its channels and roles made this run resolved to ids; what it makes goes to `created`."""
    what = f"{op.op} {op.name}"
    body = resolve_body(op.body, resolve)
    if isinstance(op, (SetServerSetting, EnableCommunity)):
        server_api.modify_guild(client, guild_id, body, reason=reason, what=what)
    elif isinstance(op, SetOnboarding):
        server_api.put_onboarding(client, guild_id, body, reason=reason, what=what)
    elif isinstance(op, SetWelcomeScreen):
        server_api.modify_welcome_screen(client, guild_id, body, reason=reason, what=what)
    elif isinstance(op, UpdateAutoModRule):
        server_api.modify_automod_rule(client, guild_id, str(op.id), body, reason=reason, what=what)
    elif isinstance(op, CreateAutoModRule):
        rule = server_api.create_automod_rule(client, guild_id, body, reason=reason, what=what)
        created.append(Recorded("automod", str(rule.get("id")), map_name=op.map_name))
        return f"done (id {rule.get('id')})"
    else:  # pragma: no cover - plan_server makes only the operations above
        raise ValueError(op.op)
    return None
