"""Forum channels and their posts for the fake Discord (`fake_discord.FakeDiscord` mixes this in).

Written from Discord's channel reference (https://discord.com/developers/docs/resources/channel),
independently of the package's code:

- a forum channel is type 15 with `available_tags` (at most 20, names of 1 to 20 characters, each
  name once: 40061) and `default_auto_archive_duration`;
- a post is a public thread (type 11) made by `POST /channels/{forum}/threads` with `name` (1-100),
  `message` (its first message, content 1 to 2,000 characters; the message's id is the thread's),
  `applied_tags` (at most 5, ids of the forum's tags) and `auto_archive_duration` (60, 1440, 4320
  or 10080); making one needs Send Messages in the forum;
- `PATCH /channels/{thread}` renames, retags, archives and locks; locking, and waking a locked
  post, need Manage Threads; an archived post takes no change unless it is woken in the same
  request (`archived: false`, 50083);
- threads are never in `GET /guilds/{id}/channels`; `GET /guilds/{id}/threads/active` lists the
  active ones, `GET /channels/{forum}/threads/archived/public` the archived ones, newest archived
  first, with `before` and `limit` and `has_more`;
- a server holds at most 1,000 active threads (archived ones do not count): 160006.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

FORUM, PUBLIC_THREAD = 15, 11
SEND, MANAGE_THREADS = 1 << 11, 1 << 34
ARCHIVE_MINUTES = (60, 1440, 4320, 10080)
ACTIVE_THREADS_MAX = 1000


def _invalid(field: str, message: str, code: str = "BASE_TYPE_BAD_LENGTH"):
    from fake_discord import ApiError

    return ApiError(400, 50035, "Invalid Form Body", {field: {"_errors": [{"code": code, "message": message}]}})


class ForumFake:
    """Threads live apart from channels (`self.threads`), as the API keeps them out of the channel list."""

    threads: dict[str, dict]
    messages: dict[str, list[dict]]
    active_threads_max: int = ACTIVE_THREADS_MAX

    def _forum_setup(self) -> None:
        self.threads, self.messages = {}, {}

    # --- set-up helpers for tests ---------------------------------------------------------------

    def add_forum(self, name: str, tags: list[str] = (), *, parent_id: str | None = None) -> str:
        forum_id = self.add_channel(name, FORUM, parent_id=parent_id)  # type: ignore[attr-defined]
        self.channels[forum_id].update(available_tags=self._tags([{"name": t} for t in tags], []),  # type: ignore[attr-defined]
                                       default_auto_archive_duration=4320)
        return forum_id

    def add_post(self, forum_id: str, name: str, content: str, *, archived: bool = False) -> str:
        """A post someone made by hand before the handbook managed the forum."""
        thread = self._new_thread(self.channels[forum_id], {"name": name, "message": {"content": content}},  # type: ignore[attr-defined]
                                  owner="1" * 18)
        if archived:
            self._archive(thread, True)
        return thread["id"]

    def posts(self, forum_id: str | None = None) -> list[dict]:
        return [t for t in self.threads.values() if forum_id is None or t["parent_id"] == forum_id]

    def tag_names(self, thread: dict) -> list[str]:
        forum = self.channels[thread["parent_id"]]  # type: ignore[attr-defined]
        names = {t["id"]: t["name"] for t in forum["available_tags"]}
        return [names[t] for t in thread["applied_tags"]]

    def first_message(self, thread_id: str) -> dict:
        return self.messages[thread_id][0]

    # --- routing -------------------------------------------------------------------------------

    def _route_forum(self, method: str, path: str, body: Any, query: dict) -> tuple[int, Any] | None:
        """The forum routes; None for a request that is not about forums or threads."""
        g = self.guild_id  # type: ignore[attr-defined]
        if path == f"/guilds/{g}/channels" and method == "POST" and int((body or {}).get("type", 0)) == FORUM:
            created = self._create_channel(body)  # type: ignore[attr-defined]
            forum = self.channels[created["id"]]  # type: ignore[attr-defined]
            forum["available_tags"] = self._tags(body.get("available_tags") or [], [])
            forum["default_auto_archive_duration"] = int(body.get("default_auto_archive_duration") or 4320)
            return 201, dict(forum)
        if method == "GET" and path == f"/guilds/{g}/threads/active":
            active = [dict(t) for t in self.threads.values() if not t["thread_metadata"]["archived"]
                      and self.visible(self.channels[t["parent_id"]])]  # type: ignore[attr-defined]
            return 200, {"threads": active, "members": []}
        m = re.fullmatch(r"/channels/(\d+)(/.*)?", path)
        if not m:
            return None
        channel_id, rest = m.group(1), m.group(2) or ""
        if channel_id in self.threads:
            return self._thread_route(method, self.threads[channel_id], rest, body, query)
        channel = self.channels.get(channel_id)  # type: ignore[attr-defined]
        if channel is None or channel["type"] != FORUM:
            if rest in ("/threads", "/threads/archived/public") and channel is not None:
                raise self._wrong_type()
            return None
        forum = self._channel(channel_id)  # type: ignore[attr-defined]
        if rest == "/threads" and method == "POST":
            self._need_in(SEND, forum)
            return 201, self._create_post(forum, body or {})
        if rest == "/threads/archived/public" and method == "GET":
            return 200, self._archived(forum, query)
        if rest == "" and method == "PATCH" and "available_tags" in (body or {}):
            self._need(1 << 4, forum)  # type: ignore[attr-defined]  # Manage Channels
            forum["available_tags"] = self._tags(body["available_tags"], forum.get("available_tags") or [])
            others = {k: v for k, v in body.items() if k != "available_tags"}
            return 200, self._modify(forum, others) if others else dict(forum)  # type: ignore[attr-defined]
        return None

    def _wrong_type(self):
        from fake_discord import ApiError

        return ApiError(400, 50024, "Cannot execute action on this channel type")

    def _need_in(self, permission: int, channel: dict) -> None:
        from fake_discord import ApiError

        perms = self.channel_permissions(channel)  # type: ignore[attr-defined]
        if perms != -1 and not perms & permission:
            raise ApiError(403, 50013, "Missing Permissions")

    def _tags(self, wanted: list[dict], current: list[dict]) -> list[dict]:
        from fake_discord import ApiError

        if len(wanted) > 20:
            raise _invalid("available_tags", "Must be 20 or fewer in length.")
        by_id = {t["id"]: t for t in current}
        out, names = [], set()
        for tag in wanted:
            name = str(tag.get("name") or "")
            if not 0 < len(name) <= 20:
                raise _invalid("available_tags", "Must be between 1 and 20 in length.")
            if name in names:
                raise ApiError(400, 40061, "Tag names must be unique")
            names.add(name)
            if tag.get("emoji_id") and tag.get("emoji_name"):
                raise _invalid("available_tags", "Only one of emoji_id and emoji_name")
            kept = by_id.get(str(tag.get("id") or ""))
            out.append({"id": kept["id"] if kept else self.new_id(), "name": name,  # type: ignore[attr-defined]
                        "moderated": bool(tag.get("moderated")), "emoji_id": tag.get("emoji_id"),
                        "emoji_name": tag.get("emoji_name")})
        return out

    def _applied(self, forum: dict, tags: Any) -> list[str]:
        if not isinstance(tags, list) or len(tags) > 5:
            raise _invalid("applied_tags", "Must be 5 or fewer in length.")
        known = {t["id"] for t in forum.get("available_tags") or []}
        if any(str(t) not in known for t in tags):
            raise _invalid("applied_tags", "Unknown tag", "TAG_INVALID")
        return [str(t) for t in tags]

    def _active_count(self) -> int:
        return sum(1 for t in self.threads.values() if not t["thread_metadata"]["archived"])

    def _stamp(self) -> str:
        return datetime.datetime.fromtimestamp(self.clock(), datetime.timezone.utc).isoformat()  # type: ignore[attr-defined]

    def _create_post(self, forum: dict, body: dict) -> dict:
        from fake_discord import ApiError

        name = body.get("name") or ""
        if not isinstance(name, str) or not 1 <= len(name) <= 100:
            raise _invalid("name", "Must be between 1 and 100 in length.")
        message = body.get("message")
        if not isinstance(message, dict):
            raise _invalid("message", "This field is required", "BASE_TYPE_REQUIRED")
        content = message.get("content") or ""
        if not content and not message.get("embeds"):
            raise ApiError(400, 50006, "Cannot send an empty message")
        if len(content) > 2000:
            raise _invalid("message.content", "Must be 2000 or fewer in length.")
        if "auto_archive_duration" in body and body["auto_archive_duration"] not in ARCHIVE_MINUTES:
            raise _invalid("auto_archive_duration", "Value must be one of (60, 1440, 4320, 10080).",
                           "BASE_TYPE_CHOICES")
        applied = self._applied(forum, body.get("applied_tags") or [])
        if self._active_count() >= self.active_threads_max:
            raise ApiError(400, 160006, "Maximum number of active threads reached")
        thread = self._new_thread(forum, body, owner=self.bot_user_id, applied=applied)  # type: ignore[attr-defined]
        return {**thread, "message": dict(self.messages[thread["id"]][0])}

    def _new_thread(self, forum: dict, body: dict, *, owner: str, applied: list[str] = ()) -> dict:
        thread_id = self.new_id()  # type: ignore[attr-defined]
        self.threads[thread_id] = {
            "id": thread_id, "guild_id": self.guild_id, "parent_id": forum["id"], "type": PUBLIC_THREAD,  # type: ignore[attr-defined]
            "name": body["name"], "owner_id": owner, "applied_tags": list(applied), "flags": 0,
            "message_count": 0, "last_message_id": thread_id,
            "thread_metadata": {"archived": False, "locked": False, "archive_timestamp": self._stamp(),
                                "auto_archive_duration": int(body.get("auto_archive_duration")
                                                             or forum.get("default_auto_archive_duration") or 4320)},
        }
        # the first message of a forum post has the thread's id
        self.messages[thread_id] = [{"id": thread_id, "channel_id": thread_id, "author": {"id": owner},
                                     "content": body["message"].get("content") or "", "type": 0}]
        return self.threads[thread_id]

    def _archive(self, thread: dict, archived: bool) -> None:
        meta = thread["thread_metadata"]
        if meta["archived"] != archived:
            meta["archived"], meta["archive_timestamp"] = archived, self._stamp()

    def _archived(self, forum: dict, query: dict) -> dict:
        limit = max(1, min(int((query.get("limit") or ["50"])[0]), 100))
        before = (query.get("before") or [None])[0]
        done = sorted((t for t in self.threads.values() if t["parent_id"] == forum["id"]
                       and t["thread_metadata"]["archived"]),
                      key=lambda t: (t["thread_metadata"]["archive_timestamp"], int(t["id"])), reverse=True)
        if before:
            done = [t for t in done if t["thread_metadata"]["archive_timestamp"] < before]
        return {"threads": [dict(t) for t in done[:limit]], "members": [], "has_more": len(done) > limit}

    def _thread_route(self, method: str, thread: dict, rest: str, body: Any, query: dict) -> tuple[int, Any]:
        from fake_discord import ApiError

        forum = self._channel(thread["parent_id"])  # type: ignore[attr-defined]  # 403 when the forum is hidden
        if rest == "" and method == "GET":
            return 200, dict(thread)
        if rest == "" and method == "PATCH":
            return 200, self._modify_thread(forum, thread, body or {})
        if rest == "/messages" and method == "GET":
            limit = max(1, min(int((query.get("limit") or ["50"])[0]), 100))
            found = self.messages[thread["id"]]
            if query.get("after"):
                after = int(query["after"][0])
                found = [m for m in found if int(m["id"]) > after][:limit]
            else:
                found = found[-limit:]
            return 200, [dict(m) for m in reversed(found)]  # newest first, as Discord lists them
        raise ApiError(404, 0, f"404: Not Found ({method} /channels/{thread['id']}{rest})")

    def _modify_thread(self, forum: dict, thread: dict, body: dict) -> dict:
        from fake_discord import ApiError

        meta = thread["thread_metadata"]
        waking = body.get("archived") is False
        if meta["archived"] and not waking:
            raise ApiError(400, 50083, "Thread is archived")
        if "locked" in body or (waking and meta["locked"]) or thread["owner_id"] != self.bot_user_id:  # type: ignore[attr-defined]
            self._need_in(MANAGE_THREADS, forum)
        if waking and meta["archived"] and self._active_count() >= self.active_threads_max:
            raise ApiError(400, 160006, "Maximum number of active threads reached")
        if "name" in body:
            name = body["name"]
            if not isinstance(name, str) or not 1 <= len(name) <= 100:
                raise _invalid("name", "Must be between 1 and 100 in length.")
            self._count_rename(thread)  # type: ignore[attr-defined]
            thread["name"] = name
        if "applied_tags" in body:
            thread["applied_tags"] = self._applied(forum, body["applied_tags"])
        if "auto_archive_duration" in body:
            if body["auto_archive_duration"] not in ARCHIVE_MINUTES:
                raise _invalid("auto_archive_duration", "Value must be one of (60, 1440, 4320, 10080).",
                               "BASE_TYPE_CHOICES")
            meta["auto_archive_duration"] = body["auto_archive_duration"]
        if "locked" in body:
            meta["locked"] = bool(body["locked"])
        if "archived" in body:
            self._archive(thread, bool(body["archived"]))
        return dict(thread)
