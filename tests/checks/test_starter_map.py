"""The starter map `handbook sync` writes holds only what the docs imply (issue 32, "Adopting on
real sites"): a topic channel per handbook category. Example roles and channels are comments, so
`handbook discord apply` creates nothing made up on the server and the site publishes no example role."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup
from cli_run import run
from fake_discord import fake  # noqa: F401  (fixture)
from sitekit import build_site, write_files

from handbook.channelmap.loader import load_channel_map

MKDOCS = "site_name: Campfire\nplugins:\n  - handbook\n"
DOCS = {
    "docs/index.md": "# Home\n",
    "docs/habits/index.md": "# Habits\n",
    "docs/focus/index.md": "# Focus\n",
}


def test_a_fresh_sites_starter_map_plans_only_the_topic_channels(fake, tmp_path, monkeypatch, capsys):  # noqa: F811
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, **DOCS})
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "sync")
    assert code == 0, out + err
    text = (tmp_path / "channel_map.yml").read_text()
    assert "#   - name: moderator" in text and "#     - name: announcements" in text  # examples, as comments
    channel_map = load_channel_map(tmp_path / "channel_map.yml")
    assert channel_map.roles == []
    assert [c.name for c in channel_map.channels()] == ["focus", "habits"]

    code, out, err = run(capsys, "discord", "plan", "--guild", fake.guild_id, "--format", "json")
    assert code == 1, out + err
    operations = [(o["op"], o["name"]) for o in json.loads(out)["operations"] if o["op"] != "reorder"]
    assert sorted(operations) == [("create", "#focus"), ("create", "#habits"),
                                  ("create-category", '"Handbook Topics"')]


def test_a_fresh_sites_roles_page_names_no_made_up_role(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, **DOCS})
    monkeypatch.chdir(tmp_path)
    assert run(capsys, "sync")[0] == 0
    built = build_site(tmp_path)
    assert built.aborted is None, built.errors
    page = BeautifulSoup(built.html("roles/index.html"), "html.parser")
    assert page.h1 is not None and page.h1.get_text(strip=True).startswith("Roles and permissions")
    assert [code.get_text() for code in page.select("table code")] == []  # no role, so none made up
    channels = BeautifulSoup(built.html("channels/index.html"), "html.parser").body.get_text(" ")
    assert "#focus" in channels and "announcements" not in channels
