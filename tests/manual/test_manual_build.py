"""The manual builds strict, as CI builds it; every page has search and an "edit this page" link,
and a page dropped into `how-to/` or `explanation/` is in the nav with no edit to any nav."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from manualkit import build_manual, copy_manual, pages, soup
from mkdocs.exceptions import Abort

from paths import ROOT

REPO = "https://github.com/campfire-practice/handbook/"


def nav_titles(page) -> list[str]:
    """The top level of the primary nav, as a reader sees it."""
    nav = soup(page).select_one("nav.md-nav--primary > ul.md-nav__list")
    return [item.select_one(".md-nav__link, label").get_text(" ", strip=True)
            for item in nav.find_all("li", recursive=False)]


def test_the_manual_has_its_four_kinds_of_page_in_the_readers_order(site):
    assert nav_titles(site / "index.html") == ["The handbook manual", "Your community's handbook in 15 minutes",
                                               "How-to guides", "Reference", "Explanation"]


def test_every_page_has_an_edit_link_into_the_repository(site):
    for page in pages(site):
        edit = soup(page).select_one("a.md-content__button[href]")
        assert edit is not None, page
        assert edit["href"].startswith(REPO + "edit/main/"), (page, edit["href"])
        assert "/../" not in edit["href"], edit["href"]


def test_the_manual_is_searchable(site):
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"] for doc in index["docs"]}
    assert {"", "tutorial/", "how-to/", "reference/", "explanation/"} <= locations


def test_a_page_dropped_into_a_folder_is_in_the_nav(tmp_path):
    manual = copy_manual(tmp_path / "manual")
    (manual / "docs" / "how-to" / "zz-water-the-plants.md").write_text("# Water the plants\n", encoding="utf-8")
    (manual / "docs" / "explanation" / "why-plants.md").write_text("# Why plants\n", encoding="utf-8")
    site = build_manual(tmp_path / "site", manual)
    page = soup(site / "how-to" / "zz-water-the-plants" / "index.html")
    links = {a.get_text(strip=True) for a in page.select("nav.md-nav--primary a.md-nav__link")}
    assert {"Water the plants", "Why plants"} <= links


def test_a_warning_stops_the_build(tmp_path):
    """Strict for real: a page with a broken link fails the build, as in CI."""
    manual = copy_manual(tmp_path / "manual")
    (manual / "docs" / "how-to" / "broken.md").write_text("# Broken\n\n[gone](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(Abort):
        build_manual(tmp_path / "site", manual)


def test_dev_py_builds_the_manual_strict(tmp_path):
    """`python3 dev.py manual-build`, as the README says (options after it go to `mkdocs build`)."""
    result = subprocess.run([sys.executable, str(ROOT / "dev.py"), "manual-build", "-q", "-d", str(tmp_path / "site")],
                            capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "site" / "reference" / "1-options" / "index.html").is_file()
