"""QA: front matter whose `title:` YAML reads as a number, a date or a list still builds: the
changelog and feed name the page as MkDocs shows it."""

from __future__ import annotations

import pytest
from qakit import handbook, make_project
from sitekit import build_site


@pytest.mark.parametrize("title", ["010", "[x]", "2024-01-01", "{a: 1}"])
def test_build_with_a_title_that_is_not_text(tmp_path, title):
    make_project(tmp_path, {"docs/habits/index.md": f"---\ntitle: {title}\n---\n# Habits\n"})
    assert handbook(tmp_path, "sync").returncode == 0
    built = build_site(tmp_path)
    assert built.aborted is None, built.errors
    assert not built.errors
    assert (tmp_path / "site" / "changelog" / "index.html").is_file()
    assert handbook(tmp_path, "generate").returncode == 0
