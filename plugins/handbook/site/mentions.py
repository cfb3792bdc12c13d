"""`#channel-name` in a page's prose → a link to that channel: a Python-Markdown extension.

The mention is an inline pattern registered below `html` and `entity` (priority 75), so code
spans, autolinks, links, raw HTML and backslash escapes are already stashed away when it runs;
it also refuses to run inside `<a>` (link text). A `#` only starts a mention at the start of the
text or after white space or opening punctuation, so `page#anchor` and URLs stay as they are,
and `{ #id }` attribute lists are left to `attr_list`. In headings a mention stays text, so the
heading's id and its table-of-contents entry are exactly what they would be without the plugin.

Inline patterns do not know line numbers: the extension counts what it found per page, and
`locate_mentions` finds the lines (with markdown-it-py's block map) only when there is something
to warn about, so a clean page is parsed once.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections import Counter
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import ClassVar

from markdown import Extension, Markdown
from markdown.inlinepatterns import InlineProcessor
from markdown.treeprocessors import Treeprocessor

from handbook.channelmap.rules import MENTIONABLE_NAME
from handbook.findings import Finding, MENTION_AT_LINE_START, MENTION_PRIVATE_CHANNEL, MENTION_UNKNOWN_CHANNEL
from handbook.site.links import ChannelLinks

# `#` first, so the regex engine scans for it with a fast literal search; then a look-behind over
# the `#` and the character before it (fixed width 2: at the very start there is none, and a
# negative look-behind that cannot fit succeeds). 50 times faster than a leading look-behind.
# The name is any name `handbook sync` can write (`rules.MENTIONABLE_NAME`).
MENTION_PATTERN = r"#(?<![^\s(\[{\"'\u201c\u2018*]#)(" + MENTIONABLE_NAME + ")"
MENTION_RE = re.compile(MENTION_PATTERN)
PRIORITY = 75
"""Below `html` (90) and `entity` (80), above emphasis (60)."""
MENTION_CLASS = "handbook-mention"
PRIVATE_CLASS = "handbook-mention handbook-mention--private"
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def in_attribute_list(text: str, start: int, end: int) -> bool:
    """Whether the match at `start:end` sits inside `{ ... }` (attr_list's `{ #id .class }`)."""
    return text.rfind("{", 0, start) > text.rfind("}", 0, start) and "}" in text[end:]


@dataclass(frozen=True)
class Problem:
    """A mention that needs the author's attention."""

    written: str
    """The name as written after `#`."""
    kind: str
    """`unknown` (a near miss of a channel) or `private`."""
    suggestion: str | None = None


class MentionsExtension(Extension):
    """One instance per build; the plugin tells it which page is being rendered."""

    def __init__(self, links: ChannelLinks, *, skip: frozenset[str] = frozenset(),
                 quiet: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.links = links
        self.skip = skip
        """`src_uri`s rendered without mentions (the generated pages write their own links)."""
        self.quiet = quiet
        """`src_uri`s whose mentions are rendered (private ones hidden) but never warned about:
        the changelog, whose text comes from commit messages nobody can fix."""
        self.src_uri: str | None = None
        self.problems: Counter[Problem] = Counter()
        self.made = 0
        """Mention elements made on the current page (the heading pass is skipped when none)."""
        self.active = True

    def begin_page(self, src_uri: str, markdown: str | None = None) -> None:
        """Call before the page's Markdown instance is made. Given the page's `markdown`, a page
        with no `#word` at all is rendered without the inline pattern (no cost)."""
        self.src_uri = src_uri
        self.problems = Counter()
        self.made = 0
        self.active = markdown is None or MENTION_RE.search(markdown) is not None

    def end_page(self) -> Counter[Problem]:
        problems, self.problems, self.src_uri = self.problems, Counter(), None
        return problems

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        if not self.active:
            return
        inline = md.treeprocessors["inline"] if "inline" in md.treeprocessors else None
        pattern = (MentionInlineProcessor(MENTION_PATTERN, self, inline)
                   if isinstance(getattr(inline, "ancestors", None), list)
                   else MentionOutsideLinks(MENTION_PATTERN, self))
        md.inlinePatterns.register(pattern, "handbook_mention", PRIORITY)
        md.treeprocessors.register(HeadingMentionsTreeprocessor(md, self), "handbook_mention_headings", 15)


class MentionInlineProcessor(InlineProcessor):
    ANCESTOR_EXCLUDES: ClassVar[Collection[str]] = ()  # link text: asked in handleMatch, on a match only

    def __init__(self, pattern: str, extension: MentionsExtension, inline: object = None) -> None:
        super().__init__(pattern)
        self.ext = extension
        self.inline = inline
        """Python-Markdown's inline treeprocessor: its `ancestors` say whether the text is link
        text (Python-Markdown would ask on every run of text of every page, one call each)."""

    def handleMatch(self, m: re.Match[str], data: str):  # type: ignore[override]  # noqa: N802
        ext = self.ext
        if ext.src_uri is None or ext.src_uri in ext.skip or in_attribute_list(data, m.start(), m.end()):
            return None, None, None
        if self.inline is not None and "a" in self.inline.ancestors:  # type: ignore[attr-defined]
            return None, None, None
        written = m.group(1)
        channel = ext.links.lookup(written)
        quiet = ext.src_uri in ext.quiet
        if channel is None:
            suggestion = None if quiet else ext.links.suggest(written)
            if suggestion:
                ext.problems[Problem(written, "unknown", suggestion)] += 1
            return None, None, None
        if channel.is_private:
            if not quiet:
                ext.problems[Problem(written, "private")] += 1
            el = etree.Element("span", {"class": PRIVATE_CLASS})
            el.text = ext.links.display_name(channel)
            ext.made += 1
            return el, m.start(), m.end()
        href = ext.links.href(channel, ext.src_uri)
        if href is None:
            return None, None, None
        el = etree.Element("a", {"class": MENTION_CLASS, "href": href})
        el.text = m.group(0)
        ext.made += 1
        return el, m.start(), m.end()


class MentionOutsideLinks(MentionInlineProcessor):
    """Where Python-Markdown has no inline treeprocessor to ask: it skips link text itself."""

    ANCESTOR_EXCLUDES: ClassVar[Collection[str]] = ("a",)


class HeadingMentionsTreeprocessor(Treeprocessor):
    """Mentions in headings stay text: ids, permalinks and the TOC never hold a nested link."""

    def __init__(self, md: Markdown, extension: MentionsExtension) -> None:
        super().__init__(md)
        self.ext = extension

    def run(self, root: etree.Element) -> None:
        if not self.ext.made:
            return
        for heading in root.iter():
            if heading.tag in _HEADINGS:
                _unwrap_mentions(heading)


def _unwrap_mentions(parent: etree.Element) -> None:
    previous: etree.Element | None = None
    for child in list(parent):
        if (child.get("class") or "").startswith(MENTION_CLASS):
            text = (child.text or "") + (child.tail or "")
            if previous is None:
                parent.text = (parent.text or "") + text
            else:
                previous.tail = (previous.tail or "") + text
            parent.remove(child)
        else:
            _unwrap_mentions(child)
            previous = child


# --- finding the lines of mentions (only for pages with problems) ---------------------------


def locate_mentions(markdown: str, first_line: int = 1) -> dict[str, list[int]]:
    """Every mention-like `#name` in the prose of `markdown`, by name as written, with its
    line (1-based, `first_line` being the line of the first character of `markdown`).

    markdown-it-py with `code` disabled: Material's admonitions and tabs indent their body,
    which CommonMark would read as a code block. Code spans, links, raw HTML and escapes are
    skipped as in the extension."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark").enable("table").disable(["code", "text_join"])
    found: dict[str, list[int]] = {}
    for token in md.parse(markdown):
        if token.type != "inline" or not token.map or not token.children:
            continue
        line = token.map[0] + first_line
        parts: list[str] = []
        in_link = 0

        def flush(at_line: int) -> None:
            text = "".join(parts)
            for m in MENTION_RE.finditer(text):
                if not in_attribute_list(text, m.start(), m.end()):
                    found.setdefault(m.group(1), []).append(at_line)
            parts.clear()

        for child in token.children:
            if child.type in ("softbreak", "hardbreak"):
                flush(line)
                line += 1
            elif child.type == "link_open":
                in_link += 1
                parts.append("\x00")
            elif child.type == "link_close":
                in_link -= 1
            elif child.type == "text" and not in_link:
                parts.append(child.content)
            else:
                parts.append("\x00")
        flush(line)
    return found


def mention_findings(problems: Counter[Problem], source: str, display: str) -> list[Finding]:
    """One finding per problem mention, with its line in the file `display` whose full text
    (front matter included) is `source`."""
    from mkdocs.utils.meta import get_data

    body, _ = get_data(source)
    first_line = source.count("\n", 0, len(source) - len(body)) + 1 if body else 1
    located = locate_mentions(body, first_line)
    findings = []
    for problem in sorted(problems, key=lambda p: (min(located.get(p.written, [0])), p.written)):
        lines = located.get(problem.written, [])
        count = problems[problem]
        for line in (lines[:count] + [None] * count)[:count]:
            findings.append(_finding(problem, display, line))
    findings.sort(key=lambda f: (f.line or 0, f.message))
    return findings


def _finding(problem: Problem, display: str, line: int | None) -> Finding:
    name = f"#{problem.written}"
    if problem.kind == "private":
        return MENTION_PRIVATE_CHANNEL(
                       f"{name} is a private channel; the public site shows it as \"a private channel\", "
                       "without a link", display, line,
                       f"remove the mention, or write \\{name} to keep the text as it is")
    return MENTION_UNKNOWN_CHANNEL(
                   f"{name} is not a channel of the channel map; did you mean #{problem.suggestion}?",
                   display, line, f"write #{problem.suggestion}, or \\{name} if it is not meant as a channel")


# --- `#name` at the start of a line: a heading in Python-Markdown -----------------------------

# Python-Markdown (unlike CommonMark) needs no space after `#`, so `#welcome is where...` at the
# start of a line (in a quote, a list or an admonition too) is a heading, not a mention. A list
# item's text starts a line of its own: `- #habits`, `* #habits`, `+ #habits`, `1. #habits` (its
# marker and then a space or tab; `1)` and `-#habits` are no list in Python-Markdown).
_LINE_START = re.compile(r"[ \t]*(?:(?:>|[-*+][ \t]|\d+\.[ \t])[ \t]*)*#(" + MENTIONABLE_NAME + ")")
_FENCE = re.compile(r"[ \t]*(?:>[ \t]*)*(`{3,}|~{3,})")
_ANY_LINE_START = re.compile("^" + _LINE_START.pattern, re.MULTILINE)
_OTHER_LINE_BREAKS = re.compile("[\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
"""Where `str.splitlines` ends a line and `^` does not see a line start."""


def line_start_mentions(markdown: str, is_channel: Callable[[str], bool], first_line: int = 1) -> list[tuple[int, str]]:
    """(line, name) for each line of `markdown` outside fenced code that starts with `#name` for
    a channel `is_channel` knows; `first_line` is the line of `markdown`'s first character."""
    if _ANY_LINE_START.search(markdown) is None and _OTHER_LINE_BREAKS.search(markdown) is None:
        return []  # the common page: no line starts like a mention, fenced or not (two searches)
    found = []
    fence: str | None = None
    for number, line in enumerate(markdown.splitlines(), first_line):
        opening = _FENCE.match(line)
        if opening:
            marker = opening.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
            continue
        if fence is not None:
            continue
        match = _LINE_START.match(line)
        if match and is_channel(match.group(1)):
            found.append((number, match.group(1)))
    return found


def line_start_findings(source: str, display: str, is_channel: Callable[[str], bool]) -> list[Finding]:
    """A finding for every known `#channel` that starts a line of the page whose full text (front
    matter included) is `source`: the page would show a heading instead of the mention."""
    if "#" not in source:
        return []
    from mkdocs.utils.meta import get_data

    body, _ = get_data(source)
    first_line = source.count("\n", 0, len(source) - len(body)) + 1 if body else 1
    return [MENTION_AT_LINE_START(
                    f"the line starts with #{name}, which Python-Markdown makes a heading, not a mention",
                    display, line,
                    f"start the line with another word, or write `\\#{name}` or `<span>#{name}</span>`")
            for line, name in line_start_mentions(body, is_channel, first_line)]


# --- mentions in HTML we write ourselves (the changelog's entries) ---------------------------


def mentions_html(text: str, links: ChannelLinks, src_uri: str, url: Callable[[str], str | None]) -> str:
    """`text`, Markdown-inert HTML (`handbook.text.markdown_text.inert`), with each `#channel` the
    inline pattern would link in that Markdown made the element it would make: the same matches
    (the pattern sees the same characters), lookups and privacy. `url(href)` is where a link of
    the page `src_uri` to `href` (a Discord URL or a relative `.md` path) leads once MkDocs has
    made it a URL, since raw HTML is never rewritten; None leaves the mention text."""
    if "#" not in text:
        return text

    def element(m: re.Match[str]) -> str:
        channel = links.lookup(m.group(1))
        if channel is None:
            return m.group(0)
        if channel.is_private:
            return f'<span class="{PRIVATE_CLASS}">{html.escape(links.display_name(channel), quote=False)}</span>'
        href = links.href(channel, src_uri)
        target = url(href) if href is not None else None
        if target is None:
            return m.group(0)
        return f'<a class="{MENTION_CLASS}" href="{html.escape(target)}">{m.group(0)}</a>'

    # The pattern sees each character reference as a placeholder, which neither is part of a name
    # nor opens a mention: `#habits&amp;b` is the mention #habits, `&#91;#habits` none.
    references = _REFERENCE.findall(text)
    marked = MENTION_RE.sub(element, _REFERENCE.sub(_OPAQUE, text))
    if not references:
        return marked
    parts = marked.split(_OPAQUE)
    return "".join(part + (references[i] if i < len(references) else "") for i, part in enumerate(parts))


_REFERENCE = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|\w+);")
_OPAQUE = "\x02"
