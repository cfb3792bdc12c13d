"""Handbook categories come from MkDocs' own files and nav."""

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from handbook.checks.categories import find_categories
from sitekit import write_files

PAGES = {
    "docs/index.md": "# Home\n",
    "docs/habits/index.md": "---\ntitle: Building habits\n---\n# Ignored heading\n",
    "docs/habits/tiny.md": "# Tiny\n",
    "docs/focus/index.md": "```\n# not a heading\n```\n# Deep focus\n",
    "docs/creative_practice/notes.md": "# Notes\n",
    "docs/drafts/wip.md": "# WIP\n",
    "docs/hidden-only/page.md": "# Hidden\n",
    "docs/.private/secret.md": "# Secret\n",
    "docs/assets/logo.png": "png",
    "docs/optout/index.md": "---\nchannel: false\n---\n# Opt out\n",
    "docs/named/index.md": "---\nchannel: Named Talk\n---\n# Named\n",
}


def categories_for(tmp_path: Path, extra_config: str = "", **exclude):
    write_files(tmp_path, PAGES)
    (tmp_path / "mkdocs.yml").write_text("site_name: T\nexclude_docs: |\n  drafts/\n"
                                         "not_in_nav: |\n  hidden-only/\n" + extra_config)
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    files = get_files(config)
    return find_categories(files, Path(config.docs_dir), config.nav, exclude.get("exclude", ()))


def test_folders_follow_mkdocs_inclusion_and_titles_follow_index_pages(tmp_path):
    categories = {c.folder: c for c in categories_for(tmp_path, exclude=["optout"])}
    # exclude_docs, not_in_nav, hidden folders and asset-only folders are not categories
    assert sorted(categories) == ["creative_practice", "focus", "habits", "named", "optout"]
    assert categories["habits"].title == "Building habits"  # front matter title wins over heading
    assert categories["focus"].title == "Deep focus"  # first heading outside code
    assert categories["creative_practice"].title == "Creative practice"  # from the folder name
    assert categories["creative_practice"].expected_channel == "creative-practice"
    assert categories["named"].channel == "Named Talk" and categories["named"].wants_channel
    assert categories["optout"].opted_out and categories["optout"].excluded and not categories["optout"].wants_channel


def test_titles_and_order_come_from_the_nav(tmp_path):
    nav = """nav:
  - index.md
  - Topics:
      - Focus and flow:
          - focus/index.md
          - Deep: focus/index.md
      - Good habits:
          - habits/index.md
          - habits/tiny.md
  - The Named One: named/index.md
  - creative_practice/notes.md
  - optout/index.md
"""
    categories = categories_for(tmp_path, nav)
    assert [(c.folder, c.title) for c in categories] == [
        ("focus", "Focus and flow"),
        ("habits", "Good habits"),
        ("named", "The Named One"),
        ("creative_practice", "Creative practice"),
        ("optout", "Opt out"),
    ]


def test_a_sub_section_holding_part_of_a_folder_never_names_it():
    from handbook.checks.categories import nav_titles

    nav = [{"Guide": [{"Preparation": ["habits/prep.md"]}, "welcome.md"]},
           {"Start here": ["habits/index.md"]}, {"Deep work": ["focus/index.md", {"Preparation": ["focus/more.md"]}]}]
    # habits/ is split over two sections, neither named after it, so neither names it; Deep work
    # holds all of focus/
    assert nav_titles(nav, ["habits", "focus"]) == {"focus": "Deep work"}
    # split, but one of the sections is named after the folder: that one names it
    nav[1] = {"Habits": ["habits/index.md"]}
    assert nav_titles(nav, ["habits", "focus"]) == {"focus": "Deep work", "habits": "Habits"}



def test_the_label_of_an_index_page_inside_its_folder_s_section_never_names_the_folder():
    from handbook.checks.categories import nav_titles

    # awesome-pages' `- Home: index.md` in every folder; '' is a section MkDocs made up from the folder name
    nav = [{"Home": "index.md"}, {"": [{"Home": "habits/index.md"}, "habits/tiny.md"]},
           {"Deep work": [{"Home": "focus/index.md"}]}]
    assert nav_titles(nav, ["habits", "focus"]) == {"focus": "Deep work"}  # habits: its index page's own title
    # with no section of its own, the page's label is the folder's title
    assert nav_titles([{"Habits": "habits/index.md"}, "habits/tiny.md"], ["habits"]) == {"habits": "Habits"}

# The shape of a real handbook's nav (Funky Penguin's Geek Cookbook, MIT): tabs with emoji, each
# holding a "Preparation" sub-section with the whole of its own folder, and recipes from another
# folder; recipes spread over two tabs; a "Community" tab that also lists a page from the root.
COOKBOOK_NAV = [
    {"Home": "index.md"},
    {"🐳 Docker Swarm": [
        "docker-swarm/index.md",
        {"Preparation": [{"Design": "docker-swarm/design.md"}, {"Nodes": "docker-swarm/nodes.md"}]},
        {"Essentials": [{"Traefik": "docker-swarm/traefik.md"}, {"Mail Server": "recipes/mail.md"}]},
        {"Recipes": [{"Auto Pirate": ["recipes/autopirate/index.md", {"Radarr": "recipes/autopirate/radarr.md"}]},
                     {"Plex": "recipes/plex.md"}, {"Ghost": "recipes/ghost.md"}]},
        {"Reference": [{"Networks": "reference/networks.md"}]},
    ]},
    {"⛴ Kubernetes": [
        {"Preparation": ["kubernetes/index.md", {"Cluster": ["kubernetes/cluster/index.md"]}]},
        {"Recipes": [{"Loki": "recipes/kubernetes/loki.md"}]},
    ]},
    {"🚀 Get Premix!": ["premix/index.md", {"Reference": [{"Design": "premix/ansible/design.md"}]}]},
    {"Support": "support.md"},
    {"Contribute": "community/contribute.md"},
    {"Community": ["community/index.md", {"Support": "support.md"}, {"Contribute": "community/contribute.md"},
                   {"Discord": "community/discord.md"}]},
]


def test_a_real_handbook_s_nav_names_each_folder_after_its_own_tab():
    from handbook.checks.categories import nav_titles

    folders = ["docker-swarm", "kubernetes", "recipes", "reference", "premix", "community"]
    assert nav_titles(COOKBOOK_NAV, folders) == {
        "docker-swarm": "🐳 Docker Swarm",   # named after the folder, holds all of it (and recipes)
        "kubernetes": "⛴ Kubernetes",        # not its "Preparation" sub-section
        "recipes": "Recipes",                 # the Recipes section with most of recipes/
        "reference": "Reference",
        "premix": "🚀 Get Premix!",           # holds only premix/, all of it
        "community": "Community",             # named after it, though it lists support.md too
    }


def test_two_categories_with_one_title_are_a_finding(tmp_path):
    from handbook.checks.categories import duplicate_title_findings

    write_files(tmp_path, {"docs/a/index.md": "# Preparation\n", "docs/b/index.md": "# preparation\n",
                           "docs/c/index.md": "# Reviews\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: T\n")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    categories = find_categories(get_files(config), Path(config.docs_dir))
    [finding] = duplicate_title_findings(categories, "docs")
    assert (finding.code, finding.file) == ("duplicate-category-title", "docs/b/index.md")
    assert "a/ and b/ are both titled 'preparation'" in finding.message and "b/" in finding.fix


def test_materials_blog_folder_is_no_category_unless_its_index_asks_for_a_channel(tmp_path):
    from handbook.project import load_project

    write_files(tmp_path, {"docs/index.md": "# Home\n", "docs/blog/index.md": "# Blog\n",
                           "docs/habits/index.md": "# Habits\n"})
    (tmp_path / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\nplugins:\n  - blog\n")
    assert [c.folder for c in load_project(tmp_path / "mkdocs.yml").categories()] == ["habits"]
    write_files(tmp_path, {"docs/blog/index.md": "---\nchannel: news\n---\n# Blog\n"})
    assert [c.folder for c in load_project(tmp_path / "mkdocs.yml").categories()] == ["blog", "habits"]
