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
