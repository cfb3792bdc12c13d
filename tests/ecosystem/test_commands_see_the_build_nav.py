"""`handbook check`, `sync` and `status` see the navigation the build sees, for every nav plugin.

Each tree has a folder the nav plugin leaves out (`drafts/`: no channel wanted) and a new folder it
titles itself (`sleep/`, "Better Sleep", with no channel yet). `handbook check --format json`
reports what `mkdocs build` logs, code for code and file for file; `handbook sync` writes the nav's
title into the new topic; then `check`, `status` and the strict build are all clean.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import re

import pytest
import yaml
from ecosystem_site import DOCS, build_strict, make_site

from handbook.cli import main

TREE = {**DOCS, "drafts/index.md": "# Drafts\n\nNot ready.\n", "sleep/index.md": "# Sleep\n\nRest well.\n"}
NAV_TITLE = "Better Sleep"

LITERATE_SUMMARY = ("* [Welcome](index.md)\n"
                    "* Habits\n"
                    "    * [Habits](habits/index.md)\n"
                    "    * [Tiny](habits/tiny.md)\n"
                    "* [Focus](focus/index.md)\n"
                    f"* {NAV_TITLE}\n"
                    "    * [Overview](sleep/index.md)\n")

I18N_FOLDERS = {"i18n": {"docs_structure": "folder", "languages": [
    {"locale": "en", "default": True, "name": "English", "build": True, "nav_translations": {"Sleep": NAV_TITLE}},
    {"locale": "fr", "name": "Français", "build": True},
]}}
I18N_NAV = {"nav": ["index.md", {"Habits": ["habits/index.md", "habits/tiny.md"]}, {"Focus": "focus/index.md"},
                    {"Sleep": ["sleep/index.md"]}]}
"""mkdocs.yml's nav, which mkdocs-static-i18n reads inside each language folder and translates."""

BLOG_DOCS = {**TREE, "news/index.md": "---\nchannel: news\n---\n# News\n\nWhat is new.\n",
             "news/posts/first.md": "---\ndate: 2024-03-01\n---\n# First post\n\nHello.\n"}
BLOG_NAV = {"nav": ["index.md", {"Habits": ["habits/index.md", "habits/tiny.md"]}, {"Focus": "focus/index.md"},
                    {NAV_TITLE: ["sleep/index.md"]}, {"Latest news": "news/index.md"}]}
"""Material's blog shows its index page under the page's own title ("News"), whatever the nav says."""

CASES = {  # plugins, docs, mkdocs.yml options, {new folder: its title in the built site}
    "literate-nav": (["search", {"literate-nav": {"nav_file": "SUMMARY.md"}}],
                     {**TREE, "SUMMARY.md": LITERATE_SUMMARY}, None, {"sleep": NAV_TITLE}),
    "awesome-nav": (["search", "awesome-nav"],
                    {**TREE, ".nav.yml": f"nav:\n  - index.md\n  - habits\n  - focus\n  - {NAV_TITLE}: sleep\n"},
                    None, {"sleep": NAV_TITLE}),
    "awesome-pages": (["search", "awesome-pages"],
                      {**TREE, ".pages": "nav:\n  - index.md\n  - habits\n  - focus\n  - sleep\n",
                       "sleep/.pages": f"title: {NAV_TITLE}\n"}, None, {"sleep": NAV_TITLE}),
    "static-i18n": (["search", I18N_FOLDERS],
                    {**{f"en/{path}": text for path, text in TREE.items()}, "fr/index.md": "# Bienvenue\n"},
                    I18N_NAV, {"sleep": NAV_TITLE}),
    "material-blog": (["search", {"blog": {"blog_dir": "news"}}], BLOG_DOCS, BLOG_NAV,
                      {"sleep": NAV_TITLE, "news": "News"}),
}

PAGE_CODES = ("discuss-",)
LOG_FINDING = re.compile(r"^handbook: (?P<location>\S+): (?P<message>.*) \[(?P<code>[a-z][a-z-]*)\] Fix: ")


def docs_dir(plugin: str) -> str:
    return "docs/en/" if plugin == "static-i18n" else "docs/"


def handbook(root, *args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main([*args, "-f", str(root / "mkdocs.yml")])
    return code, out.getvalue()


def check_findings(root) -> tuple[int, list[tuple[str, str, str]]]:
    """Exit code and (code, file[:line], message) of each finding of `handbook check --format json`."""
    code, out = handbook(root, "check", "--format", "json")
    found = json.loads(out)["findings"]
    return code, sorted((f["code"], f"{f['file']}:{f['line']}" if f["line"] else f["file"], f["message"])
                        for f in found)


def build_findings(site) -> list[tuple[str, str, str]]:
    """The same, of the drift and validation findings the plugin logged in the build (a page's own
    findings, such as its "Discuss this page" channel, are no part of `handbook check`)."""
    lines = [r.getMessage() for r in site.records if ".handbook." in r.name and r.levelno >= logging.INFO]
    found = [m for m in map(LOG_FINDING.match, lines) if m and not m["code"].startswith(PAGE_CODES)]
    return sorted((m["code"], m["location"], m["message"]) for m in found)


@pytest.mark.parametrize("plugin", CASES)
def test_check_reports_what_the_build_reports_and_sync_writes_the_nav_title(tmp_path, plugin):
    plugins, docs, config, new = CASES[plugin]
    root = make_site(tmp_path, plugins, docs=docs, config=config)
    code, before = check_findings(root)
    assert not (root / "site").exists() and not (root / ".handbook-cache").exists()  # nothing built or generated
    built = build_strict(root)
    assert set(built.categories()) == {"habits", "focus", *new}  # no drafts
    assert before == build_findings(built) and code == 1, before
    # the new folders alone: drafts/ needs no channel
    assert [(finding, where.split(":")[0]) for finding, where, _ in before] == \
        sorted(("missing-channel", f"{docs_dir(plugin)}{folder}/index.md") for folder in new)
    assert all(f"({new[where.split('/')[-2]]})" in message for _, where, message in before)

    assert handbook(root, "sync")[0] == 0
    channels = yaml.safe_load((root / "channel_map.yml").read_text(encoding="utf-8"))["discord_categories"]
    topics = {c["name"]: c.get("topic", "") for group in channels for c in group["channels"]}
    assert "drafts" not in topics and all(topics[folder].startswith(title) for folder, title in new.items())

    assert check_findings(root) == (0, [])
    assert handbook(root, "status", "--offline")[0] == 0
    assert handbook(root, "sync")[1].endswith("nothing to change.\n")
    site = build_strict(root)
    assert site.aborted is None and site.warnings == [], (site.aborted, site.warnings)


def test_another_plugin_that_stops_the_build_stops_check_with_one_line(tmp_path, capsys):
    docs = {**TREE, ".pages": "nav:\n  - index.md\n  - habits\n  - gone.md\n"}
    root = make_site(tmp_path, ["search", "awesome-pages"], docs=docs)
    capsys.readouterr()
    assert main(["check", "-f", str(root / "mkdocs.yml")]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "Traceback" not in err
    assert "the 'awesome-pages' plugin stopped" in err and '"gone.md" not found' in err
    with pytest.raises(Exception, match='"gone.md" not found'):  # the build stops on it too (with a traceback)
        build_strict(root)


HOOK = '''\
def on_nav(nav, config, files):
    print("a hook's chatter")
    nav.items = [item for item in nav.items if getattr(item, "title", None) != "Focus"]
    return nav
'''


def test_a_hook_that_changes_the_nav_counts_and_its_prints_stay_out_of_the_json(tmp_path, capsys):
    """MkDocs' own `hooks:` run too (the site's nav leaves out focus/ here, so its channel is an orphan)."""
    root = make_site(tmp_path, ["search"], docs=DOCS, config={"hooks": ["hooks.py"]})
    (root / "hooks.py").write_text(HOOK, encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--format", "json", "-f", str(root / "mkdocs.yml")]) == 1
    out, err = capsys.readouterr()
    assert [(f["code"], f["message"]) for f in json.loads(out)["findings"]] == [
        ("orphan-channel", "the topic channel #focus mirrors `focus`, which is no longer a handbook category")]
    assert "a hook's chatter" in err


def test_our_generated_pages_in_the_nav_change_no_title(tmp_path):
    """The build's nav holds the channel directory the plugin generates; the commands' has none."""
    docs = {**DOCS, "people/index.md": "# People\n\nWho is who.\n"}
    nav = {"nav": ["index.md", {"Habits": ["habits/index.md", "habits/tiny.md"]}, {"Focus": "focus/index.md"},
                   {"Our people": ["people/index.md", {"Channels": "channels.md"}]}]}
    root = make_site(tmp_path, ["search"], docs=docs, config=nav)
    code, found = check_findings(root)
    assert found == build_findings(build_strict(root)) and code == 1
    assert [message for _, _, message in found] == ["the handbook category `people` (Our people) has no topic channel"]


def test_review_every_by_category_knows_the_categories_of_the_final_nav(tmp_path):
    plugins, docs, config, _ = CASES["awesome-pages"]
    root = make_site(tmp_path, plugins, docs=docs, config=config,
                     handbook={"drift": "ignore", "review_every_by_category": {"drafts": "1 year", "sleep": "6 months"}})
    unknown = "`review_every_by_category` names `drafts`, which is not a handbook category"
    built = [w for w in build_strict(root).warnings if "[review-category-unknown]" in w]
    assert len(built) == 1 and unknown in built[0]  # drafts/ is left out of the nav; sleep/ is in it
    code, out = handbook(root, "review", "--format", "json")
    assert [f["message"] for f in json.loads(out)["findings"]] == [unknown] and code != 0
