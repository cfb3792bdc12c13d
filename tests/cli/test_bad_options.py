"""A bad plugin option is refused the same way by `mkdocs build` and every `handbook` command:
MkDocs' wording, the file and line, exit 2 for the commands, one line and no traceback."""

from __future__ import annotations

import pytest
import sitekit

from handbook import cli

OPTIONS = [
    ("feed", '"../x.xml"', "option 'feed': '../x.xml' must stay inside site_dir (no '..')"),
    ("channel_directory", '"../chan.md"', "option 'channel_directory': '../chan.md' must stay inside docs_dir (no '..')"),
    ("changelog", '"../cl.md"', "option 'changelog': '../cl.md' must stay inside docs_dir (no '..')"),
    ("changelog", '"/tmp/cl.md"', "option 'changelog': '/tmp/cl.md' must be a path relative to docs_dir, not an absolute one"),
    ("feed", '"."', "option 'feed': '.' must stay inside site_dir (no '..')"),
    ("changelog_ignore", '["(unclosed"]', "option 'changelog_ignore': Item 1 ('(unclosed') is not a valid regular "
                                         "expression: missing ), unterminated subpattern at position 0"),
    ("changelog_limit", "-1", "option 'changelog_limit': Expected a whole number of at least 0, got -1"),
    ("link_health", "loud", "option 'link_health': Expected warn, info or ignore, got 'loud'"),
]
COMMANDS = [["check"], ["sync", "--dry-run"], ["discord", "announce", "--since", "HEAD", "--dry-run"]]


@pytest.fixture(params=OPTIONS, ids=[f"{o[0]}={o[1]}" for o in OPTIONS])
def project(request, tmp_path):
    option, value, wording = request.param
    sitekit.write_files(tmp_path, {
        "mkdocs.yml": f"site_name: T\nplugins:\n  - handbook:\n      drift: ignore\n      {option}: {value}\n",
        "docs/index.md": "# Home\n",
        "docs/habits/index.md": "# Habits\n",
    })
    sitekit.commit_all(tmp_path, "Start")
    return tmp_path, f"Config value 'plugins': Plugin 'handbook' {wording}"


def test_the_build_refuses_it_with_mkdocs_wording(project):
    root, wording = project
    built = sitekit.build_site(root)
    assert built.aborted == "Aborted with a configuration error!"
    assert built.errors == [wording + ("." if not wording.endswith(".") else "")]
    assert not (root / "site").exists() and not (root / "x.xml").exists()


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
def test_every_command_refuses_it_in_one_line_with_exit_2(project, command, capsys, monkeypatch):
    root, wording = project
    monkeypatch.chdir(root)
    assert cli.main(command) == 2
    out, err = capsys.readouterr()
    name = "handbook " + " ".join(command[:2] if command[0] == "discord" else command[:1])
    assert out == ""
    assert err == (f"{name}: error: mkdocs.yml:5: {wording}. "
                   "Fix: correct the option named above; `mkdocs build` reports the same\n")
    assert not (root / "channel_map.yml").exists()


def test_a_real_process_says_it_in_one_line(tmp_path):
    import subprocess
    import sys

    sitekit.write_files(tmp_path, {"mkdocs.yml": "site_name: T\nplugins:\n  - handbook:\n      changelog_limit: -1\n",
                                   "docs/index.md": "# Home\n"})
    result = subprocess.run([sys.executable, "-m", "handbook.cli", "check"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("handbook check: error: mkdocs.yml:4: Config value 'plugins': Plugin 'handbook' "
                                    "option 'changelog_limit': Expected a whole number of at least 0, got -1. Fix:")


@pytest.mark.parametrize("option", ["drift", "link_health", "review_overdue"])
def test_one_report_level_for_drift_link_health_and_reviews(option, tmp_path):
    """The three levels are one option type: `warn` keeps a finding's own level (a warning fails
    --strict), `info` makes it info, `ignore` drops it."""
    import logging

    from handbook.config import HandbookConfig

    levels = {}
    for name in ("warn", "info", "ignore"):
        options = HandbookConfig(config_file_path=str(tmp_path / "mkdocs.yml"))
        options.load_dict({option: name})
        assert options.validate() == ([], [])
        levels[name] = (options[option].log_level("warning"), options[option].log_level("info"))
    assert levels == {"warn": (logging.WARNING, logging.INFO), "info": (logging.INFO, logging.INFO),
                      "ignore": (None, None)}
