"""The reviews page comes only when the site asks for reviews (issue 32, "Adopting on real
sites"): a handbook that never wrote an owner or a review date gets no page of "never reviewed"
pages; one page's front matter, or one option, is enough to ask. Real builds, parsed HTML."""

from __future__ import annotations

from bs4 import BeautifulSoup
import pytest
from sitekit import build_site, write_files

PAGES = {
    "docs/index.md": "# Home\n",
    "docs/guidelines/index.md": "# Guidelines\n",
    "docs/guidelines/reporting.md": "# Reporting\n\nHow to report.\n",
}


def site(tmp_path, options: str = "", pages: dict[str, str] | None = None):
    mkdocs = "site_name: Reviews\nplugins:\n  - handbook:\n      history: false\n" + options
    write_files(tmp_path, {"mkdocs.yml": mkdocs, **PAGES, **(pages or {})})
    built = build_site(tmp_path)
    assert built.aborted is None, built.errors
    return built


def nav_links(built) -> list[str]:
    page = BeautifulSoup(built.html("index.html"), "html.parser")
    return [a["href"] for a in page.select("a[href]")]


def test_a_site_that_never_asked_for_reviews_gets_no_reviews_page(tmp_path):
    built = site(tmp_path)
    assert not (built.site_dir / "reviews").exists()
    assert not [href for href in nav_links(built) if "reviews" in href]


@pytest.mark.parametrize(("options", "pages"), [
    ("", {"docs/guidelines/reporting.md": "---\nlast_reviewed: 2024-01-31\n---\n# Reporting\n"}),
    ("", {"docs/guidelines/reporting.md": "---\nowner: Moderation team\n---\n# Reporting\n"}),
    ("", {"docs/guidelines/reporting.md": "---\nreview_every: 90 days\n---\n# Reporting\n"}),
    ("      review_every: 1 year\n", {}),
    ("      review_every_by_category:\n        guidelines: 6 months\n", {}),
], ids=["last_reviewed", "owner", "page review_every", "review_every", "review_every_by_category"])
def test_one_page_or_one_option_asks_for_the_reviews_page(tmp_path, options, pages):
    built = site(tmp_path, options, pages)
    page = BeautifulSoup(built.html("reviews/index.html"), "html.parser")
    listed = [a.get_text(strip=True) for a in page.select("table a")]
    assert "Reporting" in listed
