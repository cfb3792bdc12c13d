"""QA: one rule for channel names and `#mentions`. Every name `handbook sync` writes (from a
folder or from `channel:`, emoji and punctuation included) is one a `#mention` links, and every
text channel name the map's validation accepts without a warning is one too; a name with a NUL or
another control character is refused with its line."""

from __future__ import annotations

import json

import pytest
from qakit import handbook, make_project
from sitekit import build_site, commit_all

from handbook.channelmap import rules
from handbook.channelmap.loader import load_channel_map
from handbook.channelmap.validation import validate
from handbook.site.mentions import MENTION_RE

ODD = ["🔥 Hot takes!", "🔥-hot-takes!", "hot takes?!", "Q&A", "C++", "q&a&", "&amp", "_x&_", "x&_&", "+1",
       "¡Hola!", "café ☕", "हिन्दी", "a\x00b", "tab\there", "new\nline", "\x07bell", "über—alles", "x.y", "(parens)",
       "🎉", "<<", "!!!", "«quoted»", "emoji🔥inside", "a--b", "a‍b"]


def mentioned(name: str) -> str | None:
    """What `#name` in the middle of a sentence mentions, as the build's mention pattern reads it."""
    match = MENTION_RE.search(f"Ask in #{name}, please.")
    return match.group(1) if match else None


@pytest.mark.parametrize("text", ODD)
def test_every_name_sync_writes_is_linked_by_a_mention(text):
    for name in (rules.channel_name_for(text), rules.slug_for_folder(text)):
        if name:  # '' is no name at all: a finding, never a channel
            assert rules.is_mentionable(name) and mentioned(name) == name, (text, name)
            assert rules.normalize_channel_name(name) == name  # and Discord keeps it as it is


@pytest.mark.parametrize("text", ODD)
def test_every_text_channel_name_validation_accepts_is_linked_by_a_mention(tmp_path, text):
    normal = rules.normalize_channel_name(text)
    path = tmp_path / "channel_map.yml"
    path.write_text("discord_categories:\n  - name: Talk\n    channels:\n      - name: "
                    + json.dumps(normal) + "\n        kind: prompt\n        prompt: Say hi\n", encoding="utf-8")
    findings = validate(load_channel_map(path), "channel_map.yml")
    if not findings:
        assert mentioned(normal) == normal, normal
    else:
        assert mentioned(normal) != normal or any(f.code == "invalid-name" for f in findings), findings
        assert [f.line for f in findings] == [4]


def test_an_emoji_title_asked_for_becomes_a_name_pages_can_mention(tmp_path):
    root = make_project(tmp_path, {
        "docs/hot/index.md": '---\nchannel: "🔥 Hot takes!"\n---\n# Hot takes\n',
        "docs/hot/rules.md": "# Rules\n\nArgue kindly in #hot-takes every day.\n",
    })
    assert handbook(root, "sync").returncode == 0
    assert load_channel_map(root / "channel_map.yml").topic_channel_for("hot").name == "hot-takes"
    assert handbook(root, "check").returncode == 0
    commit_all(root, "map")
    built = build_site(root)
    html = built.html("hot/rules/index.html")
    assert 'class="handbook-mention"' in html and ">#hot-takes</a>" in html


def test_an_emoji_only_folder_is_a_finding_not_an_unmentionable_channel(tmp_path):
    root = make_project(tmp_path, {"docs/🎉/index.md": "# Party\n"})
    result = handbook(root, "sync")
    assert result.returncode == 1
    assert "did not add a channel for `🎉`: its name has no letter or digit" in result.stdout
    [finding] = json.loads(handbook(root, "check", "--format", "json").stdout)["findings"]
    assert (finding["code"], finding["file"]) == ("unusable-channel-name", "docs/🎉/index.md")
    assert "channel: some-name" in finding["fix"]


@pytest.mark.parametrize("name, shown, code", [
    ('"hab\\0its"', "hab\\x00its", "U+0000"),
    ('"tab\\there"', "tab\\there", "U+0009"),
    ('"bell\\a"', "bell\\x07", "U+0007"),
])
def test_a_control_character_in_a_name_is_refused_with_its_line(tmp_path, name, shown, code):
    root = make_project(tmp_path, {"channel_map.yml": (
        f"roles:\n  - name: {name}\ndiscord_categories:\n  - name: {name}\n    channels:\n"
        f"      - name: {name}\n        kind: prompt\n        prompt: Say hi\n")})
    check = handbook(root, "check", "--format", "json")
    assert check.returncode == 1
    found = {(f["code"], f["line"]): f for f in json.loads(check.stdout)["findings"]}
    for key, what in ((("invalid-role-name", 2), "role name"), (("invalid-category-name", 4), "category name"),
                      (("invalid-name", 6), "channel")):
        assert f"{what} `{shown}` holds the control character {code}" in found[key]["message"]
        assert found[key]["file"] == "channel_map.yml" and "\x00" not in found[key]["message"]
