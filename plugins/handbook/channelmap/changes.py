"""Channel changes between two historical versions of `channel_map.yml`, read tolerantly.

Old versions in git may be malformed or of an older shape: whatever does not parse is ignored,
never an error. (The strict loader for the current map is `handbook.channel_map`.) Private
channels are described without their names, topics or ids.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from handbook.channelmap.rules import KINDS
from handbook.i18n import ENGLISH, Words


SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it (many times faster on long map histories)."""


@dataclass(frozen=True)
class Channel:
    name: str
    kind: str = ""
    id: str | None = None
    category: str | None = None  # the docs folder a topic channel mirrors
    archived: bool = False
    private: bool = False
    topic: str | None = None


@dataclass(frozen=True)
class ChannelChange:
    action: str  # added | renamed | archived | restored | removed
    name: str
    old_name: str | None = None
    kind: str = ""
    private: bool = False

    def describe(self, words: Words = ENGLISH) -> str:
        """One line of plain text in `words`' language; a private channel's name never appears."""
        channel = words(f"channel_word_{self.kind}" if self.kind in KINDS else "channel_word")
        if self.private:
            return words(f"private_channel_{self.action}", channel=channel)
        return words(f"channel_{self.action}", channel=channel, name=self.name, old=self.old_name)


def read_channels(text: bytes | str | None) -> list[Channel]:
    """The channels of one version of the map; [] for anything that does not parse."""
    if not text:
        return []
    try:
        data = yaml.load(text, Loader=SAFE_LOADER)  # noqa: S506 - a safe loader
    except (yaml.YAMLError, ValueError):
        return []
    if not isinstance(data, dict):
        return []
    groups = data.get("discord_categories")
    if not isinstance(groups, list):
        return []
    channels: list[Channel] = []
    for group in groups:
        if not isinstance(group, dict):
            continue
        group_private = _is_private(group.get("visibility"))
        entries = group.get("channels")
        if not isinstance(entries, list):
            continue
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            name = entry.get("name")
            if not isinstance(name, (str, int)) or not str(name).strip():
                continue
            visibility = entry.get("visibility")
            private = _is_private(visibility) if visibility is not None else group_private
            ident = entry.get("id")
            category = entry.get("category")
            kind = entry.get("kind")
            channels.append(
                Channel(
                    name=str(name).strip(),
                    kind=kind if isinstance(kind, str) else "",
                    id=str(ident).strip() if isinstance(ident, (str, int)) and str(ident).strip() else None,
                    category=category if isinstance(category, str) and category else None,
                    archived=entry.get("status") == "archived",
                    private=private,
                    topic=str(entry["topic"]) if isinstance(entry.get("topic"), (str, int, float)) else None,
                )
            )
    return channels


def _is_private(value: object) -> bool:
    return isinstance(value, str) and value.strip().lower() == "private"


def diff_channels(before: list[Channel], after: list[Channel]) -> list[ChannelChange]:
    """What changed from `before` to `after`: channels matched by id, else topic category, else name."""
    unmatched = list(before)
    changes: list[ChannelChange] = []
    pairs: list[tuple[Channel | None, Channel]] = []
    for new in after:
        old = _take(unmatched, lambda c: new.id is not None and c.id == new.id)
        if old is None and new.category:
            old = _take(unmatched, lambda c: c.category == new.category and c.id in (None, new.id))
        if old is None:
            old = _take(unmatched, lambda c: c.name == new.name and (c.id is None or new.id is None))
        pairs.append((old, new))
    for old, new in pairs:
        private = new.private or (old is not None and old.private)
        if old is None:
            if not new.archived:
                changes.append(ChannelChange("added", new.name, kind=new.kind, private=private))
            continue
        if old.name != new.name:
            changes.append(ChannelChange("renamed", new.name, old.name, new.kind, private))
        if new.archived and not old.archived:
            changes.append(ChannelChange("archived", new.name, kind=new.kind, private=private))
        elif old.archived and not new.archived:
            changes.append(ChannelChange("restored", new.name, kind=new.kind, private=private))
    for old in unmatched:
        changes.append(ChannelChange("removed", old.name, kind=old.kind, private=old.private))
    return changes


def _take(channels: list[Channel], match) -> Channel | None:
    for i, c in enumerate(channels):
        if match(c):
            return channels.pop(i)
    return None
