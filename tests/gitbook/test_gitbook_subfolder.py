"""A GitBook space in a folder of a larger repository, with `root`, a custom readme and summary."""

from __future__ import annotations

import git
import yaml
from gitbook_repo import Tags, commit_all, isolated_git, load_mkdocs_yml, make_repo, mkdocs_build, png, run_cli, write


def test_space_in_a_subfolder_with_custom_structure(tmp_path, monkeypatch):
    isolated_git(monkeypatch)
    repo_root = tmp_path / "monorepo"
    repo = make_repo(repo_root)
    write(repo_root, {
        "README.md": "# The monorepo\n",
        "app/main.py": "print('hello')\n",
        "handbook/.gitbook.yaml": (
            "root: ./content/\n"
            "structure:\n  readme: intro.md\n  summary: toc/TOC.md\n"
            "redirects:\n  guides/old-name: guides/new-name.md\n"
        ),
        "handbook/content/intro.md": "# Our Handbook\n\nRead [the guide](/guides/new-name.md).\n",
        "handbook/content/README.md": "# About this folder\n\nNot the home page here.\n",
        "handbook/content/toc/TOC.md": (
            "# Contents\n\n* [Intro](../intro.md)\n\n## Guides\n\n"
            "* [New name](../guides/new-name.md)\n* [Missing](../guides/missing.md)\n"
        ),
        "handbook/content/guides/new-name.md": (
            "# New name\n\n![logo](../.gitbook/assets/logo.png)\n\nSee [ghost](ghost.md).\n"
        ),
        "handbook/content/.gitbook/assets/logo.png": png(9),
    })
    commit_all(repo, "Handbook in GitBook")

    result = run_cli("import", "gitbook", "handbook", cwd=repo_root)
    assert result.returncode == 0, result.stderr
    space = repo_root / "handbook"
    assert (space / "docs/index.md").read_text(encoding="utf-8").startswith("# Our Handbook")
    assert (space / "docs/readme-page.md").read_text(encoding="utf-8").startswith("# About this folder")
    assert "content/README.md:1: kept as docs/readme-page.md: docs/index.md is taken" in result.stdout
    assert (space / "docs/assets/logo.png").is_file()
    assert (repo_root / "app/main.py").is_file() and (repo_root / "README.md").is_file()
    assert not (space / "content").exists()
    text = (space / "docs/index.md").read_text(encoding="utf-8")
    assert "[the guide](guides/new-name.md)" in text  # root-relative link made relative
    assert "content/toc/TOC.md:8: guides/missing.md does not exist; left it out of the nav" in result.stdout
    assert "content/guides/new-name.md:5: link to ghost.md: no such file" in result.stdout
    config = load_mkdocs_yml(space / "mkdocs.yml")
    assert config["site_name"] == "handbook"  # the folder's name, not the home page's title
    assert config["nav"] == [{"Intro": "index.md"}, {"Guides": [{"New name": "guides/new-name.md"}]}]

    build = mkdocs_build(space)
    assert build.returncode == 0, build.stderr
    html = (space / "site/guides/new-name/index.html").read_text(encoding="utf-8")
    assert Tags(html)("img")[0]["src"] == "../../assets/logo.png"
    redirect = (space / "site/guides/old-name/index.html").read_text(encoding="utf-8")
    assert Tags(redirect)("meta", content="0; url=../new-name/")

    log = git.Repo(repo_root).git.log("--follow", "--format=%s", "--", "handbook/docs/index.md").splitlines()
    assert log[-1] == "Handbook in GitBook"


def test_root_already_docs_and_no_summary(tmp_path, monkeypatch):
    """`root: ./docs/` keeps pages in place; without SUMMARY.md MkDocs makes the nav from the files."""
    isolated_git(monkeypatch)
    root = tmp_path / "space"
    repo = make_repo(root)
    write(root, {
        ".gitbook.yaml": "root: ./docs/\n",
        "docs/README.md": "# Practice Notes\n\n![dot](.gitbook/assets/dot.png)\n",
        "docs/walks/README.md": "# Walks\n\nSee [home](../README.md).\n",
        "docs/walks/routes.md": "# Routes\n",
        "docs/.gitbook/assets/dot.png": png(11),
    })
    commit_all(repo, "GitBook space in docs/")
    result = run_cli("import", "gitbook", str(root))
    assert result.returncode == 0, result.stderr
    assert "rename docs/walks/routes.md" not in result.stdout  # already in place
    assert "rename docs/README.md -> docs/index.md" in result.stdout
    assert "rename docs/.gitbook/assets/dot.png -> docs/assets/dot.png" in result.stdout
    config = load_mkdocs_yml(root / "mkdocs.yml")
    assert "nav" not in config and "not_in_nav" not in config and config["site_name"] == "space"
    groups = yaml.safe_load((root / "channel_map.yml").read_text(encoding="utf-8"))["discord_categories"]
    assert [c["category"] for g in groups for c in g["channels"] if c.get("kind") == "topic"] == ["walks"]
    build = mkdocs_build(root)
    assert build.returncode == 0, build.stderr
    assert Tags((root / "site/index.html").read_text(encoding="utf-8"))("img", src="assets/dot.png")
    again = run_cli("import", "gitbook", str(root))
    assert again.returncode == 0 and "nothing to do" in again.stdout
