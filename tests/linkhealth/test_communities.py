"""communities.yml: the repository's own file, bad files with their exact messages, and the schema."""

from __future__ import annotations

import datetime as dt
import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML

from handbook.linkhealth.communities import CommunitiesError, load_communities, schema_text
from paths import ROOT

GOOD = """\
- name: Example Forum
  url: https://forum.example.org/
  description: Practice together.
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "communities.yml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_the_repositorys_communities_load_and_match_the_schema():
    communities = load_communities(ROOT / "communities.yml", "communities.yml")
    assert len(communities.entries) >= 10
    assert {t for c in communities.entries for t in c.topics} >= {"habits", "journaling", "creative practice"}
    data = YAML(typ="safe").load((ROOT / "communities.yml").read_text(encoding="utf-8"))
    for entry in data:  # YAML reads `added:` as a date; the schema describes the text people write
        entry["added"] = entry["added"].isoformat()
    jsonschema.validate(data, json.loads(schema_text()))


def test_the_schema_beside_the_file_is_the_shipped_one():
    assert (ROOT / "communities.schema.json").read_text(encoding="utf-8") == schema_text()


def test_every_key_is_read_and_unknown_keys_are_kept(tmp_path):
    path = write(tmp_path, """\
        - name: Campfire Friends
          url: https://friends.example.org/
          description: Our sister community.
          platform: discord
          invite: https://discord.com/invite/abc-123
          topics: [Habits, creative practice, habits]
          cost: free
          language: pt-BR
          added: 2026-05-01
          moderator_note: ask Sam first
        """)
    (entry,) = load_communities(path, "communities.yml").entries
    assert (entry.platform, entry.invite, entry.cost, entry.language) == (
        "discord", "https://discord.com/invite/abc-123", "free", "pt-BR")
    assert entry.topics == ["habits", "creative practice"]
    assert entry.added == dt.date(2026, 5, 1)
    assert entry.extra == {"moderator_note": "ask Sam first"}
    assert entry.urls() == [("https://friends.example.org/", 1), ("https://discord.com/invite/abc-123", 5)]


def test_no_file_means_no_directory(tmp_path):
    assert load_communities(tmp_path / "communities.yml") is None


def test_an_empty_file_is_an_empty_directory(tmp_path):
    assert load_communities(write(tmp_path, ""), "communities.yml").entries == []


BAD = [
    ("name: Example\nurl: https://x.example/\n",
     "communities.yml:1:1: the file must be a list of communities, not a mapping",
     "start each community with `- name:`"),
    ("- just a name\n",
     "communities.yml:1:3: community 1 must be a mapping of keys to values, not text", "write it as"),
    ("- url: https://x.example/\n  description: d\n",
     "communities.yml:1:3: community 1 has no `name`", "add `name: ...` to community 1"),
    ("- name: X\n  link: https://x.example/\n  description: d\n",
     "communities.yml:1:3: community `X` has no `url`", "add `url: ...` to community `X`"),
    ("- name: X\n  url: https://x.example/\n  descripton: d\n",
     "communities.yml:1:3: community `X` has no `description` (is `descripton` meant to be `description`?)",
     "add `description: ...`"),
    ("- name: X\n  url: x.example\n  description: d\n",
     "communities.yml:2:8: `url` of community `X` is not a web address: 'x.example'",
     "write the full address, starting with https://"),
    ("- name: X\n  url: https://x.example/\n  description: d\n  platform: Discourse\n",
     "communities.yml:4:13: unknown platform `Discourse` in community `X` (did you mean `discourse`?)",
     "write one of: discord, slack, discourse, zulip, forum, other"),
    ("- name: X\n  url: https://x.example/\n  description: d\n  cost: cheap\n",
     "communities.yml:4:9: unknown cost `cheap` in community `X`", "write one of: free, paid"),
    ("- name: X\n  url: https://x.example/\n  description: d\n  invite: https://example.org/join\n",
     "communities.yml:4:11: `invite` of community `X` is not a Discord invite URL",
     "write it as https://discord.gg/CODE or https://discord.com/invite/CODE"),
    ("- name: X\n  url: https://x.example/\n  description: d\n  topics: {habits: yes}\n",
     "communities.yml:4:11: `topics` of community `X` must be a list, not a mapping",
     "write `topics: [habits, journaling]`"),
    ("- name: X\n  url: https://x.example/\n  description: d\n  topics: [habits, 42]\n",
     "communities.yml:4:20: topic 2 of community `X` must be a word or two, not a number",
     "write topics as plain words"),
    ("- name: X\n  url: https://x.example/\n  description: d\n  added: last week\n",
     "communities.yml:4:10: `added` of community `X` is not a date", "write the date as YYYY-MM-DD"),
    ("- name: X\n  url: https://x.example/\n  description: d\n  language: English\n",
     "communities.yml:4:13: `language` of community `X` is not a language tag", "such as `en`"),
    ("- name: X\n  url: https://x.example/\n  description: [a, b]\n",
     "communities.yml:3:16: `description` of community `X` must be text, not a list",
     "followed by text on the same line"),
    ("- name: X\n  url: https://x.example/\n  description: d\n- name: x\n  url: https://y.example/\n  description: e\n",
     "communities.yml:4:9: community `x` has the same name as `X` (line 1)", "keep one entry per community"),
    ("- name: X\n  url: https://x.example/\n  description: d\n- name: Y\n  url: https://X.example\n  description: e\n",
     "communities.yml:5:8: community `Y` has the same url as `X` (line 1)", "keep one entry per community"),
    ("- name: X\n  url: https://x.example/\n  description: d: e\n",
     "communities.yml:3:17: invalid YAML: mapping values are not allowed here",
     "text with `: ` or starting with `#` needs quotes"),
]


@pytest.mark.parametrize("text, message, fix", BAD, ids=[m.split(": ", 1)[1][:40] for _, m, _ in BAD])
def test_bad_files_name_the_line_column_and_fix(tmp_path, text, message, fix):
    path = tmp_path / "communities.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommunitiesError) as caught:
        load_communities(path, "communities.yml")
    first_line, fix_line = caught.value.as_text().split("\n  Fix: ", 1)
    assert first_line == message
    assert fix in fix_line


@pytest.mark.parametrize("text", [text for text, message, _ in BAD if "invalid YAML" not in message and "same" not in message])
def test_the_schema_refuses_what_the_loader_refuses(text):
    data = YAML(typ="safe").load(text)
    if isinstance(data, list):
        for entry in data:
            if isinstance(entry, dict) and hasattr(entry.get("added"), "isoformat"):
                entry["added"] = entry["added"].isoformat()
    validator = jsonschema.Draft202012Validator(json.loads(schema_text()),
                                                format_checker=jsonschema.FormatChecker())
    assert list(validator.iter_errors(data)), text


def test_the_schema_accepts_a_good_file():
    jsonschema.validate(YAML(typ="safe").load(GOOD), json.loads(schema_text()))


WRONG_ADDRESSES = [  # loader-only: the schema's pattern does not read ports or IPv6 brackets
    ("'http://[::1'", "communities.yml:2:8: `url` of community `X` is not a web address: 'http://[::1' "
                      "(it cannot be read: Invalid IPv6 URL)"),
    ("https://x.example:99999/", "communities.yml:2:8: `url` of community `X` is not a web address: "
                                 "'https://x.example:99999/' (its port is not a number up to 65535)"),
    ("http://x.example:abc/", "communities.yml:2:8: `url` of community `X` is not a web address: "
                              "'http://x.example:abc/' (its port is not a number up to 65535)"),
    ('"https://x.example/\\0"', "communities.yml:2:8: `url` of community `X` is not a web address: "
                                "'https://x.example/\\x00' (it has a space or a control character in it)"),
]


@pytest.mark.parametrize("url, message", WRONG_ADDRESSES)
def test_a_url_that_cannot_be_asked_is_refused_with_its_line(tmp_path, url, message):
    path = write(tmp_path, f"- name: X\n  url: {url}\n  description: d\n")
    with pytest.raises(CommunitiesError) as caught:
        load_communities(path, "communities.yml")
    first_line, fix_line = caught.value.as_text().split("\n  Fix: ", 1)
    assert (first_line, fix_line) == (message, "write the full address, starting with https://")


def test_an_invite_that_cannot_be_read_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "- name: X\n  url: https://x.example/\n  description: d\n  invite: 'https://[::1'\n")
    with pytest.raises(CommunitiesError) as caught:
        load_communities(path, "communities.yml")
    assert caught.value.as_text().split("\n")[0] == \
        "communities.yml:4:11: `invite` of community `X` is not a Discord invite URL"


def test_a_date_no_calendar_has_is_refused_with_its_line(tmp_path):
    path = write(tmp_path, "- name: X\n  url: https://x.example/\n  description: d\n  added: 2026-13-45\n")
    with pytest.raises(CommunitiesError) as caught:
        load_communities(path, "communities.yml")
    first_line, fix_line = caught.value.as_text().split("\n  Fix: ", 1)
    assert first_line == ("communities.yml:4:10: invalid YAML: 2026-13-45 reads as a date, and there is no such "
                          "date (month must be in 1..12)")
    assert "quotes" in fix_line
