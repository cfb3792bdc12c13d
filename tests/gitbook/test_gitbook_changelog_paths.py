"""A page renamed before it moved into docs (in GitBook's days, or anywhere else in the repository)
is told in the changelog and the feed by the path it had in the repository, never as a `../` path
relative to a docs folder that did not hold it yet."""

from __future__ import annotations

import html
import re

import pytest
from gitbook_repo import mkdocs_build, run_cli
from history_gitrepo import BASE_ENV, GitRepo, page
from sitekit import build_site, write_files

SUMMARY = "# Table of contents\n\n* [Welcome](README.md)\n* [Habits](habits/README.md)\n  * [Tiny habits](habits/tiny.md)\n"


def renamed_lines(text: str) -> list[str]:
    """The text of each "Renamed:" item of a changelog page or feed (tags dropped)."""
    text = html.unescape(html.unescape(text))  # the feed's content is HTML inside XML
    return [" ".join(re.sub(r"<[^>]+>", " ", m).split()) for m in re.findall(r"Renamed:(.*?)</li>", text)]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    with pytest.MonkeyPatch.context() as env:
        for key, value in {**BASE_ENV, "NO_MKDOCS_2_WARNING": "1"}.items():
            env.setenv(key, value)
        for who in ("AUTHOR", "COMMITTER"):  # whoever runs the import
            env.setenv(f"GIT_{who}_NAME", "Ivy Importer")
            env.setenv(f"GIT_{who}_EMAIL", "ivy@example.org")
        root = tmp_path_factory.mktemp("gitbook") / "handbook"
        repo = GitRepo(root, start=1_577_836_800)
        repo.write("SUMMARY.md", SUMMARY)
        repo.write("README.md", "# Welcome\n\nHello.\n")
        repo.write("habits/README.md", "# Habits\n\nAll about habits.\n")
        repo.write("habits/tiny-draft.md", "# Tiny habits\n\nStart small.\n")
        repo.commit("GitBook: first pages")
        repo.mv("habits/tiny-draft.md", "habits/tiny.md")
        repo.commit("GitBook: rename the tiny habits page")
        result = run_cli("import", "gitbook", str(root))
        assert result.returncode == 0, result.stderr
        build = mkdocs_build(root)
        assert build.returncode == 0, build.stderr
        yield root / "site"


def test_a_rename_made_in_gitbook_shows_the_pages_old_gitbook_path(imported):
    changelog = "".join(page.read_text(encoding="utf-8")  # the page and its pages per year
                        for page in sorted((imported / "changelog").rglob("index.html")))
    assert renamed_lines(changelog) == ["habits/tiny-draft.md → Tiny habits"]
    assert "../" not in " ".join(re.findall(r"<code>(.*?)</code>", changelog))


def test_the_feed_tells_it_the_same_way(imported):
    feed = (imported / "feed.xml").read_text(encoding="utf-8")
    assert renamed_lines(feed) == ["habits/tiny-draft.md → Tiny habits"]
    assert "<code>../" not in html.unescape(feed)


def test_a_page_renamed_then_moved_into_a_nested_docs_folder(tmp_path, monkeypatch):
    for key, value in BASE_ENV.items():
        monkeypatch.setenv(key, value)
    repo = GitRepo(tmp_path / "repo")
    repo.write("notes/a.md", page("Routines"))
    repo.write("notes/scratch.md", page("Scratch"))
    repo.commit("Write the routines notes")
    repo.mv("notes/a.md", "notes/routines.md")
    repo.commit("Name the routines notes")
    repo.mv("notes/routines.md", "site/docs/routines.md")
    repo.mv("notes/scratch.md", "site/docs/scratch.md")  # in docs, left out of the site
    repo.write("site/docs/routines.md", page("Routines") + "\nOne more line.\n")  # moved and edited
    repo.commit("Move the notes into the handbook")
    write_files(repo.root / "site", {"docs/index.md": "# Home\n", "mkdocs.yml": "site_name: Notes\nsite_url: "
                "https://notes.example/\ntheme: {name: material}\nplugins: [search, {handbook: {drift: ignore}}]\n"
                "exclude_docs: scratch.md\n"})
    repo.commit("Add the site")
    built = build_site(repo.root / "site")
    assert built.aborted is None, built.aborted
    lines = renamed_lines(built.html("changelog/index.html"))
    assert lines == ["notes/routines.md → Routines , notes/scratch.md → scratch.md", "notes/a.md → Routines"], lines
    changelog = built.html("changelog/index.html")
    added = re.search(r"Write the routines notes.*?Added:(.*?)</li>", changelog, re.S)[1]
    assert "<code>scratch.md</code>" in added  # named where it is now, not by its old `../` path
    assert "../" not in " ".join(re.findall(r"<code>(.*?)</code>", changelog))
