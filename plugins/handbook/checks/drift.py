"""Drift: where the handbook's categories and the map's topic channels disagree. Pure.

`renames` maps an old docs folder to the folder it was renamed to (found in git history by
`handbook.history`), so a renamed category is one finding, "rename #old to #new", and never a
missing channel plus an orphan.

`origins` says, per docs folder, what the category was called when its topic channel's topic was
last written (also read from git by `handbook.history`). A topic is stale only when the title
changed after that and the topic still names the old title: a topic in the community's own words
that never named the title is not drift.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from handbook.checks.categories import HandbookCategory
from handbook.checks.matching import unlinked_categories
from handbook.channelmap.model import Channel, ChannelMap
from handbook.channelmap.rules import nfc, normalize_channel_name, same_channel_name
from handbook.findings import (
    CATEGORY_RENAMED, CHANNEL_NAME_MISMATCH, EXCLUDED_CATEGORY_CHANNEL, Finding, MISSING_CHANNEL,
    MISSING_MAP, ORPHAN_CHANNEL, OUTDATED_TOPIC, STALE_TOPIC)


_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class RenameLookup:
    """What git history says about docs folders that are gone (read by `handbook.history.git`)."""

    renames: dict[str, str] = field(default_factory=dict)
    """Old folder -> the folder it became."""
    unknown: dict[str, str] = field(default_factory=dict)
    """Old folder -> why history could not rule out a rename (a shallow clone, no git, ...)."""


@dataclass(frozen=True)
class Rename:
    channel: Channel
    old_folder: str
    category: HandbookCategory


@dataclass(frozen=True)
class TopicOrigin:
    """The category's title (and description) when its channel's topic was last written."""

    title: str
    description: str | None = None


@dataclass(frozen=True)
class StaleTopic:
    """A topic written under the title `old_title`, which it still names; the title changed since."""

    channel: Channel
    category: HandbookCategory
    old_title: str
    by_sync: bool
    """The topic is `handbook sync`'s own default form for the old title, so sync may refresh it."""


@dataclass(frozen=True)
class Drift:
    """What disagrees, as data for `handbook sync`, and as findings for people."""

    missing: list[HandbookCategory]
    orphans: list[Channel]
    renames: list[Rename]
    excluded: list[tuple[Channel, HandbookCategory]]
    mismatched: list[tuple[Channel, HandbookCategory]]
    stale_topics: list[StaleTopic]
    outdated_topics: list[tuple[Channel, HandbookCategory]] = field(default_factory=list)
    """Topics in sync's default form for another title, where history could not tell more (info)."""
    unresolved: list[tuple[Channel, str]] = field(default_factory=list)
    """Orphans that history could not rule out as renamed into a missing category, with the
    reason; `sync` neither archives them nor adds channels for `missing` until that is settled."""
    unnamed: list[HandbookCategory] = field(default_factory=list)
    """Categories without a topic channel whose channel name Discord would refuse (empty, or over
    100 characters): `unusable-channel-name`, and nothing for `sync` to add."""
    name_taken: dict[str, str] = field(default_factory=dict)
    """Missing category's folder -> the folder whose topic channel has (or, missing too and listed
    first, will have) that channel name: two folders that come to one name (`Yes/`, `yes/`)."""


def missing_map_finding(map_file: str) -> Finding:
    return MISSING_MAP("there is no channel map yet, so drift is not checked", map_file, None,
                   "run `handbook sync` to write a starter channel_map.yml from the docs tree")


def orphan_folders(categories: list[HandbookCategory], channel_map: ChannelMap) -> set[str]:
    """Folders that active topic channels mirror but that are no longer categories at all."""
    known = {nfc(category.folder) for category in categories}
    return {c.category for c in channel_map.topic_channels()
            if c.category and not c.is_archived and nfc(c.category) not in known}


def compare(categories: list[HandbookCategory], channel_map: ChannelMap, renames: dict[str, str],
            origins: dict[str, TopicOrigin] | None = None, unknown: dict[str, str] | None = None) -> Drift:
    """`unknown`: gone folders whose fate git could not tell (old folder -> why)."""
    by_folder = {nfc(category.folder): category for category in categories}  # NFD on macOS, NFC typed
    renames = {nfc(old): nfc(new) for old, new in renames.items()}
    # A name Discord would refuse is its own finding (`unusable-channel-name`), not a missing channel.
    unlinked = unlinked_categories(categories, channel_map)
    missing = [c for c in unlinked if c.has_usable_channel_name]
    unnamed = [c for c in unlinked if not c.has_usable_channel_name]
    claimed: set[str] = set()
    found_renames, orphans, excluded = [], [], []
    for channel in channel_map.topic_channels():
        if channel.is_archived or not channel.category:
            continue
        category = by_folder.get(nfc(channel.category))
        if category is not None:
            if not category.wants_channel:
                excluded.append((channel, category))
            continue
        target = by_folder.get(renames.get(nfc(channel.category), ""))
        if target is not None and target in missing and target.folder not in claimed:
            claimed.add(target.folder)
            found_renames.append(Rename(channel, channel.category, target))
        else:
            orphans.append(channel)
    missing = [c for c in missing if c.folder not in claimed]
    unknown = {nfc(old): why for old, why in (unknown or {}).items()}
    unresolved = [(c, unknown[nfc(c.category)]) for c in orphans
                  if missing and c.category and nfc(c.category) in unknown]  # orphans mirror a folder
    orphans = [c for c in orphans if not any(c is u for u, _ in unresolved)]

    mismatched = []
    for category in categories:
        mirror = channel_map.topic_channel_for(category.folder)
        if mirror is None or not category.wants_channel or not category.has_usable_channel_name:
            continue
        if category.channel and not same_channel_name(mirror.name, category.expected_channel, mirror.kind):
            mismatched.append((mirror, category))
    stale, outdated = stale_topics(topic_questions(categories, channel_map), origins or {})
    return Drift(missing, orphans, found_renames, excluded, mismatched, stale, outdated, unresolved, unnamed,
                 _names_taken(missing, channel_map))


def _names_taken(missing: list[HandbookCategory], channel_map: ChannelMap) -> dict[str, str]:
    return {folder: holder for folder, holder in claim_names(missing, name_holders(channel_map)).items()
            if holder is not None}


def name_holders(channel_map: ChannelMap) -> dict[str, str | None]:
    """Every channel name of the map (as Discord stores it) -> the folder whose active topic
    channel has it, or None for a channel that stands for no category."""
    holders: dict[str, str | None] = {}
    for channel in channel_map.channels():
        name = normalize_channel_name(channel.name)
        if holders.get(name) is None:
            holders[name] = channel.category if channel.category and not channel.is_archived else None
    return holders


def claim_names(categories: list[HandbookCategory], holders: dict[str, str | None]) -> dict[str, str | None]:
    """Who already has the channel name of each of `categories` whose name is taken: folder ->
    the folder holding it, or None for a channel of the map that stands for no category. The first
    category to ask for a free name gets it (`Yes/` before `yes/`), and joins `holders`."""
    taken: dict[str, str | None] = {}
    for category in categories:
        name = normalize_channel_name(category.expected_channel)
        if name in holders:
            taken[category.folder] = holders[name]
        else:
            holders[name] = category.folder
    return taken


def topic_questions(categories: list[HandbookCategory],
                    channel_map: ChannelMap) -> list[tuple[Channel, HandbookCategory]]:
    """Topic channels whose topic does not name their category's current title: the only ones
    whose history is worth reading (a topic that names the title is current, whatever its past)."""
    out = []
    for category in categories:
        channel = channel_map.topic_channel_for(category.folder)
        if channel is None or not category.wants_channel or not channel.topic:
            continue
        if not topic_mentions_title(channel.topic, category.title):
            out.append((channel, category))
    return out


def stale_topics(questions: list[tuple[Channel, HandbookCategory]], origins: dict[str, TopicOrigin]
                 ) -> tuple[list[StaleTopic], list[tuple[Channel, HandbookCategory]]]:
    """Stale topics (the title changed after the topic was written, and the topic still names the
    old title) and, where history had no answer, topics in sync's own form for another title."""
    stale, outdated = [], []
    for channel, category in questions:
        topic = channel.topic or ""
        origin = origins.get(category.folder)
        if origin is None:
            if sync_form_for_other_title(topic, category):
                outdated.append((channel, category))
            continue
        if origin.title != category.title and topic_mentions_title(topic, origin.title):
            by_sync = topic in {default_topic_for(origin.title, origin.description),
                                default_topic_for(origin.title, category.description)}
            stale.append(StaleTopic(channel, category, origin.title, by_sync))
    return stale, outdated


def default_topic_for(title: str, description: str | None) -> str:
    """The topic `handbook sync` writes for a category: `Title: description`, or the title alone."""
    return f"{title}: {description}" if description else title


def sync_form_for_other_title(topic: str, category: HandbookCategory) -> bool:
    """`Other title: <the category's description>`: sync's form, written under another title.
    Without a description the form is the title alone, which any words could be: never assumed."""
    if not category.description:
        return False
    suffix = f": {category.description}"
    return topic.endswith(suffix) and len(topic) > len(suffix) \
        and topic != default_topic_for(category.title, category.description)


def topic_mentions_title(topic: str, title: str) -> bool:
    """A topic is current while it names the category's title (every word of it, any case)."""
    topic_words = {w.casefold() for w in _WORD.findall(topic)}
    return all(w.casefold() in topic_words for w in _WORD.findall(title))


def findings(drift: Drift, map_file: str, docs_prefix: str = "docs") -> list[Finding]:
    """The drift as findings, each with its place and its fix."""
    out: list[Finding] = []

    def page(category: HandbookCategory) -> str:
        return f"{docs_prefix}/{category.index_uri or category.folder + '/'}"

    for rename in drift.renames:
        old, new = rename.channel.name, rename.category.expected_channel
        action = (f"rename #{old} to #{new}" if not same_channel_name(old, new)
                  else f"keep #{old} and point it at `{rename.category.folder}`")
        out.append(CATEGORY_RENAMED(
            
            f"the handbook category `{rename.old_folder}` was renamed to `{rename.category.folder}`: {action}",
            map_file, rename.channel.line,
            f"run `handbook sync` (it keeps the channel's id), or set `name: {new}` and "
            f"`category: {rename.category.folder}` on line {rename.channel.line}"))
    for category in drift.missing:
        fix = (f"run `handbook sync` to add #{category.expected_channel} to {map_file}, or put "
               "`channel: false` in the category's index.md front matter")
        other = drift.name_taken.get(category.folder)
        if other is not None:  # `Yes/` and `yes/`: sync gives the name to the first only
            fix = (f"`{other}` asks for #{category.expected_channel} too: give `{category.folder}` another "
                   f"name with `channel: other-name` in its index.md front matter, or `channel: false`")
        out.append(MISSING_CHANNEL(
            
            f"the handbook category `{category.folder}` ({category.title}) has no topic channel",
            page(category), 1 if category.index_uri else None, fix))
    for channel in drift.orphans:
        out.append(ORPHAN_CHANNEL(
            
            f"the topic channel #{channel.name} mirrors `{channel.category}`, which is no longer a handbook category",
            map_file, channel.line,
            "run `handbook sync` to mark it `status: archived`, or point its `category:` at an existing docs folder"))
    for channel, why in drift.unresolved:
        new = ", ".join(f"`{c.folder}`" for c in drift.missing)
        out.append(ORPHAN_CHANNEL(
            
            f"the topic channel #{channel.name} mirrors `{channel.category}`, which is no longer a handbook category, "
            f"and git history cannot tell whether it was renamed to {new}: {why}",
            map_file, channel.line,
            "run `handbook sync` where git has the full history (`git fetch --unshallow`; in CI `fetch-depth: 0`); "
            f"or by hand: if it was renamed, set `category:` and `name:` on line {channel.line}, "
            "else mark it `status: archived`"))
    for channel, category in drift.excluded:
        why = "`channel: false` in its index.md" if category.opted_out else "`exclude_categories`"
        out.append(EXCLUDED_CATEGORY_CHANNEL(
            
            f"the topic channel #{channel.name} mirrors `{category.folder}`, which {why} excludes from channels",
            map_file, channel.line,
            f"run `handbook sync` to mark it `status: archived`, or stop excluding `{category.folder}`"))
    for channel, category in drift.mismatched:
        out.append(CHANNEL_NAME_MISMATCH(
            
            f"`{category.folder}` asks for the channel #{category.expected_channel} but the map calls it #{channel.name}",
            map_file, channel.line,
            f"run `handbook sync` to rename it to #{category.expected_channel}, or change `channel:` in {page(category)}"))
    out += topic_findings(drift, map_file)
    return out


def topic_findings(drift: Drift, map_file: str) -> list[Finding]:
    out = []
    for stale in drift.stale_topics:
        channel, title, line = stale.channel, stale.category.title, topic_line(stale.channel)
        edit = f"edit `topic:` on line {line} so that it names \"{title}\""
        out.append(STALE_TOPIC(
            
            f"the topic of #{channel.name} still names the category's old title \"{stale.old_title}\"; "
            f"the title changed to \"{title}\" after the topic was written",
            map_file, line,
            f"run `handbook sync` to refresh the topic it wrote, or {edit}" if stale.by_sync else edit))
    for channel, category in drift.outdated_topics:
        line = topic_line(channel)
        out.append(OUTDATED_TOPIC(
            
            f"the topic of #{channel.name} is in `handbook sync`'s form for the title "
            f"\"{(channel.topic or '').removesuffix(f': {category.description}')}\", not the category's "
            f"title \"{category.title}\" (git history does not tell when it changed)",
            map_file, line,
            f"run `handbook sync` to refresh it, or edit `topic:` on line {line}"))
    return out


def topic_line(channel: Channel) -> int:
    """The line of the channel's `topic:` in the map (the channel's own line when unknown)."""
    try:
        return channel.node.lc.key("topic")[0] + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return channel.line
