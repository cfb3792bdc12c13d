"""`discussions.yml`, beside the channel map: which forum post is each page's, by the page's stable id.

A page's id is its path when its post was made (`habits/tiny-habits.md`), or the `discussion_id:`
its front matter sets; it never changes when the page is renamed, so the post follows the page.
`handbook discord apply` and `pull` write the file (only the lines that change, atomically, keeping
comments and hand edits); people review it in pull requests like the map. The pages themselves
never hold a post's id.

    posts:
      habits/tiny-habits.md:        # the page id
        post: "1234567890123456789"  # the forum post (a thread) on Discord
        path: habits/tiny-habits.md  # where the page is now
        title: Tiny habits           # the post's title when it was last written
        archived: true               # the page is gone: its post is archived and locked
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap

from handbook.channelmap import rules
from handbook.channelmap.model import ChannelMapError
from handbook.channelmap.yaml_io import YamlSyntaxError, describe_value, load_roundtrip, write_roundtrip
from handbook.files import read_text, write_atomic

FILE_NAME = "discussions.yml"
HEADER = ("# The forum post of each handbook page (see docs/maintaining/forum-posts.md), by the page's id: its\n"
          "# path when the post was made, or its `discussion_id:`. Written by `handbook discord apply` and\n"
          "# `pull`; review it like channel_map.yml. Hand edits and comments are kept.\n")
FIELDS = ("post", "path", "title", "archived")


@dataclass
class PostRecord:
    page_id: str
    post: str | None = None
    path: str | None = None
    title: str | None = None
    archived: bool = False
    line: int = 0


@dataclass
class Discussions:
    path: Path
    records: dict[str, PostRecord] = field(default_factory=dict)
    document: Any = None
    text: str = ""
    """The file as read ('' when there is none yet), so a write changes only its own lines."""

    def by_post(self) -> dict[str, PostRecord]:
        return {r.post: r for r in self.records.values() if r.post}

    def record(self, page_id: str, **values: Any) -> PostRecord:
        """Set `values` (of FIELDS) for `page_id` in the records and the document; other keys are kept."""
        found = self.records.setdefault(page_id, PostRecord(page_id))
        posts = self.document.get("posts")
        if not isinstance(posts, CommentedMap):
            posts = self.document["posts"] = CommentedMap()
        node = posts.get(page_id)
        if not isinstance(node, CommentedMap):
            node = posts[page_id] = CommentedMap()
        for key in FIELDS:
            if key not in values:
                continue
            value = values[key]
            setattr(found, key, value)
            if key == "archived" and not value:
                node.pop(key, None)
            elif value is not None and node.get(key) != value:
                node[key] = value
        return found

    def save(self) -> bool:
        """Write the file when the document changed; True when it did. No file is made for no post."""
        if not self.text and not self.records:
            return False
        fresh = not self.text
        new = HEADER + _dump(self.document) if fresh else write_roundtrip(self.text, self.document)
        if new == self.text:
            return False
        write_atomic(self.path, new)
        self.text = new
        if fresh:  # from now on edited as the file reads, header comment included
            self.document = load_roundtrip(self.path, new)
        return True


def _dump(document: Any) -> str:
    from handbook.channelmap.yaml_io import dump_roundtrip

    return dump_roundtrip(document)


def discussions_path(map_path: Path) -> Path:
    return Path(map_path).parent / FILE_NAME


def load_discussions(path: Path, shown: str | None = None) -> Discussions:
    """The file at `path` (empty when there is none); a `ChannelMapError` naming the line and the
    fix for a file that is not a list of posts."""
    shown = shown or str(path)
    if not path.exists():
        return Discussions(path, document=CommentedMap([("posts", CommentedMap())]))
    text = read_text(path, shown)
    try:
        document = load_roundtrip(path, text)
    except YamlSyntaxError as err:
        raise ChannelMapError(shown, err.line, err.column, f"invalid YAML: {err.problem}", err.syntax_fix) from None
    if document is None:
        document = CommentedMap()
    if not isinstance(document, CommentedMap):
        raise ChannelMapError(shown, 1, 1, f"the file must be a mapping with `posts:`, not {describe_value(document)}",
                              "write `posts:` followed by one entry per page")
    posts = document.get("posts")
    if posts is None:
        posts = document["posts"] = CommentedMap()
    if not isinstance(posts, CommentedMap):
        raise ChannelMapError(shown, _line(document, "posts"), 1, f"`posts` must map page ids to their posts, "
                              f"not {describe_value(posts)}", "write `posts:` then `  habits/tiny.md:` and "
                              "`    post: \"ID\"` below it")
    found = Discussions(path, document=document, text=text)
    for page_id, node in posts.items():
        line = _line(posts, page_id)
        if not isinstance(node, CommentedMap):
            raise ChannelMapError(shown, line, 1, f"the entry of `{page_id}` must be a mapping, not "
                                  f"{describe_value(node)}", "write `post: \"ID\"` and `path: ...` below it")
        post = node.get("post")
        if post is not None and not (isinstance(post, str) and rules.is_snowflake(post)):
            raise ChannelMapError(shown, _line(node, "post"), 1, f"`post` of `{page_id}` is `{post}`, which is not a "
                                  "Discord id (17 to 20 digits, in quotes)",
                                  "put the post's id in quotes, or remove the line and run `handbook discord pull`")
        found.records[str(page_id)] = PostRecord(
            str(page_id), post=post, path=str(node.get("path") or page_id),
            title=str(node["title"]) if node.get("title") is not None else None,
            archived=node.get("archived") is True, line=line)
    return found


def _line(node: Any, key: Any) -> int:
    try:
        return node.lc.key(key)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return 1
