"""`discord pull` for forum posts: the posts a server already has that are a page's, recorded in
discussions.yml, so that adopting a server with posts creates no second post for any page.

A post is a page's when its title is the page's post title, else when its first message carries
the page's address (read only for posts whose title matches no page: one request each). A post
another record already claims, or that two pages could claim by title, is left alone.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from handbook.channelmap.discussions import Discussions
from handbook.discord.forum_pages import Forum
from handbook.discord.forum_plan import ServerForums, page_ids


def link_posts(forums: list[Forum], discussions: Discussions, server: ServerForums, renames: dict[str, str],
               first_message: Callable[[str], str]) -> list[str]:
    """Record the posts that match a page without a post; returns a line per post linked."""
    ids = page_ids(forums, discussions, renames)
    forum_id = {forum.folder: (server.forum_for(forum.channel) or {}).get("id") for forum in forums}
    claimed = set(discussions.by_post())
    without = {page_id: page for page_id, page in ids.items()
               if not (discussions.records.get(page_id) and discussions.records[page_id].post in server.posts)}
    titles = Counter(page.post_title() for page in ids.values())
    unclaimed = [post for post in server.posts.values() if post["id"] not in claimed]
    linked: list[str] = []
    for page_id, page in without.items():
        in_forum = [p for p in unclaimed if p.get("parent_id") == forum_id[page.folder]]
        match = next((p for p in in_forum if p["name"] == page.post_title() and titles[page.post_title()] == 1), None)
        if match is None and page.url:
            match = next((p for p in in_forum if p["name"] not in titles and page.url in first_message(p["id"])), None)
        if match is None:
            continue
        unclaimed.remove(match)
        discussions.record(page_id, post=match["id"], path=page.path, title=match["name"], archived=False)
        linked.append(f'post "{match["name"]}" is the post of {page.path}')
    return linked
