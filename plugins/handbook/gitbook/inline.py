"""GitBook Markdown's lines → Material's, one line at a time: links, images, inline tags, escapes.

`InlineMarkup` is the line-level half of a page's conversion (`handbook.gitbook.markup` has the
blocks): code spans are masked first, so nothing inside them changes; links and images are
rewritten for the page's new place; raw HTML goes to `HtmlRewriter`.
"""

from __future__ import annotations

import re
from collections import Counter

from markdown.extensions.toc import slugify as toc_slugify

from handbook.gitbook.blocks import Tag
from handbook.gitbook.escapes import unescape_line
from handbook.gitbook.links import Links, clean_url
from handbook.gitbook.rawhtml import DETAILS, FIGURE, HTML_BLOCK, HTML_IMG, HTML_LINK, HtmlRewriter
from handbook.gitbook.syntax import CODE_SPAN, HEADING, HEADING_ANCHOR, IMAGE, INLINE_TAG, LINK, REFERENCE, parse_attrs

LIST_ITEM = re.compile(r"^[ \t]*(?:[*+-]|\d+[.)])[ \t]")


class InlineMarkup:
    """Converts the lines of one page (`_Page` in `handbook.gitbook.markup`, which has the state
    below and `note()`, and the `_tag_*` writers an inline `{% embed %}` or `{% file %}` borrows)."""

    links: Links
    old: str
    new: str
    changes: Counter
    html: HtmlRewriter
    in_html: bool
    math_noted: bool
    in_list: bool

    def note(self, line: int, message: str) -> None:
        raise NotImplementedError

    def inline(self, text: str, number: int) -> str:
        if not text.strip():
            self.in_html = False
            return text
        list_content = self._list_content(text)
        figure = FIGURE.match(text)
        if figure:
            return self.html.figure(figure, number)
        details = DETAILS.match(text)
        if details:
            self.changes["details"] += 1
            return details["indent"] + '<details markdown="1">'
        if self.in_html or HTML_BLOCK.match(text):
            self.in_html = True
            return self.html.block_line(text, number)
        if "$$" in CODE_SPAN.sub("", text) and not self.math_noted:
            self.math_noted = True
            self.note(number, "math ($$) kept as written: add pymdownx.arithmatex and MathJax to typeset it")
        spans: list[str] = []

        def mask(match: re.Match) -> str:
            spans.append(match.group(0))
            return f"\x00{len(spans) - 1}\x00"

        text = CODE_SPAN.sub(mask, text)
        anchor = HEADING_ANCHOR.match(text)
        if anchor:
            heading = HEADING.match(anchor["heading"])
            plain = re.sub(r"[*_`\\]", "", heading["title"]) if heading else ""
            same = plain and toc_slugify(plain, "-") == anchor["id"]  # MkDocs gives it that id anyway
            text = anchor["heading"] if same else f"{anchor['heading']} {{ #{anchor['id']} }}"
            self.changes["heading anchor"] += 1
        text = HTML_IMG.sub(lambda m: self.html.image(m, number), text)
        text = HTML_LINK.sub(lambda m: self.html.link(m, number), text)
        text = IMAGE.sub(lambda m: self._link(m, number, image=True), text)
        text = LINK.sub(lambda m: self._link(m, number, image=False), text)
        reference = REFERENCE.match(text)
        if reference:
            text = self._reference(reference, number)
        text = INLINE_TAG.sub(lambda m: self._inline_tag(m, number), text)
        trailing = len(text) - len(text.rstrip("\\"))
        if trailing % 2 and not text.lstrip().startswith("|"):
            text = text[:-1].rstrip() + "<br>"  # CommonMark's backslash line break
            self.changes["line breaks"] += 1
        text = re.sub("\x00(\\d+)\x00", lambda m: spans[int(m.group(1))], text)
        unescaped = unescape_line(text, list_content=list_content)
        if unescaped != text:
            self.changes["escapes"] += 1
        return unescaped

    def _list_content(self, text: str) -> bool:
        """Whether `text` is indented under a list item (so four spaces are not a code block)."""
        indent = len(text) - len(text.lstrip(" \t"))
        if LIST_ITEM.match(text):
            self.in_list = True
        elif indent == 0:
            self.in_list = False
        return self.in_list and indent >= 4

    def rewrite(self, url: str, number: int, what: str) -> str | None:
        resolved = self.links.resolve(url, self.old, self.new)
        if resolved.external:
            return url
        if resolved.url is None:
            self.note(number, f"{what} to {clean_url(url)}: no such file in the GitBook space; kept the text only")
            return None
        if resolved.url != url:
            self.changes["links"] += 1
        return resolved.url

    def _link(self, match: re.Match, number: int, image: bool) -> str:
        url = self.rewrite(match["url"], number, "image" if image else "link")
        if url is None:
            return match["text"]
        return f"{'!' if image else ''}[{match['text']}]({url}{match['title'] or ''})"

    def _reference(self, match: re.Match, number: int) -> str:
        url = self.rewrite(match["url"], number, "link definition")
        if url is None:
            return match.group(0)
        return f"{match['lead']}{url}{match['rest']}"

    def _inline_tag(self, match: re.Match, number: int) -> str:
        tag = Tag(match["name"], parse_attrs(match["args"]), number, args=match["args"])
        if match["end"]:
            self.note(number, f"{{% end{tag.name} %}} inside a line; removed it")
            return ""
        if tag.name in ("embed", "page-ref", "content-ref", "file"):
            self.changes[tag.name] += 1
            handler = getattr(self, "_tag_" + tag.name.replace("-", "_"))
            lines = handler(tag)
            return " ".join(line for line in lines if line.strip() and not line.startswith("<iframe")) or ""
        self.note(number, f"{{% {tag.name} %}} inside a line has no Material equivalent; removed it")
        return ""
