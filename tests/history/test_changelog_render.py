"""The changelog's Markdown, from plain entries (no git, no build)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from handbook.history.changelog import Entry, PageRef, build_entries, compile_ignore, md_text, render_markdown
from handbook.history.log import Change, Commit

DAY = datetime(2024, 3, 31, 23, 0, tzinfo=timezone.utc)


def entry(n: int, **kw) -> Entry:
    return Entry(f"{n:040x}", DAY - timedelta(days=n), f"Change {n}", ("Ada",), **kw)


def test_links_are_relative_to_a_nested_changelog_and_removed_pages_are_named() -> None:
    e = entry(
        0,
        added=[PageRef("habits/new page.md", "habits/new page.md")],
        updated=[PageRef("gone.md", None)],
        renamed=[("old/x.md", PageRef("x.md", "x.md"))],
        removed=[PageRef("rest/sleep.md", None)],
        channels=["#a renamed to #b"],
    )
    md = render_markdown(
        [e], page_path="about/changes.md", pages={"habits/new page.md": "New *page*", "x.md": "X"}, limit=10
    )
    assert "[New &#42;page&#42;](../habits/new%20page.md)" in md
    assert "Updated: <code>gone.md</code> (removed since)" in md
    assert "Renamed: <code>old/x.md</code> → [X](../x.md)" in md
    assert "Removed: <code>rest/sleep.md</code>" in md
    assert "Channels: #a renamed to #b" in md


def test_months_newest_first_and_the_limit() -> None:
    entries = [entry(n, updated=[PageRef("a.md", "a.md")]) for n in range(0, 80, 20)]
    md = render_markdown(entries, page_path="changelog.md", pages={"a.md": "A"}, limit=3, feed_url="feed.xml")
    months = [line for line in md.splitlines() if line.startswith("## ")]
    assert months == ["## March 2024", "## February 2024"]
    assert md.count("- <a id=") == 3
    assert '1 older change not shown here; the <a href="feed.xml">Atom feed</a> has them all.' in md
    assert render_markdown([], page_path="c.md", pages={}, limit=5).count("No changes recorded yet") == 1


HOSTILE_SUBJECTS = [
    "<b>*x*</b> [l](u) `c` # h",
    "Remove Slack docs (no longer a free account)",   # arithmatex read the escaped \\( \\) as maths
    "Costs $5, or $10 with \\(tax\\) and \\[VAT\\]",
    "==mark== ^^ins^^ ~~del~~ H~2~O x^2^ {++add++} {: .cls} ++ctrl+c++",
    "a | b | c",
    "_under_ __bold__ [x][ref] ![img](y.png) <https://example.org> &amp; &",
]


@pytest.mark.parametrize("subject", HOSTILE_SUBJECTS)
def test_md_text_renders_as_the_literal_text_under_material_s_extensions(subject: str) -> None:
    import markdown
    from html.parser import HTMLParser

    rendered = markdown.markdown(
        f"- **Date** · {md_text(subject)}",
        extensions=["tables", "attr_list", "md_in_html", "pymdownx.arithmatex", "pymdownx.mark",
                    "pymdownx.tilde", "pymdownx.caret", "pymdownx.critic", "pymdownx.keys",
                    "pymdownx.betterem", "pymdownx.magiclink"])

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[str] = []
            self.text = ""

        def handle_starttag(self, tag, attrs) -> None:
            self.tags.append(tag)

        def handle_data(self, data) -> None:
            self.text += data

    parser = Text()
    parser.feed(rendered)
    assert parser.tags == ["ul", "li", "strong"], rendered
    assert parser.text.strip() == f"Date · {subject}"


def test_noise_and_empty_commits_are_left_out() -> None:
    def commit(n, subject, changes, boundary=False):
        return Commit(f"{n:040x}", DAY, "Ada", (), subject, boundary, changes)

    commits = [
        commit(1, "Fix typo on the home page", [Change("M", "index.md", current="index.md")]),
        commit(2, "Trim trailing whitespace", [Change("M", "index.md", current="index.md")]),
        commit(3, "Add a picture", [Change("A", "img/a.png", current="img/a.png")]),
        commit(4, "Typography guide", [Change("A", "typography.md", current="typography.md")]),
        commit(5, "Cut-off", [Change("A", "index.md", current="index.md")], boundary=True),
    ]
    ignore = compile_ignore([r"(?i)^\s*(fix(ed)?\s+)?typos?\b", r"(?i)\bwhitespace\b"])
    assert [e.subject for e in build_entries(commits, {}, ignore, shallow=True)] == ["Typography guide"]
    assert [e.subject for e in build_entries(commits, {}, ignore, shallow=False)] == ["Typography guide", "Cut-off"]


