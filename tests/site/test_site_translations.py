"""Each of our seven languages, in a real `--strict` build: the generated pages, the banner, the
review line and the feed say everything in the site's `theme.language`, and none of it in English.

One small site per language: a channel directory with open, private and archived channels, a
roles page, a changelog with a channel change and a page for its older year, a reviews page with an overdue page, and the
communities directory, all with nothing the build had to skip.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml
from ecosystem_site import build_strict
from links_site import Html
from sitekit import commit_all, write_files

from handbook.i18n import LANGUAGES, STRINGS, Words

MAP = """\
server:
  name: Test Community
  invite: https://discord.gg/test-community
roles:
  - name: host
    description: Runs the cohorts.
discord_categories:
  - name: Handbook Topics
    channels:
      - {name: habits, kind: topic, category: habits, topic: Tiny routines}
      - {name: general, kind: prompt}
      - {name: hosts-only, kind: prompt, visibility: private, roles: [host], description: Where hosts plan}
      - {name: old-news, kind: announcement, status: archived}
  - name: Cohorts
    visibility: private
    roles: [host]
    channels:
      - {name: cohort-a, kind: prompt, roles: [host]}
"""
MAP_LATER = MAP.replace("      - {name: general, kind: prompt}\n",
                        "      - {name: general, kind: prompt}\n      - {name: wins, kind: prompt}\n")

DOCS = {
    "docs/index.md": "# Home\n\nStart here.\n",
    "docs/habits/index.md": "---\nowner: \"@host\"\nlast_reviewed: 2023-01-10\n---\n# Habits\n\nTiny routines.\n",
    "docs/habits/tiny.md": "# Tiny habits\n\nOne push-up a day.\n",
}

COMMUNITIES = """\
- name: Morning Pages
  url: https://pages.example/
  description: Journaling first thing.
  platform: discord
  invite: https://discord.gg/pages
  cost: free
  topics: [journaling]
"""

ENGLISH_WORDS = {
    "channels/index.html": ["in the order Discord shows them", "Not a member yet", "Join the server",
                            "Channels in", "What it is for", "Who can see it", "every member", "Private space",
                            "A private space with", "a private channel", "mirrors the handbook", "Archived",
                            "Kept read-only", "topic", "prompt", "announcements"],
    "roles/index.html": ["Every member can see", "Roles add access", "open spaces", "Spaces it can see",
                         "What it is for", "a private space", "Archived channels are read-only"],
    "changelog/index.html": ["What changed in the handbook", "Follow it in a feed reader", "Atom feed",
                             "Added", "Updated", "Channels", "prompt channel", "added"],
    "reviews/index.html": ["Pages due for a re-read", "Overdue", "Due within", "Never reviewed", "Up to date",
                           "Last reviewed", "Owner", "no owner", "days", "months"],
    "communities/index.html": ["Communities of practice", "have not been checked", "Health", "not checked",
                               "invite not checked", "join on Discord", "Topic", "Platform", "free"],
    "changelog/2022/index.html": ["What changed in the handbook", "Recent changes", "Changelog", "Added"],
    "habits/index.html": ["This page may be out of date", "was due for review", "Its owner is", "Reviewed on"],
}
"""English a page of ours said before it spoke the site's language (matched as whole words)."""


def _site(root: Path, language: str) -> Path:
    config = {
        "site_name": "Handbook",
        "site_url": "https://handbook.example.org/",
        "theme": {"name": "material", "language": language},
        "plugins": ["search", {"handbook": {"drift": "warn", "review_every": "6 months", "review_banner": True,
                                            "review_due_within": "30 days", "link_health": "ignore"}}],
    }
    write_files(root, {**DOCS, "channel_map.yml": MAP, "communities.yml": COMMUNITIES, ".gitignore": "site/\n"})
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    commit_all(root, "Start the handbook", date="2022-11-05T10:00:00+00:00")  # on the page of 2022
    write_files(root, {"docs/index.md": "# Home\n\nStart here, and stay.\n"})
    commit_all(root, "Welcome readers")
    write_files(root, {"channel_map.yml": MAP_LATER, "docs/habits/tiny.md": "# Tiny habits\n\nTwo push-ups.\n"})
    commit_all(root, "Add wins", date="2024-04-02T10:00:00+00:00")
    return root


@pytest.fixture(scope="module", params=LANGUAGES)
def built(request, tmp_path_factory):
    """One build per language, shared by this module's tests (each reads it only)."""
    with pytest.MonkeyPatch.context() as env:
        env.setenv("HANDBOOK_TODAY", "2024-08-10")
        site = build_strict(_site(tmp_path_factory.mktemp(request.param), request.param))
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)
    return site, Words.for_theme(request.param)


def _article(site, page: str) -> str:
    [article] = Html.parse(site.text(page)).text_of("article")
    return article


def _visible(phrase: str) -> str:
    """A text of the catalogue as a reader sees it: without its markup."""
    return " ".join(re.sub(r"</?\w+>|`", "", phrase).split())


def _has(text: str, phrase: str) -> bool:
    return re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", text) is not None


def test_generated_pages_speak_the_site_language(built):
    site, words = built
    expected = {
        "channels/index.html": [words("channels_intro_server", server="Test Community"), words("not_a_member"),
                                words("channels_in", category="Handbook Topics"), words("column_channel_purpose"),
                                words("column_who_can_see_it"), words("every_member"), words("private_space_title"),
                                words.count("private_space_with", 1), words("kind_topic"), words("kind_prompt"),
                                words("archived_intro"), words("mirrors_pages", category="habits")],
        "roles/index.html": [words("roles_intro", spaces="Handbook Topics"), words("column_spaces"),
                             words("open_spaces"), words("a_private_space"),
                             words("roles_archived_open", channels="#old-news")],
        "changelog/index.html": [words("changelog_intro"), words("label_then", label=words("change_updated_label")),
                                 words("label_then", label=words("change_channels_label")),
                                 words("channel_added", channel=words("channel_word_prompt"), name="wins")],
        "reviews/index.html": [words("reviews_intro", today=words.date(date(2024, 8, 10)),
                                     within=words.duration(30, "days")),
                               words("reviews_overdue"), words("reviews_never"), words("column_last_reviewed"),
                               words("no_owner")],
        "communities/index.html": [words("communities_intro"), words("communities_unchecked"),
                                   words("health", health=words("health_unchecked")), words("join_on_discord")],
        "changelog/2022/index.html": [words("changelog_year_title", year=2022), words("changelog_year_intro", year=2022),
                                      words("changelog_recent"), words("label_then", label=words("change_added_label"))],
        "habits/index.html": [words("banner_title"), words("banner_owner", owner="@host"), words("reviewed_on")],
    }
    for page, phrases in expected.items():
        text = _article(site, page)
        for phrase in phrases:
            assert _visible(phrase) in text, (page, phrase)
        if words.language != "en":
            # a word both languages write alike (Dutch "Platform") is not English left behind
            english = [p for p in ENGLISH_WORDS[page] if _has(text, p)
                       and not any(_has(value[words.language], p) for value in STRINGS.values())]
            assert english == [], (page, english)


def test_labels_take_the_colon_as_the_language_writes_it(built):
    site, words = built
    label = words("label_then", label=words("change_updated_label"))
    assert f"{label} " in site.text("changelog/index.html")
    assert label.endswith("\u00a0:") if words.language == "fr" else label.endswith(":") and " :" not in label


def test_changelog_month_headings_start_with_a_capital(built):
    site, words = built
    headings = Html.parse(site.text("changelog/index.html")).text_of("h2")
    assert headings[:2] == [words.month(2024, 4), words.month(2024, 3)]
    assert all(h[0].isupper() for h in headings[:2]), headings


def test_the_older_year_is_linked_in_the_site_language_and_keeps_its_month_address(built):
    site, words = built
    page = Html.parse(site.text("changelog/index.html"))
    assert words("changelog_older_title") in page.text_of("h2")
    [november] = page.select("span", **{"data-handbook-archived": ""})
    [link] = [a for a in page.select("a") if a.text == words.month_name(11)]
    assert november.text == link.text and link.attrs["href"].startswith("2022/#")
    # the id the month's heading has on the year's page, and had on the changelog page before
    [heading] = Html.parse(site.text("changelog/2022/index.html")).select("h2")
    assert heading.text == words.month(2022, 11)
    assert november.attrs["id"] == heading.attrs["id"] == link.attrs["href"].split("#")[1]


def test_the_feed_speaks_the_site_language(built):
    site, words = built
    feed = site.text("feed.xml")
    assert f'xml:lang="{words.locale}"' in feed
    assert f"<title>{words('feed_title', site='Handbook')}</title>" in feed
    assert f"&lt;li&gt;{words('label_then', label=words('change_channels_label'))} " in feed
    head = Html.parse(site.text("index.html")).one("link", type="application/atom+xml")
    assert head.attrs["title"] == words("feed_title", site="Handbook")


def test_french_months_are_capitalised_headings_but_lower_case_in_dates():
    words = Words.for_theme("fr")
    assert words.month(2026, 12) == "Décembre 2026"
    assert words.date(date(2026, 12, 3)) == "3 décembre 2026"
    assert Words.for_theme("es").month(2024, 1) == "Enero 2024"
