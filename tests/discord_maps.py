"""Small channel maps for the Discord tests that run against the fake server (`fake_discord`)."""

from __future__ import annotations

import collections
from pathlib import Path

from fake_discord import CATEGORY, FakeDiscord


def new_server_map(fake: FakeDiscord, folder: Path) -> Path:
    """A map of two categories and three channels, none of them on the (empty) server yet."""
    path = folder / "channel_map.yml"
    path.write_text(f"""\
server:
  name: Campfire
  guild_id: "{fake.guild_id}"
discord_categories:
  - name: Base Camp
    channels:
      - name: welcome
        kind: prompt
      - name: questions
        kind: prompt
  - name: Lounge
    channels:
      - name: chat
        kind: prompt
""")
    return path


def adopted_map(fake: FakeDiscord, folder: Path, more: str = "") -> tuple[Path, str]:
    """A server with one category and channel, the map that knows them by id and wants one more
    channel (and `more`, YAML appended at the end); the map's path and text."""
    base = fake.add_channel("Base Camp", CATEGORY)
    welcome = fake.add_channel("welcome", parent_id=base)
    path = folder / "channel_map.yml"
    path.write_text(f"""\
server:
  name: Campfire
  guild_id: "{fake.guild_id}"
discord_categories:
  - name: Base Camp
    id: "{base}"
    channels:
      - name: welcome
        kind: prompt
        id: "{welcome}"
      - name: questions
        kind: prompt
""" + more)
    return path, path.read_text()


def creates(fake: FakeDiscord) -> collections.Counter:
    """How many times each channel name was sent in a create."""
    return collections.Counter(entry.body["name"] for entry in fake.log
                               if entry.method == "POST" and entry.path.endswith("/channels"))
