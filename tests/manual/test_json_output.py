"""The JSON output reference says what the commands print: each command run with `--format json`
on a small handbook prints exactly the top-level keys its entry names (less those the entry marks
as only with another flag), and its records the keys the reference lists."""

from __future__ import annotations

import json

from cli_run import run
from sitekit import commit_all, write_files

from refgen import outputs

FILES = {
    "mkdocs.yml": "site_name: Ours\ntheme:\n  name: material\nplugins:\n  - handbook\n",
    "docs/index.md": "# Ours\n",
    "docs/habits/index.md": "---\nowner: Ada\nlast_reviewed: 2026-01-05\nreview_every: 1 year\n---\n# Habits\n",
    "docs/focus/index.md": "# Focus\n",
}


def keys(name: str, *without: str) -> set[str]:
    return {k for k in outputs.OUTPUTS[name][1] if k and k not in without}


def test_each_command_prints_the_keys_its_entry_names(tmp_path, monkeypatch, capsys):
    write_files(tmp_path, FILES)
    commit_all(tmp_path, "Start")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-06-01")
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)

    sync = json.loads(run(capsys, "sync", "--dry-run", "--format", "json").out)
    assert set(sync) == keys("handbook sync")  # `diff` is there with --dry-run
    sync = json.loads(run(capsys, "sync", "--format", "json").out)
    assert set(sync) == keys("handbook sync", "diff")

    write_files(tmp_path, {"docs/events/index.md": "# Events\n"})
    check = json.loads(run(capsys, "check", "--format", "json").out)
    assert set(check) == keys("handbook check")
    assert [set(f) for f in check["findings"]] == [set(outputs.record_keys(outputs.Finding))]

    status = json.loads(run(capsys, "status", "--format", "json", "--offline").out)
    assert set(status) == set(outputs.record_keys(outputs.Status))

    review = json.loads(run(capsys, "review", "--format", "json").out)
    assert set(review) == keys("handbook review", "moves", "written")
    assert review["pages"] and all(set(p) == set(outputs.record_keys(outputs.PageReview)) for p in review["pages"])
    spread = json.loads(run(capsys, "review", "--spread", "--format", "json").out)
    assert set(spread) == {"moves", "written"}

    invite = json.loads(run(capsys, "discord", "invite", "--app-id", "123456789012345678", "--format", "json").out)
    assert set(invite) == keys("handbook discord invite")
    assert all(set(row) == set(outputs.record_keys(outputs.PermissionUse)) for row in invite["table"])

    error = json.loads(run(capsys, "check", "--format", "json", "-f", "missing.yml").out)
    assert set(error) == {"error"} and set(error["error"]) == set(outputs.record_keys(outputs.HandbookError))
