"""Pages moved into docs from elsewhere in the repository keep the history of their old paths, read
with real git repositories (the GitBook import is one such move: tests/gitbook/test_gitbook_history.py)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from history_gitrepo import GitRepo, count_git_commands, page

from handbook.history.git import open_repository, read_history


def utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)


def history_of(root: Path, docs: str):
    repo = open_repository(root)
    return read_history(repo, repo.relative(root / docs), None)


def test_a_page_moved_into_a_nested_docs_folder_keeps_its_dates_authors_and_changelog(tmp_path, monkeypatch):
    r = GitRepo(tmp_path / "r", start=1_500_000_000)
    r.write("notes/a.md", page("A"))
    r.write("notes/gone.md", page("Gone"))
    r.write("src/app.py", "print(1)\n")
    first = r.commit("Write a", name="Ana Early", email="ana@example.org")
    r.mv("notes/a.md", "notes/b.md")
    r.rm("notes/gone.md")
    r.commit("Rename a to b, remove gone", name="Ana Early", email="ana@example.org")
    r.write("notes/b.md", page("B") + "\nMore.\n")
    r.write("src/app.py", "print(2)\n")
    expanded = r.commit("Expand b", name="Bo Later", email="bo@example.org")
    r.mv("notes/b.md", "site/docs/b.md")
    moved = r.commit("Move the notes into the site", name="Ivy Importer", email="ivy@example.org")
    r.write("notes/b.md", "a new file where the page was: not the page\n")
    r.commit("Scratch notes", name="Cy Other", email="cy@example.org")

    calls = count_git_commands(monkeypatch)
    h = history_of(r.root, "site/docs")
    record = h.files["site/docs/b.md".removeprefix("site/docs/")]
    assert record.created == utc(1_500_000_000 + 86_400)
    assert record.updated == utc(1_500_000_000 + 3 * 86_400)  # the move into docs is not an update
    assert record.contributor_names == ["Ana Early", "Bo Later"]  # moving it in is not writing it
    assert set(h.files) == {"b.md"}  # no file outside docs becomes a page
    by_sha = {c.sha: c for c in h.commits}
    assert [(c.status, c.current) for c in by_sha[first].changes] == [("A", "b.md")]
    assert [(c.status, c.current) for c in by_sha[expanded].changes] == [("M", "b.md")]
    assert [(c.status, c.old, c.current) for c in by_sha[moved].changes] == [("R", "../../notes/b.md", "b.md")]
    assert all(not c.changes for c in h.commits if c.subject == "Scratch notes")
    # One more `git log` for any number of moved pages, and none without a move.
    assert calls == ["rev-parse", "log", "log"], calls


def test_no_second_read_without_a_move_into_docs(tmp_path, monkeypatch):
    r = GitRepo(tmp_path / "r")
    r.write("site/docs/a.md", page("A"))
    r.commit("Write a")
    r.mv("site/docs/a.md", "site/docs/b.md")
    r.commit("Rename a")
    calls = count_git_commands(monkeypatch)
    h = history_of(r.root, "site/docs")
    assert h.files["b.md"].contributor_names == ["Ada Author"]
    assert calls == ["rev-parse", "log"], calls


def test_a_page_moved_out_of_docs_is_removed_and_its_name_starts_afresh(tmp_path):
    r = GitRepo(tmp_path / "r")
    r.write("notes/keep.md", page("Keep"))
    r.commit("Start the notes")
    r.mv("notes/keep.md", "site/docs/keep.md")
    r.write("site/docs/x.md", page("Old x"))
    r.commit("Move the notes in, write x", name="Ana Early", email="ana@example.org")
    r.mv("site/docs/x.md", "archive/x.md")
    removed = r.commit("Archive x")
    r.write("site/docs/x.md", page("New x, another page"))
    r.commit("A new x", name="Bo Later", email="bo@example.org")
    h = history_of(r.root, "site/docs")
    assert h.files["x.md"].contributor_names == ["Bo Later"]  # the archived x is another file
    assert [(c.status, c.path, c.current) for c in next(c for c in h.commits if c.sha == removed).changes] \
        == [("D", "x.md", None)]
