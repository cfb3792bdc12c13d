"""The server's order is kept: existing categories and channels keep their places unless the map
asks for another order, new ones are appended, and a reorder line in the plan stays short."""

from __future__ import annotations

import pytest
from cli_run import run
from fake_discord import CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from sitekit import write_files

FOLDERS = ["habits", "tools-and-apps", "journaling", "rituals"]


@pytest.fixture
def project(tmp_path, monkeypatch):
    files = {"mkdocs.yml": "site_name: Campfire\nplugins:\n  - handbook\n", "docs/index.md": "# Home\n"}
    files.update({f"docs/{folder}/index.md": f"# {folder.title()}\n" for folder in FOLDERS})
    write_files(tmp_path, files)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def server(fake: FakeDiscord) -> dict[str, str]:
    ids = {"base": fake.add_channel("Base Camp", CATEGORY), "topics": fake.add_channel("Topics", CATEGORY),
           "lounge": fake.add_channel("Lounge", CATEGORY)}
    for name in ("welcome", "rules", "introductions", "show-me", "off-topic"):
        ids[name] = fake.add_channel(name, parent_id=ids["base"])
    ids["habits"] = fake.add_channel("habits", parent_id=ids["topics"])
    ids["chat"] = fake.add_channel("chat", parent_id=ids["lounge"])
    return ids


def category_names(fake: FakeDiscord) -> list[str]:
    return [c["name"] for c in fake.categories()]


@pytest.mark.parametrize("steps", [("sync", "pull"), ("pull", "sync"), ("sync",)])
def test_existing_categories_and_channels_keep_their_places_and_new_ones_are_appended(fake, project, capsys,
                                                                                    steps):
    ids = server(fake)
    for step in steps:
        argv = ("sync",) if step == "sync" else ("discord", "pull", "--guild", fake.guild_id)
        assert run(capsys, *argv)[0] in (0, 1)
    guild = () if "pull" in steps else ("--guild", fake.guild_id)
    code, out, err = run(capsys, "discord", "apply", "--yes", *guild)
    assert code == 0, out + err
    names = category_names(fake)
    assert names[:3] == ["Base Camp", "Topics", "Lounge"], names  # the server's own, where they were
    assert [c["name"] for c in fake.children(ids["base"])] == ["welcome", "rules", "introductions", "show-me",
                                                             "off-topic"]
    assert run(capsys, "discord", "plan", *guild)[0] == 0  # a second apply has nothing to do


def test_a_reorder_line_names_what_moves_and_stays_short(fake, tmp_path, capsys):
    base = fake.add_channel("Base Camp", CATEGORY)
    names = [f"room-number-{i:02d}" for i in range(30)]
    for name in names:
        fake.add_channel(name, parent_id=base)
    path = tmp_path / "channel_map.yml"
    assert run(capsys, "discord", "pull", "--map", str(path), "--guild", fake.guild_id)[0] == 0
    text = path.read_text()
    first = "      - name: room-number-00\n"
    entry = text[text.index(first):text.index("      - name: room-number-01\n")]
    path.write_text(text.replace(entry, "").rstrip("\n") + "\n" + entry)  # room-number-00 moved last by hand
    code, out, _ = run(capsys, "discord", "plan", "--map", str(path))
    assert code == 1, out
    line = next(line for line in out.splitlines() if "reorder" in line)
    assert "#room-number-00" in line and "#room-number-17" not in line and len(line) < 160, line
    assert run(capsys, "discord", "apply", "--map", str(path), "--yes")[0] == 0
    assert [c["name"] for c in fake.children(base)] == names[1:] + names[:1]
