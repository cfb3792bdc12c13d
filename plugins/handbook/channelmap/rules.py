"""Discord's channel names and limits, as pure functions and constants.

Sources: Discord's API reference (https://discord.com/developers/docs/resources/channel, /resources/guild, /topics/permissions).
The API documents only "1-100 characters" for names, but
text-like channels are silently rewritten by Discord, so every comparison of names goes through
`normalize_channel_name` and never compares bytes.
"""

from __future__ import annotations

import re

# The map's channel kinds and the Discord channel types they create (https://discord.com/developers/docs/resources/channel#channel-object-channel-types).
KIND_TO_TYPE = {"topic": 0, "prompt": 0, "announcement": 5, "voice": 2, "forum": 15}
TYPE_TO_KIND = {0: "prompt", 2: "voice", 5: "announcement", 13: "voice", 15: "forum"}
CATEGORY_TYPE = 4
KINDS = tuple(KIND_TO_TYPE)

# Kinds whose names Discord lowercases and hyphenates. Voice (and category) names keep their case
# and spaces. Forum names are unverified upstream (not documented by Discord); they are treated as text-like,
# which is what the client shows, and `discord pull` stores whatever the API returns.
TEXT_LIKE_KINDS = frozenset({"topic", "prompt", "announcement", "forum"})

NAME_MAX = 100  # every channel type, create and modify
ROLE_NAME_MAX = 100  #
CHANNELS_PER_CATEGORY_MAX = 50  #
CHANNELS_PER_GUILD_MAX = 500  # categories count, threads do not
ROLES_PER_GUILD_MAX = 250  #
TOPIC_MAX = {"topic": 1024, "prompt": 1024, "announcement": 1024, "forum": 4096}  #
KINDS_WITHOUT_TOPIC = frozenset({"voice"})

_SNOWFLAKE = re.compile(r"^[0-9]{17,20}$")
_HYPHEN_RUNS = re.compile(r"-{2,}")
_WHITESPACE = re.compile(r"\s+")


def is_text_like(kind: str) -> bool:
    return kind in TEXT_LIKE_KINDS


def normalize_channel_name(name: str, kind: str = "topic") -> str:
    """The name Discord stores for `name` on a channel of `kind` (observed behaviour of Discord and its client; Discord does not document it).

    Text-like channels: lower case, white space to `-`, `'` and `.` dropped, runs of `-`
    collapsed, a trailing `-` trimmed. Voice channels keep the name as written (trimmed).
    """
    name = name.strip()
    if not is_text_like(kind):
        return name
    name = _WHITESPACE.sub("-", name.lower())
    name = name.replace("'", "").replace("\u2019", "").replace(".", "")
    name = _HYPHEN_RUNS.sub("-", name)
    return name.rstrip("-")


def same_channel_name(a: str, b: str, kind: str = "topic") -> bool:
    """Whether Discord would store `a` and `b` as the same name (never compare bytes)."""
    return normalize_channel_name(a, kind) == normalize_channel_name(b, kind)


def slug_for_folder(folder: str) -> str:
    """The topic channel name for a docs folder: already in Discord's normal form."""
    return normalize_channel_name(folder.replace("_", "-"), "topic")


def is_snowflake(value: object) -> bool:
    """A real Discord id: 17-20 digits, serialised as a string; all zeros means "unset"."""
    return isinstance(value, str) and bool(_SNOWFLAKE.match(value)) and value.strip("0") != ""


def is_unset_id(value: object) -> bool:
    """No id yet: absent, empty, or the all-zeros placeholder the starter map uses."""
    return value is None or value == "" or (isinstance(value, str) and value.strip("0") == "")


def channel_url(guild_id: str, channel_id: str) -> str:
    """Where a member opens a channel (https://discord.com/developers/docs/reference#message-formatting)."""
    return f"https://discord.com/channels/{guild_id}/{channel_id}"


# --- permission overwrites (https://discord.com/developers/docs/topics/permissions) ---------------------------------------

VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
ROLE_OVERWRITE, MEMBER_OVERWRITE = 0, 1


def is_private_overwrites(overwrites: list[dict], guild_id: str) -> bool:
    """Whether `@everyone` (the role whose id is the guild's) is denied View Channel."""
    everyone = next((o for o in overwrites if str(o.get("id")) == guild_id), None)
    return bool(everyone and int(everyone.get("deny") or 0) & VIEW_CHANNEL)


def roles_allowed_to_view(overwrites: list[dict], guild_id: str) -> list[str]:
    """The ids of the roles an overwrite allows to view the channel, in overwrite order."""
    return [str(o["id"]) for o in overwrites
            if int(o.get("type", 0)) == ROLE_OVERWRITE and str(o.get("id")) != guild_id
            and int(o.get("allow") or 0) & VIEW_CHANNEL]
