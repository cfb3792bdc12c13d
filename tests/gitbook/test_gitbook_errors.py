"""User mistakes give one clear line naming the file (and line) and the fix, exit 2, no traceback,
and leave the repository as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from gitbook_repo import commit_all, isolated_git, make_gitbook, make_repo, run_cli, write


@pytest.fixture(autouse=True)
def _git(monkeypatch):
    isolated_git(monkeypatch)


def assert_error(result, *fragments: str) -> None:
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    for fragment in fragments:
        assert fragment in lines[0], lines[0]


def gitbook(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "book"
    repo = make_repo(root)
    write(root, files)
    commit_all(repo, "GitBook")
    return root


def test_not_a_gitbook_repository(tmp_path):
    root = gitbook(tmp_path, {"notes.md": "# Notes\n"})
    assert_error(run_cli("import", "gitbook", str(root)), str(root), "not a GitBook repository", "PATH")


def test_path_does_not_exist(tmp_path):
    assert_error(run_cli("import", "gitbook", str(tmp_path / "nowhere")), "nowhere", "is not a folder")


def test_not_a_git_repository(tmp_path):
    write(tmp_path / "plain", {"SUMMARY.md": "* [Home](README.md)\n", "README.md": "# Home\n"})
    assert_error(run_cli("import", "gitbook", str(tmp_path / "plain")), "not inside a git repository", "git clone")


def test_dirty_work_tree(tmp_path):
    root = tmp_path / "book"
    repo = make_gitbook(root)
    head = repo.head.commit.hexsha
    (root / "habits/tiny-habits.md").write_text("# Changed\n", encoding="utf-8")
    assert_error(run_cli("import", "gitbook", str(root)), "habits/tiny-habits.md", "uncommitted", "git stash")
    assert repo.head.commit.hexsha == head
    assert not (root / "docs").exists()


def test_untracked_file(tmp_path):
    root = tmp_path / "book"
    repo = make_gitbook(root)
    (root / "draft.md").write_text("# Draft\n", encoding="utf-8")
    assert_error(run_cli("import", "gitbook", str(root)), "draft.md", "untracked", ".gitignore")
    assert not (root / "docs").exists() and len(list(repo.iter_commits())) == 3


def test_dry_run_is_allowed_on_a_dirty_tree(tmp_path):
    root = tmp_path / "book"
    make_gitbook(root)
    (root / "draft.md").write_text("# Draft\n", encoding="utf-8")
    assert run_cli("import", "gitbook", str(root), "--dry-run").returncode == 0


@pytest.mark.parametrize(
    "files, fragments",
    [
        (
            {"SUMMARY.md": "# Table of contents\n\n* [Home](README.md)\n* Just text\n", "README.md": "# H\n"},
            ["SUMMARY.md:4", "list item 'Just text' has no link", "* [Just text](page.md)"],
        ),
        (
            {"SUMMARY.md": "# Table of contents\n\n* [Home]()\n", "README.md": "# H\n"},
            ["SUMMARY.md:3", "empty target"],
        ),
        (
            {"SUMMARY.md": "# Table of contents\n\nJust a paragraph.\n", "README.md": "# H\n"},
            ["SUMMARY.md:1", "has no list of pages", "* [Title](page.md)"],
        ),
        (
            {".gitbook.yaml": "root: ./\nstructure:\n  readme: [README.md\n", "README.md": "# H\n"},
            [".gitbook.yaml:4", "fix the YAML syntax"],
        ),
        (
            {".gitbook.yaml": "root: ./\n\nredirects:\n  - old\n", "README.md": "# H\n"},
            [".gitbook.yaml:3", "`redirects` must be a mapping", "old/page: new/page.md"],
        ),
        (
            {".gitbook.yaml": "root: ../elsewhere/\n", "README.md": "# H\n"},
            [".gitbook.yaml:1", "points outside"],
        ),
        (
            {".gitbook.yaml": "structure:\n  summary: 12\n", "README.md": "# H\n"},
            [".gitbook.yaml:2", "`structure.summary` must be a file path", "summary: SUMMARY.md"],
        ),
        (
            {"SUMMARY.md": "* [Home](README.md)\n", "README.md": "# H\n", "mkdocs.yml": "site_name: x\n"},
            ["mkdocs.yml", "already exists", "move it away"],
        ),
    ],
    ids=["item-without-link", "empty-link", "no-list", "yaml-syntax", "redirects-list", "root-outside",
         "summary-not-a-path", "mkdocs-yml-exists"],
)
def test_malformed_input(tmp_path, files, fragments):
    root = gitbook(tmp_path, files)
    assert_error(run_cli("import", "gitbook", str(root)), *fragments)
    assert not (root / "docs").exists()


def test_usage_error_exits_2(tmp_path):
    result = run_cli("import")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert run_cli("import", "gitbook", "a", "b").returncode == 2


def test_a_mkdocs_project_that_never_was_a_gitbook_space_exits_2(tmp_path):
    root = gitbook(tmp_path, {"mkdocs.yml": "site_name: Ours\n", "docs/index.md": "# Home\n"})
    assert_error(run_cli("import", "gitbook", str(root)), str(root), "not a GitBook repository",
                 "no .gitbook.yaml or SUMMARY.md", "PATH")
    assert not (root / "channel_map.yml").exists()
