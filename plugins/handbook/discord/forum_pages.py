"""The pages that get a forum post: every published page of a category whose topic channel is a
forum, with what its post says (title, first message, tags). Reads the docs files; no Discord.

A category's index page gets no post of its own: its discussion is the forum itself. A post's first
message is the page's one-line description (front matter `description:`, else the first sentence
of its first paragraph) and its address on the site; its tags are the forum's tag named after the
category (its folder or title), then the page's front matter `tags:` the forum has, five at most.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from handbook.channelmap import rules
from handbook.channelmap.model import Channel, ChannelMap
from handbook.checks import categories as category_rules
from handbook.site.publication import Site

DESCRIPTION_MAX = 300
"""The description's share of the first message; the rest is the page's address."""
_SENTENCE = re.compile(r"(.+?[.!?])(\s|$)")
_MARKUP = re.compile(r"[*_`]|\[([^\]]*)\]\([^)]*\)")


@dataclass(frozen=True)
class ForumPage:
    """A page as its post shows it."""

    path: str
    """Its path under docs (`habits/tiny-habits.md`)."""
    folder: str
    title: str
    description: str
    url: str | None
    tags: tuple[str, ...] = ()
    """Front matter `tags:` as written."""
    discussion_id: str | None = None
    """Front matter `discussion_id:`: the page's id, set by a maintainer."""

    def post_title(self) -> str:
        return _clip(self.title, rules.POST_NAME_MAX) or "Untitled page"

    def first_message(self) -> str:
        parts = [_clip(self.description, DESCRIPTION_MAX)] if self.description else []
        parts += [self.url] if self.url else [f"`{self.path}`"]
        return _clip("\n".join(parts), rules.MESSAGE_CONTENT_MAX)


@dataclass
class Forum:
    """A forum channel of the map and the pages whose posts it holds."""

    channel: Channel
    folder: str
    category_title: str
    pages: list[ForumPage] = field(default_factory=list)

    def tags_for(self, page: ForumPage, available: list[str]) -> list[str]:
        """The names of the tags `page`'s post carries, from the forum's `available` tag names."""
        by_key = {_tag_key(name): name for name in available}
        wanted = [by_key.get(_tag_key(self.folder)) or by_key.get(_tag_key(self.category_title))]
        wanted += [by_key.get(_tag_key(tag)) for tag in page.tags]
        out: list[str] = []
        for name in wanted:
            if name and name not in out:
                out.append(name)
        return out[:rules.APPLIED_TAGS_MAX]


def _tag_key(text: str) -> str:
    return "".join(ch for ch in rules.nfc(text).casefold() if ch.isalnum())


def _clip(text: str, limit: int) -> str:
    text = " ".join(text.split()) if "\n" not in text else text.strip()
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def describe(meta: dict, markdown: str) -> str:
    """The page's one-line description: front matter `description:`, else the first sentence of the
    first paragraph of prose (no headings, lists, quotes, fences or front matter)."""
    written = meta.get("description")
    if isinstance(written, str) and written.strip():
        return " ".join(written.split())
    paragraph: list[str] = []
    fence = False
    for line in markdown.splitlines():
        stripped = line.strip()
        if stripped.startswith(("```", "~~~")):
            fence = not fence
            continue
        if fence:
            continue
        if not stripped:
            if paragraph:
                break
            continue
        if stripped.startswith(("#", "-", "*", ">", "|", "!", "<", "{", "+", "=", "1.")):
            if paragraph:
                break
            continue
        paragraph.append(stripped)
    text = _MARKUP.sub(lambda m: m.group(1) or "", " ".join(paragraph))
    sentence = _SENTENCE.match(text)
    return (sentence.group(1) if sentence else text).strip()


def _words(value: object) -> str | None:
    """A front matter value written as one word or number (`discussion_id: tiny-habits`), else None."""
    text = str(value).strip() if isinstance(value, (str, int)) and not isinstance(value, bool) else ""
    return text or None


def read_page(site: Site, folder: str, path: str) -> ForumPage:
    """The page at `path` as its post shows it, through the site's privacy step."""
    from mkdocs.utils.meta import get_data

    markdown, meta = get_data(category_rules.read_page_text(site.docs_dir / path).replace("\r\n", "\n"))
    meta = meta if isinstance(meta, dict) else {}
    written = meta.get("tags")
    tags: list = written if isinstance(written, list) else []
    return ForumPage(path=path, folder=folder, title=site.page_title(path),
                     description=site.redact(describe(meta, markdown)), url=site.page_url(path),
                     tags=tuple(t for t in map(_words, tags) if t), discussion_id=_words(meta.get("discussion_id")))


def forums_of(channel_map: ChannelMap, categories: list, site: Site) -> list[Forum]:
    """The handbook's forums (topic channels that are forums), each with its category's pages in
    path order. `categories` are the `HandbookCategory`s the build finds."""
    out: list[Forum] = []
    for category in categories:
        if not category.wants_channel:
            continue
        # the index page's `channel:` may name another category's forum: the two share it, each with its tag
        channel = (channel_map.channel(rules.channel_name_for(category.channel)) if category.channel
                   else channel_map.topic_channel_for(category.folder))
        if channel is None or not channel.is_forum or channel.is_archived:
            continue
        forum = Forum(channel, category.folder, category.title)
        folder = site.docs_dir / category.folder
        for file in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            path = file.relative_to(site.docs_dir).as_posix()
            if Path(path).stem in category_rules.INDEX_STEMS and Path(path).parent.as_posix() == category.folder:
                continue
            if site.is_public(path):
                forum.pages.append(read_page(site, category.folder, path))
        out.append(forum)
    return out


def apply_discussions_default(channel_map: ChannelMap, default: str) -> None:
    """The plugin's `discussions` option for the topic channels that do not say: `forum` makes them forums."""
    for channel in channel_map.topic_channels():
        if channel.discussions is None and default == "forum":
            channel.discussions = "forum"
