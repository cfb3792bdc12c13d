"""One record for every validation and drift result, and how it is shown to people and machines."""

from __future__ import annotations

from dataclasses import asdict, dataclass

ERROR, WARNING, INFO = "error", "warning", "info"


@dataclass(frozen=True)
class Finding:
    code: str
    """Stable identifier (`orphan-channel`), for scripts and for documentation."""
    severity: str
    """`error` (Discord would refuse it), `warning` (drift, or a likely mistake) or `info` (a hint:
    never fails `handbook check` or a strict build)."""
    message: str
    file: str
    line: int | None
    fix: str

    @property
    def location(self) -> str:
        return f"{self.file}:{self.line}" if self.line else self.file

    def as_text(self) -> str:
        return f"{self.location}: {self.severity}: {self.message} [{self.code}]\n    fix: {self.fix}"

    def as_log_line(self) -> str:
        """The one-line form used in build logs, where MkDocs adds the level."""
        return f"{self.location}: {self.message} [{self.code}] Fix: {self.fix}"

    def as_dict(self) -> dict:
        return asdict(self)


# --- the registry: every finding code, once --------------------------------------------------

BUILD, CHECK, REVIEW, AUDIT = "build", "check", "review", "audit"
"""Where a finding is reported: `mkdocs build` (a log line), `handbook check` (and `sync`,
`status`), `handbook review`, `handbook discord audit` (the live server against the map)."""


@dataclass(frozen=True)
class Code:
    """One kind of finding: its stable code, level, where it is reported, what it means and its
    usual fix (a finding may give a more exact one). Findings are made only from a `Code`."""

    code: str
    level: str
    reported: tuple[str, ...]
    meaning: str
    fix: str

    @property
    def build_only(self) -> bool:
        """Seen only by a build or `handbook review` (mentions of unknown or private channels,
        privacy, overdue reviews, link health): what they need is the pages as MkDocs renders
        them, the day of the build, or the last link check."""
        return CHECK not in self.reported and AUDIT not in self.reported

    def __call__(self, message: str, file: str, line: int | None, fix: str | None = None) -> Finding:
        return Finding(self.code, self.level, message, file, line, fix or self.fix)


CODES: dict[str, Code] = {}
"""Every code, by name, in the order of the manual's finding codes reference (generated from it)."""


def _code(code: str, level: str, reported: tuple[str, ...], meaning: str, fix: str) -> Code:
    entry = Code(code, level, reported, meaning, fix)
    assert code not in CODES, code  # a second entry for a code would make its meaning two
    CODES[code] = entry
    return entry


BOTH = (BUILD, CHECK)
ALL = (BUILD, CHECK, REVIEW)

# The channel map against Discord's rules and its own (channelmap/validation.py).
INVALID_ID = _code("invalid-id", ERROR, BOTH, "an id is not a Discord snowflake (17 to 20 digits)",
                   "copy the id from Discord in developer mode, or remove it and run `handbook discord pull`")
INVALID_INVITE = _code("invalid-invite", ERROR, BOTH,
                       "`server.invite` is not a Discord invite link (and the site shows no \"Join\" link)",
                       "write the invite as https://discord.gg/CODE or https://discord.com/invite/CODE")
TOO_MANY_ROLES = _code("too-many-roles", ERROR, BOTH, "more roles than a Discord server can have",
                       "remove roles you no longer use")
DUPLICATE_ROLE = _code("duplicate-role", ERROR, BOTH, "a role is listed twice", "keep one entry per role")
INVALID_ROLE_NAME = _code("invalid-role-name", ERROR, BOTH, "a role name is empty or too long for Discord",
                          "give the role a name of 1 to 100 characters")
TOO_MANY_CHANNELS = _code("too-many-channels", ERROR, BOTH,
                          "more channels than a Discord server can have (500, categories included)",
                          "archive and delete channels nobody uses")
INVALID_CATEGORY_NAME = _code("invalid-category-name", ERROR, BOTH,
                              "a Discord category name is empty, only spaces or too long",
                              "give the Discord category a name of 1 to 100 characters")
CATEGORY_FULL = _code("category-full", ERROR, BOTH, "more than 50 channels in one Discord category",
                      "move channels to another Discord category")
PRIVATE_WITHOUT_ROLES = _code("private-without-roles", ERROR, BOTH, "a private category or channel lists no roles",
                              "list the roles that may see it under `roles:`")
UNKNOWN_ROLE = _code("unknown-role", ERROR, BOTH, "a category or channel names a role that `roles:` does not list",
                     "add the role to `roles:`, or correct the name")
DUPLICATE_CHANNEL = _code("duplicate-channel", ERROR, BOTH, "a channel name is listed twice",
                          "rename or remove one of them")
DUPLICATE_TOPIC_CHANNEL = _code("duplicate-topic-channel", ERROR, BOTH,
                                "two topic channels mirror the same handbook category",
                                "keep one topic channel per category; make the other a `prompt` channel")
DUPLICATE_ID = _code("duplicate-id", ERROR, BOTH, "two entries of the map have the same id",
                     "remove the id that was copied; `handbook discord pull` fills in the right one")
INVALID_NAME = _code("invalid-name", ERROR, BOTH, "a channel name is empty or longer than 100 characters",
                     "give the channel a name of 1 to 100 characters")
NAME_NOT_NORMAL = _code("name-not-normal", WARNING, BOTH,
                        "Discord would store the channel name otherwise (lower case, hyphens)",
                        "write the name as Discord stores it")
NAME_NOT_MENTIONABLE = _code("name-not-mentionable", WARNING, BOTH,
                             "a text channel's name cannot be linked by a `#name` mention in a page "
                             "(a mention is letters, digits, `-` and `_`)",
                             "rename the channel to letters, digits and hyphens")
TOPIC_WITHOUT_CATEGORY = _code("topic-without-category", ERROR, BOTH,
                               "a topic channel does not say which handbook category it mirrors",
                               "add `category: <docs folder>`, or make it a `prompt` channel")
TOPIC_NOT_SUPPORTED = _code("topic-not-supported", WARNING, BOTH, "a voice channel cannot have a topic on Discord",
                            "remove the `topic:` line")
TOPIC_TOO_LONG = _code("topic-too-long", ERROR, BOTH,
                       "a topic is longer than Discord allows (1,024 characters, 4,096 for forums)",
                       "shorten the topic")

# Drift between the handbook's categories and the map (checks/drift.py, checks/categories.py).
MISSING_CHANNEL = _code("missing-channel", WARNING, BOTH, "a handbook category has no topic channel",
                        "run `handbook sync`, or put `channel: false` in the category's index.md front matter")
ORPHAN_CHANNEL = _code("orphan-channel", WARNING, BOTH, "a topic channel mirrors a folder that is gone",
                       "run `handbook sync` to mark it `status: archived`")
CATEGORY_RENAMED = _code("category-renamed", WARNING, BOTH,
                         "the category's folder was renamed (from git history): rename its channel",
                         "run `handbook sync` (it keeps the channel's id)")
EXCLUDED_CATEGORY_CHANNEL = _code("excluded-category-channel", WARNING, BOTH,
                                  "a topic channel mirrors an excluded category",
                                  "run `handbook sync` to mark it archived, or stop excluding the category")
CHANNEL_NAME_MISMATCH = _code("channel-name-mismatch", WARNING, BOTH,
                              "`channel: name` in the index page disagrees with the map",
                              "run `handbook sync` to rename the channel")
STALE_TOPIC = _code("stale-topic", WARNING, BOTH,
                    "the category's title changed after its channel's topic was written, and the topic "
                    "still names the old title", "run `handbook sync`, or edit the `topic:` line")
OUTDATED_TOPIC = _code("outdated-topic", INFO, BOTH,
                       "the topic is sync's own `Title: description` for another title",
                       "run `handbook sync` to refresh it")
DUPLICATE_CATEGORY_TITLE = _code("duplicate-category-title", WARNING, BOTH, "two categories have the same title",
                                 "give one a title of its own: in the nav, or in its index page")
BAD_CHANNEL_FRONT_MATTER = _code("bad-channel-front-matter", WARNING, BOTH,
                                 "`channel:` in a category's index.md is not text or `false`",
                                 "quote the name (`channel: \"2024\"`), or `channel: false` to opt out")
UNUSABLE_CHANNEL_NAME = _code("unusable-channel-name", WARNING, BOTH,
                              "a category's channel name would be empty or over 100 characters",
                              "name the channel with `channel: some-name` in its index.md")
MISSING_MAP = _code("missing-map", WARNING, BOTH, "there is no channel map yet",
                    "run `handbook sync` to write a starter map")

# What pages say, seen as MkDocs renders them (site/).
MENTION_AT_LINE_START = _code("mention-at-line-start", WARNING, BOTH,
                              "a page line starts with `#name` of a channel, which Python-Markdown makes a heading",
                              "start the line with another word, or write `\\#name`")
MENTION_UNKNOWN_CHANNEL = _code("mention-unknown-channel", WARNING, (BUILD,),
                                "`#name` in a page is close to, but not, a channel of the map",
                                "write the channel's name, or `\\#name` if it is not meant as a channel")
MENTION_PRIVATE_CHANNEL = _code("mention-private-channel", WARNING, (BUILD,),
                                "a page mentions a private channel; the site shows \"a private channel\"",
                                "remove the mention, or write `\\#name`")
PRIVATE_NAME = _code("private-name", WARNING, (BUILD,),
                     "front matter, link text, alt text or a code span names a private channel or space",
                     "leave the private name out of what the page publishes")
DISCUSS_UNKNOWN_CHANNEL = _code("discuss-unknown-channel", WARNING, (BUILD,),
                                "front matter `channel:` of a page names no channel of the map",
                                "name a channel of the map, or `channel: false` for no discuss link")
DISCUSS_PRIVATE_CHANNEL = _code("discuss-private-channel", WARNING, (BUILD,),
                                "front matter `channel:` of a page names a private channel",
                                "name an open channel, or write `channel: false`")

# Owners and review dates (reviews/).
FRONT_MATTER_INVALID = _code("front-matter-invalid", WARNING, ALL,
                             "a page's front matter is not valid YAML", "correct the front matter at that line")
REVIEW_OWNER_INVALID = _code("review-owner-invalid", WARNING, ALL,
                             "`owner:` is not a name, a team or a `@role` (or is an e-mail address)",
                             "write `owner: \"@role\"` or a name")
REVIEW_OWNER_UNKNOWN_ROLE = _code("review-owner-unknown-role", WARNING, ALL,
                                  "`owner:` names a `@role` that the channel map does not list",
                                  "add the role to the map's `roles:`, or correct the name")
REVIEW_PERIOD_INVALID = _code("review-period-invalid", WARNING, ALL,
                              "`review_every:` is not a period such as `6 months`", "write a period: `6 months`")
REVIEW_DATE_INVALID = _code("review-date-invalid", WARNING, ALL,
                            "`last_reviewed:` is not a date", "write the date as YYYY-MM-DD")
REVIEW_DATE_IN_FUTURE = _code("review-date-in-future", WARNING, ALL,
                              "`last_reviewed:` is after today", "write the day the page was last re-read")
REVIEW_CATEGORY_UNKNOWN = _code("review-category-unknown", WARNING, ALL,
                                "`review_every_by_category` names a folder that is not a handbook category",
                                "name a handbook category")
CODEOWNERS_UNSUPPORTED = _code("codeowners-unsupported", WARNING, ALL,
                               "a CODEOWNERS pattern uses syntax CODEOWNERS does not support (`!`, `[ ]`)",
                               "list the paths with `*` and `**` patterns instead")
REVIEW_OVERDUE = _code("review-overdue", WARNING, (BUILD, REVIEW),
                       "a page is past its review date (logged at the `review_overdue` level)",
                       "re-read the page, then set `last_reviewed:` to the day you did")

# Links, from the last `handbook links check` (linkhealth/).
DEAD_LINK = _code("dead-link", WARNING, (BUILD,), "a link was dead at the last link check",
                  "update the link or remove it; run `handbook links check` again")
MOVED_LINK = _code("moved-link", INFO, (BUILD,), "a link moved permanently at the last link check",
                   "link to where it moved")
UNREACHABLE_LINK = _code("unreachable-link", INFO, (BUILD,), "a link could not be reached at the last link check",
                         "nothing yet if the site is down for a while; run `handbook links check` again")

# The live server against the handbook's promises (`handbook discord audit`, discord/audit_checks.py).
PRIVATE_SPACE_VISIBLE = _code("private-space-visible", WARNING, (AUDIT,),
                              "a category or channel the map calls private can be seen by `@everyone`, or by "
                              "a role the map does not name for it",
                              "run `handbook discord apply`, or take View Channels from that role in the "
                              "channel's permissions")
UNMAPPED_ROLE_POWER = _code("unmapped-role-power", WARNING, (AUDIT,),
                            "a role the map does not list holds Administrator, Manage Roles, Ban Members or "
                            "Manage Messages (or the bot's own role holds more than handbook needs)",
                            "take the permission from the role in Server Settings → Roles, or list the role "
                            "in the map's `roles:` if the community gives it that on purpose")
EVERYONE_MENTIONS_EVERYONE = _code("everyone-mentions-everyone", WARNING, (AUDIT,),
                                   "`@everyone` may mention `@everyone` and `@here`, server-wide or in a channel",
                                   "turn off Mention @everyone, @here and All Roles for `@everyone` in Server "
                                   "Settings → Roles (or in the channel's permissions)")
BOT_ABOVE_MODERATORS = _code("bot-above-moderators", WARNING, (AUDIT,),
                             "the bot's highest role ranks above a moderation role, so the bot (and anyone with "
                             "its token) could give or take that role",
                             "drag the bot's role below the moderation roles in Server Settings → Roles")
MODERATION_WITHOUT_MFA = _code("moderation-without-mfa", WARNING, (AUDIT,),
                               "the map promises that moderation needs two-factor authentication, and the "
                               "server does not require it",
                               "the server's owner turns on Require 2FA for moderation in Server Settings → "
                               "Safety Setup")
VERIFICATION_LEVEL_LOW = _code("verification-level-low", WARNING, (AUDIT,),
                               "the server's verification level is lower than the map's",
                               "raise it in Server Settings → Safety Setup → Verification Level")
RULES_CHANNEL_DIFFERS = _code("rules-channel-differs", WARNING, (AUDIT,),
                              "the server's rules channel is not the one the map names",
                              "choose the map's rules channel in Server Settings → Community → Overview, or "
                              "correct the map")
AUTOMOD_RULE_MISSING = _code("automod-rule-missing", WARNING, (AUDIT,),
                             "an AutoMod rule the map lists is not on the server, or is turned off there",
                             "run `handbook discord apply`, or turn the rule on in Server Settings → AutoMod")

# Forum channels: a post per page (channelmap/validation.py, discord/forum_plan.py).
TOO_MANY_FORUM_TAGS = _code("too-many-forum-tags", ERROR, BOTH, "a forum lists more than 20 `available_tags`",
                            "keep at most 20 tags; merge or drop the least used")
INVALID_FORUM_TAG = _code("invalid-forum-tag", ERROR, BOTH,
                          "a forum tag is empty, longer than 20 characters or listed twice",
                          "write each tag once, with 1 to 20 characters")
TAGS_WITHOUT_FORUM = _code("tags-without-forum", WARNING, BOTH,
                           "`available_tags` or `discussions:` on a channel that cannot be a forum",
                           "add `discussions: forum` to a topic channel, or remove the key")

# The server's settings, onboarding, welcome screen and AutoMod rules in the map (channelmap/server_validation.py).
SERVER_UNKNOWN_CHANNEL = _code("server-unknown-channel", ERROR, BOTH,
                               "a server setting, onboarding, welcome screen or AutoMod rule names a channel "
                               "the map does not list", "name a channel of the map, as written under `channels:`")
SERVER_UNKNOWN_ROLE = _code("server-unknown-role", ERROR, BOTH,
                            "an onboarding option or AutoMod rule names a role that `roles:` does not list",
                            "name a role of `roles:`, or add it there")
SERVER_OVER_LIMIT = _code("server-over-limit", ERROR, BOTH,
                          "the welcome screen, onboarding or AutoMod rules exceed a limit Discord sets",
                          "shorten or remove entries until the limit the message names is kept")
AUTOMOD_INVALID = _code("automod-invalid", ERROR, BOTH,
                        "an AutoMod rule Discord would refuse: an action its trigger cannot take, a trigger "
                        "without what it needs, two rules of one name",
                        "change the rule as the message says")
SERVER_PRIVATE_CHANNEL = _code("server-private-channel", WARNING, BOTH,
                               "the welcome screen or onboarding shows a private channel, which new members "
                               "cannot see", "show an open channel instead")
SERVER_CHANNEL_NOT_TEXT = _code("server-channel-not-text", ERROR, BOTH,
                                "a server setting, the welcome screen or an AutoMod alert names a voice channel "
                                "or a forum, where Discord takes only a text channel",
                                "name a text or announcement channel")

# Secrets written into pages (site/page_secrets.py): the published site carries no token.
TOKEN_IN_PAGE = _code("token-in-page", WARNING, BOTH,
                      "a page holds a Discord bot or user token or a webhook URL; the published page leaves it "
                      "out",
                      "revoke the token, it is in git history (reset a bot's token in the Developer Portal, "
                      "delete a webhook in the channel's Integrations); remove it from the page")
