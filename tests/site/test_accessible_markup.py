"""What the plugin adds to a site, read as HTML for what assistive technology needs: a stylesheet
that underlines our links, generated pages marked for it, dates as `<time>`, icons with text.
(The browser test, test_accessibility.py, runs axe-core on the same kinds of page.)"""

from __future__ import annotations

import pytest

from links_site import build_site

DOCS = {
    "index.md": "# Home\n",
    "habits/index.md": "# Habits\n\nShow your week in #show-me.\n",
    "stylesheets/extra.css": ".md-typeset a { color: black; }\n",
}
GENERATED = {"channels/index.html": "channels", "roles/index.html": "roles", "changelog/index.html": "changelog",
             "communities/index.html": "communities"}
COMMUNITIES = """\
- name: Walkers
  url: https://walkers.example.org/
  description: A circle of people who walk every day.
  platform: forum
  topics: [habits]
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = tmp_path_factory.mktemp("markup")
    (root / "communities.yml").write_text(COMMUNITIES, encoding="utf-8")
    built = build_site(root, DOCS, plugin={"history": True}, git=True,
                       config={"extra_css": ["stylesheets/extra.css"]}, commit_message="Habits, with a mention")
    assert built.warnings() == []
    return built


def test_our_stylesheet_ships_and_comes_before_the_sites_own(site):
    css = (site.site_dir / "assets/stylesheets/handbook.css").read_text(encoding="utf-8")
    assert ".handbook-discuss a" in css and "a.handbook-mention" in css and ".handbook-generated a" in css
    assert "text-decoration: underline" in css
    sheets = [link.attrs["href"] for link in site.html("habits/index.html").select("link", rel="stylesheet")]
    ours, theirs = sheets.index("../assets/stylesheets/handbook.css"), sheets.index("../stylesheets/extra.css")
    assert ours < theirs  # the community's own rules win over ours
    assert sheets.count("../assets/stylesheets/handbook.css") == 1


@pytest.mark.parametrize(("page", "name"), GENERATED.items())
def test_generated_pages_are_marked_for_the_stylesheet(site, page, name):
    wrapper = site.html(page).one("div", "handbook-generated")
    assert f"handbook-generated--{name}" in wrapper.classes
    assert wrapper.text.strip()  # the page's content is inside it


def test_pages_people_write_are_not_marked(site):
    assert site.html("habits/index.html").select("div", "handbook-generated") == []


def test_changelog_dates_are_time_elements_with_readable_text(site):
    times = site.html("changelog/index.html").select("time")
    assert [(t.attrs["datetime"], t.text) for t in times] == [("2024-03-01", "March 1, 2024")]


def test_history_icons_have_a_text_alternative_and_the_discuss_icon_is_decoration(site):
    page = site.html("habits/index.html")
    icons = [e for e in page.select("span", "md-icon") if e.attrs.get("role") == "img"]
    assert [e.attrs["aria-label"] for e in icons] == ["Last update", "Created", "Contributors"]
    assert all(e.attrs["aria-label"] == e.attrs["title"] for e in icons)
    page.one("aside", "handbook-discuss")  # the page has its "discuss" box, and its icon is hidden
    assert len([e for e in page.select("span", "md-icon") if e.attrs.get("aria-hidden") == "true"]) == 1
    assert [(t.attrs["datetime"], t.text) for t in page.select("time")] == [
        ("2024-03-01T10:00:00+00:00", "March 1, 2024"), ("2024-03-01T10:00:00+00:00", "March 1, 2024")]
