"""Drop GitBook's backslash escapes (`\\(`, `\\)`, `\\_`, `\\*`) where Python-Markdown renders the
line the same without them. The renderer is the judge, so escapes that matter (`2 \\* 3 \\* 4`,
`[a]\\(b)`, anything in code) stay. A line of list content is judged without its indentation:
alone, four spaces would make it a code block, where every backslash shows."""

from __future__ import annotations

import re
from functools import lru_cache

import markdown

_ESCAPE = re.compile(r"\\([()_*])")


@lru_cache(maxsize=1)
def _renderer() -> markdown.Markdown:
    return markdown.Markdown(extensions=["attr_list", "md_in_html", "tables"])


def _render(line: str) -> str:
    return _renderer().reset().convert(line)


def unescape_line(line: str, *, list_content: bool = False) -> str:
    """`line` without the escapes it renders the same without; `list_content`: the line is
    indented under a list item (not an indented code block)."""
    if "\\" not in line or not _ESCAPE.search(line):
        return line
    if list_content:
        body = line.lstrip(" \t")
        return line[: len(line) - len(body)] + _unescape(body)
    return _unescape(line)


def _unescape(line: str) -> str:
    before = _render(line)
    everything = _ESCAPE.sub(r"\1", line)
    if _render(everything) == before:
        return everything
    # some escapes matter: drop the others one at a time, from the right so offsets stay valid;
    # a `*` or `_` that could open or close emphasis keeps its escape (pairs stay pairs)
    for match in reversed(list(_ESCAPE.finditer(line))):
        if match.group(1) in "*_" and _delimiter_like(line, match.start(), match.end()):
            continue
        candidate = line[: match.start()] + line[match.start() + 1 :]
        if _render(candidate) == before:
            line = candidate
    return line


def _delimiter_like(line: str, start: int, end: int) -> bool:
    before = line[start - 1] if start > 0 else " "
    after = line[end] if end < len(line) else " "
    return before.isalnum() != after.isalnum()
