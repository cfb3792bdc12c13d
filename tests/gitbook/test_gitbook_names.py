"""The handbook's name, GitBook's leftover files, and `:emoji:` shortcodes.

`site_name` (and the starter map's `server.name`) is the book's name: `book.json`'s `title`, else
the repository's folder name, never the first page's title ("Introduction"). `book.json`, a
`package.json` that installs GitBook's command line and a `Makefile` that runs it are reported with
what to do. GitBook renders `:tada:`; so does the imported handbook (Material's emoji extension)."""

from __future__ import annotations

import json

import pytest
import yaml
from gitbook_repo import Tags, commit_all, isolated_git, load_mkdocs_yml, make_repo, mkdocs_build, run_cli, write

SUMMARY = "* [Introduction](README.md)\n* [Setup](setup.md)\n"


@pytest.fixture(autouse=True)
def _git(monkeypatch):
    isolated_git(monkeypatch)


def import_space(tmp_path, files: dict[str, str], folder: str = "campfire-book"):
    root = tmp_path / folder
    repo = make_repo(root)
    write(root, {"SUMMARY.md": SUMMARY, "README.md": "# Introduction\n\nWelcome :tada:\n",
                 "setup.md": "# Setup\n", **files})
    commit_all(repo, "GitBook")
    result = run_cli("import", "gitbook", str(root))
    assert result.returncode == 0, result.stderr
    return root, result


def names(root) -> tuple[str, str]:
    server = yaml.safe_load((root / "channel_map.yml").read_text(encoding="utf-8"))["server"]["name"]
    return load_mkdocs_yml(root / "mkdocs.yml")["site_name"], server


def test_the_name_is_book_json_title_and_leftover_files_are_reported(tmp_path):
    root, result = import_space(tmp_path, {
        "book.json": json.dumps({"title": "Campfire Practice Handbook", "plugins": ["hints"]}),
        "package.json": json.dumps({"devDependencies": {"gitbook-cli": "^2.3.2"}}),
        "Makefile": "serve:\n\tgitbook serve\n",
    })
    assert names(root) == ("Campfire Practice Handbook", "Campfire Practice Handbook")
    out = result.stdout
    assert ("book.json:1: GitBook's old settings file: MkDocs does not read it (its title is site_name in "
            "mkdocs.yml now); move what else you need into mkdocs.yml, then delete it") in out
    assert ("package.json:1: installs GitBook's command line, which the handbook does not need: remove its "
            "gitbook entries (or the file)") in out
    assert ("Makefile:1: runs GitBook's command line: change `gitbook build` and `gitbook serve` to "
            "`mkdocs build --strict` and `mkdocs serve`") in out
    looked_at = int(out.split(" things to look at")[0].rsplit(" ", 1)[1])
    assert looked_at == out.count("not converted:")


def test_without_book_json_the_name_is_the_folder_name_not_the_first_page(tmp_path):
    root, result = import_space(tmp_path, {"package.json": json.dumps({"name": "tools", "dependencies": {}}),
                                           "Makefile": "test:\n\tpytest\n"})
    assert names(root) == ("campfire-book", "campfire-book")
    assert "package.json" not in result.stdout.split("Imported")[0].replace("rename", "")  # not GitBook's
    assert "Makefile:1" not in result.stdout


def test_emoji_shortcodes_render(tmp_path):
    root, _ = import_space(tmp_path, {})
    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    home = (root / "site" / "index.html").read_text(encoding="utf-8")
    assert "Welcome :tada:" not in home  # rendered, not left as text
    assert [img["alt"] for img in Tags(home)("img", **{"class": "twemoji"})] == ["\N{PARTY POPPER}"]
