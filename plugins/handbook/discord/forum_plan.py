"""The forum posts the pages need, and the changes that give each page its one post. Pure.

Each page has a stable id (`handbook.channelmap.discussions`): its front matter `discussion_id:`,
else the id of the record whose page now lives at its path, directly or through git renames,
else its path. A page whose record names a post on the server keeps that post: a new title is a
rename, a new category tag a retag. A post whose page is gone is archived and locked, never
deleted. A page without a post gets one; `apply` first looks for a post it made before an
interruption (by its first message's address), so a create is never repeated.

A post cannot move to another forum on Discord: a page that moves to a category with another
forum keeps its post where it is (its discussion stays whole), and the plan says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from handbook.channelmap import rules
from handbook.channelmap.discussions import Discussions
from handbook.discord.forum_client import is_archived, is_locked

if TYPE_CHECKING:  # the pages are read elsewhere: planning imports no MkDocs
    from handbook.discord.forum_pages import Forum, ForumPage


@dataclass(eq=False, kw_only=True)
class PostChange:
    """One change to a forum or a post."""

    op: str = ""
    page_id: str = ""
    name: str
    """For people: the post's title, or the forum's name."""
    reason: str = ""
    needs: ClassVar[int] = rules.VIEW_CHANNEL
    """The bot's permissions this kind of change needs (`handbook.discord.permissions`)."""
    sets: ClassVar[int] = 0
    purpose: ClassVar[str] = ""

    @classmethod
    def request_needs(cls) -> int:
        return cls.needs

    @classmethod
    def may_need(cls) -> int:
        return cls.needs

    def text(self) -> str:  # pragma: no cover - every kind says itself
        raise NotImplementedError

    def describe(self) -> str:
        return f"{self.text()} ({self.reason})" if self.reason else self.text()

    def as_dict(self) -> dict:
        return {"op": self.op, "page": self.page_id, "name": self.name, "reason": self.reason}


@dataclass(eq=False, kw_only=True)
class AddForumTags(PostChange):
    op: str = "add-forum-tags"
    needs: ClassVar[int] = rules.MANAGE_CHANNELS
    purpose: ClassVar[str] = "add the map's tags to a forum"
    forum_id: str
    tags: list[str] = field(default_factory=list)
    """The names to add; the forum's other tags are kept."""

    def text(self) -> str:
        return f"add tags to #{self.name}: {', '.join(self.tags)}"


@dataclass(eq=False, kw_only=True)
class CreatePost(PostChange):
    op: str = "create-post"
    needs: ClassVar[int] = rules.VIEW_CHANNEL | rules.SEND_MESSAGES  # a post is a message in the forum
    purpose: ClassVar[str] = "create a page's forum post"
    forum_id: str | None
    """None while the forum itself is still to be created (apply plans again once it is)."""
    forum: str
    path: str
    content: str
    url: str | None
    tags: list[str] = field(default_factory=list)

    def text(self) -> str:
        tags = f" [{', '.join(self.tags)}]" if self.tags else ""
        return f'create post "{self.name}" in #{self.forum}{tags}'


@dataclass(eq=False, kw_only=True)
class UpdatePost(PostChange):
    """Rename, retag or reopen a post (one PATCH)."""

    op: str = "update-post"
    purpose: ClassVar[str] = "rename, retag or reopen the bot's own forum post"
    post_id: str
    forum_id: str
    path: str
    old_name: str
    new_name: str | None = None
    tags: list[str] | None = None
    old_tags: list[str] = field(default_factory=list)
    reopen: bool = False
    archived: bool = False
    """The post is archived now (so it is woken for the change, then archived again)."""

    def text(self) -> str:
        parts = [f'rename post "{self.old_name}" → "{self.new_name}"'] if self.new_name else []
        if self.tags is not None:
            parts.append(f'retag post "{self.new_name or self.old_name}": [{", ".join(self.old_tags)}] → '
                         f'[{", ".join(self.tags)}]')
        if self.reopen:
            parts.append(f'reopen post "{self.new_name or self.old_name}" (its page is back)')
        return "; ".join(parts)


@dataclass(eq=False, kw_only=True)
class ArchivePost(PostChange):
    op: str = "archive-post"
    needs: ClassVar[int] = rules.VIEW_CHANNEL | rules.MANAGE_THREADS
    purpose: ClassVar[str] = "archive and lock the forum post of a removed page"
    post_id: str
    archived: bool = False

    def text(self) -> str:
        return f'archive and lock post "{self.name}"'


POST_KINDS: tuple[type[PostChange], ...] = (AddForumTags, CreatePost, UpdatePost, ArchivePost)
"""Every kind of forum post change, for the bot's permission set."""


@dataclass
class PageRecord:
    """What `apply` writes into discussions.yml once a page's post is known, with or without a change."""

    page_id: str
    values: dict[str, Any]


@dataclass
class ForumPlan:
    changes: list[PostChange] = field(default_factory=list)
    records: list[PageRecord] = field(default_factory=list)
    """Record-only updates (a page renamed in git with the same title): no request, one file write."""
    notes: list[str] = field(default_factory=list)
    pages: int = 0

    def as_dict(self) -> dict:
        return {"operations": [c.as_dict() for c in self.changes], "notes": self.notes, "pages": self.pages}


@dataclass
class ServerForums:
    """The forums and posts the server has, as the API returns them."""

    forums: dict[str, dict]
    """Forum channel id → the channel (with `available_tags`)."""
    posts: dict[str, dict]
    """Post (thread) id → the thread."""

    def forum_for(self, channel: Any) -> dict | None:
        if channel.id and channel.id in self.forums:
            return self.forums[channel.id]
        wanted = rules.normalize_channel_name(channel.name, "forum")
        return next((f for f in self.forums.values() if rules.normalize_channel_name(f["name"], "forum") == wanted),
                    None)

    def tag_names(self, forum: dict | None) -> list[str]:
        return [str(t.get("name")) for t in (forum or {}).get("available_tags") or []]

    def applied_names(self, post: dict) -> list[str]:
        forum = self.forums.get(post.get("parent_id") or "") or {}
        names = {str(t.get("id")): str(t.get("name")) for t in forum.get("available_tags") or []}
        return [names.get(str(t), str(t)) for t in post.get("applied_tags") or []]


def page_ids(forums: list[Forum], discussions: Discussions, renames: dict[str, str]) -> dict[str, ForumPage]:
    """Page id → page: `discussion_id:`, else the record whose page is now at this path (directly
    or through `renames`, old path → new path), else the path."""
    pages = [page for forum in forums for page in forum.pages]
    by_path = {page.path: page for page in pages}
    claimed = {page.discussion_id for page in pages if page.discussion_id}
    out: dict[str, ForumPage] = {page.discussion_id: page for page in pages if page.discussion_id}
    taken = {id(page) for page in out.values()}
    for record in discussions.records.values():
        if record.page_id in claimed:
            continue
        now = record.path if record.path in by_path else renames.get(record.path or "")
        page = by_path.get(now or "")
        if page is not None and id(page) not in taken and not page.discussion_id:
            out[record.page_id] = page
            taken.add(id(page))
    for page in pages:
        if id(page) not in taken:
            out.setdefault(page.path, page)
    return out


def plan_posts(forums: list[Forum], discussions: Discussions, server: ServerForums,
               renames: dict[str, str]) -> ForumPlan:
    plan = ForumPlan(pages=sum(len(f.pages) for f in forums))
    forum_of = {page.path: forum for forum in forums for page in forum.pages}
    wanted_tags: dict[str, list[str]] = {}
    tagged: set[str] = set()
    for forum in forums:
        on_server = server.forum_for(forum.channel)
        available = server.tag_names(on_server)
        missing = [t for t in forum.channel.available_tags if t not in available]
        if on_server is not None and missing and on_server["id"] not in tagged:  # once for a shared forum
            tagged.add(on_server["id"])
            plan.changes.append(AddForumTags(name=on_server["name"], forum_id=on_server["id"], tags=missing,
                                             reason="listed in the map's `available_tags`"))
        wanted_tags[forum.folder] = available + missing
    ids = page_ids(forums, discussions, renames)
    for page_id, page in ids.items():
        forum = forum_of[page.path]
        on_server = server.forum_for(forum.channel)
        tags = forum.tags_for(page, wanted_tags[forum.folder])
        record = discussions.records.get(page_id)
        post = server.posts.get(record.post) if record and record.post else None
        values = {"path": page.path, "title": page.post_title()}
        if post is None:
            plan.changes.append(CreatePost(
                page_id=page_id, name=page.post_title(), forum_id=on_server["id"] if on_server else None,
                forum=forum.channel.name, path=page.path, content=page.first_message(), url=page.url, tags=tags,
                reason=("its post is no longer on the server" if record and record.post else "a page without a post")))
            continue
        change = UpdatePost(page_id=page_id, name=page.post_title(), post_id=post["id"], forum_id=post["parent_id"],
                            path=page.path, old_name=post["name"], archived=is_archived(post))
        reasons = []
        if post["name"] != page.post_title():
            change.new_name = page.post_title()
            reasons.append("the page's title changed")
        if on_server is not None and post.get("parent_id") != on_server["id"]:
            plan.notes.append(f'"{page.post_title()}" ({page.path}) moved to the category of #{forum.channel.name}, '
                              "but Discord cannot move a post to another forum: it keeps its post, and its discussion")
        else:
            old = server.applied_names(post)
            if sorted(old) != sorted(tags):
                change.tags, change.old_tags = tags, old
                reasons.append("its category or tags changed")
        if record and record.archived and (is_archived(post) or is_locked(post)):
            change.reopen = True
            reasons.append("its page is back")
        if change.new_name or change.tags is not None or change.reopen:
            change.reason = "; ".join(reasons)
            plan.changes.append(change)
        elif record is None or any(getattr(record, k) != v for k, v in values.items()) or record.archived:
            plan.records.append(PageRecord(page_id, {**values, "post": post["id"], "archived": False}))
    for record in discussions.records.values():
        if record.page_id in ids or not record.post:
            continue
        post = server.posts.get(record.post)
        if post is None:
            continue  # gone from Discord too: nothing to archive
        if is_archived(post) and is_locked(post):
            if not record.archived:
                plan.records.append(PageRecord(record.page_id, {"archived": True}))
            continue
        plan.changes.append(ArchivePost(page_id=record.page_id, name=post["name"], post_id=post["id"],
                                        archived=is_archived(post),
                                        reason=f"its page {record.path} is gone; kept for its history, never deleted"))
    return plan


def render_posts(plan: ForumPlan) -> str:
    lines = []
    if plan.changes:
        lines.append(f"{len(plan.changes)} forum post change{'s' if len(plan.changes) != 1 else ''} for "
                     f"{plan.pages} page{'s' if plan.pages != 1 else ''}:")
        lines += [f"  {index:>3}. {change.describe()}" for index, change in enumerate(plan.changes, 1)]
    else:
        lines.append(f"Every page has its forum post ({plan.pages} page{'s' if plan.pages != 1 else ''}): "
                     "nothing to change.")
    if plan.records:
        lines.append(f"{len(plan.records)} page{'s' if len(plan.records) != 1 else ''} moved or renamed with the same "
                     "post: `apply` records where they are now in discussions.yml")
    lines += [f"Note: {note}" for note in plan.notes]
    return "\n".join(lines)

