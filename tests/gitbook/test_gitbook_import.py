"""End to end: a GitBook repository with history, `handbook import gitbook`, a strict MkDocs build."""

from __future__ import annotations

import posixpath
from urllib.parse import unquote, urljoin

import git
import pytest
import yaml
from gitbook_repo import Tags, isolated_git, load_mkdocs_yml, make_gitbook, mkdocs_build, run_cli
from handbook.gitbook.importer import CONVERT_SUBJECT, RENAME_SUBJECT


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The sample GitBook repository after one import and one strict build."""
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolated_git(monkeypatch)
        root = tmp_path_factory.mktemp("gitbook") / "handbook"
        repo = make_gitbook(root)
        before = repo.head.commit.hexsha
        result = run_cli("import", "gitbook", str(root))
        build = mkdocs_build(root)
        again = run_cli("import", "gitbook", str(root))
        yield {"root": root, "repo": git.Repo(root), "before": before, "result": result, "build": build,
               "again": again}


def page(imported, url: str) -> str:
    return (imported["root"] / "site" / url / "index.html").read_text(encoding="utf-8")


def test_import_succeeds_and_builds_strictly(imported):
    assert imported["result"].returncode == 0, imported["result"].stderr
    assert "Traceback" not in imported["result"].stderr
    assert imported["build"].returncode == 0, imported["build"].stderr


def test_two_commits_first_is_pure_renames(imported):
    repo = imported["repo"]
    assert [c.summary for c in repo.iter_commits(max_count=2)] == [CONVERT_SUBJECT, RENAME_SUBJECT]
    assert repo.commit("HEAD~2").hexsha == imported["before"]
    statuses = repo.git.show("--name-status", "-M", "--format=", "HEAD~1").splitlines()
    assert statuses and all(line.startswith("R100\t") for line in statuses), statuses
    renamed = {tuple(line.split("\t")[1:]) for line in statuses}
    assert ("README.md", "docs/index.md") in renamed
    assert ("extra/[draft] notes*.md", "docs/extra/[draft] notes*.md") in renamed
    assert ("habits/README.md", "docs/habits/index.md") in renamed
    assert (".gitbook/assets/Screen Shot (1).png", "docs/assets/Screen Shot (1).png") in renamed


@pytest.mark.parametrize(
    "path, subjects",
    [
        ("docs/getting-started/install.md", ["GitBook: write the install guide", "GitBook: first pages"]),
        ("docs/habits/index.md", ["GitBook: first pages"]),
        ("docs/getting-started/tabs.md", ["GitBook: add tabs and code"]),
        ("docs/assets/café corner.png", ["GitBook: first pages"]),
    ],
)
def test_git_log_follow_keeps_history(imported, path, subjects):
    log = imported["repo"].git.log("--follow", "--format=%s", "--", path).splitlines()
    assert log[-len(subjects):] == subjects
    assert RENAME_SUBJECT in log


def test_files_in_place(imported):
    root = imported["root"]
    assert (root / "LICENSE").read_text() == "MIT License\n"
    assert not (root / ".gitbook/assets").exists()
    assert not (root / "SUMMARY.md").exists() and not (root / ".gitbook.yaml").exists()
    assert (root / "docs/assets/guide (final).pdf").is_file()
    assert (root / "docs/images/diagram.png").is_file()  # used by a page: published
    assert (root / "docs/habits/cue-card.pdf").is_file()  # beside its pages: moves with them
    assert (root / "tools/check-links.sh").is_file()  # not the handbook's: stays
    for markdown in (root / "docs").rglob("*.md"):
        text = markdown.read_text(encoding="utf-8")
        outside_code = text.split("```")[::2]
        assert not any("{%" in part for part in outside_code), markdown


def test_every_image_and_download_resolves(imported):
    site = imported["root"] / "site"
    checked = 0
    for html_file in site.rglob("*.html"):
        tags = Tags(html_file.read_text(encoding="utf-8"))
        base = html_file.relative_to(site).as_posix()
        urls = [a["src"] for a in tags("img")] + [a["href"] for a in tags("a") if "download" in a]
        for url in urls:
            if "://" in url or url.startswith("data:"):
                continue
            target = posixpath.normpath(unquote(urljoin(base, url).split("#")[0]))
            assert (site / target).is_file(), f"{base}: {url}"
            checked += 1
    assert checked >= 6


def test_hints_become_admonitions(imported):
    tags = Tags(page(imported, "getting-started/install"))
    assert tags("div", **{"class": "warning"})
    assert tags("div", **{"class": "success"})
    html = page(imported, "getting-started/install")
    assert '<p class="admonition-title">All set</p>' in html
    assert "Back up your notes <strong>before</strong> you start." in html


def test_tabs_and_code_titles(imported):
    html = page(imported, "getting-started/tabs")
    tags = Tags(html)
    assert tags("div", **{"class": "tabbed-set"})
    labels = [a.get("for") for a in tags("label") if a.get("for", "").startswith("__tabbed")]
    assert len(labels) == 2
    assert ">macOS</label>" in html and ">Windows</label>" in html
    assert '<span class="filename">setup.sh</span>' in html
    assert '<span class="filename">streak.py</span>' in html  # GitBook's <pre data-title>
    assert '<span class="hll">' in html  # its highlighted line


def test_steppers_and_columns(imported):
    html = page(imported, "getting-started/tabs")
    start = html.index("<ol>")
    steps = html[start:html.index("</ol>", start)]
    assert steps.count("<li>") == 2 and ">Pick a cue<" in steps
    assert "Two minutes at most.<br>\nReally." in steps  # GitBook's backslash line break
    assert Tags(html)("div", **{"class": "grid"})
    assert "Morning <strong>pages</strong>" in html


def test_description_survives(imported):
    tags = Tags(page(imported, "getting-started/install"))
    assert tags("meta", name="description")[0]["content"] == "How to install the campfire tools on your computer."


def test_references_embeds_and_files(imported):
    html = page(imported, "getting-started/install")
    tags = Tags(html)
    assert tags("iframe")[0]["src"] == "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"
    assert '<a href="https://example.org/slides">' in html
    assert '<a href="../tabs/">Tabs and code</a>' in html  # page-ref, titled with the page's title
    assert tags("a", download="guide (final).pdf")
    assert ">The printable guide</a>" in html
    index = page(imported, "getting-started")
    assert '<a href="install/">Install guide</a>' in index  # content-ref
    assert 'Stuck? Ask in <a href="../habits/">the habits section</a>.' in index  # include, inlined
    assert (imported["root"] / ".gitbook/includes/ask.md").is_file()  # kept, as written
    assert "f(x)" in html and "snake_case" in html and "2 * 3 * 4 needs no escape but *stars* do." in html
    source = (imported["root"] / "docs/getting-started/install.md").read_text(encoding="utf-8")
    assert "snake_case" in source and "f(x)" in source and "2 * 3 * 4 needs no escape but \\*stars\\* do" in source
    assert 'print("{% hint %} \\_")' in source  # code is never touched


def test_figures_html_images_and_anchors(imported):
    html = page(imported, "habits/tiny-habits")
    assert "<figcaption>The habit loop</figcaption>" in html
    assert 'id="the-cue"' in html
    assert '<a href="../../getting-started/">the guide</a>' in html
    assert '<a href="../deeper/">deeper</a>' in html
    assert "The API lists habits." in html  # unknown tag: content kept
    assert "{%" not in html


def test_card_tables_get_site_urls(imported):
    home = Tags(page(imported, ""))
    assert home("a", href="getting-started/install/")
    assert home("img", src="assets/habit%20loop.png")


def test_anchors_follow_mkdocs_ids(imported):
    html = page(imported, "habits")
    assert '<a href="tiny-habits/#the-cue">tiny habits</a>' in html
    assert '<a href="tiny-habits/#cafe-au-lait">café</a>' in html  # GitBook's slug → MkDocs' id
    assert '<a href="tiny-habits/">gone</a>' in html
    assert '<a href="#start-here">here</a>' in html
    assert "not converted: docs/habits/index.md:4: link to #nowhere: habits/tiny-habits.md has no such heading" \
        in imported["result"].stdout


def test_nested_lists_survive(imported):
    html = page(imported, "habits/tiny-habits")
    start = html.index("<ol>")
    steps = html[start:html.index("</ol>", start)]
    assert "<ul>\n<li>after coffee</li>\n<li>after lunch</li>\n</ul>" in steps
    assert "<p>Then celebrate.</p>\n</li>" in steps
    assert "<p>Steps:</p>" in html


def test_nav_from_summary(imported):
    config = load_mkdocs_yml(imported["root"] / "mkdocs.yml")
    assert config["nav"] == [
        {"Welcome": "index.md"},
        {"Getting started": [{"Getting started": [
            "getting-started/index.md",
            {"Install": "getting-started/install.md"},
            {"Tabs and code": "getting-started/tabs.md"},
        ]}]},
        {"Practice": [
            {"Habits": ["habits/index.md", {"Tiny habits": [
                "habits/tiny-habits.md", {"Going deeper": ["habits/deeper/index.md"]}]}]},
            {"GitBook": "https://www.gitbook.com/"},
        ]},
    ]
    assert config["site_name"] == "Campfire Handbook"
    assert config["theme"]["name"] == "material"
    assert config["not_in_nav"].split("\n") == [
        "/changelog.md", "/extra/\\[draft\\] notes\\*.md", "/extra/orphan.md", "/old/setup.md", ""]
    assert config["plugins"] == ["search", {"handbook": {"changelog": "handbook-changelog.md"}}]
    assert "Our own, written by hand." in page(imported, "changelog")
    home = page(imported, "")
    assert "Practice" in home and "Going deeper" in home
    assert (imported["root"] / "site/extra/orphan/index.html").is_file()
    assert "Orphan page" not in Tags(home)("nav") and "extra/orphan/" not in home


def test_redirect_page(imported):
    html = page(imported, "old/setup")
    assert Tags(html)("meta", content="0; url=../../getting-started/install/")
    assert '<a href="../../getting-started/install/">Install guide</a>' in html


def test_starter_channel_map_lists_every_category(imported):
    """`handbook sync`'s first map: a topic channel for every folder of docs/ with a page in the nav,
    so `handbook check` finds no drift on day one."""
    root = imported["root"]
    data = yaml.safe_load((root / "channel_map.yml").read_text(encoding="utf-8"))
    channels = [c for group in data["discord_categories"] for c in group["channels"] if c.get("kind") == "topic"]
    config = load_mkdocs_yml(root / "mkdocs.yml")
    in_nav = {page.split("/")[0] for page in _nav_pages(config["nav"]) if "/" in page and "://" not in page}
    assert in_nav == {"getting-started", "habits"}  # extra/ and old/ only hold pages outside the nav
    assert sorted(c["category"] for c in channels) == sorted(in_nav)
    assert all(c["name"] == c["category"] for c in channels)
    assert data["server"]["name"] == "Campfire Handbook"
    assert (root / "channel_map.schema.json").is_file()
    assert {"channel_map.yml", "channel_map.schema.json"} <= {
        path for path in imported["repo"].git.show("--name-only", "--format=", "HEAD").splitlines()
    }
    check = run_cli("check", "-f", str(root / "mkdocs.yml"))
    assert check.returncode == 0, check.stdout + check.stderr
    assert "No drift" in check.stdout


def _nav_pages(nav) -> list[str]:
    pages = []
    for item in nav if isinstance(nav, list) else [nav]:
        for value in item.values() if isinstance(item, dict) else [item]:
            pages += _nav_pages(value) if isinstance(value, list) else [value]
    return pages


def test_findings_printed_and_in_commit_message(imported):
    out = imported["result"].stdout
    line = "habits/tiny-habits.md:21: {% swagger %} has no Material equivalent"
    assert f"not converted: {line}" in out
    assert line in imported["repo"].head.commit.message
    assert "not in the nav (kept, built, listed in not_in_nav): docs/extra/orphan.md" in out


def test_second_import_changes_nothing(imported):
    assert imported["again"].returncode == 0
    assert "nothing to do" in imported["again"].stdout
    assert imported["repo"].head.commit.summary == CONVERT_SUBJECT
    assert not imported["repo"].is_dirty(untracked_files=False)


def test_dry_run_changes_nothing(tmp_path, monkeypatch):
    isolated_git(monkeypatch)
    repo = make_gitbook(tmp_path / "book")
    head = repo.head.commit.hexsha
    result = run_cli("import", "gitbook", "--dry-run", cwd=tmp_path / "book")
    assert result.returncode == 0, result.stderr
    assert "would rename README.md -> docs/index.md" in result.stdout
    assert "would rename .gitbook/assets/habit loop.png -> docs/assets/habit loop.png" in result.stdout
    assert "would edit docs/getting-started/tabs.md (code 1, column 2, columns 1, line breaks 1, pre 1, step 2, " \
        "stepper 1, tab 2, tabs 1)" in result.stdout
    assert "would create mkdocs.yml" in result.stdout
    assert "would create docs/old/setup.md (redirect to getting-started/install.md)" in result.stdout
    assert repo.head.commit.hexsha == head
    assert not repo.is_dirty(untracked_files=True)
    assert not (tmp_path / "book/docs").exists()
