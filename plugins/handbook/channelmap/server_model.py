"""The rest of a server as data: its safety settings, onboarding, welcome screen and AutoMod rules.

The map's `server:` section names everything in words (`verification_level: medium`) and by
names from the map (`rules_channel: rules`); `discord` turns them into Discord's numbers and ids.
Each word table below is Discord's, with its source:

- settings: https://discord.com/developers/docs/resources/guild#guild-object (verification level,
  explicit content filter, default message notifications, MFA level, system channel flags);
- onboarding: https://discord.com/developers/docs/resources/guild#guild-onboarding-object;
- welcome screen: https://discord.com/developers/docs/resources/guild#welcome-screen-object;
- AutoMod: https://discord.com/developers/docs/resources/auto-moderation.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

VERIFICATION_LEVELS = ("none", "low", "medium", "high", "very_high")
"""0-4: none; a verified e-mail; and 5 minutes on Discord; and 10 minutes in the server; a verified phone."""
VERIFICATION_MEANING = {
    "none": "anyone may post at once",
    "low": "members need a verified e-mail address",
    "medium": "members need a verified e-mail address and an account older than 5 minutes",
    "high": "members need a verified e-mail address and to have been in the server for 10 minutes",
    "very_high": "members need a verified phone number",
}
CONTENT_FILTERS = ("disabled", "members_without_roles", "all_members")
NOTIFICATIONS = ("all_messages", "only_mentions")
SYSTEM_CHANNEL_FLAGS = {
    "suppress_join_notifications": 1 << 0,
    "suppress_premium_subscriptions": 1 << 1,
    "suppress_guild_reminder_notifications": 1 << 2,
    "suppress_join_notification_replies": 1 << 3,
    "suppress_role_subscription_purchase_notifications": 1 << 4,
    "suppress_role_subscription_purchase_notification_replies": 1 << 5,
}
SETTING_CHANNELS = ("rules_channel", "public_updates_channel", "safety_alerts_channel", "system_channel")
"""Settings that name a channel of the map; Discord's field is the word with `_id`."""
COMMUNITY_FEATURE = "COMMUNITY"

ONBOARDING_MODES = ("default", "advanced")
"""ONBOARDING_DEFAULT 0 (default channels count towards the minimum), ONBOARDING_ADVANCED 1."""
PROMPT_TYPES = ("single", "multiple", "dropdown")
"""Multiple choice with one answer, multiple choice with several, a dropdown (Discord: type 0 or 1, `single_select`)."""

WELCOME_DESCRIPTION_MAX = 140
WELCOME_CHANNELS_MAX = 5
WELCOME_CHANNEL_DESCRIPTION_MAX = 50
"""Discord's page names the fields; the lengths are in the user API's reference
(https://github.com/discord-userdoccers/discord-userdoccers, pages/resources/guild.mdx)."""

TRIGGERS = ("keywords", "keyword_preset", "spam", "mention_spam", "member_profile")
TRIGGER_KEYS: dict[str, tuple[str, ...]] = {
    "keywords": ("keywords", "regex", "allow"), "keyword_preset": ("presets", "allow"), "spam": (),
    "mention_spam": ("limit", "raid_protection"), "member_profile": ("keywords", "regex", "allow")}
"""The keys each trigger takes under it, as Discord's trigger metadata has them (`spam` takes none)."""
TRIGGER_TYPE = {"keywords": 1, "spam": 3, "keyword_preset": 4, "mention_spam": 5, "member_profile": 6}
TRIGGER_OF_TYPE = {number: word for word, number in TRIGGER_TYPE.items()}
PRESETS = {"profanity": 1, "sexual_content": 2, "slurs": 3}
ACTIONS = ("block", "alert", "timeout")
ACTION_KEYS: dict[str, tuple[str, ...]] = {"block": ("message",), "alert": ("channel",), "timeout": ("duration",)}
BLOCK_MESSAGE, SEND_ALERT, TIMEOUT, BLOCK_MEMBER_INTERACTION = 1, 2, 3, 4
KEYWORD_RULES_MAX = 6
"""At most 6 keyword rules per server, and one of each other trigger type."""
KEYWORDS_MAX, KEYWORD_LENGTH_MAX = 1000, 60
REGEX_MAX, REGEX_LENGTH_MAX = 10, 260
ALLOW_MAX = {"keywords": 100, "member_profile": 100, "keyword_preset": 1000}
ALLOW_LENGTH_MAX = 60
MENTION_LIMIT_MAX = 50
TIMEOUT_MAX_SECONDS = 2_419_200
"""Four weeks; a timeout is allowed on keyword and mention-spam rules only."""
TIMEOUT_TRIGGERS = ("keywords", "mention_spam")
BLOCK_MESSAGE_MAX = 150
EXEMPT_ROLES_MAX, EXEMPT_CHANNELS_MAX = 20, 50
DURATION_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


@dataclass
class ServerSettings:
    verification_level: str | None = None
    explicit_content_filter: str | None = None
    default_message_notifications: str | None = None
    mfa_required_for_moderation: bool | None = None
    """Read by a bot, set only by the server's owner: `plan` says so, `apply` never sends it."""
    community: bool | None = None
    channels: dict[str, str] = field(default_factory=dict)
    """`rules_channel` ... `system_channel` → the channel's name in the map."""
    system_channel_flags: list[str] | None = None
    line: int = 0
    lines: dict[str, int] = field(default_factory=dict)
    """The line of each key, for findings."""

    @property
    def rules_channel(self) -> str | None:
        return self.channels.get("rules_channel")

    @property
    def public_updates_channel(self) -> str | None:
        return self.channels.get("public_updates_channel")


@dataclass
class OnboardingOption:
    title: str
    description: str | None = None
    channels: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    emoji: str | None = None
    line: int = 0


@dataclass
class OnboardingPrompt:
    title: str
    type: str = "multiple"
    required: bool = False
    in_onboarding: bool = True
    options: list[OnboardingOption] = field(default_factory=list)
    line: int = 0


@dataclass
class Onboarding:
    enabled: bool = True
    mode: str = "default"
    default_channels: list[str] = field(default_factory=list)
    prompts: list[OnboardingPrompt] = field(default_factory=list)
    line: int = 0


@dataclass
class WelcomeChannel:
    channel: str
    description: str
    emoji: str | None = None
    line: int = 0


@dataclass
class WelcomeScreen:
    enabled: bool = True
    description: str | None = None
    channels: list[WelcomeChannel] = field(default_factory=list)
    line: int = 0


@dataclass
class AutoModAction:
    kind: str
    """`block`, `alert` or `timeout`."""
    message: str | None = None
    channel: str | None = None
    duration: int | None = None
    """Seconds, for a timeout."""
    line: int = 0


@dataclass
class AutoModRule:
    name: str
    trigger: str
    """One of `TRIGGERS`."""
    id: str | None = None
    enabled: bool = True
    keywords: list[str] = field(default_factory=list)
    regex: list[str] = field(default_factory=list)
    allow: list[str] = field(default_factory=list)
    presets: list[str] = field(default_factory=list)
    mention_limit: int | None = None
    raid_protection: bool = False
    actions: list[AutoModAction] = field(default_factory=list)
    exempt_roles: list[str] = field(default_factory=list)
    exempt_channels: list[str] = field(default_factory=list)
    line: int = 0
    node: Any = field(default=None, repr=False, compare=False)

    @property
    def mention_total_limit(self) -> int | None:
        """Discord's name for `mention_limit`."""
        return self.mention_limit


@dataclass
class ServerSetup:
    """What the map asks of the server beyond its channels and roles; None: the map does not say."""

    settings: ServerSettings | None = None
    onboarding: Onboarding | None = None
    welcome_screen: WelcomeScreen | None = None
    automod: list[AutoModRule] | None = None

    @property
    def asks(self) -> bool:
        """Whether the map manages any of it, and so the bot needs Manage Server."""
        return any(part is not None for part in (self.settings, self.onboarding, self.welcome_screen, self.automod))

    def channel_references(self) -> list[tuple[str, str, int]]:
        """Every channel name it mentions: (name, where, line)."""
        refs: list[tuple[str, str, int]] = []
        if self.settings:
            refs += [(name, f"`server.settings.{key}`", self.settings.lines.get(key, self.settings.line))
                     for key, name in self.settings.channels.items()]
        if self.onboarding:
            refs += [(name, "`server.onboarding.default_channels`", self.onboarding.line)
                     for name in self.onboarding.default_channels]
            refs += [(name, f"onboarding option `{option.title}`", option.line)
                     for prompt in self.onboarding.prompts for option in prompt.options for name in option.channels]
        if self.welcome_screen:
            refs += [(c.channel, "the welcome screen", c.line) for c in self.welcome_screen.channels]
        for rule in self.automod or []:
            refs += [(name, f"AutoMod rule `{rule.name}` (exempt_channels)", rule.line) for name in rule.exempt_channels]
            refs += [(a.channel, f"AutoMod rule `{rule.name}` (alert)", a.line) for a in rule.actions if a.channel]
        return refs

    def role_references(self) -> list[tuple[str, str, int]]:
        refs: list[tuple[str, str, int]] = []
        if self.onboarding:
            refs += [(name, f"onboarding option `{option.title}`", option.line)
                     for prompt in self.onboarding.prompts for option in prompt.options for name in option.roles]
        for rule in self.automod or []:
            refs += [(name, f"AutoMod rule `{rule.name}` (exempt_roles)", rule.line) for name in rule.exempt_roles]
        return refs


def parse_duration(value: Any) -> int | None:
    """Seconds from `600`, `10m`, `1h`, `2d` or `1w`; None when it is neither."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if len(text) > 1 and text[-1] in DURATION_UNITS and text[:-1].strip().isdigit():
        return int(text[:-1]) * DURATION_UNITS[text[-1]]
    return None
