"""Where a page is discussed: front matter, then the page's handbook category, as a table."""

from __future__ import annotations

from pathlib import Path

import pytest

from handbook.checks.categories import HandbookCategory
from handbook.channelmap.loader import load_channel_map
from handbook.site.links import ChannelLinks, front_matter_line, page_category
from paths import FIXTURES

MAP = FIXTURES / "mentions" / "channel_map.yml"
CATEGORIES = [
    HandbookCategory("habits", "Habits", "habits/index.md"),
    HandbookCategory("focus", "Focus", "focus/index.md", channel="show-me"),  # index.md asks for #show-me
    HandbookCategory("journaling", "Journaling", "journaling/index.md"),  # its channel is archived
    HandbookCategory("rest", "Rest", "rest/index.md", opted_out=True),
    HandbookCategory("maintaining", "Maintaining", None, excluded=True),
]


@pytest.fixture(scope="module")
def links():
    return ChannelLinks(load_channel_map(MAP), directory="channels.md")


@pytest.mark.parametrize(("src_uri", "meta", "channel", "unknown"), [
    ("habits/tiny.md", {}, "habits", None),
    ("habits/index.md", {}, "habits", None),
    ("focus/deep.md", {}, "show-me", None),
    ("journaling/index.md", {}, None, None),
    ("rest/sleep.md", {}, None, None),
    ("maintaining/git.md", {}, None, None),
    ("index.md", {}, None, None),
    ("elsewhere/page.md", {}, None, None),  # not a category (not in the nav)
    ("habits/tiny.md", {"channel": "help-desk"}, "help-desk", None),
    ("habits/tiny.md", {"channel": "#Help-Desk"}, "help-desk", None),
    ("index.md", {"channel": "show-me"}, "show-me", None),
    ("habits/tiny.md", {"channel": False}, None, None),
    ("habits/tiny.md", {"channel": "habitz"}, None, "habitz"),
    ("habits/tiny.md", {"channel": "mod-room"}, "mod-room", None),  # private: the plugin warns
])
def test_discuss_channel(links, src_uri, meta, channel, unknown):
    found, bad = links.discuss_channel(src_uri, meta, CATEGORIES)
    assert (found.name if found else None, bad) == (channel, unknown)


def test_discuss_data(links):
    habits, show_me, focus, mod_room = (links.lookup(n) for n in ("habits", "show-me", "focus", "mod-room"))
    d = links.discuss(habits, "../channels/")
    assert (d.channel, d.url, d.on_discord, d.invite) == (
        "habits", "https://discord.com/channels/123456789012345678/223456789012345672", True,
        "https://discord.gg/campfire")
    assert links.discuss(focus, "../channels/").url == "../channels/#focus"
    assert links.discuss(focus, None) is None  # no ids and no directory: nowhere to go
    assert links.discuss(mod_room, "../channels/") is None
    assert show_me is not None


@pytest.mark.parametrize(("src_uri", "category"), [
    ("habits/tiny.md", "habits"), ("habits/deep/page.md", "habits"), ("index.md", None), ("a.md", None)])
def test_page_category(src_uri, category):
    assert page_category(src_uri) == category


@pytest.mark.parametrize(("source", "line"), [
    ("---\ntitle: x\nchannel: habitz\n---\n# x\n", 3),
    ("---\nchannel: a\n---\n", 2),
    ("# No front matter\n\nchannel: x\n", None),
    ("---\ntitle: x\n---\nchannel: body text\n", None),
])
def test_front_matter_line(source, line):
    assert front_matter_line(source) == line


def test_anchors_avoid_category_headings(tmp_path):
    text = MAP.read_text().replace("- name: Base Camp", "- name: Help Desk")
    (tmp_path / "channel_map.yml").write_text(text)
    links = ChannelLinks(load_channel_map(tmp_path / "channel_map.yml"))
    assert links.anchor(links.lookup("help-desk")) == "channel-help-desk"  # `## Help Desk` is #help-desk
    assert links.anchor(links.lookup("show-me")) == "show-me"
