"""A server channel of a close name is asked about, never duplicated: in any order of `sync` and
`pull`, `plan` shows a question instead of creating `#tools` beside the server's `#tool`, and
`apply` creates none until the map says which it is (a link, or `adopt: false`)."""

from __future__ import annotations

import json

import pytest
from cli_run import run
from fake_discord import CATEGORY, FakeDiscord, fake  # noqa: F401  (fixture)
from sitekit import write_files

from handbook.channelmap.loader import load_channel_map

DOCS = {"mkdocs.yml": "site_name: Campfire\nplugins:\n  - handbook\n", "docs/index.md": "# Home\n",
        "docs/tools/index.md": "# Tools\n", "docs/media/index.md": "# Media\n", "docs/sync/index.md": "# Sync\n",
        "docs/habits/index.md": "# Habits\n"}
NEAR = {"tools": "tool", "media": "media-help", "sync": "sync-support"}


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_files(tmp_path, DOCS)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def server(fake: FakeDiscord) -> dict[str, str]:
    topics = fake.add_channel("Topics", CATEGORY)
    return {name: fake.add_channel(name, parent_id=topics) for name in NEAR.values()}


def channel_names(fake: FakeDiscord) -> list[str]:
    return sorted(c["name"] for c in fake.channels.values() if c["type"] != CATEGORY)


@pytest.mark.parametrize("steps", [("sync", "pull"), ("pull", "sync")])
def test_no_near_duplicate_is_created_in_either_order(fake, project, capsys, steps):
    ids = server(fake)
    for step in steps:
        argv = ("sync",) if step == "sync" else ("discord", "pull", "--guild", fake.guild_id)
        assert run(capsys, *argv)[0] in (0, 1)
    code, out, _ = run(capsys, "discord", "plan", "--format", "json")
    data = json.loads(out)
    created = {o["name"] for o in data["operations"] if o["op"] == "create"}
    assert code == 1 and "#habits" in created and not created & {"#tools", "#media", "#sync"}
    if steps == ("sync", "pull"):  # sync could not know the server's channels: plan asks
        assert len(data["questions"]) == 3
        assert any(q.startswith("#tools (map line ") and "but #tool is, with a close name" in q
                   and f'add `id: "{ids["tool"]}"`' in q for q in data["questions"])
    else:  # pull came first: sync asked instead, and added nothing for them
        assert data["questions"] == []
    code, out, _ = run(capsys, "discord", "apply", "--yes")
    assert code == (1 if steps == ("sync", "pull") else 0), out
    names = channel_names(fake)
    assert "habits" in names and set(NEAR.values()) <= set(names) and not set(NEAR) & set(names)


def test_the_question_is_answered_by_a_link_or_by_adopt_false(fake, project, capsys):
    ids = server(fake)
    assert run(capsys, "sync")[0] == 0
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 1 and out.count("\nQuestion: ") == 3, out
    question = next(line for line in out.splitlines() if line.startswith("Question: #tools"))
    path = project / "channel_map.yml"
    channel_map = load_channel_map(path)
    tools, tool = channel_map.channel("tools"), channel_map.channel("tool")
    assert f"to the entry on line {tools.line} and delete its entry on line {tool.line}" in question
    # as the question says: #tools takes #tool's id, #tool's entry goes; #media is another channel
    lines = path.read_text().splitlines(keepends=True)
    end = next(i for i in range(tool.line, len(lines)) if lines[i].lstrip().startswith("- "))
    indent = " " * (len(lines[tools.line - 1]) - len(lines[tools.line - 1].lstrip()) + 2)
    lines[tools.line - 1] += f'{indent}id: "{ids["tool"]}"\n'
    media = channel_map.channel("media")
    lines[media.line - 1] += f"{indent}adopt: false\n"
    del lines[tool.line - 1:end]
    path.write_text("".join(lines))
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 1 and out.count("\nQuestion: ") == 1 and "Question: #sync " in out, out
    assert "rename #tool → #tools" in out and "create #media in" in out
    assert run(capsys, "discord", "apply", "--yes")[0] == 1  # #sync is still a question
    names = channel_names(fake)
    assert {"tools", "media", "media-help", "sync-support", "habits"} <= set(names)
    assert "tool" not in names and "sync" not in names
    assert fake.by_name("tools")["id"] == ids["tool"]  # renamed, history kept


def test_sync_add_near_writes_adopt_false_so_apply_makes_the_channel_asked_for(fake, project, capsys):
    server(fake)
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    code, out, _ = run(capsys, "sync")
    assert code == 1 and "#tool comes close" in out
    assert run(capsys, "sync", "--add-near")[0] == 0
    assert load_channel_map(project / "channel_map.yml").channel("tools").adopt is False
    code, out, _ = run(capsys, "discord", "plan")
    assert code == 1 and "Question" not in out and "create #tools in" in out
    assert run(capsys, "discord", "apply", "--yes")[0] == 0
    assert "tools" in channel_names(fake) and "tool" in channel_names(fake)


def test_an_archived_namesake_is_not_asked_about(fake, project, capsys):
    server(fake)
    assert run(capsys, "discord", "pull", "--guild", fake.guild_id)[0] == 0
    path = project / "channel_map.yml"
    path.write_text(path.read_text().replace("      - name: tool\n", "      - name: tool\n        status: archived\n"))
    code, out, _ = run(capsys, "sync")  # #tool is archived: not close to anything any more
    assert code == 1 and "added #tools" in out and "#tool comes close" not in out
    code, out, _ = run(capsys, "discord", "plan")
    assert "Question: #tools" not in out and "create #tools in" in out, out


def test_adopt_must_be_true_or_false(fake, project, capsys):
    (project / "channel_map.yml").write_text("discord_categories:\n  - name: Topics\n    channels:\n"
                                             "      - name: tools\n        kind: prompt\n        adopt: nope\n")
    code, _, err = run(capsys, "check")
    assert code == 2 and "channel_map.yml:6" in err and "`adopt` of channel `tools` must be true or false" in err
