"""A heading that names a private channel keeps no trace of the name: not in its text, not in its
`id`, its permalink, the table of contents, links from other pages, nor the search index.

The channel was renamed in git (`mod-log` became `mod-team`), so `#mod-log` in a heading is an
older private name: the mentions extension does not know it, the page privacy step does.
"""

from __future__ import annotations

import pytest

import sitekit
from history_gitrepo import GitRepo
from links_site import Html
from test_privacy import hostile_map, site_files

NOTES = ("# Notes\n\n## Notes from #mod-log\n\nWhat the moderators decided.\n\n"
         "## Notes from #mod-log\n\nA second heading of the same name.\n\n"
         "## The `mod-log` rota\n\nWho writes it.\n\n"
         "See [the notes](#notes-from-mod-log).\n")
HOME = "# Home\n\nRead [the moderators' notes](notes.md#notes-from-mod-log) and [the rota](notes.md#the-mod-log-rota).\n"
ROTA = ("# Rota\n\n## Who writes the notes {#mod-log-writers}\n\nThe moderators, in turn.\n\n"
        '<div id="mod-team-rota" markdown>\nThe rota itself.\n</div>\n\n'
        "Back to [the writers](#mod-log-writers).\n")
CONFIG = ("site_name: Anchors\nsite_url: https://handbook.example.org/\ntheme:\n  name: material\n"
          "markdown_extensions:\n  - attr_list\n  - md_in_html\n  - toc:\n      permalink: true\n"
          "plugins:\n  - search\n  - handbook:\n      drift: ignore\n      show_private_names: {show}\n")


def make_repository(root, show_names: bool) -> GitRepo:
    repo = GitRepo(root)
    repo.write("channel_map.yml", hostile_map("mod-log", staff_private=True))
    repo.write("docs/index.md", "# Home\n\nWelcome.\n")
    repo.commit("Start the handbook")
    repo.write("channel_map.yml", hostile_map("mod-team", staff_private=True))
    repo.write("docs/notes.md", NOTES)
    repo.write("docs/index.md", HOME)
    repo.write("docs/rota.md", ROTA)
    repo.commit("Rename the moderators' channel and write notes")
    repo.write("mkdocs.yml", CONFIG.format(show="true" if show_names else "false"))
    repo.commit("Configure the site")
    return repo


@pytest.fixture(scope="module", params=[False, True], ids=["names-hidden", "show_private_names"])
def built(request, tmp_path_factory):
    repo = make_repository(tmp_path_factory.mktemp("anchors") / "handbook", request.param)
    site = sitekit.build_site(repo.root)
    assert site.aborted is None, site.aborted
    return request.param, site, site_files(site.site_dir)


def test_no_output_file_names_the_private_channel(built):
    show_names, _, files = built
    assert {"notes/index.html", "index.html", "search/search_index.json", "sitemap.xml", "feed.xml"} <= set(files)
    found = sorted(name for name, text in files.items() if "mod-log" in text)
    if show_names:  # chosen: the name is published, as written
        assert "notes/index.html" in found and "search/search_index.json" in found
    else:
        assert found == []


def test_ids_permalinks_toc_and_links_agree(built):
    show_names, site, files = built
    slug = "mod-log" if show_names else "a-private-channel"
    notes = Html.parse(files["notes/index.html"])
    ids = [h.attrs["id"] for h in notes.select("h2")]
    assert ids == [f"notes-from-{slug}", f"notes-from-{slug}_1", f"the-{slug}-rota"]
    permalinks = [a.attrs["href"] for a in notes.select("a", "headerlink")]
    assert permalinks == ["#notes"] + [f"#{i}" for i in ids]
    toc = [a.attrs["href"] for a in notes.select("a", "md-nav__link") if a.attrs["href"].startswith("#")]
    assert [f"#{i}" for i in ids] == list(dict.fromkeys(t for t in toc if t != "#notes"))  # (Material: twice)
    in_page = [a.attrs["href"] for a in notes.select("a") if a.text.strip() == "the notes"]
    assert in_page == [f"#notes-from-{slug}"]
    home = Html.parse(files["index.html"])
    assert [a.attrs["href"] for a in home.select("a") if a.text.strip() in ("the moderators' notes", "the rota")] \
        == [f"notes/#notes-from-{slug}", f"notes/#the-{slug}-rota"]
    import json
    locations = [d["location"] for d in json.loads(files["search/search_index.json"])["docs"]]
    assert {f"notes/#{i}" for i in ids} <= set(locations)
    assert not [w for w in site.warnings if "anchor" in w]


def test_a_shallow_clone_says_that_earlier_private_names_are_unknown(tmp_path):
    """`git clone --depth 1` has only the last version of the map: `mod-log`, the channel's
    earlier name, is not known to be private there, and the build says so."""
    import subprocess

    repo = make_repository(tmp_path / "handbook", show_names=False)
    assert [w for w in sitekit.build_site(repo.root).warnings if "shallow" in w] == []
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True,
                   capture_output=True)
    shallow = sitekit.build_site(clone)
    assert shallow.aborted is None, shallow.aborted
    notices = [w for w in shallow.warnings if "shallow" in w]
    assert len(notices) == 1, shallow.warnings
    assert "private-name checks are incomplete" in notices[0]
    assert "earlier names of private channels" in notices[0] and "git fetch --unshallow" in notices[0]


def test_ids_an_author_wrote_are_renamed_with_a_warning_naming_file_and_line(built):
    show_names, site, files = built
    rota = Html.parse(files["rota/index.html"])
    warnings = sorted(w.split(" [")[0].removeprefix("handbook: ") for w in site.warnings if "[private-name]" in w
                      and "rota.md" in w)
    if show_names:
        assert {"mod-log-writers", "mod-team-rota"} <= rota.ids and warnings == []
        return
    assert {"a-private-channel-writers", "a-private-channel-rota"} <= rota.ids
    assert [a.attrs["href"] for a in rota.select("a") if a.text.strip() == "the writers"] == ["#a-private-channel-writers"]
    assert "#a-private-channel-writers" in [a.attrs["href"] for a in rota.select("a", "md-nav__link")]
    assert warnings == [
        'docs/rota.md:3: an id names mod-log, which is private; the published page says "a-private-channel" instead',
        'docs/rota.md:7: an id names mod-team, which is private; the published page says "a-private-channel" instead',
    ]
