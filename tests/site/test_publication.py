"""Which pages an announcement may name (`handbook.site.publication`): MkDocs' own rules from a
real mkdocs.yml (exclusions, drafts), and no page of a category whose topic channel is private,
asked with a page's path (and its path before a rename)."""

from __future__ import annotations

from sitekit import write_files

from handbook.site.publication import load_site

FILES = {
    "mkdocs.yml": """\
        site_name: Publication test
        site_url: https://handbook.example.org/
        exclude_docs: |
          _private/
        draft_docs: |
          *.draft.md
        plugins:
          - handbook:
              history: false
        """,
    "channel_map.yml": """\
        roles:
          - name: moderator
        discord_categories:
          - name: Topics
            channels:
              - name: habits
                kind: topic
                category: habits
          - name: Staff
            visibility: private
            roles: [moderator]
            channels:
              - name: rota
                kind: topic
                category: rota
        """,
    "docs/index.md": "# Home\n",
    "docs/habits/index.md": "# Habits\n",
    "docs/habits/tiny.md": "---\ntitle: Tiny habits\n---\nText.\n",
    "docs/habits/plan.draft.md": "# Plan\n",
    "docs/rota/index.md": "# Rota\n",
    "docs/_private/notes.md": "# Notes\n",
    "docs/_notes/open.md": "# Open notes\n",
}


def test_a_page_is_public_by_mkdocs_rules_and_the_maps_private_categories(tmp_path):
    write_files(tmp_path, FILES)
    site = load_site(tmp_path / "mkdocs.yml", None)
    assert site.is_public("habits/tiny.md") and site.is_public("_notes/open.md")
    assert not site.is_public("habits/plan.draft.md")  # a draft
    assert not site.is_public("_private/notes.md")  # excluded
    assert not site.is_public("rota/index.md")  # its category's topic channel is private
    assert not site.is_public("habits/rota.md", old_path="rota/rota.md")  # it was in the private category
    assert not site.is_public("habits/image.png")  # not a page
    assert site.page_title("habits/tiny.md") == "Tiny habits"
    assert site.page_title("habits/gone-page.md", removed=True) == "Gone page"
    assert site.page_url("habits/tiny.md") == "https://handbook.example.org/habits/tiny/"
