"""The REST calls for forum channels and their posts, over the one client (`DiscordClient.request`:
its buckets, 429 handling and audit-log reasons). Answers are checked for the fields read here.

Sources: https://discord.com/developers/docs/resources/channel#start-thread-in-forum-or-media-channel,
#modify-channel (thread fields), #list-public-archived-threads, #get-channel-messages, and
https://discord.com/developers/docs/resources/guild#list-active-guild-threads. Threads are never in
the guild's channel list, so posts are read from these two lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from handbook.discord.errors import UnexpectedAnswer

if TYPE_CHECKING:
    from handbook.discord.client import DiscordClient

ARCHIVED_PAGE = 100
"""Archived posts per request (Discord's most)."""


def _thread(body: Any, what: str) -> dict:
    if not isinstance(body, dict) or not isinstance(body.get("id"), str) or not isinstance(body.get("name"), str):
        raise UnexpectedAnswer(f"{what}: Discord answered something that is not a post; try again later")
    body.setdefault("applied_tags", [])
    body.setdefault("thread_metadata", {})
    return body


def _threads(body: Any, what: str) -> list[dict]:
    threads = body.get("threads") if isinstance(body, dict) else None
    if not isinstance(threads, list):
        raise UnexpectedAnswer(f"{what}: Discord answered something that is not a list of posts; try again later")
    return [_thread(t, what) for t in threads]


def is_archived(thread: dict) -> bool:
    return bool((thread.get("thread_metadata") or {}).get("archived"))


def is_locked(thread: dict) -> bool:
    return bool((thread.get("thread_metadata") or {}).get("locked"))


def active_threads(client: DiscordClient, guild_id: str) -> list[dict]:
    """Every active thread of the server the bot can see (posts of every forum, and other threads)."""
    what = "list the server's active threads"
    return _threads(client.request("GET", f"/guilds/{guild_id}/threads/active", what=what), what)


def archived_posts(client: DiscordClient, forum_id: str) -> list[dict]:
    """Every archived post of a forum, newest archived first, page by page."""
    what, out, before = f"list the archived posts of forum {forum_id}", [], None
    while True:
        query = f"?limit={ARCHIVED_PAGE}" + (f"&before={before}" if before else "")
        body = client.request("GET", f"/channels/{forum_id}/threads/archived/public{query}", what=what)
        threads = _threads(body, what)
        out += threads
        if not body.get("has_more") or not threads:
            return out
        before = (threads[-1].get("thread_metadata") or {}).get("archive_timestamp")
        if not before:
            return out


def forum_posts(client: DiscordClient, guild_id: str, forum_ids: set[str]) -> list[dict]:
    """The posts of the forums `forum_ids`, active and archived, each once."""
    if not forum_ids:
        return []
    posts = {t["id"]: t for t in active_threads(client, guild_id) if t.get("parent_id") in forum_ids}
    for forum_id in sorted(forum_ids):
        for thread in archived_posts(client, forum_id):
            posts.setdefault(thread["id"], thread)
    return list(posts.values())


def first_message(client: DiscordClient, thread_id: str) -> str:
    """The content of a post's first message ('' when it has none left)."""
    what = f"read the first message of post {thread_id}"
    body = client.request("GET", f"/channels/{thread_id}/messages?after=0&limit=1", what=what)
    if not isinstance(body, list):
        raise UnexpectedAnswer(f"{what}: Discord answered something that is not a list of messages; try again later")
    return str((body[-1] if body else {}).get("content") or "")


def create_post(client: DiscordClient, forum_id: str, payload: dict, *, reason: str, what: str) -> dict:
    return _thread(client.request("POST", f"/channels/{forum_id}/threads", json=payload, reason=reason, what=what),
                   what)


def modify_post(client: DiscordClient, thread_id: str, payload: dict, *, reason: str, what: str) -> dict:
    return _thread(client.request("PATCH", f"/channels/{thread_id}", json=payload, reason=reason, what=what), what)


def set_forum_tags(client: DiscordClient, forum_id: str, tags: list[dict], *, reason: str, what: str) -> dict:
    body = client.request("PATCH", f"/channels/{forum_id}", json={"available_tags": tags}, reason=reason, what=what)
    if not isinstance(body, dict) or not isinstance(body.get("available_tags", []), list):
        raise UnexpectedAnswer(f"{what}: Discord answered something that is not a forum; try again later")
    return body
