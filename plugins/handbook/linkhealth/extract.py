"""The external links of a Markdown page, with the line each is on, found by markdown-it-py.

A parser, not a regular expression, so URLs in code spans and fenced code are not links, and
reference-style links count where they are used. MkDocs pages indent admonitions, tabs and details
by four spaces; CommonMark would read that as code, so indented code blocks are turned off here
(fenced code is still code). Front matter is skipped and line numbers stay those of the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt


FRONT_MATTER = re.compile(r"\A(---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))", re.S)
EXTERNAL = ("http://", "https://")


@dataclass(frozen=True)
class FoundLink:
    url: str
    line: int


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # on first use: a build with no link findings never parses

    return MarkdownIt("commonmark", {"html": True}).enable("table").disable("code")


def normalise(url: str) -> str:
    """The URL as it is checked: without its #fragment (the same page either way)."""
    return url.split("#", 1)[0] if "#" in url else url


def external_links(markdown: str) -> list[FoundLink]:
    """Every http(s) link and image of the page, in order, with 1-based line numbers."""
    offset = 0
    match = FRONT_MATTER.match(markdown)
    if match:
        offset = match.group(1).count("\n")
        markdown = markdown[match.end():]
    found: list[FoundLink] = []
    for token in _parser().parse(markdown):
        if token.type != "inline" or not token.children or token.map is None:
            continue
        line = token.map[0] + 1 + offset
        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
            elif child.type == "text" or child.type == "html_inline":
                line += child.content.count("\n")
            url = child.attrGet("href") if child.type == "link_open" else \
                child.attrGet("src") if child.type == "image" else None
            if isinstance(url, str) and url.lower().startswith(EXTERNAL):
                found.append(FoundLink(url, line))
    return found
