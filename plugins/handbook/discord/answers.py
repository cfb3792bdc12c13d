"""What Discord's answers must look like before anything reads them (https://discord.com/developers/docs/resources/channel#channel-object,
https://discord.com/developers/docs/topics/permissions#role-object, https://discord.com/developers/docs/resources/guild#guild-object).

A channel list that is `null`, an object, or holds channels without an `id` is not an empty
server: read as one, `apply` would create every category again. Each check returns the answer
unchanged or raises `Unexpected` naming the first thing that is wrong; the client turns that into
one line naming the endpoint.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from handbook.channelmap.rules import is_snowflake


class Unexpected(ValueError):
    """The answer does not have the shape the API reference promises."""


def _snowflake(value: Any) -> bool:
    return isinstance(value, str) and is_snowflake(value)


def _bits(value: Any) -> bool:
    """A permission bit set: Discord sends strings of digits (integers are accepted too)."""
    return (isinstance(value, str) and value.isdigit()) or (isinstance(value, int) and not isinstance(value, bool)
                                                            and value >= 0)


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _object(body: Any, what: str) -> dict:
    if not isinstance(body, dict):
        raise Unexpected(f"{what} is {_kind(body)}, not an object")
    return body


def _list(body: Any, what: str) -> list:
    if not isinstance(body, list):
        raise Unexpected(f"{what} is {_kind(body)}, not a list")
    return body


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean"}.get(type(value), "a number")


def _field(item: dict, key: str, ok: Callable[[Any], bool], what: str, *, optional: bool = False) -> None:
    if key not in item or item[key] is None:
        if optional:
            return
        raise Unexpected(f"{what} has no `{key}`")
    if not ok(item[key]):
        raise Unexpected(f"{what} has a `{key}` of the wrong type ({_kind(item[key])})")


def channel(body: Any, what: str = "the channel") -> dict:
    item = _object(body, what)
    _field(item, "id", _snowflake, what)
    _field(item, "type", _int, what)
    _field(item, "name", lambda v: isinstance(v, str), what, optional=item.get("type") == 1)  # a DM has none
    _field(item, "position", _int, what, optional=True)
    _field(item, "parent_id", _snowflake, what, optional=True)
    _field(item, "guild_id", _snowflake, what, optional=True)
    _field(item, "topic", lambda v: isinstance(v, str), what, optional=True)
    for index, overwrite in enumerate(_list(item.get("permission_overwrites") or [], f"{what}'s overwrites")):
        name = f"{what}'s overwrite {index + 1}"
        _object(overwrite, name)
        _field(overwrite, "id", _snowflake, name)
        _field(overwrite, "type", _int, name)
        _field(overwrite, "allow", _bits, name, optional=True)
        _field(overwrite, "deny", _bits, name, optional=True)
    return item


def channels(body: Any) -> list[dict]:
    return [channel(item, f"channel {index + 1}") for index, item in enumerate(_list(body, "the channel list"))]


def role(body: Any, what: str = "the role") -> dict:
    item = _object(body, what)
    _field(item, "id", _snowflake, what)
    _field(item, "name", lambda v: isinstance(v, str), what)
    _field(item, "permissions", _bits, what, optional=True)
    _field(item, "position", _int, what, optional=True)
    return item


def roles(body: Any) -> list[dict]:
    return [role(item, f"role {index + 1}") for index, item in enumerate(_list(body, "the role list"))]


def guild(body: Any) -> dict:
    item = _object(body, "the server")
    _field(item, "id", _snowflake, "the server")
    _field(item, "name", lambda v: isinstance(v, str), "the server", optional=True)
    _field(item, "features", lambda v: isinstance(v, list) and all(isinstance(f, str) for f in v), "the server",
           optional=True)
    for key in ("rules_channel_id", "public_updates_channel_id", "safety_alerts_channel_id"):
        _field(item, key, _snowflake, "the server", optional=True)
    return item


def user(body: Any) -> dict:
    item = _object(body, "the bot's user")
    _field(item, "id", _snowflake, "the bot's user")
    return item


def member(body: Any) -> dict:
    item = _object(body, "the bot's member")
    _field(item, "roles", lambda v: isinstance(v, list) and all(_snowflake(r) for r in v), "the bot's member",
           optional=True)
    return item
