"""What `handbook discord announce` posts passes the site's privacy step: a page title that names a
private channel (now, or by a name it had in an earlier version of the map) is posted as the site
shows it. The posted bodies are read from the fake Discord's webhook on 127.0.0.1."""

from __future__ import annotations

import json

import pytest
from fake_discord import fake  # noqa: F401  (fixture)
from history_gitrepo import GitRepo

from handbook import cli

MAP = """\
roles:
  - name: moderator
discord_categories:
  - name: Topics
    channels:
      - {{name: guide, kind: topic, category: guide}}
  - name: Night Watch Lodge
    visibility: private
    roles: [moderator]
    channels:
      - {{name: {mod}, kind: prompt, id: "423456789012345680"}}
"""
CONFIG = """\
site_name: Private announcements
site_url: https://handbook.example.org/
plugins:
  - handbook:
      review_every: 6 months
"""
PRIVATE = ("mod-log", "mod-team", "Night Watch", "423456789012345680")


@pytest.fixture
def handbook(tmp_path, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2030-01-01")  # every page is overdue for review
    repo = GitRepo(tmp_path / "handbook")
    repo.write("mkdocs.yml", CONFIG)
    repo.write("channel_map.yml", MAP.format(mod="mod-log"))
    repo.write("docs/index.md", "# Home\n")
    start = repo.commit("Start the handbook")
    repo.write("channel_map.yml", MAP.format(mod="mod-team"))  # renamed: mod-log is an earlier private name
    repo.write("docs/guide/notes.md", "---\nlast_reviewed: 2024-01-01\n---\n# Notes from #mod-log\n")
    repo.write("docs/guide/ask.md", "---\ntitle: Ask mod-team or the Night Watch Lodge\n"
                                    "last_reviewed: 2024-01-01\n---\nText.\n")
    repo.write("docs/guide/id.md", "---\nlast_reviewed: 2024-01-01\n---\n# Channel 423456789012345680\n")
    repo.commit("Write the moderators' notes")
    monkeypatch.chdir(repo.root)
    return start


def posted(fake) -> str:
    [message] = next(iter(fake.webhooks.values()))
    return json.dumps(message, ensure_ascii=False)


def test_change_announcements_name_no_private_channel(fake, handbook, monkeypatch, capsys):
    monkeypatch.setenv("DISCORD_WEBHOOK_URL", fake.add_webhook())
    assert cli.main(["discord", "announce", "--since", handbook]) == 0
    body = posted(fake)
    assert [name for name in PRIVATE if name in body] == []
    description = json.loads(body)["embeds"][0]["description"]
    assert "[Notes from a private channel](https://handbook.example.org/guide/notes/)" in description
    assert "Ask a private channel or the a private space" in description
    assert r"Channel \[redacted\]" in description


def test_the_dry_run_prints_the_same_redacted_body(handbook, monkeypatch, capsys):
    monkeypatch.delenv("DISCORD_WEBHOOK_URL", raising=False)
    assert cli.main(["discord", "announce", "--since", handbook, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Notes from a private channel" in out
    assert [name for name in PRIVATE if name in out] == []


def test_review_announcements_name_no_private_channel(fake, handbook, monkeypatch, capsys):
    monkeypatch.setenv("DISCORD_WEBHOOK_URL", fake.add_webhook())
    assert cli.main(["discord", "announce", "--reviews"]) == 0, capsys.readouterr().err
    body = posted(fake)
    assert "Notes from a private channel" in body
    assert [name for name in PRIVATE if name in body] == []


def test_show_private_names_announces_the_names_as_the_site_shows_them(fake, handbook, monkeypatch, capsys):
    with open("mkdocs.yml", "a", encoding="utf-8") as config:
        config.write("      show_private_names: true\n")
    monkeypatch.setenv("DISCORD_WEBHOOK_URL", fake.add_webhook())
    assert cli.main(["discord", "announce", "--since", handbook]) == 0
    body = posted(fake)
    assert "Notes from \\\\#mod-log" in body and "423456789012345680" not in body  # ids never


def test_a_shallow_clone_says_the_private_name_checks_are_incomplete(handbook, tmp_path, monkeypatch, capsys):
    import subprocess
    from pathlib import Path

    monkeypatch.delenv("DISCORD_WEBHOOK_URL", raising=False)
    assert cli.main(["discord", "announce", "--reviews", "--dry-run"]) == 0
    assert "shallow" not in capsys.readouterr().err
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{Path.cwd()}", str(clone)], check=True,
                   capture_output=True)
    monkeypatch.chdir(clone)
    assert cli.main(["discord", "announce", "--reviews", "--dry-run"]) == 0
    out, err = capsys.readouterr()
    assert "This git clone is shallow" in err and "private-name checks are incomplete" in err
    assert "git fetch --unshallow" in err
    assert "mod-log" in out  # what the notice warns of: the earlier name is not known here
