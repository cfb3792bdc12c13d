"""`handbook check` reads each docs page once: the categories (from the nav) and the page findings
(reviews, `#channel` at a line's start, tokens) share what was read. Counted at the two ways a
file's text is read (`Path.read_text` and `handbook.files`' reader), never timed."""

from __future__ import annotations

import contextlib
import io
import json
from collections import Counter
from pathlib import Path

import pytest
from ecosystem_site import DOCS, make_site

from handbook import files
from handbook.cli import main

PAGES = {**DOCS, "habits/index.md": "---\nowner: Ada Lovelace\nlast_reviewed: 2024-01-02\n---\n# Habits\n\nTiny routines.\n",
         "focus/deep.md": "# Deep work\n\n#focus is where we talk about it.\n"}


@pytest.fixture
def reads(monkeypatch):
    """Each docs page path -> how many times its text was read."""
    counted: Counter[str] = Counter()
    path_read_text, read_regular = Path.read_text, files._read_regular

    def count(path) -> None:
        if "/docs/" in str(path) and str(path).endswith(".md"):
            counted[str(path).split("/docs/", 1)[1]] += 1

    def counting_read_text(self, *args, **kwargs):
        count(self)
        return path_read_text(self, *args, **kwargs)

    def counting_read_regular(path, shown):
        count(path)
        return read_regular(path, shown)

    monkeypatch.setattr(Path, "read_text", counting_read_text)
    monkeypatch.setattr(files, "_read_regular", counting_read_regular)
    return counted


@pytest.mark.parametrize("options", [{}, {"review_every_by_category": {"habits": "6 months"}}],
                         ids=["defaults", "review categories"])
def test_check_reads_each_page_once(tmp_path, reads, options):
    root = make_site(tmp_path, ["search"], docs=PAGES, handbook=options)
    reads.clear()  # making the site read nothing of interest; from here on it counts
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["check", "--format", "json", "-f", str(root / "mkdocs.yml")])
    found = {f["code"] for f in json.loads(out.getvalue())["findings"]}
    assert code == 1 and "mention-at-line-start" in found  # the pages' findings were made from what was read
    assert dict(reads) == {page: 1 for page in PAGES}
