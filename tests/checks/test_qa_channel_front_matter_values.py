"""QA: `channel:` front matter that YAML (MkDocs reads it with PyYAML, YAML 1.1) does not read as
text asks for nothing: a finding naming the index page, the line of the key and the fix, from
`handbook check` and from the build (so `--strict` fails). `false`, `no` and `off` opt out."""

from __future__ import annotations

import json

import pytest
from qakit import handbook, make_project
from sitekit import build_site, commit_all

CODE = "bad-channel-front-matter"


def _with_channel(root, value: str) -> None:
    page = root / "docs" / "habits" / "index.md"
    page.write_text(f"---\ntitle: Habits\nchannel: {value}\n---\n# Habits\n", encoding="utf-8")
    commit_all(root, "channel front matter")


def _findings(root):
    result = handbook(root, "check", "--format", "json")
    return result.returncode, json.loads(result.stdout)["findings"]


@pytest.mark.parametrize(("value", "fix"), [
    ("2024", 'quote the name: `channel: "2024"`'),
    ("yes", 'quote the name: `channel: "yes"`'),
    ("1.5", 'quote the name: `channel: "1.5"`'),
    ("2024-01-01", 'quote the name: `channel: "2024-01-01"`'),
    ("true", "remove the line"),
    ("[a, b]", "write one name as text"),
    ("{x: 1}", "write one name as text"),
    ('""', "write one name as text"),
    ('"  "', "write one name as text"),
    ("#tools", "write the name without `#`: `channel: tools`"),
    ("", "write one name as text"),
])
def test_a_value_that_is_no_text_is_a_finding_with_page_line_and_fix(tmp_path, value, fix):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    _with_channel(root, value)
    code, findings = _findings(root)
    assert code == 1
    [finding] = [f for f in findings if f["code"] == CODE]
    assert finding["file"] == "docs/habits/index.md"
    assert finding["line"] == 3
    assert finding["severity"] == "warning"
    assert fix in finding["fix"]
    assert "channel: false" in finding["fix"] or value in ("true", "#tools")
    # the category keeps its channel, so nothing else drifts
    assert [f["code"] for f in findings] == [CODE]


def test_the_build_reports_it_and_strict_fails(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    _with_channel(root, "2024")
    built = build_site(root)
    [line] = [m for m in built.handbook_lines() if CODE in m]
    assert line.startswith("handbook: docs/habits/index.md:3: ")
    (root / "mkdocs.yml").write_text((root / "mkdocs.yml").read_text() + "strict: true\n", encoding="utf-8")
    assert build_site(root).aborted


@pytest.mark.parametrize("value", ["false", "no", "off", "No"])
def test_false_and_its_yaml_1_1_spellings_opt_out(tmp_path, value):
    root = make_project(tmp_path)
    _with_channel(root, value)
    assert handbook(root, "sync").returncode == 0
    code, findings = _findings(root)
    assert (code, findings) == (0, [])
    assert "category: habits" not in (root / "channel_map.yml").read_text(encoding="utf-8")


def test_a_quoted_name_still_asks_for_that_name(tmp_path):
    root = make_project(tmp_path)
    _with_channel(root, '"2024"')
    assert handbook(root, "sync").returncode == 0
    assert "name: '2024'" in (root / "channel_map.yml").read_text(encoding="utf-8") \
        or 'name: "2024"' in (root / "channel_map.yml").read_text(encoding="utf-8")
    assert _findings(root) == (0, [])


def test_a_quoted_hash_name_asks_for_that_channel(tmp_path):
    root = make_project(tmp_path)
    assert handbook(root, "sync").returncode == 0
    _with_channel(root, '"#Tiny Habits"')
    assert handbook(root, "sync").returncode == 0
    assert "name: tiny-habits" in (root / "channel_map.yml").read_text(encoding="utf-8")
    assert _findings(root) == (0, [])
