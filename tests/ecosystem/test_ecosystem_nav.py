"""Nav plugins beside handbook: their titles name the categories, folders they leave out need no
channel (the map has none for `drafts/`, so a strict build fails if it counted)."""

from __future__ import annotations

from ecosystem_site import DOCS, build_beside

NAV_DOCS = {**DOCS, "drafts/index.md": "# Drafts\n\nNot ready.\n"}
EXPECTED = {"habits": "Tiny Habits", "focus": "Focus"}


def test_literate_nav(tmp_path):
    summary = ("* [Welcome](index.md)\n"
               "* Tiny Habits\n"
               "    * [Overview](habits/index.md)\n"
               "    * Preparation\n"
               "        * [Tiny](habits/tiny.md)\n"
               "* [Focus](focus/index.md)\n")
    site = build_beside(tmp_path, ["search", {"literate-nav": {"nav_file": "SUMMARY.md"}}],
                        docs={**NAV_DOCS, "SUMMARY.md": summary})
    assert site.categories() == EXPECTED  # the section, not its sub-section "Preparation"
    assert "Tiny Habits" in site.text("index.html")  # their nav is the site's
    site.assert_handbook_output()


def test_awesome_nav(tmp_path):
    nav = "nav:\n  - index.md\n  - Tiny Habits: habits\n  - focus\n"
    site = build_beside(tmp_path, ["search", "awesome-nav"], docs={**NAV_DOCS, ".nav.yml": nav})
    assert site.categories() == EXPECTED
    assert "Tiny Habits" in site.text("index.html")
    site.assert_handbook_output()


def test_awesome_pages(tmp_path):
    docs = {**NAV_DOCS, "habits/.pages": "title: Tiny Habits\n", "drafts/.pages": "hide: true\n"}
    site = build_beside(tmp_path, ["search", "awesome-pages"], docs=docs)
    assert site.categories() == EXPECTED
    assert "Tiny Habits" in site.text("index.html")
    site.assert_handbook_output()


def test_without_a_nav_plugin_the_index_pages_name_the_categories(tmp_path):
    docs = {**DOCS, "habits/index.md": "# Habits that last\n\nTiny routines.\n"}
    site = build_beside(tmp_path, ["search"], docs=docs, handbook={"drift": "ignore"})  # the topic says "Habits"
    assert site.categories() == {"habits": "Habits that last", "focus": "Focus"}


def test_materials_blog_is_no_category(tmp_path):
    docs = {**DOCS, "blog/index.md": "# Blog\n",
            "blog/posts/first.md": "---\ndate: 2024-03-01\n---\n# First post\n\nHello.\n"}
    site = build_beside(tmp_path, ["search", "blog"], docs=docs)  # strict: no channel wanted for blog/
    assert site.categories() == {"habits": "Habits", "focus": "Focus"}
    assert site.exists("blog/2024/03/01/first-post/index.html")
    site.assert_handbook_output()
