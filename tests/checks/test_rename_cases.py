"""Folder renames that git's rename detection alone misses, and history that cannot see them.

Each case is a real git repository with a handbook, run through `handbook check` and `sync`.
"""

import subprocess

import pytest
from cli_run import run
from history_gitrepo import GitRepo, page

from handbook.channelmap.loader import load_channel_map

MKDOCS = "site_name: T\nplugins:\n  - handbook:\n      history: false\n"
MAP = """\
discord_categories:
  - name: Handbook Topics
    channels:
      - name: habits
        kind: topic
        category: habits
        topic: Habits
        id: "223456789012345678"
      - name: rest
        kind: topic
        category: rest
        topic: Rest
        id: "123456789012345678"
"""


@pytest.fixture
def repo(tmp_path, monkeypatch) -> GitRepo:
    r = GitRepo(tmp_path / "site")
    r.write("mkdocs.yml", MKDOCS)
    r.write("channel_map.yml", MAP)
    r.write("docs/index.md", "# Home\n")
    r.write("docs/habits/index.md", "# Habits\n")
    r.write("docs/rest/index.md", page("Rest"))
    r.commit("Start")
    monkeypatch.chdir(r.root)
    return r


def assert_renamed_keeping_the_id(repo, capsys, title="Rest"):
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert "the handbook category `rest` was renamed to `recovery`: rename #rest to #recovery" in out
    assert "orphan-channel" not in out and "missing-channel" not in out
    code, out, _ = run(capsys, "sync")
    assert code == 0 and "renamed #rest to #recovery" in out
    channel = load_channel_map(repo.root / "channel_map.yml").topic_channel_for("recovery")
    assert (channel.name, channel.id) == ("recovery", "123456789012345678")


def test_the_only_file_rewritten_in_the_rename_commit(repo, capsys):
    repo.mv("docs/rest", "docs/recovery")
    repo.write("docs/recovery/index.md", "# Rest\n\nEntirely new words about sleeping well.\n")
    repo.commit("Rest becomes recovery, rewritten")
    assert_renamed_keeping_the_id(repo, capsys)


def test_copy_in_one_commit_then_delete_in_the_next(repo, capsys):
    repo.write("docs/recovery/index.md", page("Rest"))
    repo.commit("Copy rest to recovery")
    repo.rm("docs/rest")
    repo.commit("Remove rest")
    assert_renamed_keeping_the_id(repo, capsys)


def test_several_files_moved_together_and_all_rewritten(repo, capsys):
    for name in ("sleep", "naps", "breaks"):
        repo.write(f"docs/rest/{name}.md", page(f"rest {name}"))
    repo.commit("More about rest")
    repo.mv("docs/rest", "docs/recovery")
    for name in ("index", "sleep", "naps", "breaks"):
        repo.write(f"docs/recovery/{name}.md", f"# {name}\n\nrewritten from scratch\n")
    repo.commit("Rest becomes recovery, every page rewritten")
    assert_renamed_keeping_the_id(repo, capsys)


def test_a_rename_not_committed_yet(repo, capsys):
    repo.mv("docs/rest", "docs/recovery")
    assert_renamed_keeping_the_id(repo, capsys)


def test_a_deleted_folder_is_not_taken_for_a_new_folder_with_an_index_page(repo, capsys):
    repo.rm("docs/rest")
    repo.write("docs/recovery/index.md", "# Recovery\n\nA new topic.\n")
    repo.write("docs/recovery/other.md", "# Other\n\nUnrelated.\n")
    repo.commit("Drop rest, start recovery")
    code, out, _ = run(capsys, "check")
    assert code == 1 and "orphan-channel" in out and "missing-channel" in out and "renamed" not in out


def test_two_equally_good_destinations_are_no_rename(repo, capsys):
    repo.rm("docs/rest")
    repo.write("docs/recovery/index.md", "# Recovery\n")
    repo.write("docs/sleep/index.md", "# Sleep\n")
    repo.commit("Split rest, rewritten")
    code, out, _ = run(capsys, "check")
    assert code == 1 and "renamed" not in out and out.count("missing-channel") == 2


def test_a_shallow_clone_says_so_and_sync_holds_back(repo, capsys, tmp_path, monkeypatch):
    repo.mv("docs/rest", "docs/recovery")
    repo.commit("Rename rest")
    repo.write("docs/index.md", "# Home\n\nlater\n")
    repo.commit("Later edit")
    clone = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    monkeypatch.chdir(clone)
    code, out, _ = run(capsys, "check")
    assert code == 1
    assert ("git history cannot tell whether it was renamed to `recovery`: this git clone is shallow" in out)
    assert "git fetch --unshallow" in out
    before = (clone / "channel_map.yml").read_bytes()
    code, out, _ = run(capsys, "sync")
    assert code == 1
    assert out.splitlines() == [
        "channel_map.yml: left for you: kept #rest as it is: git history cannot tell whether `rest` was renamed "
        "(this git clone is shallow, so its history may not reach the rename)",
        "channel_map.yml: left for you: did not add #recovery for `recovery`: it may be a renamed category",
        "channel_map.yml: left for you: fetch the full history (`git fetch --unshallow`) and run `handbook sync` "
        "again, or settle it by hand (`category:` for a rename, `status: archived` otherwise)",
    ]
    assert (clone / "channel_map.yml").read_bytes() == before
    subprocess.run(["git", "fetch", "-q", "--unshallow"], cwd=clone, check=True)
    code, out, _ = run(capsys, "sync")
    assert code == 0 and "renamed #rest to #recovery" in out


def test_without_git_sync_says_why_it_archives_nothing(tmp_path, monkeypatch, capsys):
    (tmp_path / "docs/recovery").mkdir(parents=True)
    (tmp_path / "docs/habits").mkdir()
    (tmp_path / "docs/recovery/index.md").write_text("# Rest\n")
    (tmp_path / "docs/habits/index.md").write_text("# Habits\n")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    (tmp_path / "channel_map.yml").write_text(MAP)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "sync")
    assert code == 1 and "is not inside a git repository" in out and "kept #rest as it is" in out
    assert (tmp_path / "channel_map.yml").read_text() == MAP


def test_an_orphan_with_no_new_category_is_archived_without_asking_git(tmp_path, monkeypatch, capsys):
    (tmp_path / "docs/habits").mkdir(parents=True)
    (tmp_path / "docs/habits/index.md").write_text("# Habits\n")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS)
    (tmp_path / "channel_map.yml").write_text(MAP)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(capsys, "sync")
    assert code == 0 and out == "channel_map.yml: archived #rest (its category `rest` is gone or excluded)\n"
