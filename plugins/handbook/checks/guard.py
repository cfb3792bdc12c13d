"""No command writes a map that fails validation.

`handbook sync` and `handbook discord pull` hand the text they are about to write to
`refuse_invalid` first: when it has validation errors the old map did not have, nothing is
written and the command stops (exit 2) naming the entries that conflict and how to fix them.
Errors the map already had are the user's to fix and never block a write that leaves them as they are.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from handbook.channelmap.loader import parse_channel_map
from handbook.channelmap.model import ChannelMap
from handbook.channelmap.validation import validate
from handbook.channelmap.yaml_io import load_roundtrip
from handbook.errors import HandbookError
from handbook.findings import ERROR, Finding


class InvalidMapRefused(HandbookError):
    """The map a command would write breaks the map's rules: nothing was written."""


def errors_of(channel_map: ChannelMap | None, shown: str) -> list[Finding]:
    if channel_map is None:
        return []
    return [f for f in validate(channel_map, shown) if f.severity == ERROR]


def new_errors(old: ChannelMap | None, text: str, path: Path, shown: str) -> list[Finding]:
    """The validation errors of `text` beyond those `old` already had (counted per code)."""
    new_map = parse_channel_map(path, load_roundtrip(path, text), shown)
    before = Counter(f.code for f in errors_of(old, shown))
    out = []
    for finding in errors_of(new_map, shown):
        if before[finding.code] > 0:
            before[finding.code] -= 1
        else:
            out.append(finding)
    return out


def refuse_invalid(old: ChannelMap | None, text: str, path: Path, shown: str, command: str) -> None:
    """Raise `InvalidMapRefused` when writing `text` would make the map invalid."""
    errors = new_errors(old, text, path, shown)
    if not errors:
        return
    first = errors[0]
    conflicts = "; ".join(f"line {f.line}: {f.message}" if f.line else f.message for f in errors)
    raise InvalidMapRefused(
        f"{command} wrote nothing: the result would not be a valid channel map ({conflicts})",
        file=shown, line=first.line,
        fix=f"{first.fix}, then run `{command}` again")
