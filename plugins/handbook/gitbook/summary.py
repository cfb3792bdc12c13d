"""`SUMMARY.md` → a tree of entries, parsed with a real Markdown parser (markdown-it-py).

GitBook's table of contents is a Markdown list of links, optionally grouped into "parts" by
`## Heading`s (GitBook adds `<a href="#x" id="x"></a>` anchors to them; those are dropped).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode

from handbook.gitbook.model import GitBookError


@dataclass
class Entry:
    """A page (`target` is a path relative to the GitBook root), a link (`external`), or a part."""

    title: str
    target: str | None
    line: int
    children: list[Entry] = field(default_factory=list)
    external: bool = False
    fragment: str = ""

    @property
    def is_part(self) -> bool:
        return self.target is None


def parse_summary(text: str, name: str = "SUMMARY.md", folder: str = "") -> list[Entry]:
    """Top-level entries: pages and links before the first part, then one `Entry` per part.

    `folder` is where SUMMARY.md sits relative to the GitBook root: its links are relative to it.
    """
    tree = SyntaxTreeNode(MarkdownIt("commonmark").parse(text))
    top: list[Entry] = []
    current = top
    seen_list = False
    for node in tree.children:
        if node.type == "heading" and node.tag != "h1":
            part = Entry(title=_plain_text(node), target=None, line=_line(node))
            if part.title:
                top.append(part)
                current = part.children
        elif node.type in ("bullet_list", "ordered_list"):
            seen_list = True
            current.extend(_list_entries(node, name, folder))
    if not seen_list:
        raise GitBookError(
            name, 1, "has no list of pages",
            "list the pages as `* [Title](page.md)`, one a line, nested by indenting two spaces",
        )
    return [entry for entry in top if not entry.is_part or entry.children]


def _list_entries(node: SyntaxTreeNode, name: str, folder: str) -> list[Entry]:
    entries = []
    for item in node.children:
        inline = next(
            (child.children[0] for child in item.children if child.type == "paragraph" and child.children), None
        )
        link = next((child for child in inline.children if child.type == "link"), None) if inline else None
        line = _line(item)
        if link is None:
            text = inline.content if inline else ""
            raise GitBookError(
                name, line, f"list item {text!r} has no link",
                f"write it as `* [{text or 'Title'}](page.md)` or remove it",
            )
        href = str(link.attrs.get("href", "")).strip()
        if not href:
            raise GitBookError(name, line, "link with an empty target", "write the page's path between the ( )")
        entry = Entry(title=_plain_text(link), target=href, line=line)
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            entry.external = True
        else:
            path = unquote(parts.path)
            joined = f"{folder}/{path}" if folder and not path.startswith("/") else path.lstrip("/")
            entry.target = posixpath.normpath(joined) if joined else joined
            entry.fragment = parts.fragment
        for child in item.children:
            if child.type in ("bullet_list", "ordered_list"):
                entry.children.extend(_list_entries(child, name, folder))
        entries.append(entry)
    return entries


def _plain_text(node: SyntaxTreeNode) -> str:
    """Text of a heading or link, without inline HTML (GitBook's anchors)."""
    parts = []
    for child in node.walk():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
    return " ".join("".join(parts).split())


def _line(node: SyntaxTreeNode) -> int:
    return (node.map[0] + 1) if node.map else 1
