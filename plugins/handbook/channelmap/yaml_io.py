"""Round-trip YAML for files people edit by hand: comments, key order and quoting survive.

`write_roundtrip` turns an edited document back into text by patching only the lines that change
(`textpatch`). Writes go through `handbook.files.write_atomic`, so an interrupted `handbook sync` or
`handbook discord pull` never leaves half a file.
"""

from __future__ import annotations

import datetime
import io
import re
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.representer import RoundTripRepresenter

from handbook.channelmap import textpatch as patch
from handbook.channelmap.scalars import reads_back_as_text
from handbook.errors import HandbookError
from handbook.files import read_text


class YamlSyntaxError(HandbookError):
    def __init__(self, path: Path, line: int, column: int, problem: str, fix: str | None = None) -> None:
        self.syntax_fix = fix or _syntax_fix(problem)
        super().__init__(problem, file=str(path), line=line, column=column, fix=self.syntax_fix)
        self.path, self.problem = path, problem


def _syntax_fix(problem: str) -> str:
    """What to change at that line: a key written twice is not a matter of indentation."""
    duplicate = re.search(r'found duplicate key "([^"]*)"', problem)
    if duplicate:
        return (f"`{duplicate.group(1)}:` is written twice in one entry: keep one of the two lines "
                "(a key can appear once per entry)")
    return "check the indentation and quoting around that line (text with `: ` or starting with `#` needs quotes)"


class _TextSafeRepresenter(RoundTripRepresenter):
    """ruamel's round-trip representer, quoting new text that YAML 1.1 readers would take for
    something else (`name: yes` is a bool to PyYAML and MkDocs). Text loaded with quotes keeps
    its own style; it is a ScalarString, not a plain str."""

    def represent_text(self, data: str) -> Any:
        style = None if reads_back_as_text(data) else "'"
        return self.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_TextSafeRepresenter.add_representer(str, _TextSafeRepresenter.represent_text)


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.Representer = _TextSafeRepresenter
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long topic a person wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def detect_indent(text: str) -> tuple[int, int, int]:
    """The (mapping, sequence, offset) indentation the file already uses, so new lines look like
    their neighbours.

    `offset` is how far a list's `- ` stands in from its key; ruamel needs all three numbers.
    """
    mapping = sequence = offset = None
    parent = None  # (indent, is a bare `key:` line that is not a list item)
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith(("#", "%", "---", "...")):
            continue
        indent = len(line) - len(stripped)
        is_item = stripped.startswith("- ")
        if parent is not None and parent[1] and indent >= parent[0]:
            if is_item and sequence is None:  # `- ` may stand level with its key
                offset = indent - parent[0]
                sequence = offset + len(stripped) - len(stripped[1:].lstrip(" "))  # `-   name` too
            elif not is_item and mapping is None and indent > parent[0]:
                mapping = indent - parent[0]
        if mapping is not None and sequence is not None:
            break
        parent = (indent, stripped.rstrip().endswith(":") and not is_item)
    return mapping or 2, sequence or 4, offset if offset is not None else 2


def load_roundtrip(path: Path, text: str | None = None) -> Any:
    """Parse `path` keeping comments and positions (`node.lc.line`); raises YamlSyntaxError."""
    if text is None:
        text = read_text(path)
    # Read as LF without a BOM (lines keep their numbers): ruamel would keep a `\r` in every
    # comment; `write_roundtrip` puts the file's own endings and BOM back.
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    try:
        if "*" in text:  # no alias without a `*`: the common file is parsed once
            _refuse_alias_bombs(path, text)
        return _yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(p for p in (err.context, err.problem) if p) or "invalid YAML"
        raise YamlSyntaxError(path, line, column, problem) from None
    except ReaderError as err:  # a character YAML refuses (NUL, another control): no mark, a position
        line, column = _line_and_column(text, err.position)
        code = err.character if isinstance(err.character, int) else ord(str(err.character)[:1] or "\0")
        raise YamlSyntaxError(path, line, column, f"the character U+{code:04X} ({_character_name(code)}) is not "
                              "allowed in a YAML file", "delete it: a YAML file holds only printable text, tabs "
                              "and line breaks") from None
    except YAMLError as err:
        raise YamlSyntaxError(path, 1, 1, str(err)) from None
    except ValueError as err:  # ruamel builds `2026-13-45` as a date, and the calendar says no
        node = _impossible_date(text)
        if node is None:
            raise YamlSyntaxError(path, 1, 1, str(err)) from None
        raise YamlSyntaxError(path, node.start_mark.line + 1, node.start_mark.column + 1,
                              f"{node.value} reads as a date, and there is no such date ({err})") from None


def _impossible_date(text: str) -> Any:
    """The first plain value that YAML reads as a date but no calendar has, or None."""
    yaml = _yaml()
    pending = [yaml.compose(text)]
    while pending:
        node = pending.pop(0)
        if node is None:
            continue
        if isinstance(node.value, list):
            pending[:0] = [part for item in node.value for part in (item if isinstance(item, tuple) else (item,))]
        elif node.tag == "tag:yaml.org,2002:timestamp":
            try:
                yaml.constructor.construct_object(node, deep=True)
            except ValueError:
                return node
    return None


def _line_and_column(text: str, position: int) -> tuple[int, int]:
    """1-based line and column of `position`, counting lines as editors do (\\n, and a lone \\r)."""
    before = text[:position].replace("\r\n", "\n").replace("\r", "\n")
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


def _character_name(code: int) -> str:
    import unicodedata

    return "NUL" if code == 0 else unicodedata.name(chr(code), "a control character")


ALIASED_VALUES = 10_000
"""The most values `*alias`es may stand for in one file: a few shared lists are far fewer, and a
"billion laughs" file (aliases of aliases) is refused before anything expands it."""


def _refuse_alias_bombs(path: Path, text: str) -> None:
    """Count, from the parser's events alone, how many values the aliases stand for."""
    if "*" not in text:  # no alias at all (every one is written `*name`): no second parse
        return
    from ruamel.yaml.events import AliasEvent, CollectionEndEvent, CollectionStartEvent, NodeEvent

    sizes: dict[str, int] = {}  # anchor -> the values its node holds, aliases expanded
    open_nodes: list[list] = []  # [anchor, size] of each collection being read
    aliased = 0
    for event in YAML(typ="rt").parse(text):
        if isinstance(event, CollectionEndEvent):
            anchor, size = open_nodes.pop()
        elif isinstance(event, CollectionStartEvent):
            open_nodes.append([event.anchor, 1])
            continue
        elif isinstance(event, AliasEvent):
            anchor, size = None, sizes.get(event.anchor, 1)
            aliased += size
            if aliased > ALIASED_VALUES:
                raise YamlSyntaxError(
                    path, event.start_mark.line + 1, event.start_mark.column + 1,
                    f"the aliases (`*{event.anchor}` here) stand for more than {ALIASED_VALUES} values, "
                    "too many to read (aliases of aliases: a YAML alias bomb)",
                    "write the values out, or share fewer of them through `&anchor` and `*alias`")
        elif isinstance(event, NodeEvent):
            anchor, size = event.anchor, 1
        else:
            continue
        if anchor:
            sizes[anchor] = size
        if open_nodes:
            open_nodes[-1][1] += size


def dump_roundtrip(data: Any, like: str | None = None) -> str:
    """Serialise `data` as ruamel does; with `like` (the file's previous text) in its indentation.
    Files people edit are written with `write_roundtrip`, which keeps every untouched line."""
    yaml = _yaml()
    if like is not None:
        mapping, sequence, offset = detect_indent(like)
        yaml.indent(mapping=mapping, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def write_roundtrip(old_text: str, document: Any) -> str:
    """The new text of a file whose round-trip `document` (loaded from `old_text`) was edited.

    Only the lines that change are replaced: ruamel's rendering of the unedited file is compared
    with its rendering of the edited document, and the difference is applied as a text patch to
    `old_text`. So everything ruamel would normalise (line endings, a BOM, indentation, `%YAML`,
    `---` and `...` markers, flow-mapping spacing, anchors, trailing spaces) stays on every line
    nobody asked to change. A new entry lands after the last entry, before the comments that
    follow it. If the patched text would not read back as the edited document, the whole
    rendering is used instead (with the file's line endings and BOM).
    """
    return patch.apply_document(old_text, document, load=_load_text, dump=dump_roundtrip)


def _load_text(text: str) -> Any:
    return _yaml().load(text)


def describe_value(value: Any) -> str:
    """What a person wrote, as YAML read it: for messages such as "must be text, not a number"."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, datetime.date):
        return "a date"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"
