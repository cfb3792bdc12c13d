"""Every command that reads the configuration reads the same file the same way, whatever it is
called: `mkdocs.yml`, `mkdocs.yaml`, `properdocs.yml`, or another name given with `-f`. Run on
one real handbook (a git repository, a private category, a `_notes/` page, a folder with no
channel), each command's output and exit code are identical under the four names."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from fake_discord import fake  # noqa: F401  (fixture)
from sitekit import commit_all, git, write_files

from handbook import cli

CONFIG = """\
    site_name: Config names
    site_url: https://handbook.example.org/
    plugins:
      - handbook:
          history: false
          review_every: 6 months
    """

MAP = """\
    server:
      name: Config names
    roles:
      - name: moderator
    discord_categories:
      - name: Topics
        channels:
          - name: guide
            kind: topic
            category: guide
      - name: Staff
        visibility: private
        roles: [moderator]
        channels:
          - name: staff-notes
            kind: topic
            category: staff-notes
    """

PAGES = {
    "docs/index.md": "# Home\n",
    "docs/guide/index.md": "# Guide\n",
    "docs/guide/reporting.md": '---\nowner: "@moderator"\nlast_reviewed: 2024-01-31\n---\n# Reporting\n',
    "docs/staff-notes/rota.md": '---\nowner: "@moderator"\nlast_reviewed: 2024-01-01\n---\n# Secret rota\n',
    "docs/_notes/meeting.md": '---\nowner: "@moderator"\nlast_reviewed: 2024-01-15\n---\n# Meeting notes\n',
    "docs/events/index.md": "# Events\n",
}

# The name a command line uses for each way of naming the configuration: (file, -f argument).
NAMES = {
    "mkdocs.yml": ("mkdocs.yml", None),
    "mkdocs.yaml": ("mkdocs.yaml", None),
    "properdocs.yml": ("properdocs.yml", None),
    "-f other/name.yml": ("other/name.yml", "other/name.yml"),
}

COMMANDS = {
    "check": ["check", "--format", "json"],
    "sync --dry-run": ["sync", "--dry-run"],
    "status --offline": ["status", "--offline", "--format", "json"],
    "review": ["review", "--format", "json"],
    "generate --check": ["generate", "--check"],
    "links check": ["links", "check"],
    "announce --reviews": ["discord", "announce", "--reviews", "--dry-run"],
    "announce --since": ["discord", "announce", "--since", "HEAD~1", "--dry-run"],
    "discord plan": ["discord", "plan", "--format", "json"],
    "discord pull --check": ["discord", "pull", "--check"],
}


def make_handbook(root: Path, config_name: str) -> None:
    """One handbook whose configuration file is `config_name`; `other/name.yml` lives in a folder
    of its own, so its docs and map are found next to it, as MkDocs finds them."""
    config = root / config_name
    project = config.parent
    write_files(project, {config.name: CONFIG, "channel_map.yml": MAP, **PAGES})
    git(root, "init", "-q", "-b", "main")
    commit_all(root, "Start the handbook")
    write_files(project, {"docs/guide/reporting.md": PAGES["docs/guide/reporting.md"] + "\nHow to report.\n",
                          "docs/staff-notes/rota.md": PAGES["docs/staff-notes/rota.md"] + "\nThe rota.\n",
                          "docs/_notes/meeting.md": PAGES["docs/_notes/meeting.md"] + "\nNotes.\n"})
    commit_all(root, "Add to three pages", date="2024-03-02T10:00:00+00:00")


def run_all(root: Path, project: Path, config_arg: str | None, capsys, monkeypatch,
            guild_id: str) -> dict[str, tuple]:
    """Each command's exit code and output, with the project's folder written as `<project>`."""
    monkeypatch.chdir(root)
    results = {}
    for name, argv in COMMANDS.items():
        argv = [*argv, *(["-f", config_arg] if config_arg else [])]
        if argv[0] == "discord" and argv[1] in {"plan", "pull"}:
            argv += ["--guild", guild_id]
        code = cli.main(argv)
        out, err = capsys.readouterr()
        results[name] = (code, out.replace(str(project), "<project>"), err.replace(str(project), "<project>"))
    return results


@pytest.fixture
def outputs(fake, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("HANDBOOK_TODAY", "2024-08-10")
    fake.add_role("moderator")
    results = {}
    for label, (config_name, config_arg) in NAMES.items():
        root = tmp_path / label.replace(" ", "_").replace("/", "_")
        make_handbook(root, config_name)
        project = (root / config_name).parent
        results[label] = run_all(root, project, config_arg, capsys, monkeypatch, fake.guild_id)
    return results


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_reads_the_same_handbook_under_every_config_name(outputs, command):
    expected = outputs["mkdocs.yml"][command]
    assert "Traceback" not in expected[1] + expected[2]
    for label in NAMES:
        assert outputs[label][command] == expected, f"{command} under {label}"


def test_the_commands_see_the_handbook_not_an_empty_folder(outputs):
    """What the matrix compares is real work: findings, reviews and announcements of this tree."""
    results = outputs["mkdocs.yaml"]
    check = json.loads(results["check"][1])
    assert results["check"][0] == 1 and {f["code"] for f in check["findings"]} == {"missing-channel"}
    review = json.loads(results["review"][1])
    assert {p["file"] for p in review["pages"] if p["status"] == "overdue"} == {
        os.path.join("docs", "guide", "reporting.md"), os.path.join("docs", "staff-notes", "rota.md"),
        os.path.join("docs", "_notes", "meeting.md")}


def test_announcements_keep_private_categories_out_and_follow_mkdocs_inclusion(outputs):
    """A private category's page is never announced, under any name; a page under `_notes/`,
    which MkDocs publishes, is announced like any other."""
    for label in NAMES:
        for command in ("announce --reviews", "announce --since"):
            code, out, _ = outputs[label][command]
            assert code == 0, (label, command, out)
            assert "rota" not in out.lower(), (label, command)
            assert "Meeting notes" in out and "Reporting" in out, (label, command, out)
