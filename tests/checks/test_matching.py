"""The rules that link channels to handbook categories by name, as tables."""

from __future__ import annotations

import textwrap

import pytest

from handbook.channelmap.loader import load_channel_map
from handbook.checks.categories import HandbookCategory
from handbook.checks.matching import (adoptable_channel, edit_distance, is_near_name, near_matches,
                                      same_name_conflict, unlinked_topic_names)


@pytest.mark.parametrize("a, b, distance", [
    ("habits", "habits", 0), ("habits", "habit", 1), ("journaling", "journalling", 1),
    ("focus", "locus", 1), ("", "abc", 3), ("kitten", "sitting", 3),
])
def test_edit_distance(a, b, distance):
    assert edit_distance(a, b) == distance == edit_distance(b, a)


@pytest.mark.parametrize("expected, name, near", [
    ("habits", "habits", False),              # exact is not near: it is adopted
    ("habits", "Habits", False),              # Discord stores both as habits
    ("habits", "habit-building", True),       # a word that starts the other
    ("habits", "habit", True),                # one letter
    ("journaling", "journalling", True),      # a spelling
    ("journaling", "daily-journal", True),    # journal starts journaling
    ("creative-practice", "practice-lab", True),   # a shared word
    ("creative-practice", "creative", True),
    ("habits", "focus", False),
    ("habits", "habitat-restoration", False), # habitat is another word
    ("focus-chat", "habits-chat", False),     # a generic word says nothing
    ("art", "arts-and-crafts", False),        # words under four letters are not compared
    ("art", "arts", True),                    # but one letter apart is near
    ("habits", "", False),
])
def test_near_names(expected, name, near):
    assert is_near_name(expected, name) is near


def category(folder: str, channel: str | None = None) -> HandbookCategory:
    return HandbookCategory(folder=folder, title=folder.title(), index_uri=f"{folder}/index.md", channel=channel)


@pytest.fixture
def channel_map(tmp_path):
    path = tmp_path / "channel_map.yml"
    path.write_text(textwrap.dedent("""\
        discord_categories:
          - name: Topics
            channels:
              - {name: habits, kind: prompt, id: "700000000000000011"}
              - {name: journaling, kind: announcement}
              - {name: habit-building, kind: prompt}
              - {name: focus, kind: topic, category: focus}
              - {name: old-rituals, kind: prompt, status: archived}
              - {name: show-me, kind: prompt}
              - {name: deep-work, kind: prompt}
        """))
    return load_channel_map(path)


@pytest.mark.parametrize("folder, asks_for, adopted, conflict", [
    ("habits", None, "habits", None),              # a prompt of the same name: adopted
    ("journaling", None, None, "journaling"),      # an announcement says it is something else
    ("rituals", None, None, None),                 # nothing of that name
    ("old-rituals", None, None, None),             # archived entries are never adopted
    ("practice", "show-me", "show-me", None),      # `channel:` in index.md names it
    ("focus-area", "focus", None, "focus"),        # already another category's topic channel
])
def test_adoption_table(channel_map, folder, asks_for, adopted, conflict):
    cat = category(folder, asks_for)
    found = adoptable_channel(cat, channel_map)
    assert (found.name if found else None) == adopted
    other = same_name_conflict(cat, channel_map)
    assert (other.name if other else None) == conflict


def test_near_matches_skip_categories_with_an_exact_name(channel_map):
    found = [(m.category.folder, m.channel.name) for m in
             near_matches([category("habits"), category("deep-working"), category("rituals")], channel_map)]
    assert found == [("deep-working", "deep-work")]
    match = near_matches([category("deep-working")], channel_map)[0]
    assert match.fix("channel_map.yml") == ("if #deep-work is the channel for `deep-working`, change "
                                            f"`kind: {match.channel.kind}` to `kind: topic` and add "
                                            "`category: deep-working` in its entry on line "
                                            f"{match.channel.line} of channel_map.yml")


def test_unlinked_topic_names_leave_out_categories_with_a_topic_channel(channel_map):
    cats = [category("habits"), category("focus"), category("Creative_Practice"),
            HandbookCategory("maintaining", "Maintaining", None, excluded=True)]
    assert unlinked_topic_names(cats, channel_map) == {"habits": "habits", "creative-practice": "Creative_Practice"}
    assert unlinked_topic_names(cats[:1], None) == {"habits": "habits"}
