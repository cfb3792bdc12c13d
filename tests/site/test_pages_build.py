"""Real builds of a small handbook: the exact warnings, and the HTML readers get."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from links_site import MAP, build_site

GUILD = "123456789012345678"
DOCS = {
    "index.md": "# Home\n\nWelcome! Ask in #help-desk and show your work in #show-me.\n",
    "habits/index.md": "# Habits\n\n## Talk in #habits\n\nShare a streak in #show-mee.\n",
    "habits/tiny.md": "# Tiny habits\n\nStart small. See #journaling for old notes.\n",
    "focus/index.md": "# Focus\n\nModerators meet in #mod-room.\n\n```\n#mod-room in code is fine\n```\n",
    "focus/override.md": "---\nchannel: show-me\n---\n# Override\n",
    "focus/off.md": "---\nchannel: false\n---\n# Off\n",
    "focus/typo.md": "---\ntitle: Typo\nchannel: habitz\n---\n# Typo\n",
    "focus/secret.md": "---\nchannel: spring-lounge\n---\n# Secret\n",
    "journaling/index.md": "# Journaling\n\nThis category's channel is archived.\n",
}

EXPECTED_WARNINGS = [
    "WARNING - handbook: docs/focus/index.md:3: #mod-room is a private channel; the public site shows it as "
    '"a private channel", without a link [mention-private-channel] Fix: remove the mention, or write '
    "\\#mod-room to keep the text as it is",
    "WARNING - handbook: docs/habits/index.md:5: #show-mee is not a channel of the channel map; did you mean "
    "#show-me? [mention-unknown-channel] Fix: write #show-me, or \\#show-mee if it is not meant as a channel",
    "WARNING - handbook: docs/focus/secret.md:2: front matter `channel:` names a private channel (#spring-lounge); "
    "the public site shows no discuss link for it [discuss-private-channel] Fix: name an open channel, "
    "or write `channel: false`",
    "WARNING - handbook: docs/focus/typo.md:3: front matter `channel: habitz` names no channel of the channel map; "
    "did you mean #habits? [discuss-unknown-channel] Fix: write `channel: habits`",
]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("handbook"), DOCS)


def test_the_build_warns_exactly_about_the_problem_mentions_and_front_matter(site):
    assert sorted(site.warnings()) == sorted(EXPECTED_WARNINGS)
    assert len(site.warnings()) == len(EXPECTED_WARNINGS)


def test_mentions_link_to_discord_or_to_the_directory_entry(site):
    home = site.html("index.html")
    links = {a.text: a.attrs["href"] for a in home.select("a", "handbook-mention")}
    assert links == {
        "#help-desk": "channels/#help-desk",
        "#show-me": f"https://discord.com/channels/{GUILD}/223456789012345671",
    }
    directory = site.html("channels/index.html")
    assert {"help-desk", "journaling", "show-me", "habits", "focus"} <= directory.ids
    tiny = site.html("habits/tiny/index.html")
    assert [(a.text, a.attrs["href"]) for a in tiny.select("a", "handbook-mention")] == [
        ("#journaling", "../../channels/#journaling")]


def test_heading_with_a_mention_keeps_its_id_and_toc_entry(site):
    page = site.html("habits/index.html")
    heading = page.one("h2", id="talk-in-habits")
    assert not [a for a in page.select("a", "handbook-mention") if a.text == "#habits"]
    assert "Talk in #habits" in heading.text
    toc = [a for a in page.select("a", "md-nav__link") if a.attrs.get("href") == "#talk-in-habits"]
    assert toc and all(" ".join(a.text.split()) == "Talk in #habits" for a in toc)


def test_private_mention_renders_as_neutral_text(site):
    page = site.html("focus/index.html")
    assert page.text_of("span", "handbook-mention--private") == ["a private channel"]
    article = " ".join(e.text for e in page.select("article"))
    assert "#mod-room in code is fine" in article
    assert "323456789012345671" not in (site.site_dir / "focus/index.html").read_text()


def _discuss(site, page):
    html = site.html(page)
    channel = html.select("a", "handbook-discuss__channel")
    invite = html.select("a", "handbook-discuss__invite")
    return ([(a.text, a.attrs["href"]) for a in channel], [a.attrs["href"] for a in invite])


@pytest.mark.parametrize(("page", "channel"), [
    ("habits/index.html", [("#habits", f"https://discord.com/channels/{GUILD}/223456789012345672")]),
    ("habits/tiny/index.html", [("#habits", f"https://discord.com/channels/{GUILD}/223456789012345672")]),
    ("focus/index.html", [("#focus", "../channels/#focus")]),
    ("focus/override/index.html", [("#show-me", f"https://discord.com/channels/{GUILD}/223456789012345671")]),
    ("focus/off/index.html", []),
    ("focus/typo/index.html", []),
    ("focus/secret/index.html", []),
    ("journaling/index.html", []),  # archived topic channel
    ("index.html", []),  # not in a handbook category
    ("channels/index.html", []),
])
def test_discuss_link_per_page(site, page, channel):
    links, invites = _discuss(site, page)
    assert links == channel
    assert invites == (["https://discord.gg/campfire"] if channel else [])


def test_discuss_text_says_where(site):
    aside = site.html("habits/index.html").one("aside", "handbook-discuss")
    assert " ".join(aside.text.split()) == (
        "Discuss this page in #habits on Discord. Not a member yet? Join Campfire Practice Community.")
    aside = site.html("focus/index.html").one("aside", "handbook-discuss")
    assert " ".join(aside.text.split()).startswith("Discuss this page in #focus. Not a member yet?")


def test_discuss_links_off(tmp_path):
    site = build_site(tmp_path, DOCS, plugin={"discuss_links": False})
    assert not site.html("habits/index.html").select("aside", "handbook-discuss")
    assert site.html("index.html").select("a", "handbook-mention")


def test_mentions_off(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n\nSee #show-me and #show-mee.\n"},
                      plugin={"mentions": False})
    assert site.warnings() == []
    assert not site.html("index.html").select("a", "handbook-mention")


def test_users_custom_dir_comments_partial_wins(tmp_path):
    partials = tmp_path / "overrides" / "partials"
    partials.mkdir(parents=True)
    (partials / "comments.html").write_text('<div id="giscus">comments</div>\n'
                                            '{% include "partials/handbook-discuss.html" %}\n')
    site = build_site(tmp_path, DOCS, config={"theme": {"name": "material", "custom_dir": "overrides"}})
    page = site.html("habits/index.html")
    assert page.one("div", id="giscus").text == "comments"
    assert page.one("a", "handbook-discuss__channel").text == "#habits"


def test_without_a_channel_map_nothing_is_generated_or_linked(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n\nSee #show-me.\n"}, channel_map=None)
    assert site.warnings() == []
    assert not (site.site_dir / "channels").exists() and not (site.site_dir / "roles").exists()
    assert not site.html("index.html").select("a", "handbook-mention")


def test_a_hand_written_page_at_the_directory_path_is_kept(tmp_path):
    site = build_site(tmp_path, {"index.md": "# Home\n", "channels.md": "# Our own list\n"})
    assert site.warnings() == [
        "WARNING - handbook: docs/channels.md exists, so the generated channel directory is not written. "
        "Fix: set `channel_directory:` of the handbook plugin to another path, or to '' to turn it off"]
    assert site.html("channels/index.html").one("h1").text.rstrip("¶ \n") == "Our own list"


def test_strict_build_fails_on_mention_warnings(tmp_path):
    build_site(tmp_path, {"index.md": "# Home\n\nShare in #show-mee.\n"})
    result = subprocess.run([str(Path(sys.executable).parent / "mkdocs"), "build", "--strict"], cwd=tmp_path,
                            capture_output=True, text=True, env={"NO_MKDOCS_2_WARNING": "1", "PATH": ""})
    assert result.returncode == 1
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    assert warnings == [
        "WARNING -  handbook: docs/index.md:3: #show-mee is not a channel of the channel map; did you mean "
        "#show-me? [mention-unknown-channel] Fix: write #show-me, or \\#show-mee if it is not meant as a channel"]
    assert "Aborted with 1 warnings in strict mode!" in result.stdout + result.stderr


def test_map_fixture_is_the_one_the_builds_use():
    assert MAP.exists()
