"""Page renames for forum posts: git's rename detection on the commit that removed a page, followed
from rename to rename, in a real repository; a deleted page, or no git, finds nothing."""

from history_gitrepo import GitRepo, page

from handbook.history.renames import look_up_page_renames


def test_a_page_renamed_twice_is_found_where_it_is_now_and_a_deleted_one_is_not(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("docs/habits/tracking.md", page("Tracking"))
    repo.write("docs/focus/distractions.md", page("Distractions"))
    repo.write("docs/focus/noise.md", page("Noise"))
    repo.commit("pages")
    repo.mv("docs/habits/tracking.md", "docs/habits/tracking-progress.md")
    repo.rm("docs/focus/distractions.md")
    repo.commit("rename one, remove one")
    repo.mv("docs/habits/tracking-progress.md", "docs/progress/tracking.md")  # into another category
    repo.commit("a category of its own")
    found = look_up_page_renames(repo.root, repo.root / "docs",
                                 ["habits/tracking.md", "focus/distractions.md", "focus/noise.md", "never/was.md"])
    assert found == {"habits/tracking.md": "progress/tracking.md"}


def test_without_git_no_rename_is_found(tmp_path):
    (tmp_path / "docs").mkdir()
    assert look_up_page_renames(tmp_path, tmp_path / "docs", ["habits/tracking.md"]) == {}
