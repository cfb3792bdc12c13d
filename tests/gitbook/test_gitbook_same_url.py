"""Two GitBook files for one page: `habits.md` and an older `habits/README.md` both become the page
at `habits/`. The import keeps the one SUMMARY.md lists there, moves the other aside (reported with
both file names), and the strict build has one file for every URL."""

from __future__ import annotations

import pytest
from gitbook_repo import commit_all, isolated_git, make_repo, mkdocs_build, run_cli, write


@pytest.fixture(autouse=True)
def _git(monkeypatch):
    isolated_git(monkeypatch)


def import_and_build(tmp_path, files: dict[str, str]):
    root = tmp_path / "book"
    repo = make_repo(root)
    write(root, {"README.md": "# Home\n", **files})
    commit_all(repo, "GitBook")
    result = run_cli("import", "gitbook", str(root))
    assert result.returncode == 0, result.stderr
    return root, result, mkdocs_build(root)


def page_text(root, url: str) -> str:
    return (root / "site" / url / "index.html").read_text(encoding="utf-8")


def test_the_page_summary_lists_wins_and_the_older_folder_readme_moves_aside(tmp_path):
    root, result, build = import_and_build(tmp_path, {
        "SUMMARY.md": "* [Home](README.md)\n* [Habits](habits.md)\n  * [Tiny](habits/tiny.md)\n",
        "habits.md": "# Habits now\n\nThe current page.\n",
        "habits/README.md": "# Habits, the old page\n\nFrom before.\n",
        "habits/tiny.md": "# Tiny\n",
    })
    assert build.returncode == 0, build.stderr
    assert "The current page." in page_text(root, "habits")
    assert "From before." in page_text(root, "habits/readme-page")
    assert ("habits/README.md:1: kept as docs/habits/readme-page.md: habits.md builds to the same page "
            "(habits/), and SUMMARY.md lists habits.md there") in result.stdout
    assert not ((root / "docs/habits.md").exists() and (root / "docs/habits/index.md").exists())
    assert "conflict" not in build.stderr.lower()


def test_the_folder_readme_summary_lists_wins_and_the_older_page_moves_aside(tmp_path):
    root, result, build = import_and_build(tmp_path, {
        "SUMMARY.md": "* [Home](README.md)\n* [Habits](habits/README.md)\n",
        "habits.md": "# Habits, the old page\n\nFrom before.\n",
        "habits/README.md": "# Habits now\n\nThe current page.\n",
    })
    assert build.returncode == 0, build.stderr
    assert "The current page." in page_text(root, "habits")
    assert "From before." in page_text(root, "habits-page")
    assert ("habits.md:1: kept as docs/habits-page.md: habits/README.md builds to the same page "
            "(habits/), and SUMMARY.md lists habits/README.md there") in result.stdout
