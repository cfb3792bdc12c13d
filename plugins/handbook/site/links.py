"""Where a channel of the map takes a reader of the site: pure functions over a `ChannelMap`.

A channel opens on Discord (`https://discord.com/channels/GUILD/ID`) when both ids are known,
otherwise at its entry in the generated channel directory. A private channel never gets a link,
an id or (unless the community chose `show_private_names`) its name on the public site
(a public map must not publish what a private space is called).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from handbook.channelmap import rules
from handbook.channelmap.model import Channel, ChannelMap
from handbook.findings import DISCUSS_PRIVATE_CHANNEL, DISCUSS_UNKNOWN_CHANNEL, Finding
from handbook.i18n import ENGLISH, Words

"""Theme partials: `partials/comments.html` (Material's hook point) and the discuss link."""

_SUGGEST_CUTOFF = 0.8
_SUGGEST_MAX_LENGTH_GAP = 3


@dataclass(frozen=True)
class Discuss:
    """What the "Discuss this page" partial shows (passed to the template, never page.meta)."""

    channel: str
    """The channel's name, without `#`."""
    url: str
    """Discord URL when the ids are known, else the page-relative URL of its directory entry."""
    on_discord: bool
    """True when `url` opens the channel in Discord (both ids known), false for the directory entry."""
    invite: str | None
    """The map's `server.invite` for readers who are not members yet, when it is a Discord invite."""
    server: str | None
    """The server's name from the map, for "Join ..."."""
    post: bool = False
    """The URL opens the page's own forum post (`https://discord.com/channels/GUILD/THREAD`)."""


class ChannelLinks:
    """The channel map as the site sees it: lookups by normal name, anchors, URLs, suggestions."""

    def __init__(self, channel_map: ChannelMap, *, directory: str | None = None,
                 show_private_names: bool = False, words: Words = ENGLISH) -> None:
        self.map = channel_map
        self.words = words
        """The site's language: what it says in place of a private channel's name."""
        self.directory = directory or None
        """`src_uri` of the generated channel directory, or None when it is turned off."""
        self.show_private_names = show_private_names
        self.guild_id = channel_map.server.guild_id
        self.invite = public_invite(channel_map.server.invite)
        """The server's invite, only when it is a Discord invite URL (else never rendered)."""
        self._by_name: dict[str, Channel] = {}
        for channel in channel_map.channels():
            key = rules.normalize_channel_name(channel.name, "topic")
            # An archived duplicate never shadows the active channel of that name.
            if key not in self._by_name or self._by_name[key].is_archived:
                self._by_name[key] = channel
        self._names = sorted(self._by_name)
        self._suggestions: dict[str, str | None] = {}
        self._looked_up: dict[str, Channel | None] = {}
        self._hrefs: dict[tuple[int, str], str | None] = {}
        self._anchors = _anchors(channel_map)

    # --- lookups ---------------------------------------------------------------------------

    def lookup(self, name: str) -> Channel | None:
        """The channel a reader means by `#name` (compared in Discord's normal form); cached by
        the name as written, since a handbook writes the same few names thousands of times."""
        try:
            return self._looked_up[name]
        except KeyError:
            found = self._looked_up[name] = self._by_name.get(rules.normalize_channel_name(name, "topic"))
            return found

    def suggest(self, name: str) -> str | None:
        """The channel `name` is a near miss of (`show-mee` → `show-me`), or None; cached per name."""
        key = rules.normalize_channel_name(name, "topic")
        if key in self._suggestions:
            return self._suggestions[key]
        candidates = [n for n in self._names if abs(len(n) - len(key)) <= _SUGGEST_MAX_LENGTH_GAP]
        found = difflib.get_close_matches(key, candidates, n=1, cutoff=_SUGGEST_CUTOFF)
        suggestion = found[0] if found and not key.isdigit() else None
        if suggestion and self._by_name[suggestion].is_private and not self.show_private_names:
            suggestion = None  # a near miss must not reveal a private name in the build log
        self._suggestions[key] = suggestion
        return suggestion

    def display_name(self, channel: Channel) -> str:
        """`#name`, or the neutral text for a private channel whose name stays off the site."""
        if channel.is_private and not self.show_private_names:
            return self.words("private_channel")
        return f"#{rules.normalize_channel_name(channel.name, channel.kind)}"

    def anchor(self, channel: Channel) -> str:
        """The id of the channel's entry in the directory (open channels only)."""
        return self._anchors[id(channel)]

    def discord_url(self, channel: Channel) -> str | None:
        """The channel's Discord URL when both ids are known; never for a private channel."""
        if channel.is_private or not self.guild_id or not channel.has_id:
            return None
        return rules.channel_url(self.guild_id, channel.id)  # type: ignore[arg-type]

    def href(self, channel: Channel, from_src_uri: str) -> str | None:
        """Where a mention on the page `from_src_uri` links: Discord, else the directory entry
        as a relative `.md` path (MkDocs turns it into a URL and checks the anchor exists)."""
        key = (id(channel), posixpath.dirname(from_src_uri))
        if key not in self._hrefs:
            self._hrefs[key] = self._href(channel, key[1])
        return self._hrefs[key]

    def _href(self, channel: Channel, from_dir: str) -> str | None:
        if channel.is_private:
            return None
        url = self.discord_url(channel)
        if url:
            return url
        if not self.directory:
            return None
        return f"{posixpath.relpath(self.directory, from_dir or '.')}#{self.anchor(channel)}"

    # --- "discuss this page" ---------------------------------------------------------------

    def discuss_channel(self, src_uri: str, meta: dict[str, Any],
                        categories: Iterable[Any] | None = None) -> tuple[Channel | None, str | None]:
        """The channel where the page `src_uri` is discussed, and the `channel:` front matter
        value when it names no channel of the map (for a warning).

        The page's front matter wins: `channel: name` picks another channel, `channel: false`
        turns the link off for that page. Otherwise the page's handbook category decides (a
        `HandbookCategory`: its index page's explicit `channel:`, else the topic channel that
        mirrors its folder); excluded and opted-out categories have none. Without `categories`
        every first-level folder counts as a category."""
        override = meta.get("channel")
        if override is False:
            return None, None
        if isinstance(override, str) and override.strip():
            channel = self.lookup(override.strip().lstrip("#"))
            return (channel, None) if channel else (None, override.strip())
        folder = page_category(src_uri)
        if folder is None:
            return None, None
        if categories is None:
            return self.map.topic_channel_for(folder), None
        category = next((c for c in categories if c.folder == folder), None)
        if category is None or category.excluded or category.opted_out:
            return None, None
        if category.channel:  # drift reports a name that is not in the map
            return self.lookup(rules.channel_name_for(category.channel)), None
        return self.map.topic_channel_for(folder), None

    def discuss(self, channel: Channel, directory_url: str | None, post_id: str | None = None) -> Discuss | None:
        """The partial's data for `channel`; `directory_url` is the page-relative URL of the
        directory page, `post_id` the page's own forum post (`handbook.site.forum_links`). None for
        a private channel or when there is nowhere to link."""
        if channel.is_private or channel.is_archived:
            return None
        post = bool(post_id and self.guild_id and rules.is_snowflake(post_id))
        url = rules.channel_url(self.guild_id, post_id) if post else self.discord_url(channel)  # type: ignore[arg-type]
        if url is None and directory_url is None:
            return None
        return Discuss(
            channel=rules.normalize_channel_name(channel.name, channel.kind),
            url=url or f"{directory_url}#{self.anchor(channel)}",
            on_discord=url is not None,
            invite=self.invite,
            server=self.map.server.name,
            post=post,
        )


def public_invite(value: str | None) -> str | None:
    """`server.invite` when it is safe to render as a link (https://discord.gg/CODE or
    https://discord.com/invite/CODE, the map's own rule), else None (`invalid-invite` says so)."""
    value = value.strip() if isinstance(value, str) else None
    return value if value and rules.is_invite_url(value) else None


def page_category(src_uri: str) -> str | None:
    """The handbook category of a page: the first folder of its path under `docs/`."""
    head, sep, _ = src_uri.partition("/")
    return head if sep else None


def _anchors(channel_map: ChannelMap) -> dict[int, str]:
    """A unique, stable anchor per channel: its normal name, unless that is taken by another
    channel or by a Discord category heading of the directory page."""
    from markdown.extensions.toc import slugify

    taken = {slugify(cat.name, "-") for cat in channel_map.discord_categories}
    taken |= {"channels", "private-space", "archived"}
    anchors: dict[int, str] = {}
    for channel in channel_map.channels():
        base = rules.normalize_channel_name(channel.name, "topic") or "channel"
        anchor = base if base not in taken else f"channel-{base}"
        n = 2
        while anchor in taken:
            anchor, n = f"channel-{base}-{n}", n + 1
        taken.add(anchor)
        anchors[id(channel)] = anchor
    return anchors


# --- findings about `channel:` front matter ------------------------------------------------

_FRONT_MATTER_CHANNEL = re.compile(r"^channel\s*:", re.MULTILINE)


def front_matter_line(source: str) -> int | None:
    """The line of `channel:` in a page's front matter."""
    if not source.startswith("---"):
        return None
    end = source.find("\n---", 3)
    m = _FRONT_MATTER_CHANNEL.search(source, 0, end if end > 0 else len(source))
    return source.count("\n", 0, m.start()) + 1 if m else None


def file_source(file: Any) -> str:
    """The page file's text as written (front matter included), or "" when it cannot be read."""
    try:
        return file.content_string
    except (OSError, UnicodeDecodeError, TypeError):
        return ""


def front_matter_finding(links: ChannelLinks, written: str, file: Any, display: str) -> Finding:
    name = written.lstrip("#")
    suggestion = links.suggest(name)
    hint = f"; did you mean #{suggestion}?" if suggestion else ""
    return DISCUSS_UNKNOWN_CHANNEL(
                   f"front matter `channel: {written}` names no channel of the channel map{hint}",
                   display, front_matter_line(file_source(file)),
                   f"write `channel: {suggestion}`" if suggestion else
                   "name a channel listed in channel_map.yml, or write `channel: false` for no discuss link")


def private_discuss_finding(channel: Channel, file: Any, display: str) -> Finding:
    return DISCUSS_PRIVATE_CHANNEL(
                   f"front matter `channel:` names a private channel (#{channel.name}); "
                   "the public site shows no discuss link for it",
                   display, front_matter_line(file_source(file)),
                   "name an open channel, or write `channel: false`")
