"""`handbook links check` and `handbook schema communities` on this repository's handbook, against local servers."""

from __future__ import annotations

import json

import pytest

from ruamel.yaml import YAML

from handbook.cli.app import main
from link_handbook import copy_handbook, handbook_routes, local_url
from link_servers import LinkServer, Reply
from paths import ROOT


@pytest.fixture
def server(monkeypatch):
    with LinkServer(handbook_routes(), default=Reply(200)) as running:
        monkeypatch.setenv("HANDBOOK_DISCORD_API_URL", running.url + "/api")
        yield running


@pytest.fixture
def handbook(tmp_path, server):
    return copy_handbook(tmp_path, server.url)


def links_check(handbook, *args: str) -> int:
    return main(["links", "check", "-f", str(handbook.root / "mkdocs.yml"), *args])


def status_file(handbook) -> dict:
    return json.loads((handbook.root / "link_status.json").read_text(encoding="utf-8"))


def test_check_finds_the_dead_and_moved_links_with_file_and_line(handbook, server, capsys):
    assert links_check(handbook) == 1
    out = capsys.readouterr().out
    assert f"docs/habits/tiny-habits.md:{handbook.dead_line}: dead: {handbook.dead_url} (HTTP 404)" in out
    assert (f"docs/habits/tiny-habits.md:{handbook.moved_line}: redirected: {handbook.moved_url} -> "
            f"{server.url}/new-home") in out
    assert "docs/joining.md:17: dead: https://discord.gg/campfire-practice (invite expired)" in out
    links = {link["url"]: link for link in status_file(handbook)["links"]}
    communities = YAML(typ="safe").load((ROOT / "communities.yml").read_text(encoding="utf-8"))
    assert {local_url(server.url, c["url"]) for c in communities} <= links.keys()
    assert all(url.startswith((server.url, "https://discord.gg/")) for url in links)
    assert handbook.moved_url in links  # checked without its #fragment
    dead = links[handbook.dead_url]
    assert (dead["status"], dead["code"], dead["where"]) == (
        "dead", 404, [{"file": "docs/habits/tiny-habits.md", "line": handbook.dead_line}])
    moved = links[handbook.moved_url]
    assert (moved["status"], moved["final_url"]) == ("redirected", f"{server.url}/new-home")
    invite = links["https://discord.gg/obsidianmd"]
    assert invite["discord"] == {"members": 321, "online": 12, "expires_at": None}
    assert invite["where"][0]["file"] == "communities.yml"
    expired = links["https://discord.gg/campfire-practice"]
    assert expired["status"] == "dead"  # the copy in a code block of the maintainers' guide is no link
    assert expired["where"] == [{"file": "docs/joining.md", "line": 17},
                                {"file": "docs/discord-manual/glossary.md", "line": 121}]


def test_a_second_run_within_the_cache_age_asks_nothing(handbook, server, capsys):
    links_check(handbook)
    asked = len(server.requests)
    assert links_check(handbook) == 1  # the dead link is still dead, from the cache
    assert len(server.requests) == asked
    assert "0 requests" in capsys.readouterr().out
    assert links_check(handbook, "--no-cache") == 1
    assert len(server.requests) == 2 * asked


def test_only_communities_keeps_the_pages_results(handbook, server):
    links_check(handbook, "--only", "pages")
    pages = status_file(handbook)["links"]
    assert all(w["file"].startswith("docs/") for link in pages for w in link["where"])
    server.requests.clear()
    links_check(handbook, "--only", "communities", "--no-cache")
    asked = {path for _, path in server.requests}
    assert asked and all("reddit" in p or "obsidian" in p or "zettelkasten" in p or "processing" in p
                         or "/invites/obsidianmd" in p for p in asked)
    urls = {link["url"] for link in status_file(handbook)["links"]}
    assert {link["url"] for link in pages} <= urls and "https://discord.gg/obsidianmd" in urls


def test_json_output(handbook, capsys):
    assert links_check(handbook, "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    first = data["links"][0]
    assert set(first) >= {"url", "status", "code", "final_url", "checked_at", "where"}
    assert data["links"] == status_file(handbook)["links"]


def test_all_alive_exits_0(tmp_path, server, monkeypatch, capsys):
    handbook = copy_handbook(tmp_path, server.url, extra_config="        exclude: ['old-', 'campfire-practice$']")
    assert links_check(handbook) == 0
    assert "dead" not in capsys.readouterr().out


def test_a_bad_communities_file_is_one_line_and_exit_2(handbook, server, capsys):
    (handbook.root / "communities.yml").write_text("- name: X\n  url: nowhere\n  description: d\n", encoding="utf-8")
    assert links_check(handbook) == 2
    err = capsys.readouterr().err
    assert err == ("handbook links check: error: communities.yml:2:8: `url` of community `X` is not a web address: "
                   "'nowhere'. Fix: write the full address, starting with https://\n")
    assert server.requests == []
    assert links_check(handbook, "--format", "json") == 2
    assert json.loads(capsys.readouterr().out)["error"]["line"] == 2


def test_a_broken_status_file_is_bad_input(handbook, capsys):
    (handbook.root / "link_status.json").write_text("{ not json", encoding="utf-8")
    assert links_check(handbook) == 2
    assert "link_status.json:1:3: is not valid JSON" in capsys.readouterr().err


def test_schema_communities_and_the_map_schema_stay_the_default(capsys):
    assert main(["schema", "communities"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "communities.yml"
    assert main(["schema"]) == 0
    default = capsys.readouterr().out
    assert main(["schema", "channel-map"]) == 0
    assert capsys.readouterr().out == default and "discord_categories" in default


def test_a_bad_link_check_option_is_mkdocs_wording_and_exit_2(tmp_path, server, capsys):
    handbook = copy_handbook(tmp_path, server.url, extra_config="        hosts: {slow.example: {concurrency: 0}}")
    assert links_check(handbook) == 2
    err = capsys.readouterr().err
    assert err.startswith("handbook links check: error: ") and "link_check" in err and "at least 1" in err
    assert server.requests == []


def test_progress_on_a_terminal(handbook, monkeypatch, capsys):
    import sys

    class Terminal:
        def __init__(self):
            self.text = ""

        def write(self, text):
            self.text += text

        def flush(self):
            pass

        def isatty(self):
            return True

    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    links_check(handbook, "--only", "communities")
    assert "\rchecking links: 1/16" in terminal.text and "\rchecking links: 16/16" in terminal.text
    assert terminal.text.endswith("\r\033[K")  # the line is cleared before the summary
