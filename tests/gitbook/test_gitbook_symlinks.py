"""A GitBook repository may hold symbolic links. The import never reads or writes through one that
leaves the repository (a page, an `{% include %}`, an asset): it reports it with the fix and leaves
it where it is. A link to a file inside the repository is imported like any file."""

from __future__ import annotations

import os
from pathlib import Path

import git
import pytest
from gitbook_repo import commit_all, isolated_git, make_repo, run_cli, write

SECRET = "# Private notes\n\nThe moderators' door code is 4711.\n"
FIX = "copy the file into the repository, or remove the link"


@pytest.fixture(autouse=True)
def _git(monkeypatch):
    isolated_git(monkeypatch)


@pytest.fixture
def book(tmp_path: Path) -> dict:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.md").write_text(SECRET, encoding="utf-8")
    (outside / "snippet.md").write_text("The snippet from outside: door code 4711.\n", encoding="utf-8")
    root = tmp_path / "book"
    repo = make_repo(root)
    write(root, {
        "SUMMARY.md": "* [Home](README.md)\n* [Secret](secret.md)\n* [Shared](shared.md)\n",
        "README.md": '# Home\n\nWelcome.\n\n{% include ".gitbook/includes/snippet.md" %}\n',
        "notes/real.md": "# Real page\n\nKept in the repository.\n",
    })
    os.symlink(outside / "secret.md", root / "secret.md")
    (root / ".gitbook" / "includes").mkdir(parents=True)
    os.symlink(outside / "snippet.md", root / ".gitbook" / "includes" / "snippet.md")
    os.symlink("notes/real.md", root / "shared.md")  # stays inside the repository
    commit_all(repo, "GitBook with links")
    return {"root": root, "repo": repo, "outside": outside}


def test_a_link_out_of_the_repository_is_reported_and_never_followed(book):
    root, repo, outside = book["root"], book["repo"], book["outside"]
    result = run_cli("import", "gitbook", str(root))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    out = result.stdout
    # each link is named with the fix, and counted among the things to look at
    assert f"secret.md:1: is a link to {outside / 'secret.md'}, outside the repository; not imported: {FIX}" in out
    assert (f".gitbook/includes/snippet.md:1: is a link to {outside / 'snippet.md'}, outside the repository; "
            f"not imported: {FIX}") in out
    assert "README.md:5: {% include %} of .gitbook/includes/snippet.md: a link out of the repository; " \
           f"removed it ({FIX})" in out
    looked_at = int(out.split(" things to look at")[0].rsplit(" ", 1)[1])
    assert looked_at == out.count("not converted:") >= 3
    # nothing from outside reached the repository's commits
    for commit in repo.iter_commits(max_count=2):
        for blob in commit.tree.traverse():
            if blob.type == "blob":
                assert b"4711" not in blob.data_stream.read()
    # the links stayed where they were, outside files untouched
    assert (root / "secret.md").is_symlink() and not (root / "docs" / "secret.md").exists()
    assert (outside / "secret.md").read_text(encoding="utf-8") == SECRET
    assert "4711" not in (root / "docs" / "index.md").read_text(encoding="utf-8")
    # a link inside the repository is imported as any page
    assert "rename shared.md -> docs/shared.md" in out
    assert not [line for line in out.splitlines() if "shared.md" in line and "outside the repository" in line]


def test_the_dry_run_reports_the_links_too(book):
    result = run_cli("import", "gitbook", str(book["root"]), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert f"secret.md:1: is a link to {book['outside'] / 'secret.md'}, outside the repository" in result.stdout
    assert "rename secret.md" not in result.stdout


def test_a_summary_linked_from_outside_is_refused(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "SUMMARY.md").write_text("* [Home](README.md)\n", encoding="utf-8")
    root = tmp_path / "book"
    repo = make_repo(root)
    write(root, {"README.md": "# Home\n"})
    os.symlink(outside / "SUMMARY.md", root / "SUMMARY.md")
    commit_all(repo, "GitBook")
    head = repo.head.commit.hexsha
    result = run_cli("import", "gitbook", str(root))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert f"SUMMARY.md: is a link to {outside / 'SUMMARY.md'}, outside the repository" in result.stderr
    assert FIX in result.stderr
    assert git.Repo(root).head.commit.hexsha == head and not (root / "docs").exists()


def test_a_dangling_link_out_is_never_written_through(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    root = tmp_path / "book"
    repo = make_repo(root)
    write(root, {"SUMMARY.md": "* [Home](README.md)\n", "README.md": "# Home\n"})
    os.symlink(outside / "mkdocs.yml", root / "mkdocs.yml")  # points at nothing yet
    commit_all(repo, "GitBook")
    head = repo.head.commit.hexsha
    result = run_cli("import", "gitbook", str(root))
    assert result.returncode == 2, (result.stdout, result.stderr)
    assert "Traceback" not in result.stderr
    assert f"mkdocs.yml: is a link to {outside / 'mkdocs.yml'}, outside the repository" in result.stderr
    assert not list(outside.iterdir())
    assert git.Repo(root).head.commit.hexsha == head and not (root / "docs").exists()
