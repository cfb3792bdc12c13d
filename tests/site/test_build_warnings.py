"""What `mkdocs build` says about the channel map: the exact lines, each once."""

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from sitekit import build_site, commit_all, git, write_files

MAP = """\
discord_categories:
  - name: Topics
    channels:
      - name: habits
        kind: topic
        category: habits
      - name: rituals
        kind: topic
        category: rituals
      - name: Show Me
        kind: prompt
"""


def site(tmp_path: Path, plugin_options: str = "", channel_map: str | None = MAP) -> Path:
    files = {
        # history is off: these sites are not git repositories, and history has its own tests
        "mkdocs.yml": f"site_name: T\nplugins:\n  - handbook:\n      history: false{plugin_options}\n",
        "docs/index.md": "# Home\n",
        "docs/habits/index.md": "# Habits\n",
        "docs/focus/index.md": "# Focus\n",
    }
    if channel_map is not None:
        files["channel_map.yml"] = channel_map
    write_files(tmp_path, files)
    return tmp_path


def test_drift_and_validation_warnings_are_exact_and_logged_once(tmp_path):
    built = build_site(site(tmp_path))
    assert built.handbook_lines() == [
        "handbook: channel_map.yml:10: Discord would store channel `Show Me` as `show-me` [name-not-normal] "
        "Fix: write `name: show-me`",
        "handbook: docs/focus/index.md:1: the handbook category `focus` (Focus) has no topic channel [missing-channel] "
        "Fix: run `handbook sync` to add #focus to channel_map.yml, or put `channel: false` in the category's "
        "index.md front matter",
        # not a git repository: nothing can rule out that `rituals` became `focus`, and the warning says so
        "handbook: channel_map.yml:7: the topic channel #rituals mirrors `rituals`, which is no longer a handbook category, "
        "and git history cannot tell whether it was renamed to `focus`: the project folder is not inside a git repository "
        "[orphan-channel] Fix: run `handbook sync` where git has the full history (`git fetch --unshallow`; in CI `fetch-depth: 0`); "
        "or by hand: if it was renamed, set `category:` and `name:` on line 7, else mark it `status: archived`",
    ]
    assert all(r.name.startswith("mkdocs.plugins.") for r in built.records if "handbook" in r.name)


@pytest.mark.parametrize(("level", "logged_at"), [("info", logging.INFO), ("ignore", None)])
def test_drift_level_is_configurable(tmp_path, level, logged_at):
    built = build_site(site(tmp_path, f"\n      drift: {level}"))
    assert len(built.handbook_lines(logging.WARNING)) == 1  # validation is always a warning
    info = [line for line in built.handbook_lines(logging.INFO) if "[missing-channel]" in line]
    assert len(info) == (1 if logged_at else 0)


def test_no_map_yet_is_one_warning_naming_sync(tmp_path):
    built = build_site(site(tmp_path, channel_map=None))
    assert built.handbook_lines() == [
        "handbook: channel_map.yml: there is no channel map yet, so drift is not checked [missing-map] "
        "Fix: run `handbook sync` to write a starter channel_map.yml from the docs tree"]


def test_broken_map_stops_the_build_with_one_clear_message(tmp_path):
    site(tmp_path, channel_map="discord_categories:\n  - name: A\n    channels:\n      - name: x\n        kind: chat\n")
    built = build_site(tmp_path)
    assert built.aborted == "Aborted with a BuildError!"
    assert built.errors == [(
        f"Error reading the channel map:\nchannel_map.yml:5:15: unknown kind `chat` in channel `x`\n"
        "  Fix: write one of: topic, prompt, announcement, voice, forum")]


def test_strict_build_fails_on_drift_without_a_traceback(tmp_path):
    site(tmp_path)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Aborted with 3 warnings in strict mode!" in result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    broken = site(tmp_path, channel_map="server: [\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=broken, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "channel_map.yml:2:1: invalid YAML" in result.stderr


def test_a_renamed_folder_is_one_rename_warning(tmp_path):
    site(tmp_path, "\n      history: true", channel_map=MAP.replace("category: rituals", "category: focus"))
    commit_all(tmp_path, "start")
    git(tmp_path, "mv", "docs/habits", "docs/habit-building")
    commit_all(tmp_path, "rename", date="2024-05-01T09:00:00+00:00")
    built = build_site(tmp_path)
    assert [line for line in built.handbook_lines() if "[name-not-normal]" not in line] == [
        "handbook: channel_map.yml:4: the handbook category `habits` was renamed to `habit-building`: rename #habits to "
        "#habit-building [category-renamed] Fix: run `handbook sync` (it keeps the channel's id), or set "
        "`name: habit-building` and `category: habit-building` on line 4"]
