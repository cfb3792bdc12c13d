"""Drift between handbook categories and the map's topic channels: a table of cases, then git."""


import pytest
import yaml

from handbook.checks import drift
from handbook.checks.categories import HandbookCategory
from handbook.channelmap.loader import load_channel_map
from handbook.project import detect_renames
from sitekit import commit_all, git, write_files


def cat(folder, title=None, **kw):
    return HandbookCategory(folder=folder, title=title or folder.title(), index_uri=f"{folder}/index.md", **kw)


def topic(name, category, **kw):
    return {"name": name, "kind": "topic", "category": category, **kw}


def load(tmp_path, channels):
    path = tmp_path / "map.yml"
    path.write_text(yaml.safe_dump({"discord_categories": [{"name": "Topics", "channels": channels}]}, sort_keys=False))
    return load_channel_map(path)


CASES = [
    pytest.param([cat("habits")], [topic("habits", "habits")], {}, [], id="in-step"),
    pytest.param([cat("habits"), cat("focus")], [topic("habits", "habits")], {},
                 [("missing-channel", "docs/focus/index.md", 1,
                   "the handbook category `focus` (Focus) has no topic channel")], id="missing"),
    pytest.param([], [topic("habits", "habits")], {},
                 [("orphan-channel", "map.yml", 4,
                   "the topic channel #habits mirrors `habits`, which is no longer a handbook category")],
                 id="orphan"),
    pytest.param([cat("habit-building", "Habits")], [topic("habits", "habits", id="123456789012345678")],
                 {"habits": "habit-building"},
                 [("category-renamed", "map.yml", 4, "the handbook category `habits` was renamed to "
                   "`habit-building`: rename #habits to #habit-building")], id="renamed"),
    pytest.param([cat("habit-building", "Habits", channel="habits")], [topic("habits", "habits")],
                 {"habits": "habit-building"},
                 [("category-renamed", "map.yml", 4, "the handbook category `habits` was renamed to "
                   "`habit-building`: keep #habits and point it at `habit-building`")], id="renamed-same-name"),
    pytest.param([cat("other")], [topic("habits", "habits")], {"habits": "gone"},
                 [("missing-channel", "docs/other/index.md", 1,
                   "the handbook category `other` (Other) has no topic channel"),
                  ("orphan-channel", "map.yml", 4,
                   "the topic channel #habits mirrors `habits`, which is no longer a handbook category")],
                 id="rename-target-not-a-category"),
    pytest.param([cat("maintaining", excluded=True)], [topic("maintaining", "maintaining")], {},
                 [("excluded-category-channel", "map.yml", 4, "the topic channel #maintaining mirrors "
                   "`maintaining`, which `exclude_categories` excludes from channels")], id="excluded"),
    pytest.param([cat("rules", opted_out=True)], [], {}, [], id="opted-out-needs-nothing"),
    pytest.param([cat("habits", channel="habit-talk")], [topic("habits", "habits")], {},
                 [("channel-name-mismatch", "map.yml", 4,
                   "`habits` asks for the channel #habit-talk but the map calls it #habits")], id="mismatch"),
    pytest.param([cat("habits", "Routines")], [topic("habits", "habits", topic="Habits that last")], {},
                 [], id="topic-in-own-words-is-not-drift"),
    pytest.param([cat("habits", "Good Habits")], [topic("habits", "habits", topic="good habits, together!")],
                 {}, [], id="topic-mentions-title"),
    pytest.param([cat("habits")], [topic("habits", "habits", status="archived")], {},
                 [("missing-channel", "docs/habits/index.md", 1,
                   "the handbook category `habits` (Habits) has no topic channel")], id="archived-does-not-count"),
]


@pytest.mark.parametrize(("categories", "channels", "renames", "expected"), CASES)
def test_drift_table(tmp_path, categories, channels, renames, expected):
    channel_map = load(tmp_path, channels)
    found = drift.findings(drift.compare(categories, channel_map, renames), "map.yml", "docs")
    assert [(f.code, f.file, f.line, f.message) for f in found] == expected
    assert all(f.fix and f.severity == "warning" for f in found)


ROUTINES = cat("habits", "Routines", description="Small steps")
TOPIC_CASES = [
    pytest.param(cat("habits", "Routines"), "Habits that last", drift.TopicOrigin("Habits"),
                 [("stale-topic", "warning", 7, "the topic of #habits still names the category's old title "
                   "\"Habits\"; the title changed to \"Routines\" after the topic was written",
                   "edit `topic:` on line 7 so that it names \"Routines\"")], id="title-changed-after-topic"),
    pytest.param(ROUTINES, "Habits: Small steps", drift.TopicOrigin("Habits", "Small steps"),
                 [("stale-topic", "warning", 7, "the topic of #habits still names the category's old title "
                   "\"Habits\"; the title changed to \"Routines\" after the topic was written",
                   "run `handbook sync` to refresh the topic it wrote, or edit `topic:` on line 7 so that it "
                   "names \"Routines\"")], id="sync-written-topic-for-the-old-title"),
    pytest.param(cat("habits", "Routines"), "Habits", drift.TopicOrigin("Habits"),
                 [("stale-topic", "warning", 7, "the topic of #habits still names the category's old title "
                   "\"Habits\"; the title changed to \"Routines\" after the topic was written",
                   "run `handbook sync` to refresh the topic it wrote, or edit `topic:` on line 7 so that it "
                   "names \"Routines\"")], id="sync-written-title-alone"),
    pytest.param(cat("badging", "D&I BADGING"), "About badging", drift.TopicOrigin("D&I BADGING"), [],
                 id="topic-never-named-the-title"),
    pytest.param(cat("habits", "Routines"), "Tiny steps together", drift.TopicOrigin("Habits"), [],
                 id="title-changed-but-topic-never-named-it"),
    pytest.param(cat("badging", "D&I BADGING"), "About badging", None, [], id="no-history-own-words"),
    pytest.param(cat("habits", "Routines"), "Habits", None, [], id="no-history-no-description-never-guessed"),
    pytest.param(ROUTINES, "Habits: Small steps", None,
                 [("outdated-topic", "info", 7, "the topic of #habits is in `handbook sync`'s form for the title "
                   "\"Habits\", not the category's title \"Routines\" (git history does not tell when it changed)",
                   "run `handbook sync` to refresh it, or edit `topic:` on line 7")], id="no-history-sync-form"),
    pytest.param(ROUTINES, "Habit talk: Small steps", drift.TopicOrigin("Routines", "Small steps"), [],
                 id="known-history-sync-form-is-hand-written"),
    pytest.param(ROUTINES, "Routines, small steps", drift.TopicOrigin("Habits"), [], id="names-the-current-title"),
]


@pytest.mark.parametrize(("category", "text", "origin", "expected"), TOPIC_CASES)
def test_stale_topic_table(tmp_path, category, text, origin, expected):
    channel_map = load(tmp_path, [topic("habits" if category.folder == "habits" else "badging", category.folder,
                                        topic=text)])
    origins = {category.folder: origin} if origin else {}
    found = drift.findings(drift.compare([category], channel_map, {}, origins), "map.yml", "docs")
    assert [(f.code, f.severity, f.line, f.message, f.fix) for f in found] == expected


def test_renames_come_from_git_history_with_rename_detection(tmp_path):
    write_files(tmp_path, {
        "mkdocs.yml": "site_name: T\n",
        "docs/index.md": "# Home\n",
        "docs/habits/index.md": "# Habits\n\nSmall steps, every day, written out at length.\n",
        "docs/habits/tiny.md": "# Tiny habits\n\nTwo minutes is enough to start a habit.\n",
        "docs/old stuff/index.md": "# Old\n",
    })
    commit_all(tmp_path, "first", date="2024-01-01T10:00:00+00:00")
    git(tmp_path, "mv", "docs/habits", "docs/habit-building")
    git(tmp_path, "rm", "-q", "-r", "docs/old stuff")
    commit_all(tmp_path, "rename habits, drop old stuff", date="2024-02-01T10:00:00+00:00")
    channel_map = load(tmp_path, [topic("habits", "habits"), topic("old-stuff", "old stuff")])
    categories = [cat("habit-building", "Habits")]
    lookup = detect_renames(tmp_path, tmp_path / "docs", categories, channel_map)
    assert (lookup.renames, lookup.unknown) == ({"habits": "habit-building"}, {})
    renames = lookup.renames
    codes = [f.code for f in drift.findings(drift.compare(categories, channel_map, renames), "map.yml")]
    assert codes == ["category-renamed", "orphan-channel"]


def test_no_git_repository_means_no_renames_not_a_crash_and_says_why(tmp_path):
    write_files(tmp_path, {"docs/other/index.md": "# Other\n"})
    channel_map = load(tmp_path, [topic("habits", "habits")])
    lookup = detect_renames(tmp_path, tmp_path / "docs", [cat("other")], channel_map)
    assert lookup.renames == {} and list(lookup.unknown) == ["habits"]
    assert lookup.unknown["habits"].endswith("is not inside a git repository")
