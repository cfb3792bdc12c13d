"""The adoption journey of issue 18: a server whose topics the community wrote in its own words,
`handbook discord pull`, `handbook sync`, and a strict build that passes. Real git, the fake
Discord over real HTTP, the real `mkdocs build --strict`."""

from __future__ import annotations

import subprocess
import sys

import pytest
from fake_discord import CATEGORY, fake  # noqa: F401  (fixture)
from history_gitrepo import GitRepo

from handbook.channelmap.loader import load_channel_map
from handbook.cli import main

MKDOCS = """\
site_name: Inclusive Events Handbook
theme:
  name: material
plugins:
  - search
  - handbook
"""


def adopt(path, channel: str, folder: str) -> None:
    """What adopting an existing channel as a category's topic channel writes into the map."""
    text = path.read_text()
    entry = f"      - name: {channel}\n        kind: prompt\n"
    assert entry in text, text
    path.write_text(text.replace(entry, f"      - name: {channel}\n        kind: topic\n        category: {folder}\n", 1))


def strict_build(root) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                          capture_output=True, text=True)


def test_pulled_topics_in_the_communitys_own_words_pass_a_strict_build(fake, tmp_path, monkeypatch, capsys):  # noqa: F811
    community = fake.add_channel("Community", CATEGORY)
    fake.add_channel("newcomers", parent_id=community, topic="Say hi and find your way around")
    fake.add_channel("mentorships", parent_id=community, topic="Mentorship program chat")
    fake.add_channel("badging", parent_id=community, topic="About badging")
    repo = GitRepo(tmp_path / "handbook")
    repo.write("mkdocs.yml", MKDOCS)
    repo.write("docs/index.md", "# Inclusive events\n")
    repo.write("docs/newcomers/index.md", "# Start Here\n\nWhere everyone begins.\n")
    repo.write("docs/mentorships/index.md", "# Mentorship Program\n\nPairs that learn together.\n")
    repo.write("docs/badging/index.md", "# D&I BADGING\n\nBadges for inclusive events.\n")
    repo.commit("The handbook")
    monkeypatch.chdir(repo.root)

    assert main(["discord", "pull", "--map", "channel_map.yml", "--guild", fake.guild_id]) == 0
    path = repo.root / "channel_map.yml"
    for channel in ("newcomers", "mentorships", "badging"):
        adopt(path, channel, channel)
    capsys.readouterr()
    assert main(["sync"]) == 0
    assert capsys.readouterr().out == "channel_map.yml is in step with the docs; nothing to change.\n"
    assert main(["discord", "plan"]) == 0  # the server and the map agree
    repo.commit("Adopt the server")

    capsys.readouterr()
    assert main(["check"]) == 0, capsys.readouterr().out
    assert [c.topic for c in load_channel_map(path).topic_channels()] == [
        "Say hi and find your way around", "Mentorship program chat", "About badging"]
    built = strict_build(repo.root)
    assert built.returncode == 0, built.stderr
    assert "stale-topic" not in built.stderr

    # Later the handbook renames a category: only the topic that named the old title is stale,
    # and sync leaves the community's topic for a person to edit.
    repo.write("docs/mentorships/index.md", "# Mentoring Circles\n\nPairs that learn together.\n")
    repo.write("docs/badging/index.md", "# Belonging Badges\n\nBadges for inclusive events.\n")
    repo.commit("New titles")
    built = strict_build(repo.root)
    assert built.returncode == 1
    line = next(x for x in built.stderr.splitlines() if x.startswith("WARNING"))
    # line 24: pull's new map opens with the same six-line header as sync's starter map
    assert line == ('WARNING -  handbook: channel_map.yml:24: the topic of #mentorships still names the category\'s '
                    'old title "Mentorship Program"; the title changed to "Mentoring Circles" after the topic was '
                    'written [stale-topic] Fix: edit `topic:` on line 24 so that it names "Mentoring Circles"')
    before = path.read_text()
    assert main(["sync"]) == 0 and path.read_text() == before
    path.write_text(before.replace("topic: Mentorship program chat", "topic: Find a mentoring circle"))
    repo.commit("Retitle the mentorships topic")
    assert strict_build(repo.root).returncode == 0
