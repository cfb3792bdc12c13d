"""GitBook's block tags read into a tree: the lines of a page, its `{% tag %}` lines, nested.

Tags stand on lines of their own and are never read inside fenced code; a tag left open is closed
where its parent closes (or at the page's end), and the reader hears of it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from handbook.gitbook.rawhtml import PRE_START, pre_to_fence
from handbook.gitbook.syntax import FENCE, TAG_LINE, parse_attrs

BLOCK_TAGS = {"hint", "tabs", "tab", "code", "content-ref", "stepper", "step", "columns", "column"}
SELF_CLOSING = {"page-ref", "include"}


@dataclass
class Line:
    text: str
    number: int
    code: bool = False
    fence_open: bool = False


@dataclass
class Tag:
    name: str
    attrs: dict[str, str]
    number: int
    indent: str = ""
    end: bool = False
    args: str = ""
    children: list = field(default_factory=list)


def read_events(lines: list[str], numbers: list[int], changes: Counter) -> list:
    """The page's lines as `Line`s and `Tag` lines, never a tag inside fenced code (a `<pre>` block
    becomes a fence here: `changes["pre"]` counts them)."""
    events: list = []
    fence = None
    pre_end: int | None = None  # the last line of a <pre> block already turned into a fence
    for index, text in enumerate(lines):
        number = numbers[index]
        if pre_end is not None:
            if index <= pre_end:
                continue
            pre_end = None
        if fence:
            events.append(Line(text, number, code=True))
            match = FENCE.match(text)
            if match and match["fence"][0] == fence[0] and len(match["fence"]) >= len(fence):
                if not match["info"].strip():
                    fence = None
            continue
        match = FENCE.match(text)
        if match:
            fence = match["fence"]
            events.append(Line(text, number, code=True, fence_open=True))
            continue
        if PRE_START.match(text):
            end = next((j for j in range(index, len(lines)) if "</pre>" in lines[j]), None)
            fenced = pre_to_fence("\n".join(lines[index:end + 1])) if end is not None else None
            if fenced:
                pre_end = end
                indent = text[: len(text) - len(text.lstrip())]
                changes["pre"] += 1
                events += [
                    Line(indent + line if line else line, number, code=True, fence_open=not k)
                    for k, line in enumerate(fenced)
                ]
                continue
        tag = TAG_LINE.match(text)
        if tag:
            events.append(Tag(
                tag["name"], parse_attrs(tag["args"]), number, tag["indent"], end=bool(tag["end"]),
                args=tag["args"],
            ))
            continue
        events.append(Line(text, number))
    return events

def build_tree(events: list, note: Callable[[int, str], None]) -> Tag:
    """The block tags nested as they open and close; `note(line, message)` hears of a tag never
    closed or closing nothing."""
    root = Tag("", {}, 0)
    stack = [root]
    for index, event in enumerate(events):
        if isinstance(event, Line):
            stack[-1].children.append(event)
        elif not event.end:
            stack[-1].children.append(event)
            if is_block(events, index):
                stack.append(event)
        elif any(open_.name == event.name for open_ in stack[1:]):
            while stack[-1].name != event.name:
                unclosed = stack.pop()
                note(unclosed.number, f"{{% {unclosed.name} %}} is never closed; closed it here")
            stack.pop()
        else:
            note(event.number, f"{{% end{event.name} %}} closes nothing; removed it")
    while len(stack) > 1:
        unclosed = stack.pop()
        note(unclosed.number, f"{{% {unclosed.name} %}} is never closed; closed it at the end of the page")
    return root


def open_fence(lines: list[str]) -> str | None:
    """The closing line a code fence left open at the end of `lines` needs, or None."""
    fence = None
    for line in lines:
        match = FENCE.match(line)
        if not match:
            continue
        if fence is None:
            fence = match
        elif match["fence"][0] == fence["fence"][0] and len(match["fence"]) >= len(fence["fence"]) \
                and not match["info"].strip():
            fence = None
    return fence["indent"] + fence["fence"] if fence else None


def is_block(events: list, index: int) -> bool:
    name = events[index].name
    if name in BLOCK_TAGS:
        return True
    if name in SELF_CLOSING:
        return False
    for later in events[index + 1:]:
        if isinstance(later, Tag) and later.name == name:
            return later.end
    return False
