"""`stale-topic` from real git history: the title changed after the topic was written, and the
topic still names the old title. `handbook check` and `handbook sync` on real repositories."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest
from history_gitrepo import GitRepo

from handbook.cli import main
from handbook.history import git as history_git

MKDOCS = "site_name: Campfire\nplugins:\n  - handbook\n"
NAV = """\
nav:
  - Home: index.md
  - {habits}: [habits/index.md]
  - Badging: [badging/index.md]
"""
MAP = """\
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habits
        kind: topic
        category: habits
        topic: {habits}
      - name: badging
        kind: topic
        category: badging
        topic: About badging
"""
STALE = ('channel_map.yml:7: warning: the topic of #habits still names the category\'s old title "Habits"; '
         'the title changed to "Routines" after the topic was written [stale-topic]')


@pytest.fixture
def repo(tmp_path, monkeypatch) -> GitRepo:
    r = GitRepo(tmp_path / "site")
    r.write("mkdocs.yml", MKDOCS)
    r.write("docs/index.md", "# Home\n")
    r.write("docs/habits/index.md", "# Habits\n\nSmall steps.\n")
    r.write("docs/badging/index.md", "# D&I BADGING\n\nBadges for inclusive events.\n")
    r.write("channel_map.yml", MAP.format(habits="Habits that last"))
    r.commit("Start the handbook")
    monkeypatch.chdir(r.root)
    return r


def check(capsys) -> tuple[int, list[str]]:
    capsys.readouterr()
    code = main(["check"])
    return code, capsys.readouterr().out.splitlines()


def retitle_heading(repo: GitRepo) -> None:
    repo.write("docs/habits/index.md", "# Routines\n\nSmall steps.\n")


def retitle_front_matter(repo: GitRepo) -> None:
    repo.write("docs/habits/index.md", "---\ntitle: Routines\n---\n# Habits\n\nSmall steps.\n")


@pytest.mark.parametrize("retitle", [retitle_heading, retitle_front_matter], ids=["heading", "front-matter"])
def test_title_changed_after_the_topic_is_a_warning_with_both_titles(repo, capsys, retitle):
    retitle(repo)
    repo.commit("Habits are routines now")
    code, out = check(capsys)
    assert code == 1
    assert out == [STALE, '    fix: edit `topic:` on line 7 so that it names "Routines"', "1 finding."]


def test_a_nav_title_change_counts_too(repo, capsys):
    repo.write("mkdocs.yml", MKDOCS + NAV.format(habits="Habits"))
    repo.commit("A nav")
    assert check(capsys) == (0, ["No drift: every handbook category has its topic channel."])
    repo.write("mkdocs.yml", MKDOCS + NAV.format(habits="Routines"))
    repo.commit("Call them routines in the nav")
    code, out = check(capsys)
    assert code == 1 and out[0] == STALE


def test_an_uncommitted_title_change_counts_an_uncommitted_topic_edit_is_current(repo, capsys):
    retitle_heading(repo)  # not committed: the work tree is newer than any commit
    code, out = check(capsys)
    assert code == 1 and out[0] == STALE
    repo.write("channel_map.yml", MAP.format(habits="Habit chat"))  # still "Habits", but written now
    assert check(capsys)[0] == 0


def test_a_topic_written_after_the_title_changed_is_current(repo, capsys):
    retitle_heading(repo)
    repo.commit("Habits are routines now")
    repo.write("channel_map.yml", MAP.format(habits="Habit chat"))  # names only the old title, on purpose
    repo.commit("Our own words for the topic")
    assert check(capsys) == (0, ["No drift: every handbook category has its topic channel."])


def test_the_same_commit_changing_title_and_topic_is_current(repo, capsys):
    retitle_heading(repo)
    repo.write("channel_map.yml", MAP.format(habits="Habit chat"))
    repo.commit("Both at once")
    assert check(capsys)[0] == 0


def test_a_topic_that_never_named_the_title_is_no_warning(repo, capsys):
    """"About badging" never named "D&I BADGING": not stale then, and not after a retitle either."""
    assert check(capsys) == (0, ["No drift: every handbook category has its topic channel."])
    repo.write("docs/badging/index.md", "# Belonging badges\n\nBadges for inclusive events.\n")
    repo.commit("Retitle badging")
    assert check(capsys)[0] == 0


def test_a_topic_older_than_the_index_page_is_not_judged_against_a_guessed_title(tmp_path, monkeypatch, capsys):
    r = GitRepo(tmp_path / "site")
    r.write("mkdocs.yml", MKDOCS)
    r.write("docs/index.md", "# Home\n")
    r.write("channel_map.yml", MAP.format(habits="Habits that last"))
    r.commit("The map came first")
    r.write("docs/habits/index.md", "# Routines\n")
    r.write("docs/badging/index.md", "# D&I BADGING\n")
    r.commit("Then the pages")
    monkeypatch.chdir(r.root)
    assert check(capsys)[0] == 0


def test_shallow_clone_and_no_repository_give_no_warning_and_say_why(repo, tmp_path, monkeypatch, capsys, caplog):
    retitle_heading(repo)
    repo.commit("Habits are routines now")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    plain = tmp_path / "plain"
    plain.mkdir()
    for name in ("mkdocs.yml", "channel_map.yml", "docs/index.md", "docs/habits/index.md", "docs/badging/index.md"):
        (plain / name).parent.mkdir(parents=True, exist_ok=True)
        (plain / name).write_text((repo.root / name).read_text())
    for where, why in ((clone, "this git clone is shallow"), (plain, "is not inside a git repository")):
        monkeypatch.chdir(where)
        caplog.clear()
        with caplog.at_level(logging.INFO, logger="mkdocs.plugins.handbook.history.titles"):
            assert check(capsys)[0] == 0
        assert [r.levelno for r in caplog.records if "Stale topics are not looked up" in r.getMessage()] == [
            logging.INFO]
        assert why in caplog.text


def test_git_is_asked_twice_and_only_about_topics_that_do_not_name_the_title(repo, capsys, monkeypatch):
    for n in range(6):
        repo.write(f"docs/topic-{n}/index.md", f"# Topic {n}\n")
    repo.write("channel_map.yml", MAP.format(habits="Habits that last") + "".join(
        f"      - name: topic-{n}\n        kind: topic\n        category: topic-{n}\n"
        f"        topic: {'Topic ' + str(n) if n % 2 else f'In our own words {n}'}\n" for n in range(6)))
    repo.commit("More categories")
    calls: list[tuple[str, ...]] = []
    run = history_git.Repository.run

    def counting(self, *args, **kwargs):
        calls.append(args)
        return run(self, *args, **kwargs)

    monkeypatch.setattr(history_git.Repository, "run", counting)
    assert check(capsys)[0] == 0
    assert [c[0] for c in calls] == ["rev-parse", "log"]
    asked = calls[1][calls[1].index("--") + 1:]
    assert asked == ("channel_map.yml", "mkdocs.yml", "docs/badging/index.md", "docs/topic-0/index.md",
                     "docs/topic-2/index.md", "docs/topic-4/index.md")
    calls.clear()
    for n in (0, 2, 4):
        repo.write(f"docs/topic-{n}/index.md", f"# In our own words {n}\n")  # titles stay distinct
    repo.write("docs/badging/index.md", "# Badging\n")
    assert check(capsys)[0] == 0
    assert calls == []  # every topic names its title: no git at all


def test_a_long_map_history_is_scanned_not_parsed(repo, capsys, monkeypatch):
    for n in range(30):
        repo.write("channel_map.yml", MAP.format(habits="Habits that last") + f"# edit {n}\n")
        repo.commit(f"Map edit {n}")
    retitle_heading(repo)
    repo.commit("Habits are routines now")
    from handbook.history import titles

    parsed: list[int] = []
    read = titles.read_channels
    monkeypatch.setattr(titles, "read_channels", lambda text: parsed.append(1) or read(text))
    code, out = check(capsys)
    assert code == 1 and out[0] == STALE
    assert parsed == []  # every version holds the topic's line once: no YAML parse at all
