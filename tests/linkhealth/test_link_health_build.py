"""Real builds: dead links from the last check as warnings, the directory's HTML, and never a request."""

from __future__ import annotations

import datetime as dt
import json
import logging
from html.parser import HTMLParser

import pytest

from handbook.cli.app import main
from link_handbook import copy_handbook, handbook_routes
from link_servers import LinkServer, Reply
from sitekit import build_site, write_files

COMMUNITIES = """\
- name: Sketch Club
  url: https://sketch.example/
  description: Drawing every day & sharing it.
  platform: discourse
  topics: [creative practice, habits]
  cost: free
- name: Morning Pages
  url: https://pages.example/
  description: Journaling first thing.
  platform: discord
  invite: https://discord.gg/pages
  topics: [journaling]
- name: Old Forum
  url: https://old.example/
  description: Went quiet.
  platform: forum
- name: Moved Along
  url: https://moved.example/
  description: Has a new home.
  topics: [habits]
"""

PAGE = """\
# Home

Read [the study](https://study.example/paper) and
[the guide](https://guide.example/start#intro).

```
[not a link](https://study.example/paper)
```
"""


def status(checked_at: str, *links: dict) -> str:
    return json.dumps({"version": 1, "checked_at": checked_at, "links": list(links)})


def link(url: str, state: str, **more) -> dict:
    return {"url": url, "status": state, "code": more.pop("code", 200), "final_url": more.pop("final_url", None),
            "checked_at": more.pop("checked_at", RECENT), "where": [], **more}


RECENT = dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat()
LAST = status(RECENT,
              link("https://study.example/paper", "dead", code=404, error="HTTP 404"),
              link("https://guide.example/start", "redirected", code=200, final_url="https://guide.example/v2/"),
              link("https://sketch.example/", "ok"),
              link("https://pages.example/", "ok"),
              link("https://discord.gg/pages", "ok", discord={"members": 1500, "online": 42, "expires_at": None}),
              link("https://old.example/", "dead", code=410, error="HTTP 410"),
              link("https://moved.example/", "redirected", code=200, final_url="https://new.example/"))


def site(tmp_path, options: str = "", files: dict | None = None):
    write_files(tmp_path, {
        "mkdocs.yml": f"site_name: Test\ntheme:\n  name: material\nplugins:\n  - handbook:\n"
                       f"      history: false\n      drift: ignore\n{options}",
        "docs/index.md": PAGE,
        "communities.yml": COMMUNITIES,
        **(files or {}),
    })
    return build_site(tmp_path)


def lines(built, level: int) -> list[str]:
    """What the handbook plugin logged at `level`, without the logger's `handbook: ` prefix."""
    return [line.removeprefix("handbook: ") for line in built.handbook_lines(level)]


class Entries(HTMLParser):
    """The directory's entries: their data attributes and text."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[dict] = []
        self.form: dict | None = None
        self.groups: list[str] = []
        self._in = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "handbook-community" in (attrs.get("class") or "").split():
            self.entries.append({**attrs, "text": ""})
            self._in = True
        if tag == "form":
            self.form = attrs
        if "handbook-community-group" in (attrs.get("class") or "").split():
            self.groups.append(attrs["data-topic"])

    def handle_endtag(self, tag):
        if tag == "li":
            self._in = False

    def handle_data(self, data):
        if self._in:
            self.entries[-1]["text"] += data


def entries(built) -> Entries:
    parser = Entries()
    parser.feed(built.html("communities/index.html"))
    return parser


def test_dead_links_of_the_last_check_are_warnings_with_file_and_line(tmp_path):
    built = site(tmp_path, files={"link_status.json": LAST})
    warnings = lines(built, logging.WARNING)
    assert ("docs/index.md:3: https://study.example/paper was dead at the last link check on "
            f"{RECENT[:10]} (HTTP 404) [dead-link] Fix: update the link or remove it; if it works again, "
            "run `handbook links check` to update link_status.json") in warnings
    assert any(w.startswith("communities.yml:13: https://old.example/ (community `Old Forum`) was dead") for w in warnings)
    assert len(warnings) == 2  # once for the page (not for the copy in code), once for the community
    infos = lines(built, logging.INFO)
    assert ("docs/index.md:4: https://guide.example/start#intro moved permanently to https://guide.example/v2/ "
            "[moved-link] Fix: link to https://guide.example/v2/ instead") in infos
    assert any("communities.yml:17: https://moved.example/ (community `Moved Along`) moved permanently" in i
               for i in infos)


def test_a_dead_link_s_line_counts_the_page_s_front_matter(tmp_path):
    page = "---\ntitle: Reading\ndescription: What we read\n---\n\n# Reading\n\nSee [the paper](https://study.example/paper).\n"
    built = site(tmp_path, files={"link_status.json": LAST, "docs/reading.md": page})
    assert any(w.startswith("docs/reading.md:8: https://study.example/paper was dead")
               for w in lines(built, logging.WARNING)), lines(built, logging.WARNING)


@pytest.mark.parametrize("level, warned, informed", [("info", 0, 4), ("ignore", 0, 0)])
def test_link_health_sets_the_level(tmp_path, level, warned, informed):
    built = site(tmp_path, f"      link_health: {level}\n", {"link_status.json": LAST})
    assert len([w for w in lines(built, logging.WARNING) if "-link]" in w]) == warned
    assert len([i for i in lines(built, logging.INFO) if "-link]" in i]) == informed


def test_an_old_status_file_is_one_info_line(tmp_path):
    old = (dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=40)).replace(microsecond=0).isoformat()
    built = site(tmp_path, files={"link_status.json": status(old, link("https://sketch.example/", "ok", checked_at=old))})
    stale = [i for i in lines(built, logging.INFO) if "last link check was" in i]
    assert stale == [f"link_status.json: the last link check was 40 days ago ({old[:10]}), so link health may be "
                     "out of date. Fix: run `handbook links check` (a weekly CI job does it: see the maintainers' guide)"]
    assert lines(built, logging.WARNING) == []


def test_the_directory_shows_health_grouped_by_topic(tmp_path):
    built = site(tmp_path, files={"link_status.json": LAST})
    parsed = entries(built)
    by_name = {e["text"].strip().split("\n")[0]: e for e in parsed.entries}
    assert {name.split(" ·")[0] for name in by_name} == {"Sketch Club", "Morning Pages", "Old Forum", "Moved Along"}
    states = {name.split(" ·")[0]: e["data-link-status"] for name, e in by_name.items()}
    assert states == {"Sketch Club": "ok", "Morning Pages": "ok", "Old Forum": "dead", "Moved Along": "redirected"}
    assert parsed.groups == ["creative-practice", "habits", "journaling", "other"]
    morning = next(e for n, e in by_name.items() if n.startswith("Morning Pages"))
    assert "invite alive: 1,500 members, 42 online" in morning["text"]
    assert f"checked {RECENT[:10]}" in morning["text"]
    assert morning["data-platform"] == "discord" and morning["data-topics"] == "journaling"
    sketch = next(e for n, e in by_name.items() if n.startswith("Sketch Club"))
    assert sketch["data-topics"] == "creative-practice habits"
    assert "Drawing every day & sharing it." in sketch["text"]
    html = built.html("communities/index.html")
    assert 'moved to <a href="https://new.example/">' in html
    # the filter is hidden until the script shows it, so without JavaScript the whole list is there
    assert parsed.form is not None and "hidden" in parsed.form
    assert 'select name="topic"' in html and '<option value="creative-practice">creative practice</option>' in html
    assert "form.hidden = false" in html


def test_without_a_status_file_everything_is_not_checked(tmp_path):
    built = site(tmp_path)
    assert built.warnings == []
    parsed = entries(built)
    assert [e["data-link-status"] for e in parsed.entries] == ["unchecked"] * 4
    assert "These links have not been checked yet." in built.html("communities/index.html")
    assert "invite not checked" in built.html("communities/index.html")


def test_an_expired_invite_says_so(tmp_path):
    last = status(RECENT, link("https://pages.example/", "ok"),
                  link("https://discord.gg/pages", "dead", code=404, error="invite expired"))
    built = site(tmp_path, files={"link_status.json": last})
    morning = next(e for e in entries(built).entries if "Morning Pages" in e["text"])
    assert morning["data-link-status"] == "dead" and "invite expired" in morning["text"]
    assert any("communities.yml:11: https://discord.gg/pages (community `Morning Pages`) was dead" in w
               and "ask the community for a new invite" in w for w in built.warnings)


def test_no_communities_file_no_directory(tmp_path):
    write_files(tmp_path, {"mkdocs.yml": "site_name: T\nplugins:\n  - handbook:\n      history: false\n",
                           "docs/index.md": "# Hi\n"})
    built = build_site(tmp_path)
    assert built.aborted is None and not (tmp_path / "site" / "communities").exists()


def test_a_bad_communities_file_stops_the_build_with_its_line(tmp_path):
    built = site(tmp_path, files={"communities.yml": "- name: X\n  url: https://x.example/\n  description: d\n  cost: cheap\n"})
    assert built.aborted
    assert any("communities.yml:4:9: unknown cost `cheap` in community `X`" in e and "Fix: write one of: free, paid" in e
               for e in built.errors)


def test_a_page_of_that_name_wins_over_the_directory(tmp_path):
    built = site(tmp_path, files={"docs/communities.md": "# Our own list\n"})
    assert "Our own list" in built.html("communities/index.html")
    assert any("docs/communities.md exists, so the generated community directory is not written" in w
               for w in built.warnings)


def test_this_handbook_builds_with_the_last_check_and_makes_no_request(tmp_path, monkeypatch):
    with LinkServer(handbook_routes(), default=Reply(200)) as server:
        monkeypatch.setenv("HANDBOOK_DISCORD_API_URL", server.url + "/api")
        handbook = copy_handbook(tmp_path, server.url, extra_config="      history: false")
        assert main(["links", "check", "-f", str(handbook.root / "mkdocs.yml")]) == 1
        asked = len(server.requests)
        built = build_site(handbook.root)
        assert len(server.requests) == asked  # the build asked nothing
    assert built.aborted is None
    dead = [w for w in built.warnings if "[dead-link]" in w]
    assert any(f"docs/habits/tiny-habits.md:{handbook.dead_line}: {handbook.dead_url} was dead" in w for w in dead)
    assert {w.removeprefix("handbook: ").split(":")[0] for w in dead} == {"docs/habits/tiny-habits.md", "docs/joining.md",
                                               "docs/discord-manual/glossary.md"}
    assert [e["data-link-status"] for e in entries(built).entries] == ["ok"] * 15
    assert "invite alive: 321 members, 12 online" in built.html("communities/index.html")


def test_handbook_generate_writes_the_directory_and_the_plugin_replaces_it(tmp_path):
    site(tmp_path, files={"link_status.json": LAST})
    assert main(["generate", "-f", str(tmp_path / "mkdocs.yml")]) == 0
    written = (tmp_path / "docs" / "communities.md").read_text(encoding="utf-8")
    assert written.startswith("---\nhandbook_generated: true") and 'data-link-status="dead"' in written
    built = build_site(tmp_path)  # the plugin drops the generated file and makes its own: no clash
    assert not any("communities.md exists" in w for w in built.warnings)
    assert len(entries(built).entries) == 4
