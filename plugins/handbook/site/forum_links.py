"""Which forum post a page's "Discuss this page" box opens: the page's own post from discussions.yml
(by its front matter `discussion_id:`, else by the path the post's record has now), never an
archived one. Pages without a post link the forum channel itself, as any channel."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from handbook.channelmap.discussions import Discussions, discussions_path, load_discussions


class PagePosts:
    def __init__(self, discussions: Discussions) -> None:
        self.by_id = discussions.records
        self.by_path = {r.path: r for r in discussions.records.values() if r.path and not r.archived}

    def post_for(self, src_uri: str, meta: dict[str, Any]) -> str | None:
        """The id of the page's live post, or None."""
        wanted = meta.get("discussion_id")
        if isinstance(wanted, (str, int)) and str(wanted).strip():
            record = self.by_id.get(str(wanted).strip())
        else:
            record = self.by_path.get(src_uri)
        return record.post if record is not None and record.post and not record.archived else None


def load_page_posts(map_path: Path) -> PagePosts | None:
    """The posts recorded beside the map at `map_path`; None when there is no discussions.yml
    (a file that cannot be read raises `ChannelMapError`, naming its line)."""
    path = discussions_path(map_path)
    return PagePosts(load_discussions(path)) if path.exists() else None
