"""A page's front matter as keys with line numbers, read the way MkDocs finds it.

MkDocs reads the YAML block between `---` lines at the top of a page, and quietly ignores a
block it cannot parse (the page then shows it as text). Here every top-level key keeps its line
in the file and its raw text (so an impossible date is our finding, not PyYAML's exception), and
broken YAML is one problem with its line and the fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

_OPEN = re.compile(r"^-{3}[ \t]*$")
_CLOSE = re.compile(r"^(?:-{3}|\.{3})[ \t]*$")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\n|\r)|[^\r\n]+$")


@dataclass(frozen=True)
class Value:
    raw: object
    """A string as written (quotes removed), a list of such values, or None for a mapping/null."""
    line: int
    """1-based line in the file."""
    kind: str = "scalar"
    """scalar, list or mapping."""
    tag: str = ""
    """YAML's implicit type of a scalar (`...:int` for `90`), so messages can say what was meant."""
    item_tags: tuple[str, ...] = ()
    """The same for each item of a list."""


@dataclass
class FrontMatter:
    values: dict[str, Value] = field(default_factory=dict)
    start: int | None = None
    """The line of the opening `---` (1), or None when the page has no front matter."""
    end: int | None = None
    """The line of the closing `---`."""
    problem: str | None = None
    problem_line: int | None = None

    def get(self, key: str) -> Value | None:
        return self.values.get(key)


def split_lines(text: str) -> list[str]:
    """Lines with their endings (\\n, \\r\\n or \\r kept), so a writer can put them back as they were."""
    return _LINES.findall(text)


def read(text: str) -> FrontMatter:
    lines = split_lines(text.removeprefix("\ufeff"))
    if not lines or not _OPEN.match(lines[0].rstrip("\r\n")):
        return FrontMatter()
    end = next((i for i in range(1, len(lines)) if _CLOSE.match(lines[i].rstrip("\r\n"))), None)
    if end is None:
        return FrontMatter()  # MkDocs does not read it as front matter either
    block = "".join(line.rstrip("\r\n") + "\n" for line in lines[1:end])
    result = FrontMatter(start=1, end=end + 1)
    try:
        node = yaml.compose(block, Loader=yaml.SafeLoader)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        result.problem_line = (mark.line + 2) if mark is not None else 2
        problem = getattr(err, "problem", None) or str(err)
        result.problem = f"the front matter is not valid YAML: {problem}"
        return result
    if not isinstance(node, yaml.MappingNode):
        return result
    for key, value in node.value:
        if isinstance(key, yaml.ScalarNode):
            result.values[str(key.value)] = _value(value)
    return result


TEXT_TAG = "tag:yaml.org,2002:str"
_READ_AS = {"int": "a number", "float": "a number", "bool": "true or false", "null": "nothing",
            "timestamp": "a date"}


def read_as(tag: str) -> str | None:
    """What YAML made of a scalar that is not text (`5`: "a number"), else None."""
    return None if tag == TEXT_TAG else _READ_AS.get(tag.rsplit(":", 1)[-1], "not text")


def _value(node: yaml.Node) -> Value:
    line = node.start_mark.line + 2  # the block starts on the file's second line
    if isinstance(node, yaml.ScalarNode):
        null = node.tag == "tag:yaml.org,2002:null" and node.style is None
        return Value(None if null else node.value, line, tag=node.tag)
    if isinstance(node, yaml.SequenceNode):
        items = [item.value if isinstance(item, yaml.ScalarNode) else None for item in node.value]
        return Value(items, line, "list", item_tags=tuple(item.tag for item in node.value))
    return Value(None, line, "mapping")
