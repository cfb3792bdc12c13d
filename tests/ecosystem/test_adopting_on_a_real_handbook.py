"""Adopting handbook on a site shaped like a real public handbook, with all of its plugins.

The shape is that of Funky Penguin's Geek Cookbook (MIT): tabs with emoji, a "Preparation"
sub-section in two tabs, recipes from one folder spread over two tabs, Material's blog with tags
and an RSS feed of its posts, and beside them minify, autolinks, git-revision-date-localized,
macros and meta-descriptions, with the Markdown extensions it enables (arithmatex, critic, caret,
mark, tilde, emoji, snippets, magiclink). The pages are ours, not the cookbook's.

The user's path: add `handbook` to the plugins, run `handbook sync`, build `--strict`.
"""

from __future__ import annotations

import pytest
import sitekit
from ecosystem_site import build_strict

from handbook.cli import main

MKDOCS_YML = """\
site_name: The Geeky Kitchen
site_url: https://kitchen.example.org/
repo_url: https://github.com/example/kitchen
edit_uri: edit/main/docs/
plugins:
  - search
  - minify:
      minify_html: true
  - autolinks
  - git-revision-date-localized:
      type: date
      fallback_to_build_date: true
  - macros:
      include_dir: _includes
  - meta-descriptions
  - meta
  - blog:
      post_url_format: "{date}/{file}"
  - tags
  - rss:
      match_path: blog/posts/.*
      date_from_meta:
        as_creation: date
  - handbook
nav:
  - Home: index.md
  - 🐳 Docker Swarm:
    - docker-swarm/index.md
    - Preparation:
      - Design: docker-swarm/design.md
      - Nodes: docker-swarm/nodes.md
    - Essentials:
      - Traefik: docker-swarm/traefik.md
      - Mail Server: recipes/mail.md
    - Recipes:
      - Auto Pirate:
        - recipes/autopirate/index.md
        - Radarr: recipes/autopirate/radarr.md
      - Plex: recipes/plex.md
    - Reference:
      - Networks: reference/networks.md
  - ⛴ Kubernetes:
    - Preparation:
      - kubernetes/index.md
      - Cluster: kubernetes/cluster.md
    - Recipes:
      - Loki: recipes/kubernetes/loki.md
  - 🚀 Get Premix!:
    - premix/index.md
  - 🪵 Blog:
    - blog/index.md
  - Support: support.md
  - Community:
    - community/index.md
    - Support: support.md
    - Discord: community/discord.md
theme:
  name: material
  features: [navigation.tabs, navigation.sections, navigation.indexes, navigation.path]
markdown_extensions:
  - attr_list
  - admonition
  - toc:
      permalink: false
  - footnotes
  - pymdownx.critic
  - pymdownx.arithmatex
  - pymdownx.betterem:
      smart_enable: all
  - pymdownx.caret
  - pymdownx.details
  - pymdownx.snippets:
      check_paths: true
      base_path: _snippets
  - pymdownx.emoji:
      emoji_index: !!python/name:material.extensions.emoji.twemoji
      emoji_generator: !!python/name:material.extensions.emoji.to_svg
  - pymdownx.magiclink
  - pymdownx.mark
  - pymdownx.smartsymbols
  - pymdownx.superfences
  - pymdownx.tilde
  - pymdownx.tabbed:
      alternate_style: true
  - md_in_html
"""

DOCS = {
    "index.md": "# The Geeky Kitchen\n\nRecipes for self-hosting, {{ 'with macros' }}.\n",
    "support.md": "# Support\n\nAsk in the community.\n",
    "docker-swarm/index.md": "---\ntitle: Why use Docker Swarm?\ndescription: A swarm of your own.\n---\n\n# Why use Docker Swarm?\n\nSee [the design](design.md).\n",
    "docker-swarm/design.md": "# Design\n\nThree nodes, $x^2$ and \\(y\\).\n",
    "docker-swarm/nodes.md": "# Nodes\n\n--8<-- \"recipe-footer.md\"\n",
    "docker-swarm/traefik.md": "# Traefik\n\nA proxy. :smile:\n",
    "recipes/mail.md": "# Mail Server\n\nPostfix.\n",
    "recipes/plex.md": "# Plex\n\n==Streams== your ^^media^^.\n",
    "recipes/autopirate/index.md": "# Auto Pirate\n\nA bundle.\n",
    "recipes/autopirate/radarr.md": "# Radarr\n\nMovies.\n",
    "recipes/kubernetes/loki.md": "# Loki\n\nLogs.\n",
    "reference/networks.md": "# Networks\n\nOverlay networks.\n",
    "kubernetes/index.md": "---\ndescription: Why I moved to Kubernetes.\n---\n\n# Docker Swarm vs Kubernetes\n\nA story.\n",
    "kubernetes/cluster.md": "# Cluster\n\nk3s.\n",
    "premix/index.md": "# Premix\n\nAnsible playbooks.\n",
    "community/index.md": "# Our geeky communities\n\nDiscord, Matrix, Reddit.\n",
    "community/discord.md": "# Discord\n\nJoin us.\n",
    "blog/index.md": "# Blog\n",
    "blog/posts/hello.md": "---\ndate: 2024-02-01\ncategories: [news]\ntags: [welcome]\n---\n\n# Hello\n\nThe kitchen is open.\n",
}


@pytest.fixture(scope="module")
def adopted(tmp_path_factory):
    root = tmp_path_factory.mktemp("kitchen")
    sitekit.write_files(root, {f"docs/{path}": text for path, text in DOCS.items()})
    sitekit.write_files(root, {"_snippets/recipe-footer.md": "Enjoy the recipe!\n",
                               "_includes/.keep": "", ".gitignore": "site/\n"})
    (root / "mkdocs.yml").write_text(MKDOCS_YML, encoding="utf-8")
    sitekit.commit_all(root, "Start the kitchen")
    sitekit.write_files(root, {"docs/recipes/plex.md": "# Plex\n\n==Streams== your ^^media^^, and music.\n"})
    sitekit.commit_all(root, "Remove Slack docs (no longer a free account) for $0 ~~now~~",
                       date="2024-05-30T10:00:00+00:00")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(root)
        assert main(["sync"]) == 0
        assert main(["check"]) == 0
    sitekit.commit_all(root, "Adopt handbook", date="2024-06-01T10:00:00+00:00")
    site = build_strict(root)
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)
    return site


def test_each_folder_is_named_after_its_own_tab_not_a_sub_section(adopted):
    assert adopted.categories() == {
        "docker-swarm": "🐳 Docker Swarm",
        "recipes": "Recipes",
        "reference": "Reference",
        "kubernetes": "⛴ Kubernetes",
        "premix": "🚀 Get Premix!",
        "community": "Community",
    }  # and the blog folder is no category
    channel_map = (adopted.root / "channel_map.yml").read_text(encoding="utf-8")
    assert "Preparation" not in channel_map and "name: blog" not in channel_map


def test_a_commit_subject_reads_as_written_under_the_maths_and_mark_extensions(adopted):
    changelog = adopted.html("changelog/index.html")
    entries = " ".join(changelog.text_of("li"))
    assert "Remove Slack docs (no longer a free account) for $0 ~~now~~" in entries
    raw = adopted.text("changelog/index.html")
    assert "arithmatex" not in raw and "<del>" not in raw


def test_every_other_plugin_keeps_its_output(adopted):
    home = adopted.text("index.html")
    assert "with macros" in home and "{{" not in home  # macros rendered the page
    assert "\n\n" not in home  # minified
    design = adopted.html("docker-swarm/design/index.html")
    assert design.select("span", "git-revision-date-localized-plugin-date")
    assert design.select("span", "handbook-history__contributors")  # ours: what theirs does not show
    assert "arithmatex" in adopted.text("docker-swarm/design/index.html")  # the page's own maths
    assert "Enjoy the recipe!" in adopted.text("docker-swarm/nodes/index.html")  # snippets
    assert adopted.html("docker-swarm/index.html").select("a", href="design/")  # autolinks, relative
    descriptions = [m.attrs.get("content") for m in adopted.html("recipes/plex/index.html").select("meta", name="description")]
    assert descriptions and descriptions[0].startswith("Streams your media")  # meta-descriptions, from the text
    assert "<rss" in adopted.text("feed_rss_created.xml") and "Hello" in adopted.text("feed_rss_created.xml")
    assert "<feed" in adopted.text("feed.xml")  # ours, beside theirs
    assert adopted.exists("blog/2024/02/01/hello/index.html")


def test_our_generated_pages_carry_the_titles(adopted):
    channels = " ".join(adopted.html("channels/index.html").text_of("td"))
    assert "⛴ Kubernetes" in channels and "🐳 Docker Swarm" in channels and "Preparation" not in channels
