"""QA: a `feed:` path that the site already uses (the home page, a page, the sitemap) is never
overwritten with the Atom feed; the build warns, so a strict build fails."""

from __future__ import annotations

import pytest
from qakit import make_project
from sitekit import build_site


@pytest.mark.parametrize("feed", ["index.html", "habits/index.html", "sitemap.xml"])
def test_feed_never_replaces_a_file_of_the_site(tmp_path, feed):
    make_project(tmp_path, {"mkdocs.yml": f"site_name: Q\ntheme:\n  name: material\nplugins:\n"
                                          f"  - handbook:\n      feed: {feed}\n"})
    built = build_site(tmp_path)
    text = (tmp_path / "site" / feed).read_text(encoding="utf-8")
    assert "<feed xmlns" not in text
    assert any(feed in m and "feed" in m for m in built.handbook_lines()), built.warnings


def test_feed_is_rewritten_by_a_second_build_into_the_same_site(tmp_path):
    make_project(tmp_path)
    build_site(tmp_path)
    built = build_site(tmp_path)  # the old feed is there: it is ours, so it is replaced, no warning
    assert "<feed xmlns" in (tmp_path / "site" / "feed.xml").read_text(encoding="utf-8")
    assert not [m for m in built.handbook_lines() if "feed" in m]
