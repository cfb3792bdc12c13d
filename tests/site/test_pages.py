"""The generated channel directory and roles page, built by MkDocs and read as HTML."""

from __future__ import annotations

import pytest

from handbook.channelmap.loader import load_channel_map
from handbook.site.links import ChannelLinks
from handbook.site.pages import channel_directory, roles_page

from links_site import MAP, Html, build_site, rows

DOCS = {"index.md": "# Home\n", "habits/index.md": "# Habits\n"}
PRIVATE_NAMES = ("spring-lounge", "mod-room", "Spring Cohort", "Moderators", "Cohort secrets")
PRIVATE_IDS = ("323456789012345670", "323456789012345671")


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("pages"), DOCS)


@pytest.fixture(scope="module")
def named_site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("named"), DOCS, plugin={"show_private_names": True})


def test_directory_lists_discord_categories_and_channels_in_map_order(site):
    page = site.html("channels/index.html")
    assert [" ".join(h.text.split()).rstrip("¶ ") for h in page.select("h2")] == [
        "Base Camp", "Handbook Topics", "Private space", "Private space", "Archived"]
    assert rows(page) == [
        ["Channel", "Kind", "What it is for", "Who can see it"],
        ["#introductions", "prompt", "Tell us who you are and what you practise.", "every member"],
        ["#show-me", "prompt", "Show what you made this week.", "every member"],
        ["#help-desk", "forum", "Questions about the server and the handbook", "every member"],
        ["Channel", "Kind", "What it is for", "Who can see it"],
        ["#habits", "topic", "Building habits that last; mirrors the handbook's habits pages", "every member"],
        ["#focus", "topic", "Deep work, distractions, attention; mirrors the handbook's focus pages", "every member"],
    ]


def test_directory_links_channels_with_ids_and_anchors_every_open_channel(site):
    page = site.html("channels/index.html")
    links = {a.text: a.attrs["href"] for a in page.select("a") if a.text.startswith("#")}
    assert links == {
        "#introductions": "https://discord.com/channels/123456789012345678/223456789012345670",
        "#show-me": "https://discord.com/channels/123456789012345678/223456789012345671",
        "#habits": "https://discord.com/channels/123456789012345678/223456789012345672",
    }
    assert {"introductions", "show-me", "help-desk", "habits", "focus", "journaling"} <= page.ids
    assert page.one("a", href="https://discord.gg/campfire").text == "Join the server"


def test_private_spaces_appear_by_description_only(site):
    text = (site.site_dir / "channels/index.html").read_text()
    page = site.html("channels/index.html")
    paragraphs = page.text_of("p")
    assert "A private space for each course cohort" in paragraphs
    assert "A private space with 1 channel." in paragraphs
    assert "Who can see it: cohort-2026-spring, moderator." in paragraphs
    assert "Who can see it: moderator." in paragraphs
    for secret in PRIVATE_NAMES + PRIVATE_IDS:
        assert secret not in text


def test_show_private_names_lists_them_without_ids_or_links(named_site):
    page = named_site.html("channels/index.html")
    text = (named_site.site_dir / "channels/index.html").read_text()
    headings = [" ".join(h.text.split()).rstrip("¶ ") for h in page.select("h2")]
    assert headings == ["Base Camp", "Handbook Topics", "Spring Cohort", "Moderators", "Archived"]
    assert ["#spring-lounge", "prompt", "Cohort secrets stay here", "cohort-2026-spring, moderator"] in rows(page)
    assert not [a for a in page.select("a") if a.text in ("#spring-lounge", "#mod-room")]
    for secret in PRIVATE_IDS:
        assert secret not in text


def test_roles_page_table(site):
    page = site.html("roles/index.html")
    assert rows(page) == [
        ["Role", "What it is for", "Spaces it can see"],
        ["member", "", "open spaces"],
        ["moderator", "Keeps the community safe and kind",
         "open spaces; A private space for each course cohort; a private space"],
        ["cohort-2026-spring", "Participants of the spring 2026 cohort",
         "open spaces; A private space for each course cohort"],
    ]
    assert "Every member can see the open spaces: Base Camp, Handbook Topics." in page.text_of("p")[0]


def test_roles_page_with_private_names(named_site):
    assert ["moderator", "Keeps the community safe and kind",
            "open spaces; Spring Cohort (private); Moderators (private)"] in rows(named_site.html("roles/index.html"))


def test_pages_are_configurable_and_can_be_turned_off(tmp_path):
    site = build_site(tmp_path, {**DOCS, "talk.md": "# Talk\n\nSee #focus.\n"},
                      plugin={"channel_directory": "community/spaces.md", "roles_page": ""})
    assert site.warnings() == []
    assert (site.site_dir / "community/spaces/index.html").exists()
    assert not (site.site_dir / "roles").exists()
    assert site.html("talk/index.html").one("a", "handbook-mention").attrs["href"] == "../community/spaces/#focus"


def test_generated_pages_are_left_out_of_an_explicit_nav_without_a_warning(tmp_path):
    site = build_site(tmp_path, DOCS, config={"nav": ["index.md", "habits/index.md"]})
    assert site.warnings() == []
    site = build_site(tmp_path, DOCS, config={"nav": ["index.md", "habits/index.md", {"Channels": "channels.md"}, "roles.md"]})
    assert site.warnings() == []
    assert [a.text.strip() for a in site.html("index.html").select("a", "md-nav__link")
            if a.attrs.get("href") in ("channels/", "roles/")][:2] == ["Channels", "Roles and permissions"]


def test_table_cells_escape_pipes_and_html(tmp_path):
    text = MAP.read_text().replace("Show what you made this week.", "Show <b>work</b> | or play")
    site = build_site(tmp_path, DOCS, channel_map=text)
    page = site.html("channels/index.html")
    assert ["#show-me", "prompt", "Show <b>work</b> | or play", "every member"] in rows(page)
    assert page.select("b") == []
    cmap = load_channel_map(tmp_path / "channel_map.yml")
    assert "323456789012345670" not in channel_directory(ChannelLinks(cmap)) + roles_page(ChannelLinks(cmap))


def test_tables_have_a_caption_column_headers_and_row_headers(site):
    for page, captions in (("channels/index.html", ["Channels in Base Camp", "Channels in Handbook Topics"]),
                           ("roles/index.html", ["Roles, what each is for and the spaces it can see"])):
        html = site.html(page)
        assert html.text_of("caption") == captions
        tables = len(captions)
        assert len(html.select("th", scope="col")) == tables * len(rows(html)[0])
        body_rows = len(html.select("tr")) - tables  # every row but the header rows
        assert len(html.select("th", scope="row")) == body_rows > 0


SPACES_MAP = """\
server: {name: Camp}
roles:
  - {name: host}
  - {name: cohort-a}
  - {name: cohort-b}
discord_categories:
  - name: Lobby
    channels:
      - {name: general, kind: prompt}
      - {name: Campfire, kind: voice, description: Drop-in voice chat}
      - {name: hosts-only, kind: prompt, visibility: private, roles: [host], description: Where hosts plan}
  - name: Cohorts
    visibility: private
    roles: [host]
    description: A private space for each cohort
    channels:
      - {name: cohort-a, kind: prompt, roles: [cohort-a, host]}
      - {name: cohort-b, kind: prompt, roles: [cohort-b, host], status: archived}
"""


@pytest.mark.parametrize(("role", "spaces"), [
    ("host", "open spaces; Where hosts plan; A private space for each cohort; a private channel (archived, read-only)"),
    ("cohort-a", "open spaces; A private space for each cohort"),  # through its channel's roles
    ("cohort-b", "open spaces; a private channel (archived, read-only)"),  # archived: still readable
])
def test_roles_see_private_spaces_through_category_or_channel_roles(tmp_path, role, spaces):
    (tmp_path / "channel_map.yml").write_text(SPACES_MAP)
    markdown = roles_page(ChannelLinks(load_channel_map(tmp_path / "channel_map.yml")))
    assert [role, "", spaces] in rows(Html.parse(markdown))


def test_directory_of_mixed_space_shows_voice_names_and_hides_private_channel(tmp_path):
    (tmp_path / "channel_map.yml").write_text(SPACES_MAP)
    markdown = channel_directory(ChannelLinks(load_channel_map(tmp_path / "channel_map.yml")))
    table = rows(Html.parse(markdown))
    assert ["Campfire", "voice", "Drop-in voice chat", "every member"] in table
    assert ["A private channel", "prompt", "Where hosts plan", "host"] in table
    assert '<span id="campfire"></span>Campfire</th>' in markdown
    assert "Who can see it: `host`, `cohort-a`." in markdown.splitlines()
    assert "hosts-only" not in markdown and "cohort-b" not in markdown
