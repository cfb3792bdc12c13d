"""A site's own copy of one of the plugin's partials (in its `custom_dir`) still wins: the boxes
are written in Python for speed, but the partials stay the places a site overrides them."""

from __future__ import annotations

from sitekit import build_site, commit_all, write_files

CHANNEL_MAP = """\
server:
  name: Test Community
discord_categories:
  - name: Topics
    channels:
      - name: habits
        kind: topic
        category: habits
"""
MKDOCS_YML = """\
site_name: Test Handbook
theme:
  name: material
  custom_dir: overrides
plugins:
  - handbook:
      drift: ignore
"""
DOCS = {
    "docs/index.md": "# Welcome\n",
    "docs/habits/index.md": "# Habits\n",
    "docs/habits/tiny.md": "---\nlast_reviewed: 2024-02-01\nowner: Ada\n---\n# Tiny habits\n\nOne push-up.\n",
}


def build(tmp_path, overrides: dict[str, str]):
    write_files(tmp_path, {**DOCS, "mkdocs.yml": MKDOCS_YML, "channel_map.yml": CHANNEL_MAP,
                           **{f"overrides/partials/{name}": text for name, text in overrides.items()}})
    commit_all(tmp_path, "Import the handbook")
    built = build_site(tmp_path, as_command=True)
    assert not built.errors and not built.aborted
    return built.html("habits/tiny/index.html")


def test_an_own_review_line_shows_inside_the_history_box(tmp_path):
    html = build(tmp_path, {"handbook-review.html":
                            '<span class="my-review">Read again {{ handbook_review.reviewed_iso }}</span>\n'})
    box = html[html.index('<aside class="md-source-file handbook-history"'):]
    box = box[:box.index("</aside>")]
    assert '<span class="my-review">Read again 2024-02-01</span>' in box
    assert "handbook-review" not in box  # ours is replaced, not added to
    assert "handbook-history__updated" in box  # the rest of the box is ours


def test_an_own_history_box_and_discuss_box_replace_ours(tmp_path):
    html = build(tmp_path, {
        "handbook-history.html": '<p class="my-history">{{ handbook_history.contributors | join(", ") }}</p>\n',
        "handbook-discuss.html": '<p class="my-discuss">#{{ handbook_discuss.channel }}</p>\n',
    })
    assert '<p class="my-history">Ada Lovelace</p>' in html and "handbook-history" not in html
    assert '<p class="my-discuss">#habits</p>' in html and "data-handbook-discuss" not in html
