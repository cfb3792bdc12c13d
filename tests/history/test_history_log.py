"""One `git log` pass: commits, changes, renames followed, dates and contributors (real repositories)."""

from __future__ import annotations

import subprocess
from datetime import datetime, timezone
from pathlib import Path

import pytest
from history_gitrepo import STEP, T0, GitRepo, count_git_commands, make_site, page

from handbook.history.git import HistoryReader, open_repository, read_history
from handbook.history.log import parse_log


def utc(ts: int) -> datetime:
    return datetime.fromtimestamp(ts, timezone.utc)


def when(n: int) -> datetime:
    """The pinned date of the n-th commit (0-based) made by make_site."""
    return utc(T0 + n * STEP)


@pytest.fixture
def site(tmp_path: Path):
    return make_site(tmp_path / "site")


def history_of(root: Path):
    repo = open_repository(root)
    return read_history(repo, repo.relative(root / "docs"), repo.relative(root / "channel_map.yml"))


def test_commits_newest_first_without_merges(site) -> None:
    repo, ids = site
    h = history_of(repo.root)
    shas = [c.sha for c in h.commits]
    assert ids["merge"] not in shas
    assert shas == [ids[k] for k in ("coauthor", "map", "feature", "typo", "delete", "rename", "bo", "import")]
    assert h.shallow is False and h.head == ids["coauthor"]


def test_dates_contributors_and_renames_followed(site) -> None:
    repo, ids = site
    h = history_of(repo.root)
    tiny = h.files["habits/tiny.md"]
    assert tiny.created == when(0) and tiny.updated == when(4)
    # Mailmap applied: "Bob B <bo@old.example>" is shown as Bo Builder; most commits first.
    assert tiny.contributor_names == ["Ada Author", "Bo Builder"]
    renamed = h.files["focus/new-name.md"]
    assert renamed.created == when(0) and renamed.updated == when(2) and renamed.commits == 2
    assert "focus/old-name.md" not in h.files
    assert "rest/sleep.md" not in h.files
    tea = h.files["café/thé au lait.md"]
    assert tea.created == when(5) and tea.contributor_names == ["Dee Drafter"]
    assert h.files["index.md"].contributor_names == ["Ada Author", "Eve Editor"]


def test_changes_know_where_each_page_is_now(site) -> None:
    repo, ids = site
    h = history_of(repo.root)
    by_sha = {c.sha: c for c in h.commits}
    (imported,) = [c for c in by_sha[ids["import"]].changes if c.path == "focus/old-name.md"]
    assert (imported.status, imported.current) == ("A", "focus/new-name.md")
    (rename,) = by_sha[ids["rename"]].changes
    assert (rename.status, rename.old, rename.path, rename.current) == (
        "R", "focus/old-name.md", "focus/new-name.md", "focus/new-name.md",
    )
    (delete,) = by_sha[ids["delete"]].changes
    assert (delete.status, delete.current) == ("D", None)
    (sleep_added,) = [c for c in by_sha[ids["import"]].changes if c.path == "rest/sleep.md"]
    assert sleep_added.current is None
    assert by_sha[ids["map"]].map_blobs is not None and by_sha[ids["map"]].changes == []
    assert by_sha[ids["coauthor"]].authors == ("Ada Author", "Eve Editor")


def test_a_page_recreated_under_an_old_name_is_a_new_page(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "r")
    r.write("docs/a.md", page("First a"))
    r.commit("Add a")
    r.rm("docs/a.md")
    r.commit("Remove a")
    r.write("docs/a.md", page("Second a, unrelated"))
    third = r.commit("Add a again")
    h = history_of(r.root)
    assert h.files["docs/a.md".removeprefix("docs/")].created == h.commits[0].date
    assert h.files["a.md"].commits == 1
    assert h.commits[0].sha == third
    assert [c.current for c in h.commits[2].changes] == [None]  # the first a.md is gone


def test_detached_head(site) -> None:
    repo, ids = site
    repo.git("checkout", "-q", "--detach", ids["delete"])
    h = history_of(repo.root)
    assert h.head == ids["delete"]
    assert h.files["habits/tiny.md"].updated == when(1)
    assert "café/thé au lait.md" not in h.files


def test_shallow_clone_has_no_creation_dates_from_the_cut_off(site, tmp_path: Path) -> None:
    repo, ids = site
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.root}", str(clone)], check=True)
    h = history_of(clone)
    assert h.shallow is True
    boundary = [c for c in h.commits if c.boundary]
    assert len(boundary) == 1
    # index.md was edited after the cut-off: its update is known, its creation is not.
    assert h.files["index.md"].updated == when(8) and h.files["index.md"].created is None
    # Pages only seen in the cut-off commit get no record at all rather than a false date.
    assert "habits/tiny.md" not in h.files


def test_names_with_spaces_quotes_and_non_ascii(tmp_path: Path) -> None:
    r = GitRepo(tmp_path / "r")
    names = ['docs/dir with space/naïve "quoted".md', "docs/日本語/ページ.md", "docs/tab\there.md"]
    for n in names:
        r.write(n, page(n))
    r.commit("Add odd names", name="Zoë Ünicode", email="z@example.org")
    r.mv("docs/日本語/ページ.md", "docs/日本語/新しい.md")
    r.commit("Rename")
    h = history_of(r.root)
    assert set(h.files) == {'dir with space/naïve "quoted".md', "日本語/新しい.md", "tab\there.md"}
    assert h.files["日本語/新しい.md"].contributor_names == ["Ada Author", "Zoë Ünicode"]
    assert h.files["日本語/新しい.md"].commits == 2


def test_parse_log_ignores_files_outside_docs_and_tracks_moves_across_the_border() -> None:
    z = "0" * 40
    a, b = "a" * 40, "b" * 40
    out = (
        "\x1e" + "1" * 40 + "\x1f" + "2" * 40 + "\x1f2024-01-02T03:04:05+01:00\x1fAda\x1fMove\x1f\0"
        f"\n:100644 100644 {a} {a} R100\0docs/x.md\0archive/x.md\0"
        f":000000 100644 {z} {b} A\0README.md\0"
        f":100644 100644 {a} {a} R090\0notes/y.md\0docs/y.md\0"
        f":100644 100644 {a} {b} M\0channel_map.yml\0"
    )
    (commit,) = parse_log(out, "docs/", "channel_map.yml")
    assert [(c.status, c.path) for c in commit.changes] == [("D", "x.md"), ("A", "y.md")]
    assert commit.map_blobs == (a, b)
    assert commit.date == datetime(2024, 1, 2, 2, 4, 5, tzinfo=timezone.utc)


def test_reader_caches_by_head_and_overlays_local_edits(site) -> None:
    repo, ids = site
    reader = HistoryReader()
    docs, cmap = repo.root / "docs", repo.root / "channel_map.yml"
    first = reader.snapshot(docs, cmap)
    assert reader.reads == 1 and first.worktree == {}
    repo.write("docs/habits/tiny.md", "# Tiny habits\n\nEdited locally.\n")
    repo.write("docs/draft.md", "# Draft\n")
    second = reader.snapshot(docs, cmap)
    assert reader.reads == 1, "a local edit must not re-read the history"
    assert second.history is first.history
    assert second.worktree == {"habits/tiny.md": "modified", "draft.md": "new"}
    repo.commit("Commit the edits")
    third = reader.snapshot(docs, cmap)
    assert reader.reads == 2 and third.worktree == {}
    assert third.history.files["draft.md"].created == third.history.commits[0].date


def test_background_reader_and_no_repository(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "docs").mkdir()
    reader = HistoryReader()
    reader.start(tmp_path / "docs", None)
    snap = reader.result()
    assert snap.history.problem and "not inside a git repository" in snap.history.problem


def test_ten_thousand_commits_in_one_pass(tmp_path: Path, monkeypatch) -> None:
    r = GitRepo(tmp_path / "big")
    chunks = []
    for i in range(10_000):
        t = 1_500_000_000 + i * 3600
        msg = f"Edit {i}"
        chunks.append(
            f"commit refs/heads/main\nauthor P{i % 40} <p{i % 40}@example.org> {t} +0000\n"
            f"committer P <p@example.org> {t} +0000\ndata {len(msg)}\n{msg}\n"
        )
        body = f"# Page {i % 300}\n\nrevision {i}\n"
        chunks.append(f"M 100644 inline docs/s{i % 300 % 7}/p{i % 300}.md\ndata {len(body.encode())}\n{body}\n")
    subprocess.run(["git", "fast-import", "--quiet"], cwd=r.root, input="".join(chunks).encode(), check=True)
    r.git("checkout", "-q", "-f", "main")
    calls = count_git_commands(monkeypatch)
    h = history_of(r.root)
    assert len(h.commits) == 10_000
    assert len(h.files) == 300
    assert sum(f.commits for f in h.files.values()) == 10_000
    assert h.files["s0/p0.md"].created == utc(1_500_000_000)
    assert calls == ["rev-parse", "log"], calls  # one pass over the history, whatever its length
