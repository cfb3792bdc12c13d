"""The `Changelog:` trailer (a real repository, a real build, `handbook discord announce`), and
names that are never e-mail addresses."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from history_gitrepo import GitRepo, MKDOCS_YML, page
from mkdocs.commands.build import build
from mkdocs.config import load_config

from handbook import cli
from handbook.history.log import Contact, display_name

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def repo(tmp_path):
    repo = GitRepo(tmp_path / "site")
    repo.write("mkdocs.yml", MKDOCS_YML.format(options="      history: true"))
    repo.write("docs/index.md", page("Welcome"))
    repo.write("docs/habits/index.md", page("Habits"))
    repo.commit("Import the handbook")
    return repo


def changelog_and_feed(root):
    config = load_config(config_file=str(root / "mkdocs.yml"), strict=True)
    build(config)
    html = (root / "site" / "changelog" / "index.html").read_text("utf-8")
    feed = ET.parse(root / "site" / "feed.xml").getroot()
    return html, [e.findtext(f"{ATOM}title") for e in feed.findall(f"{ATOM}entry")]


def test_the_trailer_replaces_the_subject_and_skip_hides_the_commit(repo):
    repo.write("docs/habits/index.md", page("Habits") + "\nMore.\n")
    repo.commit("discord CLI: load the Discord modules lazily\n\nWhy it matters.\n\n"
                "Changelog: The habits page has a new section\nSigned-off-by: Ada <ada@example.org>")
    repo.write("docs/index.md", page("Welcome") + "\nMore.\n")
    repo.commit("Refactor the welcome page markup\n\nChangelog: skip")
    repo.write("docs/index.md", page("Welcome") + "\nMore, fixed.\n")
    repo.commit("Fix typo\n\nChangelog: The crisis line number on the home page is corrected")
    html, titles = changelog_and_feed(repo.root)
    assert titles == ["The crisis line number on the home page is corrected",
                      "The habits page has a new section", "Import the handbook"]
    assert "The habits page has a new section" in html and "The crisis line number" in html
    for hidden in ("discord CLI", "Refactor the welcome page", "Fix typo", "Signed-off-by"):
        assert hidden not in html


def test_announce_counts_no_skipped_commit(repo, capsys, monkeypatch):
    start = repo.git("rev-parse", "HEAD").strip()
    repo.write("docs/habits/index.md", page("Habits") + "\nMore.\n")
    repo.commit("Refactor the habits page\n\nChangelog: skip")
    repo.write("docs/habits/new.md", page("New habits"))
    repo.commit("Add new habits\n\nChangelog: A page about new habits")
    monkeypatch.chdir(repo.root)
    assert cli.main(["discord", "announce", "--since", start, "--dry-run"]) == 0
    embed = json.loads(capsys.readouterr().out)["embeds"][0]
    assert embed["description"].splitlines() == ["**Added** [New habits](https://handbook.example.org/habits/new/)"]
    assert embed["footer"]["text"] == "1 page changed in 1 commit"


@pytest.mark.parametrize(("name", "shown"), [
    ("Ada Lovelace", "Ada Lovelace"),
    ("ivan@example.org", "ivan"),
    ("<ivan@example.org>", "ivan"),
    ("12345+kim@users.noreply.github.com", "kim"),
    ("noreply@example.com", "a contributor"),
    ("1234@example.com", "a contributor"),
    ("Ivan (ivan@example.org)", "Ivan (ivan)"),
    ("   ", "a contributor"),
])
def test_display_names_are_never_addresses(name, shown):
    assert display_name(name) == shown


@pytest.mark.parametrize(("value", "contact"), [
    ("Eve Editor <eve@example.org>", Contact("Eve Editor", "eve@example.org")),
    ("zoe@example.net", Contact("", "zoe@example.net")),
    ("<zoe@example.net>", Contact("", "zoe@example.net")),
    ("Just A Name", Contact("Just A Name", "")),
    ("", None),
])
def test_co_author_contacts(value, contact):
    assert Contact.parse(value) == contact


def test_mailmap_applies_to_co_authors_with_one_git_call(repo, monkeypatch):
    from handbook.history import git as history_git

    repo.write(".mailmap", "Bo Builder <bo@example.org> <bo@old.example>\nZoe Zed <zoe@example.net>\n")
    repo.write("docs/index.md", page("Welcome") + "\nMore.\n")
    repo.commit("Warmer welcome\n\nCo-authored-by: Bob B <bo@old.example>\nCo-authored-by: zoe@example.net\n"
                "Co-authored-by: carl@example.com")
    calls = []
    run = history_git.Repository.run
    monkeypatch.setattr(history_git.Repository, "run",
                        lambda self, *args, **kw: calls.append(args[0]) or run(self, *args, **kw))
    html, _ = changelog_and_feed(repo.root)
    assert calls.count("check-mailmap") == 1
    assert "Ada Author, Bo Builder, Zoe Zed, carl" in html


def test_the_changelog_and_the_announcement_drop_the_same_noise(repo, capsys, monkeypatch):
    """One rule (`Commit.is_noise`): a typo fix is noise for both, a typo fix with a `Changelog:`
    line is news for both, `Changelog: skip` is noise for both."""
    start = repo.git("rev-parse", "HEAD").strip()
    subjects = {"docs/habits/a.md": "Fix typos", "docs/habits/b.md": "Fix typo\n\nChangelog: Page B is clearer",
                "docs/habits/c.md": "Add page C\n\nChangelog: skip", "docs/habits/d.md": "Add page D"}
    for path, message in subjects.items():
        repo.write(path, page(path[-4].upper()))
        repo.commit(message)
    _, titles = changelog_and_feed(repo.root)
    assert titles == ["Add page D", "Page B is clearer", "Import the handbook"]
    monkeypatch.chdir(repo.root)
    assert cli.main(["discord", "announce", "--since", start, "--dry-run"]) == 0
    message = json.loads(capsys.readouterr().out)
    assert message["embeds"][0]["footer"]["text"].endswith(" in 2 commits"), message


def test_every_markdown_suffix_mkdocs_reads_is_a_page_of_the_changelog(repo):
    """MkDocs builds `.mdown`, `.mkdn` and `.mkd` files as pages: the changelog lists them too."""
    for suffix in (".mdown", ".mkdn", ".mkd"):
        repo.write(f"docs/habits/page-{suffix[1:]}{suffix}", page(f"Page {suffix}"))
        repo.commit(f"Add a {suffix} page")
    html, titles = changelog_and_feed(repo.root)
    assert titles[:3] == ["Add a .mkd page", "Add a .mkdn page", "Add a .mdown page"]
    for suffix in (".mdown", ".mkdn", ".mkd"):
        assert f"Page {suffix}" in html
