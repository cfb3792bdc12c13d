"""The discuss box, the page history box and the review line are one set of Jinja partials
(`handbook/site/templates/partials/`), rendered by MkDocs' theme for the plugin and by the
Zensical extension: the same page gets the same bytes from both. What differs by design is the
theme's icons (Material's SVGs under MkDocs, Zensical's own copy under Zensical), so each `<svg>`
is compared by the icon it is, not by its bytes.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from sitekit import build_site, commit_all, write_files

BIN = Path(sys.executable).parent
MKDOCS_YML = """\
site_name: Test Handbook
theme:
  name: material
  language: {language}
markdown_extensions:
  - toc:
      permalink: true
  - handbook.site.standalone
plugins:
  - handbook:
      drift: ignore
      review_every: 1 year
      review_banner: true
"""
CHANNEL_MAP = """\
server:
  name: Test Community
  invite: https://discord.gg/test-community
roles:
  - name: cohort
discord_categories:
  - name: Topics
    channels:
      - name: habits
        kind: topic
        category: habits
"""
DOCS = {
    "docs/index.md": "# Welcome\n\nSay hello in #habits.\n",
    "docs/habits/index.md": "# Habits\n\n## Small steps\n\nTalk it over in #habits.\n",
    "docs/habits/tiny.md": ('---\nowner: "@cohort"\nlast_reviewed: 2020-01-02\n---\n'
                            "# Tiny habits\n\nStart with one push-up.\n"),
}
BOX = re.compile(r'<aside class="md-source-file[^"]*"[^>]*>.*?</aside>', re.S)
SVG = re.compile(r"<svg\b.*?</svg>", re.S)


def boxes(html: str) -> list[str]:
    """The page's handbook boxes, each icon replaced by the name of the icon it draws."""
    return [SVG.sub(lambda m: f"<svg {icon_name(m.group(0))}/>", box) for box in BOX.findall(html)
            if "handbook-" in box.split(">", 1)[0] or "handbook-review" in box]


ICON_PATHS: dict[str, str] = {}


def icon_name(svg: str) -> str:
    """The icon an SVG draws, known by its path data (the same shapes in both themes' copies)."""
    shape = " ".join(re.findall(r'\bd="([^"]+)"', svg))
    return ICON_PATHS.setdefault(shape, f"icon-{len(ICON_PATHS) + 1}")


@pytest.fixture(scope="module", params=["en", "de"])
def built(request, tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp(f"same-markup-{request.param}")
    write_files(root, {**DOCS, "channel_map.yml": CHANNEL_MAP,
                       "mkdocs.yml": MKDOCS_YML.format(language=request.param)})
    commit_all(root, "Import the handbook")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
    for command in ([sys.executable, "-m", "handbook", "generate"], [str(BIN / "zensical"), "build", "--clean"]):
        result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
        assert result.returncode == 0 and "Traceback" not in result.stderr, result.stdout + result.stderr
    mkdocs = build_site(root, site_dir=tmp_path_factory.mktemp("mkdocs-site"))
    assert mkdocs.aborted is None and mkdocs.warnings == []
    return root / "site", mkdocs.site_dir


@pytest.mark.parametrize("page", ["habits/tiny/index.html", "habits/index.html", "index.html"])
def test_both_paths_render_the_boxes_byte_for_byte(built, page):
    zensical_site, mkdocs_site = built
    ours = boxes((zensical_site / page).read_text(encoding="utf-8"))
    plugins = boxes((mkdocs_site / page).read_text(encoding="utf-8"))
    assert ours, page
    assert ours == plugins


def test_the_compared_boxes_hold_every_part(built):
    zensical_site, _ = built
    tiny = "".join(boxes((zensical_site / "habits/tiny/index.html").read_text(encoding="utf-8")))
    for part in ("handbook-history__updated", "handbook-history__created", "handbook-history__contributors",
                 'data-handbook-review="2020-01-02"', "handbook-discuss__channel", "handbook-discuss__invite"):
        assert part in tiny, part
    assert tiny.count("<svg ") >= 4  # the dates', the contributor's, the review's and the discuss box's icons


def test_mentions_false_keeps_the_discuss_box_as_the_plugin_does(tmp_path):
    write_files(tmp_path, {**DOCS, "channel_map.yml": CHANNEL_MAP,
                           "mkdocs.yml": MKDOCS_YML.format(language="en") + "      mentions: false\n"})
    commit_all(tmp_path, "Import the handbook")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([str(BIN / "zensical"), "build", "--clean"], cwd=tmp_path, capture_output=True,
                            text=True, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    ours = (tmp_path / "site" / "habits" / "index.html").read_text(encoding="utf-8")
    plugins = build_site(tmp_path, site_dir=tmp_path / "mkdocs-site").html("habits/index.html")
    for html in (ours, plugins):
        assert "handbook-mention" not in html and "handbook-discuss__channel" in html
    assert boxes(ours) == boxes(plugins)


def discuss_targets(html: str) -> list[str]:
    return re.findall(r'class="handbook-discuss__channel" href="([^"]+)"', html)


def test_discuss_boxes_follow_the_categories_as_the_plugin_has_them(tmp_path):
    """An excluded category has no box though a topic channel mirrors it; a category whose index
    names a channel is discussed there, on each of its pages."""
    channel_map = CHANNEL_MAP + ("      - name: focus\n        kind: topic\n        category: focus\n"
                                 "      - name: general\n        kind: topic\n")
    docs = {**DOCS, "docs/focus/index.md": "# Focus\n\nQuiet hours.\n",
            "docs/rest/index.md": "---\nchannel: general\n---\n# Rest\n\nSleep well.\n",
            "docs/rest/naps.md": "# Naps\n\nTwenty minutes.\n"}
    config = MKDOCS_YML.format(language="en") + "      exclude_categories: [focus]\n"
    write_files(tmp_path, {**docs, "channel_map.yml": channel_map, "mkdocs.yml": config})
    commit_all(tmp_path, "Import the handbook")
    env = {**os.environ, "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1", "NO_MKDOCS_2_WARNING": "1"}
    for command in ([sys.executable, "-m", "handbook", "generate"], [str(BIN / "zensical"), "build", "--clean"]):
        result = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
    mkdocs_site = build_site(tmp_path, site_dir=tmp_path / "mkdocs-site").site_dir
    expected = {"focus/index.html": [], "rest/index.html": ["../channels/#general"],
                "rest/naps/index.html": ["../../channels/#general"], "habits/index.html": ["../channels/#habits"]}
    for page, targets in expected.items():
        assert discuss_targets((mkdocs_site / page).read_text(encoding="utf-8")) == targets, page
        assert discuss_targets((tmp_path / "site" / page).read_text(encoding="utf-8")) == targets, page


def test_the_overdue_banner_is_on_the_page_once_and_not_in_its_headings(built):
    """Python-Markdown's toc runs every postprocessor on each heading's text: ours act on the page alone."""
    zensical_site, mkdocs_site = built
    ours = (zensical_site / "habits/tiny/index.html").read_text(encoding="utf-8")
    plugins = (mkdocs_site / "habits/tiny/index.html").read_text(encoding="utf-8")
    assert ours.count("handbook-review-banner") == plugins.count("handbook-review-banner") == 1
    heading_ids = re.compile(r'<h[1-6] id="([^"]+)"')
    assert heading_ids.findall(ours) == heading_ids.findall(plugins)
