"""The `handbook` plugin's options, validated once (`mkdocs.yml` → `plugins: - handbook:`).

MkDocs validates them for a build; `handbook check`, `sync` and every `discord` subcommand load
`mkdocs.yml` through MkDocs' own `load_config` (see `handbook.project`), so every command accepts
exactly the configurations a build accepts, with MkDocs' wording. Option types that MkDocs lacks
are small `config_options` subclasses here, in the style of MkDocs' own.
"""

from __future__ import annotations

import logging
import posixpath
import re
from dataclasses import dataclass

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.utils import markdown_extensions

PAGE_SUFFIXES: tuple[str, ...] = tuple(markdown_extensions)
"""What MkDocs takes for a Markdown page (`.md`, `.markdown`, `.mdown`, `.mkdn`, `.mkd`)."""


@dataclass(frozen=True)
class Level:
    """How a kind of finding is reported in a build: `warn`, `info` or `ignore`."""

    name: str

    def log_level(self, severity: str = "warning") -> int | None:
        """The log level of a finding of `severity`: a warning is a warning (and fails `--strict`)
        only at `warn`; everything else is info; nothing at `ignore`."""
        if self.name == "ignore":
            return None
        return logging.WARNING if self.name == "warn" and severity in ("warning", "error") else logging.INFO

    def __str__(self) -> str:
        return self.name


class ReportLevel(c.Choice):
    """`warn`, `info` or `ignore`, read as a `Level` (the one mapping to log levels)."""

    NAMES = ("warn", "info", "ignore")

    def __init__(self, default: str) -> None:
        super().__init__(self.NAMES, default=default)

    def run_validation(self, value: object) -> Level:
        if value not in self.NAMES:
            raise base.ValidationError(f"Expected warn, info or ignore, got {value!r}.")
        return Level(str(value))


class Count(c.Type):
    """A whole number of at least `minimum`."""

    def __init__(self, default: int, minimum: int = 0) -> None:
        super().__init__(int, default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> int:
        number = super().run_validation(value)
        if isinstance(number, bool) or not isinstance(number, int) or number < self.minimum:
            raise base.ValidationError(f"Expected a whole number of at least {self.minimum}, got {number!r}.")
        return number


class RegexList(c.ListOfItems):
    """A list of regular expressions; each one must compile."""

    def __init__(self, default: list[str]) -> None:
        super().__init__(c.Type(str), default=default)

    def run_validation(self, value: object) -> list[str]:
        patterns = super().run_validation(value)
        for index, pattern in enumerate(patterns):
            try:
                re.compile(pattern)
            except re.error as e:
                raise base.ValidationError(
                    f"Item {index + 1} ({pattern!r}) is not a valid regular expression: {e}."
                ) from None
        return patterns


class OutputPath(c.Type):
    """A relative path inside docs_dir (a generated page) or site_dir (the feed); '' turns it off.

    Leading and trailing slashes are dropped; `..`, absolute paths and (for pages) a name that
    is not a Markdown page are refused, so nothing is written outside the site or silently lost.
    """

    def __init__(self, default: str, inside: str, page: bool) -> None:
        super().__init__(str, default=default)
        self.inside, self.page = inside, page

    def run_validation(self, value: object) -> str:
        text = super().run_validation(value).strip().replace("\\", "/")
        if not text:
            return ""
        if text.startswith("/") or re.match(r"^[A-Za-z]:", text):
            raise base.ValidationError(f"'{value}' must be a path relative to {self.inside}, not an absolute one.")
        normal = posixpath.normpath(text)
        if normal == ".." or normal.startswith("../") or normal == ".":
            raise base.ValidationError(f"'{value}' must stay inside {self.inside} (no '..').")
        if self.page and not normal.lower().endswith(PAGE_SUFFIXES):
            raise base.ValidationError(f"'{value}' must name a Markdown page (ending in .md).")
        return normal


class Number(c.Type):
    """A number (seconds, say) of at least `minimum`."""

    def __init__(self, default: float, minimum: float = 0) -> None:
        super().__init__((int, float), default=default)
        self.minimum = minimum

    def run_validation(self, value: object) -> float:
        number = super().run_validation(value)
        if isinstance(number, bool) or not isinstance(number, (int, float)) or number < self.minimum:
            raise base.ValidationError(f"Expected a number of at least {self.minimum:g}, got {number!r}.")
        return float(number)


class StatusCodes(c.ListOfItems):
    """HTTP status codes (100 to 999)."""

    def __init__(self) -> None:
        super().__init__(c.Type(int), default=[])

    def run_validation(self, value: object) -> list[int]:
        codes = super().run_validation(value)
        for code in codes:
            if isinstance(code, bool) or not 100 <= code <= 999:
                raise base.ValidationError(f"{code!r} is not an HTTP status code (100 to 999).")
        return codes


class HostLimitsConfig(base.Config):
    concurrency = Count(default=2, minimum=1)
    """Requests to the host at the same time."""
    delay = Number(default=0.5)
    """Seconds between the starts of two requests to the host."""


class LinkCheckConfig(base.Config):
    """How `handbook links check` asks: politely, within limits (`link_check:` under the plugin)."""

    exclude = RegexList(default=[])
    """Regular expressions: links that match one are never checked."""
    accept = StatusCodes()
    """Status codes that count as alive besides 2xx (e.g. 403 from sites that refuse robots)."""
    concurrency = Count(default=2, minimum=1)
    """Requests to one host at the same time."""
    total_concurrency = Count(default=128, minimum=1)
    """Links checked at the same time over all hosts."""
    delay = Number(default=0.5)
    """Seconds between the starts of two requests to one host."""
    hosts = c.DictOfItems(c.SubConfig(HostLimitsConfig), default={})
    """Limits for particular hosts (`host` or `host:port`): `concurrency` and `delay`."""
    timeout = Number(default=10, minimum=0.001)
    """Seconds for a whole answer: a deadline, however slowly the server sends it."""
    retries = Count(default=2)
    """Further tries after a 5xx answer, a timeout or a connection error."""
    backoff = Number(default=1)
    """Seconds before the first retry; each further retry waits twice as long."""
    budget = Number(default=600, minimum=1)
    """Seconds for the whole check; links whose turn or answer would come later stay unchecked."""
    cache_hours = Number(default=20)
    """A result younger than this is kept instead of asked again (unreachable ones are always asked)."""


def _explain(err) -> str:
    """A `DateError` as one validation sentence: what is wrong, and the fix."""
    fix = err.fix if err.fix.endswith(("?", ".")) else err.fix + "."
    return f"{err.message}. Fix: {fix}"


class ReviewPeriod(c.Type):
    """A duration such as `6 months` or `30 days` ('' for none when `optional`)."""

    def __init__(self, default: str, optional: bool = False) -> None:
        super().__init__((str, int), default=default)
        self.optional = optional

    def run_validation(self, value: object):
        from handbook.reviews.dates import DateError, parse_duration

        if self.optional and value in ("", None):
            return None
        try:
            return parse_duration(value)
        except DateError as err:
            raise base.ValidationError(_explain(err)) from None


class ReviewPeriods(c.Type):
    """Handbook category folder → review period, e.g. `{guidelines: 6 months}`."""

    def __init__(self) -> None:
        super().__init__(dict, default={})

    def run_validation(self, value: object):
        from handbook.reviews.dates import DateError, parse_duration

        periods = {}
        for folder, period in super().run_validation(value).items():
            try:
                periods[str(folder).strip("/")] = parse_duration(period)
            except DateError as err:
                raise base.ValidationError(f"`{folder}`: {_explain(err)}") from None
        return periods


class TimeZone(c.Type):
    """`UTC`, an offset such as `+02:00`, or a tz database name such as `Europe/Berlin`."""

    def __init__(self, default: str) -> None:
        super().__init__(str, default=default)

    def run_validation(self, value: object):
        from handbook.reviews.dates import DateError, parse_zone

        text = super().run_validation(value)
        try:
            parse_zone(text)
        except DateError as err:
            raise base.ValidationError(_explain(err)) from None
        return text


class HandbookConfig(base.Config):
    # --- the channel map and drift -------------------------------------------------------------
    channel_map = c.Type(str, default="channel_map.yml")
    """Path of the channel map, relative to `mkdocs.yml`."""
    drift = ReportLevel(default="warn")
    """How drift findings are logged during a build: `warn` makes `mkdocs build --strict` fail."""
    exclude_categories = c.ListOfItems(c.Type(str), default=[])
    """Docs folders that are handbook sections but have no topic channel (e.g. `maintaining`)."""
    server_state = c.Type(str, default=".handbook/server-state.json")
    """Path of the server's last known state, relative to `mkdocs.yml`: `handbook discord apply` and
    `pull` write it, `plan --offline` plans against it without a token. Commit it."""
    discussions = c.Choice(("channel", "forum"), default="channel")
    """`forum`: every topic channel without a `discussions:` of its own is a Discord forum with one post
    per page (`handbook discord apply` creates them); `channel`: an ordinary text channel per category."""
    discussion_posts_archived = c.Type(bool, default=False)
    """Create forum posts archived once their first message is in, so that a large handbook stays
    within Discord's 1,000 active threads per server (a reply wakes a post up)."""
    topic_channels_category = c.Optional(c.Type(str))
    """The Discord category that `handbook sync` puts new topic channels into; unset: the one that
    already holds most topic channels, else "Handbook Topics"."""

    # --- history and changelog -----------------------------------------------------------------
    history = c.Type(bool, default=True)
    """Read git history once per build: page dates, contributors, the changelog and the feed."""
    changelog = OutputPath("changelog.md", inside="docs_dir", page=True)
    """Path of the generated changelog page inside docs_dir; an empty string turns it off."""
    changelog_limit = Count(default=100)
    """How many changes the changelog page shows (the feed has `feed_limit`); with yearly pages
    (`changelog_recent_months`) the changes that do not fit are on their year's page."""
    changelog_recent_months = Count(default=12)
    """How many months the changelog page shows, counted back from the month of the newest change;
    each older year gets a page of its own (`changelog/2023.md`), linked from the changelog page.
    0: one page and no yearly pages (then at most `changelog_limit` changes are listed at all)."""
    changelog_ignore = RegexList(default=[r"(?i)^\s*(fix(ed)?\s+)?typos?\b", r"(?i)\bwhitespace\b"])
    """Regular expressions: commits whose subject matches one are noise and left out."""
    feed = OutputPath("feed.xml", inside="site_dir", page=False)
    """Path of the Atom feed of handbook changes inside the site; an empty string turns it off."""
    contributors_exclude = RegexList(default=[r"\[bot\]$"])
    """Regular expressions: authors whose name matches one (bots: `dependabot[bot]`) are named
    neither as a page's contributors nor in the changelog and the feed."""
    feed_limit = Count(default=50)
    """How many changes the feed carries, newest first (a feed reader wants news, not the whole
    history: 1,390 commits made an 840 KB feed); 0 for every change."""

    # --- community links -----------------------------------------------------------------------
    mentions = c.Type(bool, default=True)
    """Turn `#channel-name` in page prose into a link to the channel."""
    discuss_links = c.Type(bool, default=True)
    """Show "Discuss this page" under every page of a handbook category."""
    channel_directory = OutputPath("channels.md", inside="docs_dir", page=True)
    """Path of the generated channel directory page inside docs_dir; an empty string turns it off."""
    roles_page = OutputPath("roles.md", inside="docs_dir", page=True)
    """Path of the generated roles and permissions page inside docs_dir; an empty string turns it off."""
    safety_page = OutputPath("safety.md", inside="docs_dir", page=True)
    """Path of the generated page on how the server keeps members safe (who can see each private
    space; what new members can do first and what AutoMod blocks, where the map says so) inside
    docs_dir; an empty string turns it off."""
    show_private_names = c.Type(bool, default=False)
    """List private channels by name in the channel directory (never their ids)."""

    # --- link health and the communities directory --------------------------------------------
    communities = c.Type(str, default="communities.yml")
    """Path of the communities list, relative to `mkdocs.yml`; no such file turns the directory off."""
    community_directory = OutputPath("communities.md", inside="docs_dir", page=True)
    """Path of the generated directory of communities inside docs_dir; an empty string turns it off."""
    link_status = c.Type(str, default="link_status.json")
    """Path of the results of `handbook links check`, relative to `mkdocs.yml`."""
    link_health = ReportLevel(default="warn")
    """How the build reports links that the last check found dead: `warn` makes `--strict` fail."""
    link_status_max_age = Count(default=14)
    """Days after which the build says (once, as info) that the last link check is old."""
    link_check = c.SubConfig(LinkCheckConfig)
    """How `handbook links check` asks: limits per host, timeouts, retries, budget, cache, exclusions."""

    # --- owners and review dates ---------------------------------------------------------------
    owners_from = c.Type(str, default="")
    """`CODEOWNERS`: owners of pages without `owner:` from the repository's CODEOWNERS file (or a path to one)."""
    review_every = ReviewPeriod("", optional=True)
    """How often every page is due for a re-read (`1 year`); a page's `review_every:` wins."""
    review_every_by_category = ReviewPeriods()
    """Per handbook category folder (`guidelines: 6 months`); wins over `review_every`."""
    review_overdue = ReportLevel(default="info")
    """How an overdue page is logged in a build; `warn` makes `--strict` fail once a page falls due."""
    review_banner = c.Type(bool, default=False)
    """Show a warning banner at the top of overdue pages."""
    review_page = OutputPath("reviews.md", inside="docs_dir", page=True)
    """Path of the generated reviews page inside docs_dir; an empty string turns it off."""
    review_due_within = ReviewPeriod("30 days")
    """The window for "due soon" on the reviews page (and the command's default)."""
    review_timezone = TimeZone("UTC")
    """The time zone whose date is "today" (unless `HANDBOOK_TODAY` or `SOURCE_DATE_EPOCH` is set)."""


EXAMPLES: dict[str, object] = {
    "channel_map": "community/channel_map.yml",
    "drift": "info",
    "exclude_categories": ["maintaining", "drafts"],
    "topic_channels_category": "Handbook Topics",
    "history": False,
    "changelog": "news/changelog.md",
    "changelog_limit": 30,
    "changelog_recent_months": 6,
    "changelog_ignore": [r"(?i)^\s*(fix(ed)?\s+)?typos?\b", r"^Merge "],
    "feed": "news/feed.xml",
    "contributors_exclude": [r"\[bot\]$", "^Campfire Robot$"],
    "feed_limit": 20,
    "mentions": False,
    "discuss_links": False,
    "channel_directory": "community/channels.md",
    "roles_page": "",
    "safety_page": "community/safety.md",
    "server_state": "community/server-state.json",
    "discussions": "forum",
    "discussion_posts_archived": True,
    "show_private_names": True,
    "communities": "community/communities.yml",
    "community_directory": "elsewhere.md",
    "link_status": "community/link_status.json",
    "link_health": "info",
    "link_status_max_age": 30,
    "link_check": {"exclude": [r"^https?://localhost[:/]"], "accept": [403], "concurrency": 2, "delay": 0.5,
                   "hosts": {"www.reddit.com": {"concurrency": 1, "delay": 2}}, "timeout": 10, "retries": 2,
                   "backoff": 1, "budget": 600, "cache_hours": 20},
    "owners_from": "CODEOWNERS",
    "review_every": "1 year",
    "review_every_by_category": {"guidelines": "6 months"},
    "review_overdue": "warn",
    "review_banner": True,
    "review_page": "maintaining/reviews.md",
    "review_due_within": "2 weeks",
    "review_timezone": "Europe/Berlin",
}
"""One example value for each option, shown in the manual's options reference (a test validates
each one as a build would)."""
