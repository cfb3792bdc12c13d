"""Discord's channel names and limits, as pure functions and constants.

Sources: Discord's API reference (https://discord.com/developers/docs/resources/channel, /resources/guild, /topics/permissions).
The API documents only "1-100 characters" for names, but
text-like channels are silently rewritten by Discord, so every comparison of names goes through
`normalize_channel_name` and never compares bytes.
"""

from __future__ import annotations

import re
import unicodedata

# The map's channel kinds and the Discord channel types they create (https://discord.com/developers/docs/resources/channel#channel-object-channel-types).
TEXT_TYPE, VOICE_TYPE, CATEGORY_TYPE, ANNOUNCEMENT_TYPE, STAGE_TYPE, FORUM_TYPE = 0, 2, 4, 5, 13, 15
KIND_TO_TYPE = {"topic": TEXT_TYPE, "prompt": TEXT_TYPE, "announcement": ANNOUNCEMENT_TYPE, "voice": VOICE_TYPE,
                "forum": FORUM_TYPE}
TYPE_TO_KIND = {TEXT_TYPE: "prompt", VOICE_TYPE: "voice", ANNOUNCEMENT_TYPE: "announcement", STAGE_TYPE: "voice",
                FORUM_TYPE: "forum"}
KINDS = tuple(KIND_TO_TYPE)
CHANNEL_TYPES = frozenset(TYPE_TO_KIND)
"""Channel types (not categories) a map can describe; any other (directory, media) is left alone."""
VOICE_LIKE_TYPES = frozenset({VOICE_TYPE, STAGE_TYPE})
"""Listed below text-like channels in a category, whatever their positions."""
NEWS_FEATURE = "NEWS"
"""The guild feature announcement channels need (a Community server): https://discord.com/developers/docs/resources/guild#guild-object-guild-features"""


def compatible_types(kind: str) -> frozenset[int]:
    """Channel types that already are a `kind` channel, or that Discord can turn into one."""
    if kind == "voice":
        return VOICE_LIKE_TYPES  # a stage channel is a voice channel to the map
    if kind == "forum":
        return frozenset({FORUM_TYPE})
    return frozenset({TEXT_TYPE, ANNOUNCEMENT_TYPE})  # text <-> announcement is the one change Discord allows

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

# Forum channels and their posts (https://discord.com/developers/docs/resources/channel#forum-tag-object,
# #start-thread-in-forum-or-media-channel).
DISCUSSIONS = ("channel", "forum")
"""`discussions:` of a topic channel: one channel for the category, or a forum with a post per page."""
FORUM_TAGS_MAX = 20  # available_tags per forum
FORUM_TAG_NAME_MAX = 20
APPLIED_TAGS_MAX = 5  # tags per post
POST_NAME_MAX = 100  # a thread's name, like any channel's
MESSAGE_CONTENT_MAX = 2000
AUTO_ARCHIVE_MINUTES = (60, 1440, 4320, 10080)
ACTIVE_THREADS_MAX = 1000
"""Active threads per server; archived ones do not count (observed, not documented by Discord)."""

SNOWFLAKE_PATTERN = r"^[0-9]{17,20}$"
"""A Discord id: a 64-bit snowflake written as text (https://discord.com/developers/docs/reference#snowflakes)."""
UNSET_ID_PATTERN = r"^0*$"
"""No id yet: empty, or the zeros placeholder of the starter map."""
INVITE_PATTERN = r"^https://(discord\.gg|discord\.com/invite)/[A-Za-z0-9-]+/?$"
"""The two public forms of an invite link (https://support.discord.com/hc/en-us/articles/208866998)."""
NON_BLANK_PATTERN = r"\S"
"""A name has at least one character that is not white space."""

_SNOWFLAKE = re.compile(SNOWFLAKE_PATTERN)
_INVITE = re.compile(INVITE_PATTERN)
_HYPHEN_RUNS = re.compile(r"-{2,}")
_WHITESPACE = re.compile(r"\s+")


def nfc(text: str) -> str:
    """`text` in Unicode NFC: a folder written on macOS (NFD) and the same name typed in the map
    are one name. Every comparison of folder and channel names goes through it."""
    return unicodedata.normalize("NFC", text)


def is_text_like(kind: str) -> bool:
    return kind in TEXT_LIKE_KINDS


def normalize_channel_name(name: str, kind: str = "topic") -> str:
    """The name Discord stores for `name` on a channel of `kind` (observed behaviour of Discord and its client; Discord does not document it).

    Text-like channels: lower case, white space to `-`, `'` and `.` dropped, runs of `-`
    collapsed, a trailing `-` trimmed. Voice channels keep the name as written (trimmed).
    """
    name = nfc(name).strip()
    if not is_text_like(kind):
        return name
    name = _WHITESPACE.sub("-", name.lower())
    name = name.replace("'", "").replace("\u2019", "").replace(".", "")
    name = _HYPHEN_RUNS.sub("-", name)
    return name.rstrip("-")


def same_channel_name(a: str, b: str, kind: str = "topic") -> bool:
    """Whether Discord would store `a` and `b` as the same name (never compare bytes)."""
    return normalize_channel_name(a, kind) == normalize_channel_name(b, kind)


# Combining marks (accents in NFD, Indic vowel signs, ...) that `\w` does not match but names
# carry; with `\w`, `+`, `&` and `-` they are the characters of a name a `#mention` can reach.
NAME_MARKS = ("\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
              "\u0900-\u0dff\u0e00-\u0eff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a"
              "\ufe00-\ufe0f\ufe20-\ufe2f")
MENTIONABLE_NAME = rf"[\w{NAME_MARKS}](?:[\w{NAME_MARKS}+&-]*[\w{NAME_MARKS}+])?"
"""A channel name as `#name` in prose: starts with a letter or digit, ends with one (or `+`)."""
_MENTIONABLE = re.compile(MENTIONABLE_NAME)
_NOT_NAME = re.compile(rf"[^\w{NAME_MARKS}+&-]+")


def is_mentionable(name: str) -> bool:
    """Whether `#name` in a page's prose is a mention of all of `name` (the one rule that
    `mention_name`, and so `handbook sync`, writes by, and that the map's validation checks)."""
    return _MENTIONABLE.fullmatch(name) is not None


def mention_name(normal: str) -> str:
    """A normal text-channel name made only of what a `#mention` reaches (`q&a`, `c++`, `हिन्दी`):
    anything else (an emoji, `!`, a control character) becomes `-`, and no hyphen, underscore or
    `&` is left at either end, nor `+` at its start (`_drafts` -> `drafts`: Discord would keep
    them, but nobody means them). '' when nothing is left (`🎉`, `<<`)."""
    return _HYPHEN_RUNS.sub("-", _NOT_NAME.sub("-", normal)).lstrip("-+&_").rstrip("-&_")


def slug_for_folder(folder: str) -> str:
    """The topic channel name for a docs folder: in Discord's normal form, and mentionable
    (`mention_name`); '' for a folder with no letter or digit (`🎉`, `-`)."""
    return mention_name(normalize_channel_name(folder.replace("_", "-"), "topic"))


def channel_name_for(asked: str) -> str:
    """The topic channel name for a name asked for with `channel:`: Discord's normal form,
    without a leading `#` (`"#tools"` means #tools), and mentionable (`🔥 Hot takes!` -> `hot-takes`)."""
    return mention_name(normalize_channel_name(asked.strip().lstrip("#"), "topic"))


def is_usable_name(name: str) -> bool:
    """Whether Discord would take `name` for a channel: 1 to 100 characters."""
    return 0 < len(name) <= NAME_MAX


def is_snowflake(value: object) -> bool:
    """A real Discord id: 17-20 digits, serialised as a string; all zeros means "unset"."""
    return isinstance(value, str) and bool(_SNOWFLAKE.match(value)) and value.strip("0") != ""


def is_invite_url(value: object) -> bool:
    """`https://discord.gg/CODE` or `https://discord.com/invite/CODE`, nothing else."""
    return isinstance(value, str) and bool(_INVITE.match(value))


def is_unset_id(value: object) -> bool:
    """No id yet: absent, empty, or the all-zeros placeholder the starter map uses."""
    return value is None or value == "" or (isinstance(value, str) and value.strip("0") == "")


def channel_url(guild_id: str, channel_id: str) -> str:
    """Where a member opens a channel (https://discord.com/developers/docs/reference#message-formatting)."""
    return f"https://discord.com/channels/{guild_id}/{channel_id}"


# --- permission overwrites (https://discord.com/developers/docs/topics/permissions) ---------------------------------------

ADMINISTRATOR = 1 << 3
MANAGE_CHANNELS = 1 << 4
MANAGE_GUILD = 1 << 5
ADD_REACTIONS = 1 << 6
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
CONNECT = 1 << 20
MANAGE_ROLES = 1 << 28
CREATE_PUBLIC_THREADS = 1 << 35
CREATE_PRIVATE_THREADS = 1 << 36
SEND_MESSAGES_IN_THREADS = 1 << 38
# The moderation permissions `handbook discord audit` looks at (the bot never needs them).
KICK_MEMBERS = 1 << 1
BAN_MEMBERS = 1 << 2
MANAGE_GUILD = 1 << 5
MANAGE_MESSAGES = 1 << 13
MENTION_EVERYONE = 1 << 17
MODERATE_MEMBERS = 1 << 40
MANAGE_THREADS = 1 << 34
ROLE_OVERWRITE, MEMBER_OVERWRITE = 0, 1

PERMISSION_NAMES = {
    VIEW_CHANNEL: "View Channels",
    MANAGE_CHANNELS: "Manage Channels",
    MANAGE_ROLES: "Manage Roles",
    SEND_MESSAGES: "Send Messages",
    ADD_REACTIONS: "Add Reactions",
    CREATE_PUBLIC_THREADS: "Create Public Threads",
    CREATE_PRIVATE_THREADS: "Create Private Threads",
    SEND_MESSAGES_IN_THREADS: "Send Messages in Threads",
    CONNECT: "Connect",
    ADMINISTRATOR: "Administrator",
    KICK_MEMBERS: "Kick Members",
    BAN_MEMBERS: "Ban Members",
    MANAGE_GUILD: "Manage Server",
    MANAGE_MESSAGES: "Manage Messages",
    MENTION_EVERYONE: "Mention @everyone, @here and All Roles",
    MODERATE_MEMBERS: "Timeout Members",
    MANAGE_THREADS: "Manage Threads",
}

# An archived channel is read-only: members still view it and read its history, but can no longer
# post, react or start or answer threads; in a voice channel they can no longer join.
READ_ONLY_TEXT = SEND_MESSAGES | ADD_REACTIONS | CREATE_PUBLIC_THREADS | CREATE_PRIVATE_THREADS \
    | SEND_MESSAGES_IN_THREADS
READ_ONLY_VOICE = READ_ONLY_TEXT | CONNECT


def read_only_bits(channel_type: int | None) -> int:
    """The bits `@everyone` is denied to make a channel of `channel_type` read-only (None: a category,
    which locks both kinds of channel in it)."""
    if channel_type is None or channel_type == CATEGORY_TYPE or channel_type in VOICE_LIKE_TYPES:
        return READ_ONLY_VOICE
    return READ_ONLY_TEXT


def permission_names(bits: int) -> list[str]:
    """The names of the permissions in `bits`, in the order of their bits."""
    return [name for bit, name in sorted(PERMISSION_NAMES.items()) if bits & bit]


AUDIT_LOG_REASON_MAX = 512
"""`X-Audit-Log-Reason` is at most 512 characters once URL-encoded (https://discord.com/developers/docs/resources/audit-log)."""


def is_private_overwrites(overwrites: list[dict], guild_id: str) -> bool:
    """Whether `@everyone` (the role whose id is the guild's) is denied View Channel."""
    everyone = next((o for o in overwrites if str(o.get("id")) == guild_id), None)
    return bool(everyone and int(everyone.get("deny") or 0) & VIEW_CHANNEL)


def roles_allowed_to_view(overwrites: list[dict], guild_id: str) -> list[str]:
    """The ids of the roles an overwrite allows to view the channel, in overwrite order."""
    return [str(o["id"]) for o in overwrites
            if int(o.get("type", 0)) == ROLE_OVERWRITE and str(o.get("id")) != guild_id
            and int(o.get("allow") or 0) & VIEW_CHANNEL]
