"""look_up_folder_renames, what `handbook check`, `sync` and the build ask: renamed docs folders
found from git history, with real repositories."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from history_gitrepo import GitRepo, count_git_commands, page

from handbook.history.renames import look_up_folder_renames


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    r = GitRepo(tmp_path / "site")
    r.write("mkdocs.yml", "site_name: t\n")
    r.write("docs/index.md", page("Home"))
    for folder in ("habits", "journaling", "focus", "rest"):
        for slug in ("index", "one", "two"):
            r.write(f"docs/{folder}/{slug}.md", page(f"{folder} {slug}"))
    r.commit("Import the handbook")
    return r


def test_renamed_folder_is_found_and_deleted_folder_is_not(repo: GitRepo) -> None:
    repo.mv("docs/habits", "docs/habit-building")
    repo.commit("Rename habits")
    repo.rm("docs/rest")
    repo.commit("Remove rest")
    repo.write("docs/focus/one.md", page("focus one") + "\nmore\n")
    repo.commit("Edit focus")
    found = look_up_folder_renames(repo.root, repo.root / "docs", ["habits", "rest", "never-existed"]).renames
    assert found == {"habits": "habit-building"}


def test_majority_destination_wins_when_a_folder_is_split(repo: GitRepo) -> None:
    repo.mv("docs/journaling/index.md", "docs/reflection/index.md")
    repo.mv("docs/journaling/one.md", "docs/reflection/one.md")
    repo.mv("docs/journaling/two.md", "docs/focus/two-journaling.md")
    repo.commit("Split journaling")
    assert look_up_folder_renames(repo.root, repo.root / "docs", ["journaling"]).renames == {
        "journaling": "reflection"
    }


def test_rename_with_edits_is_detected_and_later_commits_do_not_hide_it(repo: GitRepo) -> None:
    repo.mv("docs/focus", "docs/deep-work")
    repo.write("docs/deep-work/index.md", page("focus index") + "\nOne more line after the move.\n")
    repo.commit("Focus becomes deep work")
    for i in range(5):
        repo.write("docs/deep-work/one.md", page("focus one") + f"\nedit {i}\n")
        repo.commit(f"Edit {i}")
    assert look_up_folder_renames(repo.root, repo.root / "docs", ["focus"]).renames == {"focus": "deep-work"}


def test_spaces_and_non_ascii_names(repo: GitRepo) -> None:
    repo.write("docs/café notes/thé.md", page("the tea"))
    repo.write("docs/café notes/index.md", page("cafe index"))
    repo.commit("Add café notes")
    repo.mv("docs/café notes", "docs/Über Notizen")
    repo.commit("Rename café notes")
    assert look_up_folder_renames(repo.root, repo.root / "docs", ["café notes"]).renames == {
        "café notes": "Über Notizen"
    }


def test_folder_names_are_literal_not_globs(repo: GitRepo) -> None:
    repo.write("docs/[draft]*/index.md", page("draft"))
    repo.commit("Add an oddly named folder")
    repo.mv("docs/[draft]*", "docs/drafts")
    repo.commit("Rename it")
    assert look_up_folder_renames(repo.root, repo.root / "docs", ["[draft]*", "habits"]).renames == {
        "[draft]*": "drafts"
    }


def test_docs_dir_at_the_repository_root(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "root-docs")
    r.write("alpha/index.md", page("alpha"))
    r.write("alpha/x.md", page("alpha x"))
    r.commit("Import")
    r.mv("alpha", "beta")
    r.commit("Rename")
    assert look_up_folder_renames(r.root, r.root, ["alpha"]).renames == {"alpha": "beta"}


def test_folder_created_and_renamed_in_the_root_commit_is_left_out(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "one-commit")
    r.write("docs/new/index.md", page("new"))
    r.commit("Only commit")
    # "old" never existed; "new" exists. Nothing to report, and the root commit is handled.
    assert look_up_folder_renames(r.root, r.root / "docs", ["old", "new"]).renames == {}


def test_detached_head(repo: GitRepo) -> None:
    repo.mv("docs/rest", "docs/recovery")
    repo.commit("Rename rest")
    repo.git("checkout", "-q", "--detach", "HEAD")
    assert look_up_folder_renames(repo.root, repo.root / "docs", ["rest"]).renames == {"rest": "recovery"}


def test_not_a_repository(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "plain" / "docs").mkdir(parents=True)
    with caplog.at_level("INFO", logger="mkdocs.plugins.handbook.history"):
        assert look_up_folder_renames(tmp_path / "plain", tmp_path / "plain" / "docs", ["habits"]).renames == {}
    assert "is not inside a git repository" in caplog.text


def test_docs_dir_outside_the_repository(repo: GitRepo, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere" / "docs"
    elsewhere.mkdir(parents=True)
    assert look_up_folder_renames(repo.root, elsewhere, ["habits"]).renames == {}


def test_shallow_clone_reports_nothing(repo: GitRepo, tmp_path: Path) -> None:
    repo.mv("docs/habits", "docs/habit-building")
    repo.commit("Rename habits")
    repo.write("docs/index.md", page("Home") + "\nlater\n")
    repo.commit("Later edit")
    clone = tmp_path / "shallow"
    subprocess.run(
        ["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True
    )
    assert look_up_folder_renames(clone, clone / "docs", ["habits"]).renames == {}


def test_git_missing_from_the_machine(
    repo: GitRepo, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    repo.mv("docs/habits", "docs/habit-building")
    repo.commit("Rename habits")
    import git

    monkeypatch.setattr(git.Git, "GIT_PYTHON_GIT_EXECUTABLE", "/nonexistent/git-binary")
    monkeypatch.setenv("PATH", "/nonexistent")
    with caplog.at_level("INFO", logger="mkdocs.plugins.handbook.history"):
        assert look_up_folder_renames(repo.root, repo.root / "docs", ["habits"]).renames == {}
    assert "the git command was not found on this machine" in caplog.text


def test_empty_missing_list_needs_no_repository(tmp_path: Path, monkeypatch) -> None:
    assert look_up_folder_renames(tmp_path, tmp_path, []).renames == {}


def test_a_long_history_costs_a_few_git_commands(tmp_path: Path, monkeypatch) -> None:
    """3,000 commits (written with fast-import): the lookup takes a few git calls, not a walk."""
    r = GitRepo(tmp_path / "long")
    lines = []
    mark = 0
    for i in range(3000):
        mark += 1
        when = 1_600_000_000 + i * 600
        msg = f"commit {i}"
        lines.append(f"commit refs/heads/main\nmark :{mark}\n")
        lines.append(f"author A <a@example.org> {when} +0000\ncommitter A <a@example.org> {when} +0000\n")
        lines.append(f"data {len(msg)}\n{msg}\n")
        if i == 10:
            for slug in range(10):
                lines.append(f"M 100644 inline docs/habits/p{slug}.md\n")
                text = page(f"habit {slug}")
                lines.append(f"data {len(text.encode())}\n{text}\n")
        elif i == 1500:
            lines.append("R docs/habits docs/habit-building\n")
        else:
            text = page(f"page {i}")
            lines.append(f"M 100644 inline docs/other/p{i % 50}.md\n")
            lines.append(f"data {len(text.encode())}\n{text}\n")
    subprocess.run(
        ["git", "fast-import", "--quiet"], cwd=r.root, input="".join(lines).encode(), check=True
    )
    r.git("checkout", "-q", "-f", "main")
    calls = count_git_commands(monkeypatch)
    found = look_up_folder_renames(r.root, r.root / "docs", ["habits"]).renames
    assert found == {"habits": "habit-building"}
    assert len(calls) <= 5, calls  # a few git commands per vanished folder, not one per commit
