"""The "Discuss this page" links of a built page, parsed from the HTML MkDocs wrote."""

from __future__ import annotations

from html.parser import HTMLParser


class _DiscussLinks(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.found: list[dict] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and "handbook-discuss__channel" in (attrs.get("class") or ""):
            self.found.append(attrs)


def discuss_link(html: str) -> dict:
    """The attributes of the page's one discuss link (`href`, `data-handbook-post` for a post)."""
    parser = _DiscussLinks()
    parser.feed(html)
    assert len(parser.found) == 1, parser.found
    return parser.found[0]
