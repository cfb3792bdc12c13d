"""The generated safety page: how the server keeps members safe, from the map, built by MkDocs and
read as HTML. Private spaces appear as on the roles page: by description, never by name or id."""

from __future__ import annotations

import pytest

from handbook.channelmap.loader import load_channel_map
from handbook.i18n import LANGUAGES, Words
from handbook.site.links import ChannelLinks
from handbook.site.pages import safety_page

from links_site import MAP, build_site, rows

DOCS = {"index.md": "# Home\n", "habits/index.md": "# Habits\n"}
PRIVATE_NAMES = ("spring-lounge", "mod-room", "Spring Cohort", "Moderators", "Cohort secrets")
PRIVATE_IDS = ("323456789012345670", "323456789012345671")
SECTIONS = """\
  settings:
    verification_level: high
    mfa_required_for_moderation: true
  onboarding:
    enabled: true
    default_channels: [introductions]
    prompts:
      - title: What do you want to practise?
        options:
          - title: Habits
            channels: [habits]
  automod:
    - name: No slurs
      trigger:
        keyword_preset: {presets: [slurs, profanity]}
      actions: [block]
    - name: Raids
      trigger:
        mention_spam: {limit: 5}
      actions: [block]
    - name: Off for now
      trigger: spam
      enabled: false
      actions: [block]
    - name: Doxxing
      trigger:
        keywords: {keywords: ["*555-*"]}
      actions: [block]
"""
"""The map's server sections, as a maintainer writes them under `server:`."""
SECTIONED_MAP = MAP.read_text(encoding="utf-8").replace("  invite: https://discord.gg/campfire\n",
                                                        "  invite: https://discord.gg/campfire\n" + SECTIONS, 1)


def headings(html, tag="h2"):
    return [" ".join(h.text.split()).rstrip("¶ ") for h in html.select(tag)]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("safety"), DOCS, config={"strict": True})


def test_the_page_says_who_can_see_each_private_space_by_description_only(site):
    assert site.warnings() == []
    page = site.html("safety/index.html")
    assert headings(page, "h1") == ["How we keep you safe"]
    assert headings(page) == ["Who can see each private space"]  # no settings, onboarding or AutoMod: no word of them
    assert rows(page) == [["Space", "Who can see it"],
                          ["A private space for each course cohort", "cohort-2026-spring, moderator"],
                          ["A private space", "moderator"]]
    assert page.select("caption")[0].text == "Private spaces and the roles that can see them"
    text = (site.site_dir / "safety/index.html").read_text(encoding="utf-8")
    assert [secret for secret in PRIVATE_NAMES + PRIVATE_IDS if secret in text] == []


def test_with_private_names_chosen_the_page_names_them_without_ids_or_links(tmp_path):
    site = build_site(tmp_path, DOCS, plugin={"show_private_names": True})
    page = site.html("safety/index.html")
    assert [r[0] for r in rows(page)[1:]] == ["Spring Cohort (private)", "Moderators (private)"]
    text = (site.site_dir / "safety/index.html").read_text(encoding="utf-8")
    assert [secret for secret in PRIVATE_IDS if secret in text] == []
    assert not [a for a in page.select("a") if "discord.com/channels" in a.attrs.get("href", "")]


def test_first_minutes_and_automod_come_from_the_maps_sections(tmp_path):
    site = build_site(tmp_path, DOCS, config={"strict": True}, channel_map=SECTIONED_MAP)
    page = site.html("safety/index.html")
    assert headings(page) == ["Who can see each private space", "Your first minutes", "Moderators", "What AutoMod blocks"]
    paragraphs = page.text_of("p")
    assert ("You can write once your Discord account has a verified e-mail address and is more than five minutes "
            "old, and you have been a member of the server for more than ten minutes.") in paragraphs
    assert any("Discord asks you: “What do you want to practise?”" in p for p in paragraphs)
    assert page.text_of("li")[-3:] == ["messages with words from Discord's lists of slurs, swearing",
                                       "messages that mention more than 5 members or roles at once",
                                       "messages with words or phrases from our blocked list"]


def test_a_private_channel_in_an_open_category_appears_by_its_description(tmp_path):
    text = MAP.read_text(encoding="utf-8").replace(
        "        topic: Questions about the server and the handbook\n",
        "        topic: Questions about the server and the handbook\n"
        "      - name: hosts-corner\n        kind: prompt\n        visibility: private\n"
        "        roles: [moderator]\n        description: Where hosts plan their calls\n")
    site = build_site(tmp_path, DOCS, channel_map=text)
    assert ["Where hosts plan their calls", "moderator"] in rows(site.html("safety/index.html"))
    assert "hosts-corner" not in (site.site_dir / "safety/index.html").read_text(encoding="utf-8")


def test_a_map_without_private_spaces_says_so(tmp_path):
    text = MAP.read_text(encoding="utf-8")
    text = text[:text.index("  - name: Spring Cohort")]
    site = build_site(tmp_path, DOCS, channel_map=text)
    page = site.html("safety/index.html")
    assert "The server has no private spaces: every member can see every channel." in page.text_of("p")
    assert page.select("table") == []


def test_the_page_can_be_moved_and_turned_off(tmp_path):
    site = build_site(tmp_path / "moved", DOCS, plugin={"safety_page": "community/safety.md"})
    assert site.warnings() == [] and (site.site_dir / "community/safety/index.html").exists()
    site = build_site(tmp_path / "off", DOCS, plugin={"safety_page": ""})
    assert not (site.site_dir / "safety").exists()


def test_a_page_of_the_authors_at_that_path_wins(tmp_path):
    site = build_site(tmp_path, {**DOCS, "safety.md": "# Our own safety page\n"})
    assert headings(site.html("safety/index.html"), "h1") == ["Our own safety page"]
    assert any("docs/safety.md exists, so the generated safety page is not written" in w for w in site.warnings())


def test_the_page_speaks_the_sites_language(tmp_path):
    site = build_site(tmp_path, DOCS, config={"theme": {"name": "material", "language": "fr"}},
                      channel_map=SECTIONED_MAP)
    page = site.html("safety/index.html")
    assert headings(page, "h1") == ["Comment nous vous protégeons"]
    assert headings(page) == ["Qui peut voir chaque espace privé", "Vos premières minutes", "Modération",
                              "Ce que bloque AutoMod"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_language_has_every_word_of_the_page(language, tmp_path):
    words = Words(language)
    (tmp_path / "channel_map.yml").write_text(SECTIONED_MAP, encoding="utf-8")
    markdown = safety_page(ChannelLinks(load_channel_map(tmp_path / "channel_map.yml")), words)
    for key in ("safety_title", "safety_private_title", "safety_first_title", "safety_automod_title",
                "safety_moderators_title", "safety_moderators_mfa",
                "verification_high", "automod_keywords", "automod_preset_slurs"):
        assert words(key) in markdown
    assert words.count("automod_mention_spam", 5) in markdown
    if language != "en":
        assert words("safety_title") != Words("en")("safety_title")


def test_this_handbooks_safety_page_says_what_its_map_and_runbook_promise():
    from paths import ROOT

    words = Words("en")
    channel_map = load_channel_map(ROOT / "channel_map.yml")
    markdown = safety_page(ChannelLinks(channel_map), words)
    settings = channel_map.server.setup.settings
    assert settings.verification_level == "medium" and words("verification_medium") in markdown
    runbook = (ROOT / "docs" / "guidelines" / "runbook.md").read_text(encoding="utf-8")
    assert settings.mfa_required_for_moderation and "Multi-factor authentication is required" in runbook
    assert words("safety_moderators_mfa") in markdown
    assert "“What do you want to practise?”" in markdown
    triggers = {rule.trigger for rule in channel_map.server.setup.automod if rule.enabled}
    assert {"keywords", "keyword_preset", "spam", "mention_spam"} <= triggers
    for key in ("automod_keywords", "automod_spam"):
        assert words(key) in markdown
    assert words.count("automod_mention_spam", 5) in markdown
