"""The discuss box of a page in a forum category links the page's own post from discussions.yml
(`https://discord.com/channels/GUILD/THREAD`); a page without a post, or whose post is archived,
links the forum channel as any channel; a discussions.yml that cannot be read stops the build
naming its line."""

from __future__ import annotations

from discuss_html import discuss_link
from sitekit import build_site, write_files

GUILD, FORUM, POST, OLD = "700000000000000001", "700000000000000002", "700000000000000003", "700000000000000004"


def discuss(built, page: str) -> dict:
    return discuss_link(built.html(page))


def site(tmp_path, discussions: str) -> None:
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: Small Circle\ntheme:\n  name: material\nplugins:\n  - handbook:\n      history: false\n",
        "docs/index.md": "# Welcome\n\nAsk in #sketching.\n",
        "docs/sketching/index.md": "# Sketching\n\nOne sketch a day.\n",
        "docs/sketching/daily.md": "# Daily sketching\n\nEvery day.\n",
        "docs/sketching/ink.md": "---\ndiscussion_id: inking\n---\n# Ink\n\nPens.\n",
        "docs/sketching/old.md": "# Old\n\nA page whose post was archived.\n",
        "channel_map.yml": f'server:\n  guild_id: "{GUILD}"\ndiscord_categories:\n  - name: Topics\n    channels:\n'
                           f'      - name: sketching\n        kind: topic\n        id: "{FORUM}"\n'
                           "        category: sketching\n        discussions: forum\n",
        "discussions.yml": discussions,
    })


def test_pages_link_their_own_post_else_the_forum(tmp_path):
    site(tmp_path, f'posts:\n  sketching/daily-sketching.md:\n    post: "{POST}"\n    path: sketching/daily.md\n'
                   f'  inking:\n    post: "{OLD[:-1]}5"\n    path: sketching/pens.md\n'
                   f'  sketching/old.md:\n    post: "{OLD}"\n    path: sketching/old.md\n    archived: true\n')
    built = build_site(tmp_path)
    assert built.aborted is None and built.warnings == [], built.warnings
    daily = discuss(built, "sketching/daily/index.html")
    assert daily["href"] == f"https://discord.com/channels/{GUILD}/{POST}" and "data-handbook-post" in daily
    assert discuss(built, "sketching/ink/index.html")["href"] == f"https://discord.com/channels/{GUILD}/{OLD[:-1]}5"
    assert f'class="handbook-mention" href="https://discord.com/channels/{GUILD}/{FORUM}"' in built.html("index.html")
    for page in ("sketching/old/index.html", "sketching/index.html"):
        link = discuss(built, page)
        assert link["href"] == f"https://discord.com/channels/{GUILD}/{FORUM}" and "data-handbook-post" not in link


def test_a_discussions_file_that_cannot_be_read_stops_the_build_with_its_line(tmp_path):
    site(tmp_path, "posts:\n  sketching/daily.md:\n    post: 700000000000000003\n")
    built = build_site(tmp_path)
    assert built.aborted is not None
    assert "discussions.yml:3" in str(built.errors) + built.aborted and "is not a Discord id" in str(built.errors) + built.aborted
