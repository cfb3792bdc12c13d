"""QA: `channel: Not Normal` in a category's index.md: sync writes the name as Discord stores it,
so the map it writes is clean and a second check finds nothing."""

from __future__ import annotations

from qakit import handbook, make_project

from handbook.channelmap.loader import load_channel_map


def test_sync_renames_to_the_discord_form_of_the_asked_name(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    (root / "docs" / "habits" / "index.md").write_text("---\nchannel: Tiny Habits\n---\n# Habits\n", encoding="utf-8")
    result = handbook(root, "sync")
    assert result.returncode == 0, result.stderr
    channel_map = load_channel_map(root / "channel_map.yml")
    assert channel_map.topic_channel_for("habits").name == "tiny-habits"
    check = handbook(root, "check")
    assert check.returncode == 0, check.stdout


def test_new_category_asking_for_a_name_gets_its_discord_form(tmp_path):
    root = make_project(tmp_path, {"docs/rituals/index.md": "---\nchannel: Our Rituals\n---\n# Rituals\n"})
    assert handbook(root, "sync").returncode == 0
    (root / "docs" / "more").mkdir()
    (root / "docs" / "more" / "index.md").write_text("---\nchannel: More Stuff\n---\n# More\n", encoding="utf-8")
    assert handbook(root, "sync").returncode == 0
    channel_map = load_channel_map(root / "channel_map.yml")
    assert channel_map.topic_channel_for("rituals").name == "our-rituals"
    assert channel_map.topic_channel_for("more").name == "more-stuff"
    check = handbook(root, "check")
    assert check.returncode == 0, check.stdout
