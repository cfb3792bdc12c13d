"""The server-wide endpoints the map's `server:` section needs, sent through `DiscordClient.request`.

- settings: `PATCH /guilds/{id}` (https://discord.com/developers/docs/resources/guild#modify-guild);
- onboarding: `GET`/`PUT /guilds/{id}/onboarding`
  (https://discord.com/developers/docs/resources/guild#get-guild-onboarding);
- welcome screen: `GET`/`PATCH /guilds/{id}/welcome-screen`
  (https://discord.com/developers/docs/resources/guild#get-guild-welcome-screen);
- AutoMod: `/guilds/{id}/auto-moderation/rules`
  (https://discord.com/developers/docs/resources/auto-moderation).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from handbook.discord.errors import UnexpectedAnswer

if TYPE_CHECKING:
    from handbook.discord.client import DiscordClient


def _shaped(body: Any, kind: type, what: str, method: str, path: str) -> Any:
    if not isinstance(body, kind):
        raise UnexpectedAnswer(f"{what}: Discord answered something unexpected for {method} {path} "
                               f"(not {'a list' if kind is list else 'an object'}); try again later",
                               method=method, route=path)
    return body


def onboarding(client: DiscordClient, guild_id: str) -> dict:
    path = f"/guilds/{guild_id}/onboarding"
    return _shaped(client.request("GET", path, what="read the server's onboarding"), dict, "onboarding", "GET", path)


def welcome_screen(client: DiscordClient, guild_id: str) -> dict:
    path = f"/guilds/{guild_id}/welcome-screen"
    return _shaped(client.request("GET", path, what="read the welcome screen"), dict, "welcome screen", "GET", path)


def automod_rules(client: DiscordClient, guild_id: str) -> list[dict]:
    path = f"/guilds/{guild_id}/auto-moderation/rules"
    rules = _shaped(client.request("GET", path, what="read the AutoMod rules"), list, "AutoMod rules", "GET", path)
    return [r for r in rules if isinstance(r, dict) and isinstance(r.get("id"), str)]


def modify_guild(client: DiscordClient, guild_id: str, payload: dict, *, reason: str, what: str) -> dict:
    return client.request("PATCH", f"/guilds/{guild_id}", json=payload, reason=reason, what=what) or {}


def put_onboarding(client: DiscordClient, guild_id: str, payload: dict, *, reason: str, what: str) -> dict:
    return client.request("PUT", f"/guilds/{guild_id}/onboarding", json=payload, reason=reason, what=what) or {}


def modify_welcome_screen(client: DiscordClient, guild_id: str, payload: dict, *, reason: str, what: str) -> dict:
    return client.request("PATCH", f"/guilds/{guild_id}/welcome-screen", json=payload, reason=reason, what=what) or {}


def create_automod_rule(client: DiscordClient, guild_id: str, payload: dict, *, reason: str, what: str) -> dict:
    path = f"/guilds/{guild_id}/auto-moderation/rules"
    return _shaped(client.request("POST", path, json=payload, reason=reason, what=what), dict, what, "POST", path)


def modify_automod_rule(client: DiscordClient, guild_id: str, rule_id: str, payload: dict, *, reason: str,
                        what: str) -> dict:
    return client.request("PATCH", f"/guilds/{guild_id}/auto-moderation/rules/{rule_id}", json=payload,
                          reason=reason, what=what) or {}
