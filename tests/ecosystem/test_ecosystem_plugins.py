"""The compatibility matrix: each popular plugin beside handbook in a tiny real site, `--strict`.

Each test asserts three things: the build is strict-clean, the other plugin's output is there,
and ours is too (generated pages, "Discuss this page", dates). Where plugin order could matter,
both orders are built. Nothing here reaches the network.
"""

from __future__ import annotations

import pytest
from ecosystem_site import DOCS, build_beside, build_strict, make_site

I18N = {"i18n": {"docs_structure": "suffix", "languages": [
    {"locale": "en", "default": True, "name": "English", "build": True},
    {"locale": "fr", "name": "Français", "build": True},
]}}


@pytest.mark.parametrize("order", ["theirs-first", "ours-first"])
def test_static_i18n_suffix_mode(tmp_path, order):
    plugins = ["search", I18N] if order == "theirs-first" else ["search", "handbook", I18N]
    docs = {**DOCS, "index.fr.md": "# Bienvenue\n\nCommencez par les habitudes.\n"}
    site = build_beside(tmp_path, plugins, docs=docs)
    assert site.html("fr/index.html").text_of("h1")[0].startswith("Bienvenue")
    site.assert_handbook_output()
    site.assert_handbook_output(prefix="fr/", language="fr")


def test_rss_plugin_with_its_default_match_path(tmp_path):
    site = build_beside(tmp_path, ["search", "rss"])
    assert "<rss" in site.text("feed_rss_created.xml")
    assert "<feed" in site.text("feed.xml")
    site.assert_handbook_output()


def test_autolinks_plugin(tmp_path):
    docs = {**DOCS, "index.md": "# Welcome\n\nStart with [tiny habits](tiny.md).\n"}
    site = build_beside(tmp_path, ["search", "autolinks"], docs=docs)
    assert site.html("index.html").select("a", href="habits/tiny/")
    site.assert_handbook_output()


def test_git_authors_plugin(tmp_path):
    site = build_beside(tmp_path, ["search", "git-authors"])
    page = site.html("habits/tiny/index.html")
    boxes = page.select("aside", "md-source-file")
    assert any("Ada Lovelace" in box.text for box in boxes if "handbook-history" not in box.classes)
    assert page.select("span", "handbook-history__updated")  # ours: the dates it does not show
    assert not page.select("span", "handbook-history__contributors")  # theirs names the authors
    site.assert_handbook_output()


@pytest.mark.parametrize("history", [True, False])
def test_git_revision_date_localized_plugin(tmp_path, history):
    site = build_beside(tmp_path, ["search", {"git-revision-date-localized": {"enable_creation_date": True}}],
                        handbook={"history": history})
    page = site.html("habits/tiny/index.html")
    assert page.select("span", "git-revision-date-localized-plugin-date")
    assert not page.select("span", "handbook-history__updated")  # theirs shows the dates
    assert bool(page.select("span", "handbook-history__contributors")) is history
    assert site.exists("channels/index.html") and site.exists("roles/index.html")


# What mkdocs-git-committers-plugin-2 gives Material's partial (it asks GitHub's API, which a test
# cannot reach): `committers` and `committers_source` in the page context, set here by a hook.
COMMITTERS_HOOK = """
def on_page_context(context, page, config, nav):
    context["committers"] = [{"login": "ada", "name": "Ada Lovelace", "url": "https://github.com/ada",
                              "avatar": "https://avatars.example.org/ada.png"}]
    context["committers_source"] = "github"
    return context
"""


@pytest.mark.parametrize("history", [True, False])
def test_materials_committers_stay_beside_our_dates(tmp_path, history):
    root = make_site(tmp_path, ["search"], config={"hooks": ["committers_hook.py"]}, handbook={"history": history})
    (root / "committers_hook.py").write_text(COMMITTERS_HOOK, encoding="utf-8")
    site = build_strict(root)
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)
    page = site.html("habits/tiny/index.html")
    theirs = page.select("a", "md-author")
    assert [a.attrs.get("href") for a in theirs] == ["https://github.com/ada"]  # Material's, as it renders it
    assert bool(page.select("span", "handbook-history__updated")) is history  # ours: the dates
    assert not page.select("span", "handbook-history__contributors")  # theirs names the people
    assert page.one("a", "handbook-discuss__channel").text == "#habits"
    assert site.exists("changelog/index.html") is history


@pytest.mark.parametrize("order", ["theirs-first", "ours-first"])
def test_macros_plugin_renders_pages_but_never_map_topics_or_commit_subjects(tmp_path, order):
    plugins = ["search", "macros"] if order == "theirs-first" else ["search", "handbook", "macros"]
    docs = {**DOCS, "index.md": "# Welcome\n\nOne and one make {{ 1 + 1 }}.\n"}
    site = build_beside(tmp_path, plugins, docs=docs)
    assert "One and one make 2." in site.text("index.html")
    site.assert_handbook_output()  # the topic and the subject keep their braces


def test_htmlproofer_finds_the_feed(tmp_path):
    site = build_beside(tmp_path, ["search", {"htmlproofer": {"validate_external_urls": False}}])
    assert site.exists("feed.xml")
    site.assert_handbook_output()


@pytest.mark.parametrize("order", ["theirs-first", "ours-first"])
def test_redirects_to_a_generated_page(tmp_path, order):
    redirects = {"redirects": {"redirect_maps": {"directory.md": "channels.md"}}}
    plugins = ["search", redirects, "handbook"] if order == "theirs-first" else ["search", "handbook", redirects]
    site = build_beside(tmp_path, plugins)
    assert "channels/" in site.text("directory/index.html")
    site.assert_handbook_output()


def test_a_feed_of_the_users_own_is_kept_with_a_warning_naming_the_option(tmp_path):
    docs = {**DOCS, "feed.xml": "<feed>our own</feed>\n"}
    site = build_strict(make_site(tmp_path, ["search"], docs=docs))
    assert site.warnings == ["handbook: docs/feed.xml exists, so the generated feed is not written. "
                             "Fix: set `feed:` of the handbook plugin to another path, or to '' to turn it off"]
    assert site.text("feed.xml") == "<feed>our own</feed>\n"
    assert 'type="application/atom+xml"' not in site.text("index.html")


def test_static_i18n_folder_mode_categories_are_the_folders_inside_a_language(tmp_path):
    folder_mode = {"i18n": {**I18N["i18n"], "docs_structure": "folder"}}
    docs = {**{f"en/{path}": text for path, text in DOCS.items()},
            "fr/index.md": "# Bienvenue\n\nCommencez par les habitudes.\n",
            "fr/habits/index.md": "# Habitudes\n\nDe petites routines.\n"}
    site = build_beside(tmp_path, ["search", folder_mode], docs=docs)  # strict: no en/ or fr/ channel wanted
    # the French site is built last: its titles are French, its folders those of every language
    assert site.categories() == {"habits": "Habitudes", "focus": "Focus"}
    assert site.html("fr/habits/index.html").text_of("h1")[0].startswith("Habitudes")
    assert site.html("fr/habits/index.html").one("a", "handbook-discuss__channel").text == "#habits"
    site.assert_handbook_output()
    site.assert_handbook_output(prefix="fr/", language="fr")
