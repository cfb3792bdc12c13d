"""`handbook sync` and `handbook check` on real projects: hand edits survive, byte for byte."""

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ruamel.yaml import YAML

from handbook.channelmap.loader import load_channel_map, parse_channel_map
from handbook.channelmap.validation import validate
from handbook.checks.drift import compare
from handbook.project import load_project
from handbook.checks.sync import sync_map
from handbook.channelmap.yaml_io import dump_roundtrip
from cli_run import run
from sitekit import commit_all, git, write_files

MKDOCS = "site_name: Campfire\nplugins:\n  - handbook:\n      exclude_categories: [maintaining]\n"
DOCS = {
    "docs/index.md": "# Home\n",
    "docs/habits/index.md": "# Habits\n",
    "docs/focus/index.md": "---\ndescription: Deep work, together\n---\n# Focus\n",
    "docs/maintaining/index.md": "# Maintaining\n",
}
HAND_WRITTEN = """\
# Our map. Comments like this one must survive.
server:
  name: Campfire   # the server's display name
  invite: https://discord.gg/campfire
roles:
- name: member
- name: moderator
  notes: {on_call: true}
discord_categories:
- name: Handbook Topics
  channels:
  - name: habits            # mirrors docs/habits
    kind: topic
    category: habits
    topic: 'Habits: small steps'
    id: "123456789012345678"
    pinned_message: "Read the handbook first"
  - name: rituals
    kind: topic
    category: rituals
    topic: Rituals
  - name: show-me
    kind: prompt
    prompt: >-
      Show us what you made.
"""


@pytest.fixture
def project(tmp_path, monkeypatch):
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, **DOCS})
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_starter_map_with_one_topic_channel_says_channel(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, {"mkdocs.yml": MKDOCS, "docs/index.md": "# Home\n", "docs/habits/index.md": "# Habits\n"})
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "sync")
    assert code == 0 and "wrote a starter map with 1 topic channel\n" in out


def test_starter_map_is_complete_valid_and_in_step(project, capsys):
    code, out, _ = run(capsys, "check")
    assert code == 1 and "[missing-map]" in out and "handbook sync" in out
    code, out, _ = run(capsys, "sync")
    assert code == 0 and "wrote a starter map with 2 topic channels" in out
    channel_map = load_channel_map(project / "channel_map.yml")
    assert [(c.name, c.category, c.topic) for c in channel_map.topic_channels()] == [
        ("focus", "focus", "Focus: Deep work, together"), ("habits", "habits", "Habits")]
    text = (project / "channel_map.yml").read_text()
    assert "#     - name: introductions" in text and "#   - name: moderator" in text  # examples to adapt
    assert channel_map.roles == [] and [c.name for c in channel_map.channels()] == ["focus", "habits"]
    assert validate(channel_map) == []
    assert (project / "channel_map.schema.json").is_file()
    assert run(capsys, "check") == (0, "No drift: every handbook category has its topic channel.\n", "")


def test_sync_changes_only_what_drift_asks_and_keeps_everything_else(project, capsys):
    path = project / "channel_map.yml"
    path.write_text(HAND_WRITTEN)
    commit_all(project, "start")  # full history: `rituals` was never a folder, so not renamed
    code, out, _ = run(capsys, "check", "--format", "json")
    assert code == 1
    assert [(f["code"], f["line"]) for f in json.loads(out)["findings"]] == [
        ("missing-channel", 1), ("orphan-channel", 18)]

    code, diff, _ = run(capsys, "sync", "--dry-run")
    assert code == 0 and path.read_text() == HAND_WRITTEN  # a dry run writes nothing
    assert "+    status: archived" in diff and "+  - name: focus" in diff

    code, out, _ = run(capsys, "sync")
    assert code == 0
    assert out.splitlines() == [
        "channel_map.yml: archived #rituals (its category `rituals` is gone or excluded)",
        "channel_map.yml: added #focus for `focus` (Focus) to \"Handbook Topics\"",
    ]
    expected = HAND_WRITTEN.replace(
        "    topic: Rituals\n", "    topic: Rituals\n    status: archived\n").replace(
        "      Show us what you made.\n",
        "      Show us what you made.\n  - name: focus\n    kind: topic\n    category: focus\n"
        "    topic: 'Focus: Deep work, together'\n")
    assert path.read_text() == expected
    assert run(capsys, "sync") == (0, "channel_map.yml is in step with the docs; nothing to change.\n", "")
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".channel_map")) == []


def test_sync_follows_a_git_rename_and_keeps_the_id(project, capsys):
    path = project / "channel_map.yml"
    path.write_text(HAND_WRITTEN.replace("category: rituals", "category: focus"))
    commit_all(project, "start")
    git(project, "mv", "docs/habits", "docs/habit-building")
    commit_all(project, "rename", date="2024-04-01T10:00:00+00:00")
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert out.splitlines()[0] == ("channel_map.yml:12: warning: the handbook category `habits` was renamed to "
                                   "`habit-building`: rename #habits to #habit-building [category-renamed]")
    code, out, _ = run(capsys, "sync")
    channel = load_channel_map(path).topic_channel_for("habit-building")
    assert (channel.name, channel.id, channel.line) == ("habit-building", "123456789012345678", 12)
    renamed_line = next(line for line in path.read_text().splitlines() if "habit-building" in line)
    assert renamed_line.startswith("  - name: habit-building ") and renamed_line.endswith("# mirrors docs/habits")
    assert "    pinned_message: \"Read the handbook first\"\n" in path.read_text()


@pytest.mark.parametrize("broken", ["server: [\n", "discord_categories:\n- name: A\n  channels:\n  - name: x\n    kind: chat\n"])
def test_broken_map_exits_2_with_location_and_writes_nothing(project, capsys, broken):
    (project / "channel_map.yml").write_text(broken)
    for command in (["check"], ["sync"]):
        code, out, err = run(capsys, *command)
        assert code == 2 and out == ""
        assert err.startswith(f"handbook {command[0]}: error: channel_map.yml:") and "Fix:" in err
        assert err.count("\n") == 1
        assert "Traceback" not in err
    assert (project / "channel_map.yml").read_text() == broken


def test_missing_config_file_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "-f", "nope.yml")
    assert code == 2 and "nope.yml: no such file" in err and "-f path/to/mkdocs.yml" in err


keys = st.from_regex(r"[a-z][a-z_]{0,11}", fullmatch=True).filter(
    lambda k: k not in {"name", "kind", "category", "topic", "prompt", "id", "visibility", "roles",
                        "status", "description", "channels"})
values = st.one_of(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30),
                   st.integers(), st.booleans(), st.lists(st.integers(), max_size=3))


@pytest.fixture(scope="module")
def loaded_categories(tmp_path_factory):
    root = tmp_path_factory.mktemp("property")
    write_files(root, {"mkdocs.yml": MKDOCS, **DOCS})
    return load_project(root / "mkdocs.yml").categories()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(extra=st.dictionaries(keys, values, min_size=1, max_size=4), comment=st.text(
    st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp")), max_size=20))
def test_sync_never_loses_a_hand_written_key_or_comment(tmp_path, loaded_categories, extra, comment):
    doc = YAML().load(HAND_WRITTEN)
    for channel in doc["discord_categories"][0]["channels"]:
        channel.update(extra)
    text = dump_roundtrip(doc, like=HAND_WRITTEN).replace("# Our map.", f"# {comment} Our map.", 1)
    path = tmp_path / "channel_map.yml"
    path.write_text(text)

    def sync_once(current: str) -> str:
        channel_map = parse_channel_map(path, YAML().load(current))
        drift = compare(loaded_categories, channel_map, {})
        return sync_map(channel_map, current, drift, "Handbook Topics").text

    once = sync_once(text)
    after = YAML().load(once)
    for channel in after["discord_categories"][0]["channels"][:3]:
        for key, value in extra.items():
            assert channel[key] == value
    assert f"# {comment} Our map." in once
    assert sync_once(once) == once


WITHOUT_ORPHAN = HAND_WRITTEN.replace("  - name: rituals\n    kind: topic\n    category: rituals\n    topic: Rituals\n", "")
"""Only `focus` lacks its channel: sync has one change to make, and nothing to leave for people."""


def test_sync_check_writes_nothing_and_exits_1_until_the_map_is_in_step(project, capsys):
    path = project / "channel_map.yml"
    path.write_text(WITHOUT_ORPHAN)
    code, out, _ = run(capsys, "sync", "--check")
    assert code == 1 and path.read_text() == WITHOUT_ORPHAN
    assert out.startswith("channel_map.yml: would have added #focus for `focus`")
    code, out, _ = run(capsys, "sync", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["written"] is True and report["map"] == "channel_map.yml"
    assert report["changes"][0].startswith("added #focus") and report["left"] == []
    assert run(capsys, "sync", "--check") == (0, "channel_map.yml is in step with the docs; nothing to change.\n", "")
    code, out, _ = run(capsys, "sync", "--check", "--format", "json")
    assert code == 0 and json.loads(out) == {"map": "channel_map.yml", "changes": [], "left": [], "written": False}


def test_sync_dry_run_as_json_carries_the_diff(project, capsys):
    path = project / "channel_map.yml"
    path.write_text(WITHOUT_ORPHAN)
    code, out, _ = run(capsys, "sync", "--dry-run", "--format", "json")
    report = json.loads(out)
    assert code == 0 and report["written"] is False and path.read_text() == WITHOUT_ORPHAN
    assert "+  - name: focus" in report["diff"]


def test_sync_errors_are_json_with_format_json(project, capsys):
    (project / "channel_map.yml").write_text("server: [unclosed\n")
    code, out, err = run(capsys, "sync", "--format", "json")
    assert code == 2 and err == ""
    assert json.loads(out)["error"]["file"] == "channel_map.yml"
