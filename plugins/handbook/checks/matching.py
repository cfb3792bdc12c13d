"""Which map channel belongs to which handbook category, by name. Pure.

Exact: a channel whose name, as Discord stores it, is the channel the category asks for (its
folder's name, or `channel:` in its index page). `discord pull` links such a channel when it adds
it, and `handbook sync` adopts an existing entry of that name instead of adding a second one.
Near: a name that is close but not the same (`#habit-building` for `habits/`: a word that starts
the other's, or a small edit distance). A near name is only ever reported, with the line to add,
never linked: two channels called alike may well be two channels.
"""

from __future__ import annotations

from dataclasses import dataclass

from handbook.channelmap.model import Channel, ChannelMap
from handbook.channelmap.rules import normalize_channel_name
from handbook.checks.categories import HandbookCategory

ADOPTABLE_KINDS = ("prompt", "topic")
"""Kinds of entry that can become a topic channel: text channels. An `announcement`, `voice` or
`forum` entry says it is something else, so it is never adopted."""
GENERIC_WORDS = frozenset({"chat", "talk", "general", "channel", "help", "room", "lounge", "discussion",
                           "topics", "the", "and"})
"""Words that say nothing about a subject, so sharing them makes no two names alike."""
MIN_WORD = 4


@dataclass(frozen=True)
class NearMatch:
    category: HandbookCategory
    channel: Channel

    def fix(self, map_file: str) -> str:
        """The edit, as it can be made: the entry has a `kind:` already (the loader requires one)."""
        kind = "" if self.channel.kind == "topic" else f"change `kind: {self.channel.kind}` to `kind: topic` and "
        return (f"if #{self.channel.name} is the channel for `{self.category.folder}`, {kind}add "
                f"`category: {self.category.folder}` in its entry on line {self.channel.line} of {map_file}")


def edit_distance(a: str, b: str) -> int:
    """Levenshtein distance: insertions, deletions and substitutions."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _words(name: str) -> list[str]:
    return [w for w in name.split("-") if len(w) >= MIN_WORD and w not in GENERIC_WORDS]


def is_near_name(expected: str, name: str) -> bool:
    """Whether `name` is close to, but not, the channel name `expected` (both as Discord stores them)."""
    a, b = normalize_channel_name(expected), normalize_channel_name(name)
    if a == b or not a or not b:
        return False
    if edit_distance(a, b) <= max(1, min(len(a), len(b)) // 5):
        return True
    return any(x.startswith(y) or y.startswith(x) for x in _words(a) for y in _words(b))


def unlinked_categories(categories: list[HandbookCategory], channel_map: ChannelMap | None) -> list[HandbookCategory]:
    """Categories that want a topic channel and have none in the map."""
    return [c for c in categories if c.wants_channel
            and (channel_map is None or channel_map.topic_channel_for(c.folder) is None)]


def unlinked_topic_names(categories: list[HandbookCategory], channel_map: ChannelMap | None) -> dict[str, str]:
    """Channel name (normal form) → docs folder, for each category without a topic channel."""
    return {normalize_channel_name(c.expected_channel): c.folder for c in unlinked_categories(categories, channel_map)}


def adoptable_channel(category: HandbookCategory, channel_map: ChannelMap) -> Channel | None:
    """The entry `handbook sync` turns into `category`'s topic channel: the active text channel of
    exactly the name it asks for that mirrors no other category."""
    wanted = normalize_channel_name(category.expected_channel)
    return next((ch for ch in channel_map.channels() if not ch.is_archived and ch.kind in ADOPTABLE_KINDS
                 and not ch.category and normalize_channel_name(ch.name, ch.kind) == wanted), None)


def same_name_conflict(category: HandbookCategory, channel_map: ChannelMap) -> Channel | None:
    """An active entry of the name `category` asks for that cannot be its topic channel."""
    wanted = normalize_channel_name(category.expected_channel)
    return next((ch for ch in channel_map.channels() if not ch.is_archived
                 and normalize_channel_name(ch.name, ch.kind) == wanted and ch.category != category.folder
                 and adoptable_channel(category, channel_map) is not ch), None)


def near_matches(categories: list[HandbookCategory], channel_map: ChannelMap) -> list[NearMatch]:
    """For each category without a topic channel and without an exact name, the entries close to it."""
    out = []
    for category in unlinked_categories(categories, channel_map):
        if adoptable_channel(category, channel_map) or same_name_conflict(category, channel_map):
            continue
        out += [NearMatch(category, ch) for ch in channel_map.channels()
                if not ch.is_archived and ch.kind in ADOPTABLE_KINDS and not ch.category
                and is_near_name(category.expected_channel, ch.name)]
    return out
