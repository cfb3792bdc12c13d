"""The pages the plugin generates (channels, roles, communities, reviews, changelog) are in the
site's nav when the site has no explicit `nav:` (issue 32, "Adopting on real sites"). A real git
repository, a real build, the nav of the built HTML."""

from __future__ import annotations

from bs4 import BeautifulSoup
from history_gitrepo import CHANNEL_MAP_V1, GitRepo
from sitekit import build_site

COMMUNITIES = """\
- name: Habit builders
  url: https://habits.example.org/
  description: People who build habits together.
"""


def test_every_generated_page_is_in_the_nav_without_an_explicit_nav(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("mkdocs.yml", "site_name: Campfire\ntheme:\n  name: material\nplugins:\n"
                             "  - handbook:\n      review_every: 1 year\n")
    repo.write("channel_map.yml", CHANNEL_MAP_V1)
    repo.write("communities.yml", COMMUNITIES)
    repo.write("docs/index.md", "# Home\n")
    repo.write("docs/habits/index.md", "# Habits\n")
    repo.write("docs/focus/index.md", "# Focus\n")
    repo.commit("The handbook")
    built = build_site(repo.root)
    assert built.aborted is None, built.errors
    nav = BeautifulSoup(built.html("index.html"), "html.parser").select_one("nav.md-nav--primary")
    links = {a["href"].strip("/").removeprefix("./") for a in nav.select("a[href]")}
    for page in ("channels", "roles", "communities", "reviews", "changelog"):
        assert page in links, f"{page} is not in the nav: {sorted(links)}"
        assert (built.site_dir / page / "index.html").is_file()
