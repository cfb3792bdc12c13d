"""Round-trip YAML for files people edit by hand: comments, key order and quoting survive.

Writes go through `handbook.files.write_atomic`, so an interrupted `handbook sync` or
`handbook discord pull` never leaves half a file.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from handbook.errors import HandbookError
from handbook.files import read_text


class YamlSyntaxError(HandbookError):
    def __init__(self, path: Path, line: int, column: int, problem: str) -> None:
        super().__init__(problem, file=str(path), line=line, column=column)
        self.path, self.problem = path, problem


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap a long topic a person wrote on one line
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def detect_indent(text: str) -> tuple[int, int]:
    """The (sequence, offset) indentation the file already uses, so a rewrite keeps its look.

    `offset` is how far a list's `- ` stands in from its key; ruamel needs both numbers.
    """
    key_indent = None
    for line in text.splitlines():
        stripped = line.lstrip(" ")
        if not stripped or stripped.startswith("#"):
            continue
        indent = len(line) - len(stripped)
        if key_indent is not None and stripped.startswith("- "):
            offset = max(indent - key_indent, 0)
            return offset + 2, offset
        key_indent = indent if stripped.rstrip().endswith(":") else None
    return 4, 2


def load_roundtrip(path: Path, text: str | None = None) -> Any:
    """Parse `path` keeping comments and positions (`node.lc.line`); raises YamlSyntaxError."""
    if text is None:
        text = read_text(path)
    try:
        return _yaml().load(text)
    except MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = " ".join(p for p in (err.context, err.problem) if p) or "invalid YAML"
        raise YamlSyntaxError(path, line, column, problem) from None
    except YAMLError as err:
        raise YamlSyntaxError(path, 1, 1, str(err)) from None


def dump_roundtrip(data: Any, like: str | None = None) -> str:
    """Serialise `data`; with `like` (the file's previous text) keep its list indentation."""
    yaml = _yaml()
    if like is not None:
        sequence, offset = detect_indent(like)
        yaml.indent(mapping=2, sequence=sequence, offset=offset)
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()
