"""Surgical edits to a YAML file people wrote: the lines that change, and not one byte more.

A round-trip YAML library can say what the edited document looks like, but it re-renders the whole
file in its own style. Here both renderings (of the file as it was and of the edited document) are
compared line by line; each difference is located in the original text (through an alignment of
the original with the first rendering that ignores white space) and applied there. New lines take
the file's line ending; a BOM, unchanged lines and everything between them stay as written.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

_LINE = re.compile(r"[^\n]*\n|[^\n]+\Z")
_SPACE = re.compile(r"\s+")
BOM = "\ufeff"


@dataclass
class _Lines:
    """A text as lines without their endings, and the ending of each."""

    bom: str
    lines: list[str]
    endings: list[str]

    @classmethod
    def parse(cls, text: str) -> _Lines:
        bom = BOM if text.startswith(BOM) else ""
        lines, endings = [], []
        for raw in _LINE.findall(text[len(bom):]):
            ending = "\r\n" if raw.endswith("\r\n") else "\n" if raw.endswith("\n") else ""
            lines.append(raw[: len(raw) - len(ending)])
            endings.append(ending)
        return cls(bom, lines, endings)

    @property
    def newline(self) -> str:
        """The file's line ending: the one most of its lines use."""
        crlf = self.endings.count("\r\n")
        return "\r\n" if crlf and crlf >= self.endings.count("\n") else "\n"

    def plain(self) -> str:
        """The text with LF endings and no BOM, as a YAML library reads it."""
        return "".join(line + ("\n" if ending else "") for line, ending in zip(self.lines, self.endings))


def split_lines(text: str) -> list[str]:
    """Lines with their endings, split on `\\n` only (never on U+2028 or a lone `\\r`)."""
    return _LINE.findall(text)


def _key(line: str) -> str:
    return _SPACE.sub("", line)


def _is_comment_or_blank(line: str) -> bool:
    stripped = line.strip()
    return not stripped or stripped.startswith("#")


def _align(rendered: list[str], original: list[str]) -> tuple[dict[int, int], list[tuple[int, int, int, int]]]:
    """Rendered line index -> the original line it renders, ignoring white space; lines of an
    unequal stretch are paired in order when the stretch has as many lines on both sides. Other
    unequal stretches (a flow list written over two lines, rendered on one) come back as blocks
    (rendered start, end, original start, end)."""
    matcher = difflib.SequenceMatcher(None, [_key(x) for x in rendered], [_key(x) for x in original], autojunk=False)
    pairs: dict[int, int] = {}
    blocks = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            pairs.update(zip(range(i1, i2), range(j1, j2)))
        elif tag == "replace":
            blocks.append((i1, i2, j1, j2))
    return pairs, blocks


def _place(pairs: dict[int, int], index: int) -> int:
    """Where rendered line `index` would start in the original: after the original of the
    nearest rendered line before it that has one."""
    for before in range(index - 1, -1, -1):
        if before in pairs:
            return pairs[before] + 1
    return min(pairs.values(), default=0)


def patch_lines(original: list[str], before: list[str], after: list[str], *,
                entries_before_comments: bool = True) -> list[tuple[int, int, list[str]]]:
    """The edits (start, end, new lines) that turn `original` the way `before` became `after`."""
    pairs, blocks = _align(before, original)
    edits: list[tuple[int, int, list[str]]] = []
    matcher = difflib.SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        new = after[j1:j2]
        if tag == "insert" and entries_before_comments and not all(map(_is_comment_or_blank, new)):
            # ruamel hangs comments after an entry on that entry, so an appended entry comes out
            # after them ("# Voice channels below"); it belongs right after the last entry.
            while i1 > 0 and _is_comment_or_blank(before[i1 - 1]) and i1 - 1 in pairs:
                i1 -= 1
            i2 = i1
        if tag == "insert":
            start = end = _place(pairs, i1)
        else:
            mapped = [pairs[i] for i in range(i1, i2) if i in pairs]
            block = next((b for b in blocks if b[0] <= i1 and i2 <= b[1]), None)
            if mapped:
                start, end = min(mapped), max(mapped) + 1
            elif block is not None:  # the whole stretch as written gives way to the new rendering
                start, end = block[2], block[3]
            else:
                start = end = _place(pairs, i1)
        edits.append((start, end, new))
    return edits


def apply_document(old_text: str, document: Any, *, load: Callable[[str], Any],
                   dump: Callable[..., str]) -> str:
    """`old_text` with the changes that `document` (loaded from it, then edited) makes."""
    old = _Lines.parse(old_text)
    plain = old.plain()
    new_rendering = dump(document, like=plain)
    base = load(plain) if plain.strip() else None
    if base is None:  # empty, or only comments: they stay on top of what is new
        if document is None or not document:
            return old_text
        tail = "" if not old.endings or old.endings[-1] else old.newline
        return old_text + tail + _with_newline(new_rendering, old.newline)
    base_rendering = dump(base, like=plain)
    if base_rendering == new_rendering:
        return old_text
    wanted = _plain_data(document)
    for entries_before_comments in (True, False):
        text = _patched(old, _without_endings(base_rendering), _without_endings(new_rendering), entries_before_comments)
        if _reads_as(load, _Lines.parse(text).plain(), wanted):
            return text
    return old.bom + _with_newline(new_rendering, old.newline)


def _without_endings(text: str) -> list[str]:
    """A rendering's lines (LF only, as the YAML library writes them) without their endings."""
    return [line.rstrip("\n") for line in split_lines(text)]


def _patched(old: _Lines, before: list[str], after: list[str], entries_before_comments: bool) -> str:
    edits = patch_lines(old.lines, before, after, entries_before_comments=entries_before_comments)
    lines, endings = list(old.lines), list(old.endings)
    no_final_newline = bool(endings) and not endings[-1]
    if no_final_newline:
        endings[-1] = old.newline
    for start, end, new in sorted(edits, key=lambda e: (e[0], e[1]), reverse=True):
        lines[start:end] = new
        endings[start:end] = [old.newline] * len(new)
    if no_final_newline and endings:
        endings[-1] = ""  # a file that ended without a newline still does
    return old.bom + "".join(line + ending for line, ending in zip(lines, endings))


def _reads_as(load: Callable[[str], Any], text: str, wanted: Any) -> bool:
    try:
        return _plain_data(load(text)) == wanted
    except Exception:  # noqa: BLE001 - a patch that breaks the YAML is simply not used
        return False


def _with_newline(text: str, newline: str) -> str:
    return text.replace("\n", newline) if newline != "\n" else text


def _plain_data(value: Any) -> Any:
    """A loaded document as plain, typed data, to compare two texts' meaning."""
    if isinstance(value, dict):
        return {_plain_data(k): _plain_data(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain_data(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, str):
        return ("str", str(value))
    if isinstance(value, int):
        return ("int", int(value))
    if isinstance(value, float):
        return ("float", float(value))
    return (type(value).__name__, str(value))
