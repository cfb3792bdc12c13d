"""Drop GitBook's backslash escapes (`\\(`, `\\)`, `\\_`, `\\*`) where Python-Markdown renders the
line the same without them. The renderer is the judge, so escapes that matter (`2 \\* 3 \\* 4`,
`[a]\\(b)`, anything in code) stay."""

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


def unescape_line(line: str) -> str:
    if "\\" not in line or not _ESCAPE.search(line):
        return line
    before = _render(line)
    everything = _ESCAPE.sub(r"\1", line)
    if _render(everything) == before:
        return everything
    # some escapes matter: drop the others one at a time, from the right so offsets stay valid
    for match in reversed(list(_ESCAPE.finditer(line))):
        candidate = line[: match.start()] + line[match.start() + 1 :]
        if _render(candidate) == before:
            line = candidate
    return line
