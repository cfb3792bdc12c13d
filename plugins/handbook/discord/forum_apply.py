"""Carry out a forum plan: create, rename, retag, archive and lock posts, and record each post in
discussions.yml the moment it is known, so that an apply stopped at any point is finished by
running it again, with no post made twice.

Before a post is created, the forum's posts that no record claims are looked at: one with the
page's title whose first message carries the page's address (what an interrupted apply made) is
the page's post, and is recorded instead. A create whose answer is lost is looked for the same way
before it is sent again. The client keeps within Discord's rate limits (buckets and 429s); a rename
that the 2-per-10-minutes sub-limit holds back longer than `--max-wait` is left pending. Posts are
created archived once their first message is in when the community asks (`discussion_posts_archived`)
or when the server nears its 1,000 active threads, which archived posts do not count against.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from handbook.channelmap import rules
from handbook.channelmap.discussions import Discussions
from handbook.discord import forum_client
from handbook.discord.errors import DiscordError, RateLimited, UncertainWrite
from handbook.discord.forum_plan import AddForumTags, ArchivePost, CreatePost, ForumPlan, PostChange, UpdatePost

REASON = "handbook discord apply: forum posts"
ACTIVE_MARGIN = 25
"""Active threads left free for members' own threads: past `ACTIVE_THREADS_MAX - ACTIVE_MARGIN`
new posts are created archived."""
MISSING_PERMISSIONS = 50013
"""https://discord.com/developers/docs/topics/opcodes-and-status-codes#json-json-error-codes"""
NO_MENTIONS: dict[str, list[str]] = {"parse": []}
"""A post's first message pings nobody
(https://discord.com/developers/docs/resources/message#allowed-mentions-object)."""


@dataclass
class PostOutcome:
    done: list[PostChange] = field(default_factory=list)
    linked: list[PostChange] = field(default_factory=list)
    """Creates that found the post an earlier, interrupted apply made."""
    pending: list[tuple[PostChange, str]] = field(default_factory=list)
    failed: tuple[PostChange, str] | None = None
    archived_new: int = 0


class PostApplier:
    def __init__(self, client, guild_id: str, discussions: Discussions, *, archive_new: bool = False,
                 progress: Callable[[int, int, PostChange, str], None] | None = None) -> None:
        self.client, self.guild_id, self.discussions = client, guild_id, discussions
        self.archive_new = archive_new
        self.progress = progress or (lambda *args: None)
        self.outcome = PostOutcome()
        self.tag_ids: dict[str, dict[str, str]] = {}
        """Forum id → tag name → tag id, read once per forum."""
        self.unclaimed: dict[str, list[dict]] = {}
        """Forum id → its posts no record claims, read before the forum's first create."""
        self.active: int | None = None

    def run(self, plan: ForumPlan) -> PostOutcome:
        for record in plan.records:
            self.discussions.record(record.page_id, **record.values)
        self.discussions.save()
        total = len(plan.changes)
        for index, change in enumerate(plan.changes, 1):
            try:
                note = self.step(change)
            except RateLimited as err:
                self.outcome.pending.append((change, f"Discord asks to wait {err.retry_after:.0f} s"))
                self.progress(index, total, change, f"pending: Discord asks to wait {err.retry_after:.0f} s")
                continue
            except DiscordError as err:
                self.outcome.failed = (change, str(err))
                self.progress(index, total, change, "failed")
                break
            self.discussions.save()  # at once: a run stopped after this step knows this post
            self.progress(index, total, change, note)
        return self.outcome

    # --- steps -----------------------------------------------------------------------------------

    def step(self, change: PostChange) -> str:
        if isinstance(change, AddForumTags):
            forum = self.client.channel(change.forum_id)
            tags = [{k: t[k] for k in ("id", "name", "moderated", "emoji_id", "emoji_name") if t.get(k) is not None}
                    for t in forum.get("available_tags") or []]
            tags += [{"name": name} for name in change.tags if name not in {t["name"] for t in tags}]
            made = forum_client.set_forum_tags(self.client, change.forum_id, tags, reason=REASON, what=change.text())
            self.tag_ids[change.forum_id] = {str(t["name"]): str(t["id"]) for t in made.get("available_tags") or []}
        elif isinstance(change, CreatePost):
            return self.create(change)
        elif isinstance(change, UpdatePost):
            self.update(change)
        elif isinstance(change, ArchivePost):
            self.archive(change)
        self.outcome.done.append(change)
        return "done"

    def archive(self, change: ArchivePost) -> None:
        payload = {"archived": False, "locked": True} if change.archived else {"locked": True, "archived": True}
        try:
            forum_client.modify_post(self.client, change.post_id, payload, reason=REASON, what=change.text())
        except DiscordError as err:
            if err.code != MISSING_PERMISSIONS:
                raise
            raise DiscordError(f"{change.text()}: locking a post needs the Manage Threads permission, which the bot "
                               "lacks. Fix: give the bot's role Manage Threads in Server Settings → Roles, then run "
                               "`handbook discord apply` again", status=err.status, code=err.code) from None
        if change.archived:  # woken to be locked: archived again
            forum_client.modify_post(self.client, change.post_id, {"archived": True}, reason=REASON, what=change.text())
        self.discussions.record(change.page_id, archived=True)

    def tags(self, forum_id: str, names: list[str]) -> list[str]:
        if forum_id not in self.tag_ids:
            forum = self.client.channel(forum_id)
            self.tag_ids[forum_id] = {str(t["name"]): str(t["id"]) for t in forum.get("available_tags") or []}
        known = self.tag_ids[forum_id]
        return [known[name] for name in names if name in known][:rules.APPLIED_TAGS_MAX]

    def find_made(self, change: CreatePost) -> dict | None:
        """A post of this page's forum that no record claims, with its title and (when the site has an
        address) its address in the first message: the one an interrupted apply made."""
        forum_id = change.forum_id or ""
        if forum_id not in self.unclaimed:
            claimed = set(self.discussions.by_post())
            self.unclaimed[forum_id] = [p for p in forum_client.forum_posts(self.client, self.guild_id, {forum_id})
                                        if p["id"] not in claimed]
        for post in self.unclaimed[forum_id]:
            if post["name"] == change.name and (change.url is None or change.url in
                                                forum_client.first_message(self.client, post["id"])):
                self.unclaimed[forum_id].remove(post)
                return post
        return None

    def create(self, change: CreatePost) -> str:
        if change.forum_id is None:
            raise DiscordError(f"{change.text()}: the forum #{change.forum} is not on the server yet")
        found = self.find_made(change)
        if found is not None:
            self.remember(change, found["id"])
            self.outcome.linked.append(change)
            self.outcome.done.append(change)
            return f"done (found the post an earlier apply made, id {found['id']})"
        if self.active is None:
            self.active = len(forum_client.active_threads(self.client, self.guild_id))
        archive = self.archive_new or self.active >= rules.ACTIVE_THREADS_MAX - ACTIVE_MARGIN
        payload = {"name": change.name, "message": {"content": change.content, "allowed_mentions": NO_MENTIONS},
                   "applied_tags": self.tags(change.forum_id, change.tags)}
        attempts = 0
        while True:
            try:
                post = forum_client.create_post(self.client, change.forum_id, payload, reason=REASON,
                                                what=change.text())
                break
            except UncertainWrite:
                attempts += 1
                self.unclaimed.pop(change.forum_id, None)  # look at the server again
                found = self.find_made(change)
                if found is not None:
                    post = found
                    break
                if attempts > self.client.retries:
                    raise
                self.client.sleep(self.client.backoff * 2 ** (attempts - 1))
        self.remember(change, post["id"])
        self.active += 1
        if archive:
            forum_client.modify_post(self.client, post["id"], {"archived": True}, reason=REASON,
                                     what=f'archive new post "{change.name}"')
            self.active -= 1
            self.outcome.archived_new += 1
        self.outcome.done.append(change)
        return f"done (id {post['id']}{', archived' if archive else ''})"

    def remember(self, change: CreatePost, post_id: str) -> None:
        self.discussions.record(change.page_id, post=post_id, path=change.path, title=change.name, archived=False)
        self.discussions.save()

    def update(self, change: UpdatePost) -> None:
        payload: dict = {}
        if change.new_name:
            payload["name"] = change.new_name
        if change.tags is not None:
            payload["applied_tags"] = self.tags(change.forum_id, change.tags)
        if change.reopen:
            payload.update(archived=False, locked=False)
        elif change.archived:
            payload["archived"] = False  # an archived post takes a change only while woken
        forum_client.modify_post(self.client, change.post_id, payload, reason=REASON, what=change.text())
        if change.archived and not change.reopen:
            forum_client.modify_post(self.client, change.post_id, {"archived": True}, reason=REASON,
                                     what=change.text())
        self.discussions.record(change.page_id, post=change.post_id, path=change.path,
                                title=change.new_name or change.old_name, archived=False)


def render_post_outcome(outcome: PostOutcome) -> str:
    lines = [f"Applied {len(outcome.done)} forum post change{'s' if len(outcome.done) != 1 else ''}."]
    if outcome.linked:
        lines.append(f"{len(outcome.linked)} post{'s' if len(outcome.linked) != 1 else ''} an earlier apply made "
                     "recorded instead of made again.")
    if outcome.archived_new:
        lines.append(f"{outcome.archived_new} new post{'s' if outcome.archived_new != 1 else ''} archived after "
                     "their first message (a reply wakes them up).")
    if outcome.pending:
        lines.append(f"{len(outcome.pending)} pending (run `handbook discord apply` again later):")
        lines += [f"  - {change.describe()}: {why}" for change, why in outcome.pending]
    if outcome.failed:
        change, why = outcome.failed
        lines += [f"Stopped at: {change.describe()}", f"  {why}"]
    return "\n".join(lines)
