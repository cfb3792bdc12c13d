"""`handbook sync`: write the drift fixes into channel_map.yml, keeping every hand edit.

Edits go into the round-trip YAML document in place (comments, key order, quoting and unknown keys
survive), and only what drift calls for changes: a topic channel added for a new category, a
rename that keeps the channel's id, an orphan marked `status: archived` (never deleted), a topic
sync wrote itself refreshed when the category's title changed (hand-written topics stay). With no
map yet it writes a complete starter map. Running it twice changes nothing the second time.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from handbook.channelmap.model import Channel, ChannelMap
from handbook.channelmap.rules import NAME_MAX, nfc, normalize_channel_name
from handbook.channelmap.writer import TopicEntry, starter_map_text
from handbook.channelmap.textpatch import split_lines
from handbook.channelmap.yaml_io import write_roundtrip
from handbook.checks import matching
from handbook.checks.categories import HandbookCategory
from handbook.checks.drift import Drift, claim_names, default_topic_for, name_holders

DEFAULT_TOPIC_CATEGORY = "Handbook Topics"


@dataclass
class SyncResult:
    text: str
    changes: list[str] = field(default_factory=list)
    """One line per change, for people: `added #habits (Habits)`."""
    left: list[str] = field(default_factory=list)
    """What sync would not decide alone (a near name, a name taken by another kind), each with
    the exact edit that settles it; a category listed here got no new channel."""


def default_topic(category: HandbookCategory) -> str:
    return default_topic_for(category.title, category.description)


def topic_channels_category(channel_map: ChannelMap, override: str | None) -> str:
    """Where new topic channels go: `override` (the `topic_channels_category` option), else the
    Discord category that already holds most active topic channels (the first of equals), else
    "Handbook Topics"."""
    if override:
        return override
    counts: dict[str, int] = {}
    for channel in channel_map.topic_channels():
        if not channel.is_archived and channel.category:
            counts[channel.discord_category] = counts.get(channel.discord_category, 0) + 1
    order = [c.name for c in channel_map.discord_categories]
    return max(counts, key=lambda name: (counts[name], -order.index(name)), default=DEFAULT_TOPIC_CATEGORY)


def _adopt(channel: Channel, category: HandbookCategory) -> None:
    """Make `channel`'s entry the topic channel of `category`; every other key stays as written."""
    node = channel.node
    node["kind"] = "topic"
    if "category" not in node:
        keys = list(node)
        node.insert(keys.index("kind") + 1 if "kind" in keys else len(keys), "category", category.folder)
    else:
        node["category"] = category.folder
    channel.kind, channel.category = "topic", category.folder  # the model follows its document


def sync_map(channel_map: ChannelMap, old_text: str, drift: Drift, topic_category: str | None,
             *, add_near: bool = False, map_file: str = "channel_map.yml") -> SyncResult:
    """Apply the drift fixes to the map's document and return the new text.

    A category without a topic channel adopts the map's entry of the name it asks for (id, topic
    and every other key kept) before sync adds one; a near name is reported instead of adding a
    second channel, unless `add_near`.
    """
    changes: list[str] = []
    left: list[str] = []
    for rename in drift.renames:
        node, new_name = rename.channel.node, rename.category.expected_channel
        if node.get("name") != new_name:
            node["name"] = new_name
        node["category"] = nfc(rename.category.folder)
        changes.append(f"renamed #{rename.channel.name} to #{new_name} (category `{rename.old_folder}` is now "
                       f"`{rename.category.folder}`; id kept)")
    for channel, category in drift.mismatched:
        channel.node["name"] = category.expected_channel
        changes.append(f"renamed #{channel.name} to #{category.expected_channel} (asked for by `{category.folder}`)")
    for channel in [*drift.orphans, *(c for c, _ in drift.excluded)]:
        channel.node["status"] = "archived"
        changes.append(f"archived #{channel.name} (its category `{channel.category}` is gone or excluded)")
    held = _held_back(drift)  # a missing category may be a renamed one: decide nothing about it
    left += held
    adopted: set[int] = set()
    to_add: list[HandbookCategory] = []
    near = matching.near_matches(drift.missing, channel_map)
    for category in [] if held else drift.missing:
        candidate = matching.adoptable_channel(category, channel_map)
        conflict = matching.same_name_conflict(category, channel_map)
        if candidate is not None and id(candidate) not in adopted:
            was = f"kind: {candidate.kind}"
            _adopt(candidate, category)
            adopted.add(id(candidate))
            changes.append(f"#{candidate.name} (line {candidate.line}, was {was}) is now the topic channel of "
                           f"`{category.folder}`: id, topic and your keys kept")
        elif conflict is not None and not conflict.category:  # another folder's channel is never offered
            left.append(f"`{category.folder}` asks for #{category.expected_channel}, but line {conflict.line} "
                        f"already has a {conflict.kind} channel of that name; to link it, set `kind: topic` and "
                        f"`category: {category.folder}` on line {conflict.line}, or give the category another "
                        f"channel with `channel: other-name` in its index.md front matter")
        elif not add_near and any(m.category is category for m in near):
            for match in (m for m in near if m.category is category):
                left.append(f"`{category.folder}` has no topic channel, and #{match.channel.name} comes close: "
                            f"{match.fix(map_file)}; if it is another channel, run `handbook sync --add-near` "
                            f"to add #{category.expected_channel}")
        else:
            to_add.append(category)
    to_add, taken = _one_per_name(to_add, name_holders(channel_map))
    left += taken + [_unnamed_note(category) for category in drift.unnamed]
    beside_near = {m.category.folder for m in near} if add_near else set()
    if to_add:
        target = topic_channels_category(channel_map, topic_category)
        channels = _topic_channels_node(channel_map, target)
        for category in to_add:
            entry = CommentedMap()
            entry["name"] = category.expected_channel
            entry["kind"] = "topic"
            entry["category"] = nfc(category.folder)
            entry["topic"] = default_topic(category)
            if category.folder in beside_near:  # asked for: a channel of its own beside the near one
                entry["adopt"] = False
            channels.append(entry)
            changes.append(f"added #{category.expected_channel} for `{category.folder}` ({category.title}) "
                           f'to "{target}"')
    changes += _refresh_topics(drift)
    if not changes:
        return SyncResult(old_text, [], left)
    return SyncResult(write_roundtrip(old_text, channel_map.document), changes, left)


def _one_per_name(categories: list[HandbookCategory],
                  holders: dict[str, str | None]) -> tuple[list[HandbookCategory], list[str]]:
    """The categories whose channel name is free of `holders` (the map's channel names, with the
    folder each stands for) and of each other (`Yes/` and `yes/` both ask for #yes: only the first
    gets it), and a note for each of the others that names the folder holding the name (never
    "link it": that channel is the other folder's)."""
    taken = claim_names(categories, holders)
    notes = []
    for category in categories:
        if category.folder not in taken:
            continue
        other = taken[category.folder]
        by = f"`{other}`" if other else "another channel of the map"
        notes.append(f"did not add #{category.expected_channel} for `{category.folder}`: {by} has that name; "
                     f"give `{category.folder}` another with `channel: other-name` in its index.md front matter")
    return [c for c in categories if c.folder not in taken], notes


def _unnamed_note(category: HandbookCategory) -> str:
    name = category.expected_channel
    why = "its name has no letter or digit for a channel name" if not name else \
        f"#{name[:40]}… has {len(name)} characters, and Discord allows at most {NAME_MAX}"
    return (f"did not add a channel for `{category.folder}`: {why}; name it with `channel: some-name` in its "
            "index.md front matter, or opt out with `channel: false`")


def _held_back(drift: Drift) -> list[str]:
    """An orphan that may have been renamed is neither archived nor replaced by a new channel:
    archiving it and adding the new category's channel would lose the channel's id and history."""
    if not drift.unresolved:
        return []
    held = [f"kept #{channel.name} as it is: git history cannot tell whether `{channel.category}` was renamed "
            f"({why})" for channel, why in drift.unresolved]
    held += [f"did not add #{c.expected_channel} for `{c.folder}`: it may be a renamed category"
             for c in drift.missing]
    return held + ["fetch the full history (`git fetch --unshallow`) and run `handbook sync` again, or settle "
                   "it by hand (`category:` for a rename, `status: archived` otherwise)"]


def _refresh_topics(drift: Drift) -> list[str]:
    """Topics sync wrote itself (its default form) for a title the category no longer has get the
    current title; hand-written topics, stale or not, are left for people to edit."""
    changes = []
    refresh = [(s.channel, s.category) for s in drift.stale_topics if s.by_sync] + drift.outdated_topics
    for channel, category in refresh:
        topic = default_topic(category)
        if channel.node is None or channel.node.get("topic") == topic:
            continue
        channel.node["topic"] = topic
        changes.append(f"refreshed the topic of #{channel.name} for the title \"{category.title}\" "
                       f"(was \"{channel.topic}\")")
    return changes


def _topic_channels_node(channel_map: ChannelMap, topic_category: str) -> CommentedSeq:
    """The `channels:` list of the Discord category that takes new topic channels, made if needed."""
    document = channel_map.document
    for category in channel_map.discord_categories:
        if category.name == topic_category:
            if not isinstance(category.node.get("channels"), list):
                category.node["channels"] = CommentedSeq()
            return category.node["channels"]
    if not isinstance(document.get("discord_categories"), list):
        document["discord_categories"] = CommentedSeq()
    entry = CommentedMap()
    entry["name"] = topic_category
    entry["channels"] = CommentedSeq()
    document["discord_categories"].append(entry)
    return entry["channels"]


def starter_map(site_name: str, categories: list[HandbookCategory], topic_category: str | None) -> SyncResult:
    """A first map of what the docs imply: topic channels for every category, the rest examples in
    comments (see `starter_map_text`)."""
    topic_category = topic_category or DEFAULT_TOPIC_CATEGORY
    wanted = [c for c in categories if c.wants_channel and c.has_usable_channel_name]
    wanted, left = _one_per_name(wanted, {})
    left += [_unnamed_note(c) for c in categories if c.wants_channel and not c.has_usable_channel_name]
    entries = [TopicEntry(c.expected_channel, nfc(c.folder), default_topic(c)) for c in wanted]
    changes = [f"wrote a starter map with {len(wanted)} topic channel{'' if len(wanted) == 1 else 's'}"]
    return SyncResult(starter_map_text(site_name, entries, topic_category), changes, left)


def unified_diff(old: str, new: str, path: str) -> str:
    """The change as a patch that `git apply` turns `old` into `new` with, byte for byte: line
    endings are shown as they are, and a last line without a newline is marked."""
    out = []
    for line in difflib.unified_diff(split_lines(old), split_lines(new), fromfile=f"a/{path}", tofile=f"b/{path}"):
        out.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    return "".join(out)
