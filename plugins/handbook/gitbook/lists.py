"""Re-indent nested lists for Python-Markdown.

GitBook writes CommonMark, where a nested list or a list item's second paragraph is indented to
the item's content (2 spaces under `* `, 3 under `1. `). Python-Markdown wants 4 spaces per level,
else nested lists flatten and paragraphs fall out of their item. The list structure comes from a
real CommonMark parser (markdown-it-py); only leading spaces change, never a line's content.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

_MARKER = re.compile(r"^(?P<indent> *)(?P<marker>[*+-]|\d{1,9}[.)])(?P<gap> +|$)")
TAB = 4


@dataclass
class _Item:
    start: int
    end: int
    marker_indent: int
    old_offset: int
    new_offset: int = 0
    new_marker_indent: int = 0


def reindent_lists(text: str) -> tuple[list[str], list[int]]:
    """The lines of `text` with list indentation Python-Markdown understands, and for each line the
    index of the source line it came from (a blank line is added before a list that follows a
    paragraph: CommonMark lets a list interrupt a paragraph, Python-Markdown does not)."""
    lines = text.split("\n")
    tokens = MarkdownIt("commonmark").parse(text)
    items: list[_Item] = []
    stack: list[_Item] = []
    blank_before: set[int] = set()
    in_fence: set[int] = set()
    for token in tokens:
        if token.type == "fence" and token.map:
            in_fence.update(range(*token.map))
        if token.type in ("bullet_list_open", "ordered_list_open") and token.level == 0 and token.map:
            start = token.map[0]
            if start > 0 and lines[start - 1].strip() and not stack_covers(stack, start):
                blank_before.add(start)
        if token.type == "list_item_open" and token.map:
            start, end = token.map
            match = _MARKER.match(lines[start].expandtabs(TAB))
            while stack and stack[-1].end <= start:
                stack.pop()
            if not match:  # inside a blockquote or a table: leave it as written
                stack.append(_Item(start, end, -1, -1))
                continue
            gap = len(match["gap"]) if match["gap"] and len(match["gap"]) <= 4 else 1
            item = _Item(start, end, len(match["indent"]), len(match["indent"]) + len(match["marker"]) + gap)
            parent = next((i for i in reversed(stack) if i.start < start < i.end), None)
            if parent is not None and parent.old_offset < 0:
                item.old_offset = -1
            elif parent is None:
                item.new_marker_indent = item.marker_indent
            else:
                item.new_marker_indent = parent.new_offset + max(0, item.marker_indent - parent.old_offset)
            item.new_offset = item.new_marker_indent + TAB
            items.append(item)
            stack.append(item)
    if not items:
        return lines, list(range(len(lines)))
    starts = {item.start for item in items}
    for item in items:  # an item right after a paragraph line would be read as that paragraph's text
        previous = item.start - 1
        if item.old_offset >= 0 and previous >= 0 and lines[previous].strip() and previous not in starts:
            blank_before.add(item.start)
    owner: list[_Item | None] = [None] * len(lines)
    for item in items:  # later (deeper) items overwrite their parents' lines
        for index in range(item.start, min(item.end, len(lines))):
            owner[index] = item
    out: list[str] = []
    sources: list[int] = []
    for index, line in enumerate(lines):
        if index in blank_before:
            out.append("")
            sources.append(index)
        sources.append(index)
        line_item = owner[index]
        if line_item is None or line_item.old_offset < 0 or not line.strip():
            out.append(line)
            continue
        expanded = line.expandtabs(TAB)
        indent = len(expanded) - len(expanded.lstrip(" "))
        if index == line_item.start:
            out.append(" " * line_item.new_marker_indent + expanded.lstrip(" "))
        elif indent >= line_item.old_offset:
            extra = indent - line_item.old_offset
            if extra < TAB and index not in in_fence:
                extra = 0  # 1-3 extra spaces mean nothing in CommonMark; in Python-Markdown they might
            out.append(" " * (line_item.new_offset + extra) + expanded.lstrip(" "))
        else:
            out.append(line)  # a lazy continuation line
    return out, sources


def stack_covers(stack: list[_Item], line: int) -> bool:
    return any(item.start < line < item.end for item in stack)
